/**
 * Deterministic synthetic kernel problems for the benchmark suite: realistic magnitudes
 * (survival 0.95-0.9999, fertility at ages 15-49, small m, c, k, q), regions of
 * province, prefecture or county size, and movers' matrices `D` and `E` that are dense for a
 * few regions and sparse (about ten destinations a region) for many.
 *
 * Every problem is built from a seed with {@link mulberry32}, passed through
 * `parseKernelProblem` (so it is a valid `chengzhen-kernel/1` problem), and is therefore the
 * same on every machine and every run.
 */

import { parseKernelProblem } from '../src/schema/kernelProblem.js';
import type { KernelProblem } from '../src/kernel/types.js';

/** How a case gives its movers' matrices `D` and `E`. */
export type MoveForm = 'identity' | 'dense' | 'sparse';

/** One synthetic problem of the suite. */
export interface BenchCase {
  /** Short id, used by the case filter and in the results (`r31-dense`). */
  id: string;
  regions: number;
  years: number;
  maxAge: number;
  /** Form of `D` and `E`. */
  moves: MoveForm;
  /**
   * Destinations per origin of a sparse matrix; `'all'` writes the dense matrix of the same
   * seed as sparse links, so that the dense and sparse code paths see the same numbers.
   */
  destinations: number | 'all';
  seed: number;
  /** The case whose timing, with `D` and `E` replaced by identity, gives "the step without moves". */
  identityOf?: string;
}

const YEARS = 27;
const MAX_AGE = 100;

/** The cases of the suite, smallest first. */
export const BENCH_CASES: readonly BenchCase[] = [
  { id: 'r1', regions: 1, years: YEARS, maxAge: MAX_AGE, moves: 'identity', destinations: 1, seed: 1 },
  { id: 'r31-dense', regions: 31, years: YEARS, maxAge: MAX_AGE, moves: 'dense', destinations: 'all', seed: 31 },
  { id: 'r31-sparse', regions: 31, years: YEARS, maxAge: MAX_AGE, moves: 'sparse', destinations: 'all', seed: 31 },
  { id: 'r300-sparse', regions: 300, years: YEARS, maxAge: MAX_AGE, moves: 'sparse', destinations: 10, seed: 300 },
  { id: 'r3000-sparse', regions: 3000, years: YEARS, maxAge: MAX_AGE, moves: 'sparse', destinations: 10, seed: 3000 },
];

/** The same problems with identity `D` and `E`: the step without moves between regions. */
export const IDENTITY_CASES: readonly BenchCase[] = BENCH_CASES.filter((c) => c.regions > 1 && c.id !== 'r31-sparse').map((c) => ({
  ...c,
  id: `r${c.regions}-identity`,
  moves: 'identity' as const,
  identityOf: c.id,
}));

/**
 * The small, fast PRNG mulberry32: a 32-bit state, uniform numbers in [0, 1).
 *
 * @example
 * const next = mulberry32(1);
 * next()
 * // => 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform number in [lo, hi). */
function uniform(next: () => number, lo: number, hi: number): number {
  return lo + (hi - lo) * next();
}

/** Region ids sized to the case: a national region, provinces, prefectures or counties. */
function regionIds(regions: number): string[] {
  if (regions === 1) return ['china'];
  const width = String(regions - 1).length;
  return Array.from({ length: regions }, (_, r) => `region-${String(r).padStart(width, '0')}`);
}

/** Relative size of the age group `a` in a population like China's around 2023. */
function ageShape(a: number): number {
  const adult = a < 60 ? 1 + 0.25 * Math.sin((a - 5) / 9) : Math.exp(-(a - 60) / 11);
  const children = a < 20 ? 0.7 + 0.015 * a : 1;
  return adult * children;
}

/** Base population: region totals of the right size, status shares by region and age. */
function basePopulation(next: () => number, regions: number, A: number): Float64Array {
  const A1 = A + 1;
  const P = new Float64Array(regions * 6 * A1);
  const nationalTotal = 1.41e9;
  let shapeSum = 0;
  for (let a = 0; a < A1; a++) shapeSum += ageShape(a);
  for (let r = 0; r < regions; r++) {
    const total = regions === 1 ? nationalTotal : (nationalTotal / regions) * uniform(next, 0.4, 1.6);
    const ruralShare = uniform(next, 0.2, 0.55);
    const migrantShare = uniform(next, 0.1, 0.3) * (1 - ruralShare);
    for (let s = 0; s < 2; s++) {
      const sexShare = s === 0 ? 0.49 : 0.51;
      for (let a = 0; a < A1; a++) {
        const people = (total * sexShare * ageShape(a)) / shapeSum;
        // migrants are young adults and their children; the rural population is older
        const migrantTilt = a >= 16 && a <= 50 ? 1.6 : a < 16 ? 0.8 : 0.3;
        const ruralTilt = a >= 55 ? 1.4 : 1;
        let rural = ruralShare * ruralTilt;
        let migrant = migrantShare * migrantTilt;
        let hukou = Math.max(0.05, 1 - rural - migrant);
        const sum = rural + migrant + hukou;
        rural /= sum;
        migrant /= sum;
        hukou /= sum;
        const noise = uniform(next, 0.95, 1.05);
        P[((r * 3 + 0) * 2 + s) * A1 + a] = people * rural * noise;
        P[((r * 3 + 1) * 2 + s) * A1 + a] = people * migrant * noise;
        P[((r * 3 + 2) * 2 + s) * A1 + a] = people * hukou * noise;
      }
    }
  }
  return P;
}

