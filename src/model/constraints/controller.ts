/**
 * The constraints' controller (docs/constraints.md): runs the kernel one year at a time and,
 * before each year, sets that year's rates from the population at its start. The kernel stays
 * a pure function of its inputs; every year's inputs are a deterministic function of the
 * scenario and the population on 1 January.
 *
 * Order within a year: housing (scales `m` by origin and rewrites `D`; scales outside arrivals
 * `n`), then school access (scales `m` at school ages by origin), then the settlement quota
 * (scales `k` by region). Conversions come from the migrants already there, so the quota does
 * not depend on the moves.
 */

import { ChengzhenError } from '../../errors.js';
import { createKernelWorkspace, runKernelInto, stepInputs } from '../../kernel/runKernel.js';
import { stepInto } from '../../kernel/step.js';
import { FLOW_NAMES, type FlowName, type KernelProblem, type KernelResult, type StepInputs } from '../../kernel/types.js';
import type { Constraints } from '../../schema/constraints.js';
import type { Scenario } from '../../schema/scenario.js';
import { forRegion, regionScheduleValues, type PerRegion } from '../../schema/regionValues.js';
import type { Schedule } from '../../schema/schedule.js';
import type { CapacityStock } from '../../schema/services.js';
import type { DerivedSeries } from '../projection.js';
import { capacityPath } from '../services/capacity.js';
import { arrivalsOf, minOverDestinations, routeHousing, rowDot, type Closure } from './routing.js';
import { ageMask, positiveArrivals, statusAges, statusFlows } from './startOfYear.js';

const RURAL = 0;
const MIGRANT = 1;
const HUKOU = 2;
const SHARE = { min: 0, max: 1 };
const NON_NEGATIVE = { min: 0, max: Infinity };
const POSITIVE = { min: 0, max: Infinity, exclusiveMin: true };
const QUOTA_RANGE = { min: 0, max: 1e12 };

/** What a constrained run gives: the kernel's result and the constraints' series. */
export interface ConstrainedRun {
  result: KernelResult;
  /** The constraint indicators (`housing.binds`, ...), indexed `yearIndex * (R + 1) + region`. */
  series: DerivedSeries;
}

/** True when a per-region value names nothing for region `id` (byRegion without it, no default): not limited there. */
function absentFor(value: unknown, id: string): boolean {
  if (typeof value !== 'object' || value === null || !('byRegion' in value)) return false;
  const v = value as { byRegion: Record<string, unknown>; default?: unknown };
  return !Object.hasOwn(v.byRegion, id) && v.default === undefined;
}

/** A stock's capacity by year index (0 = base year), or null when the region has none. */
function stockPath(spec: CapacityStock, id: string, path: (string | number)[], years: number[], baseDemand: () => number, shared: SharedValues): Float64Array | null {
  if (spec.initial !== 'matchDemand' && absentFor(spec.initial, id)) return null;
  const initial = spec.initial === 'matchDemand' ? baseDemand() : forRegion(spec.initial, id, [...path, 'initial']).value;
  const additions = byYear(spec.additionsPerYear, id, [...path, 'additionsPerYear'], years, NON_NEGATIVE, shared);
  const growth = byYear(spec.growthRate, id, [...path, 'growthRate'], years, { min: -1, max: 10 }, shared);
  const retirement = byYear(spec.retirementRate, id, [...path, 'retirementRate'], years, SHARE, shared);
  return capacityPath(initial, additions, retirement, growth, path, years);
}

type QuotaValues = Constraints extends { settlementQuota?: infer Q } ? (Q extends { persons: infer V } ? V : never) : never;

/** The quota schedule of a region: byRegion, then its tier, then default; null for none. */
function quotaFor(value: QuotaValues, id: string, tier: string | undefined, path: (string | number)[]): { schedule: Schedule; path: (string | number)[] } | null {
  if (typeof value === 'number' || !('byRegion' in value || 'byTier' in value || 'default' in value)) return { schedule: value as Schedule, path };
  const v = value as { byRegion?: Record<string, Schedule>; byTier?: Partial<Record<string, Schedule>>; default?: Schedule };
  if (v.byRegion && Object.hasOwn(v.byRegion, id)) return { schedule: v.byRegion[id], path: [...path, 'byRegion', id] };
  if (tier !== undefined && v.byTier && Object.hasOwn(v.byTier, tier) && v.byTier[tier] !== undefined) return { schedule: v.byTier[tier]!, path: [...path, 'byTier', tier] };
  if (v.default !== undefined) return { schedule: v.default, path: [...path, 'default'] };
  return null;
}

