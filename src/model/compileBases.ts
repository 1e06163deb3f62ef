/**
 * The base populations of many regions at once, for the compiler: each region's age groups split
 * to single ages and then by status, written straight into one array laid out as the kernel's
 * population (region, status, sex, age), with scratch arrays reused from region to region.
 *
 * The arithmetic is that of {@link splitAgeGroups} (its {@link monotoneCubicSpline}), `toMaxAge`
 * and {@link splitByStatus}, operation for operation, so the numbers are the same to the last
 * bit; only the allocations differ (a region costs no new arrays, where the general path makes
 * about thirty small ones). It covers the common form, age groups from age 0 without rescaling
 * or status patterns; for any other form, or any input that the general path would refuse, it
 * declines and the caller takes the general path, which reports the problem.
 */

import type { Scenario } from '../schema/scenario.js';
import { monotoneSlopesInto } from './demography/monotoneCubicSpline.js';
import { spreadGroupsInto } from './demography/splitAgeGroups.js';
import { fitStatusColumns, type StatusSeeds } from './statusSplit.js';

/** Scratch arrays of one split, sized for the largest number of groups and ages. */
interface Scratch {
  knots: Float64Array;
  cumulative: Float64Array;
  slopes: Float64Array;
  h: Float64Array;
  secant: Float64Array;
  single: Float64Array;
  rows: Float64Array;
  t0: Float64Array;
  t1: Float64Array;
  t2: Float64Array;
}

function scratchFor(groups: number, ages: number, single: number): Scratch {
  return {
    knots: new Float64Array(groups),
    cumulative: new Float64Array(groups),
    slopes: new Float64Array(groups),
    h: new Float64Array(groups),
    secant: new Float64Array(groups),
    single: new Float64Array(single),
    rows: new Float64Array(2 * ages),
    t0: new Float64Array(2 * ages),
    t1: new Float64Array(2 * ages),
    t2: new Float64Array(2 * ages),
  };
}

/** True when `starts` rise by whole ages from 0 and the group counts are finite and >= 0, as splitAgeGroups accepts them. */
function plainGroups(starts: readonly number[], female: readonly number[], male: readonly number[]): boolean {
  const n = starts.length;
  if (n < 2 || female.length !== n || male.length !== n || starts[0] !== 0) return false;
  for (let g = 0; g < n; g++) {
    const a = starts[g];
    if (!Number.isInteger(a) || (g > 0 && !(a > starts[g - 1]))) return false;
    const f = female[g];
    const m = male[g];
    if (typeof f !== 'number' || typeof m !== 'number' || !(f >= 0 && f < Infinity && m >= 0 && m < Infinity)) return false;
  }
  return true;
}

/**
 * Splits one sex's groups (open last group) to single ages folded at `maxAge`, adding into
 * `out[outBase .. outBase + maxAge]` (zeros on entry), as `toMaxAge(splitAgeGroups(totals, starts), maxAge)`.
 */
function splitSexInto(totals: readonly number[], starts: readonly number[], maxAge: number, s: Scratch, out: Float64Array, outBase: number): void {
  const groups = starts.length;
  const closedGroups = groups - 1;
  const end = starts[groups - 1];
  const length = end + 1;
  const { knots, cumulative, slopes: d, h, secant, single } = s;
  // splitAgeGroups: cumulative counts at the boundaries of the closed groups
  cumulative[0] = 0;
  for (let g = 0; g < closedGroups; g++) {
    knots[g] = starts[g];
    cumulative[g + 1] = cumulative[g] + totals[g];
  }
  knots[closedGroups] = end;
  // monotoneCubicSpline(knots, cumulative), then the groups' single ages
  monotoneSlopesInto(knots, cumulative, closedGroups + 1, h, secant, d);
  spreadGroupsInto(totals, starts, knots, d, closedGroups, 0, single);
  single[end] = totals[groups - 1];
  // toMaxAge
  for (let a = 0; a < length; a++) out[outBase + (a < maxAge ? a : maxAge)] += single[a];
}

/**
 * Splits `rows` (both sexes, `2 * ages` cells) by status into `out` from `base` (rural, migrant,
 * hukou, each `2 * ages` cells), as {@link splitByStatus} does; false where splitByStatus would
 * throw. The fitting runs on the scratch columns `t0`, `t1`, `t2` (as long as `rows`), whose
 * loops the engine compiles best when bounded by the arrays' own length.
 */
