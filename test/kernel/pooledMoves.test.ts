import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMigrationInto, addMovesInto, runKernel, type MoveMatrix, type PooledMoveMatrix } from '../../src/kernel/index.js';
import { kernelProblemToJSON, type KernelProblemJSON, type PooledMatrixJSON } from '../../src/io/kernelJson.js';
import { parseKernelProblem, safeParseKernelProblem } from '../../src/schema/kernelProblem.js';
import { firstBitDifference } from '../helpers/bits.js';
import { randomPooled } from '../helpers/randomPooled.js';
import { randomKernelDoc, seededRandom } from '../helpers/randomKernelDoc.js';
import { pooledToDense, referenceStep } from '../helpers/referenceKernel.js';
import { accurateSum } from '../helpers/sums.js';

const SEED = 20261202;

const toKernel = (json: PooledMatrixJSON): PooledMoveMatrix => ({
  kind: 'pooled',
  levels: json.pooled.levels.map((l) => ({
    group: Int32Array.from(l.group),
    share: Float64Array.from(l.share),
    weight: Float64Array.from(l.weight),
    groups: Math.max(...l.group) + 1,
  })),
});

/**
 * The dense equivalent applied in the pooled order of additions: for each level, destination
 * and cell, `acc = sum_{i in group, ascending} share[i]*x_i` from 0, then `cell += weight[j]*acc`.
 * An O(R^2) loop over the dense form of each level: the kernel's pools must give these bits.
 */
function denseInPoolOrder(matrix: PooledMatrixJSON, movers: Float64Array, population: Float64Array, status: number, R: number, A1: number): void {
  const block = 2 * A1;
  for (const { group, share, weight } of matrix.pooled.levels) {
    for (let j = 0; j < R; j++) {
      for (let x = 0; x < block; x++) {
        let acc = 0;
        for (let i = 0; i < R; i++) if (group[i] === group[j] && share[i] !== 0) acc += share[i] * movers[i * block + x];
        if (weight[j] !== 0) population[(j * 3 + status) * block + x] += weight[j] * acc;
      }
    }
  }
}

function randomMovers(R: number, A1: number, seed: number): Float64Array {
  const rand = seededRandom(seed);
  return Float64Array.from({ length: R * 2 * A1 }, () => (rand() < 0.1 ? 0 : rand() * 1e4));
}

