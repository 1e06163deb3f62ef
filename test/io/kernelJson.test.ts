import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runKernel, type KernelProblem, type KernelResult } from '../../src/kernel/index.js';
import { parseKernelProblem } from '../../src/schema/kernelProblem.js';
import { KERNEL_RESULT_FORMAT, kernelProblemToJSON, kernelResultToJSON, type KernelProblemJSON } from '../../src/io/kernelJson.js';
import { firstBitDifference, sameBytes } from '../helpers/bits.js';
import { identityMatrix, uniformKernelDoc } from '../helpers/kernelDocs.js';
import { kernelDocArbitrary, randomKernelDoc } from '../helpers/randomKernelDoc.js';
import { randomPooled } from '../helpers/randomPooled.js';

const throughText = (problem: KernelProblem): KernelProblem => parseKernelProblem(JSON.parse(JSON.stringify(kernelProblemToJSON(problem))));

function resultsBitIdentical(a: KernelResult, b: KernelResult): string | null {
  for (let y = 0; y < a.population.length; y++) if (firstBitDifference(a.population[y], b.population[y]) !== -1) return `population ${y}`;
  for (const name of Object.keys(a.flows) as (keyof KernelResult['flows'])[]) if (!sameBytes(a.flows[name], b.flows[name])) return `flow ${name}`;
  return null;
}

describe('kernelProblemToJSON(problem)', () => {
  it('round-trips through JSON text to bit-identical results (maxAge 2-6)', () => {
    fc.assert(
      fc.property(kernelDocArbitrary({ regions: [1, 5], maxAge: [2, 6], years: [1, 6] }), (doc) => {
        const problem = parseKernelProblem(doc);
        const again = throughText(problem);
        if (!sameBytes(again.population, problem.population)) throw new Error('population differs');
        const difference = resultsBitIdentical(runKernel(again), runKernel(problem));
        if (difference !== null) throw new Error(difference);
      }),
      { seed: 27_182, numRuns: 120 },
    );
  });

  it('round-trips through JSON text to bit-identical results (maxAge 100)', () => {
    fc.assert(
      fc.property(kernelDocArbitrary({ regions: [1, 5], maxAge: [100, 100], years: [1, 4] }), (doc) => {
        const problem = parseKernelProblem(doc);
        const difference = resultsBitIdentical(runKernel(throughText(problem)), runKernel(problem));
        if (difference !== null) throw new Error(difference);
      }),
      { seed: 27_183, numRuns: 6 },
    );
  });

  it('writes a canonical form that it reproduces exactly', () => {
    fc.assert(
      fc.property(kernelDocArbitrary({ regions: [1, 4], maxAge: [2, 4], years: [1, 4] }), (doc) => {
        const canonical = JSON.stringify(kernelProblemToJSON(parseKernelProblem(doc)));
        const again = JSON.stringify(kernelProblemToJSON(parseKernelProblem(JSON.parse(canonical))));
        if (again !== canonical) throw new Error('canonical form changed on a second round trip');
      }),
      { seed: 27_184, numRuns: 80 },
    );
  });

  it('writes a plain document back as it was given: constant inputs as one array, D and E and n left out', () => {
    const doc = uniformKernelDoc();
    const json = kernelProblemToJSON(parseKernelProblem(doc));
    expect(JSON.stringify(json)).toBe(JSON.stringify(doc));
    expect('D' in json.inputs || 'E' in json.inputs || 'n' in json.inputs).toBe(false);
  });

  it('keeps per-year inputs as lists and an explicit dense identity as dense', () => {
    const doc: KernelProblemJSON = {
      ...uniformKernelDoc({ years: 2 }),
    };
    doc.inputs = { ...doc.inputs, sx: [doc.inputs.sx as number[], (doc.inputs.sx as number[]).map(() => 0.5)], D: identityMatrix(2), n: new Array(36).fill(0.25) };
    const json = kernelProblemToJSON(parseKernelProblem(doc));
    expect(json.inputs.sx).toEqual(doc.inputs.sx);
    expect(json.inputs.D).toEqual([1, 0, 0, 1]);
    expect(json.inputs.n).toEqual(doc.inputs.n);
    expect(JSON.stringify(json)).toBe(JSON.stringify(doc));
  });

  it('writes a sparse matrix as links sorted by origin, then destination', () => {
    const doc = uniformKernelDoc({ regions: ['a', 'b', 'c'] });
    doc.inputs.E = { sparse: { from: [2, 0, 1, 0], to: [0, 2, 1, 0], share: [1, 0.75, 1, 0.25] } };
    expect(kernelProblemToJSON(parseKernelProblem(doc)).inputs.E).toEqual({ sparse: { from: [0, 0, 1, 2], to: [0, 2, 1, 0], share: [0.25, 0.75, 1, 1] } });
  });

  it('round-trips -0 in the inputs to bit-identical results (JSON writes -0 as 0)', () => {
    // -0 passes every range check (-0 >= 0), so the problem holds -0 and its results hold -0
    // where JSON text can only give back +0
    const doc = uniformKernelDoc();
    doc.population = doc.population.map(() => -0);
    doc.inputs.fx = (doc.inputs.fx as number[]).map(() => 0);
    const problem = parseKernelProblem(doc);
    expect(resultsBitIdentical(runKernel(throughText(problem)), runKernel(problem))).toBeNull();
  });

  it('writes numbers in their shortest round-trip form: 0.1 + 0.2 stays 0.30000000000000004', () => {
    const doc = uniformKernelDoc();
    (doc.population as number[])[0] = 0.1 + 0.2;
    (doc.population as number[])[1] = 5e-324;
    const text = JSON.stringify(kernelProblemToJSON(parseKernelProblem(doc)));
    expect(text).toContain('"population":[0.30000000000000004,5e-324,100');
  });
});

