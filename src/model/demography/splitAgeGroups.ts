/**
 * Splitting counts by age group (0-4, 5-9, ... or 0, 1-4, 5-9, ...; an open last group such as
 * 100+) into single years of age, keeping every group's total exactly.
 *
 * Method: the cumulative count `C(x)` (people below age x) is known at every group boundary.
 * A monotone cubic Hermite spline of `C` through those points (three-point slopes, Hyman
 * filter: see {@link monotoneCubicSpline}) gives `C` at every whole age, and the count at age a
 * is `C(a + 1) - C(a)`. Because the spline passes through the boundaries the counts of a group
 * add up to its total, and because it is monotone no count is negative. Each group is then
 * rescaled by its total over the sum of its single years, which removes rounding error so that
 * the totals hold to the last bits. An open last group is kept whole as the last single age.
 *
 * This is the fallback of demography.md point 4; a cohort-aware split (births times survival)
 * follows cohort waves more closely inside a group.
 */

import type { ChengzhenIssue } from '../../errors.js';
import { checkAgeStarts, checkNumber, checkNumbers, NON_NEGATIVE_RANGE, throwIfIssues } from './checkInputs.js';
import { monotoneCubicSpline } from './monotoneCubicSpline.js';

/** How the last group ends. */
export interface SplitAgeGroupsOptions {
  /**
   * The age just past the last group, when it is closed (`55` for groups 10-14 ... 50-54).
   * Leave out for an open last group (`100+`), which is then kept whole as the last age.
   */
  endAge?: number;
}

/**
 * Splits group totals into single years of age.
 *
 * @param totals count in each group (>= 0)
 * @param ageStarts first age of each group, strictly rising whole numbers
 * @returns counts by single age, index `age - ageStarts[0]`; ages `ageStarts[0]` to the start of
 *   the open group (inclusive), or to `endAge - 1` when `endAge` is given
 * @throws {ChengzhenError} when a total is negative or not finite, the lengths differ, the ages do
 *   not rise, or `endAge` is not above the last start
 * @example
 * splitAgeGroups([10, 20], [0, 5], { endAge: 10 }).reduce((s, v) => s + v, 0)
 * // => 30
 */
export function splitAgeGroups(totals: ArrayLike<number>, ageStarts: ArrayLike<number>, options: SplitAgeGroupsOptions = {}): Float64Array {
  const issues: ChengzhenIssue[] = [];
  checkAgeStarts(issues, ['ageStarts'], ageStarts, 1);
  checkNumbers(issues, ['totals'], totals, NON_NEGATIVE_RANGE, ageStarts.length);
  const open = options.endAge === undefined;
  const groups = ageStarts.length;
  if (!open) {
    const last = groups > 0 ? ageStarts[groups - 1] : 0;
    checkNumber(issues, ['options', 'endAge'], options.endAge, { min: last, max: Infinity, exclusiveMin: true });
    if (issues.length === 0 && !Number.isInteger(options.endAge)) {
      issues.push({ code: 'invalid_value', path: ['options', 'endAge'], message: `options.endAge must be a whole age, received ${options.endAge}`, expected: 'a whole number', received: String(options.endAge) });
    }
  } else if (issues.length === 0 && groups < 2) {
    issues.push({ code: 'wrong_length', path: ['ageStarts'], message: 'ageStarts must hold at least 2 groups when the last group is open, received 1', expected: 'at least 2 groups', received: 'an array of 1' });
  }
  throwIfIssues(issues);

  const first = ageStarts[0];
  const closedGroups = open ? groups - 1 : groups;
  const end = open ? ageStarts[groups - 1] : (options.endAge as number);
  const out = new Float64Array(end - first + (open ? 1 : 0));

  // cumulative count at the closed groups' boundaries
  const knots = new Float64Array(closedGroups + 1);
  const cumulative = new Float64Array(closedGroups + 1);
  for (let g = 0; g < closedGroups; g++) {
    knots[g] = ageStarts[g];
    cumulative[g + 1] = cumulative[g] + totals[g];
  }
  knots[closedGroups] = end;
  const { slopes } = monotoneCubicSpline(knots, cumulative);
  spreadGroupsInto(totals, ageStarts, knots, slopes, closedGroups, first, out);
  if (open) out[end - first] = totals[groups - 1];
  return out;
}

/**
 * The single ages of the first `closedGroups` groups (`starts`, ending at `knots[g + 1]`) from
 * the spline of their cumulative counts (`slopes` at `knots`), each group rescaled to its
 * total, written into `out` from index `starts[g] - first`: the inner step of
 * {@link splitAgeGroups}, without allocation, for callers that split many bases.
 *
 * @example
 * const out = new Float64Array(4);
 * spreadGroupsInto([10, 10], [0, 2], Float64Array.of(0, 2, 4), Float64Array.of(5, 5, 5), 2, 0, out);
 * Array.from(out)
 * // => [5, 5, 5, 5]
 */
export function spreadGroupsInto(
  totals: ArrayLike<number>,
  starts: ArrayLike<number>,
  knots: ArrayLike<number>,
  slopes: ArrayLike<number>,
  closedGroups: number,
  first: number,
  out: Float64Array,
): void {
  for (let g = 0; g < closedGroups; g++) {
    const from = starts[g] - first;
    const to = knots[g + 1] - first;
    const h = to - from;
    const rise = totals[g];
    // C(x_g + s h) - C(x_g), written relative to the group so that no large cumulative
    // counts are subtracted from each other
    const dLo = slopes[g] * h;
    const dHi = slopes[g + 1] * h;
    let previous = 0;
    let sum = 0;
    for (let i = 1; i <= h; i++) {
      const s = i / h;
      const u = i === h ? rise : rise * s * s * (3 - 2 * s) + s * (1 - s) * (dLo * (1 - s) - dHi * s);
      // the spline is monotone, so a difference below 0 can only be rounding residue
      const v = u - previous;
      out[from + i - 1] = v > 0 ? v : 0;
      sum += out[from + i - 1];
      previous = u;
    }
    if (sum > 0) {
      const scale = rise / sum;
      for (let i = from; i < to; i++) out[i] *= scale;
    }
  }
}
