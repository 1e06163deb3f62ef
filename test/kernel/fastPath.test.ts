/**
 * The kernel's fast paths against the plain ones, bit for bit: the prepared list of `n`'s
 * non-zero cells (runKernelInto) against the step's own scan of `n` (stepInto without a plan),
 * both dense products in one WebAssembly pass against the JavaScript product, and the fused
 * indicator sums against compensatedSum. Every pair must give identical bits, not merely close
 * numbers.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDenseMovesPairWasm } from '../../src/kernel/denseMovesWasm.js';
import { compensatedSum, runKernelIndicators } from '../../src/kernel/indicators.js';
import { addDenseMovesJs } from '../../src/kernel/moves.js';
import { createKernelWorkspace, runKernelInto, stepInputs } from '../../src/kernel/runKernel.js';
import { planNetInternational, stepInto } from '../../src/kernel/step.js';
import { FLOW_NAMES, type KernelProblem, type StepInputs } from '../../src/kernel/types.js';
import { parseKernelProblem } from '../../src/schema/kernelProblem.js';
import { firstBitDifference } from '../helpers/bits.js';
import { kernelDocArbitrary, seededRandom } from '../helpers/randomKernelDoc.js';

const SEED = 18_001;

/** Every population and flow of a run through runKernelInto (the fast paths). */
function fastRun(problem: KernelProblem): Float64Array[] {
  const out: Float64Array[] = [];
  runKernelInto(problem, {
    year(_year, _step, population, flows) {
      out.push(Float64Array.from(population));
      if (flows) for (const name of FLOW_NAMES) out.push(Float64Array.from(flows[name]));
    },
    end: () => out,
  });
  return out;
}

/** The same run by stepInto alone, with no plan of n: the step scans n itself. */
function plainRun(problem: KernelProblem): Float64Array[] {
  const R = problem.regions.length;
  const ws = createKernelWorkspace(R, problem.maxAge);
  let P = Float64Array.from(problem.population);
  let S = new Float64Array(P.length);
  const out: Float64Array[] = [Float64Array.from(P)];
  const inputs = {} as StepInputs;
  for (let t = 0; t < problem.years; t++) {
    stepInputs(problem, t, inputs);
    ws.scratch.nPlan = null;
    stepInto(R, problem.maxAge, P, inputs, S, ws.scratch, ws.flows);
    [P, S] = [S, P];
    out.push(Float64Array.from(P));
    for (const name of FLOW_NAMES) out.push(Float64Array.from(ws.flows[name]));
  }
  return out;
}

function expectSameBits(a: Float64Array[], b: Float64Array[]): void {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => expect(firstBitDifference(x, b[i]), `array ${i}`).toBe(-1));
}

