/**
 * `chengzhen/presets`: ready scenarios from the plan documents, each with its sources, and a
 * trend twin that continues recent observed trends instead of the plan's levers.
 *
 * Every preset is deep-frozen here, where it is exported: a caller that changes
 * `getPreset(id).scenario` gets a TypeError, never a change the next caller sees.
 */

import { deepFreeze } from '../deepFreeze.js';
import { ChengzhenError } from '../errors.js';
import { CHINA_COUNTIES_2024_2028 as COUNTIES, CHINA_COUNTIES_2024_2028_TREND as COUNTIES_TREND } from './counties.js';
import { HINDCAST_AREAS as AREAS, HINDCAST_MEASURES as MEASURES } from './hindcast.js';
import { NATIONAL_2024_2028 as NATIONAL, NATIONAL_2024_2028_TREND as NATIONAL_TREND, NATIONAL_CALIBRATION as NATIONAL_CAL } from './national.js';
import { SHANDONG_2021_2023 as SHANDONG, SHANDONG_2021_2023_TREND as SHANDONG_TREND, SHANDONG_CALIBRATION as SHANDONG_CAL } from './shandong.js';
import {
  SHANGHAI_2021_2025 as SHANGHAI_14FYP,
  SHANGHAI_2021_2025_TREND as SHANGHAI_14FYP_TREND,
  SHANGHAI_2024_2028 as SHANGHAI,
  SHANGHAI_2024_2028_TREND as SHANGHAI_TREND,
  SHANGHAI_CALIBRATION as SHANGHAI_CAL,
} from './shanghai.js';
import { ZHEJIANG_2023 as ZHEJIANG, ZHEJIANG_2023_TREND as ZHEJIANG_TREND, ZHEJIANG_CALIBRATION as ZHEJIANG_CAL } from './zhejiang.js';
import type { Preset } from './types.js';

/**
 * The national plan preset 2024-2028 (国家新型城镇化规划), and its trend twin. Deep-frozen.
 *
 * @example
 * Object.isFrozen(NATIONAL_2024_2028)
 * // => true
 */
export const NATIONAL_2024_2028: Preset = deepFreeze(NATIONAL);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(NATIONAL_2024_2028_TREND)
 * // => true
 */
export const NATIONAL_2024_2028_TREND: Preset = deepFreeze(NATIONAL_TREND);
/**
 * China by county (2,987 units of the 2020 census), the national plan's settlement tiers, and its trend twin. Deep-frozen.
 *
 * @example
 * Object.isFrozen(CHINA_COUNTIES_2024_2028)
 * // => true
 */
export const CHINA_COUNTIES_2024_2028: Preset = deepFreeze(COUNTIES);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(CHINA_COUNTIES_2024_2028_TREND)
 * // => true
 */
export const CHINA_COUNTIES_2024_2028_TREND: Preset = deepFreeze(COUNTIES_TREND);
/**
 * Shanghai 2024-2028, and its trend twin. Deep-frozen.
 *
 * @example
 * Object.isFrozen(SHANGHAI_2024_2028)
 * // => true
 */
export const SHANGHAI_2024_2028: Preset = deepFreeze(SHANGHAI);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(SHANGHAI_2024_2028_TREND)
 * // => true
 */
export const SHANGHAI_2024_2028_TREND: Preset = deepFreeze(SHANGHAI_TREND);
/**
 * Shandong 2021-2023, and its trend twin. Deep-frozen.
 *
 * @example
 * Object.isFrozen(SHANDONG_2021_2023)
 * // => true
 */
export const SHANDONG_2021_2023: Preset = deepFreeze(SHANDONG);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(SHANDONG_2021_2023_TREND)
 * // => true
 */
export const SHANDONG_2021_2023_TREND: Preset = deepFreeze(SHANDONG_TREND);
/**
 * Zhejiang 2023, and its trend twin. Deep-frozen.
 *
 * @example
 * Object.isFrozen(ZHEJIANG_2023)
 * // => true
 */
export const ZHEJIANG_2023: Preset = deepFreeze(ZHEJIANG);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(ZHEJIANG_2023_TREND)
 * // => true
 */
export const ZHEJIANG_2023_TREND: Preset = deepFreeze(ZHEJIANG_TREND);
/**
 * The calibration scenarios of the presets (from the 2020 census), frozen like the presets. Deep-frozen.
 *
 * @example
 * Object.isFrozen(NATIONAL_CALIBRATION)
 * // => true
 */
export const NATIONAL_CALIBRATION = deepFreeze(NATIONAL_CAL);
/**
 * Shanghai's 14th Five-Year Plan preset 2021-2025 (2020 census base). Deep-frozen.
 *
 * @example
 * Object.isFrozen(SHANGHAI_2021_2025)
 * // => true
 */
