/**
 * The cited data of chengzhen: plan targets, observed outcomes and the 2020 census base.
 *
 * Every plan figure cites its document and clause (`PlanTarget.source`); every data set names
 * the publication and the repository copy it was read from.
 */
import type { PlanDocument } from './types.js';
import { PLAN_NATIONAL_2024 } from './plans/national-2024.js';
import { PLAN_SHANGHAI_2024 } from './plans/shanghai-2024.js';
import { PLAN_SHANGHAI_14FYP } from './plans/shanghai-14fyp.js';
import { PLAN_SHANDONG_2021 } from './plans/shandong-2021.js';
import { PLAN_ZHEJIANG_2023 } from './plans/zhejiang-2023.js';

export type {
  PlanSource,
  DataSource,
  CitedValue,
  TargetKind,
  TargetComparison,
  PlanTarget,
  PlanDocument,
} from './types.js';

export { PLAN_NATIONAL_2024, PLAN_SHANGHAI_2024, PLAN_SHANGHAI_14FYP, PLAN_SHANDONG_2021, PLAN_ZHEJIANG_2023 };

/**
 * The five plan documents, national first.
 *
 * @example
 * PLAN_DOCUMENTS.map((d) => d.id);
 * // => ['national-2024', 'shanghai-2024', 'shanghai-14fyp', 'shandong-2021', 'zhejiang-2023']
 */
export const PLAN_DOCUMENTS: readonly PlanDocument[] = [
  PLAN_NATIONAL_2024,
  PLAN_SHANGHAI_2024,
  PLAN_SHANGHAI_14FYP,
  PLAN_SHANDONG_2021,
  PLAN_ZHEJIANG_2023,
];

export { OBSERVED_URBANISATION } from './observed/urbanisation.js';
export type { ObservedArea, ObservedReliability, ObservedUrbanisation } from './observed/urbanisation.js';
export { OBSERVED_SERVICES } from './observed/services.js';
export type { ObservedService, ObservedServiceIndicator } from './observed/services.js';
export { CENSUS_2020_PROVINCES, CENSUS_2020_PROVINCES_SOURCE } from './census2020/provinces.js';
export type { CensusProvince2020 } from './census2020/provinces.js';
export {
  CENSUS_2020_POPULATION_BY_AGE,
  CENSUS_2020_POPULATION_BY_AGE_SOURCE,
  CENSUS_2020_AGE_GROUPS,
  CENSUS_2020_AGE_GROUP_STARTS,
} from './census2020/populationByAge.js';
export type { CensusAreaByAge2020, CensusPopulationByAge2020 } from './census2020/populationByAge.js';
export { CENSUS_PROVINCES, CENSUS_PROVINCES_SOURCES } from './census-provinces/provinces.js';
export type { CensusProvinceFigures } from './census-provinces/provinces.js';
export { OBSERVED_CHINA_VITAL_2020 } from './observed/vital2020.js';
export type { NationalVital2020 } from './observed/vital2020.js';
