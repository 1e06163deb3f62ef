/**
 * The movers' matrices `D` and `E` in the kernel problem format: either a dense row-major
 * array of R*R shares, a sparse list of links
 * `{ "sparse": { "from": [i...], "to": [j...], "share": [w...] } }` (region indices), so that
 * memory and time grow with the number of links rather than with R squared, or pools
 * `{ "pooled": { "levels": [{ "group", "share", "weight" }, ...] } }` (model.md section 7),
 * which hold O(R) numbers per level. Each row must sum to 1 within 1e-9; for pools this is
 * checked as its two parts (shares of a region over the levels, weights within a group).
 */

import { formatPath } from '../errors.js';
import type { MoveMatrix, PooledLevel } from '../kernel/types.js';
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

const LEVEL_KEYS = ['group', 'share', 'weight'] as const;

/** `inputs.D` or `inputs.D[year=2024]`: the start of a message about a whole matrix. */
function matrixName(context: ArrayContext): string {
  return context.year === undefined ? formatPath(context.path) : `${formatPath(context.path)}[year=${context.year}]`;
}

function parsePooled(pooled: unknown, context: ArrayContext, issues: IssueList): MoveMatrix {
  const R = context.dims.regions;
  const path = [...context.path, 'pooled'];
  const placeholder: MoveMatrix = { kind: 'identity' };
  const pooledKeys = typeof pooled === 'object' && pooled !== null && !Array.isArray(pooled) ? Object.keys(pooled) : [];
  const levelsValue = (pooled as { levels?: unknown } | null)?.levels;
  if (pooledKeys.length !== 1 || pooledKeys[0] !== 'levels' || !Array.isArray(levelsValue) || levelsValue.length === 0) {
    issues.add({
      code: 'invalid_type',
      path,
      message: `${formatPath(path)} must be { levels: [{ group, share, weight }, ...] } with at least one level, received ${pooledKeys.length === 0 ? 'no levels' : `keys ${JSON.stringify(pooledKeys)}${Array.isArray(levelsValue) ? ` and ${levelsValue.length} levels` : ''}`}`,
      expected: '{ levels: [{ group, share, weight }, ...] }',
      received: `keys ${pooledKeys.join(', ')}`,
    });
    return placeholder;
  }
  const before = issues.length;
  const groupRange = { min: 0, max: R - 1, name: 'a group number' };
  const levels: PooledLevel[] = levelsValue.map((level: unknown, l) => {
    const levelPath = [...path, 'levels', l];
    const keys = typeof level === 'object' && level !== null && !Array.isArray(level) ? Object.keys(level) : [];
    if (keys.length !== 3 || !LEVEL_KEYS.every((k) => keys.includes(k))) {
      issues.add({
        code: 'invalid_type',
        path: levelPath,
        message: `${formatPath(levelPath)} must be { group, share, weight }, each an array of ${R} numbers by region, received keys ${JSON.stringify(keys)}`,
        expected: '{ group, share, weight }',
        received: `keys ${keys.join(', ')}`,
      });
      return { group: new Int32Array(0), share: new Float64Array(0), weight: new Float64Array(0), groups: 0 };
    }
    const fields = level as Record<(typeof LEVEL_KEYS)[number], unknown>;
    const at = (name: string): ArrayContext => ({ ...context, path: [...levelPath, name], shape: 'r' });
    const groupValues = toCheckedArray(fields.group, R, groupRange, at('group'), issues);
    const share = toCheckedArray(fields.share, R, PROBABILITY, at('share'), issues);
    const weight = toCheckedArray(fields.weight, R, PROBABILITY, at('weight'), issues);
    const group = new Int32Array(groupValues.length);
    let groups = 0;
    for (let r = 0; r < groupValues.length; r++) {
      const g = groupValues[r];
      if (!Number.isInteger(g)) {
        const { coords, label } = cellLabel(at('group'), r);
        issues.add({
          code: 'invalid_type',
          path: [...levelPath, 'group', r],
          coords,
          message: `${label} must be ${describeRange(groupRange)} (a whole number), received ${g}`,
          expected: `${describeRange(groupRange)} (a whole number)`,
          received: String(g),
        });
        continue;
      }
      group[r] = g;
      if (g + 1 > groups) groups = g + 1;
    }
    return { group, share, weight, groups };
  });
  if (issues.length > before) return placeholder;

  // the row sums of the dense equivalent are sum_l share_l[i] * (sum of weights of i's group at l):
  // 1 when each region's shares sum to 1 and each sending group's weights sum to 1
  for (let i = 0; i < R && !issues.full; i++) {
    let sum = 0;
    for (const level of levels) sum += level.share[i];
    if (Math.abs(sum - 1) <= ROW_SUM_TOLERANCE) continue;
    const { coords } = cellLabel({ ...context, shape: 'r' }, i);
    const label = `${formatPath(path)}.levels[*].share[${context.year === undefined ? '' : `year=${context.year}, `}region=${coords.region}]`;
    issues.add({
      code: 'row_sum',
      path: [...path, 'levels', 0, 'share', i],
      coords,
      message: `${label} (region index ${i}): the shares of a region over the ${levels.length} levels must sum to 1 (within ${ROW_SUM_TOLERANCE}), received ${sum}`,
      expected: `a sum of 1 within ${ROW_SUM_TOLERANCE}`,
      received: String(sum),
    });
  }
  levels.forEach((level, l) => {
    const sums = new Float64Array(level.groups);
    const sends = new Uint8Array(level.groups);
    const first = new Int32Array(level.groups).fill(-1);
    const members = new Int32Array(level.groups);
    for (let r = 0; r < R; r++) {
      const g = level.group[r];
      sums[g] += level.weight[r];
      if (level.share[r] > 0) sends[g] = 1;
      if (first[g] < 0) first[g] = r;
      members[g]++;
    }
    for (let g = 0; g < level.groups && !issues.full; g++) {
      if (sends[g] === 0 || Math.abs(sums[g] - 1) <= ROW_SUM_TOLERANCE) continue;
      const weightPath = [...path, 'levels', l, 'weight'];
      const region = context.regionIds[first[g]];
      issues.add({
        code: 'row_sum',
        path: [...weightPath, first[g]],
        coords: { region, ...(context.year === undefined ? {} : { year: context.year }) },
        message: `${formatPath(weightPath)}[${context.year === undefined ? '' : `year=${context.year}, `}group=${g}]: the weights of the ${members[g]} regions of group ${g} (the first region=${region}, region index ${first[g]}) must sum to 1 (within ${ROW_SUM_TOLERANCE}) because the group sends movers, received ${sums[g]}`,
        expected: `a sum of 1 within ${ROW_SUM_TOLERANCE}`,
        received: String(sums[g]),
      });
    }
  });
  if (issues.length > before) return placeholder;
  return { kind: 'pooled', levels };
}

