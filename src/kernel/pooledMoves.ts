/**
 * Pooled moves, model.md section 7: for each level l, sex and age, every region i puts
 * `share_l[i] * x_i` into the pool of its group, then every region j takes
 * `weight_l[j] * pool_l[group_l[j]]`. Two passes over the regions per level: O(R) per level,
 * sex and age, where a dense matrix costs O(R^2).
 *
 * Order of additions, which fixes the bits: a pool adds its members' terms in ascending
 * region order starting from 0; a destination cell adds its levels' terms
 * `weight_l[j] * pool_l[g]` in level order onto its value. The dense equivalent sums
 * `D[i][j] * x_i` instead, a different association, so the two agree to rounding (a few units
 * in the last place), not bit for bit; see docs/pooled-moves.md.
 */

import type { PooledMoveMatrix } from './types.js';

// The pools of one level, by group then sex and age; grown on demand and then reused, so a
// step allocates nothing once the largest level has been seen.
let pools = new Float64Array(0);

/**
 * Adds movers to their destinations through a pooled matrix, writing into `population`.
 *
 * @param matrix  the pooled `D` or `E`
 * @param movers  movers by origin, layout r,s,a (length R*block)
 * @param population  the population being built, layout r,h,s,a
 * @param statusOffset  offset of the status the movers join within a region (status*block)
 * @param block  one region's movers: 2*(A+1)
 * @param regionStride  one region's population: 3*block
 * @example
 * const population = new Float64Array(12);   // 2 regions, maxAge 0; all movers go to one national pool, weights 1/4 and 3/4
 * const nation = { group: Int32Array.of(0, 0), share: Float64Array.of(1, 1), weight: Float64Array.of(0.25, 0.75), groups: 1 };
 * addPooledMovesJs({ kind: 'pooled', levels: [nation] }, Float64Array.of(2, 4, 6, 8), population, 2, 2, 2, 6);
 * Array.from(population.subarray(2, 4))   // region 0 migrants: a quarter of 2+6 and of 4+8
 * // => [2, 3]
 */
export function addPooledMovesJs(
  matrix: PooledMoveMatrix,
  movers: Float64Array,
  population: Float64Array,
  statusOffset: number,
  regions: number,
  block: number,
  regionStride: number,
): void {
  const levels = matrix.levels;
  const L = levels.length;
  // every level's pools side by side: level l's start at offsets[l]
  let size = 0;
  for (let l = 0; l < L; l++) size += levels[l].groups * block;
  if (pools.length < size) pools = new Float64Array(size);
  const pool = pools;
  pool.fill(0, 0, size);
  // Each pass a function with one main loop of its own: a loop that the engine compiles while
  // it runs holds no code that its first iterations did not reach.
  fillPools(levels, movers, pool, regions, block);
  // a destination row takes only its own terms, so the rows of the fused loop and the others
  // can be written in two passes; a row with a zero weight (rare: a unit that draws no one at
  // some level) is written level by level
  if (L === 3) placeThree(levels, pool, population, statusOffset, regions, block, regionStride);
  placeLevelByLevel(levels, pool, population, statusOffset, regions, block, regionStride, L === 3);
}

/**
 * The pools of every level, side by side in `pool` (zeros on entry): regions outside, levels
 * inside, so a region's movers are read once for all levels. Each pool still adds its terms in
 * the order of the header (regions ascending), so the bits are those of one pass a level; three
 * levels with no zero share run in one loop.
 */
function fillPools(levels: PooledMoveMatrix['levels'], movers: Float64Array, pool: Float64Array, regions: number, block: number): void {
  const L = levels.length;
  const three = L === 3;
  const offset1 = three ? levels[0].groups * block : 0;
  const offset2 = three ? offset1 + levels[1].groups * block : 0;
  for (let i = 0; i < regions; i++) {
    const src = i * block;
    if (three) {
      const a0 = levels[0].share[i];
      const a1 = levels[1].share[i];
      const a2 = levels[2].share[i];
      if (a0 !== 0 && a1 !== 0 && a2 !== 0) {
        const d0 = levels[0].group[i] * block;
        const d1 = offset1 + levels[1].group[i] * block;
        const d2 = offset2 + levels[2].group[i] * block;
        for (let x = 0; x < block; x++) {
          const m = movers[src + x];
          pool[d0 + x] += a0 * m;
          pool[d1 + x] += a1 * m;
          pool[d2 + x] += a2 * m;
        }
        continue;
      }
    }
    for (let l = 0, offset = 0; l < L; offset += levels[l].groups * block, l++) {
      const a = levels[l].share[i];
      if (a === 0) continue;
      const dst = offset + levels[l].group[i] * block;
      for (let x = 0; x < block; x++) pool[dst + x] += a * movers[src + x];
    }
  }
}

