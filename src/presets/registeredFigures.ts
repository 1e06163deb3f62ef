/**
 * The registered (户籍) figures of a province preset: the local-hukou share of its residents and
 * its registered stocks, from the censuses (src/model/registeredBase.ts), at the end of 2020 or
 * carried to a later base year with the national official rate. They replace the former
 * derivation "resident rate minus 85 % of the floating population".
 */

import type { CitedValue } from '../../seeds/types.js';
import { OBSERVED_URBANISATION } from '../../seeds/observed/urbanisation.js';
import { ChengzhenError } from '../errors.js';
import { censusRegisteredBase2020 } from '../model/registeredBase.js';
import type { RegisteredStocks } from '../schema/registered.js';

const CENSUS_SOURCE =
  'Registered base from the censuses (src/model/registeredBase.ts, docs/demography.md): residents registered in another province and their rural share (2020 county yearbook), registrants outside (the 2010 residual of registered population, residents and residents registered in another province, grown with the national inter-provincial migrants), the official rate (the 2010 non-agricultural share of the province\'s own registrants, carried to 2020 with China\'s official 45.4 %); leiii/census (MIT), Ministry of Public Security 2020 rate (census communique).';

/** The national official hukou rate of a year: published, or the mean of the years either side. */
function nationalOfficial(year: number): { value: number; how: string } {
  const at = (y: number) => OBSERVED_URBANISATION.find((r) => r.area === 'China' && r.year === y)?.hukouUrbanisationRate ?? null;
  const published = at(year);
  if (published !== null) return { value: published, how: `${(published * 100).toFixed(1)} % (published)` };
  const before = at(year - 1);
  const after = at(year + 1);
  if (before === null || after === null) {
    throw new ChengzhenError([{ code: 'out_of_range', path: ['year'], message: `year must have a published national hukou rate or one either side, received ${year}`, received: String(year) }]);
  }
  const value = (before + after) / 2;
  return { value, how: `${(value * 100).toFixed(1)} % (the mean of ${year - 1} and ${year + 1})` };
}

/** A province preset's local hukou share and registered stocks at its base year, each cited. */
export interface ProvinceRegisteredFigures {
  hukouUrbanisationRate: CitedValue<number>;
  registered: CitedValue<RegisteredStocks>;
  /** The estimated official rate at the base year, 0-1. */
  officialRate: number;
}

/**
 * The registered figures of a province at the end of `year` (2020 or later), for its residents
 * and resident rate of that year: the census base of 2020; after 2020, the residents registered
 * elsewhere at their 2020 share of residents (by status), the registrants outside at their 2020
 * count, and the official rate carried with the national one (its share without urban hukou
 * falls as China's does). Assumptions, each said in the figure.
 *
 * @throws {ChengzhenError} for an area that is not a province, or a year without a national rate.
 * @example
 * const f = provinceRegisteredFigures('Shandong', 2020, 101_527_453, 0.6305);
 * [f.hukouUrbanisationRate.value.toFixed(4), f.officialRate.toFixed(4)]
 * // => ['0.3898', '0.4064']
 */
export function provinceRegisteredFigures(area: string, year: number, residents: number, residentUrbanisationRate: number): ProvinceRegisteredFigures {
  const base = censusRegisteredBase2020(area, year === 2020 ? residentUrbanisationRate : undefined);
  if (!base) throw new ChengzhenError([{ code: 'invalid_value', path: ['area'], message: `area must be a province of the 2020 census, received ${JSON.stringify(area)}`, received: area }]);
  const from2020 = nationalOfficial(2020);
  const then = nationalOfficial(year);
  const officialRate = 1 - ((1 - base.officialRate) * (1 - then.value)) / (1 - from2020.value);
  const scale = residents / base.residents;
  const X = { rural: base.residentsRegisteredElsewhere.rural * scale, migrant: base.residentsRegisteredElsewhere.migrant * scale };
  const room = residentUrbanisationRate - X.migrant / residents;
  const estimate = (officialRate * (residents - X.rural - X.migrant)) / residents;
  const local = Math.min(estimate, room);
  const carried =
    year === 2020
      ? ''
      : ` Carried to the end of ${year}: residents registered elsewhere at their 2020 share of residents, registrants outside at their 2020 count, the official rate from ${(base.officialRate * 100).toFixed(2)} % with the national one (${from2020.how} in 2020, ${then.how} in ${year}): ${(officialRate * 100).toFixed(2)} %.`;
  const bound = estimate > room ? ` Bounded by the urban residents not registered elsewhere (${(room * 100).toFixed(2)} % of residents rather than ${(estimate * 100).toFixed(2)} %).` : '';
  return {
    officialRate,
    hukouUrbanisationRate: {
      value: local,
      unit: 'share (0-1)',
      assumption: `Urban residents with local hukou = the estimated official rate (${(officialRate * 100).toFixed(2)} %) x the residents not registered in another province, over residents; registrants outside taken as urban as those at home. ${CENSUS_SOURCE}${carried}${bound}`,
    },
    registered: {
      value: {
        residentsRegisteredElsewhere: X,
        registrantsOutside: base.registrantsOutside,
        registrantsOutsideUrbanShare: officialRate,
      },
      unit: 'persons; share (0-1)',
      assumption: `${CENSUS_SOURCE} ${base.notes.join('; ')}.${carried}`,
    },
  };
}
