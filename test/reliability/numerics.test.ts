/**
 * Numerics: the same input gives the same bits on every run and from the ESM and CommonJS
 * builds (`dist/index.js`, `dist/index.cjs`; skipped when not built, CI builds first), and the
 * accounting identity `population(t+1) = population(t) + births - deaths + netInternational`
 * holds to 1e-12 relative for all regions together at 3,000 regions with sparse moves.
 */

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runKernel, runKernelIndicators } from '../../src/kernel/index.js';
import { project } from '../../src/model/project.js';
import type { TidyRow } from '../../src/model/projection.js';
import { getPreset } from '../../src/presets/index.js';
import { parseKernelProblem } from '../../src/schema/kernelProblem.js';
import { sameBytes } from '../helpers/bits.js';
import { seededRandom } from '../helpers/randomKernelDoc.js';
import { accurateSum } from '../helpers/sums.js';

const PRESET = 'national-2024-2028';
const ESM = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const CJS = fileURLToPath(new URL('../../dist/index.cjs', import.meta.url));

/** The first row where two tables differ in any field (values bit for bit), or null. */
function firstDifference(a: readonly TidyRow[], b: readonly TidyRow[]): string | null {
  if (a.length !== b.length) return `${a.length} rows against ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.year !== y.year || x.region !== y.region || x.indicator !== y.indicator || x.unit !== y.unit || !Object.is(x.value, y.value)) {
      return `row ${i}: ${JSON.stringify(x)} against ${JSON.stringify(y)}`;
    }
  }
  return null;
}

describe('the same input, the same bits', () => {
  it(`project(getPreset('${PRESET}').scenario) twice gives identical tidy rows`, () => {
    const scenario = getPreset(PRESET).scenario;
    const first = project(structuredClone(scenario)).table();
    const second = project(structuredClone(scenario)).table();
    expect(first.length).toBeGreaterThan(100);
    expect(firstDifference(first, second)).toBeNull();
  });

  it.skipIf(!existsSync(ESM) || !existsSync(CJS))(`the ESM and CommonJS builds give the same tidy rows as the sources for ${PRESET}`, async () => {
    type Build = { getPreset: typeof getPreset; project: typeof project };
    const esm = (await import(pathToFileURL(ESM).href)) as Build;
    const cjs = createRequire(import.meta.url)(CJS) as Build;
    const fromSources = project(getPreset(PRESET).scenario).table();
    const fromEsm = esm.project(esm.getPreset(PRESET).scenario).table();
    const fromCjs = cjs.project(cjs.getPreset(PRESET).scenario).table();
    expect(fromEsm.length).toBe(fromSources.length);
    expect(firstDifference(fromEsm, fromCjs)).toBeNull();
    expect(firstDifference(fromEsm, fromSources)).toBeNull();
  });
});

/**
 * A kernel problem of `regions` regions, maxAge 100, 3 years, constant inputs: populations
 * spread over six orders of magnitude, 1 to 5 destinations per region in sparse `D` and `E`,
 * and net international migrants both ways (negative only where the cohorts that reach the
 * cell hold more than 1,000 people, so that no cell can go below zero).
 */
function largeProblem(regions: number, seed: number) {
  const rand = seededRandom(seed);
  const A1 = 101;
  const cells = regions * 6 * A1;
  const population = new Float64Array(cells);
  for (let i = 0; i < cells; i++) population[i] = rand() < 0.05 ? 0 : 10 ** (rand() * 6) * rand();
  const sx = new Float64Array(cells).map(() => 0.9 + 0.1 * rand());
  const n = new Float64Array(cells);
  for (let block = 0; block < regions * 6; block++) {
    for (let a = 3; a < A1; a++) {
      const i = block * A1 + a;
      const cohortsAbove1000 = population[i - 1] > 1000 && population[i - 2] > 1000 && population[i - 3] > 1000;
      n[i] = rand() < 0.5 ? 20 * rand() : cohortsAbove1000 ? -rand() : 0;
    }
  }
  const fx = new Float64Array(regions * 3 * A1);
  for (let x = 0; x < regions * 3; x++) for (let a = 15; a < 50; a++) fx[x * A1 + a] = 0.15 * rand();
  const perRegion = (make: () => number) => Float64Array.from({ length: regions }, make);
  const bySexAge = (max: number) => Float64Array.from({ length: regions * 2 * A1 }, () => max * rand());
  const sparse = () => {
    const from: number[] = [];
    const to: number[] = [];
    const share: number[] = [];
    for (let i = 0; i < regions; i++) {
      const links = new Set<number>([i]);
      const count = 1 + Math.floor(rand() * 5);
      while (links.size < count) links.add(Math.floor(rand() * regions));
      const weights = [...links].map(() => 0.01 + rand());
      const sum = weights.reduce((s, w) => s + w, 0);
      [...links].forEach((j, k) => {
        from.push(i);
        to.push(j);
        share.push(weights[k] / sum);
      });
    }
    return { sparse: { from, to, share } };
  };
  return parseKernelProblem({
    format: 'chengzhen-kernel/1',
    dims: { regions: Array.from({ length: regions }, (_, r) => `county-${r}`), maxAge: 100 },
    startYear: 2020,
    years: 3,
    population,
    inputs: {
      sx,
      sb: Float64Array.from({ length: regions * 6 }, () => 0.95 + 0.05 * rand()),
      fx,
      srb: perRegion(() => 1.03 + 0.15 * rand()),
      m: bySexAge(0.05),
      c: perRegion(() => 0.01 * rand()),
      k: bySexAge(0.05),
      q: bySexAge(0.02),
      D: sparse(),
      E: sparse(),
      n,
    },
  });
}

describe('the accounting identity at 3,000 regions', () => {
  const problem = largeProblem(3000, 2024);

  it('runKernelIndicators(problem): all-region population(t+1) = population(t) + births - deaths + netInternational to 1e-12 relative', () => {
    const R = problem.regions.length;
    const { stocks, flows } = runKernelIndicators(problem);
    const all = (values: Float64Array, t: number) => values[t * (R + 1) + R];
    for (let t = 0; t < problem.years; t++) {
      const before = all(stocks.population, t);
      const after = all(stocks.population, t + 1);
      const expected = before + all(flows.births, t) - all(flows.deaths, t) + all(flows.netInternational, t);
      expect(Math.abs(after - expected) / after).toBeLessThanOrEqual(1e-12);
      // net international migrants go both ways here, so the check covers a signed flow
      expect(Math.abs(all(flows.netInternational, t))).toBeGreaterThan(0);
    }
  });

  it('runKernel(problem): the identity holds for an independent sum of every cell, and a second run gives the same bytes', () => {
    const result = runKernel(problem);
    const again = runKernel(problem);
    const R = problem.regions.length;
    for (let t = 0; t < problem.years; t++) {
      const step = (name: 'births' | 'deaths' | 'netInternational') => accurateSum(result.flows[name].subarray(t * R, (t + 1) * R));
      const before = accurateSum(result.population[t]);
      const after = accurateSum(result.population[t + 1]);
      expect(Math.abs(after - (before + step('births') - step('deaths') + step('netInternational'))) / after).toBeLessThanOrEqual(1e-12);
      expect(sameBytes(result.population[t + 1], again.population[t + 1])).toBe(true);
    }
  });
});
