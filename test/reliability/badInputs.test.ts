/**
 * Malformed documents (test/reliability/badInputCases.ts): each scenario and kernel problem
 * gets a ChengzhenError whose first issue names the field, within the test's time bound
 * (10 s, far above what any case takes), and nothing else: the prototypes of Object, Array and
 * Function gain no keys. Through the command line the same documents give exit code 2, the
 * message on standard error without a stack trace, and no output or temporary file.
 */

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ChengzhenError, formatPath } from '../../src/errors.js';
import { runKernel } from '../../src/kernel/runKernel.js';
import { compileScenario } from '../../src/model/compile.js';
import { parseKernelProblem, safeParseKernelProblem } from '../../src/schema/kernelProblem.js';
import { parseScenario, safeParseScenario, type ScenarioInput } from '../../src/schema/scenario.js';
import { cli, scratchFolder } from '../cli/cliHarness.js';
import { KERNEL_CASES, SCENARIO_CASES, type BadInputCase } from './badInputCases.js';

/** The time bound of each case: a loose ceiling, not a measure of speed. */
const BOUND_MS = 10_000;

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype } as const;

function keysOf(prototype: object): string[] {
  return Reflect.ownKeys(prototype).map(String).sort();
}

const KEYS_BEFORE = Object.fromEntries(Object.entries(PROTOTYPES).map(([name, p]) => [name, keysOf(p)]));

afterEach(() => {
  for (const [name, prototype] of Object.entries(PROTOTYPES)) expect(keysOf(prototype), `${name}.prototype`).toEqual(KEYS_BEFORE[name]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
});

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** The error a scenario case gives: at parse time (both twins alike), or when compiled. */
function scenarioError(c: BadInputCase): ChengzhenError {
  const doc = c.document();
  if (c.stage === 'compile') {
    expect(safeParseScenario(doc).success).toBe(true);
    const error = thrownBy(() => compileScenario(doc as ScenarioInput));
    expect(error).toBeInstanceOf(ChengzhenError);
    return error as ChengzhenError;
  }
  const safe = safeParseScenario(doc);
  expect(safe.success).toBe(false);
  const error = thrownBy(() => parseScenario(doc));
  expect(error).toBeInstanceOf(ChengzhenError);
  if (!safe.success) expect((error as ChengzhenError).issues).toEqual(safe.error.issues);
  return error as ChengzhenError;
}

/** The error a kernel case gives: at parse time (both twins alike), or when run. */
function kernelError(c: BadInputCase): ChengzhenError {
  const doc = c.document();
  if (c.stage === 'run') {
    const problem = parseKernelProblem(doc);
    const error = thrownBy(() => runKernel(problem));
    expect(error).toBeInstanceOf(ChengzhenError);
    return error as ChengzhenError;
  }
  const safe = safeParseKernelProblem(doc);
  expect(safe.success).toBe(false);
  const error = thrownBy(() => parseKernelProblem(doc));
  expect(error).toBeInstanceOf(ChengzhenError);
  if (!safe.success) expect((error as ChengzhenError).issues).toEqual(safe.error.issues);
  return error as ChengzhenError;
}

function expectNamed(error: ChengzhenError, c: BadInputCase): void {
  const issue = error.issues[0];
  expect(issue.path).toEqual(c.path);
  expect(issue.message).toContain(c.message);
  // the message starts with the field it is about
  const field = c.path.length === 0 ? '(root)' : String(c.path[0]);
  expect(issue.message.startsWith(field)).toBe(true);
  expect(error.message.split('\n')[0]).toBe(issue.message);
}

describe(`parseScenario(json): ${SCENARIO_CASES.length} malformed scenarios`, () => {
  it('lists at least 60 scenario and kernel problem cases together, each once', () => {
    expect(SCENARIO_CASES.length + KERNEL_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SCENARIO_CASES.map((c) => c.name)).size).toBe(SCENARIO_CASES.length);
  });

  for (const c of SCENARIO_CASES) {
    it(`${c.name}: ${formatPath(c.path)}`, () => expectNamed(scenarioError(c), c), BOUND_MS);
  }
});

describe(`parseKernelProblem(json): ${KERNEL_CASES.length} malformed kernel problems`, () => {
  it('names each case once', () => {
    expect(new Set(KERNEL_CASES.map((c) => c.name)).size).toBe(KERNEL_CASES.length);
  });

  for (const c of KERNEL_CASES) {
    it(`${c.name}: ${formatPath(c.path)}`, () => expectNamed(kernelError(c), c), BOUND_MS);
  }
});

describe('chengzhen run|kernel FILE --out OUT with a malformed FILE', () => {
  const folder = scratchFolder();
  afterAll(() => folder.remove());

  const sample: [string, BadInputCase][] = [
    ...SCENARIO_CASES.filter((c) => c.cli).map((c): [string, BadInputCase] => ['run', c]),
    ...KERNEL_CASES.filter((c) => c.cli).map((c): [string, BadInputCase] => ['kernel', c]),
  ];

  it('runs a sample of at least 20 cases', () => {
    expect(sample.length).toBeGreaterThanOrEqual(20);
  });

  sample.forEach(([command, c], i) => {
    it(
      `chengzhen ${command}: ${c.name} exits 2 naming ${formatPath(c.path)}, writes nothing`,
      async () => {
        const sub = join(folder.dir, `case-${i}`);
        const input = folder.write(`case-${i}.json`, c.json ? c.json() : JSON.stringify(c.document()));
        mkdirSync(sub);
        const out = join(sub, 'out.json');
        const outcome = await cli([command, input, '--out', out]);
        expect(outcome.code).toBe(2);
        expect(outcome.stdout).toBe('');
        expect(outcome.stderr).toContain(`chengzhen ${command}: bad input`);
        expect(outcome.stderr).toContain(c.message);
        expect(outcome.stderr).not.toMatch(/^\s+at /m);
        expect(outcome.stderr).not.toContain('Error:');
        expect(readdirSync(sub)).toEqual([]);
      },
      BOUND_MS,
    );
  });

  it('leaves an existing output file as it was', async () => {
    const out = folder.write('kept.json', 'old content\n');
    const bad = SCENARIO_CASES.find((c) => c.name === 'hukou rate above the resident rate')!;
    const input = folder.write('bad-scenario.json', JSON.stringify(bad.document()));
    expect((await cli(['run', input, '--format', 'csv', '--out', out])).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old content\n');
    expect(readdirSync(folder.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
