/** Loads a scenario for the CLI: a JSON file path, or the id of a preset. */

import { readJsonFile } from '../node/readJsonFile.js';
import { PRESETS } from '../presets/index.js';
import { parseScenario, type Scenario } from '../schema/scenario.js';

/** Reads and validates the scenario file at `pathOrId`, or returns the preset with that id. */
export async function loadScenario(pathOrId: string): Promise<Scenario> {
  const preset = PRESETS.find((p) => p.id === pathOrId);
  if (preset) return parseScenario(preset.scenario);
  return parseScenario(await readJsonFile(pathOrId));
}
