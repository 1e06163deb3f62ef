/**
 * Bit-level comparison of numeric arrays: `Object.is` per element, so that `0` and `-0`, and
 * two different NaN payloads reached by different paths, count as different.
 */

/** Index of the first element where `a` and `b` differ (`Object.is`), or -1 when none does. */
export function firstBitDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** True when two `Float64Array`s hold the same bytes. */
export function sameBytes(a: Float64Array, b: Float64Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}
