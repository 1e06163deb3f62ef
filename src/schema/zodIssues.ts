/**
 * Turns zod's issues into {@link ChengzhenIssue}s whose messages read as fragments that name
 * the field: `years must be an integer <= 500, received 1000`.
 */

import type { z } from 'zod';
import { describeValue, formatPath, type ChengzhenIssue } from '../errors.js';
import { LIMITS } from '../limits.js';

type ZodIssue = z.core.$ZodIssue;

function describeExpected(expected: string): string {
  const name = expected === 'int' ? 'integer' : expected;
  const article = /^[aeiou]/.test(name) ? 'an' : 'a';
  return name === 'nonoptional' ? 'present' : `${article} ${name}`;
}

/**
 * How far into its input an issue got: its path length, through the closest branch of a
 * union; a missing field counts as its parent, which the branch did not get into.
 */
function issueDepth(issue: ZodIssue): number {
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) return issue.path.length - 1;
  const branch = issue.code === 'invalid_union' ? closestBranch(issue.errors) : null;
  return issue.path.length + (branch === null ? 0 : branchDepth(branch));
}

function branchDepth(branch: readonly ZodIssue[]): number {
  let depth = 0;
  for (const issue of branch) depth = Math.max(depth, issueDepth(issue));
  return depth;
}

/**
 * The branch of a failed union that got furthest into the value (fewest issues on a tie), or
 * null when no branch got past the value's own type or two branches tie: then the union's own
 * message, listing the forms, says more.
 */
function closestBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | null {
  let best: readonly ZodIssue[] | null = null;
  let bestDepth = 0;
  let tie = false;
  for (const branch of branches) {
    if (branch.length === 0) continue;
    const depth = branchDepth(branch);
    if (best === null || depth > bestDepth || (depth === bestDepth && branch.length < best.length)) {
      best = branch;
      bestDepth = depth;
      tie = false;
    } else if (depth === bestDepth && branch.length === best.length) {
      tie = true;
    }
  }
  return best === null || tie || bestDepth === 0 ? null : best;
}

/** One zod issue as a chengzhen issue (unknown keys give one issue per key). */
export function fromZodIssue(issue: ZodIssue): ChengzhenIssue[] {
  if (issue.code === 'invalid_union') {
    // a union reports what its closest form found wrong, at the full path
    const branch = closestBranch(issue.errors);
    if (branch !== null) return branch.flatMap((inner) => fromZodIssue({ ...inner, path: [...issue.path, ...inner.path] } as ZodIssue));
    if ((issue as { input?: unknown }).input === undefined) {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      return [{ code: 'invalid_type', path, message: `${formatPath(path)} is required`, received: 'nothing' }];
    }
  }
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

/** The issues of a failed zod parse, up to {@link LIMITS.maxIssues} (500,000 unknown keys make 100). */
export function fromZodError(error: z.ZodError): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  for (const issue of error.issues) {
    const capped = issue.code === 'unrecognized_keys' ? { ...issue, keys: issue.keys.slice(0, LIMITS.maxIssues) } : issue;
    for (const found of fromZodIssue(capped)) {
      if (issues.length >= LIMITS.maxIssues) return issues;
      issues.push(found);
    }
  }
  return issues;
}
