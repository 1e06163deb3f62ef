/**
 * What a scenario's compilation needs before the year loop, and the checks that can only be
 * made with it: the base population of every region split by status, the age profiles
 * normalised to the base-year status populations, and the levers' values by year. Two checks
 * live here because they need those numbers: that the status split of each base is feasible,
 * and that no lever spread over ages by its profile passes its limit (`m + c <= 1`,
 * `k + q <= 1` at every age). Both the parse stage ({@link safeParseScenario} of the public
 * API) and the compiler run them, so that a scenario that parses compiles, and every problem
 * is reported at once, per region, in the scenario's own paths.
 */

import { ChengzhenError, formatPath, type ChengzhenIssue } from '../errors.js';
import type { Scenario } from '../schema/scenario.js';
import { SCHEDULE_RANGES } from '../schema/scenarioChecks.js';
import { forRegion, type PerRegion } from '../schema/regionValues.js';
import { scheduleValues, type Schedule, type ScheduleRange } from '../schema/schedule.js';
import { ageProfileFor } from './ageProfileFor.js';
import { basePopulation } from './basePopulation.js';
import { baseInto, BaseScratch } from './compileBases.js';
import { defaultStatusSeeds, type PopulationByStatus } from './statusSplit.js';

const SHARE = SCHEDULE_RANGES.share;

/** Rates by year for one region, and the path they came from (for messages). */
export interface LeverValues {
  values: number[];
  path: (string | number)[];
}

/** A profile by sex over ages 0..maxAge. */
export interface ProfileBySex {
  female: Float64Array;
  male: Float64Array;
}

/** The levers of one region by year (null for a lever the scenario leaves to the data). */
export interface RegionLevers {
  m: LeverValues;
  c: LeverValues;
  q: LeverValues;
  k: LeverValues;
  external: LeverValues;
  /** Gross in- and out-migrants from outside the regions modelled, persons per year. */
  externalIn: LeverValues;
  externalOut: LeverValues;
  mxScale: LeverValues | null;
  tfr: LeverValues | null;
  tfrScale: LeverValues | null;
  srb: LeverValues | null;
}

/** What the compiler builds the kernel problem from, and every input problem found. */
export interface CompileInputs {
  /** The base of every region (its numbers are also in `population`). */
  bases: PopulationByStatus[];
  /**
   * The bases laid out as the kernel's population (model.md section 1: region, status, sex,
   * age), zeros for a region whose base failed. Shared with the caches: read it, copy it before
   * handing it on.
   */
  population: Float64Array;
  /**
   * weights[r].x[sex * (maxAge + 1) + age]: the age profile of lever x normalised for region r,
   * `profiles.x[i] * factors.x[r]` (made when first read).
   */
  readonly weights: { m: Float64Array; q: Float64Array; k: Float64Array }[];
  /** The age profiles of the levers m, q and k by sex then age (female ages 0..maxAge, then male). */
  profiles: { m: Float64Array; q: Float64Array; k: Float64Array };
  /** Each region's factor on a lever's profile (see {@link normaliseFactor}). */
  factors: { m: Float64Array; q: Float64Array; k: Float64Array };
  levers: RegionLevers[];
  /** Empty when the scenario compiles. */
  issues: ChengzhenIssue[];
}

/** Runs a check that throws ChengzhenError and keeps its issues; undefined when it threw. */
function collect<T>(issues: ChengzhenIssue[], check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof ChengzhenError)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
}

/**
 * Caches of what does not change between compilations of one scenario with different levers
 * (solvers, simulations): base populations and age profiles, keyed by the identity of the
 * parsed (deep-frozen, so unchanging) objects they come from; lever copies share every object
 * but the lever's path. Weak keys: an entry goes with its scenario, and no caller's content
 * reaches another's. The cached arrays are only read, never handed out.
 */
const baseCache = new WeakMap<object, Map<string, PopulationByStatus>>();
const profileCache = new WeakMap<object, Map<number, ProfileBySex>>();
/** Named profiles (strings cannot be weak keys): a handful of names by a handful of ages. */
const namedProfiles = new Map<string, ProfileBySex>();
const NAMED_LIMIT = 64;

