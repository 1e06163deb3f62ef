/**
 * A plain reading of model.md section 3 on plain arrays, written for clarity rather than
 * speed, as an oracle for the kernel. It follows the spec's formulas literally
 * (`rural' = S_rural - mig - ins`, moves as explicit sums over origins), so it agrees with the
 * kernel to rounding, not bit for bit.
 */

import type { KernelProblemJSON, PooledMatrixJSON, SparseMatrixJSON } from '../../src/io/kernelJson.js';
import { identityMatrix } from './kernelDocs.js';

export interface ReferenceStep {
  /** Survivors after steps 1 and 2 (aged, with the surviving births at age 0), layout r,h,s,a. */
  survivors: number[];
  /** Population after all five steps. */
  population: number[];
  /** Per region. */
  births: number[];
  deaths: number[];
  ruralToUrban: number[];
  reclassified: number[];
  conversions: number[];
  returns: number[];
  netInternational: number[];
  /** Movers of `D` and `E` whose destination is another region, counted where they arrive and where they leave. */
  inMigrants: number[];
  outMigrants: number[];
  netMigration: number[];
  /** Migrants gained by each destination through `D` (step 4). */
  migrantsGained: number[];
  /** Returners gained by each destination through `E` (step 4). */
  returnersGained: number[];
}

type Matrix = number[] | SparseMatrixJSON | PooledMatrixJSON;

function isList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && typeof value[0] === 'object';
}

/** The value of step `t` of a constant or per-year input. */
export function atStep(value: unknown, t: number): unknown {
  if (value === undefined) return undefined;
  return isList(value) ? (value as unknown[])[t] : value;
}

function denseOf(matrix: Matrix | undefined, R: number): number[] {
  if (matrix === undefined) return identityMatrix(R);
  if (Array.isArray(matrix)) return matrix;
  if ('pooled' in matrix) return pooledToDense(matrix, R);
  const out = new Array<number>(R * R).fill(0);
  const { from, to, share } = matrix.sparse;
  for (let e = 0; e < from.length; e++) out[from[e] * R + to[e]] += share[e];
  return out;
}

/** The dense equivalent of a pooled matrix (model.md section 7): `D[i][j] = sum_l share_l[i] * weight_l[j] * (group_l[i] == group_l[j])`. */
export function pooledToDense(matrix: PooledMatrixJSON, R: number): number[] {
  const out = new Array<number>(R * R).fill(0);
  for (const { group, share, weight } of matrix.pooled.levels)
    for (let i = 0; i < R; i++) for (let j = 0; j < R; j++) if (group[i] === group[j]) out[i * R + j] += share[i] * weight[j];
  return out;
}

