/**
 * Hashes of every preset's outputs, to show that a change to the compiler or the kernel leaves
 * them bit for bit as they were: the compiled kernel problem as its JSON document, the full
 * projection (every population, every flow, every indicator of all regions together, the
 * services included) and the indicators-only projection (every stock and flow of every region),
 * called twice.
 *
 * Usage: npx tsx bench/presetHashes.ts [--out hashes.json] [--compare hashes.json] [--preset id]
 */

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { kernelProblemToJSON } from '../src/io/kernelJson.js';
import { compileScenario } from '../src/model/compile.js';
import { project, projectIndicators } from '../src/model/project.js';
import { PRESETS } from '../src/presets/index.js';

function hashOf(parts: (Float64Array | string)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? part : new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
  return hash.digest('hex').slice(0, 16);
}

/** A document as JSON text in parts (a county problem is longer than one string can be). */
function documentParts(value: unknown): string[] {
  if (Array.isArray(value) && value.length > 0 && typeof value[0] !== 'number') return ['[', ...value.flatMap((v) => [...documentParts(v), ',']), ']'];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return ['{', ...Object.entries(value).flatMap(([k, v]) => [JSON.stringify(k), ':', ...documentParts(v), ',']), '}'];
  return [JSON.stringify(value)];
}

const { values } = parseArgs({ options: { out: { type: 'string' }, compare: { type: 'string' }, preset: { type: 'string' } } });
const hashes: Record<string, Record<string, string>> = {};
for (const preset of PRESETS) {
  if (values.preset && preset.id !== values.preset) continue;
  const entry: Record<string, string> = {};
  entry.problem = hashOf(documentParts(kernelProblemToJSON(compileScenario(preset.scenario))));
  const full = project(preset.scenario);
  entry.population = hashOf(full.result.population);
  entry.flows = hashOf(Object.entries(full.result.flows).flat());
  entry.indicators = hashOf(full.indicatorKeys().flatMap((key) => [key, Float64Array.from(full.indicator(key as never).values)]));
  const only = projectIndicators(preset.scenario);
  entry.stocksFlows = hashOf([...Object.entries(only.kernel.stocks), ...Object.entries(only.kernel.flows)].flat());
  // a second call on the parsed scenario, which reuses what the first one cached
  const again = projectIndicators(only.scenario);
  if (hashOf([...Object.entries(again.kernel.stocks), ...Object.entries(again.kernel.flows)].flat()) !== entry.stocksFlows) entry.stocksFlows += ' (a second call differs)';
  hashes[preset.id] = entry;
  process.stderr.write(`${preset.id} ${JSON.stringify(entry)}\n`);
}
if (values.out) writeFileSync(values.out, `${JSON.stringify(hashes, null, 1)}\n`);
if (values.compare) {
  const before = JSON.parse(readFileSync(values.compare, 'utf8')) as typeof hashes;
  let differ = 0;
  for (const [id, entry] of Object.entries(hashes)) {
    for (const [key, hash] of Object.entries(entry)) {
      if (before[id]?.[key] === hash) continue;
      differ++;
      process.stdout.write(`DIFFERS ${id} ${key}: ${before[id]?.[key]} -> ${hash}\n`);
    }
  }
  process.stdout.write(differ === 0 ? `all ${Object.keys(hashes).length} presets identical\n` : `${differ} differences\n`);
  process.exitCode = differ === 0 ? 0 : 1;
}
