/**
 * Properties of constrained runs over random two- to four-region problems (fast-check, fixed
 * seeds), with dense and pooled destinations and both spills:
 * - never more movers in a year than the year's rates would move from the same population;
 * - a limited region's migrants never exceed its housing, unless they already did at the
 *   start of the year (then they do not grow);
 * - conversions never above the quota;
 * - school access with left-behind children on throughout;
 * - every population cell and every constraint series finite and >= 0 (no NaN);
 * - the accounting identity of each step, with survival and births.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKernelProblem } from '../../../src/schema/kernelProblem.js';
import { runKernel } from '../../../src/kernel/runKernel.js';
import { runConstrainedKernel } from '../../../src/model/constraints/controller.js';
import { ConstraintsSchema } from '../../../src/schema/constraints.js';
import { randomPooled } from '../../helpers/randomPooled.js';
import { accurateSum } from '../../helpers/sums.js';

const SEED = 16_2026;
const YEARS = 3;

interface Case {
  R: number;
  A: number;
  cells: number[];
  m: number[];
  k: number[];
  dense: number[][];
  pooledSeed: number | null;
  places: (number | null)[];
  additions: number;
  quota: number;
  spill: 'stay' | 'reroute';
  sx: number;
  fx: number;
}

const arbCase = fc
  .record({
    R: fc.integer({ min: 2, max: 4 }),
    A: fc.integer({ min: 1, max: 3 }),
    spill: fc.constantFrom('stay' as const, 'reroute' as const),
    pooled: fc.boolean(),
    pooledSeed: fc.integer({ min: 1, max: 1e6 }),
    additions: fc.double({ min: 0, max: 200, noNaN: true }),
    quota: fc.double({ min: 0, max: 500, noNaN: true }),
    sx: fc.constantFrom(1, 0.97),
    fx: fc.constantFrom(0, 0.1),
    seedCells: fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 4 * 3 * 2 * 4, maxLength: 4 * 3 * 2 * 4 }),
    rates: fc.array(fc.double({ min: 0, max: 0.4, noNaN: true }), { minLength: 8, maxLength: 8 }),
    rows: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 }),
    places: fc.array(fc.option(fc.double({ min: 0, max: 3000, noNaN: true }), { nil: null }), { minLength: 4, maxLength: 4 }),
  })
  .map((x): Case => {
    const { R, A } = x;
    const A1 = A + 1;
    const cells = Array.from({ length: R * 6 * A1 }, (_, i) => x.seedCells[i % x.seedCells.length]);
    const dense = Array.from({ length: R }, (_, i) => {
      const row = x.rows[i].slice(0, R);
      const sum = row.reduce((a, b) => a + b, 0);
      return sum > 0 ? row.map((v) => v / sum) : row.map((_, j) => (j === i ? 1 : 0));
    });
    return {
      R,
      A,
      cells,
      m: Array.from({ length: R }, (_, r) => x.rates[r]),
      k: Array.from({ length: R }, (_, r) => x.rates[4 + r]),
      dense,
      pooledSeed: x.pooled ? x.pooledSeed : null,
      places: x.places.slice(0, R),
      additions: x.additions,
      quota: x.quota,
      spill: x.spill,
      sx: x.sx,
      fx: x.fx,
    };
  });

function problemOf(c: Case) {
  const A1 = c.A + 1;
  const perRegion = (v: number[]) => v.flatMap((x) => new Array<number>(2 * A1).fill(x));
  return parseKernelProblem({
    format: 'chengzhen-kernel/1',
    dims: { regions: Array.from({ length: c.R }, (_, r) => `r${r}`), maxAge: c.A },
    startYear: 2024,
    years: YEARS,
    population: c.cells,
    inputs: {
      sx: new Array(c.R * 6 * A1).fill(c.sx),
      sb: new Array(c.R * 6).fill(1),
      fx: new Array(c.R * 3 * A1).fill(c.fx),
      srb: new Array(c.R).fill(1.05),
      m: perRegion(c.m),
      c: new Array(c.R).fill(0),
      k: perRegion(c.k),
      q: new Array(c.R * 2 * A1).fill(0),
      D: c.pooledSeed === null ? c.dense.flat() : randomPooled(c.R, 2, c.pooledSeed),
    },
  });
}

function constraintsOf(c: Case) {
  const byRegion: Record<string, number> = {};
  c.places.forEach((p, r) => {
    if (p !== null) byRegion[`r${r}`] = p;
  });
  return ConstraintsSchema.parse({
    housing: { spill: c.spill, ages: { from: 0, to: c.A }, capacity: { initial: { byRegion }, additionsPerYear: c.additions } },
    settlementQuota: { persons: c.quota },
    schoolAccess: { ages: { from: 1, to: c.A }, migrantChildrenPublicSchoolShare: 0.9, places: { initial: { byRegion }, additionsPerYear: c.additions / 2 }, leftBehind: true },
  });
}

const statusTotal = (P: Float64Array, r: number, h: number, A1: number) => accurateSum(P.subarray((r * 3 + h) * 2 * A1, (r * 3 + h + 1) * 2 * A1));

describe('constrained runs, random problems', () => {
  it('never move more people than the year\'s rates would, nor convert more than the quota', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const problem = problemOf(c);
        const { result } = runConstrainedKernel(problem, constraintsOf(c), []);
        const plain = runKernel(problem);
        const A1 = c.A + 1;
        for (let r = 0; r < c.R; r++) expect(result.flows.ruralToUrban[r]).toBeLessThanOrEqual(plain.flows.ruralToUrban[r] * (1 + 1e-12) + 1e-9);
        for (let t = 0; t < YEARS; t++) {
          for (let r = 0; r < c.R; r++) {
            // with survival 1 and no births the movers the rates would move are m x rural at the start
            if (c.sx === 1 && c.fx === 0) expect(result.flows.ruralToUrban[t * c.R + r]).toBeLessThanOrEqual(c.m[r] * statusTotal(result.population[t], r, 0, A1) * (1 + 1e-12) + 1e-9);
            expect(result.flows.conversions[t * c.R + r]).toBeLessThanOrEqual(c.quota * (1 + 1e-12) + 1e-9);
          }
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('never house more migrants than the housing holds where it binds', () => {
    fc.assert(
      fc.property(arbCase.filter((c) => c.sx === 1 && c.fx === 0), (c) => {
        const problem = problemOf(c);
        const { result, series } = runConstrainedKernel(problem, constraintsOf({ ...c, quota: 1e12 }), []);
        const A1 = c.A + 1;
        const binds = series.get('housing.binds')!;
        for (let t = 0; t < YEARS; t++) {
          for (let r = 0; r < c.R; r++) {
            const places = c.places[r];
            if (places === null) continue;
            const cap = places + c.additions * (t + 1);
            const before = statusTotal(result.population[t], r, 1, A1);
            const after = statusTotal(result.population[t + 1], r, 1, A1);
            // k converts some migrants away, so the migrants at the end are at most start + arrivals
            expect(after).toBeLessThanOrEqual(Math.max(cap, before) * (1 + 1e-12) + 1e-9);
            if (binds[(t + 1) * (c.R + 1) + r] === 1 && c.k[r] === 0) expect(after).toBeCloseTo(Math.max(cap, before), 6);
          }
        }
      }),
      { seed: SEED + 1, numRuns: 100 },
    );
  });

  it('keep every cell and series finite and >= 0, and the accounting identity of each step', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const { result, series } = runConstrainedKernel(problemOf(c), constraintsOf(c), []);
        for (const P of result.population) for (const v of P) expect(Number.isFinite(v) && v >= 0).toBe(true);
        for (const values of series.values()) for (const v of values) expect(Number.isFinite(v) && v >= 0).toBe(true);
        for (let t = 0; t < YEARS; t++) {
          const flow = (name: 'births' | 'deaths' | 'netInternational') => accurateSum(result.flows[name].subarray(t * c.R, (t + 1) * c.R));
          const before = accurateSum(result.population[t]);
          const after = accurateSum(result.population[t + 1]);
          const expected = before + flow('births') - flow('deaths') + flow('netInternational');
          expect(Math.abs(after - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, after));
        }
      }),
      { seed: SEED + 2, numRuns: 100 },
    );
  });
});
