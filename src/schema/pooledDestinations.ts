/**
 * Pooled destinations in the scenario language (model.md section 7, docs/pooled-moves.md): where
 * each region's movers go when there are thousands of regions, in O(regions) numbers. A level
 * names how regions are grouped (`prefecture` and `province` by the regions' fields of those
 * names, `all` for one nation-wide pool), each region's share of its movers sent to its group's
 * pool at that level, and each region's weight in its group's pool:
 *
 * ```json
 * { "pooled": { "levels": [
 *   { "group": "prefecture", "share": 0.6, "weight": { "byRegion": { "a": 0.7, "b": 0.3 } } },
 *   { "group": "all", "share": 0.4, "weight": { "byRegion": { "a": 0.5, "b": 0.5 } } }
 * ] } }
 * ```
 *
 * The compiler turns it into the kernel's pooled matrix, whose dense equivalent is
 * `D[i][j] = sum_l share_l[i] * weight_l[j] * (group_l[i] == group_l[j])`.
 */

import { z } from 'zod';
import { formatPath, type ChengzhenIssue } from '../errors.js';
import type { PooledMoveMatrix } from '../kernel/types.js';
import { forRegion, regionValue, type PerRegion } from './regionValues.js';

const share = z.number().min(0).max(1);
const perRegionShare = z.union([share, z.strictObject({ byRegion: z.record(z.string(), share), default: share.optional() })], {
  error: 'must be a number in [0, 1] for every region, or { byRegion: { <region id>: number }, default: number }',
});

/**
 * Grouping keys of a pooled level: the region's `prefecture` or `province` field, or one group of all regions.
 *
 * @example
 * POOLED_GROUPINGS
 * // => ['prefecture', 'province', 'all']
 */
export const POOLED_GROUPINGS = Object.freeze(['prefecture', 'province', 'all'] as const);

/**
 * Pooled destinations: `{ pooled: { levels: [{ group, share, weight }, ...] } }`.
 *
 * @example
 * PooledDestinationsSchema.safeParse({ pooled: { levels: [{ group: 'all', share: 1, weight: 0.5 }] } }).success
 * // => true
 */
export const PooledDestinationsSchema = z.strictObject({
  pooled: z.strictObject({
    levels: z
      .array(
        z.strictObject({
          group: z.enum(POOLED_GROUPINGS).describe('How regions are grouped at this level: by their prefecture or province field, or all in one group'),
          share: perRegionShare.describe("Share of a region's movers sent to its group's pool at this level; a region's shares over the levels sum to 1"),
          weight: perRegionShare.describe("A region's weight in its group's pool; the weights of a group that sends movers sum to 1"),
        }),
      )
      .min(1)
      .max(8),
  }),
});
/** Pooled destinations as parsed. */
export type PooledDestinations = z.infer<typeof PooledDestinationsSchema>;

/** True when `value` is the pooled form of destinations. */
export function isPooledDestinations(value: unknown): value is PooledDestinations {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'pooled');
}

interface PooledRegion {
  id: string;
  prefecture?: string;
  province?: string;
}

/**
 * The kernel's pooled matrix for `spec` over `regions` (in their order), and every problem: a
 * region without the field its level groups by, a region whose shares do not sum to 1 (within
 * 1e-9), a group that sends movers whose weights do not sum to 1 (within 1e-9), a region with no
 * value and no default. Groups are numbered in order of first appearance.
 *
 * @example
 * const { matrix } = pooledMatrixFrom({ pooled: { levels: [{ group: 'all', share: 1, weight: { byRegion: { a: 0.25, b: 0.75 } } }] } }, [{ id: 'a' }, { id: 'b' }], ['migration', 'destinations']);
 * Array.from(matrix.levels[0].weight)
 * // => [0.25, 0.75]
 */
