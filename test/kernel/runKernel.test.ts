import { describe, expect, it } from 'vitest';
import { createKernelWorkspace, runKernel, runKernelInto, type KernelSink } from '../../src/kernel/index.js';
import { parseKernelProblem } from '../../src/schema/kernelProblem.js';
import type { KernelProblemJSON } from '../../src/io/kernelJson.js';
import { firstBitDifference } from '../helpers/bits.js';
import { filled, uniformKernelDoc } from '../helpers/kernelDocs.js';
import { randomKernelDoc } from '../helpers/randomKernelDoc.js';
import { expectBitIdentical } from '../helpers/kernelResults.js';
import { thrownBy } from '../helpers/errors.js';

/** One region, maxAge 1, 8 hukou women aged 1, nothing but survival. */
function survivalOnly(sx: number[] | number[][], years: number): KernelProblemJSON {
  return {
    format: 'chengzhen-kernel/1',
    dims: { regions: ['only'], maxAge: 1 },
    startYear: 2020,
    years,
    population: [0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0],
    inputs: { sx, sb: filled(6, 1), fx: filled(6, 0), srb: [1], m: filled(4, 0), c: [0], k: filled(4, 0), q: filled(4, 0) },
  };
}

describe('runKernel(problem): inputs per year and constant inputs', () => {
  it('uses the survival of each year in its own step: 8 -> 8 (sx 1) -> 4 (sx 0.5) -> 1 (sx 0.25)', () => {
    const result = runKernel(parseKernelProblem(survivalOnly([filled(12, 1), filled(12, 0.5), filled(12, 0.25)], 3)));
    expect(result.years).toEqual([2020, 2021, 2022, 2023]);
    expect(result.population.map((p) => p[9])).toEqual([8, 8, 4, 1]);
    // deaths by step: 0, 4, 3
    expect(Array.from(result.flows.deaths)).toEqual([0, 4, 3]);
  });

  it('applies a constant input to every year: 8 -> 4 -> 2 -> 1 with sx 0.5', () => {
    const result = runKernel(parseKernelProblem(survivalOnly(filled(12, 0.5), 3)));
    expect(result.population.map((p) => p[9])).toEqual([8, 4, 2, 1]);
  });

  it('gives bit-identical results for a per-year list whose years all equal the constant', () => {
    const constant = uniformKernelDoc({ years: 4 });
    const perYear: KernelProblemJSON = { ...constant, inputs: { ...constant.inputs } };
    for (const name of ['sx', 'sb', 'fx', 'srb', 'm', 'c', 'k', 'q'] as const) {
      perYear.inputs[name] = Array.from({ length: 4 }, () => [...(constant.inputs[name] as number[])]);
    }
    perYear.inputs.D = [0.5, 0.5, 0.25, 0.75].map(() => [0.5, 0.5, 0.25, 0.75]);
    const constantWithD = { ...constant, inputs: { ...constant.inputs, D: [0.5, 0.5, 0.25, 0.75] } };
    expectBitIdentical(runKernel(parseKernelProblem(perYear)), runKernel(parseKernelProblem(constantWithD)));
  });

  it('runs each step of a per-year problem exactly as a one-year problem with that year s inputs', () => {
    // every input per year (bits 0..10 set), two dense and sparse matrices
    const doc = randomKernelDoc({ regions: 3, maxAge: 4, years: 4, seed: 99, perYear: 0b11111111111, sparse: 2, omit: 0 });
    const result = runKernel(parseKernelProblem(doc));
    for (let t = 0; t < doc.years; t++) {
      const inputs = Object.fromEntries(Object.entries(doc.inputs).map(([name, list]) => [name, (list as unknown[])[t]]));
      const single = { ...doc, startYear: doc.startYear + t, years: 1, population: Array.from(result.population[t]), inputs } as KernelProblemJSON;
      const step = runKernel(parseKernelProblem(single));
      expect({ step: t, at: firstBitDifference(step.population[1], result.population[t + 1]) }).toEqual({ step: t, at: -1 });
      expect(Array.from(step.flows.births)).toEqual(Array.from(result.flows.births.subarray(t * 3, t * 3 + 3)));
    }
  });

  it('mixes per-year and constant inputs in one problem', () => {
    // sx per year, everything else constant; the per-year sx equals the constant 0.5 in year 0 only
    const mixed = runKernel(parseKernelProblem(survivalOnly([filled(12, 0.5), filled(12, 1)], 2)));
    expect(mixed.population.map((p) => p[9])).toEqual([8, 4, 4]);
  });
});

