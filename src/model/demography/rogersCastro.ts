/**
 * The Rogers-Castro model migration schedule (Rogers and Castro 1981), the standard curve of
 * migration rates by age:
 *
 * ```
 * m(x) = a1 exp(-alpha1 x)                                        childhood, falling
 *      + a2 exp(-alpha2 (x - mu2) - exp(-lambda2 (x - mu2)))       labour force peak
 *      + a3 exp(-alpha3 (x - mu3) - exp(-lambda3 (x - mu3)))       retirement peak (11-parameter form)
 *      + c                                                         constant
 * ```
 *
 * Heights are `a1`, `a2`, `a3` and `c`; `mu2` and `mu3` place the peaks (the labour peak's
 * highest point is at `mu2 + ln(lambda2 / alpha2) / lambda2`); `lambda` sets how fast a peak
 * rises, `alpha` how fast it falls. The 7-parameter form leaves out the retirement peak.
 *
 * References: A. Rogers and L. J. Castro (1981), Model Migration Schedules, IIASA Research
 * Report RR-81-30. A. Rogers, J. Little and J. Raymer (2010), The Indirect Estimation of
 * Migration, Springer, chapter 2.
 */

import type { ChengzhenIssue } from '../../errors.js';
import { checkNumber, FINITE_RANGE, NON_NEGATIVE_RANGE, throwIfIssues } from './checkInputs.js';

/** Parameters of the 7-parameter Rogers-Castro schedule. */
export interface RogersCastroParameters {
  /** Height of the childhood curve (>= 0). */
  a1: number;
  /** Rate of descent of the childhood curve, per year (>= 0). */
  alpha1: number;
  /** Height of the labour-force peak (>= 0). */
  a2: number;
  /** Rate of descent of the labour-force peak, per year (>= 0). */
  alpha2: number;
  /** Position of the labour-force peak, years of age. */
  mu2: number;
  /** Rate of ascent of the labour-force peak, per year (>= 0). */
  lambda2: number;
  /** Constant level at every age (>= 0). */
  c: number;
  /** Height of the retirement peak (11-parameter form, >= 0). */
  a3?: number;
  /** Rate of descent of the retirement peak, per year (>= 0). */
  alpha3?: number;
  /** Position of the retirement peak, years of age. */
  mu3?: number;
  /** Rate of ascent of the retirement peak, per year (>= 0). */
  lambda3?: number;
}

/** Names of the parameters of each form, in the order the fit uses. */
export const ROGERS_CASTRO_PARAMETERS = {
  7: ['a1', 'alpha1', 'a2', 'alpha2', 'mu2', 'lambda2', 'c'],
  11: ['a1', 'alpha1', 'a2', 'alpha2', 'mu2', 'lambda2', 'a3', 'alpha3', 'mu3', 'lambda3', 'c'],
} as const;

/**
 * The "fundamental parameters" of the simplified basic standard schedule of Rogers and Castro
 * (1981): a1 = 0.02, alpha1 = 0.1, a2 = 0.06, alpha2 = 0.1, mu2 = 20, lambda2 = 0.4, c = 0.003.
 */
export const ROGERS_CASTRO_STANDARD: Readonly<RogersCastroParameters> = Object.freeze({
  a1: 0.02,
  alpha1: 0.1,
  a2: 0.06,
  alpha2: 0.1,
  mu2: 20,
  lambda2: 0.4,
  c: 0.003,
});

/** Checks a parameter set; `mu` may be any finite number, everything else >= 0. */
export function checkRogersCastroParameters(issues: ChengzhenIssue[], path: (string | number)[], p: RogersCastroParameters): void {
  for (const name of ROGERS_CASTRO_PARAMETERS[7]) checkNumber(issues, [...path, name], p[name], name === 'mu2' ? FINITE_RANGE : NON_NEGATIVE_RANGE);
  const retirement = ['a3', 'alpha3', 'mu3', 'lambda3'] as const;
  const given = retirement.filter((name) => p[name] !== undefined);
  if (given.length === 0) return;
  for (const name of retirement) checkNumber(issues, [...path, name], p[name], name === 'mu3' ? FINITE_RANGE : NON_NEGATIVE_RANGE);
}

/** The schedule at age x, without checks. */
export function rogersCastroAt(p: RogersCastroParameters, x: number): number {
  let m = p.a1 * Math.exp(-p.alpha1 * x) + p.a2 * Math.exp(-p.alpha2 * (x - p.mu2) - Math.exp(-p.lambda2 * (x - p.mu2))) + p.c;
  if (p.a3 !== undefined && p.a3 !== 0) {
    const u = x - (p.mu3 as number);
    m += p.a3 * Math.exp(-(p.alpha3 as number) * u - Math.exp(-(p.lambda3 as number) * u));
  }
  return m;
}

/**
 * Evaluates the Rogers-Castro schedule at each age (the 11-parameter form when `a3`, `alpha3`,
 * `mu3` and `lambda3` are given).
 *
 * @param ages ages in years (whole or not)
 * @returns the rate at each age
 * @throws {ChengzhenError} when a parameter is missing, not finite, or negative where it must
 *   not be, or an age is not finite
 * @example
 * rogersCastro([0, 20], ROGERS_CASTRO_STANDARD)[0]
 * // => 0.023
 */
export function rogersCastro(ages: ArrayLike<number>, parameters: RogersCastroParameters): Float64Array {
  const issues: ChengzhenIssue[] = [];
  if (parameters === null || typeof parameters !== 'object') {
    issues.push({ code: 'invalid_type', path: ['parameters'], message: 'parameters must be an object of Rogers-Castro parameters', expected: 'an object', received: typeof parameters });
  } else checkRogersCastroParameters(issues, ['parameters'], parameters);
  for (let i = 0; i < ages.length && issues.length < 20; i++) {
    if (!Number.isFinite(ages[i])) checkNumber(issues, ['ages', i], ages[i], FINITE_RANGE);
  }
  throwIfIssues(issues);
  const out = new Float64Array(ages.length);
  for (let i = 0; i < ages.length; i++) out[i] = rogersCastroAt(parameters, ages[i]);
  return out;
}
