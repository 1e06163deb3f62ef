/**
 * Resolves a scenario's age profile (a named default, Rogers-Castro parameters, or values by
 * age) into relative intensities by single age 0..A.
 */

import { ChengzhenError, formatPath } from '../errors.js';
import type { AgeProfile } from '../schema/scenario.js';
import { conversionAgeProfile, labourMigrationAgeProfile, returnAgeProfile } from './demography/ageProfiles.js';
import { checkRogersCastroParameters, rogersCastro, type RogersCastroParameters } from './demography/rogersCastro.js';
import type { ChengzhenIssue } from '../errors.js';

/**
 * Relative intensities by single age 0..maxAge for a profile spec.
 *
 * @throws {ChengzhenError} when values by age have the wrong length or Rogers-Castro
 *   parameters are incomplete.
 * @example
 * ageProfileFor('flat', 2, ['hukou', 'ageProfile'])
 * // => Float64Array [1, 1, 1]
 */
export function ageProfileFor(spec: AgeProfile, maxAge: number, path: (string | number)[], sex: 'female' | 'male' | 'both' = 'both'): Float64Array {
  const A1 = maxAge + 1;
  if (spec === 'flat') return new Float64Array(A1).fill(1);
  if (spec === 'labour-migration') return labourMigrationAgeProfile(maxAge, sex);
  if (spec === 'hukou-conversion') return conversionAgeProfile(maxAge, sex);
  if (spec === 'return-migration') return returnAgeProfile(maxAge, sex);
  if ('byAge' in spec) {
    if (spec.byAge.length !== A1) {
      throw new ChengzhenError([
        {
          code: 'wrong_length',
          path: [...path, 'byAge'],
          message: `${formatPath([...path, 'byAge'])} must have one value per age 0..${maxAge} (${A1}), received ${spec.byAge.length}`,
          expected: `${A1} values`,
          received: String(spec.byAge.length),
        },
      ]);
    }
    return Float64Array.from(spec.byAge);
  }
  const parameters = spec.rogersCastro as unknown as RogersCastroParameters;
  const issues: ChengzhenIssue[] = [];
  checkRogersCastroParameters(issues, [...path, 'rogersCastro'], parameters);
  if (issues.length > 0) throw new ChengzhenError(issues);
  const ages = Array.from({ length: A1 }, (_, a) => a);
  return rogersCastro(ages, parameters);
}
