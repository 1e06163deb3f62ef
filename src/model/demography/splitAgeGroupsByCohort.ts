/**
 * A cohort-aware split of counts by age group into single years of age (demography.md
 * point 4): inside each group, people are shared out in proportion to the size of each
 * single-year cohort (its births, say) times a smooth survival ratio. This keeps the waves of
 * a country's birth history, such as China's 1959-1961 famine gap inside the 55-59 and 60-64
 * groups of 2020, which a smooth split of the counts alone irons out.
 *
 * Method: for each closed group g the ratio `r_g = total_g / sum of cohort sizes in g` (people
 * now per person born) is put at the group's midpoint; a monotone cubic Hermite spline of the
 * ratios ({@link monotoneCubicSpline}, held flat outside the first and last midpoints) gives a
 * ratio `rho(a + 1/2)` for every single age, the count at age a is `size_a * rho(a + 1/2)`, and
 * each group is rescaled to its total exactly. An open last group is kept whole as the last age.
 */

import type { ChengzhenIssue } from '../../errors.js';
import { checkAgeStarts, checkNumbers, NON_NEGATIVE_RANGE, POSITIVE_RANGE, throwIfIssues } from './checkInputs.js';
import { monotoneCubicSpline, splineValue } from './monotoneCubicSpline.js';

/**
 * Splits group totals (the last group open) into single ages with cohort sizes as weights.
 *
 * @param totals count in each group (>= 0)
 * @param ageStarts first age of each group, strictly rising whole numbers; the last group is open
 * @param cohortSizes size (> 0) of the cohort at each single age from `ageStarts[0]` up to the
 *   open group's start (exclusive), for example its births
 * @returns counts by single age, index `age - ageStarts[0]`, the open group last
 * @throws {ChengzhenError} on negative or non-finite totals, cohort sizes that are not > 0,
 *   lengths that do not match, or ages that do not rise
 * @example
 * splitAgeGroupsByCohort([30, 5], [0, 3], [1, 1, 4])
 * // => Float64Array [5, 5, 20, 5]
 */
export function splitAgeGroupsByCohort(totals: ArrayLike<number>, ageStarts: ArrayLike<number>, cohortSizes: ArrayLike<number>): Float64Array {
  const issues: ChengzhenIssue[] = [];
  checkAgeStarts(issues, ['ageStarts'], ageStarts, 2);
  checkNumbers(issues, ['totals'], totals, NON_NEGATIVE_RANGE, ageStarts.length);
  if (issues.length === 0) {
    checkNumbers(issues, ['cohortSizes'], cohortSizes, POSITIVE_RANGE, ageStarts[ageStarts.length - 1] - ageStarts[0]);
  }
  throwIfIssues(issues);

  const groups = ageStarts.length;
  const closed = groups - 1;
  const first = ageStarts[0];
  const openAge = ageStarts[closed];
  const out = new Float64Array(openAge - first + 1);
  const mids = new Float64Array(closed);
  const ratios = new Float64Array(closed);
  for (let g = 0; g < closed; g++) {
    let size = 0;
    for (let a = ageStarts[g]; a < ageStarts[g + 1]; a++) size += cohortSizes[a - first];
    mids[g] = (ageStarts[g] + ageStarts[g + 1]) / 2;
    ratios[g] = totals[g] / size;
  }
  const spline = closed >= 2 ? monotoneCubicSpline(mids, ratios) : null;
  for (let g = 0; g < closed; g++) {
    let sum = 0;
    for (let a = ageStarts[g]; a < ageStarts[g + 1]; a++) {
      const t = Math.min(Math.max(a + 0.5, mids[0]), mids[closed - 1]);
      const rho = spline ? splineValue(spline, t) : ratios[0];
      const v = cohortSizes[a - first] * (rho > 0 ? rho : 0);
      out[a - first] = v;
      sum += v;
    }
    const width = ageStarts[g + 1] - ageStarts[g];
    for (let a = ageStarts[g]; a < ageStarts[g + 1]; a++) {
      out[a - first] = sum > 0 ? (out[a - first] * totals[g]) / sum : totals[g] / width;
    }
  }
  out[openAge - first] = totals[closed];
  return out;
}
