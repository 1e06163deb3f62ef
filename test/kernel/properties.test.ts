/**
 * Properties of runKernel over random valid problems (fast-check, fixed seeds): the accounting
 * identity, agreement with a plain reading of model.md, the flows against the stocks, finite
 * non-negative outputs, hukou conversion never lowering the hukou population where the model
 * says it cannot, and inputs left untouched.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOW_NAMES, runKernel, runKernelIndicators, type KernelProblem, type KernelResult } from '../../src/kernel/index.js';
import { parseKernelProblem } from '../../src/schema/kernelProblem.js';
import { kernelProblemToJSON, type KernelProblemJSON } from '../../src/io/kernelJson.js';
import { firstBitDifference } from '../helpers/bits.js';
import { deepFreeze } from '../helpers/kernelDocs.js';
import { kernelDocArbitrary, randomDocShape, randomKernelDoc, withRaisedK, type RandomDocOptions } from '../helpers/randomKernelDoc.js';
import { atStep, referenceStep } from '../helpers/referenceKernel.js';
import { accurateSum } from '../helpers/sums.js';

const SEED = 31_415;
const SMALL: RandomDocOptions = { regions: [1, 5], maxAge: [2, 6], years: [1, 6] };
const FULL_AGES: RandomDocOptions = { regions: [1, 5], maxAge: [100, 100], years: [1, 6] };

/** The flows of step `t`, one value per region. */
function stepFlow(result: KernelResult, name: (typeof FLOW_NAMES)[number], t: number): Float64Array {
  const R = result.regions.length;
  return result.flows[name].subarray(t * R, (t + 1) * R);
}

/** Sum over the cells of status `h` of every region. */
function statusTotal(P: ArrayLike<number>, regions: number, maxAge: number, h: number): number {
  const block = 2 * (maxAge + 1);
  const cells: number[] = [];
  for (let r = 0; r < regions; r++) for (let x = 0; x < block; x++) cells.push(P[(r * 3 + h) * block + x]);
  return accurateSum(cells);
}

/** Sum over the cells of status `h` of region `r`. */
function regionStatusTotal(P: ArrayLike<number>, maxAge: number, r: number, h: number): number {
  const block = 2 * (maxAge + 1);
  return accurateSum(Array.prototype.slice.call(P, (r * 3 + h) * block, (r * 3 + h + 1) * block) as number[]);
}

/** Checks `sum P(t+1) = sum P(t) + births - deaths + netInternational` per step and over the run. */
function checkAccounting(result: KernelResult): void {
  const totals = result.population.map(accurateSum);
  let births = 0;
  let deaths = 0;
  let net = 0;
  for (let t = 0; t + 1 < totals.length; t++) {
    const b = accurateSum(stepFlow(result, 'births', t));
    const d = accurateSum(stepFlow(result, 'deaths', t));
    const n = accurateSum(stepFlow(result, 'netInternational', t));
    const scale = Math.max(1, totals[t], totals[t + 1], b, d, Math.abs(n));
    const error = Math.abs(totals[t + 1] - (totals[t] + b - d + n)) / scale;
    if (!(error <= 1e-12)) throw new Error(`step ${t}: accounting off by ${error} relative`);
    births += b;
    deaths += d;
    net += n;
  }
  const last = totals.length - 1;
  const scale = Math.max(1, ...totals, births, deaths, Math.abs(net));
  const error = Math.abs(totals[last] - (totals[0] + births - deaths + net)) / scale;
  if (!(error <= 1e-12)) throw new Error(`whole run: accounting off by ${error} relative`);
}

