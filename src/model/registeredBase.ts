/**
 * A province's registered (户籍) base at the end of 2020, from the censuses, for the official
 * hukou urbanisation rate (户籍人口城镇化率) and for the local-hukou share of its residents.
 *
 * - **Residents registered elsewhere** `X`: the 2020 census residents whose hukou is in another
 *   province (`hukouElsewhere2020.otherProvince`), rural in the census county estimate
 *   (`otherProvinceRuralShare2020`), the rest urban residents without local hukou.
 * - **Registrants outside** `Y`: the 2010 residual `registered - residents + X` (the 2010
 *   yearbook gives the registered population and the residents registered in another province),
 *   grown with the national count of inter-provincial migrants (85.9 million in 2010, 124.8
 *   million in 2020); where the 2020 registered population is published (Shanghai) it is the
 *   2020 residual instead. A negative residual (registration and census disagree: Beijing,
 *   Tianjin, Shanxi in 2010) is taken as 0, and the estimate says so.
 * - **Official rate**: the share of the province's own registrants with non-agricultural hukou in
 *   2010, `r = (n * P - a * X) / (P - X)` with `n` the 2010 census share of residents with
 *   non-agricultural hukou and `a = 0.22` the share among residents registered in another
 *   province (county regression, below), carried to 2020 as the nation's: the share without urban
 *   hukou falls in the same proportion as China's, from `1 - r_China` to `1 - 0.454` (the
 *   official 45.4 % of 2020). Registrants outside are taken to be as urban as those at home.
 * - **Local urban hukou** `H = rate * (P - X)`: the kernel's hukou status, as a share of residents
 *   (`localHukouRate`). It cannot exceed the urban residents not registered elsewhere; where the
 *   estimate would (Shanghai, by 34,000; Tibet, Xinjiang), it is that room, and the estimate says so.
 */

import { CENSUS_2020_POPULATION_BY_AGE } from '../../seeds/census2020/populationByAge.js';
import { CENSUS_2020_PROVINCES } from '../../seeds/census2020/provinces.js';
import { CENSUS_PROVINCES, type CensusProvinceFigures } from '../../seeds/census-provinces/provinces.js';
import { OBSERVED_REGISTERED_POPULATION } from '../../seeds/observed/registered.js';
import { OBSERVED_URBANISATION } from '../../seeds/observed/urbanisation.js';

/**
 * Share of the 2010 residents registered in another province who held non-agricultural hukou:
 * the coefficient of a weighted least-squares fit over the 2,857 counties of the 2010 census
 * yearbook with all figures (leiii/census, MIT) of non-agricultural residents on urban residents
 * not registered in another province, rural residents and residents registered in another
 * province (weights 1 / residents; R² 0.87). Ecological: an estimate, with the fit's usual bias.
 *
 * @example
 * OTHER_PROVINCE_NON_AGRICULTURAL_SHARE_2010
 * // => 0.22
 */
export const OTHER_PROVINCE_NON_AGRICULTURAL_SHARE_2010 = 0.22;

/** A province's registered base at the end of 2020 (census estimates, see the file comment). */
export interface RegisteredBase2020 {
  area: string;
  /** Census residents, 1 November 2020. */
  residents: number;
  /** Residents registered in another province, by status. */
  residentsRegisteredElsewhere: { rural: number; migrant: number };
  /** Registrants living outside the province. */
  registrantsOutside: number;
  /** `residents - X + Y`. */
  registeredPopulation: number;
  /** Estimated official hukou urbanisation rate of 2020, 0-1. */
  officialRate: number;
  /** Urban residents with local hukou over residents, 0-1 (the scenario's `hukouUrbanisationRate`). */
  localHukouRate: number;
  /** How `Y` was found, and any limit applied. */
  notes: string[];
}

function residents2020(code: number): number {
  const a = CENSUS_2020_POPULATION_BY_AGE.areas.find((x) => x.code === code)!;
  let sum = 0;
  for (let g = 0; g < a.female.length; g++) sum += a.female[g] + a.male[g];
  return sum;
}

/** The non-agricultural share of the registrants living in the province, 2010. */
function ownNonAgricultural(n: number, population: number, otherProvince: number): number {
  return (n * population - OTHER_PROVINCE_NON_AGRICULTURAL_SHARE_2010 * otherProvince) / (population - otherProvince);
}

