/**
 * Shapes of the UN World Population Prospects 2024 data for China kept in this folder. Large
 * tables are columnar (one array of numbers per year or period and sex) so that the files stay
 * small and load fast; the comment above each field says what an index means.
 */

import type { DataSource } from '../types.js';

/** Central death rates by abridged age group (0, 1-4, 5-9, ..., 95-99, 100+) and 5-year period. */
export interface AbridgedDeathRatesSeed {
  source: DataSource;
  unit: 'deaths per person-year';
  /** First age of each group: 0, 1, 5, 10, ..., 95, 100 (the last is open). */
  ageStarts: readonly number[];
  /** First calendar year of each 5-year period: 1950, 1955, ... */
  periodStarts: readonly number[];
  /** The last period that is an estimate; later periods are the medium variant. */
  lastEstimatePeriodStart: number;
  /** `female[p][g]`: period `periodStarts[p]`, age group `ageStarts[g]`. */
  female: readonly (readonly number[])[];
  male: readonly (readonly number[])[];
  both: readonly (readonly number[])[];
}

/** Values by 5-year period for a few named series. */
export interface PeriodSeriesSeed<K extends string> {
  source: DataSource;
  unit: string;
  /** First calendar year of each 5-year period. */
  periodStarts: readonly number[];
  lastEstimatePeriodStart: number;
  /** `values[key][p]` is for period `periodStarts[p]`. */
  values: Readonly<Record<K, readonly number[]>>;
}

/** One value per calendar year from `firstYear`. */
export interface AnnualSeriesSeed {
  source: DataSource;
  unit: string;
  firstYear: number;
  lastEstimateYear: number;
  /** `values[i]` is for calendar year `firstYear + i`. */
  values: readonly number[];
}

/** Annual TFR with its percentage distribution over 5-year age groups of the mother. */
export interface AnnualFertilitySeed {
  source: DataSource;
  firstYear: number;
  lastEstimateYear: number;
  /** First age of each group of the mother: 10, 15, ..., 50. */
  ageStarts: readonly number[];
  ageWidth: 5;
  /** `tfr[i]`: children per woman in calendar year `firstYear + i`. */
  tfr: readonly number[];
  /** `pasfrPercent[i][g]`: per cent of `tfr[i]` born to women in group `ageStarts[g]`; rows add up to 100. */
  pasfrPercent: readonly (readonly number[])[];
}

/** Population by 5-year age group (0-4, ..., 95-99, 100+) and sex at 5-year intervals. */
export interface PopulationByAge5Seed {
  source: DataSource;
  unit: 'thousand persons';
  /** The figures are mid-year (about 1 July) populations. */
  timing: 'mid-year';
  /** First age of each group: 0, 5, ..., 95, 100 (the last is open). */
  ageStarts: readonly number[];
  years: readonly number[];
  lastEstimateYear: number;
  /** `female[i][g]`: year `years[i]`, group `ageStarts[g]`. */
  female: readonly (readonly number[])[];
  male: readonly (readonly number[])[];
}

/** Total population on 1 January of each year, with the projection's variants. */
export interface TotalPopulationSeed {
  source: DataSource;
  unit: 'thousand persons';
  firstYear: number;
  /** The first year taken directly from the annual projection; earlier years are back-calculated. */
  firstProjectionYear: number;
  /** `jan1[i]`: 1 January of `firstYear + i`. */
  jan1: readonly number[];
  /** `jul1Approx[i]`: mean of `jan1[i]` and `jan1[i + 1]`. */
  jul1Approx: readonly number[];
  projection: {
    maleJan1: readonly number[];
    femaleJan1: readonly number[];
    lowJan1: readonly number[];
    highJan1: readonly number[];
    pi95LowerJan1: readonly number[];
    pi95UpperJan1: readonly number[];
  };
}

/** Annual births, deaths, migration and summary rates; entry `i` of each array is for `firstYear + i`. */
export interface VitalIndicatorsSeed {
  source: DataSource;
  firstYear: number;
  lastEstimateYear: number;
  birthsThousands: readonly number[];
  deathsThousands: readonly number[];
  popChangeThousands: readonly number[];
  crudeBirthRatePer1000: readonly number[];
  crudeDeathRatePer1000: readonly number[];
  growthRatePercent: readonly number[];
  crudeNetMigrationRatePer1000: readonly number[];
  netMigrationThousands: readonly number[];
  tfr: readonly number[];
  srb: readonly number[];
  e0Male: readonly number[];
  e0Female: readonly number[];
  e0Both: readonly number[];
}

/** Net migrants by single age (0 .. maxAge, the last open) and sex, per calendar year. */
export interface NetMigrationByAgeSeed {
  source: DataSource;
  unit: 'thousand persons';
  firstYear: number;
  lastYear: number;
  maxAge: number;
  /** `female[i][a]`: calendar year `firstYear + i`, age `a`. */
  female: readonly (readonly number[])[];
  male: readonly (readonly number[])[];
}
