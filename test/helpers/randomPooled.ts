/**
 * Random valid pooled matrices (model.md section 7) from a seed: each region's shares over the
 * levels and each group's weights are normalised to sum to 1 (to rounding); shares of exactly
 * 0 and groups that send nothing appear now and then.
 */

import type { PooledMatrixJSON } from '../../src/io/kernelJson.js';
import { seededRandom } from './randomKernelDoc.js';

export function randomPooled(regions: number, levels: number, seed: number): PooledMatrixJSON {
  const rand = seededRandom(seed);
  const raw = Array.from({ length: levels }, (_, l) => {
    // the top level is one group; lower levels have up to `regions` groups
    const groupCount = l === levels - 1 ? 1 : 1 + Math.floor(rand() * regions);
    const group = Array.from({ length: regions }, () => Math.floor(rand() * groupCount));
    const share = Array.from({ length: regions }, () => (rand() < 0.15 ? 0 : rand()));
    const weight = Array.from({ length: regions }, () => (rand() < 0.15 ? 0 : rand()));
    return { group, share, weight };
  });
  for (let r = 0; r < regions; r++) {
    let sum = 0;
    for (const level of raw) sum += level.share[r];
    if (sum === 0) raw[0].share[r] = sum = 1;
    for (const level of raw) level.share[r] /= sum;
  }
  for (const level of raw) {
    const sums = new Map<number, number>();
    level.group.forEach((g, r) => sums.set(g, (sums.get(g) ?? 0) + level.weight[r]));
    for (const [g, sum] of sums) {
      if (sum > 0) continue;
      const first = level.group.indexOf(g);
      level.weight[first] = 1;
      sums.set(g, 1);
    }
    level.weight = level.weight.map((w, r) => w / sums.get(level.group[r])!);
  }
  return { pooled: { levels: raw } };
}
