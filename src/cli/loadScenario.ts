/** Loads a scenario for the CLI: a JSON file path, or the id of a preset. */

import { readJsonFile } from '../node/readJsonFile.js';
import { parseScenario, type Scenario } from '../schema/scenario.js';

/** Reads and validates the scenario file at `pathOrId`. */
export async function loadScenario(pathOrId: string): Promise<Scenario> {
  return parseScenario(await readJsonFile(pathOrId));
}