/** Survival `sx`: a Gompertz hazard, higher for men and rural residents, within [0.95, 0.9999]. */
function survival(next: () => number, regions: number, A: number): Float64Array {
  const A1 = A + 1;
  const sx = new Float64Array(regions * 6 * A1);
  for (let r = 0; r < regions; r++) {
    const level = uniform(next, 0.8, 1.25);
    for (let h = 0; h < 3; h++) {
      const statusFactor = h === 0 ? 1.25 : 1;
      for (let s = 0; s < 2; s++) {
        const sexFactor = s === 1 ? 1.35 : 1;
        for (let a = 0; a < A1; a++) {
          const infant = a === 0 ? 0.004 : 0;
          const hazard = (infant + 0.00006 + 0.000018 * Math.exp(0.098 * a)) * level * statusFactor * sexFactor;
          sx[((r * 3 + h) * 2 + s) * A1 + a] = Math.min(0.9999, Math.max(0.95, 1 - hazard));
        }
      }
    }
  }
  return sx;
}

/** Fertility `fx`: a bell over ages 15-49 with a total fertility of 0.9-1.6, zero elsewhere. */
function fertility(next: () => number, regions: number, A: number): Float64Array {
  const A1 = A + 1;
  const fx = new Float64Array(regions * 3 * A1);
  let bellSum = 0;
  for (let a = 15; a <= 49; a++) bellSum += Math.exp(-(((a - 29) / 5.5) ** 2) / 2);
  for (let r = 0; r < regions; r++) {
    for (let h = 0; h < 3; h++) {
      const tfr = uniform(next, 0.9, 1.3) * (h === 0 ? 1.25 : 1);
      for (let a = 15; a <= 49; a++) fx[(r * 3 + h) * A1 + a] = (tfr * Math.exp(-(((a - 29) / 5.5) ** 2) / 2)) / bellSum;
    }
  }
  return fx;
}

/** Rates by region, sex and age: rural-to-urban `m`, hukou conversion `k`, return `q`. */
function transitionRates(next: () => number, regions: number, A: number): { m: Float64Array; k: Float64Array; q: Float64Array } {
  const A1 = A + 1;
  const n = regions * 2 * A1;
  const m = new Float64Array(n);
  const k = new Float64Array(n);
  const q = new Float64Array(n);
  for (let r = 0; r < regions; r++) {
    const mLevel = uniform(next, 0.5, 1.5);
    const kLevel = uniform(next, 0.5, 1.5);
    const qLevel = uniform(next, 0.5, 1.5);
    for (let s = 0; s < 2; s++) {
      for (let a = 0; a < A1; a++) {
        const i = (r * 2 + s) * A1 + a;
        m[i] = mLevel * (0.002 + 0.03 * Math.exp(-(((a - 23) / 6) ** 2))) * (s === 0 ? 0.9 : 1);
        k[i] = kLevel * (0.01 + 0.02 * Math.exp(-(((a - 32) / 10) ** 2)));
        q[i] = qLevel * (0.003 + 0.008 * Math.exp(-(((a - 52) / 8) ** 2)));
      }
    }
  }
  return { m, k, q };
}

/** Net international migrants `n`: small, of either sign, at working ages 15-64 only. */
function netInternational(next: () => number, P: Float64Array, A: number): Float64Array {
  const A1 = A + 1;
  const n = new Float64Array(P.length);
  for (let cell = 0; cell < P.length; cell++) {
    const a = cell % A1;
    if (a < 15 || a > 64) continue;
    n[cell] = P[cell] * uniform(next, -0.0002, 0.0004);
  }
  return n;
}

/** A per-year list of `years` copies of `base`, drifting by `drift` a year. */
function perYear(base: Float64Array, years: number, drift: number): Float64Array[] {
  return Array.from({ length: years }, (_, t) => base.map((v) => v * (1 + drift * t)));
}

/** A dense matrix whose rows sum to 1: a large own share, the rest spread over every region. */
function denseShares(next: () => number, regions: number, ownLo: number, ownHi: number): Float64Array {
  const M = new Float64Array(regions * regions);
  for (let i = 0; i < regions; i++) {
    const own = uniform(next, ownLo, ownHi);
    let rest = 0;
    for (let j = 0; j < regions; j++) {
      if (j === i) continue;
      const w = 0.05 + next() ** 2;
      M[i * regions + j] = w;
      rest += w;
    }
    for (let j = 0; j < regions; j++) M[i * regions + j] = j === i ? own : (M[i * regions + j] * (1 - own)) / rest;
  }
  return M;
}

