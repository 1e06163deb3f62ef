/**
 * Which default fertility and mortality levels a region of a scenario gets: its census
 * levels ({@link censusLevels}) when its base population is a census area (China or a
 * province) and the scenario does not ask for the national UN schedules, and none otherwise.
 * `demography.mortality.mxScale` and `demography.fertility.tfrScale` multiply these levels.
 */

import type { Scenario } from '../schema/scenario.js';
import { censusLevels } from './censusLevels.js';

/** The default levels of one region and where they come from. */
export interface RegionLevels {
  region: string;
  /** Factor on the UN TFR (1 when nothing was fitted). */
  fertilityFactor: number;
  /** Factor on the UN death rates (1 when nothing was fitted). */
  mortalityFactor: number;
  /** `census` when fitted to the census area named, `none` when the UN national schedules are used as they are. */
  fitted: 'census' | 'none';
  /** In words, for reports: what was fitted, or why nothing was. */
  note: string;
}

/**
 * The default demographic levels of region `id`.
 *
 * @example
 * const s = parseScenario(getPreset('zhejiang-2023').scenario);
 * regionLevels(s, 'zhejiang').fitted
 * // => 'census'
 */
export function regionLevels(s: Scenario, id: string): RegionLevels {
  const population = Object.hasOwn(s.base, id) ? s.base[id].population : undefined;
  const national = (note: string): RegionLevels => ({ region: id, fertilityFactor: 1, mortalityFactor: 1, fitted: 'none', note });
  if (s.demography.levels === 'un-national') return national('UN WPP 2024 national schedules, as the scenario asks (demography.levels)');
  if (!population || !('census2020' in population)) return national('nothing fitted: the base population is not a census area, so the UN WPP 2024 national schedules are used as they are');
  const levels = censusLevels(population.census2020);
  if (!levels) return national(`nothing fitted: ${population.census2020} is not a census area`);
  return {
    region: id,
    fertilityFactor: levels.fertilityFactor,
    mortalityFactor: levels.mortalityFactor,
    fitted: 'census',
    note: `${levels.nameEn}: fertility ${levels.fertilityFactor.toFixed(3)} x the UN TFR (2020 census children aged 0), mortality ${levels.mortalityFactor.toFixed(3)} x the UN death rates (2010 census deaths relative to China, national level from the 2020 NBS deaths)`,
  };
}
