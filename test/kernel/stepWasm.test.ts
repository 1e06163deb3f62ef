/**
 * The WebAssembly year step against the JavaScript step, bit for bit: every population and
 * every flow of a run through runKernelInto must hold the same bytes whichever step ran it, on
 * hand-made problems at the edges of the rates, random ones of 1 to 31 regions, the presets'
 * compiled problems, runs that write each step's inputs in place, and where WebAssembly is
 * missing.
 */

import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileScenario } from '../../src/model/compile.js';
import { PRESETS } from '../../src/presets/index.js';
import { createKernelWorkspace, runKernelInto, type KernelWorkspace } from '../../src/kernel/runKernel.js';
import { expandDemographyRows } from '../../src/kernel/demographyRows.js';
import { keptStepWasmBytes, movesInWasm, openStepWasm, stepWasmAvailable } from '../../src/kernel/stepWasm.js';
import { FLOW_NAMES, type KernelProblem } from '../../src/kernel/types.js';
import { parseKernelProblem } from '../../src/schema/kernelProblem.js';
import type { KernelProblemJSON } from '../../src/io/kernelJson.js';
import { sameBytes } from '../helpers/bits.js';
import { groupedDemography as grouped } from '../helpers/demographyRows.js';
import { randomPooled } from '../helpers/randomPooled.js';
import { anyThrownBy } from '../helpers/errors.js';
import { filled, identityMatrix, shapeSizes } from '../helpers/kernelDocs.js';
import { kernelDocArbitrary, randomKernelDoc, seededRandom } from '../helpers/randomKernelDoc.js';

const SEED = 18_101;

interface Run {
  arrays: Float64Array[];
  /** Whether every population the sink saw lived outside the workspace's arrays and its dense moves' arena: in the WebAssembly step's memory. */
  inWasm: boolean;
}

/** Every population and flow of a run through runKernelInto, on the WebAssembly step unless `javascript`. */
function run(problem: KernelProblem, javascript: boolean, fill?: (step: number) => void): Run {
  const ws = createKernelWorkspace(problem.regions.length, problem.maxAge);
  ws.javascriptStep = javascript;
  let inWasm = true;
  const arrays = arraysOf(runKernelInto, problem, ws, fill, (population) => {
    inWasm &&= population.buffer !== ws.current.buffer && population.buffer !== ws.next.buffer && ws.denseScratch === undefined;
  });
  return { arrays, inWasm };
}

/** Every population and flow of a run through `runInto` (this module's runKernelInto, or a fresh import's), each population also shown to `see`. */
function arraysOf(runInto: typeof runKernelInto, problem: KernelProblem, ws?: KernelWorkspace, fill?: (step: number) => void, see?: (population: Float64Array) => void): Float64Array[] {
  const arrays: Float64Array[] = [];
  runInto(
    problem,
    {
      year(_year, _step, population, flows) {
        see?.(population);
        arrays.push(Float64Array.from(population));
        if (flows) for (const name of FLOW_NAMES) arrays.push(Float64Array.from(flows[name]));
      },
      end: () => undefined,
    },
    ws,
    fill,
  );
  return arrays;
}

function expectSameBytes(a: Float64Array[], b: Float64Array[]): void {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => expect(sameBytes(x, b[i]), `array ${i}`).toBe(true));
}

/** Runs `problem` on both steps and expects the same bytes, the WebAssembly step having run. */
function expectBothSame(problem: KernelProblem): void {
  const wasm = run(problem, false);
  expect(wasm.inWasm).toBe(true);
  expectSameBytes(wasm.arrays, run(problem, true).arrays);
}

/** A problem of `R` regions from a random document, with dense or identity `D` and `E`. */
function randomProblem(R: number, maxAge: number, years: number, seed: number, options: { perYear?: number; omit?: number } = {}): KernelProblem {
  return parseKernelProblem(randomKernelDoc({ regions: R, maxAge, years, seed, perYear: options.perYear ?? 0, sparse: 0, omit: options.omit ?? 0 }));
}

