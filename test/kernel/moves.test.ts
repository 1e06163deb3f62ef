import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMovesInto, runKernel, type MoveMatrix } from '../../src/kernel/index.js';
import { parseKernelProblem } from '../../src/schema/kernelProblem.js';
import type { KernelProblemJSON } from '../../src/io/kernelJson.js';
import { firstBitDifference } from '../helpers/bits.js';
import { identityMatrix } from '../helpers/kernelDocs.js';
import { denseToSparse, randomKernelDoc, randomDocShape, seededRandom } from '../helpers/randomKernelDoc.js';
import { expectBitIdentical } from '../helpers/kernelResults.js';

// Two regions a and b, maxAge 1, nobody dies or is born, no reclassification or conversion.
// Layout per region: rural F [age 0, 1], rural M, migrant F, migrant M, hukou F, hukou M.
const twoRegions: KernelProblemJSON = {
  format: 'chengzhen-kernel/1',
  dims: { regions: ['a', 'b'], maxAge: 1 },
  startYear: 2025,
  years: 1,
  population: [
    8, 8, 8, 8, 4, 4, 4, 4, 0, 0, 0, 0, //         a: rural 8 per cell, migrants 4
    16, 16, 16, 16, 32, 32, 32, 32, 0, 0, 0, 0, // b: rural 16, migrants 32
  ],
  inputs: {
    sx: new Array(24).fill(1),
    sb: new Array(12).fill(1),
    fx: new Array(12).fill(0),
    srb: [1, 1],
    m: [0.5, 0.5, 0.5, 0.5, 0.125, 0.125, 0.125, 0.125],
    c: [0, 0],
    k: new Array(8).fill(0),
    q: [0.25, 0.25, 0.25, 0.25, 0.5, 0.5, 0.5, 0.5],
    // D[i][j]: movers leaving i who go to the urban part of j
    D: [0.25, 0.75, 0.5, 0.5],
    // E[j][i]: returners leaving j who go to the rural part of i
    E: [0.875, 0.125, 0.75, 0.25],
  },
};

// Ageing with sx = 1 puts everyone at the open age 1: a rural 8+8 = 16 per sex, a migrants 8,
// b rural 32, b migrants 64; age 0 is empty (no births).
// mig = S_rural*m: a 16*0.5 = 8 per sex, b 32*0.125 = 4 per sex
// ret = S_migrant*q: a 8*0.25 = 2 per sex, b 64*0.5 = 32 per sex
// stayers: a rural 8, a migrants 6, b rural 28, b migrants 32
// through D: a migrants 6 + 8*D[a][a] + 4*D[b][a] = 6 + 2 + 2 = 10
//            b migrants 32 + 8*D[a][b] + 4*D[b][b] = 32 + 6 + 2 = 40
// through E: a rural 8 + 2*E[a][a] + 32*E[b][a] = 8 + 1.75 + 24 = 33.75
//            b rural 28 + 2*E[a][b] + 32*E[b][b] = 28 + 0.25 + 8 = 36.25
// (a transposed D would give a 11 migrants, a transposed E a 13.75 rural)
const expected2026 = [
  0, 33.75, 0, 33.75, 0, 10, 0, 10, 0, 0, 0, 0,
  0, 36.25, 0, 36.25, 0, 40, 0, 40, 0, 0, 0, 0,
];

const sparseTwoRegions: KernelProblemJSON = {
  ...twoRegions,
  inputs: {
    ...twoRegions.inputs,
    // the same links, in no particular order
    D: { sparse: { from: [1, 0, 1, 0], to: [1, 1, 0, 0], share: [0.5, 0.75, 0.5, 0.25] } },
    E: { sparse: { from: [0, 1, 1, 0], to: [1, 0, 1, 0], share: [0.125, 0.75, 0.25, 0.875] } },
  },
};

describe('runKernel(problem): moves between two regions through D and E', () => {
  it('sends rural-to-urban movers through dense D and returners through dense E', () => {
    const result = runKernel(parseKernelProblem(twoRegions));
    expect(Array.from(result.population[1])).toEqual(expected2026);
  });

  it('counts ruralToUrban and returns in the region people leave', () => {
    const result = runKernel(parseKernelProblem(twoRegions));
    expect(Array.from(result.flows.ruralToUrban)).toEqual([16, 8]);
    expect(Array.from(result.flows.returns)).toEqual([4, 64]);
    expect(Array.from(result.flows.deaths)).toEqual([0, 0]);
  });

  it('gives bit-identical results for sparse D and E', () => {
    const dense = runKernel(parseKernelProblem(twoRegions));
    const sparse = runKernel(parseKernelProblem(sparseTwoRegions));
    expect(Array.from(sparse.population[1])).toEqual(expected2026);
    expectBitIdentical(sparse, dense);
  });

  it('treats D and E left out as the identity: nobody changes region', () => {
    const { D: _d, E: _e, ...rest } = twoRegions.inputs;
    const result = runKernel(parseKernelProblem({ ...twoRegions, inputs: rest }));
    // a: rural 8 + 2 = 10, migrants 6 + 8 = 14; b: rural 28 + 32 = 60, migrants 32 + 4 = 36
    expect(Array.from(result.population[1])).toEqual([0, 10, 0, 10, 0, 14, 0, 14, 0, 0, 0, 0, 0, 60, 0, 60, 0, 36, 0, 36, 0, 0, 0, 0]);
    const explicit = runKernel(parseKernelProblem({ ...twoRegions, inputs: { ...rest, D: identityMatrix(2), E: denseToSparse(identityMatrix(2), 2) } }));
    expectBitIdentical(explicit, result);
  });
});