function remember<K, T>(cache: Map<K, T>, key: K, make: () => T): T {
  let found = cache.get(key);
  if (found === undefined) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

function inner<K, T>(cache: WeakMap<object, Map<K, T>>, owner: object): Map<K, T> {
  let map = cache.get(owner);
  if (map === undefined) {
    map = new Map();
    cache.set(owner, map);
  }
  return map;
}

/**
 * An age profile of the scenario by sex, cached by the identity of its (frozen) spec.
 *
 * @throws {ChengzhenError} for a profile that cannot be built, naming `path`.
 */
export function profileBySex(spec: Parameters<typeof ageProfileFor>[0], maxAge: number, path: (string | number)[]): ProfileBySex {
  const make = () => ({ female: ageProfileFor(spec, maxAge, path, 'female'), male: ageProfileFor(spec, maxAge, path, 'male') });
  if (typeof spec === 'object') return remember(inner(profileCache, spec), maxAge, make);
  if (namedProfiles.size >= NAMED_LIMIT) namedProfiles.clear();
  return remember(namedProfiles, `${spec}:${maxAge}`, make);
}

/**
 * The factor that scales a profile so that `sum_{s,a} level * w[s][a] * P[s][a] / sum P = level`,
 * where `w[s][a] = profile[s][a] * factor` (1 when no one is at the profile's ages).
 */
function normaliseFactor(profile: ProfileBySex, population: ProfileBySex): number {
  const A1 = profile.female.length;
  let weighted = 0;
  let total = 0;
  for (let a = 0; a < A1; a++) {
    weighted += profile.female[a] * population.female[a] + profile.male[a] * population.male[a];
    total += population.female[a] + population.male[a];
  }
  return weighted > 0 ? total / weighted : 1;
}

/** A profile by sex as one array, female ages then male. */
function bySexThenAge(profile: ProfileBySex): Float64Array {
  const A1 = profile.female.length;
  const out = new Float64Array(2 * A1);
  out.set(profile.female, 0);
  out.set(profile.male, A1);
  return out;
}

/** The worst breach of a rate limit by one lever in one region: where, and the highest level allowed. */
interface Breach {
  what: string;
  path: (string | number)[];
  region: string;
  year: number;
  sex: string;
  age: number;
  value: number;
  limit: number;
  level: number;
  limitText: string;
}

function breachIssue(b: Breach): ChengzhenIssue {
  const allowed = (b.level * b.limit) / b.value;
  return {
    code: 'constraint',
    path: b.path,
    coords: { year: b.year, region: b.region, sex: b.sex, age: b.age },
    message: `${formatPath(b.path)}[region=${b.region}] is too high from ${b.year}: the level ${b.level} times the age profile gives a ${b.what} of ${b.value} at ${b.sex} age ${b.age}, above ${b.limitText}; with this age profile the level can be at most ${allowed}`,
    expected: `a level <= ${allowed}`,
    received: String(b.level),
  };
}

/**
 * The base populations, normalised age profiles and lever values of a parsed scenario, with
 * every problem they show: an infeasible status split (per region), a profile that cannot be
 * built, a lever out of range, and a lever that its age profile pushes past its limit (the
 * worst age of each region and lever, from the first year it happens, with the highest level
 * that profile allows). Never throws a ChengzhenError: problems are returned in `issues`.
 *
 * The result for a (deep-frozen) parsed scenario is kept until a call for another scenario, so
 * the compiler reuses what the parse stage prepared; `keep: false` takes it and lets it go. The
 * result is shared: only read it.
 *
 * @example
 * compileInputs(parseScenario(getPreset('zhejiang-2023').scenario)).issues
 * // => []
 */
export function compileInputs(s: Scenario, options: { keep?: boolean } = {}): CompileInputs {
  if (last !== null && last.scenario === s) {
    const found = last.inputs;
    if (options.keep === false) last = null;
    return found;
  }
  const made = prepare(s);
  // a frozen scenario cannot change, so its inputs hold for it until the next scenario comes
  if (options.keep !== false && Object.isFrozen(s)) last = { scenario: s, inputs: made };
  return made;
}

/**
 * The inputs of the last scenario prepared, kept for the next call with the same scenario: the
 * parse stage prepares a scenario to check it, and the compiler that follows takes them over.
 * One scenario at a time, and the compiler lets go of them.
 */
let last: { scenario: Scenario; inputs: CompileInputs } | null = null;

function prepare(s: Scenario): CompileInputs {
  const issues: ChengzhenIssue[] = [];
  const ids = s.regions.map((r) => r.id);
  const A = s.maxAge;
  const A1 = A + 1;
  const firstYear = s.baseYear + 1;
  const empty: ProfileBySex = { female: new Float64Array(A1), male: new Float64Array(A1) };

  const failed = new Set<number>();
  const R = ids.length;
  const block = 2 * A1;
  const population = new Float64Array(R * 3 * block);
  const views = (r: number): PopulationByStatus => {
    const at = (h: number, sex: number) => population.subarray(r * 3 * block + h * block + sex * A1, r * 3 * block + h * block + (sex + 1) * A1);
    return { rural: { female: at(0, 0), male: at(0, 1) }, migrant: { female: at(1, 0), male: at(1, 1) }, hukou: { female: at(2, 0), male: at(2, 1) } };
  };
  const copyInto = (base: PopulationByStatus, r: number) => {
    [base.rural, base.migrant, base.hukou].forEach((part, h) => {
      population.set(part.female, r * 3 * block + h * block);
      population.set(part.male, r * 3 * block + h * block + A1);
    });
  };
  // the common form of a base (age groups from 0) is split straight into `population`, with the
  // numbers of basePopulation; other forms, and bases it would refuse, take basePopulation itself.
  // Regions whose bases are written the same share one split of the general path (within this
  // call only): the split reads nothing but the base, the base year and maxAge
  const sameBase = new Map<string, PopulationByStatus>();
  const seeds = defaultStatusSeeds(A);
  const scratch = new BaseScratch();
  const cacheKey = `${s.baseYear}:${s.maxAge}`;
  const bases = ids.map((id, r) => {
    const cache = inner(baseCache, s.base[id]);
    const cached = cache.get(cacheKey);
    if (cached !== undefined) {
      copyInto(cached, r);
      return cached;
    }
    if (baseInto(s, id, seeds, population, r * 3 * block, scratch)) {
      const made = views(r);
      cache.set(cacheKey, made);
      return made;
    }
    const base = collect(issues, () =>
      remember(cache, cacheKey, () => {
        const key = JSON.stringify(s.base[id]);
        const found = sameBase.get(key);
        if (found !== undefined) return found;
        const made = basePopulation(s, id, ['base', id]);
        sameBase.set(key, made);
        return made;
      }),
    );
    if (base !== undefined) {
      copyInto(base, r);
      return base;
    }
    population.fill(0, r * 3 * block, (r + 1) * 3 * block);
    failed.add(r);
    return { rural: empty, migrant: empty, hukou: empty };
  });
  const profiles = {
    m: collect(issues, () => profileBySex(s.migration.ruralToUrbanAgeProfile, A, ['migration', 'ruralToUrbanAgeProfile'])) ?? empty,
    q: collect(issues, () => profileBySex(s.migration.returnAgeProfile, A, ['migration', 'returnAgeProfile'])) ?? empty,
    k: collect(issues, () => profileBySex(s.hukou.ageProfile, A, ['hukou', 'ageProfile'])) ?? empty,
  };
  collect(issues, () => profileBySex(s.migration.externalAgeProfile, A, ['migration', 'externalAgeProfile']));
  collect(issues, () => profileBySex(s.migration.externalInAgeProfile, A, ['migration', 'externalInAgeProfile']));
  const outProfile = collect(issues, () => profileBySex(s.migration.externalOutAgeProfile, A, ['migration', 'externalOutAgeProfile']));
  // a region's weights are its factor times the lever's profile; made as arrays only for callers
  // that read them (one buffer per lever, each region's weights a view of it)
  const flat = { m: bySexThenAge(profiles.m), q: bySexThenAge(profiles.q), k: bySexThenAge(profiles.k) };
  const factors = { m: new Float64Array(R), q: new Float64Array(R), k: new Float64Array(R) };
  bases.forEach((b, r) => {
    factors.m[r] = normaliseFactor(profiles.m, b.rural);
    factors.q[r] = normaliseFactor(profiles.q, b.migrant);
    factors.k[r] = normaliseFactor(profiles.k, b.migrant);
  });
  let weights: CompileInputs['weights'] | null = null;
  const weightsOf = (): CompileInputs['weights'] => {
    const buffers = { m: new Float64Array(R * 2 * A1), q: new Float64Array(R * 2 * A1), k: new Float64Array(R * 2 * A1) };
    return ids.map((_, r) => {
      const views = { m: buffers.m.subarray(r * 2 * A1, (r + 1) * 2 * A1), q: buffers.q.subarray(r * 2 * A1, (r + 1) * 2 * A1), k: buffers.k.subarray(r * 2 * A1, (r + 1) * 2 * A1) };
      for (const x of ['m', 'q', 'k'] as const) {
        const profile = flat[x];
        const factor = factors[x][r];
        const out = views[x];
        for (let i = 0; i < out.length; i++) out[i] = profile[i] * factor;
      }
      return views;
    });
  };

  const d = s.demography;
  const zeros = new Array<number>(s.endYear - s.baseYear).fill(0);
  // the values of one schedule (a number, or one object) are computed once for the regions that
  // share it; a schedule that fails is computed, and reported, for each region
  // one memo per lever, keyed by its path (each path below is one array for every region)
  const known = new Map<(string | number)[], Map<unknown, number[]>>();
  const lever = (value: PerRegion<Schedule>, id: string, path: (string | number)[], range: ScheduleRange = SHARE): LeverValues => {
    let memo = known.get(path);
    if (memo === undefined) {
      memo = new Map();
      known.set(path, memo);
    }
    // a region's number (its own or everyone's) whose values are known already: no path to make
    const own = typeof value === 'object' && value !== null && 'byRegion' in value ? (Object.hasOwn(value.byRegion, id) ? value.byRegion[id] : undefined) : value;
    if (typeof own === 'number') {
      const known = memo.get(Object.is(own, -0) ? '-0' : own);
      if (known !== undefined) return { values: known, path };
    }
    const values = collect(issues, () => {
      const found = forRegion(value, id, path);
      // a Map takes -0 for 0; a schedule of -0 gives values of -0
      const same = Object.is(found.value, -0) ? '-0' : found.value;
      let out = memo.get(same);
      if (out === undefined) {
        out = scheduleValues(found.value, found.path, firstYear, s.endYear, range);
        memo.set(same, out);
      }
      return out;
    });
    return { values: values ?? zeros, path };
  };
  // the levers' paths, one array each for all regions (a region's values hold its path)
  const paths = {
    m: ['migration', 'ruralToUrbanRate'],
    c: ['migration', 'reclassificationRate'],
    q: ['migration', 'returnRate'],
    k: ['hukou', 'conversionRate'],
    external: ['migration', 'externalNetMigrants'],
    externalIn: ['migration', 'externalInMigrants'],
    externalOut: ['migration', 'externalOutMigrants'],
    mxScale: ['demography', 'mortality', 'mxScale'],
    tfr: ['demography', 'fertility', 'tfr'],
    tfrScale: ['demography', 'fertility', 'tfrScale'],
    srb: ['demography', 'sexRatioAtBirth'],
  };
  const levers = ids.map(
    (id): RegionLevers => ({
      m: lever(s.migration.ruralToUrbanRate, id, paths.m),
      c: lever(s.migration.reclassificationRate, id, paths.c),
      q: lever(s.migration.returnRate, id, paths.q),
      k: lever(s.hukou.conversionRate, id, paths.k),
      external: lever(s.migration.externalNetMigrants, id, paths.external, SCHEDULE_RANGES.externalNetMigrants),
      externalIn: lever(s.migration.externalInMigrants, id, paths.externalIn, SCHEDULE_RANGES.externalGrossMigrants),
      externalOut: lever(s.migration.externalOutMigrants, id, paths.externalOut, SCHEDULE_RANGES.externalGrossMigrants),
      mxScale: d.mortality.mxScale === undefined ? null : lever(d.mortality.mxScale, id, paths.mxScale, SCHEDULE_RANGES.mxScale),
      tfr: d.fertility.tfr === 'un-wpp2024' ? null : lever(d.fertility.tfr, id, paths.tfr, SCHEDULE_RANGES.tfr),
      tfrScale: d.fertility.tfrScale === undefined ? null : lever(d.fertility.tfrScale, id, paths.tfrScale, SCHEDULE_RANGES.tfrScale),
      srb: d.sexRatioAtBirth === 'un-wpp2024' ? null : lever(d.sexRatioAtBirth, id, paths.srb, SCHEDULE_RANGES.sexRatioAtBirth),
    }),
  );
  // regions whose base failed have no weights to check; a lever that failed is all zeros
  issues.push(...breachIssues(s, ids, flat, factors, levers, failed));
  if (outProfile !== undefined) issues.push(...outflowIssues(s, ids, bases, outProfile, levers, failed));
  return {
    bases,
    population,
    get weights() {
      weights ??= weightsOf();
      return weights;
    },
    profiles: flat,
    factors,
    levers,
    issues,
  };
}

/**
 * Gross out-migrants that cannot be drawn: a status they leave from (a share above 0 in
 * `migration.externalOutStatusShares`) with no base-year residents at the ages of the
 * out-migration profile, in a region with out-migrants in some year.
 */
function outflowIssues(s: Scenario, ids: string[], bases: PopulationByStatus[], profile: ProfileBySex, levers: RegionLevers[], skip: ReadonlySet<number>): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  const shares = s.migration.externalOutStatusShares;
  const A1 = s.maxAge + 1;
  for (let r = 0; r < ids.length; r++) {
    if (skip.has(r)) continue;
    const year = levers[r].externalOut.values.findIndex((v) => v > 0);
    if (year < 0) continue;
    for (const status of ['rural', 'migrant', 'hukou'] as const) {
      if (!(shares[status] > 0)) continue;
      const part = bases[r][status];
      let weighted = 0;
      for (let a = 0; a < A1; a++) weighted += profile.female[a] * part.female[a] + profile.male[a] * part.male[a];
      if (weighted > 0) continue;
      const path = ['migration', 'externalOutStatusShares', status];
      issues.push({
        code: 'constraint',
        path,
        coords: { year: s.baseYear + 1 + year, region: ids[r] },
        message: `${formatPath(path)}[region=${ids[r]}] is ${shares[status]}, but the region has no ${status} residents at the ages of migration.externalOutAgeProfile in the base year, so its out-migrants from ${s.baseYear + 1 + year} cannot leave from that status`,
        expected: `0, or ${status} residents at the ages of the profile`,
        received: String(shares[status]),
      });
    }
  }
  return issues;
}

