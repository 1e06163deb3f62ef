/**
 * Runs a kernel problem year by year, handing each year to a sink (`begin`, `year`, `end`),
 * so that a caller can keep every population ({@link runKernel}) or only what it needs
 * (indicators, one region, a running total) without holding all years in memory.
 */

import { ChengzhenError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { createDenseMovesArena } from './denseMovesWasm.js';
import { decodeIndex, SEXES, STATUSES } from './layout.js';
import { createStepScratch, planNetInternational, stepInto, type NetInternationalPlan, type StepScratch } from './step.js';
import { openStepWasm, type StepWasmRun } from './stepWasm.js';
import { FLOW_NAMES, stepEntry, type FlowName, type KernelProblem, type KernelResult, type StepFlows, type StepInputs } from './types.js';

/** Receives a run year by year. Arrays passed in are reused by the kernel: copy what you keep. */
export interface KernelSink<T> {
  /** Called once with the problem before the first year. */
  begin?(problem: KernelProblem): void;
  /**
   * Called for the base year (`step = -1`, `flows = null`) and after each step with the
   * population on 1 January of `year` and the flows of the step that led to it.
   */
  year(year: number, step: number, population: Float64Array, flows: StepFlows | null): void;
  /** Called once after the last year; its value is what {@link runKernelInto} returns. */
  end(): T;
}

/** The buffers of a run, reusable across runs of the same size. */
export interface KernelWorkspace {
  regions: number;
  maxAge: number;
  current: Float64Array;
  next: Float64Array;
  scratch: StepScratch;
  flows: StepFlows;
  /**
   * The plans of `n` ({@link planNetInternational}) made by earlier runs, each with a copy of
   * the array it was made from: a later run with the same array reuses the plan when the array
   * still holds the same numbers (checked in one pass), so a problem run many times (solvers,
   * simulations, benchmarks) lists its `n` once.
   */
  nPlans: { plan: NetInternationalPlan; copy: Float64Array }[];
  /**
   * For runs of the JavaScript step with dense `D` and `E` (four regions or more): a step
   * scratch whose movers and the two populations live in WebAssembly memory of their own, made
   * on the first such run (null where WebAssembly SIMD is missing).
   */
  denseScratch?: StepScratch | null;
  /**
   * True to run the JavaScript step even where the WebAssembly step applies (it gives the same
   * bits; for tests and benchmarks that compare the two).
   */
  javascriptStep?: boolean;
}

/**
 * Allocates a workspace for problems of `regions` regions and open age `maxAge`: two
 * populations of `regions*6*(maxAge+1)` numbers, the step's scratch and one flow array per flow.
 *
 * @example
 * createKernelWorkspace(2, 100).current.length
 * // => 1212
 */
export function createKernelWorkspace(regions: number, maxAge: number): KernelWorkspace {
  const cells = regions * 6 * (maxAge + 1);
  const flows = {} as StepFlows;
  for (const name of FLOW_NAMES) flows[name] = new Float64Array(regions);
  return {
    regions,
    maxAge,
    current: new Float64Array(cells),
    next: new Float64Array(cells),
    scratch: createStepScratch(regions, maxAge),
    flows,
    nPlans: [],
  };
}

/**
 * The inputs of step `t` (0-based): the per-year array when there is one, else the constant
 * one; `n` is null when the problem has no net international migrants, and `demographyRows`
 * when its demography is per region. Writes into `out` when given.
 *
 * @example
 * const fill = (length: number, value: number) => new Array<number>(length).fill(value);
 * const problem = parseKernelProblem({   // one region, ages 0..2, 100 people a cell, 10 % move to town
 *   format: 'chengzhen-kernel/1', dims: { regions: ['town'], maxAge: 2 }, startYear: 2020, years: 1,
 *   population: fill(18, 100),
 *   inputs: { sx: fill(18, 1), sb: fill(6, 1), fx: fill(9, 0), srb: [1.05], m: fill(6, 0.1), c: [0], k: fill(6, 0), q: fill(6, 0) },
 * });
 * stepInputs(problem, 0).D
 * // => { kind: 'identity' }
 * stepInputs(problem, 0).n
 * // => null
 */
export function stepInputs(problem: KernelProblem, t: number, out?: StepInputs): StepInputs {
  const i = problem.inputs;
  const pick = <X>(list: X[]): X => stepEntry(list, t);
  const target = out ?? ({} as StepInputs);
  target.sx = pick(i.sx);
  target.sb = pick(i.sb);
  target.fx = pick(i.fx);
  target.srb = pick(i.srb);
  target.m = pick(i.m);
  target.c = pick(i.c);
  target.k = pick(i.k);
  target.q = pick(i.q);
  target.D = pick(i.D);
  target.E = pick(i.E);
  target.n = i.n.length === 0 ? null : pick(i.n);
  target.demographyRows = i.demographyRows === undefined ? null : pick(i.demographyRows);
  return target;
}

/**
 * Runs `problem` through every step, handing each year to `sink`. Allocates nothing per step;
 * pass a `workspace` from {@link createKernelWorkspace} to reuse buffers across runs. `fill`,
 * when given, is called before each step and may write that step's inputs into the problem's
 * arrays, so that a run holds one year of inputs (their lists then have one array each, and `n`
 * is read as it is at each step rather than listed once for the run).
 *
 * The steps run in WebAssembly SIMD (src/kernel/stepWasm.ts; the sink then sees populations
 * in WebAssembly memory; sparse and pooled moves made by the JavaScript moves in that memory),
 * with the bits of the JavaScript step, which runs otherwise (no WebAssembly SIMD, a run
 * started from a sink of another, or `workspace.javascriptStep`).
 *
 * @throws {ChengzhenError} `negative_population` when net international migrants `n` remove
 *   more people than a cell holds (the kernel never clamps).
 * @example
 * const fill = (length: number, value: number) => new Array<number>(length).fill(value);
 * const problem = parseKernelProblem({   // one region, ages 0..2, 100 people a cell, 10 % move to town
 *   format: 'chengzhen-kernel/1', dims: { regions: ['town'], maxAge: 2 }, startYear: 2020, years: 1,
 *   population: fill(18, 100),
 *   inputs: { sx: fill(18, 1), sb: fill(6, 1), fx: fill(9, 0), srb: [1.05], m: fill(6, 0.1), c: [0], k: fill(6, 0), q: fill(6, 0) },
 * });
 * const ruralWomenAged2: number[] = [];
 * runKernelInto(problem, { year: (year, step, population) => void ruralWomenAged2.push(population[2]), end: () => ruralWomenAged2 })
 * // => [100, 180]
 */
export function runKernelInto<T>(problem: KernelProblem, sink: KernelSink<T>, workspace?: KernelWorkspace, fill?: (step: number) => void): T {
  const R = problem.regions.length;
  const A = problem.maxAge;
  const ws = workspace && workspace.regions === R && workspace.maxAge === A ? workspace : createKernelWorkspace(R, A);
  // the WebAssembly step where it applies and runs (the same bits), else the JavaScript step
  const wasm = ws.javascriptStep ? null : openStepWasm(problem, fill !== undefined);
  if (wasm !== null) return runWasm(problem, sink, ws, wasm, fill);
  const dense = R >= 4 && problem.inputs.D.some((d) => d.kind === 'dense') && problem.inputs.E.some((e) => e.kind === 'dense') ? denseScratch(ws) : null;
  const scratch = dense ?? ws.scratch;
  let P = dense?.arena ? dense.arena.populations[0] : ws.current;
  let S = dense?.arena ? dense.arena.populations[1] : ws.next;
  P.set(problem.population);
  sink.begin?.(problem);
  sink.year(problem.startYear, -1, P, null);
  const inputs = {} as StepInputs;
  // the non-zero cells of n, listed once when one n serves every step; an n of one step only
  // is read once either way (listing it would read it twice), so the step reads it directly
  scratch.nPlan = null;
  const planN = problem.inputs.n.length === 1 && problem.years > 1 && fill === undefined;
  try {
    for (let t = 0; t < problem.years; t++) {
      fill?.(t);
      stepInputs(problem, t, inputs);
      if (planN && inputs.n !== null && scratch.nPlan?.source !== inputs.n) scratch.nPlan = reusedPlan(ws, inputs.n, R, A);
      const negative = stepInto(R, A, P, inputs, S, scratch, ws.flows);
      if (negative >= 0) throw negativePopulation(problem, t, negative, S[negative]);
      checkFinite(problem, t, ws.flows);
      const swap = P;
      P = S;
      S = swap;
      sink.year(problem.startYear + t + 1, t, P, ws.flows);
    }
  } finally {
    scratch.nPlan = null;
  }
  return sink.end();
}

/** {@link runKernelInto} on the WebAssembly step: the same calls of the sink, the same checks. */
function runWasm<T>(problem: KernelProblem, sink: KernelSink<T>, ws: KernelWorkspace, run: StepWasmRun, fill: ((step: number) => void) | undefined): T {
  try {
    let from: 0 | 1 = 0;
    sink.begin?.(problem);
    sink.year(problem.startYear, -1, run.populations[0], null);
    for (let t = 0; t < problem.years; t++) {
      fill?.(t);
      const negative = run.step(t, from, ws.flows);
      from = from === 0 ? 1 : 0;
      const P = run.populations[from];
      if (negative >= 0) throw negativePopulation(problem, t, negative, P[negative]);
      checkFinite(problem, t, ws.flows);
      sink.year(problem.startYear + t + 1, t, P, ws.flows);
    }
  } finally {
    run.close();
  }
  return sink.end();
}

/** The workspace's step scratch in WebAssembly memory for dense moves, made once; null where it cannot be. */
function denseScratch(ws: KernelWorkspace): StepScratch | null {
  if (ws.denseScratch === undefined) {
    const block = 2 * (ws.maxAge + 1);
    const arena = createDenseMovesArena(ws.regions, block, ws.current.length);
    ws.denseScratch = arena === null ? null : { mig: arena.movers, ret: arena.returners, sums: new Float64Array(4), nPlan: null, arena };
  }
  return ws.denseScratch;
}

/** Plans kept by a workspace: a few, the oldest dropped first. */
const KEPT_PLANS = 4;

/** The plan of `n` kept by the workspace when `n` still holds the numbers it was made from; else a new one, kept. */
function reusedPlan(ws: KernelWorkspace, n: Float64Array, regions: number, maxAge: number): NetInternationalPlan {
  for (const kept of ws.nPlans) {
    if (kept.plan.source !== n) continue;
    const copy = kept.copy;
    let same = copy.length === n.length;
    // (a zero of either sign is left out of a plan alike)
    for (let x = 0; same && x < n.length; x++) same = n[x] === copy[x];
    if (same) return kept.plan;
    ws.nPlans.splice(ws.nPlans.indexOf(kept), 1);
    break;
  }
  const plan = planNetInternational(n, regions, maxAge);
  if (ws.nPlans.length >= KEPT_PLANS) ws.nPlans.shift();
  ws.nPlans.push({ plan, copy: Float64Array.from(n) });
  return plan;
}

function negativePopulation(problem: KernelProblem, step: number, index: number, value: number): ChengzhenError {
  const d = decodeIndex('rhsa', { regions: problem.regions.length, maxAge: problem.maxAge }, index);
  const region = problem.regions[d.region ?? 0];
  const status = STATUSES[d.status ?? 0];
  const sex = SEXES[d.sex ?? 0];
  const year = problem.startYear + step;
  const where = `year=${year}, region=${region}, status=${status}, sex=${sex}, age=${d.age}`;
  return new ChengzhenError([
    {
      code: 'negative_population',
      path: problem.inputs.n.length > 1 ? ['inputs', 'n', step, index] : ['inputs', 'n', index],
      coords: { year, region, status, sex, age: d.age },
      message: `inputs.n[${where}] removes more people than there are: the population would be ${value}`,
      expected: 'a population >= 0 after net international migration',
      received: String(value),
    },
  ]);
}

/**
 * Refuses a problem whose kept result would hold more than {@link LIMITS.maxResultCells}
 * population cells, before anything is allocated.
 */
function checkResultCells(problem: KernelProblem): void {
  const R = problem.regions.length;
  const cells = R * 6 * (problem.maxAge + 1) * (problem.years + 1);
  if (cells <= LIMITS.maxResultCells) return;
  throw new ChengzhenError([
    {
      code: 'too_large',
      path: ['years'],
      message: `years must keep the result within ${LIMITS.maxResultCells} population cells (LIMITS.maxResultCells), received ${problem.years}: ${R} regions x 6 x ${problem.maxAge + 1} ages x ${problem.years + 1} years = ${cells}; run fewer years or regions, or keep only the indicators with runKernelIndicators from chengzhen/kernel`,
      expected: `at most ${LIMITS.maxResultCells} cells`,
      received: String(cells),
    },
  ]);
}

/** Throws when a step's births or deaths are not finite: the population has overflowed. */
function checkFinite(problem: KernelProblem, step: number, flows: StepFlows): void {
  for (let r = 0; r < problem.regions.length; r++) {
    if (Number.isFinite(flows.births[r]) && Number.isFinite(flows.deaths[r])) continue;
    const year = problem.startYear + step;
    throw new ChengzhenError([
      {
        code: 'not_finite',
        path: ['inputs'],
        coords: { year, region: problem.regions[r] },
        message: `the projection overflowed in year=${year}, region=${problem.regions[r]}: births or deaths are no longer finite numbers; the inputs (fx, n) make the population grow without bound`,
        received: `births ${flows.births[r]}, deaths ${flows.deaths[r]}`,
      },
    ]);
  }
}

/**
 * A sink that keeps every year's population and every step's flows (what {@link runKernel}
 * returns).
 *
 * @example
 * const fill = (length: number, value: number) => new Array<number>(length).fill(value);
 * const problem = parseKernelProblem({   // one region, ages 0..2, 100 people a cell, 10 % move to town
 *   format: 'chengzhen-kernel/1', dims: { regions: ['town'], maxAge: 2 }, startYear: 2020, years: 1,
 *   population: fill(18, 100),
 *   inputs: { sx: fill(18, 1), sb: fill(6, 1), fx: fill(9, 0), srb: [1.05], m: fill(6, 0.1), c: [0], k: fill(6, 0), q: fill(6, 0) },
 * });
 * const result = runKernelInto(problem, fullResultSink());
 * result.years
 * // => [2020, 2021]
 * result.flows.ruralToUrban
 * // => Float64Array [60]
 */
export function fullResultSink(): KernelSink<KernelResult> {
  let result: KernelResult | null = null;
  return {
    begin(problem) {
      const R = problem.regions.length;
      const flows = {} as Record<FlowName, Float64Array>;
      for (const name of FLOW_NAMES) flows[name] = new Float64Array(problem.years * R);
      result = {
        regions: [...problem.regions],
        maxAge: problem.maxAge,
        years: [],
        population: [],
        flows,
      };
    },
    year(year, step, population, flows) {
      const r = result!;
      r.years.push(year);
      r.population.push(Float64Array.from(population));
      if (flows) {
        const R = r.regions.length;
        for (const name of FLOW_NAMES) r.flows[name].set(flows[name], step * R);
      }
    },
    end() {
      return result!;
    },
  };
}

/**
 * Runs a kernel problem and keeps every year: the allocating twin of {@link runKernelInto}.
 *
 * @example
 * const fill = (length: number, value: number) => new Array<number>(length).fill(value);
 * const problem = parseKernelProblem({   // one region, ages 0..2, 100 people a cell, 10 % move to town
 *   format: 'chengzhen-kernel/1', dims: { regions: ['town'], maxAge: 2 }, startYear: 2020, years: 1,
 *   population: fill(18, 100),
 *   inputs: { sx: fill(18, 1), sb: fill(6, 1), fx: fill(9, 0), srb: [1.05], m: fill(6, 0.1), c: [0], k: fill(6, 0), q: fill(6, 0) },
 * });
 * runKernel(problem).years   // startYear .. startYear + years
 * // => [2020, 2021]
 */
export function runKernel(problem: KernelProblem): KernelResult {
  checkResultCells(problem);
  return runKernelInto(problem, fullResultSink());
}
