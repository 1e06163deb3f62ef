/**
 * The scenario compiler: scenario -> kernel problem (model.md section 6). The kernel problem
 * is the intermediate representation; everything the projection computes comes from it.
 *
 * Timing: the scenario's base year `B` is a year-end; the kernel starts on 1 January `B + 1`
 * and step `t` applies the rates of calendar year `B + 1 + t`.
 *
 * Rates by age: a lever such as `migration.ruralToUrbanRate` is a level, spread over ages by
 * an age profile normalised so that, applied to the region's base-year population of the
 * status people leave, it moves exactly the level's share of them. So a level of 0.02 means
 * "2 % of rural residents a year, in the base year's age structure".
 */

import { ChengzhenError, formatPath, type ChengzhenIssue } from '../errors.js';
import { FEMALE, populationIndex } from '../kernel/layout.js';
import { createDemographyTables, expandDemographyRowsInto } from '../kernel/demographyRows.js';
import type { KernelInputs, KernelProblem, MoveMatrix } from '../kernel/types.js';
import { parseScenario, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { isPooledDestinations, pooledMatrixFrom } from '../schema/pooledDestinations.js';
import { compileInputs, profileBySex, type LeverValues, type ProfileBySex } from './compileInputs.js';
import type { PopulationByStatus } from './statusSplit.js';
import { populationByAge } from './basePopulation.js';
import { regionLevels } from './regionLevels.js';
import { unDemography, type YearDemography } from './unDemography.js';

function matrixFrom(
  shares: Scenario['migration']['destinations'],
  regions: Scenario['regions'],
  path: (string | number)[],
  issues: ChengzhenIssue[],
): MoveMatrix {
  if (!shares) return { kind: 'identity' };
  if (isPooledDestinations(shares)) {
    const pooled = pooledMatrixFrom(shares, regions, path);
    issues.push(...pooled.issues);
    return pooled.matrix;
  }
  const ids = regions.map((r) => r.id);
  const R = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const rows: { to: number; share: number }[][] = ids.map(() => []);
  for (let i = 0; i < R; i++) {
    const row = Object.hasOwn(shares, ids[i]) ? shares[ids[i]] : undefined;
    if (!row) {
      rows[i].push({ to: i, share: 1 });
      continue;
    }
    let sum = 0;
    for (const [to, share] of Object.entries(row)) {
      rows[i].push({ to: index.get(to)!, share });
      sum += share;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      issues.push({
        code: 'row_sum',
        path: [...path, ids[i]],
        message: `${formatPath([...path, ids[i]])}: the shares must sum to 1, received ${sum}`,
        expected: 'a sum of 1 within 1e-9',
        received: String(sum),
      });
    }
    rows[i].sort((x, y) => x.to - y.to);
  }
  const links = rows.reduce((n, row) => n + row.length, 0);
  const rowStart = new Int32Array(R + 1);
  const to = new Int32Array(links);
  const share = new Float64Array(links);
  let e = 0;
  for (let i = 0; i < R; i++) {
    for (const link of rows[i]) {
      to[e] = link.to;
      share[e] = link.share;
      e++;
    }
    rowStart[i + 1] = e;
  }
  if (R <= 64 && links * 4 > R * R) {
    const values = new Float64Array(R * R);
    for (let i = 0; i < R; i++) for (let k = rowStart[i]; k < rowStart[i + 1]; k++) values[i * R + to[k]] = share[k];
    return { kind: 'dense', values };
  }
  return { kind: 'sparse', rowStart, to, share };
}

const origins = new Map<number, { female: Float64Array; male: Float64Array }>();

/**
 * Where gross in-migrants come from, by single age and sex: China's residents at the 2020
 * census (cached by maxAge). In-migrants are the in-profile times this population.
 */
function originPopulation(maxAge: number): { female: Float64Array; male: Float64Array } {
  let found = origins.get(maxAge);
  if (found === undefined) {
    found = populationByAge({ census2020: 'China' }, maxAge, ['migration', 'externalInAgeProfile'], 2020);
    origins.set(maxAge, found);
  }
  return found;
}

/**
 * Migrants of one flow by sex and age as shares summing to 1: the flow's age profile times the
 * population it is drawn from (or arrives like), over both sexes and all ages; all 0 when no one
 * is at the profile's ages (compileInputs reports a flow drawn from such a status).
 */
function shareByAge(profile: ProfileBySex, population: { female: ArrayLike<number>; male: ArrayLike<number> }, A1: number): Float64Array {
  const out = new Float64Array(2 * A1);
  let sum = 0;
  for (let a = 0; a < A1; a++) {
    out[a] = profile.female[a] * population.female[a];
    out[A1 + a] = profile.male[a] * population.male[a];
    sum += out[a] + out[A1 + a];
  }
  for (let x = 0; x < 2 * A1; x++) out[x] = sum > 0 ? out[x] / sum : 0;
  return out;
}

/** Values by status in the kernel's order of statuses (rural, migrant, hukou). */
function statusValues<T>(by: { rural: T; migrant: T; hukou: T }): T[] {
  return [by.rural, by.migrant, by.hukou];
}

/** A region's residents of all statuses by sex and age. */
function residents(base: PopulationByStatus, A1: number): { female: Float64Array; male: Float64Array } {
  const female = new Float64Array(A1);
  const male = new Float64Array(A1);
  for (let a = 0; a < A1; a++) {
    female[a] = base.rural.female[a] + base.migrant.female[a] + base.hukou.female[a];
    male[a] = base.rural.male[a] + base.migrant.male[a] + base.hukou.male[a];
  }
  return { female, male };
}

/** True when every array of the list holds the same numbers (a per-year input kept as one array). */
export function allEqual(list: readonly (Float64Array | Int32Array)[]): boolean {
  for (let t = 1; t < list.length; t++) {
    const a = list[0];
    const b = list[t];
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  }
  return true;
}

/**
 * A per-year list, kept as one array when it does not change (a copy of the first, so that
 * the buffer of all years it is a view of can go).
 */
function compact<T extends Float64Array | Int32Array>(list: T[]): T[] {
  if (list.length === 0) return list;
  if (list.length === 1 && list[0].byteLength === list[0].buffer.byteLength) return list;
  if (list.length === 1 || allEqual(list)) return [list[0].slice() as T];
  return list;
}

/** The per-region rate inputs of one step (`m`, `c`, `k`, `q`): the levers spread over ages. */
export interface RateInputs {
  m: Float64Array;
  c: Float64Array;
  k: Float64Array;
  q: Float64Array;
}

/** The demographic inputs of one step (`sx`, `sb`, `fx`, `srb`) and its net international migrants (`n`, or null). */
export interface DemographyInputs {
  sx: Float64Array;
  sb: Float64Array;
  fx: Float64Array;
  srb: Float64Array;
  n: Float64Array | null;
}

/**
 * The demographic inputs of one step held by row (the kernel's `demographyRows`): `sx`, `sb`,
 * `fx` and `srb` with room for one row per region (a step fills as many rows as it has distinct
 * demographies, from row 0), the row of each region in `rows`, and `n` per region (or null).
 */
export interface DemographyRowInputs {
  sx: Float64Array;
  sb: Float64Array;
  fx: Float64Array;
  srb: Float64Array;
  rows: Int32Array;
  n: Float64Array | null;
}

/**
 * Arrays for the demography of a step by row ({@link DemographyRowInputs}) with room for
 * `room` rows, the row of each of `regions` regions, and `n` when `hasN`.
 */
export function demographyRowInputs(room: number, regions: number, maxAge: number, hasN: boolean): DemographyRowInputs {
  return { ...createDemographyTables(room, maxAge), rows: new Int32Array(regions), n: hasN ? new Float64Array(regions * 6 * (maxAge + 1)) : null };
}

/** Rows a step's tables have room for at first: a few dozen (the provinces of a county problem), more when a step needs them. */
const FIRST_ROOM = 64;

/**
 * Fills the demography of step `t` by row into `out` ({@link CompilePlan.fillDemographyRows}),
 * giving its tables more room first when the step has more rows than they hold (they start with
 * room for a few dozen, so that thousands of regions sharing a few rows never hold a table
 * per region).
 *
 * @returns the number of rows of the step.
 */
export function fillDemographyRowsWithRoom(plan: Pick<CompilePlan, 'fillDemographyRows' | 'maxAge'>, t: number, out: DemographyRowInputs): number {
  const count = plan.fillDemographyRows(t, out);
  if (count <= out.srb.length) return count;
  Object.assign(out, createDemographyTables(Math.max(count, 2 * out.srb.length), plan.maxAge));
  return plan.fillDemographyRows(t, out);
}

/** Room for the rows of a first step of `regions` regions ({@link fillDemographyRowsWithRoom} makes more when needed). */
export function firstRowRoom(regions: number): number {
  return Math.min(regions, FIRST_ROOM);
}

/**
 * A scenario made ready to compile year by year: what every year shares (the base population,
 * the levers, the age profiles), and fills that write the inputs of one step into arrays the
 * caller owns. {@link compileScenario} fills one array per step; a run that keeps only the
 * indicators fills the same arrays again each year, so that the inputs of all years never
 * exist at once.
 */
export interface CompilePlan {
  scenario: Scenario;
  regions: string[];
  maxAge: number;
  /** Calendar year of the first step (1 January after the base year). */
  startYear: number;
  steps: number;
  /** The base population, layout of model.md section 1 (shared: read it, copy it to hand it on). */
  population: Float64Array;
  /** Whether the problem has net international migrants (`n`). */
  hasN: boolean;
  /** Whether `m`, `c`, `k` and `q` are the same in every step (the levers do not change). */
  constantRates: boolean;
  /** Writes the rates of step `t` (every cell). */
  fillRates(t: number, out: RateInputs): void;
  /**
   * Writes the demography of step `t` (every cell; `n` when the problem has it).
   *
   * @throws {ChengzhenError} for a year the demography data do not cover.
   */
  fillDemography(t: number, out: DemographyInputs): void;
  /**
   * Writes the demography of step `t` by row: one row for each distinct demography of the
   * step (regions with the same mortality, fertility and sex ratio at birth share one), the
   * row of each region, and `n` per region when the problem has it. The rows hold the numbers
   * that {@link CompilePlan.fillDemography} writes for their regions, bit for bit. Rows past
   * the room of `out`'s tables are counted but not written: a caller with less room than the
   * count returned makes room and fills again (room for one row per region always suffices).
   *
   * @returns the number of rows of the step.
   * @throws {ChengzhenError} for a year the demography data do not cover.
   */
  fillDemographyRows(t: number, out: DemographyRowInputs): number;
  /**
   * The movers' matrices `D` and `E`.
   *
   * @throws {ChengzhenError} naming every bad destination.
   */
  matrices(): { D: MoveMatrix; E: MoveMatrix };
}

/** True when every region's lever has the same value in every year. */
function constantOver(levers: readonly LeverValues[]): boolean {
  for (const lever of levers) {
    const v = lever.values;
    for (let t = 1; t < v.length; t++) if (v[t] !== v[0]) return false;
  }
  return true;
}

/**
 * Writes row `row` of a step's demography: the survival of `demo` in each status, its newborns'
 * survival, its fertility pattern times each status's TFR (`tfrs`), and the sex ratio at birth.
 */
function writeRow(demo: YearDemography, tfrs: readonly number[], ratio: number, row: number, sx: Float64Array, sb: Float64Array, fx: Float64Array, srb: Float64Array, A1: number): void {
  for (let h = 0; h < 3; h++) {
    // populationIndex of row `row`, status h, each sex, age 0
    sx.set(demo.sx.female, ((row * 3 + h) * 2) * A1);
    sx.set(demo.sx.male, ((row * 3 + h) * 2 + 1) * A1);
    sb[(row * 3 + h) * 2] = demo.sb.female;
    sb[(row * 3 + h) * 2 + 1] = demo.sb.male;
    const tfr = tfrs[h];
    for (let a = 0; a < A1; a++) fx[(row * 3 + h) * A1 + a] = tfr * demo.fxPerTfr[a];
  }
  srb[row] = ratio;
}

/**
 * Gives each region the row of the first region with its levers (`rows[r] = rows[sameAs[r]]`),
 * in a function of its own: its loop over every region is the one the engine compiles, not the
 * computing of the rows around it.
 */
function takeFirstRows(rows: Int32Array, sameAs: Int32Array): void {
  for (let r = 0; r < rows.length; r++) if (sameAs[r] !== r) rows[r] = rows[sameAs[r]];
}

/**
 * Prepares the compilation of a scenario (see {@link CompilePlan}).
 *
 * @throws {ChengzhenError} for an invalid scenario, or rates that the age profiles push past
 *   their limits, as {@link compileScenario}.
 */
export function planCompilation(input: Scenario | ScenarioInput): CompilePlan {
  const s = parseScenario(input);
  const ids = s.regions.map((r) => r.id);
  const R = ids.length;
  const A = s.maxAge;
  const A1 = A + 1;
  const steps = s.endYear - s.baseYear;
  const firstYear = s.baseYear + 1;
  const dims = { regions: R, maxAge: A };
  const prepared = compileInputs(s, { keep: false });
  if (prepared.issues.length > 0) throw new ChengzhenError(prepared.issues);
  // the base population (shared with the caches of compileInputs: only read), and the
  // base-year status populations the age profiles are weighted by
  const { bases, profiles, factors, population } = prepared;

  const d = s.demography;
  const levers = ids.map((id, r) => ({ ...prepared.levers[r], levels: regionLevels(s, id) }));
  const relative = d.fertility.relativeByStatus ?? { rural: 1, migrant: 1, hukou: 1 };
  const statusFertility = [relative.rural, relative.migrant, relative.hukou];

  // external net migrants by age and sex: the age profile applied to the base-year residents
  const externalProfile = profileBySex(s.migration.externalAgeProfile, A, ['migration', 'externalAgeProfile']);
  const externalShares = statusValues(s.migration.externalStatusShares);
  const anyNet = levers.some((lv) => lv.external.values.some((v) => v !== 0));
  const externalPattern = anyNet ? bases.map((b) => shareByAge(externalProfile, residents(b, A1), A1)) : [];
  // gross flows: in-migrants by the in-profile times China's 2020 residents; out-migrants from
  // each status by the out-profile times that status's base-year residents
  const inProfile = profileBySex(s.migration.externalInAgeProfile, A, ['migration', 'externalInAgeProfile']);
  const inShares = statusValues(s.migration.externalInStatusShares);
  const outShares = statusValues(s.migration.externalOutStatusShares);
  const anyGross = levers.some((lv) => lv.externalIn.values.some((v) => v !== 0) || lv.externalOut.values.some((v) => v !== 0));
  const inPattern = anyGross ? shareByAge(inProfile, originPopulation(A), A1) : new Float64Array(2 * A1);
  const outProfile = profileBySex(s.migration.externalOutAgeProfile, A, ['migration', 'externalOutAgeProfile']);
  const outPattern = anyGross ? bases.map((b) => statusValues(b).map((part) => shareByAge(outProfile, part, A1))) : [];
  const anyExternal = anyGross || anyNet;

  // net international migrants are shared out by base-year population, cell by cell
  // (all regions' base by sex and age, added when a step first needs it)
  let sexAgeTotal: Float64Array | null = null;
  const sexAgeTotalOf = (): Float64Array => {
    if (sexAgeTotal === null) {
      sexAgeTotal = new Float64Array(2 * A1);
      for (let r = 0; r < R; r++) for (let h = 0; h < 3; h++) for (let x = 0; x < 2 * A1; x++) sexAgeTotal[x] += population[populationIndex(dims, r, h, FEMALE, 0) + x];
    }
    return sexAgeTotal;
  };
  const hasN = !(d.netInternationalMigration === 'none' && !anyExternal);

  // a lever's level times the region's weights, each weight `profile[x] * factor` (compileInputs)
  const { m: pm, k: pk, q: pq } = profiles;
  const fillRates = (t: number, { m, c, k, q }: RateInputs) => {
    for (let r = 0; r < R; r++) {
      const lv = levers[r];
      const mv = lv.m.values[t];
      const kv = lv.k.values[t];
      const qv = lv.q.values[t];
      const fm = factors.m[r];
      const fk = factors.k[r];
      const fq = factors.q[r];
      c[r] = lv.c.values[t];
      const row = r * 2 * A1;
      for (let x = 0; x < pm.length; x++) {
        m[row + x] = mv * (pm[x] * fm);
        k[row + x] = kv * (pk[x] * fk);
        q[row + x] = qv * (pq[x] * fq);
      }
    }
  };

  // Regions whose demography levers hold the same values (the same arrays: compileInputs makes
  // one per distinct number) and the same census levels have the same demography in every year,
  // so the row of the first of them: `sameAs[r]` is that first region (r itself for the first).
  const sameAs = new Int32Array(R);
  /** The regions that are their own `sameAs`, ascending: the ones whose rows a step computes. */
  const firsts: number[] = [];
  {
    const firstOf = new Map<string, number>();
    const arrays = new Map<unknown, number>();
    const idOf = (values: unknown) => {
      let found = arrays.get(values);
      if (found === undefined) {
        found = arrays.size;
        arrays.set(values, found);
      }
      return found;
    };
    for (let r = 0; r < R; r++) {
      const lv = levers[r];
      const key = `${idOf(lv.mxScale?.values ?? null)},${idOf(lv.tfr?.values ?? null)},${idOf(lv.tfrScale?.values ?? null)},${idOf(lv.srb?.values ?? null)},${idOf(lv.levels.mortalityFactor)},${idOf(lv.levels.fertilityFactor)}`;
      const first = firstOf.get(key);
      sameAs[r] = first ?? r;
      if (first === undefined) {
        firstOf.set(key, r);
        firsts.push(r);
      }
    }
  }
  // the rows found in a step, by their UN demography (one per mortality scale) and then by the
  // first status's TFR: a region with the demography of the one computed before it (neighbours
  // of one province) takes its row at once, another looks its row up; the rows are numbered in
  // the order of the regions, and no two rows hold the same numbers
  const rowDemography: YearDemography[] = [];
  const rowNumbers = new Float64Array(4 * R);
  const rowsOf = new Map<YearDemography, Map<number, number[]>>();
  const sameRow = (row: number, demo: YearDemography, tfrs: number[], ratio: number) =>
    rowDemography[row] === demo && rowNumbers[row * 4] === tfrs[0] && rowNumbers[row * 4 + 1] === tfrs[1] && rowNumbers[row * 4 + 2] === tfrs[2] && rowNumbers[row * 4 + 3] === ratio;
  const fillDemographyRows = (t: number, { sx, sb, fx, srb, rows, n }: DemographyRowInputs): number => {
    const year = firstYear + t;
    const room = Math.min(srb.length, sb.length / 6, fx.length / (3 * A1), sx.length / (6 * A1));
    let national: YearDemography | null = null;
    const tfrs = [0, 0, 0];
    let scaleBefore = Number.NaN;
    let demo = null as unknown as YearDemography;
    let count = 0;
    rowsOf.clear();
    // the regions whose levers no earlier region has, in order (a few dozen in a county problem,
    // so this loop stays small); the others then take the row of the first region with their
    // levers, the row they would find
    let before = -1;
    for (let i = 0; i < firsts.length; i++) {
      const r = firsts[i];
      const lv = levers[r];
      const scale = lv.levels.mortalityFactor * (lv.mxScale ? lv.mxScale.values[t] : 1);
      if (scale !== scaleBefore) demo = unDemography(year, A, scale);
      scaleBefore = scale;
      national ??= demo;
      for (let h = 0; h < 3; h++) tfrs[h] = (lv.tfr ? lv.tfr.values[t] : demo.tfr * lv.levels.fertilityFactor) * (lv.tfrScale ? lv.tfrScale.values[t] : 1) * statusFertility[h];
      const ratio = lv.srb ? lv.srb.values[t] : demo.srb;
      let row = before >= 0 && sameRow(before, demo, tfrs, ratio) ? before : -1;
      if (row < 0) {
        let byTfr = rowsOf.get(demo);
        if (byTfr === undefined) {
          byTfr = new Map();
          rowsOf.set(demo, byTfr);
        }
        let candidates = byTfr.get(tfrs[0]);
        if (candidates === undefined) {
          candidates = [];
          byTfr.set(tfrs[0], candidates);
        }
        for (const found of candidates) {
          if (!sameRow(found, demo, tfrs, ratio)) continue;
          row = found;
          break;
        }
        if (row < 0) {
          row = count++;
          candidates.push(row);
          rowDemography[row] = demo;
          rowNumbers[row * 4] = tfrs[0];
          rowNumbers[row * 4 + 1] = tfrs[1];
          rowNumbers[row * 4 + 2] = tfrs[2];
          rowNumbers[row * 4 + 3] = ratio;
          if (row < room) writeRow(demo, tfrs, ratio, row, sx, sb, fx, srb, A1);
        }
      }
      rows[r] = row;
      before = row;
    }
    takeFirstRows(rows, sameAs);
    rowDemography.length = 0;
    fillNetInternational(t, n, national);
    return count;
  };

  // the rows written per region, for the layout of model.md section 2
  let rowScratch: DemographyRowInputs | null = null;
  const fillDemography = (t: number, out: DemographyInputs) => {
    rowScratch ??= demographyRowInputs(firstRowRoom(R), R, A, false);
    rowScratch.n = out.n;
    fillDemographyRowsWithRoom({ fillDemographyRows, maxAge: A }, t, rowScratch);
    expandDemographyRowsInto(rowScratch.rows, rowScratch, out, A);
  };

  const fillNetInternational = (t: number, n: Float64Array | null, national: YearDemography | null) => {
    if (n === null || !hasN) return;
    n.fill(0);
    if (anyNet) {
      for (let r = 0; r < R; r++) {
        const persons = levers[r].external.values[t];
        if (persons === 0) continue;
        for (let h = 0; h < 3; h++) {
          if (externalShares[h] === 0) continue;
          for (let x = 0; x < 2 * A1; x++) n[populationIndex(dims, r, h, FEMALE, 0) + x] += persons * externalShares[h] * externalPattern[r][x];
        }
      }
    }
    if (anyGross) {
      for (let r = 0; r < R; r++) {
        const inflow = levers[r].externalIn.values[t];
        const outflow = levers[r].externalOut.values[t];
        for (let h = 0; h < 3; h++) {
          const base = populationIndex(dims, r, h, FEMALE, 0);
          if (inflow !== 0 && inShares[h] !== 0) for (let x = 0; x < 2 * A1; x++) n[base + x] += inflow * inShares[h] * inPattern[x];
          if (outflow !== 0 && outShares[h] !== 0) for (let x = 0; x < 2 * A1; x++) n[base + x] -= outflow * outShares[h] * outPattern[r][h][x];
        }
      }
    }
    if (d.netInternationalMigration !== 'none' && national?.netMigration) {
      const nm = national.netMigration;
      const sexAgeTotal = sexAgeTotalOf();
      for (let r = 0; r < R; r++) {
        for (let h = 0; h < 3; h++) {
          for (let sex = 0; sex < 2; sex++) {
            const source = sex === 0 ? nm.female : nm.male;
            const base = populationIndex(dims, r, h, sex, 0);
            for (let a = 0; a < A1; a++) {
              const cell = population[base + a];
              const all = sexAgeTotal[sex * A1 + a];
              n[base + a] += all > 0 ? (source[a] * cell) / all : 0;
            }
          }
        }
      }
    }
  };

  const matrices = () => {
    const issues: ChengzhenIssue[] = [];
    const D = matrixFrom(s.migration.destinations, s.regions, ['migration', 'destinations'], issues);
    const E = matrixFrom(s.migration.returnDestinations, s.regions, ['migration', 'returnDestinations'], issues);
    if (issues.length > 0) throw new ChengzhenError(issues);
    return { D, E };
  };

  return {
    scenario: s,
    regions: ids,
    maxAge: A,
    startYear: firstYear,
    steps,
    population,
    hasN,
    constantRates: constantOver(levers.flatMap((lv) => [lv.m, lv.c, lv.k, lv.q])),
    fillRates,
    fillDemography,
    fillDemographyRows,
    matrices,
  };
}

/**
 * Whether a problem of `regions` regions whose steps have at most `rows` distinct demographies
 * holds its demography by row ({@link KernelInputs.demographyRows}): when that at least halves
 * it, in a problem of 64 regions or more. Smaller problems keep the per-region layout, which
 * every path of the kernel reads.
 */
export function groupedDemography(rows: number, regions: number): boolean {
  return regions >= GROUPED_REGIONS && 2 * rows <= regions;
}

/** The fewest regions whose demography {@link groupedDemography} holds by row. */
const GROUPED_REGIONS = 64;

/**
 * Compiles a scenario to the kernel problem that projects it. Regions that share their
 * demography (the counties of one province) share its rows when that at least halves them
 * in a problem of many regions ({@link groupedDemography}); the problem's kernel JSON document
 * holds it per region either way.
 *
 * @throws {ChengzhenError} for an invalid scenario, or rates that the age profiles push past
 *   their limits (`m + c <= 1`, `k + q <= 1`), naming the lever, year, region, sex and age.
 * @example
 * const scenario = getPreset('zhejiang-2023').scenario;
 * const problem = compileScenario(scenario);
 * problem.startYear === scenario.baseYear + 1
 * // => true
 */
export function compileScenario(input: Scenario | ScenarioInput): KernelProblem {
  const plan = planCompilation(input);
  const { regions, maxAge, steps, hasN } = plan;
  const R = regions.length;
  const A1 = maxAge + 1;
  // one buffer per input for all steps, each step a view of it: a few allocations rather than
  // nine a step (typed arrays of this size are costly to allocate one by one); rates that do
  // not change are written once
  const rateSteps = plan.constantRates ? Math.min(steps, 1) : steps;
  const all = {
    m: new Float64Array(rateSteps * R * 2 * A1),
    c: new Float64Array(rateSteps * R),
    k: new Float64Array(rateSteps * R * 2 * A1),
    q: new Float64Array(rateSteps * R * 2 * A1),
    n: hasN ? new Float64Array(steps * R * 6 * A1) : null,
  };
  const view = (buffer: Float64Array, size: number, t: number) => buffer.subarray(t * size, (t + 1) * size);
  const inputs: KernelInputs = { sx: [], sb: [], fx: [], srb: [], m: [], c: [], k: [], q: [], D: [], E: [], n: [] };
  // the demography by row, each step's rows copied out of one scratch with room for R rows
  const scratch = demographyRowInputs(firstRowRoom(R), R, maxAge, false);
  const byRow = { sx: [] as Float64Array[], sb: [] as Float64Array[], fx: [] as Float64Array[], srb: [] as Float64Array[], rows: [] as Int32Array[] };
  let mostRows = 0;
  for (let t = 0; t < steps; t++) {
    scratch.n = all.n === null ? null : view(all.n, R * 6 * A1, t);
    const count = fillDemographyRowsWithRoom(plan, t, scratch);
    mostRows = Math.max(mostRows, count);
    byRow.sx.push(scratch.sx.slice(0, count * 6 * A1));
    byRow.sb.push(scratch.sb.slice(0, count * 6));
    byRow.fx.push(scratch.fx.slice(0, count * 3 * A1));
    byRow.srb.push(scratch.srb.slice(0, count));
    byRow.rows.push(scratch.rows.slice());
    if (scratch.n) inputs.n.push(scratch.n);
  }
  if (groupedDemography(mostRows, R)) {
    inputs.sx = byRow.sx;
    inputs.sb = byRow.sb;
    inputs.fx = byRow.fx;
    inputs.srb = byRow.srb;
    inputs.demographyRows = compact(byRow.rows);
  } else {
    const perRegion = createDemographyTables(steps * R, maxAge);
    for (let t = 0; t < steps; t++) {
      const out = { sx: view(perRegion.sx, R * 6 * A1, t), sb: view(perRegion.sb, R * 6, t), fx: view(perRegion.fx, R * 3 * A1, t), srb: view(perRegion.srb, R, t) };
      expandDemographyRowsInto(byRow.rows[t], { sx: byRow.sx[t], sb: byRow.sb[t], fx: byRow.fx[t], srb: byRow.srb[t] }, out, maxAge);
      inputs.sx.push(out.sx);
      inputs.sb.push(out.sb);
      inputs.fx.push(out.fx);
      inputs.srb.push(out.srb);
    }
  }
  for (let t = 0; t < rateSteps; t++) {
    const rates: RateInputs = { m: view(all.m, R * 2 * A1, t), c: view(all.c, R, t), k: view(all.k, R * 2 * A1, t), q: view(all.q, R * 2 * A1, t) };
    plan.fillRates(t, rates);
    inputs.m.push(rates.m);
    inputs.c.push(rates.c);
    inputs.k.push(rates.k);
    inputs.q.push(rates.q);
  }
  const { D, E } = plan.matrices();
  inputs.D.push(D);
  inputs.E.push(E);

  for (const key of ['sx', 'sb', 'fx', 'srb', 'm', 'c', 'k', 'q', 'n'] as const) inputs[key] = compact(inputs[key]);
  return { regions, maxAge, startYear: plan.startYear, years: steps, population: plan.population.slice(), inputs };
}
