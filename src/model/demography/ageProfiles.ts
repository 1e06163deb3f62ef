/**
 * Default relative age profiles of the moves between statuses (rural -> migrant, migrant ->
 * hukou, migrant -> rural), by single age and sex, and a function that scales a profile to an
 * overall rate.
 *
 * The profiles are Rogers-Castro curves ({@link rogersCastro}) with parameters chosen, not
 * estimated, to give the shapes that studies of internal migration in China describe:
 *
 * - **rural to urban (labour migration)**: a young-adult peak near age 22 (20 for women), a
 *   small childhood component for children who move with their parents, little movement after
 *   60.
 * - **hukou conversion**: a peak in the late 20s (about 28 for men, 27 for women), when
 *   migrants settle, marry, buy housing and meet points-based conditions, with children
 *   converting with their parents and a low level at every age.
 * - **return migration**: rising through the 40s to a broad peak in the mid-50s (about 55 for men,
 *   53 for women), as older
 *   migrant workers go back to their home villages, plus a smaller early peak of young
 *   returners.
 *
 * Each profile is normalised to a mean of 1 over ages 0 .. maxAge, so it reads as intensity
 * relative to the average age (a flat profile is 1 at every age). Scenario builders should
 * replace them with fitted schedules when data allow.
 */

import type { ChengzhenIssue } from '../../errors.js';
import { checkNumber, checkNumbers, NON_NEGATIVE_RANGE, PROBABILITY_RANGE, throwIfIssues } from './checkInputs.js';
import { rogersCastroAt, type RogersCastroParameters } from './rogersCastro.js';

/** The sex of a profile; `both` is the mean of the two. */
export type ProfileSex = 'female' | 'male' | 'both';

/** Rogers-Castro parameters of a default profile by sex, with why they were chosen. */
export interface DefaultAgeProfile {
  female: Readonly<RogersCastroParameters>;
  male: Readonly<RogersCastroParameters>;
  assumption: string;
}

/** Rural to urban moves (rural -> migrant). */
export const LABOUR_MIGRATION_PROFILE: DefaultAgeProfile = Object.freeze({
  male: Object.freeze({ a1: 0.01, alpha1: 0.1, a2: 0.06, alpha2: 0.09, mu2: 18, lambda2: 0.35, c: 0.001 }),
  female: Object.freeze({ a1: 0.01, alpha1: 0.1, a2: 0.06, alpha2: 0.09, mu2: 16, lambda2: 0.35, c: 0.001 }),
  assumption: 'Rogers-Castro shape with the labour peak at about 22 (men) and 20 (women), children moving with parents at a low level, little movement after 60; chosen, not fitted.',
});

/** Hukou conversion (migrant -> hukou). */
export const HUKOU_CONVERSION_PROFILE: DefaultAgeProfile = Object.freeze({
  male: Object.freeze({ a1: 0.02, alpha1: 0.1, a2: 0.06, alpha2: 0.08, mu2: 24, lambda2: 0.3, c: 0.004 }),
  female: Object.freeze({ a1: 0.02, alpha1: 0.1, a2: 0.06, alpha2: 0.08, mu2: 23, lambda2: 0.3, c: 0.004 }),
  assumption: 'Rogers-Castro shape peaking in the late 20s (about 28 for men, 27 for women) when migrants settle, marry and buy housing; children convert with their parents; a low level at all ages; chosen, not fitted.',
});

/** Return migration (migrant -> rural). */
export const RETURN_MIGRATION_PROFILE: DefaultAgeProfile = Object.freeze({
  male: Object.freeze({ a1: 0.01, alpha1: 0.1, a2: 0.02, alpha2: 0.15, mu2: 20, lambda2: 0.4, a3: 0.06, alpha3: 0.1, mu3: 52, lambda3: 0.15, c: 0.002 }),
  female: Object.freeze({ a1: 0.01, alpha1: 0.1, a2: 0.02, alpha2: 0.15, mu2: 19, lambda2: 0.4, a3: 0.06, alpha3: 0.1, mu3: 50, lambda3: 0.15, c: 0.002 }),
  assumption: 'Rising through the 40s to a broad peak in the mid-50s (about 55 for men, 53 for women) as older migrant workers go home, plus a small early peak of young returners; chosen, not fitted.',
});

function checkMaxAge(maxAge: number): void {
  const issues: ChengzhenIssue[] = [];
  checkNumber(issues, ['maxAge'], maxAge, { min: 1, max: 200 });
  if (issues.length === 0 && !Number.isInteger(maxAge)) {
    issues.push({ code: 'invalid_value', path: ['maxAge'], message: `maxAge must be a whole age, received ${maxAge}`, expected: 'a whole number in [1, 200]', received: String(maxAge) });
  }
  throwIfIssues(issues);
}

