/**
 * Moves between regions, model.md section 3 step 4: the movers `x_i` leaving region i (an
 * array laid out r,s,a) are added to status `h` of each destination j with weight `M[i][j]`:
 * `P[j][h] += sum_i x_i * M[i][j]`.
 *
 * Every path adds, for each destination cell, the origins' terms one by one in ascending
 * origin order onto the cell's value, so identity, dense (JavaScript or WebAssembly) and
 * sparse forms of one matrix give identical bits. The loops keep a few destination cells in
 * local variables while they run over the origins, so each cell is loaded and stored once.
 */

import { addDenseMovesWasm } from './denseMovesWasm.js';
import { addPooledMigrationInto, addPooledMovesJs } from './pooledMoves.js';
import type { MoveMatrix, SparseMoveMatrix } from './types.js';

/**
 * Adds movers to their destinations, writing into `population`.
 *
 * @param matrix  `D` (for rural-to-urban movers) or `E` (for returners)
 * @param movers  movers by origin, layout r,s,a (length R*2*(A+1))
 * @param population  the population being built, layout r,h,s,a
 * @param status  the status the movers join at the destination (1 migrant, 0 rural)
 * @example
 * const population = new Float64Array(12); // 2 regions, maxAge 0
 * addMovesInto({ kind: 'dense', values: Float64Array.of(0.5, 0.5, 0, 1) }, Float64Array.of(2, 4, 6, 8), population, 1, 2, 1);
 * Array.from(population.subarray(2, 4))   // region 0 migrants: half of region 0's movers
 * // => [1, 2]
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
      if (regions >= 4 && addDenseMovesWasm(matrix.values, movers, population, statusOffset, regions, block, regionStride)) return;
      addDenseMovesJs(matrix.values, movers, population, statusOffset, regions, block, regionStride);
      return;
    case 'sparse':
      addSparseMovesJs(matrix, movers, population, statusOffset, regions, block, regionStride);
      return;
    case 'pooled':
      addPooledMovesJs(matrix, movers, population, statusOffset, regions, block, regionStride);
      return;
  }
}

/**
 * Migration between regions through one matrix, from the movers' totals by origin `x`
 * (persons, length R): region i's out-migrants gain `x_i * sum_{j != i} M[i][j]` and region
 * j's in-migrants gain `sum_{i != j} x_i * M[i][j]`. Movers whose destination is their own
 * region count in neither. Adds into `inFlow` and `outFlow`; every term is non-negative.
 *
 * @example
 * const inFlow = new Float64Array(2);
 * const outFlow = new Float64Array(2);
 * addMigrationInto({ kind: 'dense', values: Float64Array.of(0.5, 0.5, 0, 1) }, Float64Array.of(10, 4), inFlow, outFlow, 2);
 * [Array.from(inFlow), Array.from(outFlow)]   // half of region 0's ten movers go to region 1
 * // => [[0, 5], [5, 0]]
 */
export function addMigrationInto(matrix: MoveMatrix, x: Float64Array, inFlow: Float64Array, outFlow: Float64Array, regions: number): void {
  switch (matrix.kind) {
    case 'identity':
      return;
    case 'dense': {
      const values = matrix.values;
      for (let i = 0, row = 0; i < regions; i++, row += regions) {
        const xi = x[i];
        if (xi === 0) continue;
        let away = 0;
        for (let j = 0; j < regions; j++) {
          if (j === i) continue;
          const w = values[row + j];
          if (w === 0) continue;
          away += w;
          inFlow[j] += xi * w;
        }
        outFlow[i] += xi * away;
      }
      return;
    }
    case 'sparse': {
      const { rowStart, to, share } = matrix;
      for (let i = 0; i < regions; i++) {
        const xi = x[i];
        if (xi === 0) continue;
        let away = 0;
        for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
          if (to[e] === i) continue;
          away += share[e];
          inFlow[to[e]] += xi * share[e];
        }
        outFlow[i] += xi * away;
      }
      return;
    }
    case 'pooled':
      addPooledMigrationInto(matrix, x, inFlow, outFlow, regions);
      return;
  }
}

/**
 * Dense moves in JavaScript: four destinations by two ages in local variables while the loop
 * runs over the origins. Four destinations skip an origin whose four shares are all zero; a
 * destination of the last (fewer than four) skips an origin whose share is zero.
 */