/** Values of a per-region schedule by year index (0 = base year). */
/** Values of schedules shared by every region within one run, by schedule then path: computed and reported once. */
type SharedValues = Map<unknown, Map<string, number[] | 'failed'>>;

function byYear(value: PerRegion<Schedule>, id: string, path: (string | number)[], years: number[], range: { min: number; max: number }, shared: SharedValues): number[] {
  if (typeof value === 'object' && value !== null && 'byRegion' in value) return regionScheduleValues(value, id, path, years[0], years[years.length - 1], range);
  const key = path.join('.');
  let memo = shared.get(value);
  if (memo === undefined) shared.set(value, (memo = new Map()));
  const found = memo.get(key);
  // a failed value was reported for the first region; the run stops with that report
  if (found === 'failed') return years.map(() => 1);
  if (found !== undefined) return found;
  memo.set(key, 'failed');
  const values = regionScheduleValues(value, id, path, years[0], years[years.length - 1], range);
  memo.set(key, values);
  return values;
}

/** The constraints of a scenario resolved to numbers by region and year index. */
interface Plan {
  housing: null | {
    reroute: boolean;
    external: boolean;
    mask: Uint8Array;
    from: number;
    to: number;
    /** Persons the stock houses, by region then year index; null where not limited. */
    places: (Float64Array | null)[];
    share: number[][];
  };
  quota: null | { persons: (number[] | null)[] };
  school: null | {
    mask: Uint8Array;
    from: number;
    to: number;
    leftBehind: boolean;
    places: (Float64Array | null)[];
    share: number[][];
  };
}

function resolve(c: Constraints, tiers: readonly (string | undefined)[], problem: KernelProblem, years: number[]): Plan {
  const R = problem.regions.length;
  const A = problem.maxAge;
  const P0 = problem.population;
  const plan: Plan = { housing: null, quota: null, school: null };
  const shared: SharedValues = new Map();
  const issues: ChengzhenError['issues'][number][] = [];
  const collect = <T>(f: () => T): T | null => {
    try {
      return f();
    } catch (error) {
      if (!(error instanceof ChengzhenError)) throw error;
      issues.push(...error.issues);
      return null;
    }
  };
  if (c.housing) {
    const h = c.housing;
    const p = ['constraints', 'housing'];
    const places: (Float64Array | null)[] = [];
    const share: number[][] = [];
    const migrants = statusAges(P0, MIGRANT, R, A, h.ages.from, h.ages.to, new Float64Array(R));
    for (let r = 0; r < R; r++) {
      const id = problem.regions[r];
      const sh = collect(() => byYear(h.shareInNeed, id, [...p, 'shareInNeed'], years, SHARE, shared)) ?? years.map(() => 0);
      const ppu = collect(() => byYear(h.personsPerUnit, id, [...p, 'personsPerUnit'], years, POSITIVE, shared)) ?? years.map(() => 1);
      share.push(sh);
      const occupants = () => (sh[0] * migrants[r]) / ppu[0];
      const units = collect(() => stockPath(h.capacity, id, [...p, 'capacity'], years, occupants, shared));
      places.push(units ? units.map((u, y) => u * ppu[y]) : null);
    }
    plan.housing = { reroute: h.spill === 'reroute', external: h.external, mask: ageMask(A, h.ages.from, h.ages.to), from: h.ages.from, to: h.ages.to, places, share };
  }
  if (c.settlementQuota) {
    const path = ['constraints', 'settlementQuota', 'persons'];
    const persons = problem.regions.map((id, r) => {
      const found = quotaFor(c.settlementQuota!.persons, id, tiers[r], path);
      return found ? collect(() => byYear(found.schedule, id, found.path, years, QUOTA_RANGE, shared)) : null;
    });
    plan.quota = { persons };
  }
  if (c.schoolAccess) {
    const sa = c.schoolAccess;
    const p = ['constraints', 'schoolAccess'];
    const places: (Float64Array | null)[] = [];
    const share: number[][] = [];
    const hukouChildren = statusAges(P0, HUKOU, R, A, sa.ages.from, sa.ages.to, new Float64Array(R));
    const migrantChildren = statusAges(P0, MIGRANT, R, A, sa.ages.from, sa.ages.to, new Float64Array(R));
    for (let r = 0; r < R; r++) {
      const id = problem.regions[r];
      const sh = collect(() => byYear(sa.migrantChildrenPublicSchoolShare, id, [...p, 'migrantChildrenPublicSchoolShare'], years, SHARE, shared)) ?? years.map(() => 0);
      share.push(sh);
      const demand = () => hukouChildren[r] + sh[0] * migrantChildren[r];
      places.push(collect(() => stockPath(sa.places, id, [...p, 'places'], years, demand, shared)));
    }
    plan.school = { mask: ageMask(A, sa.ages.from, sa.ages.to), from: sa.ages.from, to: sa.ages.to, leftBehind: sa.leftBehind, places, share };
  }
  if (issues.length > 0) throw new ChengzhenError(issues);
  return plan;
}

