/** Loads a scenario for the CLI: a JSON file path (`-` for standard input), or the id of a preset. */

import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { ChengzhenError } from '../errors.js';
import { readScenarioFile } from '../node/scenarioFile.js';
import { PRESETS, type Preset } from '../presets/index.js';
import { presetResolution, type ResolvedScenario } from '../scenario/extends.js';
import { parseScenario } from '../model/parse.js';
import type { Scenario } from '../schema/scenario.js';
import { UsageError } from './command.js';
import { didYouMean, matchName } from './names.js';

const PRESET_IDS = PRESETS.map((p) => p.id);

/**
 * The preset named `id`, matched without regard to case when unambiguous.
 *
 * @throws {UsageError} for a name that is no preset, with the closest ids offered.
 */
export function findPreset(id: string): Preset {
  const preset = presetNamed(id);
  if (!preset) throw new UsageError(`there is no preset ${JSON.stringify(id)}${didYouMean(id, PRESET_IDS)} (see chengzhen presets)`);
  return preset;
}

function presetNamed(id: string): Preset | undefined {
  const matched = matchName(id, PRESET_IDS);
  return matched === undefined ? undefined : PRESETS.find((p) => p.id === matched);
}

/** The JSON files beside `path`, to offer when it does not exist. */
function filesBeside(path: string): string[] {
  try {
    const folder = dirname(path);
    return readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .map((f) => (folder === '.' && !path.startsWith('./') ? f : `${folder}/${f}`));
  } catch {
    return [];
  }
}

/**
 * What `pathOrId` names: a preset (its exact id first, then a file of that name, then the id
 * without regard to case), or a file.
 */
export function scenarioSource(pathOrId: string): { preset: Preset } | { file: string } {
  const exact = PRESETS.find((p) => p.id === pathOrId);
  if (exact) return { preset: exact };
  if (pathOrId === '-' || existsSync(pathOrId)) return { file: pathOrId };
  const preset = presetNamed(pathOrId);
  if (preset) return { preset };
  if (/[/\\]|\.json$/i.test(pathOrId)) {
    const offers = didYouMean(basename(pathOrId), filesBeside(pathOrId).map((f) => basename(f)));
    throw new ChengzhenError([{ code: 'io', path: [], message: `cannot read ${pathOrId}: no such file${offers}` }]);
  }
  throw new UsageError(`${JSON.stringify(pathOrId)} is neither a file nor a preset${didYouMean(pathOrId, PRESET_IDS)} (see chengzhen presets)`);
}

/** A scenario as the command line loaded it: resolved (its `extends` chain applied), validated, and the preset it is, if any. */
export interface LoadedScenario {
  scenario: Scenario;
  resolved: ResolvedScenario;
  preset?: Preset;
  /** How messages name it: the preset id, or the file. */
  label: string;
}

/**
 * Reads the scenario file at `pathOrId` (its `extends` chain resolved, each path relative to
 * the file naming it), or takes the preset with that id, and validates it.
 */
export async function loadScenarioWithProvenance(pathOrId: string): Promise<LoadedScenario> {
  const source = scenarioSource(pathOrId);
  if ('preset' in source) return { scenario: parseScenario(source.preset.scenario), resolved: presetResolution(source.preset.id), preset: source.preset, label: source.preset.id };
  const resolved = await readScenarioFile(source.file);
  return { scenario: parseScenario(resolved.scenario), resolved, label: source.file };
}

/** Reads and validates the scenario file at `pathOrId` (resolving its `extends`), or returns the preset with that id. */
export async function loadScenario(pathOrId: string): Promise<Scenario> {
  return (await loadScenarioWithProvenance(pathOrId)).scenario;
}
