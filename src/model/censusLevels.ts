/**
 * Default fertility and mortality levels of China and each of its 31 provinces, from the
 * censuses: factors on the UN WPP 2024 national schedules (whose age patterns are kept).
 *
 * - **Fertility** (own-children method): the 2020 census counts children aged 0 on
 *   1 November 2020, the survivors of the births of the 12 months before. The factor is
 *   `age0 / (s0 * sum_g W_g * asfr_g)`: those births over the births the UN 2020 rates by
 *   5-year age group `asfr_g` give the area's women `W_g` at the census, with `s0` the share
 *   of a year's births alive at its end (UN 2020 infant mortality). It multiplies the UN TFR
 *   of every year, so the area keeps its 2020 distance from the national trend.
 * - **Mortality**: the 2010 census deaths of the 12 months before 1 November 2010 (crude
 *   death rate times residents) over the deaths the UN 2005-2015 death rates give the
 *   province's 2010 age structure, relative to the same ratio for the 31 provinces together.
 *   The census under-counted deaths, so only this relative level is used; the national level
 *   is the factor on the UN 2020 death rates that gives the 9.98 million deaths the NBS
 *   published for 2020 to the census population (a factor of 0.864). The province's factor is
 *   its relative level times the national one: the 2010 relative position carried to 2020
 *   with the national change.
 */

import { CENSUS_2020_POPULATION_BY_AGE, type CensusAreaByAge2020 } from '../../seeds/census2020/populationByAge.js';
import { CENSUS_PROVINCES } from '../../seeds/census-provinces/provinces.js';
import { OBSERVED_CHINA_VITAL_2020 } from '../../seeds/observed/vital2020.js';
import { WPP2024_CHINA_FERTILITY } from '../../seeds/un-wpp2024/fertility.js';
import { WPP2024_CHINA_MX } from '../../seeds/un-wpp2024/mortality.js';

/** The levels of one area, factors on the UN WPP 2024 national schedules. */
export interface CensusLevels {
  /** GB/T 2260 code, 0 for China. */
  code: number;
  nameEn: string;
  /** Factor on the UN TFR of every year. */
  fertilityFactor: number;
  /** Factor on the UN death rates of every year. */
  mortalityFactor: number;
  /** Mortality of the province relative to the nation in the 2010 census (1 for China). */
  mortalityRelativeToChina2010: number;
  /** Births of the census year the fertility factor reproduces (children aged 0 / s0). */
  censusYearBirths: number;
  /** Deaths of the 2010 census year the relative mortality reproduces. */
  censusYearDeaths2010: number;
}

/** Death rate of a 5-year UN period at an abridged age group, by sex; index as the seed. */
function mx(sex: 'female' | 'male', period: number, group: number): number {
  const p = WPP2024_CHINA_MX.periodStarts.indexOf(period);
  return WPP2024_CHINA_MX[sex][p][group];
}

/** UN death rates around 1 May 2010 (the 2010 census year): geometric mean of 2005-2010 and 2010-2015. */
export function unDeathRate2010(sex: 'female' | 'male', group: number): number {
  return Math.sqrt(mx(sex, 2005, group) * mx(sex, 2010, group));
}

/** UN death rates of calendar 2020 (log-linear between the periods centred on mid-2017 and mid-2022). */
export function unDeathRate2020(sex: 'female' | 'male', group: number): number {
  return Math.exp(0.4 * Math.log(mx(sex, 2015, group)) + 0.6 * Math.log(mx(sex, 2020, group)));
}

/** UN births per woman per year at the ages of 5-year group `start` .. `start + 4`, 2020. */
export function unBirthRate2020(start: number): number {
  const i = 2020 - WPP2024_CHINA_FERTILITY.firstYear;
  const g = WPP2024_CHINA_FERTILITY.ageStarts.indexOf(start);
  return g < 0 ? 0 : (WPP2024_CHINA_FERTILITY.tfr[i] * WPP2024_CHINA_FERTILITY.pasfrPercent[i][g]) / 100 / 5;
}