/** Per-step figures a controller records, by region. */
interface StepRecord {
  housingBinds: Float64Array;
  housingHeldBack: Float64Array;
  housingRerouted: Float64Array;
  quotaBinds: Float64Array;
  quotaHeldBack: Float64Array;
  leftBehind: Float64Array;
}

/**
 * Sets the inputs of one year from the population `P` at its start. Returns new inputs (the
 * problem's arrays are never changed) and records what each constraint did into `rec`.
 */
function controlYear(plan: Plan, problem: KernelProblem, t: number, P: Float64Array, base: StepInputs, rec: StepRecord): StepInputs {
  const R = problem.regions.length;
  const A = problem.maxAge;
  const A1 = A + 1;
  const y = t + 1; // the year index of the step's calendar year (0 = base year)
  const inputs: StepInputs = { ...base };
  let m = base.m;
  let n = base.n;
  let mCopied = false;
  const copyM = () => {
    if (!mCopied) {
      m = Float64Array.from(m);
      mCopied = true;
    }
  };

  if (plan.housing) {
    const h = plan.housing;
    const xAll = new Float64Array(R);
    const x = statusFlows(P, base, RURAL, base.m, R, A, h.mask, new Float64Array(R), xAll);
    const ext = h.external ? positiveArrivals(base.n, MIGRANT, R, A, h.mask, new Float64Array(R)) : new Float64Array(R);
    const extAll = h.external ? positiveArrivals(base.n, MIGRANT, R, A, null, new Float64Array(R)) : new Float64Array(R);
    const occupied = statusAges(P, MIGRANT, R, A, h.from, h.to, new Float64Array(R));
    const own = arrivalsOf(base.D, x, R, new Float64Array(R));
    const ownAll = arrivalsOf(base.D, xAll, R, new Float64Array(R));
    const room = new Float64Array(R);
    const limited = new Uint8Array(R);
    for (let j = 0; j < R; j++) {
      const places = h.places[j];
      if (places === null) continue;
      limited[j] = 1;
      room[j] = Math.max(0, places[y] - h.share[j][y] * occupied[j]);
    }
    const closure: Closure = { closed: new Uint8Array(R), f: new Float64Array(R).fill(1) };
    // close every destination whose arrivals in need exceed its room; with reroute, the
    // movers sent on may fill others, which close in turn (at most R rounds)
    let routed = routeHousing(base.D, closure, h.reroute, x, R);
    for (let round = 0; round <= R; round++) {
      let closedAny = false;
      for (let j = 0; j < R; j++) {
        if (!limited[j] || closure.closed[j]) continue;
        const need = h.share[j][y] * (routed.arrivals[j] + ext[j]);
        if (!(need > room[j])) continue;
        const ownNeed = h.share[j][y] * (own[j] + ext[j]);
        closure.closed[j] = 1;
        closure.f[j] = ownNeed > room[j] ? room[j] / ownNeed : 1;
        closedAny = true;
      }
      if (!closedAny) break;
      routed = routeHousing(base.D, closure, h.reroute, x, R);
    }
    let changed = false;
    for (let j = 0; j < R; j++) if (closure.closed[j] && closure.f[j] < 1) changed = true;
    // the share re-routed, from the movers of all ages (the closure came from those in need)
    const reroutedAll = h.reroute && changed ? routeHousing(base.D, closure, true, xAll, R) : routed;
    for (let j = 0; j < R; j++) {
      if (!closure.closed[j] || closure.f[j] >= 1) continue;
      const held = (1 - closure.f[j]) * (ownAll[j] + extAll[j]);
      rec.housingBinds[j] = 1;
      rec.housingHeldBack[j] = held;
      rec.housingRerouted[j] = (1 - closure.f[j]) * ownAll[j] * reroutedAll.reroutedShare[j];
    }
    if (changed) {
      inputs.D = routed.D;
      copyM();
      for (let i = 0; i < R; i++) {
        const rho = routed.rho[i];
        if (rho === 1) continue;
        for (let x2 = i * 2 * A1; x2 < (i + 1) * 2 * A1; x2++) m[x2] *= rho;
      }
      if (h.external && n !== null) {
        const scaled = Float64Array.from(n);
        for (let j = 0; j < R; j++) {
          const f = closure.f[j];
          if (!closure.closed[j] || f >= 1) continue;
          for (let s = 0; s < 2; s++) {
            const b = ((j * 3 + MIGRANT) * 2 + s) * A1;
            for (let a = 0; a < A1; a++) if (scaled[b + a] > 0) scaled[b + a] *= f;
          }
        }
        n = scaled;
      }
    }
  }

  if (plan.school?.leftBehind) {
    const sc = plan.school;
    inputs.m = m;
    const xc = statusFlows(P, inputs, RURAL, m, R, A, sc.mask, new Float64Array(R));
    const arrive = arrivalsOf(inputs.D, xc, R, new Float64Array(R));
    const ext = positiveArrivals(n, MIGRANT, R, A, sc.mask, new Float64Array(R));
    const hukou = statusAges(P, HUKOU, R, A, sc.from, sc.to, new Float64Array(R));
    const migrant = statusAges(P, MIGRANT, R, A, sc.from, sc.to, new Float64Array(R));
    const room = new Float64Array(R).fill(Infinity);
    const g = new Float64Array(R).fill(1);
    let any = false;
    for (let j = 0; j < R; j++) {
      const places = sc.places[j];
      if (places === null) continue;
      const share = sc.share[j][y];
      room[j] = Math.max(0, places[y] - hukou[j] - share * (migrant[j] + ext[j]));
      const need = share * arrive[j];
      if (need > room[j]) {
        g[j] = room[j] / need;
        any = true;
      }
    }
    if (any) {
      // each origin keeps back the share of its children its destinations cannot take, then
      // any destination still over its room holds back the children of every origin feeding it
      const u = rowDot(inputs.D, g, R, new Float64Array(R));
      const sent = Float64Array.from(xc, (v, i) => v * u[i]);
      const after = arrivalsOf(inputs.D, sent, R, new Float64Array(R));
      const ratio = new Float64Array(R).fill(1);
      for (let j = 0; j < R; j++) {
        const need = sc.share[j][y] * after[j];
        if (need > room[j]) ratio[j] = room[j] / need;
      }
      const cut = minOverDestinations(inputs.D, ratio, R, new Float64Array(R));
      copyM();
      for (let i = 0; i < R; i++) {
        const keep = u[i] * cut[i];
        rec.leftBehind[i] = xc[i] * (1 - keep);
        if (keep >= 1) continue;
        for (let s = 0; s < 2; s++) {
          const b = (i * 2 + s) * A1;
          for (let a = 0; a < A1; a++) if (sc.mask[a]) m[b + a] *= keep;
        }
      }
    }
  }

  if (plan.quota) {
    const conv = statusFlows(P, base, MIGRANT, base.k, R, A, null, new Float64Array(R));
    let k = base.k;
    for (let r = 0; r < R; r++) {
      const persons = plan.quota.persons[r];
      if (persons === null) continue;
      const quota = persons[y];
      if (!(conv[r] > quota)) continue;
      if (k === base.k) k = Float64Array.from(k);
      const f = quota / conv[r];
      for (let x2 = r * 2 * A1; x2 < (r + 1) * 2 * A1; x2++) k[x2] *= f;
      rec.quotaBinds[r] = 1;
      rec.quotaHeldBack[r] = conv[r] - quota;
    }
    inputs.k = k;
  }
  inputs.m = m;
  inputs.n = n;
  return inputs;
}

