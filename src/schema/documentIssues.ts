/**
 * A first look at a document before its schema checks it: it counts the values it holds and
 * finds keys named `__proto__`. Schema validation reports one issue per bad element, so a
 * million bad elements would cost a million issues; counting first keeps a hostile document
 * to one issue. `JSON.parse` makes `{"__proto__": ...}` an own key, which records would drop
 * without a word. The walk uses its own stack, so a document nested 100,000 deep is fine.
 */

import { formatPath, type ChengzhenIssue } from '../errors.js';

/** One value on the walk, with the way back to the root (paths are built only for issues). */
interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let v: Visit | null = visit; v !== null && v.key !== null; v = v.parent) path.push(v.key);
  return path.reverse();
}

/**
 * The issues of a document's size and keys: `too_large` when it holds more than `maxValues`
 * values (numbers, strings, booleans, nulls, arrays and objects, the document itself
 * included), named at the largest array or object seen by then; `unknown_key`
 * for every own key `__proto__`. An empty list when neither is found.
 *
 * @example
 * documentIssues(JSON.parse('{"base": {"__proto__": {}}}'), 100)[0].message
 * // => 'base.__proto__ is not allowed: no field or region id is named __proto__'
 */
export function documentIssues(document: unknown, maxValues: number): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  const stack: Visit[] = [{ value: document, key: null, parent: null }];
  let count = 1;
  let largest = { visit: stack[0], size: 0, isArray: false };
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const value = visit.value;
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) continue;
    const isArray = Array.isArray(value);
    const keys = isArray ? null : Object.keys(value);
    const size = isArray ? value.length : keys!.length;
    count += size;
    if (size > largest.size) largest = { visit, size, isArray };
    if (count > maxValues) {
      // named at the largest array or object seen, which is what made the document too large
      const path = pathOf(largest.visit);
      const held = `${largest.size} ${largest.isArray ? 'items' : 'keys'}`;
      issues.push({
        code: 'too_large',
        path,
        message: `${formatPath(path)} holds ${held}, and the document more than the ${maxValues} values it may hold`,
        expected: `at most ${maxValues} values in the document`,
        received: held,
      });
      return issues;
    }
    if (isArray) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) stack.push({ value: item, key: i, parent: visit });
      }
      continue;
    }
    for (let i = keys!.length - 1; i >= 0; i--) {
      const key = keys![i];
      if (key === '__proto__') {
        const path = [...pathOf(visit), key];
        issues.push({
          code: 'unknown_key',
          path,
          message: `${formatPath(path)} is not allowed: no field or region id is named __proto__`,
          expected: 'no such key',
          received: key,
        });
        continue;
      }
      const item: unknown = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) stack.push({ value: item, key, parent: visit });
    }
  }
  return issues;
}