/** Share of a year's births alive at its end, 2020: births are spread over the year, so half a year of infant mortality. */
export const BIRTHS_ALIVE_AT_YEAR_END_2020 = Math.exp(-0.5 * (mx('female', 2015, 0) * mx('female', 2020, 0) * mx('male', 2015, 0) * mx('male', 2020, 0)) ** 0.25);

function expectedBirths2020(area: CensusAreaByAge2020): number {
  const starts = CENSUS_2020_POPULATION_BY_AGE.ageStarts;
  let births = 0;
  for (let g = 0; g < starts.length; g++) births += area.female[g] * unBirthRate2020(starts[g]);
  return births;
}

function expectedDeaths(female: readonly number[], male: readonly number[], rate: (sex: 'female' | 'male', group: number) => number): number {
  let deaths = 0;
  for (let g = 0; g < female.length; g++) deaths += female[g] * rate('female', g) + male[g] * rate('male', g);
  return deaths;
}

let table: readonly CensusLevels[] | null = null;

/**
 * The census levels of China (first, code 0) and the 31 provinces, in code order.
 *
 * @example
 * censusLevelsTable().length
 * // => 32
 */
export function censusLevelsTable(): readonly CensusLevels[] {
  if (table) return table;
  const areas = CENSUS_2020_POPULATION_BY_AGE.areas;
  const china = areas.find((a) => a.code === 0)!;
  let deaths2010 = 0;
  let expected2010 = 0;
  for (const p of CENSUS_PROVINCES) {
    deaths2010 += (p.deathsPer1000Residents2010 * p.population2010) / 1000;
    expected2010 += expectedDeaths(p.female2010, p.male2010, unDeathRate2010);
  }
  const nationalRatio2010 = deaths2010 / expected2010;
  // the NBS total includes the servicemen the census table leaves out: take their rate to the census residents
  let residents2020 = 0;
  for (let g = 0; g < china.female.length; g++) residents2020 += china.female[g] + china.male[g];
  const deaths2020 = (OBSERVED_CHINA_VITAL_2020.deaths * residents2020) / OBSERVED_CHINA_VITAL_2020.residentPopulation;
  const nationalMortality = deaths2020 / expectedDeaths(china.female, china.male, unDeathRate2020);
  const age0 = (a: CensusAreaByAge2020) => a.female[0] + a.male[0];
  const rows: CensusLevels[] = [
    {
      code: 0,
      nameEn: 'China',
      fertilityFactor: age0(china) / BIRTHS_ALIVE_AT_YEAR_END_2020 / expectedBirths2020(china),
      mortalityFactor: nationalMortality,
      mortalityRelativeToChina2010: 1,
      censusYearBirths: age0(china) / BIRTHS_ALIVE_AT_YEAR_END_2020,
      censusYearDeaths2010: deaths2010,
    },
  ];
  for (const p of CENSUS_PROVINCES) {
    const area = areas.find((a) => a.code === p.code)!;
    const deaths = (p.deathsPer1000Residents2010 * p.population2010) / 1000;
    const relative = deaths / expectedDeaths(p.female2010, p.male2010, unDeathRate2010) / nationalRatio2010;
    rows.push({
      code: p.code,
      nameEn: p.nameEn,
      fertilityFactor: age0(area) / BIRTHS_ALIVE_AT_YEAR_END_2020 / expectedBirths2020(area),
      mortalityFactor: relative * nationalMortality,
      mortalityRelativeToChina2010: relative,
      censusYearBirths: age0(area) / BIRTHS_ALIVE_AT_YEAR_END_2020,
      censusYearDeaths2010: deaths,
    });
  }
  table = Object.freeze(rows.map((r) => Object.freeze(r)));
  return table;
}

/**
 * The census levels of an area named as in `population.census2020` (`"China"`, a GB/T 2260
 * code such as `310000`, or a name such as `Shanghai` or `上海`), or `null` for a name that
 * is not a census area.
 *
 * @example
 * Math.round(censusLevels('Shanghai')!.fertilityFactor * 1000) / 1000
 * // => 0.512
 */
