/** Scenario files that `extends` other files: read from disk, each path relative to the file that names it. */

import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { ChengzhenError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { PRESETS } from '../presets/index.js';
import { resolveScenario, type ResolvedScenario, type ScenarioLoader } from '../scenario/extends.js';
import { readJsonFile } from './readJsonFile.js';

/** A file's name in provenance: its path from the working folder, or its absolute path when it lies outside that folder. */
function sourceName(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel === '' || isAbsolute(rel) || rel.startsWith('..') ? absolute : rel;
}

/**
 * A loader for {@link resolveScenario} that reads scenario files, each `extends` path taken
 * relative to the folder of the file that names it (or the working folder, for a document
 * read from standard input or given in code). Files are bounded like every scenario
 * (`LIMITS.maxScenarioValues`).
 *
 * @example
 * const load = scenarioFileLoader();
 * (await load('examples/scenarios/zhejiang-slower-migration.json', 'scenario')).source
 * // => 'examples/scenarios/zhejiang-slower-migration.json'
 */
export function scenarioFileLoader(): ScenarioLoader {
  // the absolute path behind each source name this loader gave, to resolve paths relative to it
  const folders = new Map<string, string>();
  return async (ref, from) => {
    const base = folders.get(from) ?? process.cwd();
    const absolute = resolve(base, ref);
    const source = sourceName(absolute);
    if (from !== '' && !/[/\\]|\.json$/i.test(ref) && !existsSync(absolute)) {
      // a bare name that is no file was meant as a preset id
      const message = `${from}: extends names ${JSON.stringify(ref)}, which is neither a preset id (presets: ${PRESETS.map((p) => p.id).join(', ')}) nor a file`;
      throw new ChengzhenError([{ code: 'invalid_value', path: ['extends'], message, received: ref }]);
    }
    folders.set(source, dirname(absolute));
    return { source, document: await readJsonFile(source, { maxValues: LIMITS.maxScenarioValues }) };
  };
}

/**
 * Reads the scenario file at `path` (`-` for standard input) and resolves its `extends` chain:
 * the merged document (still to be validated with `parseScenario`) and the provenance of every
 * figure.
 *
 * @throws {ChengzhenError} when a file cannot be read or is not JSON, and for a cycle or a
 *   chain that is too deep.
 * @example
 * const resolved = await readScenarioFile('examples/scenarios/zhejiang-slower-migration.json');
 * resolved.chain
 * // => ['examples/scenarios/zhejiang-slower-migration.json', 'preset zhejiang-2023']
 */
export async function readScenarioFile(path: string): Promise<ResolvedScenario> {
  const load = scenarioFileLoader();
  if (path === '-') return resolveScenario(await readJsonFile('-', { maxValues: LIMITS.maxScenarioValues }), { source: 'standard input', load });
  // the root is read by the loader too, so that its folder is known to the paths it names
  const root = await load(path, '');
  return resolveScenario(root.document, { source: root.source, load });
}