/**
 * Runs a compiled scenario with its constraints: the kernel one year at a time, each year's
 * `m`, `D`, `n` and `k` set from the population at the start of the year. Without
 * constraints it gives the kernel's own result bit for bit.
 *
 * @throws {ChengzhenError} for constraint values out of range (every one, with its path).
 * @example
 * const scenario = parseScenario({ ...getPreset('shanghai-2024-2028').scenario, constraints: { settlementQuota: { persons: 100000 } } });
 * const run = runConstrained(scenario, compileScenario(scenario));
 * const binds = run.series.get('settlementQuota.binds') ?? new Float64Array(0);
 * Array.from(binds.subarray(0, 4))   // base year, then 2024 for Shanghai and all: the quota binds
 * // => [0, 0, 1, 1]
 */
export function runConstrained(scenario: Scenario, problem: KernelProblem): ConstrainedRun {
  return runConstrainedKernel(problem, scenario.constraints ?? {}, scenario.regions.map((r) => r.tier));
}

/**
 * Runs a kernel problem under constraints (parsed with `ConstraintsSchema`); `tiers` gives each
 * region's city tier for quotas by tier. Year index 0 of every schedule is the year before
 * `problem.startYear` (a scenario's base year).
 *
 * @throws {ChengzhenError} for constraint values out of range (every one, with its path).
 * @example
 * const fill = (length: number, value: number) => new Array<number>(length).fill(value);
 * const problem = parseKernelProblem({   // one region, ages 0..2, 100 people a cell, 10 % of migrants convert
 *   format: 'chengzhen-kernel/1', dims: { regions: ['town'], maxAge: 2 }, startYear: 2020, years: 1,
 *   population: fill(18, 100),
 *   inputs: { sx: fill(18, 1), sb: fill(6, 1), fx: fill(9, 0), srb: [1.05], m: fill(6, 0), c: [0], k: fill(6, 0.1), q: fill(6, 0) },
 * });
 * const run = runConstrainedKernel(problem, ConstraintsSchema.parse({ settlementQuota: { persons: 30 } }), []);
 * run.result.flows.conversions   // 10 % of the 400 migrants aged 1-2 at the year's end would be 40
 * // => Float64Array [30]
 */