/** Links of a sparse matrix, as plain arrays (the parser counts links with `Array.isArray`). */
interface Links {
  from: number[];
  to: number[];
  share: number[];
}

/**
 * A sparse matrix with `destinations` links a row: the region itself, neighbours (nearby
 * indices, as regions of one province are listed together), a few national hubs and a few
 * regions anywhere.
 */
function sparseShares(next: () => number, regions: number, destinations: number, ownLo: number, ownHi: number): Links {
  const hubs = Array.from({ length: Math.max(1, Math.round(regions / 100)) }, () => Math.floor(next() * regions));
  const from: number[] = [];
  const to: number[] = [];
  const share: number[] = [];
  const count = Math.min(destinations, regions);
  for (let i = 0; i < regions; i++) {
    const targets = new Set<number>([i]);
    const near = Math.ceil((count - 1) * 0.6);
    for (let tries = 0; targets.size < 1 + near && tries < 100; tries++) {
      const j = i + Math.round(uniform(next, -20, 20));
      if (j >= 0 && j < regions) targets.add(j);
    }
    for (let h = 0; h < 2 && targets.size < count; h++) targets.add(hubs[Math.floor(next() * hubs.length)]);
    while (targets.size < count) targets.add(Math.floor(next() * regions));
    const own = uniform(next, ownLo, ownHi);
    const others = [...targets].filter((j) => j !== i);
    const weights = others.map(() => 0.05 + next() ** 2);
    const rest = weights.reduce((x, y) => x + y, 0);
    from.push(i);
    to.push(i);
    share.push(others.length === 0 ? 1 : own);
    others.forEach((j, e) => {
      from.push(i);
      to.push(j);
      share.push((weights[e] * (1 - own)) / rest);
    });
  }
  return { from, to, share };
}

/** The links of a dense matrix, every entry included. */
function denseAsLinks(M: Float64Array, regions: number): Links {
  const from = new Array<number>(regions * regions);
  const to = new Array<number>(regions * regions);
  for (let i = 0; i < regions; i++) {
    for (let j = 0; j < regions; j++) {
      from[i * regions + j] = i;
      to[i * regions + j] = j;
    }
  }
  return { from, to, share: Array.from(M) };
}

function movesInput(next: () => number, spec: BenchCase, ownLo: number, ownHi: number): unknown {
  const R = spec.regions;
  if (spec.moves === 'identity' || R === 1) return undefined;
  if (spec.destinations === 'all') {
    const M = denseShares(next, R, ownLo, ownHi);
    return spec.moves === 'dense' ? M : { sparse: denseAsLinks(M, R) };
  }
  const links = sparseShares(next, R, spec.destinations, ownLo, ownHi);
  return { sparse: links };
}

/**
 * The synthetic kernel problem of a case, validated by `parseKernelProblem`. The same seed
 * gives the same numbers whatever the form of `D` and `E`, so an identity or sparse variant of
 * a case differs from it only in its movers' matrices.
 *
 * @example
 * syntheticKernelProblem(BENCH_CASES[0]).population.length
 * // => 606
 */
export function syntheticKernelProblem(spec: BenchCase): KernelProblem {
  const R = spec.regions;
  const A = spec.maxAge;
  const next = mulberry32(spec.seed);
  const population = basePopulation(next, R, A);
  const sx = survival(next, R, A);
  const sb = new Float64Array(R * 6);
  for (let i = 0; i < sb.length; i++) sb[i] = uniform(next, 0.995, 0.999);
  const fx = fertility(next, R, A);
  const srb = new Float64Array(R);
  for (let r = 0; r < R; r++) srb[r] = uniform(next, 1.04, 1.12);
  const c = new Float64Array(R);
  for (let r = 0; r < R; r++) c[r] = uniform(next, 0.002, 0.01);
  const { m, k, q } = transitionRates(next, R, A);
  const n = netInternational(next, population, A);
  // matrices last, from their own streams, so that every form of D and E shares the rest
  const D = movesInput(mulberry32(spec.seed * 7919 + 1), spec, 0.3, 0.6);
  const E = movesInput(mulberry32(spec.seed * 7919 + 2), spec, 0.4, 0.7);
  const doc = {
    format: 'chengzhen-kernel/1',
    dims: { regions: regionIds(R), maxAge: A },
    startYear: 2023,
    years: spec.years,
    population,
    inputs: {
      sx,
      sb,
      fx,
      // the sex ratio at birth and reclassification change year by year; the rest is constant
      srb: perYear(srb, spec.years, -0.001),
      m,
      c: perYear(c, spec.years, 0.01),
      k,
      q,
      n,
      ...(D === undefined ? {} : { D }),
      ...(E === undefined ? {} : { E }),
    },
  };
  return parseKernelProblem(doc);
}
