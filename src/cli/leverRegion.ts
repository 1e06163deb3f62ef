/**
 * The one region option of `solve`, `calibrate` and `simulate`: `--lever-region ID` moves the
 * levers for that region only. Without it a lever is moved for every region: a lever set once
 * moves as a whole, and a lever the scenario sets per region (`byRegion`) has each region's
 * schedule moved by the same factor (or set to the same value with mode `value`).
 */

import type { Scenario } from '../schema/scenario.js';
import type { LeverPath, LeverSpec } from '../solve/levers.js';
import { UsageError } from './command.js';
import { didYouMean, matchName } from './names.js';

/** The regions a lever is set for in `scenario` when it is set per region, else null. */
export function perRegionLever(scenario: Scenario, path: string): string[] | null {
  let value: unknown = scenario;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return null;
    value = (value as Record<string, unknown>)[part];
  }
  if (typeof value !== 'object' || value === null || !('byRegion' in value)) return null;
  return Object.keys((value as { byRegion: Record<string, unknown> }).byRegion);
}

/**
 * A region id of `scenario` as typed by a user (`--region`, `--lever-region`): matched without
 * regard to case when unambiguous.
 *
 * @throws {UsageError} for an id that is not a region of the scenario, with the closest offered.
 */
export function regionOption(scenario: Scenario, option: string, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const ids = scenario.regions.map((r) => r.id);
  const matched = matchName(id, ids);
  if (matched === undefined) throw new UsageError(`${option} ${id} is not a region of this scenario${didYouMean(id, ids)} (regions: ${ids.join(', ')})`);
  return matched;
}

/**
 * The lever specs of `paths` for the region of `--lever-region` (or for every region).
 *
 * @throws {UsageError} for an unknown region.
 */
export function leverSpecs(scenario: Scenario, paths: string[], leverRegion: string | undefined): LeverSpec[] {
  const region = regionOption(scenario, '--lever-region', leverRegion);
  return paths.map((path) => ({ path: path as LeverPath, region }));
}

/**
 * How a lever's region reads in a command's output: ` (henan)`, ` (every region)` for a lever
 * set per region moved everywhere, or nothing for a lever set once.
 */
export function leverRegionText(scenario: Scenario, lever: LeverSpec): string {
  if (lever.region !== undefined) return ` (${lever.region})`;
  return perRegionLever(scenario, lever.path) === null ? '' : ' (every region)';
}
