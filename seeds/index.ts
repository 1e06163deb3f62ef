/**
 * The cited data of chengzhen: plan targets, observed outcomes and the 2020 census base.
 *
 * Every plan figure cites its document and clause (`PlanTarget.source`); every data set names
 * the publication and the repository copy it was read from.
 *
 * Everything exported here is deep-frozen where it is exported, so that no caller can change
 * the data the next caller (or the next projection) reads.
 */
import { deepFreeze } from '../src/deepFreeze.js';
import type { PlanDocument } from './types.js';
import { PLAN_NATIONAL_2024 as NATIONAL_2024 } from './plans/national-2024.js';
import { PLAN_SHANGHAI_2024 as SHANGHAI_2024 } from './plans/shanghai-2024.js';
import { PLAN_SHANGHAI_14FYP as SHANGHAI_14FYP } from './plans/shanghai-14fyp.js';
import { PLAN_SHANDONG_2021 as SHANDONG_2021 } from './plans/shandong-2021.js';
import { PLAN_ZHEJIANG_2023 as ZHEJIANG_2023 } from './plans/zhejiang-2023.js';
import { OBSERVED_URBANISATION as URBANISATION } from './observed/urbanisation.js';
import { OBSERVED_SERVICES as SERVICES } from './observed/services.js';
import { CENSUS_2020_PROVINCES as PROVINCES, CENSUS_2020_PROVINCES_SOURCE as PROVINCES_SOURCE } from './census2020/provinces.js';
import {
  CENSUS_2020_POPULATION_BY_AGE as POPULATION_BY_AGE,
  CENSUS_2020_POPULATION_BY_AGE_SOURCE as POPULATION_BY_AGE_SOURCE,
  CENSUS_2020_AGE_GROUPS as AGE_GROUPS,
  CENSUS_2020_AGE_GROUP_STARTS as AGE_GROUP_STARTS,
} from './census2020/populationByAge.js';
import { COUNTY_CENSUS_AGE_GROUPS as COUNTY_AGE_GROUPS } from './census-counties/index.js';
import { CENSUS_PROVINCES as PROVINCE_FIGURES, CENSUS_PROVINCES_SOURCES as PROVINCE_FIGURES_SOURCES } from './census-provinces/provinces.js';
import { OBSERVED_CHINA_VITAL_2020 as CHINA_VITAL_2020 } from './observed/vital2020.js';
import { OBSERVED_REGISTERED_POPULATION as REGISTERED_POPULATION } from './observed/registered.js';

export type {
  PlanSource,
  DataSource,
  CitedValue,
  TargetKind,
  TargetComparison,
  PlanTarget,
  PlanDocument,
} from './types.js';

/**
 * The national new-urbanisation plan 2024-2028, with its targets and their clauses. Deep-frozen.
 *
 * @example
 * Object.isFrozen(PLAN_NATIONAL_2024)
 * // => true
 */
export const PLAN_NATIONAL_2024 = deepFreeze(NATIONAL_2024);
/**
 * Shanghai's 2024 plan, with its targets and their clauses. Deep-frozen.
 *
 * @example
 * Object.isFrozen(PLAN_SHANGHAI_2024)
 * // => true
 */
export const PLAN_SHANGHAI_2024 = deepFreeze(SHANGHAI_2024);
/**
 * Shanghai's 14th five-year plan, with its targets and their clauses. Deep-frozen.
 *
 * @example
 * Object.isFrozen(PLAN_SHANGHAI_14FYP)
 * // => true
 */
export const PLAN_SHANGHAI_14FYP = deepFreeze(SHANGHAI_14FYP);
/**
 * Shandong's 2021 plan, with its targets and their clauses. Deep-frozen.
 *
 * @example
 * Object.isFrozen(PLAN_SHANDONG_2021)
 * // => true
 */
export const PLAN_SHANDONG_2021 = deepFreeze(SHANDONG_2021);
/**
 * Zhejiang's 2023 plan, with its targets and their clauses. Deep-frozen.
 *
 * @example
 * Object.isFrozen(PLAN_ZHEJIANG_2023)
 * // => true
 */
export const PLAN_ZHEJIANG_2023 = deepFreeze(ZHEJIANG_2023);

/**
 * The five plan documents, national first.
 *
 * @example
 * PLAN_DOCUMENTS.map((d) => d.id);
 * // => ['national-2024', 'shanghai-2024', 'shanghai-14fyp', 'shandong-2021', 'zhejiang-2023']
 */
export const PLAN_DOCUMENTS: readonly PlanDocument[] = deepFreeze([
  PLAN_NATIONAL_2024,
  PLAN_SHANGHAI_2024,
  PLAN_SHANGHAI_14FYP,
  PLAN_SHANDONG_2021,
  PLAN_ZHEJIANG_2023,
]);

