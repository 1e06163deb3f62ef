/**
 * Variants of the move product, timed side by side: the implementation the kernel had before
 * the benchmark suite (one destination cell loaded and stored per origin), the JavaScript
 * paths of src/kernel/moves.ts, and the WebAssembly SIMD path for dense matrices. Each task
 * runs `D` and `E` once per year, like a projection does.
 */

import { addDenseMovesWasm, denseMovesWasmAvailable } from '../src/kernel/denseMovesWasm.js';
import { addDenseMovesJs, addSparseMovesJs } from '../src/kernel/moves.js';
import type { KernelProblem, MoveMatrix, SparseMoveMatrix } from '../src/kernel/types.js';
import type { BenchTask } from './interleaved.js';

/** Dense moves as the kernel first had them: four destinations, every cell loaded and stored per origin. */
function denseBefore(values: Float64Array, movers: Float64Array, population: Float64Array, statusOffset: number, regions: number, block: number, regionStride: number): void {
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

/** Sparse moves as the kernel first had them: by origin, one link's destination row at a time. */
function sparseBefore(m: SparseMoveMatrix, movers: Float64Array, population: Float64Array, statusOffset: number, regions: number, block: number, regionStride: number): void {
  const { rowStart, to, share } = m;
  for (let i = 0; i < regions; i++) {
    const src = i * block;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const w = share[e];
      const dst = to[e] * regionStride + statusOffset;
      for (let x = 0; x < block; x++) population[dst + x] += w * movers[src + x];
    }
  }
}

type MoveFn = (matrix: MoveMatrix, movers: Float64Array, population: Float64Array, statusOffset: number, regions: number, block: number, regionStride: number) => void;

/** The move variants that apply to a problem's `D` and `E`, as bench tasks named `moves:...`. */
export function moveVariants(problem: KernelProblem): BenchTask[] {
  const R = problem.regions.length;
  const A1 = problem.maxAge + 1;
  const block = 2 * A1;
  const regionStride = 3 * block;
  const D = problem.inputs.D[0];
  const E = problem.inputs.E[0];
  if (D.kind === 'identity' || D.kind !== E.kind) return [];
  const movers = new Float64Array(R * block);
  for (let r = 0; r < R; r++) for (let x = 0; x < block; x++) movers[r * block + x] = problem.population[r * regionStride + x] * 0.01;
  const target = new Float64Array(problem.population.length);
  const task = (name: string, fn: MoveFn): BenchTask => ({
    name: `moves:${name}`,
    fn: () => {
      target.set(problem.population);
      for (let t = 0; t < problem.years; t++) {
        fn(D, movers, target, block, R, block, regionStride);
        fn(E, movers, target, 0, R, block, regionStride);
      }
      return target[0];
    },
  });
  const values = (m: MoveMatrix) => (m as Extract<MoveMatrix, { kind: 'dense' }>).values;
  if (D.kind === 'dense') {
    const tasks = [
      task('before', (m, ...rest) => denseBefore(values(m), ...rest)),
      task('js', (m, ...rest) => addDenseMovesJs(values(m), ...rest)),
    ];
    if (denseMovesWasmAvailable()) tasks.push(task('wasm', (m, ...rest) => void addDenseMovesWasm(values(m), ...rest)));
    return tasks;
  }
  return [
    task('before', (m, ...rest) => sparseBefore(m as SparseMoveMatrix, ...rest)),
    task('columns', (m, ...rest) => addSparseMovesJs(m as SparseMoveMatrix, ...rest)),
  ];
}
