/**
 * Sizes a JSON text before `JSON.parse` builds it: bytes are fed in chunks as they are read,
 * and the scan stops at the first bound exceeded (values, items of one array, nesting depth)
 * or at the first byte that cannot appear in JSON outside a string. It does not check the
 * grammar itself: `JSON.parse` does that afterwards, on a text whose size is then known to be
 * safe. Memory is constant (one counter per nesting level) and time is linear in the bytes.
 */

import type { ChengzhenIssue } from '../errors.js';
import { LIMITS } from '../limits.js';

/** Bounds of one scan; the defaults are those of {@link LIMITS}. */
export interface JsonScanLimits {
  /** Values (numbers, strings, booleans, nulls, arrays, objects; keys not counted), the document included. */
  maxValues?: number;
  /** Items of one array. */
  maxArrayItems?: number;
  /** Arrays and objects nested in one another. */
  maxDepth?: number;
}

/** A scan in progress: `push` each chunk in turn; each push returns the first problem or null. */
export interface JsonScanner {
  push(chunk: Uint8Array): ChengzhenIssue | null;
  /** Values counted so far. */
  readonly values: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Bytes that may appear outside strings: whitespace, and the characters of numbers and literals. */
const BLANK = new Uint8Array(256);
const TOKEN = new Uint8Array(256);
for (const c of ' \t\n\r') BLANK[c.charCodeAt(0)] = 1;
for (const c of '0123456789+-.eEtruefalsn') TOKEN[c.charCodeAt(0)] = 1;

function tooLarge(what: string, limit: number, name: string, offset: number): ChengzhenIssue {
  return {
    code: 'too_large',
    path: [],
    message: `the document ${what} (LIMITS.${name} is ${limit}); stopped reading at byte ${offset}`,
    expected: `at most ${limit}`,
    received: 'more',
  };
}

/**
 * Starts a scan of a JSON text given in chunks of UTF-8 bytes.
 *
 * @example
 * const scan = jsonScanner({ maxValues: 3 });
 * scan.push(new TextEncoder().encode('[1, 2, 3]'))?.code
 * // => 'too_large'
 */
export function jsonScanner(limits: JsonScanLimits = {}): JsonScanner {
  return new Scan(limits.maxValues ?? LIMITS.maxDocumentValues, limits.maxArrayItems ?? LIMITS.maxArrayItems, limits.maxDepth ?? LIMITS.maxDocumentDepth);
}

class Scan implements JsonScanner {
  values = 0;
  // per level: 1 for an array, 2 for an object; and the items of an array so far
  private readonly kind: Uint8Array;
  private readonly items: Float64Array;
  private depth = 0;
  private offset = 0;
  private inString = false;
  private escaped = false;
  private inToken = false;
  // in an object, the next string is a key (after '{' or ',')
  private expectKey = false;

  constructor(
    private readonly maxValues: number,
    private readonly maxItems: number,
    private readonly maxDepth: number,
  ) {
    this.kind = new Uint8Array(maxDepth + 1);
    this.items = new Float64Array(maxDepth + 1);
  }

  push(chunk: Uint8Array): ChengzhenIssue | null {
    // the state in locals for the loop, written back at the end (or at the problem)
    const { kind, items, maxValues, maxItems, maxDepth } = this;
    let { values, depth, inString, escaped, inToken, expectKey } = this;
    let problem: ChengzhenIssue | null = null;
    let i = 0;
    const n = chunk.length;
    for (; i < n; i++) {
      const byte = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
        continue;
      }
      let starts = false;
      if (TOKEN[byte] === 1) {
        if (inToken) continue;
        inToken = true;
        starts = true;
      } else {
        inToken = false;
        if (BLANK[byte] === 1) continue;
        if (byte === QUOTE) {
          inString = true;
          if (expectKey) expectKey = false;
          else starts = true;
        } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
          starts = true;
        } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
          if (depth > 0) depth--;
          expectKey = false;
        } else if (byte === COMMA) {
          expectKey = depth > 0 && kind[depth] === 2;
        } else if (byte === COLON) {
          expectKey = false;
        } else {
          const hex = `0x${byte.toString(16).padStart(2, '0')}`;
          problem = { code: 'invalid_type', path: [], message: `the document is not JSON: byte ${hex} at byte ${this.offset + i} cannot appear outside a string`, expected: 'JSON text', received: `byte ${hex}` };
          break;
        }
      }
      if (!starts) continue;
      // a value starts: count it, and count it as an item of the enclosing array
      if (++values > maxValues) {
        problem = tooLarge(`holds more than ${maxValues} values`, maxValues, 'maxDocumentValues', this.offset + i);
        break;
      }
      if (depth > 0 && kind[depth] === 1 && ++items[depth] > maxItems) {
        problem = tooLarge(`has an array of more than ${maxItems} items`, maxItems, 'maxArrayItems', this.offset + i);
        break;
      }
      if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
        if (depth === maxDepth) {
          problem = tooLarge(`nests arrays and objects more than ${maxDepth} deep`, maxDepth, 'maxDocumentDepth', this.offset + i);
          break;
        }
        depth++;
        kind[depth] = byte === OPEN_ARRAY ? 1 : 2;
        items[depth] = 0;
        expectKey = byte === OPEN_OBJECT;
      }
    }
    Object.assign(this, { values, depth, inString, escaped, inToken, expectKey });
    this.offset += i;
    return problem;
  }
}

/**
 * Scans a whole JSON text (a string or its UTF-8 bytes) at once.
 *
 * @example
 * scanJson('{"a": [1, 2], "b": "x"}', { maxValues: 10 })
 * // => null
 * scanJson('[[[[0]]]]', { maxDepth: 3 })?.message
 * // => 'the document nests arrays and objects more than 3 deep (LIMITS.maxDocumentDepth is 3); stopped reading at byte 3'
 */
export function scanJson(text: string | Uint8Array, limits: JsonScanLimits = {}): ChengzhenIssue | null {
  const scan = jsonScanner(limits);
  return scan.push(typeof text === 'string' ? new TextEncoder().encode(text) : text);
}
