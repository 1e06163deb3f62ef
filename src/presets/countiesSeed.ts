/**
 * How the data of the county presets (`seeds/census-counties/countyPreset2023.ts`) are computed:
 * the county censuses carried to the end of 2023 so that they add up to the base of the national
 * preset, with the destination weights fitted to the 2010-2020 residual net migration. Run by
 * `scripts/buildCountyPresetSeed.ts` (which writes the seed) and by a slow test (which checks it);
 * the presets themselves only read the seed.
 */

import { compileScenario } from '../model/compile.js';
import { countyPresetSeed, type CountyPresetSeed } from '../model/counties/countyPresetSeed.js';
import { NATIONAL_2024_2028_TREND, NATIONAL_CALIBRATION } from './national.js';

/**
 * Half the 2010-2020 residual net migration rate of each county a year: the movers of the
 * national migration level (about 9.3 million a year at the end of 2023) carry the
 * whole residual pattern only with large errors (49 % of the gross target missed, against 25 %
 * at one half), and migration between counties slowed after 2015.
 *
 * @example
 * COUNTY_RESIDUAL_FACTOR
 * // => 0.5
 */
export const COUNTY_RESIDUAL_FACTOR = 0.5;

/**
 * The county presets' data for the end of 2023 (about 10 s).
 *
 * @example
 * // const seed = countyPresetSeed2023(); seed.ids.length === 2987
 * COUNTY_RESIDUAL_FACTOR < 1
 * // => true
 */
export function countyPresetSeed2023(): CountyPresetSeed {
  const trend = NATIONAL_2024_2028_TREND.scenario;
  const problem = compileScenario(trend);
  const A1 = problem.maxAge + 1;
  const female = new Float64Array(A1);
  const male = new Float64Array(A1);
  for (let h = 0; h < 3; h++) {
    for (let a = 0; a < A1; a++) {
      female[a] += problem.population[h * 2 * A1 + a];
      male[a] += problem.population[(h * 2 + 1) * A1 + a];
    }
  }
  const base = trend.base.china;
  return countyPresetSeed({
    baseYear: trend.baseYear,
    national: { female, male },
    residentUrbanisationRate: base.residentUrbanisationRate,
    hukouUrbanisationRate: base.hukouUrbanisationRate,
    migrationLevel: NATIONAL_CALIBRATION.fitted[0],
    lambda: COUNTY_RESIDUAL_FACTOR,
  });
}
