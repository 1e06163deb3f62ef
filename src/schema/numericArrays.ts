/**
 * Fast checks of the large numeric arrays of a kernel problem. zod checks the document's
 * structure; these loops check lengths, finiteness and ranges of up to millions of numbers
 * without an object per element, and report each problem with its decoded coordinates.
 */

import { describeValue, formatPath, type ChengzhenIssue, type IssueCoords } from '../errors.js';
import { decodeIndex, SEXES, SHAPE_AXES, STATUSES, type InputShape, type KernelDims } from '../kernel/layout.js';
import { LIMITS } from '../limits.js';

/** An allowed interval; `exclusiveMin` makes the lower bound strict. */
export interface Range {
  min: number;
  max: number;
  exclusiveMin?: boolean;
  /** What the value is, when more than a number: `a region index`. */
  name?: string;
  /**
   * The largest magnitude allowed besides the range (persons in a cell: far above any real
   * figure), reported on its own: `must be <= 1000000000000`.
   */
  maxMagnitude?: number;
}

export const PROBABILITY: Range = { min: 0, max: 1 };
export const NON_NEGATIVE: Range = { min: 0, max: Infinity };
export const POSITIVE: Range = { min: 0, max: Infinity, exclusiveMin: true };
export const ANY_FINITE: Range = { min: -Infinity, max: Infinity };
/** Persons in one cell: >= 0, and {@link LIMITS.maxCellPersons} at most. */
export const PERSONS: Range = { ...NON_NEGATIVE, maxMagnitude: LIMITS.maxCellPersons };
/** Births per woman of one age in one year: >= 0, {@link LIMITS.maxBirthsPerWoman} at most. */
export const BIRTHS_PER_WOMAN: Range = { ...NON_NEGATIVE, maxMagnitude: LIMITS.maxBirthsPerWoman };
/** Males per female at birth: > 0, {@link LIMITS.maxSexRatioAtBirth} at most. */
export const SEX_RATIO: Range = { ...POSITIVE, maxMagnitude: LIMITS.maxSexRatioAtBirth };
/** Net migrants of one cell in one year: {@link LIMITS.maxCellPersons} at most either way. */
export const NET_PERSONS: Range = { ...ANY_FINITE, maxMagnitude: LIMITS.maxCellPersons };

/** Text of a range: `[0, 1]`, `>= 0`, `> 0`, `a finite number`. */
export function describeRange(range: Range): string {
  if (range.name) return `${range.name} in [${range.min}, ${range.max}]`;
  if (range.min === -Infinity && range.max === Infinity) return 'a finite number';
  if (range.max === Infinity) return range.exclusiveMin ? `> ${range.min}` : `>= ${range.min}`;
  return `in ${range.exclusiveMin ? '(' : '['}${range.min}, ${range.max}]`;
}

/** Where an array sits in the document and how to name its cells. */
export interface ArrayContext {
  path: (string | number)[];
  shape: InputShape;
  dims: KernelDims;
  regionIds: readonly string[];
  /** The calendar year of a per-year array (its step's start year). */
  year?: number;
  /** Name cells by their plain index (a list of links), not by decoded coordinates. */
  plainIndex?: boolean;
  /** Says what the length must match, in place of the shape (`as many as inputs.D.sparse.from`). */
  lengthNote?: string;
}

/** Collects issues up to {@link LIMITS.maxIssues}. */
export class IssueList {
  readonly issues: ChengzhenIssue[] = [];
  add(issue: ChengzhenIssue): void {
    if (this.issues.length < LIMITS.maxIssues) this.issues.push(issue);
  }
  get full(): boolean {
    return this.issues.length >= LIMITS.maxIssues;
  }
  get length(): number {
    return this.issues.length;
  }
}