/** The destination rows of three levels with no zero weight: the three terms added one after the other, as three passes add them. */
function placeThree(levels: PooledMoveMatrix['levels'], pool: Float64Array, population: Float64Array, statusOffset: number, regions: number, block: number, regionStride: number): void {
  const offset1 = levels[0].groups * block;
  const offset2 = offset1 + levels[1].groups * block;
  const w0s = levels[0].weight;
  const w1s = levels[1].weight;
  const w2s = levels[2].weight;
  const g0 = levels[0].group;
  const g1 = levels[1].group;
  const g2 = levels[2].group;
  for (let j = 0; j < regions; j++) {
    const w0 = w0s[j];
    const w1 = w1s[j];
    const w2 = w2s[j];
    if (w0 === 0 || w1 === 0 || w2 === 0) continue;
    const dst = j * regionStride + statusOffset;
    const s0 = g0[j] * block;
    const s1 = offset1 + g1[j] * block;
    const s2 = offset2 + g2[j] * block;
    for (let x = 0; x < block; x++) population[dst + x] = population[dst + x] + w0 * pool[s0 + x] + w1 * pool[s1 + x] + w2 * pool[s2 + x];
  }
}

/**
 * The destination rows of pooled moves one level at a time, each weight's term added in level
 * order (skipping a zero weight); with `skipFused`, only the rows with a zero weight among three
 * levels (the others are written by {@link placeThree}).
 */
function placeLevelByLevel(levels: PooledMoveMatrix['levels'], pool: Float64Array, population: Float64Array, statusOffset: number, regions: number, block: number, regionStride: number, skipFused: boolean): void {
  const L = levels.length;
  for (let j = 0; j < regions; j++) {
    if (skipFused && levels[0].weight[j] !== 0 && levels[1].weight[j] !== 0 && levels[2].weight[j] !== 0) continue;
    const dst = j * regionStride + statusOffset;
    for (let l = 0, offset = 0; l < L; offset += levels[l].groups * block, l++) {
      const w = levels[l].weight[j];
      if (w === 0) continue;
      const src = offset + levels[l].group[j] * block;
      for (let x = 0; x < block; x++) population[dst + x] += w * pool[src + x];
    }
  }
}

/**
 * In- and out-migrants of pooled moves, from the movers' totals by region `x` (persons): region
 * i loses `x_i * sum_l share_l[i] * (1 - weight_l[i])` (what does not come back to it), region j
 * gains `sum_l weight_l[j] * (pool_l[g] - share_l[j] * x_j)` (its pool without its own movers).
 * Both are sums of non-negative terms, so neither is ever below zero by rounding. Adds into
 * `inFlow` and `outFlow`.
 */
export function addPooledMigrationInto(
  matrix: PooledMoveMatrix,
  x: Float64Array,
  inFlow: Float64Array,
  outFlow: Float64Array,
  regions: number,
): void {
  const levels = matrix.levels;
  for (let l = 0; l < levels.length; l++) {
    const { group, share, weight, groups } = levels[l];
    if (pools.length < groups) pools = new Float64Array(groups);
    const pool = pools;
    pool.fill(0, 0, groups);
    for (let i = 0; i < regions; i++) {
      const sent = share[i] * x[i];
      pool[group[i]] += sent;
      outFlow[i] += sent * (1 - weight[i]);
    }
    for (let j = 0; j < regions; j++) {
      const w = weight[j];
      if (w === 0) continue;
      // pool >= own term: a sum of non-negative terms rounds to no less than any of them
      inFlow[j] += w * (pool[group[j]] - share[j] * x[j]);
    }
  }
}