/** Runs step `t` of `doc` from population `P`. */
export function referenceStep(doc: KernelProblemJSON, P: readonly number[], t: number): ReferenceStep {
  const R = doc.dims.regions.length;
  const A = doc.dims.maxAge;
  const A1 = A + 1;
  const idx = (r: number, h: number, s: number, a: number) => ((r * 3 + h) * 2 + s) * A1 + a;
  const rsa = (r: number, s: number, a: number) => (r * 2 + s) * A1 + a;
  const i = doc.inputs;
  const sx = atStep(i.sx, t) as number[];
  const sb = atStep(i.sb, t) as number[];
  const fx = atStep(i.fx, t) as number[];
  const srb = atStep(i.srb, t) as number[];
  const m = atStep(i.m, t) as number[];
  const c = atStep(i.c, t) as number[];
  const k = atStep(i.k, t) as number[];
  const q = atStep(i.q, t) as number[];
  const D = denseOf(atStep(i.D, t) as Matrix | undefined, R);
  const E = denseOf(atStep(i.E, t) as Matrix | undefined, R);
  const n = atStep(i.n, t) as number[] | undefined;

  const zeros = () => new Array<number>(R).fill(0);
  const out: ReferenceStep = {
    survivors: [],
    population: [],
    births: zeros(),
    deaths: zeros(),
    ruralToUrban: zeros(),
    reclassified: zeros(),
    conversions: zeros(),
    returns: zeros(),
    netInternational: zeros(),
    inMigrants: zeros(),
    outMigrants: zeros(),
    netMigration: zeros(),
    migrantsGained: zeros(),
    returnersGained: zeros(),
  };
  const S = new Array<number>(P.length).fill(0);

  // 1. survive and age
  for (let r = 0; r < R; r++)
    for (let h = 0; h < 3; h++)
      for (let s = 0; s < 2; s++) {
        for (let a = 0; a <= A - 2; a++) S[idx(r, h, s, a + 1)] = P[idx(r, h, s, a)] * sx[idx(r, h, s, a)];
        S[idx(r, h, s, A)] = P[idx(r, h, s, A - 1)] * sx[idx(r, h, s, A - 1)] + P[idx(r, h, s, A)] * sx[idx(r, h, s, A)];
        for (let a = 0; a <= A; a++) out.deaths[r] += P[idx(r, h, s, a)] * (1 - sx[idx(r, h, s, a)]);
      }

  // 2. births from the women at the start of the year, split by srb, survived by sb
  for (let r = 0; r < R; r++)
    for (let h = 0; h < 3; h++) {
      let B = 0;
      for (let a = 0; a <= A; a++) B += fx[(r * 3 + h) * A1 + a] * P[idx(r, h, 0, a)];
      const girls = B / (1 + srb[r]);
      const boys = (B * srb[r]) / (1 + srb[r]);
      const sbF = sb[(r * 3 + h) * 2];
      const sbM = sb[(r * 3 + h) * 2 + 1];
      S[idx(r, h, 0, 0)] = girls * sbF;
      S[idx(r, h, 1, 0)] = boys * sbM;
      out.births[r] += B;
      out.deaths[r] += girls * (1 - sbF) + boys * (1 - sbM);
    }
  out.survivors = [...S];

  // 3. transitions inside each region
  const Q = [...S];
  const mig = new Array<number>(R * 2 * A1).fill(0);
  const ret = new Array<number>(R * 2 * A1).fill(0);
  for (let r = 0; r < R; r++)
    for (let s = 0; s < 2; s++)
      for (let a = 0; a <= A; a++) {
        const rural = S[idx(r, 0, s, a)];
        const migrant = S[idx(r, 1, s, a)];
        const mv = rural * m[rsa(r, s, a)];
        const ins = rural * c[r];
        const conv = migrant * k[rsa(r, s, a)];
        const back = migrant * q[rsa(r, s, a)];
        Q[idx(r, 0, s, a)] = rural - mv - ins;
        Q[idx(r, 1, s, a)] = migrant - conv - back;
        Q[idx(r, 2, s, a)] = S[idx(r, 2, s, a)] + ins + conv;
        mig[rsa(r, s, a)] = mv;
        ret[rsa(r, s, a)] = back;
        out.ruralToUrban[r] += mv;
        out.reclassified[r] += ins;
        out.conversions[r] += conv;
        out.returns[r] += back;
      }

  // 4. moves between regions
  for (let j = 0; j < R; j++)
    for (let s = 0; s < 2; s++)
      for (let a = 0; a <= A; a++) {
        let gained = 0;
        let back = 0;
        for (let o = 0; o < R; o++) {
          gained += mig[rsa(o, s, a)] * D[o * R + j];
          back += ret[rsa(o, s, a)] * E[o * R + j];
          if (o === j) continue;
          const moved = mig[rsa(o, s, a)] * D[o * R + j] + ret[rsa(o, s, a)] * E[o * R + j];
          out.inMigrants[j] += moved;
          out.outMigrants[o] += moved;
        }
        Q[idx(j, 1, s, a)] += gained;
        Q[idx(j, 0, s, a)] += back;
        out.migrantsGained[j] += gained;
        out.returnersGained[j] += back;
      }

  for (let r = 0; r < R; r++) out.netMigration[r] = out.inMigrants[r] - out.outMigrants[r];

  // 5. net international migrants
  if (n !== undefined) {
    for (let r = 0; r < R; r++)
      for (let x = 0; x < 6 * A1; x++) {
        Q[r * 6 * A1 + x] += n[r * 6 * A1 + x];
        out.netInternational[r] += n[r * 6 * A1 + x];
      }
  }
  out.population = Q;
  return out;
}

/** Runs every step of `doc`. */
export function referenceRun(doc: KernelProblemJSON): { population: number[][]; steps: ReferenceStep[] } {
  const population = [doc.population];
  const steps: ReferenceStep[] = [];
  for (let t = 0; t < doc.years; t++) {
    const step = referenceStep(doc, population[t], t);
    steps.push(step);
    population.push(step.population);
  }
  return { population, steps };
}
