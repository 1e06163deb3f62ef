/**
 * Random valid kernel problem documents for fast-check properties.
 *
 * fast-check draws the sizes, the per-year/constant and dense/sparse choices and a seed; the
 * numbers themselves come from a seeded generator, so that documents with thousands of cells
 * are cheap to draw and a failing case is reproduced by its shape alone. Values mix ordinary
 * draws with the edges of their ranges (exact 0 and 1, `m + c = 1`, one-hot matrix rows).
 */

import fc from 'fast-check';
import type { KernelProblemJSON, SparseMatrixJSON } from '../../src/io/kernelJson.js';
import { shapeSizes } from './kernelDocs.js';

/** A small fast seeded generator of floats in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The names of the inputs, in the order of the `perYear` bit mask. */
export const INPUT_NAMES = ['sx', 'sb', 'fx', 'srb', 'm', 'c', 'k', 'q', 'D', 'E', 'n'] as const;
export type InputName = (typeof INPUT_NAMES)[number];

/** Everything a random document is built from. */
export interface RandomDocShape {
  regions: number;
  maxAge: number;
  years: number;
  seed: number;
  /** Bit `i` set: input `INPUT_NAMES[i]` is given per year. */
  perYear: number;
  /** Bit 0: `D` sparse; bit 1: `E` sparse. */
  sparse: number;
  /** Bit 0: leave `D` out; bit 1: leave `E` out; bit 2: leave `n` out. */
  omit: number;
}

export interface RandomDocOptions {
  regions?: [number, number];
  maxAge?: [number, number];
  years?: [number, number];
  /** `sx`, `sb` and `fx` the same for every status (rates that depend on region, sex and age only). */
  statusIndependentRates?: boolean;
  /** `q = 0`: nobody returns. */
  noReturns?: boolean;
  /** `D` and `E` left out (identity): nobody changes region. */
  identityMoves?: boolean;
  /** Leave `n` out always. */
  noInternational?: boolean;
}

type Rand = () => number;

/** A probability that is 0 or 1 now and then, else uniform. */
function probability(rand: Rand, edgeShare = 0.1): number {
  const u = rand();
  if (u < edgeShare) return 0;
  if (u < 2 * edgeShare) return 1;
  return rand();
}

/** A draw of `x` in `[0, limit]` with `x + other <= 1` exactly, hitting the limit now and then. */
function upTo(rand: Rand, other: number): number {
  const limit = 1 - other;
  const u = rand();
  let x = u < 0.1 ? 0 : u < 0.2 ? limit : rand() * limit;
  while (x > 0 && x + other > 1) x = Math.max(0, x - Number.EPSILON * Math.max(x, 1e-300));
  return x;
}

function population(rand: Rand, length: number): number[] {
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    const u = rand();
    out[i] = u < 0.15 ? 0 : Math.floor(10 ** (rand() * 6)) + (u < 0.5 ? rand() : 0);
  }
  return out;
}

/** One value per cell of shape `rhsa`, `rhs` or `rha`, copied across the three statuses when asked. */
function byStatus(rand: Rand, regions: number, inner: number, draw: (rand: Rand) => number, sameForAll: boolean): number[] {
  const out = new Array<number>(regions * 3 * inner);
  for (let r = 0; r < regions; r++) {
    const shared = Array.from({ length: inner }, () => draw(rand));
    for (let h = 0; h < 3; h++) {
      for (let x = 0; x < inner; x++) out[(r * 3 + h) * inner + x] = sameForAll ? shared[x] : draw(rand);
    }
  }
  return out;
}

function fertility(rand: Rand): number {
  const u = rand();
  return u < 0.3 ? 0 : rand() * 0.6;
}

/** A row-stochastic R x R matrix, row-major: a few links per row, some rows one-hot. */
function stochasticMatrix(rand: Rand, regions: number): number[] {
  const out = new Array<number>(regions * regions).fill(0);
  for (let i = 0; i < regions; i++) {
    if (rand() < 0.25) {
      out[i * regions + Math.floor(rand() * regions)] = 1;
      continue;
    }
    let sum = 0;
    for (let j = 0; j < regions; j++) {
      const w = rand() < 0.4 ? 0 : rand() + 1e-3;
      out[i * regions + j] = w;
      sum += w;
    }
    if (sum === 0) {
      out[i * regions + i] = 1;
      continue;
    }
    for (let j = 0; j < regions; j++) out[i * regions + j] /= sum;
  }
  return out;
}

/**
 * The non-zero entries of a dense row-major matrix as sparse links, listed in a shuffled
 * order (the format accepts links in any order).
 */
export function denseToSparse(values: readonly number[], regions: number, rand: Rand = seededRandom(7)): SparseMatrixJSON {
  const links: [number, number, number][] = [];
  for (let i = 0; i < regions; i++) for (let j = 0; j < regions; j++) if (values[i * regions + j] !== 0) links.push([i, j, values[i * regions + j]]);
  for (let x = links.length - 1; x > 0; x--) {
    const y = Math.floor(rand() * (x + 1));
    [links[x], links[y]] = [links[y], links[x]];
  }
  return { sparse: { from: links.map((l) => l[0]), to: links.map((l) => l[1]), share: links.map((l) => l[2]) } };
}

/** A constant input (one array) or a per-year one (a list of `years` arrays). */
function maybePerYear<T>(perYear: boolean, years: number, make: (t: number) => T): T | T[] {
  return perYear ? Array.from({ length: years }, (_, t) => make(t)) : make(0);
}

