/**
 * Single-year death rates from rates by age group (abridged: 0, 1-4, 5-9, ..., 95-99, 100+).
 *
 * Method (demography.md point 2): a monotone cubic Hermite spline of `log m` through one knot
 * per group ({@link monotoneCubicSpline}; at the group midpoints, the open group's one year
 * past its start) gives the rate at each age `x + 1/2`. The knot values start at the published
 * log rates and are moved, all together, by the log of each group's published rate over the
 * rate the curve gives it (the group's life-table death rate `sum(dx) / sum(Lx)`), until
 * every group is within 1e-9; so the result is one smooth curve with no steps at group edges.
 * What remains is removed by rescaling each group's rates until they hold to 1e-13 relative.
 * The open group keeps its published rate. A smooth schedule reproduces a published abridged
 * table's life expectancy far better than a constant rate within each group (which
 * demography.md measures as about 0.1 years of e0 too low).
 */

import { ChengzhenError, type ChengzhenIssue } from '../../errors.js';
import { checkAgeStarts, checkNumber, checkNumbers, NON_NEGATIVE_RANGE, POSITIVE_RANGE, throwIfIssues } from './checkInputs.js';
import { infantSeparationFactor, type LifeTableSex } from './infantSeparationFactor.js';
import { fillLifeTable } from './fillLifeTable.js';
import { monotoneCubicSpline, splineValue } from './monotoneCubicSpline.js';

/** The abridged age groups of UN and most national life tables: 0, 1-4, 5-9, ..., 95-99, 100+. */
export const ABRIDGED_AGE_STARTS: readonly number[] = Object.freeze([0, 1, ...Array.from({ length: 20 }, (_, i) => 5 * (i + 1))]);

const KNOT_ITERATIONS = 100;
const KNOT_TOLERANCE = 1e-9;
const MAX_ITERATIONS = 200;
const TOLERANCE = 1e-13;

/**
 * Ungroups death rates by age group into single ages 0 .. A, where A is the start of the open
 * last group, keeping each group's life-table death rate.
 *
 * @param rates death rate of each group, deaths per person-year (>= 0; the open group's > 0)
 * @param ageStarts first age of each group, starting at 0; the last group is open
 * @param sex chooses the infant `a0` rule used in the group rates
 * @throws {ChengzhenError} on negative or non-finite rates, mismatched lengths, ages that do not
 *   start at 0 and rise, or a group whose rescaling does not settle
 * @example
 * const m = ungroupDeathRates([0.005, 0.0004, 0.0003, 0.5], [0, 1, 5, 10], 'female');
 * m.length
 * // => 11
 */
export function ungroupDeathRates(rates: ArrayLike<number>, ageStarts: ArrayLike<number> = ABRIDGED_AGE_STARTS, sex: LifeTableSex = 'both'): Float64Array {
  const issues: ChengzhenIssue[] = [];
  checkAgeStarts(issues, ['ageStarts'], ageStarts, 3);
  checkNumbers(issues, ['rates'], rates, NON_NEGATIVE_RANGE, ageStarts.length);
  if (issues.length === 0 && ageStarts[0] !== 0) {
    issues.push({ code: 'invalid_value', path: ['ageStarts', 0], message: `ageStarts[0] must be 0, received ${ageStarts[0]}`, expected: '0', received: String(ageStarts[0]) });
  }
  if (issues.length === 0) {
    const last = rates.length - 1;
    checkNumber(issues, ['rates', last], rates[last], POSITIVE_RANGE, 'the open age group');
  }
  throwIfIssues(issues);

  const groups = ageStarts.length;
  const A = ageStarts[groups - 1];
  const m = new Float64Array(A + 1);
  // knots at the group midpoints (the open group's one year past its start); zero rates stay zero
  const knots: number[] = [];
  const knotGroups: number[] = [];
  const logs: number[] = [];
  for (let g = 0; g < groups; g++) {
    if (rates[g] <= 0) continue;
    knots.push(g === groups - 1 ? A + 1 : (ageStarts[g] + ageStarts[g + 1]) / 2);
    knotGroups.push(g);
    logs.push(Math.log(rates[g]));
  }
  const n = A + 1;
  const qx = new Float64Array(n);
  const ax = new Float64Array(n);
  const lx = new Float64Array(n);
  const dx = new Float64Array(n);
  const Lx = new Float64Array(n);
  const groupRate = new Float64Array(groups);
  const measure = (): number => {
    fillLifeTable(m, infantSeparationFactor(m[0], sex), qx, ax, lx, dx, Lx);
    let worst = 0;
    for (let g = 0; g < groups - 1; g++) {
      if (rates[g] <= 0) continue;
      let deaths = 0;
      let years = 0;
      for (let x = ageStarts[g]; x < ageStarts[g + 1]; x++) {
        deaths += dx[x];
        years += Lx[x];
      }
      groupRate[g] = deaths / years;
      worst = Math.max(worst, Math.abs(rates[g] / groupRate[g] - 1));
    }
    return worst;
  };
  m[A] = rates[groups - 1];

  // 1. move the knots until the smooth curve's group rates are (nearly) the published ones
  let worst = Infinity;
  for (let iteration = 0; iteration < KNOT_ITERATIONS; iteration++) {
    const spline = knots.length >= 2 ? monotoneCubicSpline(knots, logs) : null;
    for (let g = 0; g < groups - 1; g++) {
      for (let x = ageStarts[g]; x < ageStarts[g + 1]; x++) {
        m[x] = rates[g] <= 0 ? 0 : spline ? Math.exp(splineValue(spline, x + 0.5)) : rates[g];
      }
    }
    worst = measure();
    if (worst < KNOT_TOLERANCE) break;
    for (let k = 0; k < knots.length; k++) {
      const g = knotGroups[k];
      if (g < groups - 1) logs[k] += Math.log(rates[g] / groupRate[g]);
    }
  }
  // 2. rescale each group by what is left, so the rates hold to the last digits
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    if (worst < TOLERANCE) return m;
    for (let g = 0; g < groups - 1; g++) {
      if (rates[g] <= 0) continue;
      const ratio = rates[g] / groupRate[g];
      for (let x = ageStarts[g]; x < ageStarts[g + 1]; x++) m[x] *= ratio;
    }
    worst = measure();
  }
  throw new ChengzhenError([
    {
      code: 'not_converged',
      path: ['rates'],
      message: `ungrouping the death rates did not settle in ${MAX_ITERATIONS} iterations: the worst group rate is off by a factor ${worst}`,
      expected: `a relative difference below ${TOLERANCE}`,
      received: String(worst),
    },
  ]);
}
