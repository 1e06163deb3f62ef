/**
 * Observed population and urbanisation, 2020-2024, for China, Shanghai, Shandong and Zhejiang:
 * the outcomes scenarios are checked and calibrated against.
 *
 * Provenance. The 2020 rows are the seventh census (1 November 2020); later rows are year-end
 * figures from statistical communiques. Most were read from stored copies re-published by news
 * sites or mirrors, and `reliability` says which kind of copy each row rests on (`official`,
 * `mirror of official`, `news`, `aggregator`). Only figures that quote the official wording and
 * agree across copies were kept; a `null` is a figure that was not found in a checkable source.
 * Check against the statistics bureaus' own publications before quoting in print.
 *
 * Units. The source table gives counts in units of 10,000 persons (万人) and rates in per cent
 * or per mille; here counts are in persons (`residentPopulation`, `births`, `deaths`), the
 * urbanisation rates are 0-1 shares, and birth and death rates stay per 1000 residents. The
 * national 2020 population (1,411,780,000) includes the 2,000,000 active-duty servicemen that the
 * census counts as urban; the census province table in `seeds/census2020` leaves them out.
 *
 * Notable plan checks: Shandong's 2023 target of at least 66% (鲁政办字〔2021〕125号) against an
 * outcome of 65.53%; Zhejiang's 2023 target of 73.5% (浙发改城镇函〔2023〕388号) against 74.2%;
 * the national target of close to 70% after five years (国发〔2024〕17号) against 67.00% in 2024.
 */
import type { DataSource } from '../types.js';

/** The areas with observed outcomes. */
export type ObservedArea = 'China' | 'Shanghai' | 'Shandong' | 'Zhejiang';

/** The kind of copy a figure was read from, from most to least direct. */
export type ObservedReliability = 'official' | 'mirror of official' | 'news' | 'aggregator';

/** One area-year of observed population and urbanisation. */
export interface ObservedUrbanisation {
  area: ObservedArea;
  year: number;
  /** `census 1 Nov` (2020) or `year end`. */
  basis: 'census 1 Nov' | 'year end';
  /** Resident (常住) population, persons. */
  residentPopulation: number | null;
  /** Resident urbanisation rate (常住人口城镇化率), share 0-1. */
  residentUrbanisationRate: number | null;
  /** Hukou urbanisation rate (户籍人口城镇化率), share 0-1. */
  hukouUrbanisationRate: number | null;
  /** Births in the year, persons. */
  births: number | null;
  /** Crude birth rate, per 1000 residents. */
  birthsPer1000Residents: number | null;
  /** Deaths in the year, persons. */
  deaths: number | null;
  /** Crude death rate, per 1000 residents. */
  deathsPer1000Residents: number | null;
  reliability: ObservedReliability;
  /** The publication the row was read from, with any side figures it gives. */
  source: DataSource;
}

/**
 * Observed population and urbanisation by area and year.
 *
 * @example
 * OBSERVED_URBANISATION.find((r) => r.area === 'China' && r.year === 2024)?.residentUrbanisationRate; // => 0.67
 */
