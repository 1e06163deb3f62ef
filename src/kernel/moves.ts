/**
 * Moves between regions, model.md section 3 step 4: the movers `x_i` leaving region i (an
 * array laid out r,s,a) are added to status `h` of each destination j with weight `M[i][j]`:
 * `P[j][h] += sum_i x_i * M[i][j]`.
 */

import type { MoveMatrix } from './types.js';

/**
 * Adds movers to their destinations, writing into `population`.
 *
 * @param matrix  `D` (for rural-to-urban movers) or `E` (for returners)
 * @param movers  movers by origin, layout r,s,a (length R*2*(A+1))
 * @param population  the population being built, layout r,h,s,a
 * @param status  the status the movers join at the destination (1 migrant, 0 rural)
 */
export function addMovesInto(
  matrix: MoveMatrix,
  movers: Float64Array,
  population: Float64Array,
  status: number,
  regions: number,
  ageGroups: number,
): void {
  const block = 2 * ageGroups; // one region's movers: sex then age
  const regionStride = 3 * block; // one region's population
  const statusOffset = status * block;
  switch (matrix.kind) {
    case 'identity':
      for (let r = 0; r < regions; r++) {
        const src = r * block;
        const dst = r * regionStride + statusOffset;
        for (let x = 0; x < block; x++) population[dst + x] += movers[src + x];
      }
      return;
    case 'dense':
      addDenseMoves(matrix.values, movers, population, statusOffset, regions, block, regionStride);
      return;
    case 'sparse': {
      const { rowStart, to, share } = matrix;
      for (let i = 0; i < regions; i++) {
        const src = i * block;
        for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
          const w = share[e];
          const dst = to[e] * regionStride + statusOffset;
          for (let x = 0; x < block; x++) population[dst + x] += w * movers[src + x];
        }
      }
      return;
    }
  }
}

/**
 * Dense moves as a matrix product `P[j] += sum_i M[i][j] x_i`, blocked over four
 * destinations so that each mover value is loaded once for four multiply-adds, and the sum
 * over origins runs in origin order for every destination (the same order as the sparse and
 * identity paths, so a dense and a sparse form of one matrix give identical results).
 */
function addDenseMoves(
  values: Float64Array,
  movers: Float64Array,
  population: Float64Array,
  statusOffset: number,
  regions: number,
  block: number,
  regionStride: number,
): void {
  let j = 0;
  for (; j + 4 <= regions; j += 4) {
    const d0 = j * regionStride + statusOffset;
    const d1 = d0 + regionStride;
    const d2 = d1 + regionStride;
    const d3 = d2 + regionStride;
    for (let i = 0; i < regions; i++) {
      const row = i * regions + j;
      const w0 = values[row];
      const w1 = values[row + 1];
      const w2 = values[row + 2];
      const w3 = values[row + 3];
      if (w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0) continue;
      const src = i * block;
      for (let x = 0; x < block; x++) {
        const v = movers[src + x];
        population[d0 + x] += w0 * v;
        population[d1 + x] += w1 * v;
        population[d2 + x] += w2 * v;
        population[d3 + x] += w3 * v;
      }
    }
  }
  for (; j < regions; j++) {
    const dst = j * regionStride + statusOffset;
    for (let i = 0; i < regions; i++) {
      const w = values[i * regions + j];
      if (w === 0) continue;
      const src = i * block;
      for (let x = 0; x < block; x++) population[dst + x] += w * movers[src + x];
    }
  }
}
