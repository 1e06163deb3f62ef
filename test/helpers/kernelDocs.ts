/**
 * Small kernel problem documents for tests, written as plain JSON values in the layout of
 * model.md sections 1 and 6.
 */

import type { KernelProblemJSON } from '../../src/io/kernelJson.js';

/** Lengths of the flat shapes of model.md section 6. */
export function shapeSizes(regions: number, maxAge: number) {
  const A1 = maxAge + 1;
  return { rhsa: regions * 6 * A1, rhs: regions * 6, rha: regions * 3 * A1, rsa: regions * 2 * A1, r: regions, rr: regions * regions };
}

/** `length` copies of `value`. */
export function filled(length: number, value: number): number[] {
  return new Array<number>(length).fill(value);
}

/** The R x R identity, row-major. */
export function identityMatrix(regions: number): number[] {
  const out = filled(regions * regions, 0);
  for (let i = 0; i < regions; i++) out[i * regions + i] = 1;
  return out;
}

export interface UniformDocOptions {
  regions?: string[];
  maxAge?: number;
  years?: number;
  startYear?: number;
}

/**
 * A valid document with the same value in every cell of each input: 100 people per cell,
 * `sx` 0.99, `sb` 0.98, `fx` 0.05, `srb` 1.05, `m` 0.02, `c` 0.01, `k` 0.05, `q` 0.03.
 */
export function uniformKernelDoc(options: UniformDocOptions = {}): KernelProblemJSON {
  const regions = options.regions ?? ['north', 'south'];
  const maxAge = options.maxAge ?? 2;
  const size = shapeSizes(regions.length, maxAge);
  return {
    format: 'chengzhen-kernel/1',
    dims: { regions: [...regions], maxAge },
    startYear: options.startYear ?? 2020,
    years: options.years ?? 2,
    population: filled(size.rhsa, 100),
    inputs: {
      sx: filled(size.rhsa, 0.99),
      sb: filled(size.rhs, 0.98),
      fx: filled(size.rha, 0.05),
      srb: filled(size.r, 1.05),
      m: filled(size.rsa, 0.02),
      c: filled(size.r, 0.01),
      k: filled(size.rsa, 0.05),
      q: filled(size.rsa, 0.03),
    },
  };
}

/** A deep copy of a document (typed arrays copied too). */
export function cloneDoc<T>(doc: T): T {
  return structuredClone(doc);
}

/** Freezes a plain JSON value and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