describe('addMovesInto(matrix, movers, population, status, regions, ageGroups)', () => {
  // Five regions (four in the blocked dense path, one in its tail), one age group.
  // Movers by origin, layout r,s,a: region i has (i+1) women and 10(i+1) men.
  const R = 5;
  const movers = Float64Array.from({ length: R * 2 }, (_, x) => (Math.floor(x / 2) + 1) * (x % 2 === 0 ? 1 : 10));
  // Everyone moves to the next region (i -> i+1 mod 5), except region 2, which splits half to 0, half to 4.
  const dense = new Float64Array(R * R);
  for (let i = 0; i < R; i++) dense[i * R + ((i + 1) % R)] = 1;
  dense[2 * R + 3] = 0;
  dense[2 * R + 0] = 0.5;
  dense[2 * R + 4] = 0.5;
  // migrant women gained: region 0 from 4 (5) and 2 (1.5) = 6.5; region 1 from 0 (1); region 2 from 1 (2);
  // region 3 nothing; region 4 from 3 (4) and 2 (1.5) = 5.5. Men ten times as many.
  const expectedWomen = [6.5, 1, 2, 0, 5.5];

  const run = (matrix: MoveMatrix) => {
    const population = new Float64Array(R * 3 * 2);
    addMovesInto(matrix, movers, population, 1, R, 1);
    return population;
  };

  it('adds movers to status 1 of each destination: dense', () => {
    const population = run({ kind: 'dense', values: dense });
    for (let j = 0; j < R; j++) {
      expect([population[j * 6 + 2], population[j * 6 + 3]]).toEqual([expectedWomen[j], expectedWomen[j] * 10]);
      expect([population[j * 6], population[j * 6 + 1], population[j * 6 + 4], population[j * 6 + 5]]).toEqual([0, 0, 0, 0]);
    }
  });

  it('gives the same bits for the sparse form', () => {
    const links = denseToSparse(Array.from(dense), R).sparse;
    const order = links.from.map((_, e) => e).sort((x, y) => links.from[x] - links.from[y] || links.to[x] - links.to[y]);
    const rowStart = new Int32Array(R + 1);
    for (const f of links.from) rowStart[f + 1]++;
    for (let i = 0; i < R; i++) rowStart[i + 1] += rowStart[i];
    const sparse: MoveMatrix = {
      kind: 'sparse',
      rowStart,
      to: Int32Array.from(order.map((e) => links.to[e])),
      share: Float64Array.from(order.map((e) => links.share[e])),
    };
    expect(firstBitDifference(run(sparse), run({ kind: 'dense', values: dense }))).toBe(-1);
  });

  it('adds each origin to itself for the identity', () => {
    const population = run({ kind: 'identity' });
    for (let j = 0; j < R; j++) expect([population[j * 6 + 2], population[j * 6 + 3]]).toEqual([j + 1, 10 * (j + 1)]);
  });
});

describe('runKernel(problem): sparse and dense D and E', () => {
  it('gives bit-identical results for the same matrices, dense or sparse (fast-check, 1-8 regions)', () => {
    fc.assert(
      fc.property(randomDocShape({ regions: [1, 8], years: [1, 4] }), (shape) => {
        const doc = randomKernelDoc({ ...shape, sparse: 0 });
        const rand = seededRandom(shape.seed ^ 0x5eed);
        const R = doc.dims.regions.length;
        const toSparse = (m: unknown) => (Array.isArray(m) && typeof m[0] === 'number' ? denseToSparse(m as number[], R, rand) : m);
        const convert = (x: unknown) => (x === undefined ? undefined : Array.isArray(x) && typeof x[0] !== 'number' ? x.map(toSparse) : toSparse(x));
        const sparseDoc = { ...doc, inputs: { ...doc.inputs, D: convert(doc.inputs.D), E: convert(doc.inputs.E) } };
        const a = runKernel(parseKernelProblem(doc));
        const b = runKernel(parseKernelProblem(sparseDoc));
        a.population.forEach((p, y) => {
          if (firstBitDifference(p, b.population[y]) !== -1) throw new Error(`population of year ${y} differs`);
        });
      }),
      { seed: 20240611, numRuns: 150 },
    );
  });
});
