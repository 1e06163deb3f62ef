/**
 * Bounded memory and time for any input: a document is sized (bytes, values, items of one
 * array, nesting) as it is read, before `JSON.parse` builds anything, for files, devices and
 * streams alike; the command line then exits 2 with a clear message.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { jsonScanner, scanJson } from '../../src/io/jsonScanner.js';
import { LIMITS } from '../../src/limits.js';
import { MAX_INPUT_BYTES, readJsonFile, readJsonStream } from '../../src/node/readJsonFile.js';
import { cli } from '../cli/cliHarness.js';
import { validScenario } from './badInputCases.js';

const encode = (text: string) => new TextEncoder().encode(text);

/** A stream that yields `chunk` `times` times after `head`, counting what was taken from it. */
function repeated(head: string, chunk: string, times: number) {
  const counter = { chunks: 0 };
  const bytes = Buffer.from(chunk);
  async function* generate() {
    yield Buffer.from(head);
    for (let i = 0; i < times; i++) {
      counter.chunks++;
      yield bytes;
    }
  }
  return { stream: generate(), counter };
}

async function rejection(promise: Promise<unknown>): Promise<ChengzhenError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ChengzhenError);
  return error as ChengzhenError;
}

describe('scanJson(text, limits)', () => {
  it('counts values, not keys: {"a": [1, "x", true, null], "b": {}} holds 7', () => {
    const scan = jsonScanner();
    expect(scan.push(encode('{"a": [1, "x", true, null], "b": {}}'))).toBeNull();
    expect(scan.values).toBe(7);
  });

  it('counts the same whatever the chunks (a string, a number and an escape cut across chunks)', () => {
    const text = '{"k\\"ey": [12345, "a\\\\", -1.5e3], "s": "[{,"}';
    const whole = jsonScanner();
    whole.push(encode(text));
    for (let cut = 1; cut < text.length; cut++) {
      const parts = jsonScanner();
      parts.push(encode(text.slice(0, cut)));
      parts.push(encode(text.slice(cut)));
      expect(parts.values, `cut at ${cut}`).toBe(whole.values);
    }
    expect(whole.values).toBe(6);
  });

  it('stops at the first value past maxValues, at the item past maxArrayItems, and at the level past maxDepth', () => {
    expect(scanJson('[1, 2, 3]', { maxValues: 3 })).toMatchObject({ code: 'too_large', message: 'the document holds more than 3 values (LIMITS.maxDocumentValues is 3); stopped reading at byte 7' });
    expect(scanJson('[[1, 2], [3]]', { maxArrayItems: 2 })).toBeNull();
    expect(scanJson('[1, 2, 3]', { maxArrayItems: 2 })?.message).toBe('the document has an array of more than 2 items (LIMITS.maxArrayItems is 2); stopped reading at byte 7');
    expect(scanJson('[[[[0]]]]', { maxDepth: 3 })?.message).toBe('the document nests arrays and objects more than 3 deep (LIMITS.maxDocumentDepth is 3); stopped reading at byte 3');
  });

  it('refuses a byte that cannot appear outside a string (a NUL from /dev/zero)', () => {
    expect(scanJson(new Uint8Array(16))).toMatchObject({ code: 'invalid_type', message: 'the document is not JSON: byte 0x00 at byte 0 cannot appear outside a string' });
    expect(scanJson('"\u0000 inside a string is for JSON.parse to judge"')).toBeNull();
  });

  it('keeps its bounds below what JavaScript can build: one array of maxArrayItems numbers, one string of maxDocumentBytes', () => {
    // V8 holds at most (2^30 - 16) / 8 doubles in one array and 2^29 - 24 characters in one string
    expect(LIMITS.maxArrayItems).toBeLessThan((2 ** 30 - 16) / 8);
    expect(LIMITS.maxDocumentBytes).toBeLessThan(2 ** 29 - 24);
    expect(MAX_INPUT_BYTES).toBe(LIMITS.maxDocumentBytes);
    // a kernel problem at maxInputCells, and a dense 10,000 x 10,000 D, still fit
    expect(LIMITS.maxDocumentValues).toBeGreaterThan(LIMITS.maxInputCells);
    expect(LIMITS.maxArrayItems).toBeGreaterThan(LIMITS.maxRegions ** 2);
  });
});