describe('kernelProblemToJSON(problem) with pooled D and E', () => {
  it('writes pools as { pooled: { levels } }, one per year when given per year, and reads them back to bit-identical results', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (R, levels, seed) => {
        const base = randomKernelDoc({ regions: R, maxAge: 3, years: 2, seed, perYear: 0, sparse: 0, omit: 0 });
        const D = [randomPooled(R, levels, seed + 1), randomPooled(R, levels, seed + 2)];
        const E = randomPooled(R, levels, seed + 3);
        const problem = parseKernelProblem({ ...base, inputs: { ...base.inputs, D, E } });
        const json = kernelProblemToJSON(problem);
        expect(json.inputs.D).toEqual(D);
        expect(json.inputs.E).toEqual(E);
        const again = throughText(problem);
        expect(JSON.stringify(kernelProblemToJSON(again))).toBe(JSON.stringify(json));
        expect(resultsBitIdentical(runKernel(problem), runKernel(again))).toBeNull();
      }),
      { seed: 1202, numRuns: 40 },
    );
  });
});

describe('kernelResultToJSON(result)', () => {
  // one region, maxAge 1, 8 hukou women aged 1 with sx 0.5, and 2 rural men aged 0 with sx 1
  const doc: KernelProblemJSON = {
    format: 'chengzhen-kernel/1',
    dims: { regions: ['only'], maxAge: 1 },
    startYear: 2020,
    years: 2,
    population: [0, 0, 2, 0, 0, 0, 0, 0, 0, 8, 0, 0],
    inputs: {
      sx: [1, 1, 1, 1, 1, 1, 1, 1, 0.5, 0.5, 1, 1],
      sb: [1, 1, 1, 1, 1, 1],
      fx: [0, 0, 0, 0, 0, 0],
      srb: [1],
      m: [0, 0, 0, 0],
      c: [0],
      k: [0, 0, 0, 0],
      q: [0, 0, 0, 0],
    },
  };

  it('writes the format tag, years, every population and every flow by step then region', () => {
    const json = kernelResultToJSON(runKernel(parseKernelProblem(doc)));
    expect(json.format).toBe(KERNEL_RESULT_FORMAT);
    expect(json.regions).toEqual(['only']);
    expect(json.maxAge).toBe(1);
    expect(json.years).toEqual([2020, 2021, 2022]);
    // the 2 rural men age into the open group; the hukou women halve each year: 8, 4, 2
    expect(json.population).toEqual([
      [0, 0, 2, 0, 0, 0, 0, 0, 0, 8, 0, 0],
      [0, 0, 0, 2, 0, 0, 0, 0, 0, 4, 0, 0],
      [0, 0, 0, 2, 0, 0, 0, 0, 0, 2, 0, 0],
    ]);
    expect(json.flows.deaths).toEqual([[4], [2]]);
    expect(json.flows.births).toEqual([[0], [0]]);
    expect(Object.keys(json.flows)).toEqual(['births', 'deaths', 'ruralToUrban', 'reclassified', 'conversions', 'returns', 'netInternational', 'inMigrants', 'outMigrants', 'netMigration']);
  });

  it('gives plain arrays that survive JSON text unchanged', () => {
    const json = kernelResultToJSON(runKernel(parseKernelProblem(uniformKernelDoc({ years: 3 }))));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.flows.births.length).toBe(3);
    expect(json.flows.births[0].length).toBe(2);
  });
});