export function runConstrainedKernel(problem: KernelProblem, constraints: Constraints, tiers: readonly (string | undefined)[]): ConstrainedRun {
  const R = problem.regions.length;
  const steps = problem.years;
  const years = Array.from({ length: steps + 1 }, (_, y) => problem.startYear - 1 + y);
  const plan = resolve(constraints, tiers, problem, years);
  const width = R + 1;
  const keys = ['housing.binds', 'housing.heldBack', 'housing.rerouted', 'settlementQuota.binds', 'settlementQuota.heldBack', 'schoolAccess.leftBehind'] as const;
  const series: DerivedSeries = new Map();
  const flows = {} as Record<FlowName, Float64Array>;
  for (const name of FLOW_NAMES) flows[name] = new Float64Array(steps * R);
  const result: KernelResult = { regions: [...problem.regions], maxAge: problem.maxAge, years: [problem.startYear], population: [Float64Array.from(problem.population)], flows };
  const recs: StepRecord[] = [];
  const ws = createKernelWorkspace(R, problem.maxAge);
  const base = {} as StepInputs;
  let P = result.population[0];
  for (let t = 0; t < steps; t++) {
    stepInputs(problem, t, base);
    const rec: StepRecord = {
      housingBinds: new Float64Array(R),
      housingHeldBack: new Float64Array(R),
      housingRerouted: new Float64Array(R),
      quotaBinds: new Float64Array(R),
      quotaHeldBack: new Float64Array(R),
      leftBehind: new Float64Array(R),
    };
    const inputs = controlYear(plan, problem, t, P, base, rec);
    recs.push(rec);
    // the step writes straight into the year's kept population; a year that fails (a cell made
    // negative by n, or an overflow) runs again through runKernelInto, which reports it
    const next = new Float64Array(P.length);
    const negative = stepInto(R, problem.maxAge, P, inputs, next, ws.scratch, ws.flows);
    if (negative >= 0 || !finiteStep(ws.flows.births, ws.flows.deaths)) {
      const one: KernelProblem = {
        regions: problem.regions,
        maxAge: problem.maxAge,
        startYear: problem.startYear + t,
        years: 1,
        population: P,
        inputs: {
          sx: [inputs.sx],
          sb: [inputs.sb],
          fx: [inputs.fx],
          srb: [inputs.srb],
          m: [inputs.m],
          c: [inputs.c],
          k: [inputs.k],
          q: [inputs.q],
          D: [inputs.D],
          E: [inputs.E],
          n: inputs.n === null ? [] : [inputs.n],
          // the demography's rows, when the problem holds it by row
          ...(inputs.demographyRows ? { demographyRows: [inputs.demographyRows] } : {}),
        },
      };
      runKernelInto(one, { year: () => undefined, end: () => undefined }, ws);
    }
    P = next;
    result.years.push(problem.startYear + t + 1);
    result.population.push(P);
    for (const name of FLOW_NAMES) flows[name].set(ws.flows[name], t * R);
  }
  const record = (key: (typeof keys)[number]): Float64Array => {
    const out = new Float64Array((steps + 1) * width);
    const field = ({ 'housing.binds': 'housingBinds', 'housing.heldBack': 'housingHeldBack', 'housing.rerouted': 'housingRerouted', 'settlementQuota.binds': 'quotaBinds', 'settlementQuota.heldBack': 'quotaHeldBack', 'schoolAccess.leftBehind': 'leftBehind' } as const)[key];
    for (let t = 0; t < steps; t++) {
      let all = 0;
      for (let r = 0; r < R; r++) {
        const v = recs[t][field][r];
        out[(t + 1) * width + r] = v;
        all += v;
      }
      out[(t + 1) * width + R] = all;
    }
    return out;
  };
  if (plan.housing) for (const key of ['housing.binds', 'housing.heldBack', 'housing.rerouted'] as const) series.set(key, record(key));
  if (plan.quota) for (const key of ['settlementQuota.binds', 'settlementQuota.heldBack'] as const) series.set(key, record(key));
  if (plan.school) {
    schoolSeries(plan.school, result, series, years);
    if (plan.school.leftBehind) series.set('schoolAccess.leftBehind', record('schoolAccess.leftBehind'));
  }
  return { result, series };
}