/** Names the cell `index` of an array: coordinates and the bracketed label of its message. */
export function cellLabel(context: ArrayContext, index: number): { coords: IssueCoords; label: string } {
  if (context.plainIndex) return { coords: context.year === undefined ? {} : { year: context.year }, label: `${formatPath(context.path)}[${index}]` };
  const d = decodeIndex(context.shape, context.dims, index);
  const coords: IssueCoords = {};
  const parts: string[] = [];
  if (context.year !== undefined) {
    coords.year = context.year;
    parts.push(`year=${context.year}`);
  }
  if (d.from !== undefined) {
    coords.from = context.regionIds[d.from];
    parts.push(`from=${coords.from}`);
  }
  if (d.to !== undefined) {
    coords.to = context.regionIds[d.to];
    parts.push(`to=${coords.to}`);
  }
  if (d.region !== undefined) {
    coords.region = context.regionIds[d.region];
    parts.push(`region=${coords.region}`);
  }
  if (d.status !== undefined) {
    coords.status = STATUSES[d.status];
    parts.push(`status=${coords.status}`);
  }
  if (d.sex !== undefined) {
    coords.sex = SEXES[d.sex];
    parts.push(`sex=${coords.sex}`);
  }
  if (d.age !== undefined) {
    coords.age = d.age;
    parts.push(`age=${d.age}`);
  }
  return { coords, label: `${formatPath(context.path)}[${parts.join(', ')}]` };
}

function inRange(v: number, range: Range): boolean {
  return (range.exclusiveMin ? v > range.min : v >= range.min) && v <= range.max;
}

function withinMagnitude(v: number, range: Range): boolean {
  return range.maxMagnitude === undefined || Math.abs(v) <= range.maxMagnitude;
}

/**
 * Checks that `value` is an array of `length` finite numbers within `range` and copies it into
 * a new `Float64Array`. Problems are added to `issues`; the returned array is only meaningful
 * when none were added.
 */
export function toCheckedArray(
  value: unknown,
  length: number,
  range: Range,
  context: ArrayContext,
  issues: IssueList,
): Float64Array {
  const where = formatPath(context.path);
  const isTyped = value instanceof Float64Array;
  if (!Array.isArray(value) && !isTyped) {
    issues.add({
      code: 'invalid_type',
      path: context.path,
      message: `${where} must be an array of ${length} numbers, received ${describeValue(value)}`,
      expected: `an array of ${length} numbers`,
      received: describeValue(value),
    });
    return new Float64Array(0);
  }
  const list = value as ArrayLike<unknown>;
  if (list.length !== length) {
    issues.add({
      code: 'wrong_length',
      path: context.path,
      message: `${where} must have ${length} numbers (${context.lengthNote ?? shapeText(context)}), received ${list.length}`,
      expected: `${length} numbers`,
      received: String(list.length),
    });
    return new Float64Array(0);
  }
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = list[i];
    if (typeof v === 'number' && Number.isFinite(v) && inRange(v, range) && withinMagnitude(v, range)) {
      out[i] = v + 0; // -0 becomes 0, as JSON would write it
      continue;
    }
    if (issues.full) break;
    const { coords, label } = cellLabel(context, i);
    const finite = typeof v === 'number' && Number.isFinite(v);
    const anyFinite = range.min === -Infinity && range.max === Infinity;
    const expected = finite && inRange(v, range) ? `${v < 0 ? '>= -' : '<= '}${range.maxMagnitude}` : describeRange(range);
    issues.add({
      code: finite ? 'out_of_range' : typeof v === 'number' ? 'not_finite' : 'invalid_type',
      path: [...context.path, i],
      coords,
      message: `${label} must be ${finite || anyFinite ? expected : `a finite number ${expected}`}, received ${describeValue(v)}`,
      expected,
      received: describeValue(v),
    });
  }
  return out;
}

function shapeText(context: ArrayContext): string {
  const { regions, maxAge } = context.dims;
  const sizes: Record<string, string> = {
    region: `${regions} regions`,
    status: '3 statuses',
    sex: '2 sexes',
    age: `${maxAge + 1} ages`,
    from: `${regions} origins`,
    to: `${regions} destinations`,
  };
  return SHAPE_AXES[context.shape].map((axis) => sizes[axis]).join(' x ');
}
