/**
 * The layers of style.md import one way: kernel/ imports nothing outside itself (but the shared
 * leaves errors.ts and limits.ts); nothing outside node/ and cli/ imports Node built-ins, so the
 * core runs in browsers, Deno notebooks and Observable.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
}

const layer = (file: string) => relative(SRC, file).split('/')[0];

/**
 * The layers from the bottom up (style.md): a file may import its own layer and any layer
 * ranked below it. The leaves (errors.ts, limits.ts, deepFreeze.ts) rank lowest.
 */
const RANK: Record<string, number> = {
  'limits.ts': 0,
  'errors.ts': 0.5,
  'deepFreeze.ts': 0,
  kernel: 1,
  schema: 2,
  model: 3,
  compare: 3.5,
  checks: 3.5,
  solve: 4,
  presets: 5,
  scenario: 5.5,
  io: 5,
  report: 6,
  node: 6,
  cli: 7,
  'index.ts': 8,
};

/** The layer a relative import lands in: `schema`, `errors.ts`, or `seeds` for the cited data outside src/. */
function targetLayer(file: string, spec: string): string {
  const target = relative(SRC, resolve(dirname(file), spec));
  if (target.startsWith('..')) return target.replace(/^(\.\.\/)+/, '').split('/')[0];
  return target.split('/')[0].replace(/\.js$/, '.ts');
}

/** Every import that goes up the layers, as `file imports layer/`. */
function upwardImports(all: readonly string[], read: (file: string) => string[] = imports): string[] {
  const upward: string[] = [];
  for (const file of all) {
    const from = layer(file);
    for (const spec of read(file)) {
      if (!spec.startsWith('.')) continue;
      const to = targetLayer(file, spec);
      if (to === from || !(to in RANK)) continue;
      if (RANK[to] > RANK[from] || (RANK[to] === RANK[from] && to !== from)) upward.push(`${relative(SRC, file)} imports ${to}`);
    }
  }
  return upward;
}

describe('import directions of src/', () => {
  const all = files(SRC);

  it('finds the source files', () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it('kernel/ imports only kernel/, errors.ts and limits.ts', () => {
    const outside: string[] = [];
    for (const file of all.filter((f) => layer(f) === 'kernel')) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) {
          outside.push(`${relative(SRC, file)} imports the package ${spec}`);
          continue;
        }
        const target = relative(SRC, resolve(dirname(file), spec));
        if (!target.startsWith('kernel/') && target !== 'errors.js' && target !== 'limits.js') outside.push(`${relative(SRC, file)} imports ${target}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('every layer imports only itself and the layers below it (schema/ does not import model/)', () => {
    expect(upwardImports(all)).toEqual([]);
  });

  it('upwardImports catches schema/ importing model/', () => {
    const fake = join(SRC, 'schema', 'scenario.ts');
    expect(upwardImports([fake], () => ['../model/formula.js', './schedule.js', '../kernel/layout.js', '../errors.js'])).toEqual(['schema/scenario.ts imports model']);
  });

  it('only node/ and cli/ import Node built-ins', () => {
    const nodeOnly: string[] = [];
    for (const file of all.filter((f) => !['node', 'cli'].includes(layer(f)))) {
      for (const spec of imports(file)) if (spec.startsWith('node:') || ['fs', 'path', 'os', 'worker_threads', 'child_process'].includes(spec)) nodeOnly.push(`${relative(SRC, file)} imports ${spec}`);
    }
    expect(nodeOnly).toEqual([]);
  });

  it('the core layers do not import the report, node or cli layers', () => {
    const upward: string[] = [];
    for (const file of all.filter((f) => ['kernel', 'schema', 'model', 'compare', 'checks', 'solve', 'presets', 'scenario', 'io'].includes(layer(f)))) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, resolve(dirname(file), spec)).split('/')[0];
        if (['report', 'node', 'cli'].includes(target)) upward.push(`${relative(SRC, file)} imports ${target}/`);
      }
    }
    expect(upward).toEqual([]);
  });
});