describe('openStepWasm(problem, refill) and movesInWasm(inputs)', () => {
  it('runs here: WebAssembly SIMD validates the kernel module', () => {
    expect(stepWasmAvailable()).toBe(true);
  });

  it('makes identity and dense moves itself; sparse and pooled ones by the JavaScript moves in its memory (the same bits)', () => {
    expect(movesInWasm(randomProblem(3, 2, 1, 1).inputs)).toBe(true);
    expect(movesInWasm(randomProblem(3, 2, 1, 1, { omit: 3 }).inputs)).toBe(true);
    const sparse = parseKernelProblem(randomKernelDoc({ regions: 3, maxAge: 2, years: 2, seed: 1, perYear: 0, sparse: 1, omit: 0 }));
    expect(movesInWasm(sparse.inputs)).toBe(false);
    expectBothSame(sparse);
    const doc = randomKernelDoc({ regions: 12, maxAge: 6, years: 3, seed: 2, perYear: 0b1, sparse: 0, omit: 0 });
    const pooled = parseKernelProblem({ ...doc, inputs: { ...doc.inputs, D: randomPooled(12, 3, 4), E: randomPooled(12, 2, 5) } });
    expect(movesInWasm(pooled.inputs)).toBe(false);
    expectBothSame(pooled);
    // one matrix pooled, the other dense: both moves outside, as the JavaScript step makes them
    const mixed = parseKernelProblem({ ...doc, inputs: { ...doc.inputs, D: randomPooled(12, 3, 6) } });
    expect(mixed.inputs.E.some((matrix) => matrix.kind === 'dense')).toBe(true);
    expectBothSame(mixed);
  });

  it('keeps its memory between runs up to 64 MiB, and releases a larger one when its run ends', () => {
    const small = randomProblem(3, 4, 2, 3);
    run(small, false);
    const kept = keptStepWasmBytes();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(64 * 2 ** 20);
    // 2,100 regions with dense D and E: two matrices of 35 MB
    const R = 2100;
    const identityRows = (size: number) => {
      const values = new Float64Array(size * size);
      for (let r = 0; r < size; r++) values[r * size + r] = 1;
      return values;
    };
    const filledWith = (length: number, value: number) => [new Float64Array(length).fill(value)];
    const problem: KernelProblem = {
      regions: Array.from({ length: R }, (_, r) => `r${r}`),
      maxAge: 1,
      startYear: 2020,
      years: 1,
      population: new Float64Array(R * 12).fill(10),
      inputs: {
        sx: filledWith(R * 12, 0.5),
        sb: filledWith(R * 6, 0.5),
        fx: filledWith(R * 6, 0.5),
        srb: filledWith(R, 1.05),
        m: filledWith(R * 4, 0.1),
        c: filledWith(R, 0.01),
        k: filledWith(R * 4, 0.1),
        q: filledWith(R * 4, 0.1),
        D: [{ kind: 'dense', values: identityRows(R) }],
        E: [{ kind: 'dense', values: identityRows(R) }],
        n: [],
      },
    };
    const wasm = run(problem, false);
    expect(wasm.inWasm).toBe(true);
    expect(keptStepWasmBytes()).toBe(0);
    expectSameBytes(wasm.arrays, run(problem, true).arrays);
    run(small, false);
    expect(keptStepWasmBytes()).toBeGreaterThan(0);
  });

  it('runs of other shapes and a grown memory in turn: each run the bits of its own on the JavaScript step (the views of a shape are kept only while shape and memory stay)', () => {
    const a = randomProblem(3, 4, 3, 31, { perYear: 0.5 });
    const b = randomProblem(5, 6, 2, 32, { perYear: 0.5 });
    const c = randomProblem(3, 4, 3, 33, { omit: 3 });
    const javascript = [a, b, c].map((problem) => run(problem, true).arrays);
    for (const order of [[0, 1, 0, 2, 0], [2, 2, 1, 1, 0, 0]]) {
      for (const i of order) {
        const wasm = run([a, b, c][i], false);
        expect(wasm.inWasm).toBe(true);
        expectSameBytes(wasm.arrays, javascript[i]);
      }
    }
    // a run needing more memory grows it (new views), then the first shape again
    const big = randomProblem(40, 100, 1, 34);
    expectSameBytes(run(big, false).arrays, run(big, true).arrays);
    expectSameBytes(run(a, false).arrays, javascript[0]);
  });

  it('refuses a second run while one is open (a run started from a sink takes the JavaScript step)', () => {
    const problem = randomProblem(2, 3, 2, 5);
    const first = openStepWasm(problem, false);
    expect(first).not.toBeNull();
    expect(openStepWasm(problem, false)).toBeNull();
    first?.close();
    const again = openStepWasm(problem, false);
    expect(again).not.toBeNull();
    again?.close();
  });
});

