/**
 * Input checks shared by the demography helpers. Each check appends structured issues naming
 * the field, the index, the allowed range and the value received; {@link throwIfIssues} throws
 * them all at once as a {@link ChengzhenError}. Nothing is clamped or skipped.
 */

import { ChengzhenError, describeValue, formatPath, type ChengzhenIssue } from '../../errors.js';

/** An allowed closed interval, or a half-open one with `exclusiveMin`. */
export interface NumberRange {
  min: number;
  max: number;
  exclusiveMin?: boolean;
}

export const NON_NEGATIVE_RANGE: NumberRange = { min: 0, max: Infinity };
export const POSITIVE_RANGE: NumberRange = { min: 0, max: Infinity, exclusiveMin: true };
export const PROBABILITY_RANGE: NumberRange = { min: 0, max: 1 };
export const FINITE_RANGE: NumberRange = { min: -Infinity, max: Infinity };

/** Text of a range: `[0, 1]`, `>= 0`, `> 0`, `a finite number`. */
export function describeNumberRange(range: NumberRange): string {
  if (range.min === -Infinity && range.max === Infinity) return 'a finite number';
  if (range.max === Infinity) return range.exclusiveMin ? `> ${range.min}` : `>= ${range.min}`;
  return `in ${range.exclusiveMin ? '(' : '['}${range.min}, ${range.max}]`;
}

function inRange(value: number, range: NumberRange): boolean {
  if (!Number.isFinite(value)) return false;
  if (range.exclusiveMin ? value <= range.min : value < range.min) return false;
  return value <= range.max;
}

/**
 * Checks one number; appends an issue when it is not finite or out of range. `label` names the
 * value in the message after its path: `mx[100] (the open age group) must be ...`.
 */
export function checkNumber(issues: ChengzhenIssue[], path: (string | number)[], value: unknown, range: NumberRange, label?: string): void {
  if (typeof value === 'number' && inRange(value, range)) return;
  const expected = describeNumberRange(range);
  const finite = typeof value === 'number' && Number.isFinite(value);
  issues.push({
    code: typeof value !== 'number' ? 'invalid_type' : finite ? 'out_of_range' : 'not_finite',
    path,
    message: `${formatPath(path)}${label ? ` (${label})` : ''} must be ${expected === 'a finite number' ? expected : `a number ${expected}`}, received ${describeValue(value)}`,
    expected,
    received: describeValue(value),
  });
}

/**
 * Checks an array of numbers: its length (when `length` is given) and every value. Stops after
 * 20 bad values so that a wholly wrong array gives a readable error.
 */
export function checkNumbers(
  issues: ChengzhenIssue[],
  path: (string | number)[],
  values: ArrayLike<number> | undefined,
  range: NumberRange,
  length?: number,
): void {
  if (values === undefined || values === null || typeof values.length !== 'number') {
    issues.push({ code: 'invalid_type', path, message: `${formatPath(path)} must be an array of numbers, received ${describeValue(values)}`, expected: 'an array of numbers', received: describeValue(values) });
    return;
  }
  if (length !== undefined && values.length !== length) {
    issues.push({
      code: 'wrong_length',
      path,
      message: `${formatPath(path)} must hold ${length} numbers, received ${values.length}`,
      expected: `an array of ${length} numbers`,
      received: `an array of ${values.length}`,
    });
    return;
  }
  let bad = 0;
  for (let i = 0; i < values.length && bad < 20; i++) {
    const v = values[i];
    if (typeof v === 'number' && inRange(v, range)) continue;
    checkNumber(issues, [...path, i], v, range);
    bad++;
  }
}

/** Checks that `ages` are whole numbers rising strictly from a first age >= 0. */
export function checkAgeStarts(issues: ChengzhenIssue[], path: (string | number)[], ages: ArrayLike<number>, minGroups: number): void {
  if (ages.length < minGroups) {
    issues.push({
      code: 'wrong_length',
      path,
      message: `${formatPath(path)} must hold at least ${minGroups} ages, received ${ages.length}`,
      expected: `at least ${minGroups} ages`,
      received: `an array of ${ages.length}`,
    });
    return;
  }
  for (let i = 0; i < ages.length; i++) {
    const a = ages[i];
    const previous = i === 0 ? -1 : ages[i - 1];
    if (Number.isInteger(a) && a > previous && a >= 0) continue;
    issues.push({
      code: 'invalid_value',
      path: [...path, i],
      message: `${formatPath([...path, i])} must be a whole age above ${previous}, received ${describeValue(a)}`,
      expected: `a whole number > ${previous}`,
      received: describeValue(a),
    });
    return;
  }
}

/** Throws the collected issues, if any, as one {@link ChengzhenError}. */
export function throwIfIssues(issues: ChengzhenIssue[]): void {
  if (issues.length > 0) throw new ChengzhenError(issues);
}
