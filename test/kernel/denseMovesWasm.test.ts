import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDenseMovesWasm, denseMovesWasmAvailable } from '../../src/kernel/denseMovesWasm.js';
import { KERNEL_WASM } from '../../src/kernel/kernelWasm.js';
import { addDenseMovesJs } from '../../src/kernel/moves.js';
import { firstBitDifference } from '../helpers/bits.js';
import { seededRandom } from '../helpers/randomKernelDoc.js';

/** A dense problem of `R` regions: shares with zeros (single ones and whole blocks of four), movers, a population. */
function denseCase(R: number, ageGroups: number, seed: number) {
  const rand = seededRandom(seed);
  const block = 2 * ageGroups;
  const values = new Float64Array(R * R);
  for (let i = 0; i < R; i++) {
    let sum = 0;
    for (let j = 0; j < R; j++) {
      values[i * R + j] = rand() < 0.3 ? 0 : rand();
      sum += values[i * R + j];
    }
    for (let j = 0; j < R; j++) values[i * R + j] = sum > 0 ? values[i * R + j] / sum : j === i ? 1 : 0;
  }
  // an origin whose first four shares are all zero (skipped as a block), and a zero share for
  // the last destination (skipped one by one); row sums do not matter to the moves
  if (R >= 6) {
    for (let j = 0; j < 4; j++) values[1 * R + j] = 0;
    values[2 * R + R - 1] = 0;
  }
  const movers = Float64Array.from({ length: R * block }, () => rand() * 1000);
  const population = Float64Array.from({ length: R * 3 * block }, () => rand() * 1e5);
  return { values, movers, population, block };
}

describe('addDenseMovesWasm(values, movers, population, statusOffset, regions, block, regionStride)', () => {
  it('runs here: the embedded module validates with SIMD', () => {
    const bytes = Uint8Array.from(atob(KERNEL_WASM), (ch) => ch.charCodeAt(0));
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(denseMovesWasmAvailable()).toBe(true);
  });

  it('adds movers by hand-computed shares: 4 regions, one age group, into the migrants', () => {
    // D[i][j]: region 0 keeps half and sends a quarter to 1 and 3; everyone else stays.
    // prettier-ignore
    const values = Float64Array.of(
      0.5, 0.25, 0, 0.25,
      0, 1, 0, 0,
      0, 0, 1, 0,
      0, 0, 0, 1,
    );
    const movers = Float64Array.of(8, 16, 4, 4, 2, 2, 1, 1); // women, men of regions 0..3
    const population = new Float64Array(4 * 6);
    expect(addDenseMovesWasm(values, movers, population, 2, 4, 2, 6)).toBe(true);
    // migrants (offset 2 in each region of 6 cells): 0 gets 4, 8; 1 gets 2+4, 4+4; 2 gets 2, 2; 3 gets 2+1, 4+1
    expect(Array.from(population)).toEqual([0, 0, 4, 8, 0, 0, 0, 0, 6, 8, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 3, 5, 0, 0]);
  });

  it('gives the same bits as the JavaScript path for 1 to 13 and 31 regions, both statuses', () => {
    for (const R of [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 31]) {
      for (const ageGroups of [1, 3, 101]) {
        for (const status of [0, 1]) {
          const { values, movers, population, block } = denseCase(R, ageGroups, R * 1000 + ageGroups * 10 + status);
          const js = Float64Array.from(population);
          const wasm = Float64Array.from(population);
          addDenseMovesJs(values, movers, js, status * block, R, block, 3 * block);
          expect(addDenseMovesWasm(values, movers, wasm, status * block, R, block, 3 * block)).toBe(true);
          expect({ R, ageGroups, status, at: firstBitDifference(wasm, js) }).toEqual({ R, ageGroups, status, at: -1 });
        }
      }
    }
  });

  it('leaves the other statuses untouched', () => {
    const { values, movers, population, block } = denseCase(9, 5, 77);
    const before = Float64Array.from(population);
    addDenseMovesWasm(values, movers, population, block, 9, block, 3 * block);
    for (let r = 0; r < 9; r++) {
      for (const h of [0, 2]) {
        const at = r * 3 * block + h * block;
        expect(firstBitDifference(population.subarray(at, at + block), before.subarray(at, at + block))).toBe(-1);
      }
    }
  });

  it('gives the JavaScript bits when no origin reaches a group of four destinations, nor a tail destination', () => {
    for (const R of [8, 11]) {
      const { values, movers, population, block } = denseCase(R, 5, R);
      // destinations 4..7 (a group of four) and the last one receive no movers; -0 counts as 0
      for (let i = 0; i < R; i++) {
        for (let j = 4; j < 8; j++) values[i * R + j] = 0;
        values[i * R + R - 1] = i % 2 === 0 ? 0 : -0;
      }
      population[5 * 3 * block] = -0; // a cell no mover reaches keeps its sign
      const js = Float64Array.from(population);
      const wasm = Float64Array.from(population);
      addDenseMovesJs(values, movers, js, 0, R, block, 3 * block);
      expect(addDenseMovesWasm(values, movers, wasm, 0, R, block, 3 * block)).toBe(true);
      expect(firstBitDifference(wasm, js)).toBe(-1);
      expect(Object.is(wasm[5 * 3 * block], -0)).toBe(true);
    }
  });
});

describe('addDenseMovesWasm where WebAssembly is missing', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('returns false without touching the population, making no memory', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    const fresh = await import('../../src/kernel/denseMovesWasm.js');
    const { values, movers, population, block } = denseCase(5, 3, 5);
    const before = Float64Array.from(population);
    expect(fresh.addDenseMovesWasm(values, movers, population, block, 5, block, 3 * block)).toBe(false);
    expect(fresh.createDenseMovesArena(5, block, population.length)).toBeNull();
    expect(firstBitDifference(population, before)).toBe(-1);
  });
});
