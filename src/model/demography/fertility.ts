/**
 * Fertility by single year of age from a total fertility rate and its distribution over 5-year
 * age groups (the UN WPP form), and the kernel's start-of-year fertility (demography.md point 3).
 *
 * Ungrouping: a group's births per woman, `TFR * percent / 100`, are split over its single
 * years by {@link splitAgeGroups} (monotone spline of cumulative fertility), so the rates are
 * smooth, never negative, add up to each group's share, and so to the TFR.
 *
 * Kernel form: the kernel counts births from women by their age `a` on 1 January. They spend
 * about half the year at age a and, if alive, half at a+1, so
 * `fx[a] = (F(a) + sx_female[a] * F(a+1)) / 2`, with F the calendar-year rate by age at birth.
 */

import type { ChengzhenIssue } from '../../errors.js';
import { checkAgeStarts, checkNumber, checkNumbers, NON_NEGATIVE_RANGE, PROBABILITY_RANGE, throwIfIssues } from './checkInputs.js';
import { splitAgeGroups } from './splitAgeGroups.js';

/** The mothers' age groups of UN WPP fertility: 10-14, 15-19, ..., 50-54. */
export const FERTILITY_AGE_STARTS: readonly number[] = Object.freeze([10, 15, 20, 25, 30, 35, 40, 45, 50]);

/** How far the percentages may add up away from 100 before they are taken as a mistake. */
const PERCENT_SUM_TOLERANCE = 0.1;

/** Where the groups are and how many single ages to return. */
export interface SingleYearAsfrOptions {
  /** First age of each group, default {@link FERTILITY_AGE_STARTS}. */
  ageStarts?: ArrayLike<number>;
  /** Width of every group in years, default 5. */
  ageWidth?: number;
  /** The open age group of the result, default 100: the result has `maxAge + 1` ages. */
  maxAge?: number;
}

/**
 * Age-specific fertility rates by single year of age (births per woman per year, ages
 * 0 .. maxAge, zero outside the groups) that add up to `tfr`.
 *
 * The percentages are divided by their own sum, so the result adds up to the TFR exactly even
 * when rounding left them a little off 100.
 *
 * @param tfr total fertility rate, children per woman (>= 0)
 * @param pasfrPercent per cent of the TFR in each age group (>= 0, adding up to 100 within 0.1)
 * @throws {ChengzhenError} on a negative or non-finite TFR or percentage, percentages that do not
 *   add up to 100, or groups that run past `maxAge`
 * @example
 * const F = singleYearAsfr(1.2, [0, 2, 22, 35, 26, 11, 3, 1, 0]);
 * F.reduce((s, v) => s + v, 0)
 * // => 1.2
 */
export function singleYearAsfr(tfr: number, pasfrPercent: ArrayLike<number>, options: SingleYearAsfrOptions = {}): Float64Array {
  const ageStarts = options.ageStarts ?? FERTILITY_AGE_STARTS;
  const width = options.ageWidth ?? 5;
  const maxAge = options.maxAge ?? 100;
  const issues: ChengzhenIssue[] = [];
  checkNumber(issues, ['tfr'], tfr, NON_NEGATIVE_RANGE);
  checkAgeStarts(issues, ['options', 'ageStarts'], ageStarts, 1);
  checkNumbers(issues, ['pasfrPercent'], pasfrPercent, NON_NEGATIVE_RANGE, ageStarts.length);
  checkNumber(issues, ['options', 'ageWidth'], width, { min: 1, max: Infinity });
  checkNumber(issues, ['options', 'maxAge'], maxAge, { min: 1, max: Infinity });
  if (issues.length === 0) {
    for (let g = 1; g < ageStarts.length; g++) {
      if (ageStarts[g] - ageStarts[g - 1] === width) continue;
      issues.push({ code: 'invalid_value', path: ['options', 'ageStarts', g], message: `options.ageStarts[${g}] must be ${ageStarts[g - 1] + width} for groups ${width} years wide, received ${ageStarts[g]}`, expected: String(ageStarts[g - 1] + width), received: String(ageStarts[g]) });
      break;
    }
    const end = ageStarts[ageStarts.length - 1] + width;
    if (end > maxAge) {
      issues.push({ code: 'out_of_range', path: ['options', 'maxAge'], message: `options.maxAge must be at least ${end}, the end of the last group, received ${maxAge}`, expected: `>= ${end}`, received: String(maxAge) });
    }
    let sum = 0;
    for (let g = 0; g < pasfrPercent.length; g++) sum += pasfrPercent[g];
    if (Math.abs(sum - 100) > PERCENT_SUM_TOLERANCE) {
      issues.push({ code: 'constraint', path: ['pasfrPercent'], message: `pasfrPercent must add up to 100 (within ${PERCENT_SUM_TOLERANCE}), received ${sum}`, expected: `100 +/- ${PERCENT_SUM_TOLERANCE}`, received: String(sum) });
    }
  }
  throwIfIssues(issues);

  let sum = 0;
  for (let g = 0; g < pasfrPercent.length; g++) sum += pasfrPercent[g];
  const groupRates = new Float64Array(pasfrPercent.length);
  for (let g = 0; g < groupRates.length; g++) groupRates[g] = (tfr * pasfrPercent[g]) / sum;
  const first = ageStarts[0];
  const single = splitAgeGroups(groupRates, ageStarts, { endAge: ageStarts[ageStarts.length - 1] + width });
  const out = new Float64Array(maxAge + 1);
  out.set(single, first);
  return out;
}

/**
 * The kernel's fertility by age on 1 January: `fx[a] = (F(a) + sxFemale[a] * F(a+1)) / 2`
 * (demography.md point 3); in the open group `fx[A] = F(A) * (1 + sxFemale[A]) / 2`.
 *
 * @param asfr calendar-year fertility by single age at birth, births per woman (>= 0)
 * @param sxFemale women's survival over the year by age on 1 January ([0, 1]), same length
 * @throws {ChengzhenError} on negative or non-finite rates, survival outside [0, 1], or lengths
 *   that differ
 * @example
 * kernelFertility([0, 0.1, 0.2, 0], [1, 0.9, 1, 1])
 * // => Float64Array [0.05, 0.14, 0.1, 0]
 */
export function kernelFertility(asfr: ArrayLike<number>, sxFemale: ArrayLike<number>): Float64Array {
  const issues: ChengzhenIssue[] = [];
  checkNumbers(issues, ['asfr'], asfr, NON_NEGATIVE_RANGE);
  checkNumbers(issues, ['sxFemale'], sxFemale, PROBABILITY_RANGE, asfr.length);
  throwIfIssues(issues);
  return kernelFertilityOfChecked(asfr, sxFemale);
}

/**
 * {@link kernelFertility} of rates known to be valid (made by the compiler's own demography),
 * without checking them again: the same numbers.
 */
export function kernelFertilityOfChecked(asfr: ArrayLike<number>, sxFemale: ArrayLike<number>): Float64Array {
  const A = asfr.length - 1;
  const fx = new Float64Array(A + 1);
  for (let a = 0; a < A; a++) fx[a] = (asfr[a] + sxFemale[a] * asfr[a + 1]) / 2;
  fx[A] = (asfr[A] * (1 + sxFemale[A])) / 2;
  return fx;
}
