/**
 * The movers' matrices `D` and `E` in the kernel problem format: either a dense row-major
 * array of R*R shares, or a sparse list of links
 * `{ "sparse": { "from": [i...], "to": [j...], "share": [w...] } }` (region indices), so that
 * memory and time grow with the number of links rather than with R squared. Each row must
 * sum to 1 within 1e-9.
 */

import { formatPath } from '../errors.js';
import type { MoveMatrix } from '../kernel/types.js';
import { cellLabel, describeRange, IssueList, PROBABILITY, toCheckedArray, type ArrayContext } from './numericArrays.js';

/** How far a row of `D` or `E` may be from summing to 1. */
export const ROW_SUM_TOLERANCE = 1e-9;

function checkRowSum(context: ArrayContext, row: number, sum: number, issues: IssueList): void {
  if (Math.abs(sum - 1) <= ROW_SUM_TOLERANCE) return;
  const from = context.regionIds[row];
  const where = `${formatPath(context.path)}[${context.year === undefined ? '' : `year=${context.year}, `}from=${from}]`;
  issues.add({
    code: 'row_sum',
    path: [...context.path, row],
    coords: { from, ...(context.year === undefined ? {} : { year: context.year }) },
    message: `${where}: the row must sum to 1 (within ${ROW_SUM_TOLERANCE}), received ${sum}`,
    expected: `a row sum of 1 within ${ROW_SUM_TOLERANCE}`,
    received: String(sum),
  });
}

function parseDense(value: unknown, context: ArrayContext, issues: IssueList): MoveMatrix {
  const R = context.dims.regions;
  const before = issues.length;
  const values = toCheckedArray(value, R * R, PROBABILITY, context, issues);
  if (issues.length > before) return { kind: 'dense', values };
  for (let i = 0; i < R && !issues.full; i++) {
    let sum = 0;
    for (let j = 0; j < R; j++) sum += values[i * R + j];
    checkRowSum(context, i, sum, issues);
  }
  return { kind: 'dense', values };
}

function parseSparse(links: { from: unknown; to: unknown; share: unknown }, context: ArrayContext, issues: IssueList): MoveMatrix {
  const R = context.dims.regions;
  const path = [...context.path, 'sparse'];
  const count = Array.isArray(links.from) || links.from instanceof Float64Array ? (links.from as ArrayLike<unknown>).length : 0;
  const before = issues.length;
  const index = { min: 0, max: R - 1, name: 'a region index' };
  const from = toCheckedArray(links.from, count, index, { ...context, path: [...path, 'from'], shape: 'r', plainIndex: true }, issues);
  const to = toCheckedArray(links.to, count, index, { ...context, path: [...path, 'to'], shape: 'r', plainIndex: true, lengthNote: `as many as ${formatPath([...path, 'from'])}` }, issues);
  const share = toCheckedArray(links.share, count, PROBABILITY, { ...context, path: [...path, 'share'], shape: 'r', plainIndex: true, lengthNote: `as many as ${formatPath([...path, 'from'])}` }, issues);
  const empty = { kind: 'sparse' as const, rowStart: new Int32Array(R + 1), to: new Int32Array(0), share: new Float64Array(0) };
  if (issues.length > before) return empty;
  for (let e = 0; e < count; e++) {
    for (const [name, list] of [['from', from], ['to', to]] as const) {
      if (!Number.isInteger(list[e])) {
        issues.add({
          code: 'invalid_type',
          path: [...path, name, e],
          message: `${formatPath([...path, name, e])} must be ${describeRange(index)} (a whole number), received ${list[e]}`,
          expected: `${describeRange(index)} (a whole number)`,
          received: String(list[e]),
        });
      }
    }
  }
  if (issues.length > before) return empty;

  // compressed rows, columns ascending within a row; the links may come in any order
  const order = Array.from({ length: count }, (_, e) => e).sort((x, y) => from[x] - from[y] || to[x] - to[y]);
  const rowStart = new Int32Array(R + 1);
  const toSorted = new Int32Array(count);
  const shareSorted = new Float64Array(count);
  for (let e = 0; e < count; e++) rowStart[from[e] + 1]++;
  for (let i = 0; i < R; i++) rowStart[i + 1] += rowStart[i];
  order.forEach((e, slot) => {
    toSorted[slot] = to[e];
    shareSorted[slot] = share[e];
    if (slot > 0 && from[order[slot - 1]] === from[e] && to[order[slot - 1]] === to[e]) {
      const { coords, label } = cellLabel({ ...context, shape: 'rr' }, from[e] * R + to[e]);
      issues.add({ code: 'duplicate', path: [...path, 'from', e], coords, message: `${label} is listed more than once`, received: 'a repeated link' });
    }
  });
  for (let i = 0; i < R && !issues.full; i++) {
    let sum = 0;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) sum += shareSorted[e];
    checkRowSum(context, i, sum, issues);
  }
  return { kind: 'sparse', rowStart, to: toSorted, share: shareSorted };
}

/** Parses one year's `D` or `E`, dense or sparse. */
export function parseMoveMatrix(value: unknown, context: ArrayContext, issues: IssueList): MoveMatrix {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Float64Array)) {
    const keys = Object.keys(value);
    const sparse = (value as { sparse?: unknown }).sparse;
    const linkKeys = typeof sparse === 'object' && sparse !== null ? Object.keys(sparse) : [];
    const wellFormed =
      keys.length === 1 && keys[0] === 'sparse' && linkKeys.length === 3 && ['from', 'to', 'share'].every((k) => linkKeys.includes(k));
    if (wellFormed) return parseSparse(sparse as { from: unknown; to: unknown; share: unknown }, context, issues);
    issues.add({
      code: 'invalid_type',
      path: context.path,
      message: `${formatPath(context.path)} must be an array of ${context.dims.regions ** 2} shares or { sparse: { from, to, share } }, received an object with keys ${JSON.stringify(keys)}${linkKeys.length > 0 ? ` (sparse: ${JSON.stringify(linkKeys)})` : ''}`,
      expected: 'a dense or sparse matrix',
      received: `an object with keys ${keys.join(', ')}`,
    });
    return { kind: 'identity' };
  }
  return parseDense(value, context, issues);
}