let national: { ownShare2010: number; migrantGrowth: number } | null = null;

function nationalFigures() {
  if (national) return national;
  let population = 0;
  let nonAgricultural = 0;
  let other2010 = 0;
  let other2020 = 0;
  for (const p of CENSUS_PROVINCES) {
    population += p.population2010;
    nonAgricultural += p.nonAgriculturalHukouShare2010 * p.population2010;
    other2010 += p.otherProvince2010;
    other2020 += p.hukouElsewhere2020.otherProvince;
  }
  national = { ownShare2010: ownNonAgricultural(nonAgricultural / population, population, other2010), migrantGrowth: other2020 / other2010 };
  return national;
}

/** The official national rate of 2020 (Ministry of Public Security, census communique). */
function nationalOfficial2020(): number {
  return OBSERVED_URBANISATION.find((r) => r.area === 'China' && r.year === 2020)!.hukouUrbanisationRate!;
}

function findProvince(area: string): CensusProvinceFigures | undefined {
  const key = area.trim().toLowerCase();
  return CENSUS_PROVINCES.find((p) => p.nameEn.toLowerCase() === key || String(p.code) === key);
}

/**
 * A province's registered base at the end of 2020 (the census taken as the year-end), from the
 * 2010 and 2020 censuses and the national official rate; null for China or an unknown area.
 *
 * @param residentUrbanisationRate the province's 2020 resident rate, to bound the local hukou share (default: the census's urban share).
 * @example
 * const b = censusRegisteredBase2020('Shandong')!;
 * [Math.round(b.registeredPopulation / 1000), b.officialRate.toFixed(4), b.localHukouRate.toFixed(4)]
 * // => [100019, '0.4064', '0.3898']
 */
export function censusRegisteredBase2020(area: string, residentUrbanisationRate?: number): RegisteredBase2020 | null {
  const p = findProvince(area);
  if (!p) return null;
  const notes: string[] = [];
  const residents = residents2020(p.code);
  const X = p.hukouElsewhere2020.otherProvince;
  const published = OBSERVED_REGISTERED_POPULATION.find((r) => r.area === p.nameEn && r.year === 2020);
  let Y: number;
  if (published) {
    Y = published.registeredPopulation - residents + X;
    notes.push(`registrants outside: the published 2020 registered population ${published.registeredPopulation} less the census residents not registered in another province (${residents - X}) = ${Y}`);
  } else {
    const y2010 = p.registeredPopulation2010 - p.population2010 + p.otherProvince2010;
    Y = y2010 * nationalFigures().migrantGrowth;
    notes.push(`registrants outside: the 2010 residual (registered ${p.registeredPopulation2010} - residents ${p.population2010} + registered in another province ${p.otherProvince2010} = ${y2010}) times the national growth of inter-provincial migrants 2010-2020 (${nationalFigures().migrantGrowth.toFixed(4)})`);
  }
  if (Y < 0) {
    notes.push(`the residual is negative (${Math.round(Y)}): registration and census disagree by that much; taken as 0`);
    Y = 0;
  }
  const own = ownNonAgricultural(p.nonAgriculturalHukouShare2010, p.population2010, p.otherProvince2010);
  const officialRate = 1 - ((1 - own) * (1 - nationalOfficial2020())) / (1 - nationalFigures().ownShare2010);
  const rural = X * p.otherProvinceRuralShare2020;
  const migrant = X - rural;
  let localHukouRate = (officialRate * (residents - X)) / residents;
  const urban = residentUrbanisationRate ?? urbanShare2020(p.code);
  const room = urban - migrant / residents;
  if (localHukouRate > room) {
    notes.push(`local urban hukou at the estimated rate (${(localHukouRate * 100).toFixed(2)} % of residents) exceeds the urban residents not registered elsewhere (${(room * 100).toFixed(2)} %): it is that room (${Math.round((localHukouRate - room) * residents)} persons fewer)`);
    localHukouRate = room;
  }
  return {
    area: p.nameEn,
    residents,
    residentsRegisteredElsewhere: { rural, migrant },
    registrantsOutside: Y,
    registeredPopulation: residents - X + Y,
    officialRate,
    localHukouRate,
    notes,
  };
}

function urbanShare2020(code: number): number {
  const row = CENSUS_2020_PROVINCES.find((x) => x.code === code)!;
  return row.urbanPopulation / row.population;
}
