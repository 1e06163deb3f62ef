/**
 * The one error class of chengzhen. Validation collects every problem it finds as a
 * structured {@link ChengzhenIssue} and throws once; solvers that fail to converge throw it
 * too, with the bracket and iteration count in `expected` and `received`.
 *
 * This file is a leaf: every layer (kernel included) may import it, and it imports only
 * limits.ts, the other leaf.
 */

import { LIMITS } from './limits.js';

/** Machine-readable kind of an issue. */
export type ChengzhenIssueCode =
  | 'invalid_type'
  | 'invalid_value'
  | 'out_of_range'
  | 'not_finite'
  | 'wrong_length'
  | 'row_sum'
  | 'constraint'
  | 'unknown_key'
  | 'duplicate'
  | 'too_large'
  | 'negative_population'
  | 'formula'
  | 'not_converged'
  | 'unreachable'
  | 'io';

/** A flat array index decoded into the dimensions of model.md section 1. */
export interface IssueCoords {
  year?: number;
  region?: string;
  status?: string;
  sex?: string;
  age?: number;
  /** Row and column of a region-by-region matrix (`D`, `E`), as region ids. */
  from?: string;
  to?: string;
}

/** One problem found in an input, or one reason a computation failed. */
export interface ChengzhenIssue {
  code: ChengzhenIssueCode;
  /** Where the problem is, from the document root: `['inputs', 'm', 17]`. */
  path: (string | number)[];
  /** A lower-case fragment that reads on its own: `inputs.m[region=Shandong, sex=female, age=17] must be in [0, 1], received 1.02`. */
  message: string;
  coords?: IssueCoords;
  /** The allowed range or form, as text: `[0, 1]`, `an array of 606 numbers`. */
  expected?: string;
  /** The value found, as text. */
  received?: string;
}

/**
 * Thrown for bad input and failed computations. `issues` lists every problem found, up to
 * {@link LIMITS.maxIssues}; the message is the first few of them, one per line. Terminal
 * control characters in messages (which a key or region id may carry, to clear a screen or
 * fake output) are escaped here, once for every message: see {@link escapeControl}.
 *
 * @example
 * const error = (() => { try { parseKernelProblem({}); } catch (e) { return e; } })();
 * error instanceof ChengzhenError ? error.issues[0].path : null
 * // => ['format']
 */
export class ChengzhenError extends Error {
  override readonly name = 'ChengzhenError';
  readonly issues: ChengzhenIssue[];

  constructor(issues: ChengzhenIssue[], summary?: string) {
    const kept = issues.slice(0, LIMITS.maxIssues).map(escapeIssue);
    super(summary === undefined ? formatIssues(kept) : summary.split('\n').map(escapeControl).join('\n'));
    this.issues = kept;
  }
}

/**
 * C0 and C1 control characters (escape sequences, carriage return, backspace, newline ...)
 * and the bidirectional overrides that reorder text on a terminal.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Writes every control character of `text` as a visible `\u001b`-style escape, so that a
 * message cannot move the cursor, clear a terminal or start a line of its own.
 *
 * @example
 * escapeControl('base.\u001b[2Jx')
 * // => 'base.\\u001b[2Jx'
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeIssue(issue: ChengzhenIssue): ChengzhenIssue {
  const clean: ChengzhenIssue = { ...issue, message: escapeControl(String(issue.message)) };
  if (issue.received !== undefined) clean.received = escapeControl(String(issue.received));
  if (issue.expected !== undefined) clean.expected = escapeControl(String(issue.expected));
  return clean;
}

/** How many issues {@link formatIssues} lists before it says how many more there are. */
const LISTED_ISSUES = 20;

/**
 * Formats issues one per line, at most 20, then `... and N more issues`.
 *
 * @example
 * formatIssues([{ code: 'out_of_range', path: ['srb', 0], message: 'srb[0] must be > 0, received -1' }])
 * // => 'srb[0] must be > 0, received -1'
 */
export function formatIssues(issues: readonly ChengzhenIssue[]): string {
  const lines = issues.slice(0, LISTED_ISSUES).map((issue) => escapeControl(issue.message));
  if (issues.length > LISTED_ISSUES) lines.push(`... and ${issues.length - LISTED_ISSUES} more issues`);
  return lines.join('\n');
}

/**
 * Writes a path as it would be written in code: `inputs.m[17]`, `regions[2].id`.
 *
 * @example
 * formatPath(['inputs', 'D', 3])
 * // => 'inputs.D[3]'
 */
export function formatPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? part : `.${part}`;
  }
  return text === '' ? '(root)' : text;
}

/** Shows a received value briefly and safely (no huge dumps, no prototype tricks). */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a typed array of ${(value as Float64Array).length}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}
