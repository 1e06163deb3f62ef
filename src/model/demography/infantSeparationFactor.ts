/**
 * The average fraction of the first year of life lived by infants who die in it (`a0`), from
 * the infant death rate `m0`, by the piecewise-linear formulas that Andreev and Kingkade (2015)
 * fitted to the Human Mortality Database:
 *
 * | sex | m0 below | a0 | m0 between | a0 | m0 at or above | a0 |
 * |---|---|---|---|---|---|---|
 * | male | 0.02300 | 0.14929 - 1.99545 m0 | 0.02300 - 0.08307 | 0.02832 + 3.26201 m0 | 0.08307 | 0.29915 |
 * | female | 0.01724 | 0.14903 - 2.05527 m0 | 0.01724 - 0.06891 | 0.04667 + 3.88089 m0 | 0.06891 | 0.31411 |
 *
 * The formulas are given by sex only; for both sexes together the mean of the two is used.
 *
 * Reference: E. M. Andreev and W. W. Kingkade (2015), Average age at death in infancy and
 * infant mortality level: Reconsidering the Coale-Demeny formulas at current levels of low
 * mortality, Demographic Research 33(13), 363-390.
 */

import type { ChengzhenIssue } from '../../errors.js';
import { checkNumber, NON_NEGATIVE_RANGE, throwIfIssues } from './checkInputs.js';

/** The sex a life table is for; `both` averages the sex-specific rules where a rule is by sex. */
export type LifeTableSex = 'female' | 'male' | 'both';

/**
 * Andreev-Kingkade `a0`: years lived in the first year of life by an infant who dies in it.
 *
 * @param m0 infant death rate, deaths per person-year (>= 0)
 * @throws {ChengzhenError} when `m0` is negative or not finite
 * @example
 * infantSeparationFactor(0.01, 'male')
 * // => 0.1293355
 */
export function infantSeparationFactor(m0: number, sex: LifeTableSex): number {
  const issues: ChengzhenIssue[] = [];
  checkNumber(issues, ['m0'], m0, NON_NEGATIVE_RANGE);
  throwIfIssues(issues);
  if (sex === 'male') return maleA0(m0);
  if (sex === 'female') return femaleA0(m0);
  return (maleA0(m0) + femaleA0(m0)) / 2;
}

function maleA0(m0: number): number {
  if (m0 < 0.023) return 0.14929 - 1.99545 * m0;
  if (m0 < 0.08307) return 0.02832 + 3.26201 * m0;
  return 0.29915;
}

function femaleA0(m0: number): number {
  if (m0 < 0.01724) return 0.14903 - 2.05527 * m0;
  if (m0 < 0.06891) return 0.04667 + 3.88089 * m0;
  return 0.31411;
}