/** True when every region's births and deaths of a step are finite numbers. */
function finiteStep(births: Float64Array, deaths: Float64Array): boolean {
  for (let r = 0; r < births.length; r++) if (!Number.isFinite(births[r]) || !Number.isFinite(deaths[r])) return false;
  return true;
}

/** Public school share of migrant children, who lacks a place, and where places run out, at each year-end. */
function schoolSeries(sc: NonNullable<Plan['school']>, result: KernelResult, series: DerivedSeries, years: number[]): void {
  const R = result.regions.length;
  const width = R + 1;
  const n = years.length;
  const share = new Float64Array(n * width);
  const without = new Float64Array(n * width);
  const binds = new Float64Array(n * width);
  const hukou = new Float64Array(R);
  const migrant = new Float64Array(R);
  for (let y = 0; y < n; y++) {
    statusAges(result.population[y], HUKOU, R, result.maxAge, sc.from, sc.to, hukou);
    statusAges(result.population[y], MIGRANT, R, result.maxAge, sc.from, sc.to, migrant);
    let served = 0;
    let meant = 0;
    let children = 0;
    for (let r = 0; r < R; r++) {
      const intended = sc.share[r][y] * migrant[r];
      const places = sc.places[r];
      const got = places === null ? intended : Math.min(intended, Math.max(0, places[y] - hukou[r]));
      share[y * width + r] = migrant[r] > 0 ? got / migrant[r] : sc.share[r][y];
      without[y * width + r] = intended - got;
      binds[y * width + r] = got < intended ? 1 : 0;
      served += got;
      meant += intended;
      children += migrant[r];
      binds[y * width + R] += binds[y * width + r];
    }
    share[y * width + R] = children > 0 ? served / children : 0;
    without[y * width + R] = meant - served;
  }
  series.set('schoolAccess.binds', binds);
  series.set('schoolAccess.publicSchoolShare', share);
  series.set('schoolAccess.withoutPublicPlace', without);
}
