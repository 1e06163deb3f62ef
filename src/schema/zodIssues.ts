/**
 * Turns zod's issues into {@link ChengzhenIssue}s whose messages read as fragments that name
 * the field: `years must be an integer <= 500, received 1000`.
 */

import type { z } from 'zod';
import { describeValue, formatPath, type ChengzhenIssue } from '../errors.js';

type ZodIssue = z.core.$ZodIssue;

function describeExpected(expected: string): string {
  const name = expected === 'int' ? 'integer' : expected;
  const article = /^[aeiou]/.test(name) ? 'an' : 'a';
  return name === 'nonoptional' ? 'present' : `${article} ${name}`;
}

/** One zod issue as a chengzhen issue (unknown keys give one issue per key). */
export function fromZodIssue(issue: ZodIssue): ChengzhenIssue[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const where = formatPath(path);
  const input = (issue as { input?: unknown }).input;
  const received = describeValue(input);
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) {
        return [{ code: 'invalid_type', path, message: `${where} is required`, expected: issue.expected, received: 'nothing' }];
      }
      const expected = describeExpected(issue.expected);
      return [{ code: 'invalid_type', path, message: `${where} must be ${expected}, received ${received}`, expected, received }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const inclusive = issue.inclusive !== false;
      const op = issue.code === 'too_small' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
      const what =
        issue.origin === 'array' ? `an array of ${op} ${String(bound)} items` : issue.origin === 'string' ? `a text of ${op} ${String(bound)} characters` : `${op} ${String(bound)}`;
      const got = issue.origin === 'array' && Array.isArray(input) ? `${input.length} items` : received;
      return [{ code: 'out_of_range', path, message: `${where} must be ${what}, received ${got}`, expected: what, received: got }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        code: 'unknown_key' as const,
        path: [...path, key],
        message: `${formatPath([...path, key])} is not a known field`,
        expected: 'no such field',
        received: key,
      }));
    case 'invalid_value': {
      const expected = issue.values.map((v) => JSON.stringify(v)).join(' or ');
      return [{ code: 'invalid_value', path, message: `${where} must be ${expected}, received ${received}`, expected, received }];
    }
    case 'not_multiple_of':
      return [{ code: 'out_of_range', path, message: `${where} must be a multiple of ${String(issue.divisor)}, received ${received}`, received }];
    case 'invalid_format':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default: {
      if (input === undefined && issue.code === 'custom') {
        return [{ code: 'invalid_type', path, message: `${where} is required`, received: 'nothing' }];
      }
      const text = issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
      const withInput = input === undefined || text.includes('received') ? text : `${text}, received ${received}`;
      return [{ code: issue.code === 'custom' ? 'invalid_value' : 'invalid_type', path, message: `${where} ${withInput}`, received }];
    }
  }
}

/** All issues of a failed zod parse. */
export function fromZodError(error: z.ZodError): ChengzhenIssue[] {
  return error.issues.flatMap(fromZodIssue);
}