export const SHANGHAI_2021_2025: Preset = deepFreeze(SHANGHAI_14FYP);
/**
 * The trend twin of `SHANGHAI_2021_2025`. Deep-frozen.
 *
 * @example
 * Object.isFrozen(SHANGHAI_2021_2025_TREND)
 * // => true
 */
export const SHANGHAI_2021_2025_TREND: Preset = deepFreeze(SHANGHAI_14FYP_TREND);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(SHANGHAI_CALIBRATION)
 * // => true
 */
export const SHANGHAI_CALIBRATION = deepFreeze(SHANGHAI_CAL);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(SHANDONG_CALIBRATION)
 * // => true
 */
export const SHANDONG_CALIBRATION = deepFreeze(SHANDONG_CAL);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(ZHEJIANG_CALIBRATION)
 * // => true
 */
export const ZHEJIANG_CALIBRATION = deepFreeze(ZHEJIANG_CAL);
/**
 * The areas and measures of the hindcast, frozen. Deep-frozen.
 *
 * @example
 * Object.isFrozen(HINDCAST_AREAS)
 * // => true
 */
export const HINDCAST_AREAS = deepFreeze(AREAS);
/**
 * Deep-frozen where it is exported.
 *
 * @example
 * Object.isFrozen(HINDCAST_MEASURES)
 * // => true
 */
export const HINDCAST_MEASURES = deepFreeze(MEASURES);

/**
 * Every preset, plan presets first, each followed by its trend twin.
 *
 * @example
 * PRESETS.map((p) => p.id)
 * // => ['national-2024-2028', 'national-2024-2028-trend', 'shanghai-2024-2028', 'shanghai-2024-2028-trend', 'shanghai-2021-2025', 'shanghai-2021-2025-trend', 'shandong-2021-2023', 'shandong-2021-2023-trend', 'zhejiang-2023', 'zhejiang-2023-trend', 'china-counties-2024-2028', 'china-counties-2024-2028-trend']
 */
export const PRESETS: readonly Preset[] = deepFreeze([
  NATIONAL_2024_2028,
  NATIONAL_2024_2028_TREND,
  SHANGHAI_2024_2028,
  SHANGHAI_2024_2028_TREND,
  SHANGHAI_2021_2025,
  SHANGHAI_2021_2025_TREND,
  SHANDONG_2021_2023,
  SHANDONG_2021_2023_TREND,
  ZHEJIANG_2023,
  ZHEJIANG_2023_TREND,
  CHINA_COUNTIES_2024_2028,
  CHINA_COUNTIES_2024_2028_TREND,
]);

/**
 * The preset with id `id`.
 *
 * @throws {ChengzhenError} naming the known ids when there is none.
 * @example
 * getPreset('national-2024-2028').scenario.baseYear
 * // => 2023
 */
export function getPreset(id: string): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) {
    throw new ChengzhenError([
      { code: 'invalid_value', path: ['preset'], message: `there is no preset ${JSON.stringify(id)}; presets are ${PRESETS.map((p) => p.id).join(', ')}`, received: id },
    ]);
  }
  return preset;
}

export type { Preset, PresetCalibration, FigureProvenance } from './types.js';
export { hindcast, ruralUrbanisationPropensity2010To2018 } from './hindcast.js';
export type { HindcastResult, HindcastPoint, HindcastHukouPoint, HindcastArea, HindcastMeasure } from './hindcast.js';
export { scorecard } from '../model/scorecard.js';
export type { ScorecardRow, Adequacy } from '../model/scorecard.js';

// the cited data behind the presets: plan targets, published outcomes, the 2020 census
export {
  PLAN_DOCUMENTS,
  PLAN_NATIONAL_2024,
  PLAN_SHANGHAI_2024,
  PLAN_SHANGHAI_14FYP,
  PLAN_SHANDONG_2021,
  PLAN_ZHEJIANG_2023,
  OBSERVED_URBANISATION,
  OBSERVED_SERVICES,
  CENSUS_2020_PROVINCES,
  CENSUS_2020_POPULATION_BY_AGE,
} from '../../seeds/index.js';
export type {
  PlanDocument,
  PlanTarget,
  PlanSource,
  DataSource,
  CitedValue,
  ObservedUrbanisation,
  ObservedService,
  CensusProvince2020,
} from '../../seeds/index.js';
export { observedFigure, observations } from './observed.js';
export { withCommitments, valueAtPath } from './commitments.js';
export { COUNTY_SETTLEMENT, countyConversionRates } from './counties.js';
export type { TierSettlement, CountyConversionRates } from './counties.js';
export type { Commitment, PolicyAssumption } from './commitments.js';
export { policySensitivity } from './sensitivity.js';
export { PRESET_CHECKS } from './checks.js';
export type { SensitivityRow } from './sensitivity.js';
