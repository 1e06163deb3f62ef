/**
 * The documented examples run: every `@example` block in the files that declare the public
 * API is compiled as the body of an async function with every public export (and the exports
 * of its own module) in scope, and each `// => value` it states is checked.
 */

import { afterAll, describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import * as kernel from '../../src/kernel/index.js';
import * as node from '../../src/node/index.js';
import * as presets from '../../src/presets/index.js';
import * as report from '../../src/report/index.js';
import { absolute, examplesInFile, outcomeDifferences, prepare, type DocExample } from './docExamples.js';
import { NOT_EXECUTABLE } from './notExecutable.js';
import { publicSymbols } from './publicApi.js';

const ENTRIES: Record<string, Record<string, unknown>> = { chengzhen: api, 'chengzhen/kernel': kernel, 'chengzhen/presets': presets, 'chengzhen/report': report, 'chengzhen/node': node };

/** Every public export by name; a name two entry points export must be the same value. */
function publicScope(): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const [entry, exports] of Object.entries(ENTRIES)) {
    for (const [name, value] of Object.entries(exports)) {
      if (name in scope && scope[name] !== value) throw new Error(`${entry} exports a different ${name} from another entry point`);
      scope[name] = value;
    }
  }
  return scope;
}

const symbols = publicSymbols();
const files = [...new Set(symbols.map((s) => s.file))];
const examples: DocExample[] = files.flatMap((file) => examplesInFile(absolute(file)));
const keyOf = (e: DocExample) => `${e.file}#${e.symbol}`;

/** Blocks that could not be checked, with the reason. */
const notExecutable = new Map<string, string>();
let checked = 0;
let claimsChecked = 0;

describe('public symbols', () => {
  it('publicSymbols() finds the entry points\' exports and their declarations', () => {
    const names = symbols.map((s) => s.name);
    expect(names).toContain('runKernelInto');
    expect(names).toContain('simulateParallel');
    expect(symbols.find((s) => s.name === 'runKernel')?.file).toBe('src/kernel/runKernel.ts');
    expect(symbols.find((s) => s.name === 'KernelProblem')?.kind).toBe('type');
  });

  it('every public symbol has a doc comment', () => {
    expect(symbols.filter((s) => !s.doc).map((s) => `${s.file}#${s.name}`)).toEqual([]);
  });

  it('every public function, class and constant has a doc comment with an @example', () => {
    const missing = symbols.filter((s) => s.kind === 'value' && !/^\s*\*\s*@example\b/m.test(s.doc ?? '')).map((s) => `${s.file}#${s.name}`);
    expect(missing).toEqual([]);
  });
});

describe('documented examples', () => {
  const scope = publicScope();
  const modules = new Map<string, Record<string, unknown>>();

  for (const example of examples) {
    const prepared = prepare(example.code);
    if ('notExecutable' in prepared) {
      notExecutable.set(keyOf(example), prepared.notExecutable);
      continue;
    }
    it(`${example.file}: ${example.symbol}`, async (context) => {
      if (!modules.has(example.file)) modules.set(example.file, (await import(absolute(example.file))) as Record<string, unknown>);
      let outcomes;
      try {
        outcomes = await prepared.run({ ...scope, ...modules.get(example.file) });
      } catch (error) {
        if (error instanceof ReferenceError) {
          notExecutable.set(keyOf(example), `it uses a name it does not define (${error.message})`);
          context.skip();
        }
        throw error;
      }
      const free = outcomes.find((o) => 'error' in o && o.error instanceof ReferenceError);
      if (free && 'error' in free) {
        notExecutable.set(keyOf(example), `it uses a name it does not define (${(free.error as Error).message})`);
        context.skip();
      }
      const problems = prepared.claims.flatMap((claim, i) => outcomeDifferences(outcomes[i], claim).map((p) => `// => ${i + 1}: ${p}`));
      expect(problems, example.code).toEqual([]);
      checked += 1;
      claimsChecked += prepared.claims.length;
    });
  }

  it('the examples that cannot be checked are exactly the listed ones', () => {
    const found = [...notExecutable.keys()].sort();
    const unlisted = found.filter((k) => !NOT_EXECUTABLE.includes(k)).map((k) => `${k}: ${notExecutable.get(k)}`);
    const stale = NOT_EXECUTABLE.filter((k) => !notExecutable.has(k));
    expect({ unlisted, stale }).toEqual({ unlisted: [], stale: [] });
  });

  afterAll(() => {
    console.info(`${examples.length} documented examples: ${checked} checked (${claimsChecked} values), ${notExecutable.size} not executable`);
  });
});
