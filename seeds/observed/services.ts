/**
 * Observed public-service figures, 2020-2024: compulsory-education enrolment, migrant workers'
 * children in compulsory education, doctors and health beds per 1000 residents, and affordable
 * rental housing, nationally and for some provinces.
 *
 * Provenance as for `OBSERVED_URBANISATION`: read from stored copies of official bulletins and
 * communiques, most re-published by news sites or mirrors; `reliability` says which kind of copy
 * each row rests on. Only figures that quote the official wording and agree across copies were
 * kept. Check against the issuing bodies' own publications before quoting in print.
 *
 * Indicator keys are the source table's, in camel case: `compulsoryEducationEnrolment`,
 * `migrantWorkerChildrenInCompulsoryEducation`, `primaryEnrolment`, `juniorSecondaryEnrolment`
 * (persons); `doctorsPer1000Residents`, `healthBedsPer1000Residents` (per 1000 residents);
 * `affordableRentalUnitsStartedOrRaised`, `affordableRentalUnitsPlanned`,
 * `affordableRentalUnitsPlanned2021To2025` (units); `floatingPopulation` (persons).
 */
import type { DataSource } from '../types.js';
import type { ObservedArea, ObservedReliability } from './urbanisation.js';

/** The observed service indicators. */
export type ObservedServiceIndicator =
  | 'compulsoryEducationEnrolment'
  | 'migrantWorkerChildrenInCompulsoryEducation'
  | 'primaryEnrolment'
  | 'juniorSecondaryEnrolment'
  | 'doctorsPer1000Residents'
  | 'healthBedsPer1000Residents'
  | 'affordableRentalUnitsStartedOrRaised'
  | 'affordableRentalUnitsPlanned'
  | 'affordableRentalUnitsPlanned2021To2025'
  | 'floatingPopulation';

/** One observed service figure. */
export interface ObservedService {
  area: ObservedArea;
  year: number;
  indicator: ObservedServiceIndicator;
  value: number;
  /** `persons`, `per 1000 residents` or `units`. */
  unit: 'persons' | 'per 1000 residents' | 'units';
  reliability: ObservedReliability;
  /** The publication the row was read from, with any side figures it gives. */
  source: DataSource;
}

/**
 * Observed public-service figures by area, year and indicator.
 *
 * @example
 * OBSERVED_SERVICES.find((r) => r.indicator === 'doctorsPer1000Residents' && r.year === 2024)?.value; // => 3.61
 */
export const OBSERVED_SERVICES: readonly ObservedService[] = [
  {
    area: 'China',
    year: 2020,
    indicator: 'compulsoryEducationEnrolment',
    value: 156_000_000,
    unit: 'persons',
    reliability: 'mirror of official',
    source: { citation: 'Ministry of Education 2020 statistical bulletin' },
  },
  {
    area: 'China',
    year: 2020,
    indicator: 'migrantWorkerChildrenInCompulsoryEducation',
    value: 14_297_300,
    unit: 'persons',
    reliability: 'mirror of official',
    source: { citation: 'Ministry of Education 2020 bulletin; 85.8% in public schools or subsidised places' },
  },
  {
    area: 'China',
    year: 2022,
    indicator: 'compulsoryEducationEnrolment',
    value: 159_000_000,
    unit: 'persons',
    reliability: 'mirror of official',
    source: { citation: 'Ministry of Education 2022 bulletin' },
  },
  {
    area: 'China',
    year: 2022,
    indicator: 'migrantWorkerChildrenInCompulsoryEducation',
    value: 13_648_000,
    unit: 'persons',
    reliability: 'aggregator',
    source: { citation: 'China Statistical Yearbook 2023 as cited' },
  },
  {
    area: 'China',
    year: 2023,
    indicator: 'primaryEnrolment',
    value: 108_360_000,
    unit: 'persons',
    reliability: 'aggregator',
    source: { citation: 'NBS 2023 communique' },
  },
  {
    area: 'China',
    year: 2023,
    indicator: 'juniorSecondaryEnrolment',
    value: 52_437_000,
    unit: 'persons',
    reliability: 'aggregator',
    source: { citation: 'NBS 2023 communique' },
  },
  {
    area: 'China',
    year: 2020,
    indicator: 'doctorsPer1000Residents',
    value: 2.9,
    unit: 'per 1000 residents',
    reliability: 'aggregator',
    source: { citation: 'NBS social statistics report on the 14th five-year period' },
  },
  {
    area: 'China',
    year: 2021,
    indicator: 'doctorsPer1000Residents',
    value: 3.04,
    unit: 'per 1000 residents',
    reliability: 'mirror of official',
    source: { citation: 'NHC 2021 statistical bulletin' },
  },
  {
    area: 'China',
    year: 2022,
    indicator: 'doctorsPer1000Residents',
    value: 3.15,
    unit: 'per 1000 residents',
    reliability: 'mirror of official',
    source: { citation: 'NHC 2022 statistical bulletin' },
  },
  {
    area: 'China',
    year: 2023,
    indicator: 'doctorsPer1000Residents',
    value: 3.4,
    unit: 'per 1000 residents',
    reliability: 'mirror of official',
    source: { citation: 'NHC 2023 statistical bulletin' },
  },
  {
    area: 'China',
    year: 2024,
    indicator: 'doctorsPer1000Residents',
    value: 3.61,
    unit: 'per 1000 residents',
    reliability: 'mirror of official',
    source: { citation: 'NHC 2024 statistical bulletin' },
  },
  {
    area: 'China',
    year: 2020,
    indicator: 'healthBedsPer1000Residents',
    value: 6.46,
    unit: 'per 1000 residents',
    reliability: 'aggregator',
    source: { citation: 'NBS social statistics report' },
  },
  {
    area: 'China',
    year: 2023,
    indicator: 'healthBedsPer1000Residents',
    value: 7.23,
    unit: 'per 1000 residents',
    reliability: 'mirror of official',
    source: { citation: 'NHC 2023 statistical bulletin' },
  },
  {
    area: 'China',
    year: 2021,
    indicator: 'affordableRentalUnitsStartedOrRaised',
    value: 940_000,
    unit: 'units',
    reliability: 'news',
    source: { citation: 'NBS 2021 communique' },
  },
  {
    area: 'China',
    year: 2023,
    indicator: 'affordableRentalUnitsPlanned',
    value: 2_040_000,
    unit: 'units',
    reliability: 'official',
    source: { citation: 'State Council Information Office briefing, September 2023' },
  },
  {
    area: 'Shanghai',
    year: 2021,
    indicator: 'affordableRentalUnitsPlanned2021To2025',
    value: 470_000,
    unit: 'units',
    reliability: 'news',
    source: { citation: 'Shanghai housing authority as reported' },
  },
  {
    area: 'Shanghai',
    year: 2024,
    indicator: 'affordableRentalUnitsPlanned',
    value: 72_000,
    unit: 'units',
    reliability: 'aggregator',
    source: { citation: 'Shanghai 2024 plan as reported' },
  },
  {
    area: 'Shandong',
    year: 2023,
    indicator: 'affordableRentalUnitsPlanned',
    value: 83_881,
    unit: 'units',
    reliability: 'mirror of official',
    source: { citation: 'Shandong 2023 provincial plan as reported by Workers\' Daily' },
  },
  {
    area: 'Zhejiang',
    year: 2020,
    indicator: 'floatingPopulation',
    value: 25_557_450,
    unit: 'persons',
    reliability: 'mirror of official',
    source: { citation: 'Zhejiang seventh census' },
  },
];