/** True when the levers that can breach a limit (m, c, k, q) have in year `t` their values of year `t - 1`. */
function sameAsYearBefore(lv: RegionLevers, t: number): boolean {
  return lv.m.values[t] === lv.m.values[t - 1] && lv.c.values[t] === lv.c.values[t - 1] && lv.k.values[t] === lv.k.values[t - 1] && lv.q.values[t] === lv.q.values[t - 1];
}

/** Rates by age past their limits, the worst per lever and region (the first year it happens). */
function breachIssues(s: Scenario, ids: string[], profiles: CompileInputs['profiles'], factors: CompileInputs['factors'], levers: RegionLevers[], skip: ReadonlySet<number>): ChengzhenIssue[] {
  const A1 = s.maxAge + 1;
  const breaches = new Map<string, Breach>();
  const breach = (b: Breach) => {
    const key = `${b.what}:${b.region}`;
    const seen = breaches.get(key);
    if (!seen || b.value / b.limit > seen.value / seen.limit) breaches.set(key, seen ? { ...b, year: Math.min(seen.year, b.year) } : b);
  };
  const steps = s.endYear - s.baseYear;
  for (let t = 0; t < steps; t++) {
    const year = s.baseYear + 1 + t;
    for (let r = 0; r < ids.length; r++) {
      if (skip.has(r)) continue;
      const lv = levers[r];
      // a year with the levers of the year before breaches as that year did (same values, later year)
      if (t > 0 && sameAsYearBefore(lv, t)) continue;
      const fm = factors.m[r];
      const fk = factors.k[r];
      const fq = factors.q[r];
      const c = lv.c.values[t];
      for (let x = 0; x < 2 * A1; x++) {
        // the level times the region's weight, profiles.x[x] * factors.x[r]
        const mv = lv.m.values[t] * (profiles.m[x] * fm);
        const kv = lv.k.values[t] * (profiles.k[x] * fk);
        const qv = lv.q.values[t] * (profiles.q[x] * fq);
        if (mv + c <= 1 && kv + qv <= 1) continue;
        const sex = x < A1 ? 'female' : 'male';
        const age = x % A1;
        if (!(mv + c <= 1)) breach({ what: 'rural-to-urban migration rate', path: lv.m.path, region: ids[r], year, sex, age, value: mv, limit: 1 - c, level: lv.m.values[t], limitText: `1 - reclassificationRate = ${1 - c}` });
        if (!(kv + qv <= 1)) breach({ what: 'hukou conversion rate', path: lv.k.path, region: ids[r], year, sex, age, value: kv, limit: 1 - qv, level: lv.k.values[t], limitText: `1 - the return rate at that age = ${1 - qv}` });
      }
    }
  }
  return [...breaches.values()].map(breachIssue);
}
