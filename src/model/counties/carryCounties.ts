/**
 * The county base carried from the 2020 census to a later base year so that it adds up to a
 * national base (counties.md, presets): every county keeps its 2020 share of the nation's
 * residents, its cohorts age with the years, and the whole is raked to the national population
 * by sex and single age; urban and hukou shares move by one national shift on the logit scale.
 *
 * Steps:
 * 1. Ages: the county's 2020 residents aged `a - y` are its residents aged `a` after `y` years
 *    (the open group gathers the ages that reach it); the youngest `y` ages keep the county's 2020
 *    counts at those ages (its children's share stands in for its births).
 * 2. Raking (iterative proportional fitting) of the counties x (sex, age) table to two margins:
 *    each county's total = its 2020 residents x national total / national 2020 residents, and
 *    the national population by sex and single age. The last pass fits the national margin, so
 *    the counties add up to the nation cell by cell to rounding; the county totals are fitted to
 *    the tolerance reported.
 * 3. Shares: `u' = logistic(logit(u) + d)` with one `d` for all counties, solved by bisection so
 *    that the urban residents add up to the national rate; the hukou share of the urban residents
 *    moves the same way to the national hukou rate, so hukou <= urban holds in every county. A
 *    share of 0 or 1 stays 0 or 1.
 */

import { ChengzhenError } from '../../errors.js';

/** What {@link carryCounties} needs. */
export interface CarryCountiesInput {
  /** Residents by county, sex (0 female, 1 male) and single age 0..A, `((r*2 + s)*(A+1) + a)`. */
  population2020: Float64Array;
  /** Urban share of the residents of each county in 2020 (census counts, so in [0, 1] exactly). */
  urbanShare2020: ArrayLike<number>;
  /** Share of the urban residents of each county with local hukou in 2020, in [0, 1]. */
  hukouShareOfUrban2020: ArrayLike<number>;
  /** Years from 2020 to the base year (3 for the end of 2023). */
  years: number;
  /** The nation at the base year by sex and single age 0..A. */
  national: { female: ArrayLike<number>; male: ArrayLike<number> };
  /** The national resident and hukou urbanisation rates at the base year. */
  residentUrbanisationRate: number;
  hukouUrbanisationRate: number;
  /** Raking passes (default 100). */
  iterations?: number;
}