function splitByStatusInto(rows: Float64Array, ages: number, residentRate: number, hukouRate: number, seeds: StatusSeeds, s: Scratch, out: Float64Array, base: number): boolean {
  if (!(residentRate >= 0 && residentRate <= 1 && hukouRate >= 0 && hukouRate <= residentRate)) return false;
  const { t0, t1, t2 } = s;
  const cells = rows.length;
  if (cells !== 2 * ages || t0.length !== cells || t1.length !== cells || t2.length !== cells) return false;
  if (seeds.rural.length !== ages || seeds.migrant.length !== ages || seeds.hukou.length !== ages) return false;
  for (let i = 0; i < cells; i++) if (!(rows[i] >= 0 && rows[i] < Infinity)) return false;
  let N = 0;
  for (let i = 0; i < cells; i++) N += rows[i];
  const target0 = (1 - residentRate) * N;
  const target1 = (residentRate - hukouRate) * N;
  const target2 = hukouRate * N;
  // the seed table, each status's column checked as splitByStatus checks it
  const columns = [t0, t1, t2];
  const patterns = [seeds.rural, seeds.migrant, seeds.hukou];
  const targets = [target0, target1, target2];
  for (let h = 0; h < 3; h++) {
    const seed = patterns[h];
    for (let a = 0; a < ages; a++) if (!(seed[a] >= 0 && seed[a] < Infinity)) return false;
    const column = columns[h];
    const target = targets[h];
    let any = 0;
    // cell i is sex i / ages, age i % ages (ages counted, not divided)
    for (let sex = 0, i = 0; sex < 2; sex++) {
      for (let a = 0; a < ages; a++, i++) {
        column[i] = target > 0 ? seed[a] * rows[i] : 0;
        any += column[i];
      }
    }
    if (target > 0 && !(any > 0)) return false;
  }
  for (let sex = 0, i = 0; sex < 2; sex++) {
    for (let age = 0; age < ages; age++, i++) {
      if (!(rows[i] > 0)) continue;
      if (!((target0 > 0 && seeds.rural[age] > 0) || (target1 > 0 && seeds.migrant[age] > 0) || (target2 > 0 && seeds.hukou[age] > 0))) return false;
    }
  }
  // each column's sum in its own local (the order of the cells, as a sum into an array)
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  for (let i = 0; i < cells; i++) sum0 += t0[i];
  for (let i = 0; i < cells; i++) sum1 += t1[i];
  for (let i = 0; i < cells; i++) sum2 += t2[i];
  const sums = [sum0, sum1, sum2];
  fitStatusColumns(t0, t1, t2, rows, targets, sums);
  for (let h = 0; h < 3; h++) {
    const column = columns[h];
    let sum = 0;
    for (let i = 0; i < column.length; i++) sum += column[i];
    if (Math.abs(sum - targets[h]) > 1e-9 * N) return false;
  }
  out.set(t0, base);
  out.set(t1, base + cells);
  out.set(t2, base + 2 * cells);
  return true;
}

/**
 * Writes the base of region `id` by status, sex and single age into `out` from `base` (the
 * kernel's layout of one region: rural, migrant, hukou, each female then male ages 0..maxAge),
 * with the numbers `basePopulation(scenario, id)` gives; false when the base is not of the form
 * this covers (age groups from 0, no `scaleToTotal`, no `statusAgePattern`) or would be refused,
 * in which case the caller takes the general path.
 */
export function baseInto(scenario: Scenario, id: string, seeds: StatusSeeds, out: Float64Array, base: number, scratch: BaseScratch): boolean {
  const spec = scenario.base[id];
  const population = spec.population;
  if (!('ageGroups' in population) || population.scaleToTotal !== undefined || spec.statusAgePattern !== undefined) return false;
  const g = population.ageGroups;
  if (!plainGroups(g.starts, g.female, g.male)) return false;
  const maxAge = scenario.maxAge;
  const ages = maxAge + 1;
  const s = scratch.for(g.starts.length, ages, g.starts[g.starts.length - 1] + 1);
  const rows = s.rows;
  rows.fill(0);
  splitSexInto(g.female, g.starts, maxAge, s, rows, 0);
  splitSexInto(g.male, g.starts, maxAge, s, rows, ages);
  return splitByStatusInto(rows, ages, spec.residentUrbanisationRate, spec.hukouUrbanisationRate, seeds, s, out, base);
}

/** Scratch arrays for {@link baseInto}, grown on demand and reused by every region of a compilation. */
export class BaseScratch {
  private scratch: Scratch | null = null;
  private sizes = [0, 0, 0];

  /** Scratch for `groups` age groups, `ages` ages and `single` single ages before folding. */
  for(groups: number, ages: number, single: number): Scratch {
    const [g, a, s] = this.sizes;
    if (this.scratch === null || groups > g || ages !== a || single > s) {
      this.sizes = [Math.max(groups, g), ages, Math.max(single, s)];
      this.scratch = scratchFor(this.sizes[0], ages, this.sizes[2]);
    }
    return this.scratch;
  }
}