/**
 * A profile from Rogers-Castro parameters by sex, evaluated at ages 0 .. maxAge and normalised
 * to a mean of 1.
 *
 * @example
 * const p = profileFromDefault(HUKOU_CONVERSION_PROFILE, 100, 'male');
 * p.reduce((s, v) => s + v, 0) / p.length
 * // => 1 (to rounding)
 */
export function profileFromDefault(profile: DefaultAgeProfile, maxAge = 100, sex: ProfileSex = 'both'): Float64Array {
  checkMaxAge(maxAge);
  const out = new Float64Array(maxAge + 1);
  let sum = 0;
  for (let a = 0; a <= maxAge; a++) {
    const v =
      sex === 'both'
        ? (rogersCastroAt(profile.female, a) + rogersCastroAt(profile.male, a)) / 2
        : rogersCastroAt(profile[sex], a);
    out[a] = v;
    sum += v;
  }
  const scale = (maxAge + 1) / sum;
  for (let a = 0; a <= maxAge; a++) out[a] *= scale;
  return out;
}

/**
 * Default relative profile of rural-to-urban migration by age (mean 1); see the file comment.
 *
 * @example
 * const p = labourMigrationAgeProfile();
 * p.indexOf(Math.max(...p))
 * // => 21
 */
export function labourMigrationAgeProfile(maxAge = 100, sex: ProfileSex = 'both'): Float64Array {
  return profileFromDefault(LABOUR_MIGRATION_PROFILE, maxAge, sex);
}

/**
 * Default relative profile of hukou conversion by age (mean 1); see the file comment.
 *
 * @example
 * const p = conversionAgeProfile(100, 'male');
 * p.indexOf(Math.max(...p))
 * // => 28
 */
export function conversionAgeProfile(maxAge = 100, sex: ProfileSex = 'both'): Float64Array {
  return profileFromDefault(HUKOU_CONVERSION_PROFILE, maxAge, sex);
}

/**
 * Default relative profile of return migration by age (mean 1); see the file comment.
 *
 * @example
 * const p = returnAgeProfile(100, 'male');
 * p.indexOf(Math.max(...p))
 * // => 55
 */
export function returnAgeProfile(maxAge = 100, sex: ProfileSex = 'both'): Float64Array {
  return profileFromDefault(RETURN_MIGRATION_PROFILE, maxAge, sex);
}

/**
 * Rates by age with the shape of `profile` whose overall rate is `overallRate`: with a
 * population by age, `rate[a] = overallRate * profile[a] * sum(P) / sum(profile * P)`, so that
 * the population-weighted mean rate is `overallRate`; without one, every age weighs the same.
 *
 * @param profile relative intensity by age (>= 0)
 * @param overallRate the overall annual rate, in [0, 1]
 * @param population people by age, same length (>= 0), the weights of the overall rate
 * @throws {ChengzhenError} on negative or non-finite numbers, lengths that differ, a profile that
 *   is zero wherever people are while the rate is above 0, or a scaled rate above 1 at some age
 *   (rates are never cut down to 1 silently)
 * @example
 * scaleAgeProfile([0.5, 1.5], 0.02)
 * // => Float64Array [0.01, 0.03]
 */
export function scaleAgeProfile(profile: ArrayLike<number>, overallRate: number, population?: ArrayLike<number>): Float64Array {
  const issues: ChengzhenIssue[] = [];
  checkNumbers(issues, ['profile'], profile, NON_NEGATIVE_RANGE);
  checkNumber(issues, ['overallRate'], overallRate, PROBABILITY_RANGE);
  if (population !== undefined) checkNumbers(issues, ['population'], population, NON_NEGATIVE_RANGE, profile.length);
  throwIfIssues(issues);
  let people = 0;
  let weighted = 0;
  for (let a = 0; a < profile.length; a++) {
    const w = population ? population[a] : 1;
    people += w;
    weighted += profile[a] * w;
  }
  const out = new Float64Array(profile.length);
  if (overallRate === 0 || people === 0) return out;
  if (weighted === 0) {
    issues.push({ code: 'constraint', path: ['profile'], message: `profile is 0 at every age where there are people, so no rate by age gives an overall rate of ${overallRate}`, expected: 'a profile above 0 at some populated age', received: 'all zeros' });
    throwIfIssues(issues);
  }
  const factor = (overallRate * people) / weighted;
  for (let a = 0; a < profile.length; a++) {
    const v = profile[a] * factor;
    if (v > 1 && issues.length < 20) {
      issues.push({ code: 'out_of_range', path: ['profile', a], message: `scaling profile to an overall rate of ${overallRate} gives a rate of ${v} at age ${a}: it must be at most 1`, expected: '<= 1', received: String(v) });
    }
    out[a] = v;
  }
  throwIfIssues(issues);
  return out;
}
