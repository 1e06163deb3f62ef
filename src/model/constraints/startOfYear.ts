/**
 * What one step of the kernel will move, computed from the population at the start of the
 * year with the kernel's own formulas (model.md section 3, steps 1-3), so that a controller
 * can set the year's rates before the step runs.
 */

import type { StepInputs } from '../../kernel/types.js';

/**
 * Survivors of status `h` of region `r` at their new age `a` (the kernel's `S`): births for
 * age 0, `P[a-1]*sx[a-1]` for `1 <= a < A`, and both of the last two ages for the open group.
 */
function survivor(P: Float64Array, inputs: StepInputs, base: number, a: number, A: number, newborns: number): number {
  const { sx } = inputs;
  if (a === 0) return newborns;
  if (a < A) return P[base + a - 1] * sx[base + a - 1];
  return P[base + A - 1] * sx[base + A - 1] + P[base + A] * sx[base + A];
}

/** Newborns of status `h` of region `r` surviving to the year's end, girls then boys. */
function newborns(P: Float64Array, inputs: StepInputs, r: number, h: number, A1: number): [number, number] {
  const { fx, sb, srb } = inputs;
  const femaleBase = (r * 3 + h) * 2 * A1;
  let B = 0;
  for (let a = 0; a < A1; a++) B += fx[(r * 3 + h) * A1 + a] * P[femaleBase + a];
  const ratio = srb[r];
  return [(B / (1 + ratio)) * sb[(r * 3 + h) * 2], ((B * ratio) / (1 + ratio)) * sb[(r * 3 + h) * 2 + 1]];
}

/**
 * Per region, the sum over sexes and ages of `S_h * rate * weight[a]` where `S_h` are the
 * survivors of status `h` at their new age, `rate` the kernel's r,s,a rate (`m` or `k`) and
 * `weight[a]` a 0/1 mask of ages (all ages when null). Written into `out` (length R); the sums
 * over all ages go to `all` when given.
 *
 * @example
 * // one region, ages 0..2, 100 persons a cell, survival 1, no births, m = 0.1: movers at ages 1 and 2
 * const inputs = { sx: new Float64Array(18).fill(1), sb: new Float64Array(6).fill(1), fx: new Float64Array(9), srb: Float64Array.of(1.05), m: new Float64Array(6).fill(0.1), c: new Float64Array(1), k: new Float64Array(6), q: new Float64Array(6), D: { kind: 'identity' as const }, E: { kind: 'identity' as const }, n: null };
 * Array.from(statusFlows(new Float64Array(18).fill(100), inputs, 0, inputs.m, 1, 2, null, new Float64Array(1)))
 * // => [40]
 */
export function statusFlows(
  P: Float64Array,
  inputs: StepInputs,
  h: number,
  rate: Float64Array,
  regions: number,
  maxAge: number,
  mask: Uint8Array | null,
  out: Float64Array,
  all?: Float64Array,
): Float64Array {
  const A = maxAge;
  const A1 = A + 1;
  for (let r = 0; r < regions; r++) {
    const born = newborns(P, inputs, r, h, A1);
    let sum = 0;
    let total = 0;
    for (let s = 0; s < 2; s++) {
      const base = ((r * 3 + h) * 2 + s) * A1;
      const rateBase = (r * 2 + s) * A1;
      for (let a = 0; a < A1; a++) {
        const v = rate[rateBase + a];
        if (v === 0) continue;
        const flow = survivor(P, inputs, base, a, A, born[s]) * v;
        total += flow;
        if (mask === null || mask[a] !== 0) sum += flow;
      }
    }
    out[r] = sum;
    if (all !== undefined) all[r] = total;
  }
  return out;
}

/**
 * Per region, persons of status `h` aged `from..to` in the population `P` (any time).
 *
 * @example
 * Array.from(statusAges(new Float64Array(18).fill(100), 1, 1, 2, 0, 1, new Float64Array(1)))
 * // => [400]
 */
export function statusAges(P: Float64Array, h: number, regions: number, maxAge: number, from: number, to: number, out: Float64Array): Float64Array {
  const A1 = maxAge + 1;
  const last = Math.min(to, maxAge);
  for (let r = 0; r < regions; r++) {
    let sum = 0;
    for (let s = 0; s < 2; s++) {
      const base = ((r * 3 + h) * 2 + s) * A1;
      for (let a = from; a <= last; a++) sum += P[base + a];
    }
    out[r] = sum;
  }
  return out;
}

/**
 * Per region, the positive part of the net outside migrants `n` of status `h` at ages in
 * `mask` (all when null): the arrivals from outside a constraint can hold back.
 *
 * @example
 * Array.from(positiveArrivals(Float64Array.from({ length: 18 }, (_, i) => (i === 7 ? 5 : i === 8 ? -3 : 0)), 1, 1, 2, null, new Float64Array(1)))
 * // => [5]
 */
export function positiveArrivals(n: Float64Array | null, h: number, regions: number, maxAge: number, mask: Uint8Array | null, out: Float64Array): Float64Array {
  const A1 = maxAge + 1;
  out.fill(0);
  if (n === null) return out;
  for (let r = 0; r < regions; r++) {
    let sum = 0;
    for (let s = 0; s < 2; s++) {
      const base = ((r * 3 + h) * 2 + s) * A1;
      for (let a = 0; a < A1; a++) {
        if (mask !== null && mask[a] === 0) continue;
        const v = n[base + a];
        if (v > 0) sum += v;
      }
    }
    out[r] = sum;
  }
  return out;
}

/** A 0/1 mask of ages `from..to` over `0..maxAge`. */
export function ageMask(maxAge: number, from: number, to: number): Uint8Array {
  const mask = new Uint8Array(maxAge + 1);
  for (let a = from; a <= Math.min(to, maxAge); a++) mask[a] = 1;
  return mask;
}
