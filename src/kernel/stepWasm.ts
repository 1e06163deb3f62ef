/**
 * The year step (model.md section 3, `stepInto`) in WebAssembly SIMD: `step` of the
 * kernel's module (src/kernel/kernelWasm.ts, from bench/wasm/kernel.wat) does the same f64
 * operations as the JavaScript step in the same order (two ages per instruction where cells are
 * independent, every sum added lane by lane in the JavaScript order, no fused multiply-add), so
 * the two give identical bits. It covers the whole step: survival, births, the transitions, identity and
 * dense moves, net international migrants, and every flow (the migration between regions
 * counted as `addMigrationInto` counts it); with sparse or pooled moves, the region loop, the
 * rest made by the JavaScript step's own `movesIntoStep` in the module's memory. Demography
 * held by row is read by row.
 *
 * A run ({@link openStepWasm}) holds its populations, scratch and inputs in one WebAssembly
 * memory kept between runs: the inputs are copied in once (a per-year input once per step), the
 * populations never leave it (the sink reads them in place), and only the flows are copied out.
 */

import { compileKernelWasm } from './denseMovesWasm.js';
import { movesIntoStep } from './step.js';
import { FLOW_NAMES, stepEntry, type KernelInputs, type KernelProblem, type MoveMatrix, type StepFlows } from './types.js';

/** The memory kept between runs at most; a run that needed more releases it when it ends. */
const KEEP_BYTES = 64 * 2 ** 20;
/** The largest memory a run may use (beyond it, the JavaScript step runs). */
const MAX_BYTES = 1024 * 2 ** 20;
const PAGE_BYTES = 65536;
/** The first byte used: address 0 stands for an identity matrix or no `n`. */
const FIRST_BYTE = 64;

type StepFunction = (
  R: number,
  A: number,
  P: number,
  S: number,
  sx: number,
  sb: number,
  fx: number,
  srb: number,
  m: number,
  c: number,
  k: number,
  q: number,
  n: number,
  D: number,
  E: number,
  mig: number,
  ret: number,
  flows: number,
  list: number,
  nSums: number,
  rows: number,
  external: number,
) => number;

type NSumsFunction = (n: number, R: number, A: number, sums: number) => void;

/** The memory and its instance, kept between runs. */
interface Arena {
  memory: WebAssembly.Memory;
  step: StepFunction;
  nSums: NSumsFunction;
}

let arena: Arena | null = null;
/** A run holds the arena: a run started while another is open (from a sink) takes the JavaScript step. */
let busy = false;


/**
 * Whether the WebAssembly step makes the moves between regions itself: every `D` and `E` is
 * identity or dense. Otherwise (a sparse or pooled matrix in some year) the WebAssembly step
 * runs the region loop (survival, births, transitions, the net international migrants of the
 * statuses no move reaches) and the JavaScript moves of `movesIntoStep` make the rest of the
 * step in its memory, as the JavaScript step does after its own region loop.
 *
 * @example
 * const none = [new Float64Array(0)];
 * movesInWasm({ sx: none, sb: none, fx: none, srb: none, m: none, c: none, k: none, q: none, n: [], D: [{ kind: 'identity' }], E: [{ kind: 'dense', values: Float64Array.of(1) }] })
 * // => true
 */
export function movesInWasm(inputs: KernelInputs): boolean {
  return inputs.D.every(identityOrDense) && inputs.E.every(identityOrDense);
}

function identityOrDense(matrix: MoveMatrix): boolean {
  return matrix.kind === 'identity' || matrix.kind === 'dense';
}

/**
 * Whether the WebAssembly step can run here (WebAssembly with SIMD).
 *
 * @example
 * stepWasmAvailable()
 * // => true (on Node 20 and current browsers)
 */
export function stepWasmAvailable(): boolean {
  return compileKernelWasm() !== null;
}

/**
 * The bytes of WebAssembly memory the step keeps between runs (0 when none is kept): at most
 * 64 MiB, a larger memory being released when its run ends.
 *
 * @example
 * keptStepWasmBytes() <= 64 * 2 ** 20
 * // => true
 */
export function keptStepWasmBytes(): number {
  return arena === null ? 0 : arena.memory.buffer.byteLength;
}

/** One input of the run: where it lives in memory and whether it is copied in at every step. */
interface Slot {
  list: (Float64Array | MoveMatrix)[];
  view: Float64Array;
  everyStep: boolean;
}

/** A run of the WebAssembly step, from {@link openStepWasm}. */
export interface StepWasmRun {
  /** The run's two populations, in WebAssembly memory; {@link StepWasmRun.step} reads one and writes the other. */
  populations: [Float64Array, Float64Array];
  /**
   * Runs step `t` from `populations[from]` into the other population, writing the step's flows
   * into `flows`; copies in the inputs of step `t` that change from step to step (all of them
   * when the run was opened with `refill`).
   *
   * @returns the flat index of the first cell that `n` made negative, or -1 when none did.
   */
  step(t: number, from: 0 | 1, flows: StepFlows): number;
  /** Ends the run: the memory is kept for the next run when it is at most 64 MiB. */
  close(): void;
}