/** Parses one year's `D` or `E`: dense, sparse or pooled. */
export function parseMoveMatrix(value: unknown, context: ArrayContext, issues: IssueList): MoveMatrix {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Float64Array)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'pooled') return parsePooled((value as { pooled: unknown }).pooled, context, issues);
    const sparse = (value as { sparse?: unknown }).sparse;
    const linkKeys = typeof sparse === 'object' && sparse !== null ? Object.keys(sparse) : [];
    const wellFormed =
      keys.length === 1 && keys[0] === 'sparse' && linkKeys.length === 3 && ['from', 'to', 'share'].every((k) => linkKeys.includes(k));
    if (wellFormed) return parseSparse(sparse as { from: unknown; to: unknown; share: unknown }, context, issues);
    issues.add({
      code: 'invalid_type',
      path: context.path,
      message: `${matrixName(context)} must be an array of ${context.dims.regions ** 2} shares, { sparse: { from, to, share } } or { pooled: { levels } }, received an object with keys ${JSON.stringify(keys)}${linkKeys.length > 0 ? ` (sparse: ${JSON.stringify(linkKeys)})` : ''}`,
      expected: 'a dense, sparse or pooled matrix',
      received: `an object with keys ${keys.join(', ')}`,
    });
    return { kind: 'identity' };
  }
  return parseDense(value, context, issues);
}