describe('runKernelInto: the prepared cells of n give the bits of the step scanning n itself', () => {
  it('on random problems with n (identity, dense and sparse D and E, maxAge 2-6)', () => {
    fc.assert(
      fc.property(kernelDocArbitrary({ regions: [1, 6], maxAge: [2, 6], years: [1, 5] }), (doc) => {
        const problem = parseKernelProblem(doc);
        expectSameBits(fastRun(problem), plainRun(problem));
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('on random problems at maxAge 100', () => {
    fc.assert(
      fc.property(kernelDocArbitrary({ regions: [4, 6], maxAge: [100, 100], years: [1, 3] }), (doc) => {
        const problem = parseKernelProblem(doc);
        expectSameBits(fastRun(problem), plainRun(problem));
      }),
      { seed: SEED + 1, numRuns: 12 },
    );
  });
});

describe('planNetInternational(n, regions, maxAge)', () => {
  it('lists the non-zero cells by region and status, ascending, with each region sum', () => {
    // 2 regions, maxAge 0: cells r,h,s = 6 a region
    const n = Float64Array.of(0, 1, 0, 0, -3, 0, /* region 1 */ 2, 0, 0, 0, 0, 0.5);
    const plan = planNetInternational(n, 2, 0);
    expect(Array.from(plan.cell)).toEqual([1, 4, 6, 11]);
    expect(Array.from(plan.value)).toEqual([1, -3, 2, 0.5]);
    expect(Array.from(plan.start)).toEqual([0, 1, 1, 2, 3, 3, 4]);
    expect(Array.from(plan.sums)).toEqual([-2, 2.5]);
  });
});

describe('addDenseMovesPairWasm: both products in one pass', () => {
  it('gives the bits of the JavaScript product for D into the migrants and E into the rural', () => {
    const rand = seededRandom(SEED);
    for (const [R, A1] of [
      [4, 1],
      [5, 3],
      [9, 101],
      [31, 101],
    ]) {
      const block = 2 * A1;
      const stride = 3 * block;
      const matrix = () => {
        const values = Float64Array.from({ length: R * R }, () => (rand() < 0.2 ? 0 : rand()));
        for (let i = 0; i < R; i++) {
          let sum = 0;
          for (let j = 0; j < R; j++) sum += values[i * R + j];
          for (let j = 0; j < R; j++) values[i * R + j] /= sum;
        }
        return values;
      };
      const D = matrix();
      const E = matrix();
      const mig = Float64Array.from({ length: R * block }, () => rand() * 1000);
      const ret = Float64Array.from({ length: R * block }, () => rand() * 100);
      const population = Float64Array.from({ length: R * stride }, () => rand() * 1e5);
      const js = Float64Array.from(population);
      addDenseMovesJs(D, mig, js, block, R, block, stride);
      addDenseMovesJs(E, ret, js, 0, R, block, stride);
      const wasm = Float64Array.from(population);
      expect(addDenseMovesPairWasm(D, mig, E, ret, wasm, R, block, stride)).toBe(true);
      expect(firstBitDifference(wasm, js), `R=${R}, ages ${A1}`).toBe(-1);
    }
  });
});

describe('indicatorSink: the three status sums in one loop', () => {
  it('give the bits of compensatedSum status by status', () => {
    fc.assert(
      fc.property(kernelDocArbitrary({ regions: [1, 5], maxAge: [2, 100], years: [1, 3] }), (doc) => {
        const problem = parseKernelProblem(doc);
        const R = problem.regions.length;
        const block = 2 * (problem.maxAge + 1);
        const indicators = runKernelIndicators(problem);
        // the base population, then each step's population followed by its flows
        const populations = plainRun(problem).filter((_, i) => i === 0 || (i - 1) % (FLOW_NAMES.length + 1) === 0);
        populations.forEach((P, y) => {
          for (let r = 0; r < R; r++) {
            const at = y * (R + 1) + r;
            expect(Object.is(indicators.stocks.rural[at], compensatedSum(P, r * 3 * block, block))).toBe(true);
            expect(Object.is(indicators.stocks.migrant[at], compensatedSum(P, (r * 3 + 1) * block, block))).toBe(true);
            expect(Object.is(indicators.stocks.hukou[at], compensatedSum(P, (r * 3 + 2) * block, block))).toBe(true);
          }
        });
      }),
      { seed: SEED + 2, numRuns: 60 },
    );
  });
});

describe('runKernelInto: what a workspace keeps from run to run', () => {
  /** Every population and flow of a run through the given workspace. */
  function runIn(problem: KernelProblem, ws: ReturnType<typeof createKernelWorkspace>): Float64Array[] {
    const out: Float64Array[] = [];
    runKernelInto(
      problem,
      {
        year(_year, _step, population, flows) {
          out.push(Float64Array.from(population));
          if (flows) for (const name of FLOW_NAMES) out.push(Float64Array.from(flows[name]));
        },
        end: () => out,
      },
      ws,
    );
    return out;
  }

  it('plans n again when n was changed in place since the last run (the same bits as a new workspace)', () => {
    fc.assert(
      fc.property(kernelDocArbitrary({ regions: [1, 4], maxAge: [2, 5], years: [2, 4] }), (doc) => {
        const problem = parseKernelProblem(doc);
        fc.pre(problem.inputs.n.length === 1);
        const ws = createKernelWorkspace(problem.regions.length, problem.maxAge);
        runIn(problem, ws);
        const n = problem.inputs.n[0];
        // a cell that was zero now adds people, and a non-zero one adds none
        const zero = n.findIndex((v) => v === 0);
        const nonZero = n.findIndex((v) => v !== 0);
        if (zero >= 0) n[zero] = 3;
        if (nonZero >= 0) n[nonZero] = 0;
        expectSameBits(runIn(problem, ws), runIn(problem, createKernelWorkspace(problem.regions.length, problem.maxAge)));
        expectSameBits(runIn(problem, ws), plainRun(problem));
      }),
      { seed: SEED + 2, numRuns: 60 },
    );
  });

  it('runs dense D and E in WebAssembly memory of its own, with the bits of the path that copies the population', () => {
    fc.assert(
      fc.property(kernelDocArbitrary({ regions: [4, 7], maxAge: [2, 30], years: [1, 4] }), (doc) => {
        const problem = parseKernelProblem(doc);
        const dense = (m: { kind: string }[]) => m.some((x) => x.kind === 'dense');
        fc.pre(dense(problem.inputs.D) && dense(problem.inputs.E));
        const ws = createKernelWorkspace(problem.regions.length, problem.maxAge);
        ws.javascriptStep = true; // the JavaScript step's own arena, not the WebAssembly step's
        const inArena = runIn(problem, ws);
        expect(ws.denseScratch?.arena).toBeTruthy();
        const copying = createKernelWorkspace(problem.regions.length, problem.maxAge);
        copying.denseScratch = null;
        copying.javascriptStep = true;
        expectSameBits(inArena, runIn(problem, copying));
        // and the arena's second run starts from the problem's population again
        expectSameBits(runIn(problem, ws), inArena);
      }),
      { seed: SEED + 3, numRuns: 40 },
    );
  });
});