describe('runKernel(problem): sum P(t+1) = sum P(t) + births - deaths + netInternational', () => {
  // deaths include the infant deaths of step 2, so the identity takes all births (not the surviving ones)
  it('holds within 1e-12 relative per step and over the run (maxAge 2-6)', () => {
    fc.assert(
      fc.property(kernelDocArbitrary(SMALL), (doc) => checkAccounting(runKernel(parseKernelProblem(doc)))),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('holds within 1e-12 relative per step and over the run (maxAge 100)', () => {
    fc.assert(
      fc.property(kernelDocArbitrary(FULL_AGES), (doc) => checkAccounting(runKernel(parseKernelProblem(doc)))),
      { seed: SEED, numRuns: 20 },
    );
  });

  it('counts infant deaths once: 10 births, sb 0.5, the mother dies -> births 10, deaths 15, sum P(t+1) 5', () => {
    // sum P(t+1) = 10 + 10 - 15 = 5; taking surviving births with these deaths would give 10 + 5 - 15 = 0
    const doc = randomKernelDoc({ regions: 1, maxAge: 2, years: 1, seed: 1, perYear: 0, sparse: 0, omit: 7 });
    doc.population = doc.population.map((_, i) => (i === 1 ? 10 : 0));
    doc.inputs = { ...doc.inputs, sx: doc.inputs.sx.map(() => 0), sb: doc.inputs.sb.map(() => 0.5), fx: doc.inputs.fx.map((_, i) => (i === 1 ? 1 : 0)) };
    const result = runKernel(parseKernelProblem(doc));
    expect(accurateSum(result.population[1])).toBeCloseTo(5, 12);
    expect(result.flows.births[0]).toBe(10);
    expect(result.flows.deaths[0]).toBeCloseTo(15, 12);
  });
});

describe('runKernel(problem) against a plain reading of model.md section 3', () => {
  const agree = (doc: KernelProblemJSON) => {
    const result = runKernel(parseKernelProblem(doc));
    for (let t = 0; t < doc.years; t++) {
      const P = Array.from(result.population[t]);
      const ref = referenceStep(doc, P, t);
      const next = result.population[t + 1];
      const scale = 1e-12 * Math.max(1, ...P, ...ref.survivors, ...ref.population) * (doc.dims.regions.length + 2);
      for (let x = 0; x < next.length; x++) {
        if (!(Math.abs(next[x] - ref.population[x]) <= scale)) throw new Error(`step ${t} cell ${x}: kernel ${next[x]}, reference ${ref.population[x]}`);
      }
      for (const name of FLOW_NAMES) {
        const kernel = stepFlow(result, name, t);
        const expected = ref[name];
        const flowScale = 1e-12 * Math.max(1, ...expected.map(Math.abs), ...P) * P.length;
        kernel.forEach((v, r) => {
          if (!(Math.abs(v - expected[r]) <= flowScale)) throw new Error(`step ${t} ${name}[${r}]: kernel ${v}, reference ${expected[r]}`);
        });
      }
    }
  };

  it('agrees cell by cell and flow by flow (maxAge 2-6)', () => {
    fc.assert(fc.property(kernelDocArbitrary(SMALL), agree), { seed: SEED + 1, numRuns: 150 });
  });

  it('agrees cell by cell and flow by flow (maxAge 100)', () => {
    fc.assert(fc.property(kernelDocArbitrary({ ...FULL_AGES, years: [1, 3] }), agree), { seed: SEED + 1, numRuns: 10 });
  });
});

describe('runKernel(problem): flows against stocks when D and E are stochastic', () => {
  it('adds sum ruralToUrban to the migrants, sum returns to the rural, reclassified + conversions to hukou, over all regions', () => {
    fc.assert(
      fc.property(kernelDocArbitrary(SMALL), (doc) => {
        const result = runKernel(parseKernelProblem(doc));
        const R = doc.dims.regions.length;
        const A = doc.dims.maxAge;
        for (let t = 0; t < doc.years; t++) {
          // survivors S of steps 1-2 from the kernel's own P(t); n of the step by status
          const step = referenceStep(doc, Array.from(result.population[t]), t);
          const S = step.survivors;
          const nStep = atStep(doc.inputs.n, t) as number[] | undefined;
          const n = [0, 1, 2].map((h) => (nStep === undefined ? 0 : statusTotal(nStep, R, A, h)));
          const next = result.population[t + 1];
          const flow = (name: (typeof FLOW_NAMES)[number]) => accurateSum(stepFlow(result, name, t));
          const [rural, migrant, hukou] = [0, 1, 2].map((h) => statusTotal(next, R, A, h));
          const [sRural, sMigrant, sHukou] = [0, 1, 2].map((h) => statusTotal(S, R, A, h));
          const scale = 1e-12 * Math.max(1, accurateSum(S), accurateSum(next)) * 10;
          // over all regions, what D brings equals the movers and what E brings equals the returners
          const migrantsGained = migrant - (sMigrant - flow('conversions') - flow('returns')) - n[1];
          const returnersGained = rural - (sRural - flow('ruralToUrban') - flow('reclassified')) - n[0];
          const hukouGained = hukou - sHukou - n[2];
          if (!(Math.abs(migrantsGained - flow('ruralToUrban')) <= scale)) throw new Error(`step ${t}: migrants gained ${migrantsGained}, ruralToUrban ${flow('ruralToUrban')}`);
          if (!(Math.abs(returnersGained - flow('returns')) <= scale)) throw new Error(`step ${t}: returners gained ${returnersGained}, returns ${flow('returns')}`);
          if (!(Math.abs(hukouGained - flow('reclassified') - flow('conversions')) <= scale)) throw new Error(`step ${t}: hukou gained ${hukouGained}`);
        }
      }),
      { seed: SEED + 2, numRuns: 150 },
    );
  });
});

describe('runKernel(problem): outputs', () => {
  it('are finite and non-negative when n >= 0 (maxAge 2-6 and 100)', () => {
    const check = (doc: KernelProblemJSON) => {
      const result = runKernel(parseKernelProblem(doc));
      for (const P of result.population) for (const v of P) if (!(Number.isFinite(v) && v >= 0)) throw new Error(`population value ${v}`);
      for (const name of FLOW_NAMES) {
        // net migration is in minus out: negative where a region loses people
        const lowest = name === 'netMigration' ? -Infinity : 0;
        for (const v of result.flows[name]) if (!(Number.isFinite(v) && v >= lowest)) throw new Error(`${name} value ${v}`);
      }
      if (result.years.length !== doc.years + 1 || result.population.length !== doc.years + 1) throw new Error('wrong number of years');
    };
    fc.assert(fc.property(kernelDocArbitrary(SMALL), check), { seed: SEED + 3, numRuns: 150 });
    fc.assert(fc.property(kernelDocArbitrary(FULL_AGES), check), { seed: SEED + 3, numRuns: 8 });
  });
});

describe('runKernel(problem): raising k never lowers the hukou population', () => {
  /** Every year and region: hukou with raised k >= hukou with the original k (to rounding). */
  const checkMonotone = (options: RandomDocOptions) =>
    fc.property(randomDocShape(options), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (shape, raiseSeed) => {
      const doc = randomKernelDoc(shape, options);
      const raised = withRaisedK(doc, raiseSeed);
      const base = runKernel(parseKernelProblem(doc));
      const more = runKernel(parseKernelProblem(raised));
      const A = doc.dims.maxAge;
      base.population.forEach((P, y) => {
        const scale = 1e-12 * Math.max(1, accurateSum(P), accurateSum(more.population[y]));
        for (let r = 0; r < doc.dims.regions.length; r++) {
          const h = regionStatusTotal(P, A, r, 2);
          const h2 = regionStatusTotal(more.population[y], A, r, 2);
          if (!(h2 >= h - scale)) throw new Error(`year ${base.years[y]} region ${r}: hukou ${h2} with raised k < ${h}`);
        }
      });
    });

  // The property holds when survival and fertility do not depend on status and either nobody
  // returns (q = 0) or nobody changes region (D, E identity): then every person who is hukou
  // with the original k is hukou with the raised k too (hukou is never left).
  it('with status-independent sx, sb, fx and q = 0, any D and E', () => {
    fc.assert(checkMonotone({ ...SMALL, statusIndependentRates: true, noReturns: true }), { seed: SEED + 4, numRuns: 150 });
  });

  it('with status-independent sx, sb, fx and D, E identity, any q', () => {
    fc.assert(checkMonotone({ ...SMALL, statusIndependentRates: true, identityMoves: true }), { seed: SEED + 5, numRuns: 150 });
  });

  it('with maxAge 100', () => {
    fc.assert(checkMonotone({ ...FULL_AGES, years: [1, 4], statusIndependentRates: true, noReturns: true }), { seed: SEED + 6, numRuns: 6 });
  });

  it('can fall in another region when returners move: region b 8 -> 6 hukou in 2023', () => {
    // a: 16 migrant women aged 1, q 0.5, returners all go to rural b (E[a][b] = 1); b: c 0.5.
    // k_a = 0: 2021 a migrants 8, b rural 8; 2022 b hukou 4, b rural 4 + 4 returners = 8;
    //          2023 b hukou 4 + 8*0.5 = 8.
    // k_a = 0.5: 2021 a migrants 0, b rural 8; 2022 b hukou 4, b rural 4 (no more returners);
    //          2023 b hukou 4 + 4*0.5 = 6.
    const doc = (kA: number): KernelProblemJSON => ({
      format: 'chengzhen-kernel/1',
      dims: { regions: ['a', 'b'], maxAge: 1 },
      startYear: 2020,
      years: 3,
      population: [0, 0, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, ...new Array(12).fill(0)],
      inputs: {
        sx: new Array(24).fill(1),
        sb: new Array(12).fill(1),
        fx: new Array(12).fill(0),
        srb: [1, 1],
        m: new Array(8).fill(0),
        c: [0, 0.5],
        k: [kA, kA, kA, kA, 0, 0, 0, 0],
        q: [0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0],
        E: [0, 1, 0, 1],
      },
    });
    const hukouB = (kA: number) => runKernel(parseKernelProblem(doc(kA))).population.map((P) => regionStatusTotal(P, 1, 1, 2));
    expect(hukouB(0)).toEqual([0, 0, 4, 8]);
    expect(hukouB(0.5)).toEqual([0, 0, 4, 6]);
  });
});

describe('parseKernelProblem(doc) and runKernel(problem): inputs', () => {
  it('are not mutated (frozen documents parse; typed arrays are unchanged after a run)', () => {
    fc.assert(
      fc.property(kernelDocArbitrary(SMALL), (doc) => {
        const snapshot = JSON.stringify(doc);
        const problem = parseKernelProblem(deepFreeze(doc));
        const copies = problemArrays(problem).map((a) => a.slice());
        runKernel(problem);
        runKernelIndicators(problem);
        kernelProblemToJSON(problem);
        problemArrays(problem).forEach((a, i) => {
          if (firstBitDifference(a, copies[i]) !== -1) throw new Error(`array ${i} changed`);
        });
        if (JSON.stringify(doc) !== snapshot) throw new Error('document changed');
      }),
      { seed: SEED + 7, numRuns: 60 },
    );
  });

  it('leaves typed arrays given in the document untouched and does not share them', () => {
    const doc = randomKernelDoc({ regions: 2, maxAge: 3, years: 2, seed: 3, perYear: 0, sparse: 0, omit: 0 });
    const population = Float64Array.from(doc.population);
    const sx = Float64Array.from(doc.inputs.sx as number[]);
    const problem = parseKernelProblem({ ...doc, population, inputs: { ...doc.inputs, sx } });
    expect(problem.population).not.toBe(population);
    expect(problem.inputs.sx[0]).not.toBe(sx);
    runKernel(problem);
    expect(Array.from(population)).toEqual(doc.population);
    expect(Array.from(sx)).toEqual(doc.inputs.sx);
  });
});

function problemArrays(problem: KernelProblem): (Float64Array | Int32Array)[] {
  const out: (Float64Array | Int32Array)[] = [problem.population];
  for (const list of Object.values(problem.inputs)) {
    for (const item of list as unknown[]) {
      if (item instanceof Float64Array) out.push(item);
      else if (typeof item === 'object' && item !== null && 'kind' in item) {
        const m = item as { kind: string; values?: Float64Array; share?: Float64Array; to?: Int32Array; rowStart?: Int32Array };
        if (m.values) out.push(m.values);
        if (m.share) out.push(m.share);
        if (m.to) out.push(m.to);
        if (m.rowStart) out.push(m.rowStart);
      }
    }
  }
  return out;
}