describe('addMovesInto(pooled, movers, population, status, regions, ageGroups): a hand-computed case', () => {
  // 4 regions in 2 provinces {0,1} {2,3}; maxAge 0 (one age, two sexes: 2 cells a region).
  // Level 0 (province): shares 0.5, 0.75, 0.5, 1; weights 0.25, 0.75 | 0.5, 0.5.
  // Level 1 (nation):   shares 0.5, 0.25, 0.5, 0; weights 0.5, 0, 0.5, 0.
  const matrix: PooledMatrixJSON = {
    pooled: {
      levels: [
        { group: [0, 0, 1, 1], share: [0.5, 0.75, 0.5, 1], weight: [0.25, 0.75, 0.5, 0.5] },
        { group: [0, 0, 0, 0], share: [0.5, 0.25, 0.5, 0], weight: [0.5, 0, 0.5, 0] },
      ],
    },
  };
  // movers (female, male): r0 (8, 16), r1 (4, 0), r2 (16, 8), r3 (2, 4)
  const movers = Float64Array.of(8, 16, 4, 0, 16, 8, 2, 4);
  // province pools: {0,1} F 0.5*8 + 0.75*4 = 7, M 0.5*16 = 8; {2,3} F 0.5*16 + 2 = 10, M 0.5*8 + 4 = 8
  // nation pool: F 0.5*8 + 0.25*4 + 0.5*16 = 13, M 0.5*16 + 0.5*8 = 12
  // r0: 0.25*(7, 8) + 0.5*(13, 12) = (8.25, 8);  r1: 0.75*(7, 8) = (5.25, 6)
  // r2: 0.5*(10, 8) + 0.5*(13, 12) = (11.5, 10); r3: 0.5*(10, 8) = (5, 4)
  it('gives each destination its share of each pool', () => {
    const population = new Float64Array(4 * 6);
    addMovesInto(toKernel(matrix), movers, population, 1, 4, 1);
    const migrants = [0, 1, 2, 3].map((r) => Array.from(population.subarray(r * 6 + 2, r * 6 + 4)));
    expect(migrants).toEqual([[8.25, 8], [5.25, 6], [11.5, 10], [5, 4]]);
    expect(accurateSum(population)).toBe(accurateSum(movers)); // 58 movers in, 58 placed
  });

  it('pooledToDense gives the dense matrix of model.md section 7, rows summing to 1', () => {
    const dense = pooledToDense(matrix, 4);
    // D[0][*] = 0.5*(0.25, 0.75, 0, 0) + 0.5*(0.5, 0, 0.5, 0)
    expect(dense.slice(0, 4)).toEqual([0.375, 0.375, 0.25, 0]);
    for (let i = 0; i < 4; i++) expect(dense.slice(i * 4, i * 4 + 4).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('addMigrationInto counts only the movers that change region', () => {
    const inFlow = new Float64Array(4);
    const outFlow = new Float64Array(4);
    // totals by origin: 24, 4, 24, 6
    addMigrationInto(toKernel(matrix), Float64Array.of(24, 4, 24, 6), inFlow, outFlow, 4);
    // out: r0 24*(0.5*0.75 + 0.5*0.5) = 15; r1 4*(0.75*0.25 + 0.25*1) = 1.75; r2 24*(0.5*0.5 + 0.5*0.5) = 12; r3 6*(1*0.5) = 3
    expect(Array.from(outFlow)).toEqual([15, 1.75, 12, 3]);
    // in: r0 0.25*(0.75*4) + 0.5*(0.25*4 + 0.5*24) = 7.25; r1 0.75*(0.5*24) = 9; r2 0.5*6 + 0.5*(0.5*24 + 0.25*4) = 9.5; r3 0.5*(0.5*24) = 6
    expect(Array.from(inFlow)).toEqual([7.25, 9, 9.5, 6]);
    expect(accurateSum(inFlow)).toBe(accurateSum(outFlow));
  });
});

describe('addMovesInto(pooled, ...): properties on random pools (fast-check, fixed seed)', () => {
  const shape = fc.record({
    regions: fc.integer({ min: 1, max: 7 }),
    levels: fc.integer({ min: 1, max: 3 }),
    maxAge: fc.integer({ min: 0, max: 4 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });

  it('gives the same bits as the dense equivalent added in the pooled order', () => {
    fc.assert(
      fc.property(shape, ({ regions: R, levels, maxAge, seed }) => {
        const A1 = maxAge + 1;
        const json = randomPooled(R, levels, seed);
        const movers = randomMovers(R, A1, seed + 1);
        const start = randomMovers(R * 3, A1, seed + 2);
        const kernel = Float64Array.from(start);
        const reference = Float64Array.from(start);
        addMovesInto(toKernel(json), movers, kernel, 1, R, A1);
        denseInPoolOrder(json, movers, reference, 1, R, A1);
        expect(firstBitDifference(kernel, reference)).toBe(-1);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('agrees with the dense matrix path (sum of D[i][j]*x_i) to 1e-14 relative, cell by cell', () => {
    let worst = 0;
    fc.assert(
      fc.property(shape, ({ regions: R, levels, maxAge, seed }) => {
        const A1 = maxAge + 1;
        const json = randomPooled(R, levels, seed);
        const movers = randomMovers(R, A1, seed + 1);
        const start = randomMovers(R * 3, A1, seed + 2);
        const pooled = Float64Array.from(start);
        const dense = Float64Array.from(start);
        addMovesInto(toKernel(json), movers, pooled, 1, R, A1);
        const denseMatrix: MoveMatrix = { kind: 'dense', values: Float64Array.from(pooledToDense(json, R)) };
        addMovesInto(denseMatrix, movers, dense, 1, R, A1);
        for (let x = 0; x < dense.length; x++) {
          const relative = Math.abs(pooled[x] - dense[x]) / Math.max(Math.abs(dense[x]), 1e-300);
          worst = Math.max(worst, relative);
          expect(relative).toBeLessThanOrEqual(1e-14);
        }
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
    expect(worst).toBeLessThan(1e-14);
  });

  it('conserves movers: everyone who leaves arrives somewhere (1e-13 relative)', () => {
    fc.assert(
      fc.property(shape, ({ regions: R, levels, maxAge, seed }) => {
        const A1 = maxAge + 1;
        const movers = randomMovers(R, A1, seed + 1);
        const population = new Float64Array(R * 6 * A1);
        addMovesInto(toKernel(randomPooled(R, levels, seed)), movers, population, 0, R, A1);
        const sent = accurateSum(movers);
        expect(Math.abs(accurateSum(population) - sent)).toBeLessThanOrEqual(1e-13 * Math.max(sent, 1));
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
  });

  it('addMigrationInto gives in = out over all regions and never a negative flow, as the dense form does to rounding', () => {
    fc.assert(
      fc.property(shape, ({ regions: R, levels, seed }) => {
        const json = randomPooled(R, levels, seed);
        const x = randomMovers(R, 1, seed + 3).subarray(0, R);
        const pin = new Float64Array(R);
        const pout = new Float64Array(R);
        const din = new Float64Array(R);
        const dout = new Float64Array(R);
        addMigrationInto(toKernel(json), x, pin, pout, R);
        addMigrationInto({ kind: 'dense', values: Float64Array.from(pooledToDense(json, R)) }, x, din, dout, R);
        const scale = 1e-12 * Math.max(1, accurateSum(x));
        expect(Math.abs(accurateSum(pin) - accurateSum(pout))).toBeLessThanOrEqual(scale);
        for (let r = 0; r < R; r++) {
          expect(pin[r]).toBeGreaterThanOrEqual(0);
          expect(pout[r]).toBeGreaterThanOrEqual(0);
          expect(Math.abs(pin[r] - din[r])).toBeLessThanOrEqual(scale);
          expect(Math.abs(pout[r] - dout[r])).toBeLessThanOrEqual(scale);
        }
      }),
      { seed: SEED + 3, numRuns: 300 },
    );
  });
});

/** A random valid problem with pooled `D` and `E`, and its twin with their dense equivalents. */
function pooledAndDense(R: number, levels: number, seed: number): { pooled: KernelProblemJSON; dense: KernelProblemJSON } {
  const base = randomKernelDoc({ regions: R, maxAge: 4, years: 3, seed, perYear: 0, sparse: 0, omit: 0 });
  const D = randomPooled(R, levels, seed + 10);
  const E = randomPooled(R, levels, seed + 20);
  const pooled = { ...base, inputs: { ...base.inputs, D, E } };
  const dense = { ...base, inputs: { ...base.inputs, D: pooledToDense(D, R), E: pooledToDense(E, R) } };
  return { pooled, dense };
}

describe('runKernel(problem) with pooled D and E', () => {
  const shape = fc.record({ regions: fc.integer({ min: 2, max: 6 }), levels: fc.integer({ min: 1, max: 3 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) });

  it('agrees with the dense equivalent to 1e-13 relative and keeps the accounting identity to 1e-12', () => {
    fc.assert(
      fc.property(shape, ({ regions: R, levels, seed }) => {
        const { pooled, dense } = pooledAndDense(R, levels, seed);
        const a = runKernel(parseKernelProblem(pooled));
        const b = runKernel(parseKernelProblem(dense));
        for (let y = 0; y < a.population.length; y++) {
          const scale = 1e-13 * Math.max(1, ...b.population[y]);
          for (let x = 0; x < b.population[y].length; x++) expect(Math.abs(a.population[y][x] - b.population[y][x])).toBeLessThanOrEqual(scale);
        }
        for (let t = 0; t < 3; t++) {
          const step = (name: 'births' | 'deaths' | 'netInternational') => accurateSum(a.flows[name].subarray(t * R, (t + 1) * R));
          const before = accurateSum(a.population[t]);
          const after = accurateSum(a.population[t + 1]);
          const expected = before + step('births') - step('deaths') + step('netInternational');
          expect(Math.abs(after - expected)).toBeLessThanOrEqual(1e-12 * Math.max(after, 1));
        }
      }),
      { seed: SEED + 4, numRuns: 60 },
    );
  });

  it('gives in-, out- and net migration as a plain reading of model.md does (1e-12 relative)', () => {
    fc.assert(
      fc.property(shape, ({ regions: R, levels, seed }) => {
        const { pooled } = pooledAndDense(R, levels, seed);
        const result = runKernel(parseKernelProblem(pooled));
        const ref = referenceStep(pooled, pooled.population, 0);
        const scale = 1e-12 * Math.max(1, ...ref.inMigrants, ...ref.outMigrants);
        for (let r = 0; r < R; r++) {
          expect(Math.abs(result.flows.inMigrants[r] - ref.inMigrants[r])).toBeLessThanOrEqual(scale);
          expect(Math.abs(result.flows.outMigrants[r] - ref.outMigrants[r])).toBeLessThanOrEqual(scale);
          expect(Math.abs(result.flows.netMigration[r] - ref.netMigration[r])).toBeLessThanOrEqual(2 * scale);
        }
      }),
      { seed: SEED + 5, numRuns: 60 },
    );
  });

  it('writes and reads back its pools bit for bit (kernelProblemToJSON, JSON text, parseKernelProblem)', () => {
    const { pooled } = pooledAndDense(5, 3, 11);
    const problem = parseKernelProblem(pooled);
    const again = parseKernelProblem(JSON.parse(JSON.stringify(kernelProblemToJSON(problem))));
    expect(again.inputs.D).toEqual(problem.inputs.D);
    const a = runKernel(problem);
    const b = runKernel(again);
    for (let y = 0; y < a.population.length; y++) expect(firstBitDifference(a.population[y], b.population[y])).toBe(-1);
  });
});

describe('runKernel(problem): two regions, everyone who moves goes to the other region', () => {
  // a's rural-to-urban movers all go to b (pooled: one national pool, a sends everything, b takes all)
  const doc: KernelProblemJSON = {
    format: 'chengzhen-kernel/1',
    dims: { regions: ['a', 'b'], maxAge: 1 },
    startYear: 2025,
    years: 1,
    population: [8, 8, 8, 8, 0, 0, 0, 0, 0, 0, 0, 0, 16, 16, 16, 16, 0, 0, 0, 0, 0, 0, 0, 0],
    inputs: {
      sx: new Array(24).fill(1),
      sb: new Array(12).fill(1),
      fx: new Array(12).fill(0),
      srb: [1, 1],
      m: [0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0],
      c: [0, 0],
      k: new Array(8).fill(0),
      q: new Array(8).fill(0),
      D: { pooled: { levels: [{ group: [0, 0], share: [1, 1], weight: [0, 1] }] } },
    },
  };

  it('shows them leaving a and arriving in b: 16 movers', () => {
    const result = runKernel(parseKernelProblem(doc));
    // a: 16 rural per sex at age 1 after ageing, half move: 8 per sex
    expect(Array.from(result.flows.outMigrants)).toEqual([16, 0]);
    expect(Array.from(result.flows.inMigrants)).toEqual([0, 16]);
    expect(Array.from(result.flows.netMigration)).toEqual([-16, 16]);
    // b's migrants, female then male, ages 0 and 1: the 8 women and 8 men from a
    expect(Array.from(result.population[1].subarray(16, 20))).toEqual([0, 8, 0, 8]);
  });
});

describe('parseKernelProblem(doc) with pooled D or E: every problem is reported', () => {
  const base = randomKernelDoc({ regions: 3, maxAge: 1, years: 2, seed: 5, perYear: 0, sparse: 0, omit: 3 });
  const messages = (D: unknown) => {
    const parsed = safeParseKernelProblem({ ...base, dims: { regions: ['x', 'y', 'z'], maxAge: 1 }, inputs: { ...base.inputs, D } });
    return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  };

  it('names the level, field and region of a bad number', () => {
    const D = { pooled: { levels: [{ group: [0, 3, 0.5], share: [1, 1.5, 1], weight: [1, 0, -1] }] } };
    expect(messages(D)).toMatchInlineSnapshot(`
      [
        "inputs.D.pooled.levels[0].group[region=y] must be a group number in [0, 2], received 3",
        "inputs.D.pooled.levels[0].share[region=y] must be in [0, 1], received 1.5",
        "inputs.D.pooled.levels[0].weight[region=z] must be in [0, 1], received -1",
        "inputs.D.pooled.levels[0].group[region=z] must be a group number in [0, 2] (a whole number), received 0.5",
      ]
    `);
  });

  it('checks shares over the levels and weights within each sending group', () => {
    const D = {
      pooled: {
        levels: [
          { group: [0, 0, 1], share: [0.5, 0.5, 1], weight: [0.5, 0.25, 0] },
          { group: [0, 0, 0], share: [0.5, 0.25, 0], weight: [0.5, 0.5, 0] },
        ],
      },
    };
    expect(messages(D)).toMatchInlineSnapshot(`
      [
        "inputs.D.pooled.levels[*].share[region=y] (region index 1): the shares of a region over the 2 levels must sum to 1 (within 1e-9), received 0.75",
        "inputs.D.pooled.levels[0].weight[group=0]: the weights of the 2 regions of group 0 (the first region=x, region index 0) must sum to 1 (within 1e-9) because the group sends movers, received 0.75",
        "inputs.D.pooled.levels[0].weight[group=1]: the weights of the 1 regions of group 1 (the first region=z, region index 2) must sum to 1 (within 1e-9) because the group sends movers, received 0",
      ]
    `);
  });

  it('accepts a group that sends nothing whatever its weights, and refuses a malformed pool', () => {
    const ok = { pooled: { levels: [{ group: [0, 0, 1], share: [1, 1, 0], weight: [0.5, 0.5, 0] }, { group: [0, 0, 0], share: [0, 0, 1], weight: [0, 0, 1] }] } };
    expect(messages(ok)).toEqual([]);
    expect(messages({ pooled: { levels: [] } })).toEqual(['inputs.D.pooled must be { levels: [{ group, share, weight }, ...] } with at least one level, received keys ["levels"] and 0 levels']);
    expect(messages({ pooled: { levels: [{ group: [0, 0, 0], share: [1, 1, 1] }] } })).toEqual([
      'inputs.D.pooled.levels[0] must be { group, share, weight }, each an array of 3 numbers by region, received keys ["group","share"]',
    ]);
  });
});