/**
 * Opens a run of `problem` on the WebAssembly step: copies the base population and the inputs
 * into the kept memory (grown when needed). With `refill`, every input is copied in again at
 * each step (a caller that writes each step's inputs into the problem's arrays).
 *
 * Demography held by row (`demographyRows`) is copied in by row, with each region's row; the
 * step reads each region's rates from its row. Sparse and pooled moves are made by the
 * JavaScript moves in the run's memory ({@link movesInWasm}).
 *
 * @returns null, having done nothing, where WebAssembly SIMD is missing, when another run is
 *   open, or when the run would need more than 1 GiB.
 */
export function openStepWasm(problem: KernelProblem, refill: boolean): StepWasmRun | null {
  if (busy) return null;
  const R = problem.regions.length;
  const A = problem.maxAge;
  const A1 = A + 1;
  const cells = R * 6 * A1;
  const block = 2 * A1;
  const i = problem.inputs;
  const dense = (list: MoveMatrix[]) => list.some((matrix) => matrix.kind === 'dense');
  // sparse or pooled moves somewhere: the JavaScript moves make every step's moves
  const external = !movesInWasm(i);
  const hasD = !external && dense(i.D);
  const hasE = !external && dense(i.E);
  const hasN = i.n.length > 0;
  // demography held by row: as many rows as the longest year's table holds
  const rowList = i.demographyRows;
  const longest = (list: Float64Array[], perRegion: number) => (rowList === undefined ? perRegion : Math.max(...list.map((a) => a.length)));
  const sizes = [longest(i.sx, cells), longest(i.sb, R * 6), longest(i.fx, R * 3 * A1), longest(i.srb, R), R * 2 * A1, R, R * 2 * A1, R * 2 * A1, hasN ? cells : 0, hasD ? R * R : 0, hasE ? R * R : 0, rowList === undefined ? 0 : Math.ceil(R / 2)];
  let numbers = 2 * cells + 2 * R * block + FLOW_NAMES.length * R + R * 9 + R;
  for (const size of sizes) numbers += size;
  const bytes = FIRST_BYTE + numbers * 8;
  if (bytes > MAX_BYTES) return null;
  const kept = reserve(bytes);
  if (kept === null) return null;
  busy = true;
  const { populations, mig, ret, flowBlock, list, nSums, flowViews, flowsInMemory, slots, rows } = layoutOf(kept.memory.buffer, `${R} ${A} ${sizes.join(' ')}`, cells, R, block, sizes);
  // D and E are copied in only when the step makes the moves itself
  const lists: (Float64Array | MoveMatrix)[][] = [i.sx, i.sb, i.fx, i.srb, i.m, i.c, i.k, i.q, i.n, external ? [] : i.D, external ? [] : i.E];
  for (let s = 0; s < lists.length; s++) {
    slots[s].list = lists[s];
    slots[s].everyStep = refill || lists[s].length > 1;
  }
  const [sx, sb, fx, srb, m, c, k, q, n, D, E] = slots;
  const rowsEveryStep = rowList !== undefined && (refill || rowList.length > 1);
  // an n that serves every step has its sums by region added once (as runKernelInto's plan)
  const nSummed = hasN && !n.everyStep;
  try {
    populations[0].set(problem.population);
    for (let s = 0; s < lists.length; s++) if (!slots[s].everyStep) copyIn(slots[s], 0);
    if (rowList !== undefined && !rowsEveryStep) rows.set(rowList[0]);
    if (nSummed) kept.nSums(n.view.byteOffset, R, A, nSums.byteOffset);
  } catch (error) {
    busy = false; // an array of the wrong length: the run never opened
    throw error;
  }
  const address = (slot: Slot) => slot.view.byteOffset;
  const step = kept.step;
  let open = true;
  return {
    populations,
    step(t, from, flows) {
      for (let s = 0; s < lists.length; s++) if (slots[s].everyStep) copyIn(slots[s], t);
      if (rowsEveryStep) rows.set(stepEntry(rowList, t));
      const matrixD = stepEntry(i.D, t);
      const matrixE = stepEntry(i.E, t);
      // with the moves made outside, D and E only say whether the movers leave (not identity)
      const addressD = external ? Number(matrixD.kind !== 'identity') : matrixD.kind === 'dense' ? address(D) : 0;
      const addressE = external ? Number(matrixE.kind !== 'identity') : matrixE.kind === 'dense' ? address(E) : 0;
      const negative = step(
        R,
        A,
        populations[from].byteOffset,
        populations[1 - from].byteOffset,
        address(sx),
        address(sb),
        address(fx),
        address(srb),
        address(m),
        address(c),
        address(k),
        address(q),
        hasN ? address(n) : 0,
        addressD,
        addressE,
        mig.byteOffset,
        ret.byteOffset,
        flowBlock.byteOffset,
        list.byteOffset,
        nSummed ? nSums.byteOffset : 0,
        rowList === undefined ? 0 : rows.byteOffset,
        external ? 1 : 0,
      );
      // step 4 and the rest of step 5 by the JavaScript moves, in the run's memory
      const first = external ? movesIntoStep(R, A, matrixD, matrixE, hasN ? stepEntry(i.n, t) : null, mig, ret, null, populations[1 - from], flowsInMemory, null, negative) : negative;
      for (let f = 0; f < FLOW_NAMES.length; f++) flows[FLOW_NAMES[f]].set(flowViews[f]);
      return first;
    },
    close() {
      if (!open) return;
      open = false;
      busy = false;
      // the kept layout holds no input of this problem
      for (const slot of slots) slot.list = [];
      if (kept.memory.buffer.byteLength > KEEP_BYTES) arena = null;
    },
  };
}