/**
 * Published urbanisation rates, by area and year, with their sources. Deep-frozen.
 *
 * @example
 * Object.isFrozen(OBSERVED_URBANISATION)
 * // => true
 */
export const OBSERVED_URBANISATION = deepFreeze(URBANISATION);
export type { ObservedArea, ObservedReliability, ObservedUrbanisation } from './observed/urbanisation.js';
/**
 * Published public-service figures, with their sources. Deep-frozen.
 *
 * @example
 * Object.isFrozen(OBSERVED_SERVICES)
 * // => true
 */
export const OBSERVED_SERVICES = deepFreeze(SERVICES);
export type { ObservedService, ObservedServiceIndicator } from './observed/services.js';
/**
 * The 2020 census by province: residents and urbanisation. Deep-frozen.
 *
 * @example
 * Object.isFrozen(CENSUS_2020_PROVINCES)
 * // => true
 */
export const CENSUS_2020_PROVINCES = deepFreeze(PROVINCES);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(CENSUS_2020_PROVINCES_SOURCE)
 * // => true
 */
export const CENSUS_2020_PROVINCES_SOURCE = deepFreeze(PROVINCES_SOURCE);
export type { CensusProvince2020 } from './census2020/provinces.js';
/**
 * The 2020 census population by age group and sex, national and by province (what projections start from). Deep-frozen.
 *
 * @example
 * Object.isFrozen(CENSUS_2020_POPULATION_BY_AGE)
 * // => true
 */
export const CENSUS_2020_POPULATION_BY_AGE = deepFreeze(POPULATION_BY_AGE);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(CENSUS_2020_POPULATION_BY_AGE_SOURCE)
 * // => true
 */
export const CENSUS_2020_POPULATION_BY_AGE_SOURCE = deepFreeze(POPULATION_BY_AGE_SOURCE);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(CENSUS_2020_AGE_GROUPS)
 * // => true
 */
export const CENSUS_2020_AGE_GROUPS = deepFreeze(AGE_GROUPS);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(CENSUS_2020_AGE_GROUP_STARTS)
 * // => true
 */
export const CENSUS_2020_AGE_GROUP_STARTS = deepFreeze(AGE_GROUP_STARTS);
export type { CensusAreaByAge2020, CensusPopulationByAge2020 } from './census2020/populationByAge.js';
export { CENSUS_2020_COUNTIES, CENSUS_2010_COUNTIES, CENSUS_2020_COUNTIES_SOURCE, CENSUS_2010_COUNTIES_SOURCE, COUNTY_CENSUS_AGE_STARTS } from './census-counties/index.js';
/**
 * The 19 age groups of the county census tables, in column order. Deep-frozen.
 *
 * @example
 * COUNTY_CENSUS_AGE_GROUPS[1]
 * // => '1-4'
 */
export const COUNTY_CENSUS_AGE_GROUPS = deepFreeze(COUNTY_AGE_GROUPS);
/**
 * Provincial census figures behind each province's default fertility, mortality and hukou
 * figures (2010 population by age and sex, 2010 birth and death rates, registered population,
 * 2020 residents registered elsewhere). Deep-frozen.
 *
 * @example
 * Object.isFrozen(CENSUS_PROVINCES[0])
 * // => true
 */
export const CENSUS_PROVINCES = deepFreeze(PROVINCE_FIGURES);
/**
 * Where the provincial census figures were read from. Deep-frozen.
 *
 * @example
 * Object.isFrozen(CENSUS_PROVINCES_SOURCES)
 * // => true
 */
export const CENSUS_PROVINCES_SOURCES = deepFreeze(PROVINCE_FIGURES_SOURCES);
export type { CensusProvinceFigures } from './census-provinces/provinces.js';
/**
 * China's births and deaths in 2020. Deep-frozen.
 *
 * @example
 * OBSERVED_CHINA_VITAL_2020.deaths
 * // => 9980000
 */
export const OBSERVED_CHINA_VITAL_2020 = deepFreeze(CHINA_VITAL_2020);
export type { NationalVital2020 } from './observed/vital2020.js';

/**
 * Published registered (户籍) populations (Shanghai, end of 2020). Deep-frozen.
 *
 * @example
 * OBSERVED_REGISTERED_POPULATION[0].registeredPopulation
 * // => 14391200
 */
export const OBSERVED_REGISTERED_POPULATION = deepFreeze(REGISTERED_POPULATION);
export type { ObservedRegisteredPopulation } from './observed/registered.js';
