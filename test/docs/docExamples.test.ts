/** The reading and checking of `@example` blocks, on blocks written here. */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { differences, digitsTolerance, examplesInComment, outcomeDifferences, parseExpected, prepare } from './docExamples.js';

async function check(code: string, scope: Record<string, unknown> = {}): Promise<string[]> {
  const prepared = prepare(code);
  if ('notExecutable' in prepared) return [`not executable: ${prepared.notExecutable}`];
  const outcomes = await prepared.run(scope);
  return prepared.claims.flatMap((claim, i) => outcomeDifferences(outcomes[i], claim));
}

describe('examplesInComment(raw)', () => {
  it('returns each @example block without the comment stars, up to the next tag', () => {
    const raw = ['/**', ' * Adds.', ' *', ' * @example', ' * add(1, 2)', ' * // => 3', ' * @example', ' * add(', ' *   1, 1)', ' * // => 2', ' * @see sum', ' */'].join('\n');
    expect(examplesInComment(raw)).toEqual(['add(1, 2)\n// => 3', 'add(\n  1, 1)\n// => 2']);
  });
});

describe('digitsTolerance(text)', () => {
  it('is half a unit in the last digit shown', () => {
    expect(digitsTolerance('0.0257')).toBe(0.00005);
    expect(digitsTolerance('1400')).toBe(0.5);
    expect(digitsTolerance('2.5e6')).toBe(5e4);
    expect(digitsTolerance('1_000_000')).toBe(0.5);
  });
});

describe('parseExpected(text)', () => {
  it('reads literals, typed arrays, thrown errors and notes with tolerances', () => {
    expect(parseExpected("{ a: [1, 'x'], b: true }")).toMatchObject({ kind: 'object' });
    expect(parseExpected('Float64Array [0.5, 1]')).toMatchObject({ kind: 'typedArray', name: 'Float64Array' });
    expect(parseExpected('throws ChengzhenError: must be > 0')).toEqual({ kind: 'throws', name: 'ChengzhenError', fragment: 'must be > 0' });
    expect(parseExpected('40 (within 1e-9)')).toMatchObject({ kind: 'number', value: 40, tolerance: 1e-9 });
    expect(parseExpected('2.37749 (to 5 decimals)')).toMatchObject({ kind: 'number', tolerance: 0.000005 });
    expect(parseExpected('4 (lines, rules, points and labels)')).toMatchObject({ kind: 'number', value: 4, tolerance: 0.5 });
  });

  it('calls values in words, with ellipses or given as illustrations descriptive', () => {
    expect(parseExpected('0.72 (for example)')).toHaveProperty('descriptive');
    expect(parseExpected('the shortfall in 2024 (places)')).toHaveProperty('descriptive');
    expect(parseExpected('[24870900, 24894300, ...]')).toHaveProperty('descriptive');
    expect(parseExpected('json.years + 1')).toHaveProperty('descriptive');
  });
});

describe('differences(actual, expected)', () => {
  it('compares numbers to the digits shown', () => {
    const expected = parseExpected('0.6667');
    if ('descriptive' in expected) throw new Error('not a literal');
    expect(differences(2 / 3, expected)).toEqual([]);
    expect(differences(0.6668, expected)).toEqual(['value: 0.6668 is not 0.6667 (to 0.00005)']);
  });

  it('tells arrays from typed arrays and checks every key of an object', () => {
    const typed = parseExpected('Float64Array [1, 2]');
    const plain = parseExpected('[1, 2]');
    const object = parseExpected('{ a: 1 }');
    if ('descriptive' in typed || 'descriptive' in plain || 'descriptive' in object) throw new Error('not a literal');
    expect(differences(Float64Array.of(1, 2), typed)).toEqual([]);
    expect(differences([1, 2], typed)).toEqual(['value: [1, 2] is not a Float64Array']);
    expect(differences(Float64Array.of(1, 2), plain)).toEqual(['value: Float64Array [1, 2] is not an array']);
    expect(differences({ a: 1, b: 2 }, object)).toEqual(['value.b: not in the example']);
  });
});

describe('prepare(code)', () => {
  it('checks every claim of a block against the expression before it', async () => {
    expect(await check('const x = 2;\nx * 3\n// => 6\n[x, x + 1]; // => [2, 3]')).toEqual([]);
    expect(await check('1 + 1\n// => 3')).toEqual(['value: 2 is not 3 (to 0.5)']);
  });

  it('runs TypeScript and await, with the names in scope', async () => {
    const scope = { twice: async (x: number) => 2 * x };
    expect(await check('const n: number = 4;\n(await twice(n))!\n// => 8', scope)).toEqual([]);
  });

  it('checks a thrown error by class name and message fragment', async () => {
    const scope = { fail: () => { throw new ChengzhenError([{ code: 'out_of_range', path: ['x'], message: 'x must be > 0, received -1' }]); } };
    expect(await check('fail()\n// => throws ChengzhenError: must be > 0', scope)).toEqual([]);
    expect(await check('fail()\n// => throws ChengzhenError: must be < 0', scope)).toEqual(['the message "x must be > 0, received -1" does not contain "must be < 0"']);
    expect(await check('fail()\n// => 1', scope)).toEqual(['threw ChengzhenError: x must be > 0, received -1']);
  });

  it('reports a name the block does not define as a ReferenceError', async () => {
    const prepared = prepare('projection.years\n// => [2020]');
    if ('notExecutable' in prepared) throw new Error('should compile');
    const [outcome] = await prepared.run({});
    expect('error' in outcome && outcome.error instanceof ReferenceError).toBe(true);
  });

  it('does not run blocks without a literal claim', () => {
    expect(prepare('f(1)')).toEqual({ notExecutable: 'no `// => value` line' });
    expect(prepare('f(1)\n// => 0.72 (for example)')).toEqual({ notExecutable: 'the value is an illustration: 0.72 (for example)' });
    expect(prepare('if (x) { y }\n// => 1')).toEqual({ notExecutable: 'the code before claim 1 does not end in an expression' });
  });
});
