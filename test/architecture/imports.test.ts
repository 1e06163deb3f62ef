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

  it('only node/ and cli/ import Node built-ins', () => {
    const nodeOnly: string[] = [];
    for (const file of all.filter((f) => !['node', 'cli'].includes(layer(f)))) {
      for (const spec of imports(file)) if (spec.startsWith('node:') || ['fs', 'path', 'os', 'worker_threads', 'child_process'].includes(spec)) nodeOnly.push(`${relative(SRC, file)} imports ${spec}`);
    }
    expect(nodeOnly).toEqual([]);
  });

  it('the core layers do not import the report, node or cli layers', () => {
    const upward: string[] = [];
    for (const file of all.filter((f) => ['kernel', 'schema', 'model', 'solve', 'presets', 'io'].includes(layer(f)))) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, resolve(dirname(file), spec)).split('/')[0];
        if (['report', 'node', 'cli'].includes(target)) upward.push(`${relative(SRC, file)} imports ${target}/`);
      }
    }
    expect(upward).toEqual([]);
  });
});