/** Where a run of one shape keeps its arrays in the arena's memory: views made once and reused by every run of that shape. */
interface Layout {
  buffer: ArrayBuffer;
  shape: string;
  populations: [Float64Array, Float64Array];
  mig: Float64Array;
  ret: Float64Array;
  flowBlock: Float64Array;
  list: Float64Array;
  nSums: Float64Array;
  flowViews: Float64Array[];
  /** The flows in the memory, by name (the same views). */
  flowsInMemory: StepFlows;
  /** The inputs' slots, in the order sx, sb, fx, srb, m, c, k, q, n, D, E (their lists set by each run), then the rows' place. */
  slots: Slot[];
  /** Each region's row of the demography, when it is held by row (empty otherwise). */
  rows: Int32Array;
}

/** The layout of the last run, reused while the memory and the shape stay the same (a simulation's draws). */
let layout: Layout | null = null;

/** The views of a run of `shape` (its dimensions and input sizes) in `buffer`: the last run's when they match. */
function layoutOf(buffer: ArrayBuffer, shape: string, cells: number, R: number, block: number, sizes: readonly number[]): Layout {
  if (layout !== null && layout.buffer === buffer && layout.shape === shape) return layout;
  let at = FIRST_BYTE;
  const take = (count: number) => {
    const view = new Float64Array(buffer, at, count);
    at += count * 8;
    return view;
  };
  const populations: [Float64Array, Float64Array] = [take(cells), take(cells)];
  const mig = take(R * block);
  const ret = take(R * block);
  const flowBlock = take(FLOW_NAMES.length * R);
  const list = take(R * 9); // the dense moves' list of origins, 68 bytes a region
  const nSums = take(R);
  const flowViews = FLOW_NAMES.map((_, f) => flowBlock.subarray(f * R, (f + 1) * R));
  const slots: Slot[] = sizes.map((size) => ({ list: [], view: take(size), everyStep: false }));
  const rowsPlace = slots[slots.length - 1].view;
  const rows = new Int32Array(buffer, rowsPlace.byteOffset, rowsPlace.length === 0 ? 0 : R);
  const flowsInMemory = Object.fromEntries(FLOW_NAMES.map((name, f) => [name, flowViews[f]])) as StepFlows;
  layout = { buffer, shape, populations, mig, ret, flowBlock, list, nSums, flowViews, flowsInMemory, slots, rows };
  return layout;
}

/** Copies the input of step `t` into its slot (nothing for an identity matrix or a missing `n`). */
function copyIn(slot: Slot, t: number): void {
  if (slot.view.length === 0 || slot.list.length === 0) return;
  const value = stepEntry(slot.list, t);
  if (value instanceof Float64Array) slot.view.set(value);
  else if (value.kind === 'dense') slot.view.set(value.values);
}

/** The kept arena with at least `bytes` of memory (made or grown), or null where it cannot be. */
function reserve(bytes: number): Arena | null {
  if (compileKernelWasm() === null) return null;
  try {
    if (arena === null) {
      const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE_BYTES) });
      const module = compileKernelWasm();
      if (module === null) return null;
      const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
      arena = { memory, step: exports.step as StepFunction, nSums: exports.nSums as NSumsFunction };
    } else if (arena.memory.buffer.byteLength < bytes) {
      arena.memory.grow(Math.ceil((bytes - arena.memory.buffer.byteLength) / PAGE_BYTES));
    }
    return arena;
  } catch {
    return null; // out of memory, or a host that forbids it: the JavaScript step runs
  }
}