export const OBSERVED_URBANISATION: readonly ObservedUrbanisation[] = [
  {
    area: 'China',
    year: 2020,
    basis: 'census 1 Nov',
    residentPopulation: 1_411_780_000,
    residentUrbanisationRate: 0.6389,
    hukouUrbanisationRate: 0.454,
    births: null,
    birthsPer1000Residents: null,
    deaths: null,
    deathsPer1000Residents: null,
    reliability: 'mirror of official',
    source: { citation: 'Seventh census communique no.7 (urban 901991162 persons, 63.89%; hukou urbanisation 45.4% supplied by the Ministry of Public Security)' },
  },
  {
    area: 'China',
    year: 2021,
    basis: 'year end',
    residentPopulation: 1_412_600_000,
    residentUrbanisationRate: 0.6472,
    hukouUrbanisationRate: 0.467,
    births: 10_620_000,
    birthsPer1000Residents: 7.52,
    deaths: 10_140_000,
    deathsPer1000Residents: 7.18,
    reliability: 'news',
    source: { citation: 'NBS 2021 statistical communique as reported by People\'s Daily; hukou 46.7% from a secondary table' },
  },
  {
    area: 'China',
    year: 2022,
    basis: 'year end',
    residentPopulation: 1_411_750_000,
    residentUrbanisationRate: 0.6522,
    hukouUrbanisationRate: null,
    births: 9_560_000,
    birthsPer1000Residents: 6.77,
    deaths: 10_410_000,
    deathsPer1000Residents: 7.37,
    reliability: 'mirror of official',
    source: { citation: 'NBS 2022 statistical communique' },
  },
  {
    area: 'China',
    year: 2023,
    basis: 'year end',
    residentPopulation: 1_409_670_000,
    residentUrbanisationRate: 0.6616,
    hukouUrbanisationRate: 0.483,
    births: 9_020_000,
    birthsPer1000Residents: 6.39,
    deaths: 11_100_000,
    deathsPer1000Residents: 7.87,
    reliability: 'news',
    source: { citation: 'NBS 2023 communique (China Youth Daily report); hukou 48.3% from a Xinhua graphic quoting the Ministry of Public Security' },
  },
  {
    area: 'China',
    year: 2024,
    basis: 'year end',
    residentPopulation: 1_408_280_000,
    residentUrbanisationRate: 0.67,
    hukouUrbanisationRate: null,
    births: 9_540_000,
    birthsPer1000Residents: 6.77,
    deaths: 10_930_000,
    deathsPer1000Residents: 7.76,
    reliability: 'news',
    source: { citation: 'NBS 2024 communique (Cailian Press report)' },
  },
  {
    area: 'Shanghai',
    year: 2020,
    basis: 'census 1 Nov',
    residentPopulation: 24_870_900,
    residentUrbanisationRate: 0.893,
    hukouUrbanisationRate: null,
    births: null,
    birthsPer1000Residents: null,
    deaths: null,
    deathsPer1000Residents: null,
    reliability: 'mirror of official',
    source: { citation: 'Shanghai seventh census press release (urban 22209380 persons, 89.3%); registered hukou population 1439.12 (10k) at year end' },
  },
  {
    area: 'Shanghai',
    year: 2021,
    basis: 'year end',
    residentPopulation: 24_894_300,
    residentUrbanisationRate: 0.893,
    hukouUrbanisationRate: null,
    births: 116_000,
    birthsPer1000Residents: 4.67,
    deaths: 139_000,
    deathsPer1000Residents: 5.59,
    reliability: 'mirror of official',
    source: { citation: 'Shanghai 2021 communique: hukou residents 1457.44, non-hukou residents 1031.99 (10k)' },
  },
  {
    area: 'Shanghai',
    year: 2022,
    basis: 'year end',
    residentPopulation: 24_758_900,
    residentUrbanisationRate: 0.893,
    hukouUrbanisationRate: null,
    births: null,
    birthsPer1000Residents: null,
    deaths: null,
    deathsPer1000Residents: null,
    reliability: 'mirror of official',
    source: { citation: 'Shanghai 2022 sample survey: hukou residents 1469.63, non-hukou residents 1006.26 (10k); natural growth -1.6 permille' },
  },
  {
    area: 'Shanghai',
    year: 2023,
    basis: 'year end',
    residentPopulation: 24_874_500,
    residentUrbanisationRate: null,
    hukouUrbanisationRate: null,
    births: null,
    birthsPer1000Residents: null,
    deaths: null,
    deathsPer1000Residents: null,
    reliability: 'aggregator',
    source: { citation: 'non-hukou residents about 1007 (10k)' },
  },
  {
    area: 'Shanghai',
    year: 2024,
    basis: 'year end',
    residentPopulation: 24_802_600,
    residentUrbanisationRate: null,
    hukouUrbanisationRate: null,
    births: 118_000,
    birthsPer1000Residents: 4.75,
    deaths: 156_000,
    deathsPer1000Residents: 6.28,
    reliability: 'news',
    source: { citation: 'Shanghai 2024 communique: hukou residents 1496.77, non-hukou residents 983.49 (10k)' },
  },
  {
    area: 'Shandong',
    year: 2020,
    basis: 'census 1 Nov',
    residentPopulation: 101_527_500,
    residentUrbanisationRate: 0.6305,
    hukouUrbanisationRate: null,
    births: null,
    birthsPer1000Residents: null,
    deaths: null,
    deathsPer1000Residents: null,
    reliability: 'news',
    source: { citation: 'Shandong seventh census: urban 6401.4, rural 3751.3 (10k); inter-provincial migrants 412.9, intra-provincial 1661.4 (10k)' },
  },
  {
    area: 'Shandong',
    year: 2021,
    basis: 'year end',
    residentPopulation: 101_699_900,
    residentUrbanisationRate: 0.6394,
    hukouUrbanisationRate: null,
    births: 750_400,
    birthsPer1000Residents: 7.38,
    deaths: 748_300,
    deathsPer1000Residents: 7.36,
    reliability: 'mirror of official',
    source: { citation: 'Shandong 2021 communique' },
  },
  {
    area: 'Shandong',
    year: 2022,
    basis: 'year end',
    residentPopulation: 101_627_900,
    residentUrbanisationRate: 0.6454,
    hukouUrbanisationRate: null,
    births: 682_200,
    birthsPer1000Residents: 6.71,
    deaths: 776_700,
    deathsPer1000Residents: 7.64,
    reliability: 'aggregator',
    source: { citation: 'Shandong 2022 communique' },
  },
  {
    area: 'Shandong',
    year: 2023,
    basis: 'year end',
    residentPopulation: 101_229_700,
    residentUrbanisationRate: 0.6553,
    hukouUrbanisationRate: null,
    births: 610_000,
    birthsPer1000Residents: 6.01,
    deaths: 831_000,
    deathsPer1000Residents: 8.19,
    reliability: 'mirror of official',
    source: { citation: 'Shandong 2023 communique' },
  },
  {
    area: 'Shandong',
    year: 2024,
    basis: 'year end',
    residentPopulation: 100_801_700,
    residentUrbanisationRate: 0.6648,
    hukouUrbanisationRate: null,
    births: 649_000,
    birthsPer1000Residents: 6.42,
    deaths: 817_000,
    deathsPer1000Residents: 8.09,
    reliability: 'aggregator',
    source: { citation: 'Shandong 2024 communique' },
  },
  {
    area: 'Zhejiang',
    year: 2020,
    basis: 'census 1 Nov',
    residentPopulation: 64_567_600,
    residentUrbanisationRate: 0.7217,
    hukouUrbanisationRate: null,
    births: null,
    birthsPer1000Residents: null,
    deaths: null,
    deathsPer1000Residents: null,
    reliability: 'mirror of official',
    source: { citation: 'Zhejiang seventh census (urbanisation rate not confirmed); floating population 2556 (10k), of which 1619 from other provinces' },
  },
  {
    area: 'Zhejiang',
    year: 2021,
    basis: 'year end',
    residentPopulation: 65_400_000,
    residentUrbanisationRate: 0.727,
    hukouUrbanisationRate: null,
    births: 449_000,
    birthsPer1000Residents: 6.9,
    deaths: 384_000,
    deathsPer1000Residents: 5.9,
    reliability: 'mirror of official',
    source: { citation: 'Zhejiang 2021 population communique: urban 4752, rural 1788 (10k)' },
  },
  {
    area: 'Zhejiang',
    year: 2022,
    basis: 'year end',
    residentPopulation: 65_770_000,
    residentUrbanisationRate: 0.734,
    hukouUrbanisationRate: null,
    births: 412_000,
    birthsPer1000Residents: 6.28,
    deaths: 409_000,
    deathsPer1000Residents: 6.24,
    reliability: 'mirror of official',
    source: { citation: 'Zhejiang 2022 population communique: urban 4826, rural 1751 (10k)' },
  },
  {
    area: 'Zhejiang',
    year: 2023,
    basis: 'year end',
    residentPopulation: 66_270_000,
    residentUrbanisationRate: 0.742,
    hukouUrbanisationRate: null,
    births: 383_000,
    birthsPer1000Residents: 5.8,
    deaths: 440_000,
    deathsPer1000Residents: 6.66,
    reliability: 'official',
    source: { citation: 'Zhejiang 2023 statistical communique (provincial statistics bureau site)' },
  },
  {
    area: 'Zhejiang',
    year: 2024,
    basis: 'year end',
    residentPopulation: 66_700_000,
    residentUrbanisationRate: 0.755,
    hukouUrbanisationRate: null,
    births: null,
    birthsPer1000Residents: null,
    deaths: null,
    deathsPer1000Residents: null,
    reliability: 'mirror of official',
    source: { citation: 'Zhejiang 2024 population communique: urban 5033, rural 1637 (10k)' },
  },
];