describe('runKernel(problem): net international migrants that empty a cell', () => {
  it('throws negative_population naming the year, region, status, sex and age', () => {
    // constant n = -3 hukou women aged 1: 2021 holds 8*0.5 - 3 = 1; step 2021 -> 2022 leaves 1*0.5 - 3 = -2.5
    const doc = survivalOnly(filled(12, 0.5), 2);
    doc.inputs.n = filled(12, 0).map((_, i) => (i === 9 ? -3 : 0));
    const error = thrownBy(() => runKernel(parseKernelProblem(doc)));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "negative_population",
          "coords": {
            "age": 1,
            "region": "only",
            "sex": "female",
            "status": "hukou",
            "year": 2021,
          },
          "expected": "a population >= 0 after net international migration",
          "message": "inputs.n[year=2021, region=only, status=hukou, sex=female, age=1] removes more people than there are: the population would be -2.5",
          "path": [
            "inputs",
            "n",
            9,
          ],
          "received": "-2.5",
        },
      ]
    `);
    expect(error.message).toMatchInlineSnapshot(`"inputs.n[year=2021, region=only, status=hukou, sex=female, age=1] removes more people than there are: the population would be -2.5"`);
  });

  it('names the step of a per-year n in the issue path: inputs.n[1][9]', () => {
    // per-year n: nothing in step 0, -5 hukou women aged 1 in step 1, where 4*0.5 = 2 are left
    const doc = survivalOnly(filled(12, 0.5), 2);
    doc.inputs.n = [filled(12, 0), filled(12, 0).map((_, i) => (i === 9 ? -5 : 0))];
    const error = thrownBy(() => runKernel(parseKernelProblem(doc)));
    expect(error.issues[0].code).toBe('negative_population');
    expect(error.issues[0].coords).toEqual({ year: 2021, region: 'only', status: 'hukou', sex: 'female', age: 1 });
    expect(error.issues[0].received).toBe('-3');
    expect(error.issues[0].path).toEqual(['inputs', 'n', 1, 9]);
  });

  it('accepts n that removes exactly everyone: the cell ends at 0', () => {
    const doc = survivalOnly(filled(12, 0.5), 1);
    doc.inputs.n = filled(12, 0).map((_, i) => (i === 9 ? -4 : 0));
    const result = runKernel(parseKernelProblem(doc));
    expect(result.population[1][9]).toBe(0);
    expect(Array.from(result.flows.netInternational)).toEqual([-4]);
  });
});

describe('runKernelInto(problem, sink, workspace)', () => {
  it('calls begin, then year for the base year (step -1, no flows), then once per step', () => {
    const problem = parseKernelProblem(survivalOnly(filled(12, 0.5), 2));
    const calls: string[] = [];
    const sink: KernelSink<string[]> = {
      begin: (p) => calls.push(`begin ${p.startYear}`),
      year: (year, step, population, flows) => calls.push(`year ${year} step ${step} hukou F 1 ${population[9]} deaths ${flows ? flows.deaths[0] : 'none'}`),
      end: () => calls,
    };
    expect(runKernelInto(problem, sink)).toEqual([
      'begin 2020',
      'year 2020 step -1 hukou F 1 8 deaths none',
      'year 2021 step 0 hukou F 1 4 deaths 4',
      'year 2022 step 1 hukou F 1 2 deaths 2',
    ]);
  });

  it('gives the same result with a reused workspace, and ignores one of the wrong size', () => {
    const doc = randomKernelDoc({ regions: 2, maxAge: 3, years: 3, seed: 5, perYear: 0, sparse: 0, omit: 0 });
    const problem = parseKernelProblem(doc);
    const fresh = runKernel(problem);
    const workspace = createKernelWorkspace(2, 3);
    const keep = (): KernelSink<Float64Array[]> => {
      const out: Float64Array[] = [];
      return { year: (_y, _s, p) => out.push(Float64Array.from(p)), end: () => out };
    };
    runKernelInto(parseKernelProblem(uniformKernelDoc({ maxAge: 3 })), keep(), workspace);
    const reused = runKernelInto(problem, keep(), workspace);
    const wrongSize = runKernelInto(problem, keep(), createKernelWorkspace(3, 3));
    reused.forEach((p, y) => expect(firstBitDifference(p, fresh.population[y])).toBe(-1));
    wrongSize.forEach((p, y) => expect(firstBitDifference(p, fresh.population[y])).toBe(-1));
  });
});