export function pooledMatrixFrom(
  spec: PooledDestinations,
  regions: readonly PooledRegion[],
  path: (string | number)[],
): { matrix: PooledMoveMatrix; issues: ChengzhenIssue[] } {
  const issues: ChengzhenIssue[] = [];
  const R = regions.length;
  const shareSum = new Float64Array(R);
  const levels = spec.pooled.levels.map((level, l) => {
    const at = [...path, 'pooled', 'levels', l];
    const group = new Int32Array(R);
    const numbers = new Map<string, number>();
    const shares = new Float64Array(R);
    const weights = new Float64Array(R);
    let complete = true;
    // a number for the region (its own or everyone's) is read without forRegion's paths; the
    // rest, and what has no value, through forRegion, which reports it
    const read = (name: 'share' | 'weight', target: Float64Array, id: string, r: number) => {
      const spec = level[name] as PerRegion<number>;
      const own = regionValue(spec, id);
      if (typeof own === 'number') {
        target[r] = own;
        return;
      }
      try {
        target[r] = forRegion(spec, id, [...at, name]).value;
      } catch (error) {
        const found = (error as { issues?: ChengzhenIssue[] }).issues;
        if (!found) throw error;
        issues.push(...found);
      }
    };
    regions.forEach((region, r) => {
      read('share', shares, region.id, r);
      read('weight', weights, region.id, r);
      const key = level.group === 'all' ? '' : region[level.group];
      if (key === undefined) {
        complete = false;
        issues.push({
          code: 'invalid_value',
          path: ['regions', r, level.group],
          message: `${formatPath([...at, 'group'])} groups by ${level.group}, but region ${JSON.stringify(region.id)} (regions[${r}]) has no ${level.group}`,
          expected: `a ${level.group} field on every region`,
          received: 'nothing',
        });
      } else {
        let g = numbers.get(key);
        if (g === undefined) {
          g = numbers.size;
          numbers.set(key, g);
        }
        group[r] = g;
      }
      shareSum[r] += shares[r];
    });
    return { group, share: shares, weight: weights, groups: Math.max(1, numbers.size), names: [...numbers.keys()], complete };
  });
  for (let r = 0; r < R; r++) {
    if (Math.abs(shareSum[r] - 1) > 1e-9) {
      const at = [...path, 'pooled', 'levels', '*', 'share', regions[r].id];
      issues.push({
        code: 'row_sum',
        path: at,
        message: `${formatPath(at)}: the shares of region ${JSON.stringify(regions[r].id)} over the ${levels.length} levels must sum to 1 (within 1e-9), received ${shareSum[r]}`,
        expected: 'a sum of 1 within 1e-9',
        received: String(shareSum[r]),
      });
    }
  }
  levels.forEach((level, l) => {
    // groups are not known when a region has no field to group by: that is reported already
    if (!level.complete) return;
    const sends = new Uint8Array(level.groups);
    const weightSum = new Float64Array(level.groups);
    for (let r = 0; r < R; r++) {
      if (level.share[r] > 0) sends[level.group[r]] = 1;
      weightSum[level.group[r]] += level.weight[r];
    }
    for (let g = 0; g < level.groups; g++) {
      if (sends[g] === 1 && Math.abs(weightSum[g] - 1) > 1e-9) {
        const at = [...path, 'pooled', 'levels', l, 'weight'];
        const name = level.names[g] === '' || level.names[g] === undefined ? 'all regions' : `${spec.pooled.levels[l].group} ${JSON.stringify(level.names[g])}`;
        issues.push({
          code: 'row_sum',
          path: at,
          message: `${formatPath(at)}: the weights of ${name} must sum to 1 (within 1e-9) because it sends movers, received ${weightSum[g]}`,
          expected: 'a sum of 1 within 1e-9',
          received: String(weightSum[g]),
        });
      }
    }
  });
  return { matrix: { kind: 'pooled', levels: levels.map(({ group, share, weight, groups }) => ({ group, share, weight, groups })) }, issues };
}
