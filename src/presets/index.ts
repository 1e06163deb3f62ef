/**
 * `chengzhen/presets`: ready scenarios from the plan documents, each with its sources, and a
 * trend twin that continues recent observed trends instead of the plan's levers.
 */

import { ChengzhenError } from '../errors.js';
import { NATIONAL_2024_2028, NATIONAL_2024_2028_TREND } from './national.js';
import { SHANDONG_2021_2023, SHANDONG_2021_2023_TREND } from './shandong.js';
import { SHANGHAI_2021_2025, SHANGHAI_2021_2025_TREND, SHANGHAI_2024_2028, SHANGHAI_2024_2028_TREND } from './shanghai.js';
import { ZHEJIANG_2023, ZHEJIANG_2023_TREND } from './zhejiang.js';
import type { Preset } from './types.js';

/**
 * Every preset, plan presets first, each followed by its trend twin.
 *
 * @example
 * PRESETS.map((p) => p.id)
 * // => ['national-2024-2028', 'national-2024-2028-trend', 'shanghai-2024-2028', 'shanghai-2024-2028-trend', 'shanghai-2021-2025', 'shanghai-2021-2025-trend', 'shandong-2021-2023', 'shandong-2021-2023-trend', 'zhejiang-2023', 'zhejiang-2023-trend']
 */
export const PRESETS: readonly Preset[] = [
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
];

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
export { NATIONAL_2024_2028, NATIONAL_2024_2028_TREND, NATIONAL_CALIBRATION } from './national.js';
export { SHANGHAI_2024_2028, SHANGHAI_2024_2028_TREND, SHANGHAI_2021_2025, SHANGHAI_2021_2025_TREND, SHANGHAI_CALIBRATION } from './shanghai.js';
export { SHANDONG_2021_2023, SHANDONG_2021_2023_TREND, SHANDONG_CALIBRATION } from './shandong.js';
export { ZHEJIANG_2023, ZHEJIANG_2023_TREND, ZHEJIANG_CALIBRATION } from './zhejiang.js';
export { hindcast, HINDCAST_AREAS, HINDCAST_MEASURES, ruralUrbanisationPropensity2010To2018 } from './hindcast.js';
export type { HindcastResult, HindcastPoint, HindcastArea, HindcastMeasure } from './hindcast.js';
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
export type { Commitment, PolicyAssumption } from './commitments.js';
export { policySensitivity } from './sensitivity.js';
export type { SensitivityRow } from './sensitivity.js';