/** Element-wise maximum over a list of equally long arrays. */
function elementMax(list: number[][]): number[] {
  return list[0].map((_, i) => Math.max(...list.map((a) => a[i])));
}

/** Builds the document a shape describes. */
export function randomKernelDoc(shape: RandomDocShape, options: RandomDocOptions = {}): KernelProblemJSON {
  const rand = seededRandom(shape.seed);
  const { regions: R, maxAge: A, years } = shape;
  const A1 = A + 1;
  const size = shapeSizes(R, A);
  const per = (name: InputName) => (shape.perYear & (1 << INPUT_NAMES.indexOf(name))) !== 0;
  const same = options.statusIndependentRates ?? false;

  const c = maybePerYear(per('c'), years, () => Array.from({ length: R }, () => (rand() < 0.3 ? 0 : rand() * 0.5)));
  const cMax = elementMax(per('c') ? (c as number[][]) : [c as number[]]);
  const m = maybePerYear(per('m'), years, () => Array.from({ length: size.rsa }, (_, i) => upTo(rand, cMax[Math.floor(i / (2 * A1))])));
  const q = maybePerYear(per('q'), years, () => Array.from({ length: size.rsa }, () => (options.noReturns ? 0 : probability(rand, 0.1) * 0.6)));
  const qMax = elementMax(per('q') ? (q as number[][]) : [q as number[]]);
  const k = maybePerYear(per('k'), years, () => Array.from({ length: size.rsa }, (_, i) => upTo(rand, qMax[i])));

  const inputs: KernelProblemJSON['inputs'] = {
    sx: maybePerYear(per('sx'), years, () => byStatus(rand, R, 2 * A1, (g) => probability(g, 0.05), same)),
    sb: maybePerYear(per('sb'), years, () => byStatus(rand, R, 2, (g) => probability(g, 0.1), same)),
    fx: maybePerYear(per('fx'), years, () => byStatus(rand, R, A1, fertility, same)),
    srb: maybePerYear(per('srb'), years, () => Array.from({ length: R }, () => 0.5 + rand() * 1.5)),
    m,
    c,
    k,
    q,
  };
  const matrix = (bit: number) => () => {
    const dense = stochasticMatrix(rand, R);
    return (shape.sparse & bit) !== 0 ? denseToSparse(dense, R, rand) : dense;
  };
  if (!options.identityMoves && (shape.omit & 1) === 0) inputs.D = maybePerYear(per('D'), years, matrix(1));
  if (!options.identityMoves && (shape.omit & 2) === 0) inputs.E = maybePerYear(per('E'), years, matrix(2));
  if (!options.noInternational && (shape.omit & 4) === 0) {
    inputs.n = maybePerYear(per('n'), years, () => Array.from({ length: size.rhsa }, () => (rand() < 0.5 ? 0 : rand() * 100)));
  }
  return {
    format: 'chengzhen-kernel/1',
    dims: { regions: Array.from({ length: R }, (_, r) => `region-${r}`), maxAge: A },
    startYear: 2000 + Math.floor(rand() * 50),
    years,
    population: population(rand, size.rhsa),
    inputs,
  };
}

/** fast-check arbitrary of the shapes {@link randomKernelDoc} builds from. */
export function randomDocShape(options: RandomDocOptions = {}): fc.Arbitrary<RandomDocShape> {
  const [minR, maxR] = options.regions ?? [1, 5];
  const [minA, maxA] = options.maxAge ?? [2, 6];
  const [minY, maxY] = options.years ?? [1, 6];
  return fc.record({
    regions: fc.integer({ min: minR, max: maxR }),
    maxAge: fc.integer({ min: minA, max: maxA }),
    years: fc.integer({ min: minY, max: maxY }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    perYear: fc.integer({ min: 0, max: 2 ** INPUT_NAMES.length - 1 }),
    sparse: fc.integer({ min: 0, max: 3 }),
    omit: fc.integer({ min: 0, max: 7 }),
  });
}

/** fast-check arbitrary of valid kernel problem documents. */
export function kernelDocArbitrary(options: RandomDocOptions = {}): fc.Arbitrary<KernelProblemJSON> {
  return randomDocShape(options).map((shape) => randomKernelDoc(shape, options));
}

/**
 * The same document with `k` raised everywhere: `k' = k + u*(1 - max q - k)` with `u` in
 * [0, 1] drawn per cell (0 and 1 included), so `k' >= k` and `k' + q <= 1` in every step.
 */
export function withRaisedK(doc: KernelProblemJSON, seed: number): KernelProblemJSON {
  const rand = seededRandom(seed);
  const { k, q } = doc.inputs;
  const kList = Array.isArray(k[0]);
  const qList = Array.isArray(q[0]);
  const qMax = elementMax(qList ? (q as number[][]) : [q as number[]]);
  const raise = (values: number[]) =>
    values.map((v, i) => {
      const u = rand();
      const room = Math.max(0, 1 - qMax[i] - v);
      let out = u < 0.2 ? v : u < 0.4 ? v + room : v + rand() * room;
      while (out > v && out + qMax[i] > 1) out = Math.max(v, out - Number.EPSILON);
      return out;
    });
  const raised = kList ? (k as number[][]).map(raise) : raise(k as number[]);
  return { ...doc, inputs: { ...doc.inputs, k: raised } };
}