export function censusLevels(area: string): CensusLevels | null {
  const key = area.trim().toLowerCase();
  const found = CENSUS_2020_POPULATION_BY_AGE.areas.find(
    (p) => String(p.code) === key || p.nameZh === area.trim() || p.nameEn.toLowerCase() === key || (key === 'china' && p.code === 0),
  );
  if (!found) return null;
  return censusLevelsTable().find((r) => r.code === found.code) ?? null;
}

/** A province's census row and its residents at the 2020 census; null for China or an unknown area. */
function provinceAt2020(area: string): { p: (typeof CENSUS_PROVINCES)[number]; population2020: number } | null {
  const levels = censusLevels(area);
  const p = levels ? CENSUS_PROVINCES.find((x) => x.code === levels.code) : undefined;
  if (!p) return null;
  const a = CENSUS_2020_POPULATION_BY_AGE.areas.find((x) => x.code === p.code)!;
  let population2020 = 0;
  for (let g = 0; g < a.female.length; g++) population2020 += a.female[g] + a.male[g];
  return { p, population2020 };
}

/**
 * Net migrants a year into a province over 2010-2020, from the two censuses: the change in
 * residents less the natural increase at the 2010 census birth and death rates (on the mean
 * of the two populations), over ten years. Rough, as the census under-counted deaths (so the
 * natural increase is too high and the migrants too few) and rates changed over the decade;
 * `null` for China or an unknown area.
 *
 * @example
 * Math.round(censusNetMigrants2010To2020('Zhejiang')! / 1000)
 * // => 570
 */
export function censusNetMigrants2010To2020(area: string): number | null {
  const found = provinceAt2020(area);
  if (!found) return null;
  const { p, population2020 } = found;
  const natural = ((p.birthsPer1000Residents2010 - p.deathsPer1000Residents2010) / 1000) * ((p.population2010 + population2020) / 2) * 10;
  return (population2020 - p.population2010 - natural) / 10;
}

/**
 * A tenth of a province's residents registered in another province leave it each year.
 * Assumption: no series of gross flows between provinces is in the data (the census counts
 * the stock, not the moves); a tenth is a mean stay of about ten years. docs/demography.md
 * shows how the hindcast births move at a twentieth and at 15 %.
 *
 * @example
 * OTHER_PROVINCE_EXIT_RATE
 * // => 0.1
 */
export const OTHER_PROVINCE_EXIT_RATE = 0.1;

/** A province's 2020 residents registered in other provinces, and the gross flows they imply. */
export interface OtherProvinceFlows {
  /** Residents on 1 November 2020 whose hukou is registered in another province. */
  stock2020: number;
  /** Share of the residents (census 2020) that stock is, 0-1. */
  shareOfResidents: number;
  /** Estimated share of that stock living in rural areas (`otherProvinceRuralShare2020`), 0-1. */
  ruralShare: number;
  /** Gross out-migrants a year: the stock times {@link OTHER_PROVINCE_EXIT_RATE}. */
  grossOut: number;
}

/**
 * The census stock of residents registered in another province, its estimated rural share,
 * and the gross out-flow it implies, for a province; null for China or an unknown area.
 *
 * @example
 * const f = censusOtherProvinceFlows('Shanghai')!;
 * [f.stock2020, f.ruralShare, Math.round(f.grossOut)]
 * // => [10479652, 0.1164, 1047965]
 */
export function censusOtherProvinceFlows(area: string): OtherProvinceFlows | null {
  const found = provinceAt2020(area);
  if (!found) return null;
  const { p, population2020 } = found;
  const stock2020 = p.hukouElsewhere2020.otherProvince;
  return { stock2020, shareOfResidents: stock2020 / population2020, ruralShare: p.otherProvinceRuralShare2020, grossOut: stock2020 * OTHER_PROVINCE_EXIT_RATE };
}