export function addDenseMovesJs(
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
    // block = 2*(A+1) is even: two ages at a time cover it
    for (let x = 0; x < block; x += 2) {
      let a0 = population[d0 + x];
      let b0 = population[d0 + x + 1];
      let a1 = population[d1 + x];
      let b1 = population[d1 + x + 1];
      let a2 = population[d2 + x];
      let b2 = population[d2 + x + 1];
      let a3 = population[d3 + x];
      let b3 = population[d3 + x + 1];
      for (let i = 0, row = j, src = x; i < regions; i++, row += regions, src += block) {
        const w0 = values[row];
        const w1 = values[row + 1];
        const w2 = values[row + 2];
        const w3 = values[row + 3];
        if (w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0) continue;
        const u = movers[src];
        const v = movers[src + 1];
        a0 += w0 * u;
        b0 += w0 * v;
        a1 += w1 * u;
        b1 += w1 * v;
        a2 += w2 * u;
        b2 += w2 * v;
        a3 += w3 * u;
        b3 += w3 * v;
      }
      population[d0 + x] = a0;
      population[d0 + x + 1] = b0;
      population[d1 + x] = a1;
      population[d1 + x + 1] = b1;
      population[d2 + x] = a2;
      population[d2 + x + 1] = b2;
      population[d3 + x] = a3;
      population[d3 + x + 1] = b3;
    }
  }
  for (; j < regions; j++) {
    const dst = j * regionStride + statusOffset;
    for (let x = 0; x < block; x += 2) {
      let a = population[dst + x];
      let b = population[dst + x + 1];
      for (let i = 0, row = j, src = x; i < regions; i++, row += regions, src += block) {
        const w = values[row];
        if (w === 0) continue;
        a += w * movers[src];
        b += w * movers[src + 1];
      }
      population[dst + x] = a;
      population[dst + x + 1] = b;
    }
  }
}

/** The links of a sparse matrix by destination (compressed columns), origins ascending. */
interface Columns {
  start: Int32Array;
  from: Int32Array;
  share: Float64Array;
}

// Rebuilt on every call (a pass over the links, small beside the moves themselves), so that a
// matrix changed in place is never served stale; the buffers grow and are then reused.
const columns: Columns = { start: new Int32Array(1), from: new Int32Array(0), share: new Float64Array(0) };

function toColumns(matrix: SparseMoveMatrix, regions: number): Columns {
  const { rowStart, to, share } = matrix;
  const links = rowStart[regions];
  if (columns.start.length < regions + 1) columns.start = new Int32Array(regions + 1);
  if (columns.from.length < links) {
    columns.from = new Int32Array(links);
    columns.share = new Float64Array(links);
  }
  const start = columns.start;
  start.fill(0, 0, regions + 1);
  for (let e = 0; e < links; e++) start[to[e] + 1]++;
  for (let j = 0; j < regions; j++) start[j + 1] += start[j];
  // fill each column in origin order, moving its start forward; then shift the starts back
  for (let i = 0; i < regions; i++) {
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const slot = start[to[e]]++;
      columns.from[slot] = i;
      columns.share[slot] = share[e];
    }
  }
  for (let j = regions; j > 0; j--) start[j] = start[j - 1];
  start[0] = 0;
  return columns;
}

/** Sparse moves in JavaScript: by destination, eight ages in local variables over its origins. */
export function addSparseMovesJs(
  matrix: SparseMoveMatrix,
  movers: Float64Array,
  population: Float64Array,
  statusOffset: number,
  regions: number,
  block: number,
  regionStride: number,
): void {
  const { start, from, share } = toColumns(matrix, regions);
  for (let j = 0; j < regions; j++) {
    const e0 = start[j];
    const e1 = start[j + 1];
    if (e0 === e1) continue;
    const dst = j * regionStride + statusOffset;
    let x = 0;
    for (; x + 8 <= block; x += 8) {
      let a0 = population[dst + x];
      let a1 = population[dst + x + 1];
      let a2 = population[dst + x + 2];
      let a3 = population[dst + x + 3];
      let a4 = population[dst + x + 4];
      let a5 = population[dst + x + 5];
      let a6 = population[dst + x + 6];
      let a7 = population[dst + x + 7];
      for (let e = e0; e < e1; e++) {
        const w = share[e];
        const src = from[e] * block + x;
        a0 += w * movers[src];
        a1 += w * movers[src + 1];
        a2 += w * movers[src + 2];
        a3 += w * movers[src + 3];
        a4 += w * movers[src + 4];
        a5 += w * movers[src + 5];
        a6 += w * movers[src + 6];
        a7 += w * movers[src + 7];
      }
      population[dst + x] = a0;
      population[dst + x + 1] = a1;
      population[dst + x + 2] = a2;
      population[dst + x + 3] = a3;
      population[dst + x + 4] = a4;
      population[dst + x + 5] = a5;
      population[dst + x + 6] = a6;
      population[dst + x + 7] = a7;
    }
    for (; x < block; x++) {
      let a = population[dst + x];
      for (let e = e0; e < e1; e++) a += share[e] * movers[from[e] * block + x];
      population[dst + x] = a;
    }
  }
}
