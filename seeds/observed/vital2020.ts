/**
 * China's births and deaths in calendar year 2020, the last year before the hindcasts score:
 * the anchor of the national mortality level (the census counts residents, not deaths).
 *
 * Source: National Bureau of Statistics, Statistical Communiqué of the People's Republic of
 * China on the 2020 National Economic and Social Development (28 February 2021), section 1:
 * 全年出生人口1200万人，出生率为8.52‰；死亡人口998万人，死亡率为7.07‰. Rounded to 10k persons
 * as published; the totals include the servicemen. Check against stats.gov.cn before quoting.
 */
import type { DataSource } from '../types.js';

/** China's births and deaths in 2020, persons, with the population they refer to. */
export interface NationalVital2020 {
  births: number;
  deaths: number;
  /** The year-end resident population the communiqué rates refer to, persons (141212 10k). */
  residentPopulation: number;
  source: DataSource;
}

/**
 * China's births and deaths in 2020.
 *
 * @example
 * OBSERVED_CHINA_VITAL_2020.deaths
 * // => 9980000
 */
export const OBSERVED_CHINA_VITAL_2020: NationalVital2020 = Object.freeze({
  births: 12_000_000,
  deaths: 9_980_000,
  residentPopulation: 1_412_120_000,
  source: Object.freeze({
    citation: 'National Bureau of Statistics, Statistical Communiqué on the 2020 National Economic and Social Development (28 February 2021), section 1',
    notes: '出生人口1200万人，出生率8.52‰；死亡人口998万人，死亡率7.07‰；年末全国人口141212万人. Typed from the communiqué text; not in the observed table because the 2020 rows there are the census.',
  }),
});