/** The counties at the base year. */
export interface CarriedCounties {
  /** Residents by county, sex and single age, layout as the input. */
  population: Float64Array;
  /** Residents of each county. */
  total: Float64Array;
  /** Urban share and urban-hukou share (of residents) of each county. */
  residentUrbanisationRate: Float64Array;
  hukouUrbanisationRate: Float64Array;
  /** The logit shifts of the urban share and of the hukou share of the urban residents. */
  urbanShift: number;
  hukouShift: number;
  /** Largest relative gap between a county's total and its target after raking. */
  countyTotalGap: number;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** `u` shifted by `d` on the logit scale; 0 and 1 stay. */
function shifted(u: number, d: number): number {
  if (u <= 0 || u >= 1) return u;
  return logistic(Math.log(u / (1 - u)) + d);
}

/** The shift `d` for which `sum w_i shifted(u_i, d) = target`, by bisection on [-20, 20]. */
function solveShift(u: ArrayLike<number>, w: ArrayLike<number>, target: number, what: string): number {
  const at = (d: number) => {
    let s = 0;
    for (let i = 0; i < u.length; i++) s += w[i] * shifted(u[i], d);
    return s;
  };
  let lo = -20;
  let hi = 20;
  if (!(at(lo) <= target && at(hi) >= target)) {
    throw new ChengzhenError([{ code: 'out_of_range', path: [what], message: `${what} cannot be reached by shifting the county shares: ${target} outside [${at(lo)}, ${at(hi)}]`, received: String(target) }]);
  }
  for (let k = 0; k < 200 && hi - lo > 1e-15; k++) {
    const mid = (lo + hi) / 2;
    if (at(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Carries the counties to the base year (see the file comment).
 *
 * @throws {ChengzhenError} when the arrays do not fit each other or a rate cannot be reached
 * @example
 * const c = carryCounties({
 *   population2020: Float64Array.from([10, 10, 10, 10, 30, 30, 30, 30]), // 2 counties, 2 sexes, ages 0..1
 *   urbanShare2020: [0.5, 0.5], hukouShareOfUrban2020: [0.5, 0.5], years: 1,
 *   national: { female: [50, 50], male: [50, 50] }, residentUrbanisationRate: 0.5, hukouUrbanisationRate: 0.25,
 * });
 * Array.from(c.total, Math.round)
 * // => [50, 150]
 */
export function carryCounties(input: CarryCountiesInput): CarriedCounties {
  const A1 = input.national.female.length;
  const R = input.urbanShare2020.length;
  if (input.population2020.length !== R * 2 * A1 || input.national.male.length !== A1 || input.hukouShareOfUrban2020.length !== R || !(input.years >= 0 && Number.isInteger(input.years))) {
    throw new ChengzhenError([
      { code: 'wrong_length', path: ['population2020'], message: `population2020 must hold counties x 2 sexes x ${A1} ages (${R * 2 * A1}), received ${input.population2020.length}; years a whole number >= 0, received ${input.years}`, received: String(input.population2020.length) },
    ]);
  }
  const shareIssues = [];
  for (const [name, values] of [['urbanShare2020', input.urbanShare2020], ['hukouShareOfUrban2020', input.hukouShareOfUrban2020]] as const) {
    for (let r = 0; r < R; r++) {
      if (!(values[r] >= 0 && values[r] <= 1)) shareIssues.push({ code: 'out_of_range' as const, path: [name, r], message: `${name}[${r}] must be in [0, 1], received ${values[r]}`, expected: '[0, 1]', received: String(values[r]) });
    }
  }
  if (shareIssues.length > 0) throw new ChengzhenError(shareIssues);
  const y = input.years;
  const out = new Float64Array(R * 2 * A1);
  const total2020 = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    for (let s = 0; s < 2; s++) {
      const o = (r * 2 + s) * A1;
      for (let a = 0; a < A1; a++) {
        const v = input.population2020[o + a];
        total2020[r] += v;
        const to = Math.min(A1 - 1, a + y);
        out[o + to] += v;
        if (a < y) out[o + a] += v;
      }
    }
  }
  let national2020 = 0;
  for (let r = 0; r < R; r++) national2020 += total2020[r];
  const margin = new Float64Array(2 * A1);
  let nationalTotal = 0;
  for (let a = 0; a < A1; a++) {
    margin[a] = input.national.female[a];
    margin[A1 + a] = input.national.male[a];
    nationalTotal += margin[a] + margin[A1 + a];
  }
  const target = new Float64Array(R);
  for (let r = 0; r < R; r++) target[r] = (total2020[r] * nationalTotal) / national2020;
  const colSum = new Float64Array(2 * A1);
  const iterations = input.iterations ?? 100;
  let gap = 0;
  for (let it = 0; it < iterations; it++) {
    for (let r = 0; r < R; r++) {
      let sum = 0;
      for (let x = 0; x < 2 * A1; x++) sum += out[r * 2 * A1 + x];
      const f = sum > 0 ? target[r] / sum : 0;
      for (let x = 0; x < 2 * A1; x++) out[r * 2 * A1 + x] *= f;
    }
    colSum.fill(0);
    for (let r = 0; r < R; r++) for (let x = 0; x < 2 * A1; x++) colSum[x] += out[r * 2 * A1 + x];
    for (let r = 0; r < R; r++) for (let x = 0; x < 2 * A1; x++) out[r * 2 * A1 + x] *= colSum[x] > 0 ? margin[x] / colSum[x] : 0;
  }
  const total = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    for (let x = 0; x < 2 * A1; x++) total[r] += out[r * 2 * A1 + x];
    if (target[r] > 0) gap = Math.max(gap, Math.abs(total[r] / target[r] - 1));
  }
  const u = input.urbanShare2020;
  const h = input.hukouShareOfUrban2020;
  const urbanShift = solveShift(u, total, input.residentUrbanisationRate * nationalTotal, 'residentUrbanisationRate');
  const urbanRate = new Float64Array(R);
  const urbanPersons = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    urbanRate[r] = shifted(u[r], urbanShift);
    urbanPersons[r] = urbanRate[r] * total[r];
  }
  const hukouShift = solveShift(h, urbanPersons, input.hukouUrbanisationRate * nationalTotal, 'hukouUrbanisationRate');
  const hukouRate = new Float64Array(R);
  for (let r = 0; r < R; r++) hukouRate[r] = urbanRate[r] * shifted(h[r], hukouShift);
  return { population: out, total, residentUrbanisationRate: urbanRate, hukouUrbanisationRate: hukouRate, urbanShift, hukouShift, countyTotalGap: gap };
}