describe('readJsonStream(stream, name, options)', () => {
  it('stops reading /dev/zero at its first byte', async () => {
    const error = await rejection(readJsonFile('/dev/zero'));
    expect(error.message).toBe('/dev/zero: the document is not JSON: byte 0x00 at byte 0 cannot appear outside a string');
  });

  it('stops reading a stream at maxBytes, having taken no more than the bound', async () => {
    const { stream, counter } = repeated('', ' '.repeat(1 << 16), 1_000_000);
    const error = await rejection(readJsonStream(stream, 'standard input', { maxBytes: 1 << 20 }));
    expect(error.issues[0]).toMatchObject({ code: 'too_large', message: 'standard input holds more than the 1048576 bytes allowed (LIMITS.maxDocumentBytes); stopped reading' });
    expect(counter.chunks).toBe(17);
  });

  it('stops at the default bounds: 20 million {} in a scenario is refused after 2^19 values, not parsed', async () => {
    // 60 MB as in the report; only what the scan needs is read
    const { stream, counter } = repeated('{"sources": [', '{},'.repeat(1 << 16), 305);
    const error = await rejection(readJsonStream(stream, 'big.json', { maxValues: LIMITS.maxScenarioValues }));
    expect(error.message).toMatch(/^big\.json: the document holds more than 524288 values \(LIMITS\.maxDocumentValues is 524288\); stopped reading at byte \d+$/);
    expect(counter.chunks).toBeLessThanOrEqual(9);
  });

  it('stops a kernel file of zeros at the items one array may hold, before JSON.parse', async () => {
    const { stream, counter } = repeated('{"population": [', '0,'.repeat(1 << 16), 1 << 20);
    const error = await rejection(readJsonStream(stream, 'zeros.json', { maxArrayItems: 1_000_000 }));
    expect(error.issues[0]).toMatchObject({ code: 'too_large', expected: 'at most 1000000' });
    expect(counter.chunks).toBe(16);
  });

  it('parses what fits: the same document read from chunks', async () => {
    const { stream } = repeated('', '{"a": [1, 2, {"b": "c"}]}', 1);
    expect(await readJsonStream(stream, 'x')).toEqual({ a: [1, 2, { b: 'c' }] });
  });
});

describe('chengzhen COMMAND with an oversized document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chengzhen-bounds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('chengzhen run SCENARIO with a million {} in sources: exit 2, one clear problem', async () => {
    const path = join(dir, 'sources.json');
    const scenario = JSON.stringify({ ...validScenario(), sources: [] });
    writeFileSync(path, scenario.replace('"sources":[]', `"sources":[${'{},'.repeat(1_000_000)}{}]`));
    const { code, stderr } = await cli(['run', path]);
    expect(code).toBe(2);
    expect(stderr.split(dir).join('<tmp>')).toMatch(
      /^chengzhen run: bad input \(1 problem\)\n {2}- <tmp>\/sources\.json: the document holds more than 524288 values \(LIMITS\.maxDocumentValues is 524288\); stopped reading at byte 157\d{4}\n$/,
    );
  });

  it('chengzhen kernel /dev/zero: exit 2 at the first byte', async () => {
    const { code, stderr } = await cli(['kernel', '/dev/zero']);
    expect(code).toBe(2);
    expect(stderr).toBe('chengzhen kernel: bad input (1 problem)\n  - /dev/zero: the document is not JSON: byte 0x00 at byte 0 cannot appear outside a string\n');
  });

  it('chengzhen kernel DOC nested 200,000 deep: exit 2 naming the depth', async () => {
    const path = join(dir, 'deep.json');
    writeFileSync(path, `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    const { code, stderr } = await cli(['kernel', path]);
    expect(code).toBe(2);
    expect(stderr).toContain(`the document nests arrays and objects more than ${LIMITS.maxDocumentDepth} deep`);
  });
});
