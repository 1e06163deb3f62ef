/**
 * Seeded random numbers for simulations (xoroshiro128+ from the `pure-rand` package). Draw i
 * of a simulation seeded with s uses its own generator seeded from (s, i), so a draw's numbers
 * do not depend on which thread computes it or in what order.
 *
 * Seeds are whole numbers in [0, 2^32): within that range distinct seeds give distinct streams
 * (the seed enters a bijective 32-bit mix), and a seed outside it is refused rather than
 * folded onto one inside it (2^32 + 1 would otherwise repeat the draws of 1).
 */

import { ChengzhenError } from '../errors.js';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * The largest seed a simulation accepts: seeds are whole numbers in [0, MAX_SEED].
 *
 * @example
 * MAX_SEED
 * // => 4294967295
 */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * Checks a simulation seed: a whole number in [0, {@link MAX_SEED}].
 *
 * @throws {ChengzhenError} naming `seed`, with the range.
 * @example
 * checkSeed(2 ** 32 + 1)
 * // => throws ChengzhenError: seed must be a whole number in [0, 4294967295], received 4294967297
 */
export function checkSeed(seed: number): void {
  if (Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) return;
  throw new ChengzhenError([
    { code: 'out_of_range', path: ['seed'], message: `seed must be a whole number in [0, ${MAX_SEED}], received ${seed}`, expected: `a whole number in [0, ${MAX_SEED}]`, received: String(seed) },
  ]);
}

/** Mixes a seed and a draw index into a 32-bit seed (the finaliser of MurmurHash3). */
export function drawSeed(seed: number, draw: number): number {
  let h = (seed ^ Math.imul(draw + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * A function giving uniform numbers in (0, 1) for draw `draw` of a simulation seeded `seed`.
 *
 * @example
 * const u = uniformStream(42, 0);
 * u() === uniformStream(42, 0)()
 * // => true
 */
export function uniformStream(seed: number, draw: number): () => number {
  const rng = xoroshiro128plus(drawSeed(seed, draw));
  return () => {
    let u = uniformFloat64(rng);
    while (u === 0) u = uniformFloat64(rng);
    return u;
  };
}