describe('runKernelInto on the WebAssembly step: the bits of the JavaScript step', () => {
  it('one region, ages 0..2, by hand: 10 % of the rural move to town', () => {
    const problem = parseKernelProblem({
      format: 'chengzhen-kernel/1',
      dims: { regions: ['town'], maxAge: 2 },
      startYear: 2020,
      years: 2,
      population: filled(18, 100),
      inputs: { sx: filled(18, 1), sb: filled(6, 1), fx: filled(9, 0), srb: [1.05], m: filled(6, 0.1), c: [0], k: filled(6, 0), q: filled(6, 0) },
    });
    const wasm = run(problem, false);
    expect(wasm.inWasm).toBe(true);
    // year 1: rural women aged 0, 1, 2: no births, 90 % of 100 and of 100 + 100 left
    expect(Array.from(wasm.arrays[1].subarray(0, 3))).toEqual([0, 90, 180]);
    // ruralToUrban of step 0: 10 % of each rural cell after survival (0 + 100 + 200 for each sex)
    expect(wasm.arrays[2 + FLOW_NAMES.indexOf('ruralToUrban')][0]).toBe(60);
    expectSameBytes(wasm.arrays, run(problem, true).arrays);
  });

  it('rates at their bounds and zero populations: m + c = 1, k + q = 1, sx and sb 0 and 1, no women', () => {
    for (const maxAge of [1, 2, 3, 4, 100]) {
      const R = 5;
      const { rhsa, rhs, rha, rsa } = shapeSizes(R, maxAge);
      const rand = seededRandom(maxAge);
      const pick = (...values: number[]) => values[Math.floor(rand() * values.length)];
      const c = Array.from({ length: R }, () => pick(0, 0.25, 0.5, 1));
      const m = Array.from({ length: rsa }, (_, i) => pick(0, 1 - c[Math.floor(i / (rsa / R))], rand() * (1 - c[Math.floor(i / (rsa / R))])));
      const q = Array.from({ length: rsa }, () => pick(0, 1, 0.5, rand()));
      const k = q.map((v) => pick(0, 1 - v, rand() * (1 - v)));
      const doc: KernelProblemJSON = {
        format: 'chengzhen-kernel/1',
        dims: { regions: Array.from({ length: R }, (_, r) => `r${r}`), maxAge },
        startYear: 2020,
        years: 3,
        // region 0 empty, region 1 without women, the rest with zeros here and there
        population: Array.from({ length: rhsa }, (_, i) => {
          const r = Math.floor(i / (rhsa / R));
          const female = Math.floor(i / (maxAge + 1)) % 2 === 0;
          return r === 0 || (r === 1 && female) ? 0 : pick(0, 1, 1e6 * rand(), 5e-324);
        }),
        inputs: {
          sx: Array.from({ length: rhsa }, () => pick(0, 1, rand())),
          sb: Array.from({ length: rhs }, () => pick(0, 1, rand())),
          fx: Array.from({ length: rha }, () => pick(0, 1, rand() * 0.2)),
          srb: Array.from({ length: R }, () => pick(0.01, 1.05, 10)),
          m,
          c,
          k,
          q,
          D: identityMatrix(R).map((v, i) => (i < R ? 1 / R : v)),
          n: Array.from({ length: rhsa }, () => pick(0, 0, 1, 1e3)),
        },
      };
      expectBothSame(parseKernelProblem(doc));
      expectBothSame(parseKernelProblem({ ...doc, inputs: { ...doc.inputs, D: undefined, n: undefined } }));
    }
  });

  it('random problems of 1 to 9 regions, identity, dense or sparse D and E, constant or per-year inputs', () => {
    fc.assert(
      fc.property(kernelDocArbitrary({ regions: [1, 9], maxAge: [1, 12], years: [1, 4] }), (doc) => {
        expectBothSame(parseKernelProblem(doc));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('31 regions, ages 0..100, dense and identity D and E, per-year inputs', () => {
    for (const [seed, omit, perYear] of [
      [31, 0, 0],
      [32, 3, 0],
      [33, 1, 0b11111111111],
      [34, 4, 0b01001000],
    ]) {
      expectBothSame(randomProblem(31, 100, 3, seed, { omit, perYear }));
    }
  });

  it('inputs written into the problem before each step (fill): the bits of the JavaScript step doing the same', () => {
    const template = randomProblem(6, 7, 4, 77, { perYear: 0b11111111111 });
    // a problem of one array per input, which fill overwrites with step t's
    const problem: KernelProblem = {
      ...template,
      inputs: Object.fromEntries(
        Object.entries(template.inputs).map(([name, list]) => [name, list.length === 0 ? [] : [list[0] instanceof Float64Array ? Float64Array.from(list[0]) : { ...list[0], values: Float64Array.from((list[0] as { values: Float64Array }).values) }]]),
      ) as unknown as KernelProblem['inputs'],
    };
    const fill = (t: number) => {
      for (const [name, list] of Object.entries(template.inputs)) {
        if (list.length === 0) continue;
        const target = (problem.inputs as unknown as Record<string, (Float64Array | { values: Float64Array })[]>)[name][0];
        const source = list[t];
        if (target instanceof Float64Array) target.set(source as Float64Array);
        else target.values.set((source as { values: Float64Array }).values);
      }
    };
    const wasm = run(problem, false, fill);
    expect(wasm.inWasm).toBe(true);
    expectSameBytes(wasm.arrays, run(problem, true, fill).arrays);
    // and the same as the problem with its inputs listed by year
    expectSameBytes(wasm.arrays, run(template, true).arrays);
  });

  it('n that empties a cell: the same error, from the same step', () => {
    const template = randomKernelDoc({ regions: 4, maxAge: 3, years: 3, seed: 9, perYear: 0, sparse: 0, omit: 0 });
    // single cells of either lane of a pair, two in one pair, and two in different statuses and
    // regions (the first in cell order is reported, whichever pass reached it)
    for (const cells of [[0], [5], [30], [60], [4, 5], [61, 30], [9, 90]]) {
      const n = filled(template.population.length, 0);
      for (const cell of cells) n[cell] = -1e12;
      const problem = parseKernelProblem({ ...template, inputs: { ...template.inputs, n } });
      const wasm = anyThrownBy(() => run(problem, false));
      const js = anyThrownBy(() => run(problem, true));
      expect(String(wasm)).toContain('removes more people than there are');
      expect(String(wasm)).toBe(String(js));
    }
  });

  it("every preset's compiled problem (the county presets over their first two years: demography by row, pooled moves)", () => {
    let ran = 0;
    for (const preset of PRESETS) {
      const county = preset.id.includes('count');
      const scenario = county ? { ...preset.scenario, endYear: preset.scenario.baseYear + 2 } : preset.scenario;
      const problem = compileScenario(scenario);
      if (county) {
        expect(problem.inputs.demographyRows).toBeDefined();
        expect(movesInWasm(problem.inputs)).toBe(false);
      }
      expectBothSame(problem);
      ran++;
    }
    expect(ran).toBe(PRESETS.length);
  });

  it('demography held by row, rows once or per step, with identity, dense and pooled moves: the bits of the JavaScript step', () => {
    for (const [seed, perYear, moves] of [
      [61, false, 'dense'],
      [62, true, 'dense'],
      [63, true, 'pooled'],
      [64, false, 'identity'],
    ] as const) {
      const doc = randomKernelDoc({ regions: 9, maxAge: 8, years: 3, seed, perYear: 0b1, sparse: 0, omit: moves === 'identity' ? 0b11 : 0 });
      const problem = parseKernelProblem(moves === 'pooled' ? { ...doc, inputs: { ...doc.inputs, D: randomPooled(9, 2, seed) } } : doc);
      const byRow = grouped(problem, 4, seed, perYear);
      expectBothSame(byRow);
      // and the problem written out per region
      expectSameBytes(run(byRow, false).arrays, run(expandDemographyRows(byRow), true).arrays);
    }
  });

  it('a run started from a sink while another is open takes the JavaScript step: the same bits', () => {
    const problem = randomProblem(4, 5, 2, 44);
    const alone = run(problem, true).arrays;
    let inner: Run | null = null;
    runKernelInto(problem, {
      year(_year, step) {
        if (step === 0) inner = run(problem, false);
      },
      end: () => undefined,
    });
    expect(inner).not.toBeNull();
    expect(inner!.inWasm).toBe(false);
    expectSameBytes(inner!.arrays, alone);
  });
});

describe('runKernelInto where WebAssembly is missing', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('takes the JavaScript step, with the same bits', async () => {
    const problem = randomProblem(5, 4, 3, 55);
    const expected = run(problem, false).arrays;
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    const fresh = await import('../../src/kernel/runKernel.js');
    const freshWasm = await import('../../src/kernel/stepWasm.js');
    const freshDense = await import('../../src/kernel/denseMovesWasm.js');
    expect(freshWasm.stepWasmAvailable()).toBe(false);
    expect(freshDense.denseMovesWasmAvailable()).toBe(false);
    expectSameBytes(arraysOf(fresh.runKernelInto, problem), expected);
  });
});

describe('useKernelWasm(module): the module another thread compiled', () => {
  afterEach(() => {
    vi.resetModules();
  });

  it('is taken by a thread that has compiled none (and runs with the same bits); one compiled already stays', async () => {
    const problem = randomProblem(4, 3, 2, 56);
    const expected = run(problem, true).arrays;
    const { compileKernelWasm } = await import('../../src/kernel/denseMovesWasm.js');
    const posted = compileKernelWasm()!;
    vi.resetModules();
    const fresh = await import('../../src/kernel/denseMovesWasm.js');
    fresh.useKernelWasm(posted);
    expect(fresh.compileKernelWasm()).toBe(posted);
    const freshRun = await import('../../src/kernel/runKernel.js');
    expectSameBytes(arraysOf(freshRun.runKernelInto, problem), expected);
    vi.resetModules();
    const other = await import('../../src/kernel/denseMovesWasm.js');
    const own = other.compileKernelWasm()!;
    other.useKernelWasm(posted);
    expect(other.compileKernelWasm()).toBe(own);
    expect(own).not.toBe(posted);
  });
});
