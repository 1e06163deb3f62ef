/** What the calling thread of a parallel simulation and its worker threads say to each other. */

import type { YearDemography } from '../model/unDemography.js';
import type { DrawBase, QuantileBand, SimulationPlan } from '../solve/simulate.js';

/** The places of a job's shared state (an `Int32Array` over a `SharedArrayBuffer`), each changed with `Atomics` by every thread. */
export const JOB_STATE = {
  /** The next draw to take. */
  nextDraw: 0,
  /** The draws in the columns. */
  drawsDone: 1,
  /** The next kept series to summarise. */
  nextSeries: 2,
  /** 1 once the simulation failed: threads take nothing more. */
  stop: 3,
  /**
   * How many threads take draws (the calling thread and workers 1 to n - 1), once decided
   * (0 until then: a worker waits). The default decides it from how busy other work keeps the
   * cores while the worker threads start.
   */
  drawing: 4,
  /** The number of places. */
  length: 5,
} as const;

/** What a worker thread is handed: the plan, the ranges, the shared columns and state. */
export interface WorkerJob {
  /** The simulation's number in this process: the messages of a thread kept from an earlier simulation are told apart. */
  id: number;
  plan: Pick<SimulationPlan, 'scenario' | 'uncertain' | 'keys' | 'years'>;
  seed: number;
  draws: number;
  /** The threads of the simulation (the calling thread and its workers). */
  threads: number;
  /** This worker's number, 1 to `threads - 1`: it takes draws when it is below {@link JOB_STATE}'s `drawing`. */
  worker: number;
  /** The columns of every draw (`simulationColumns` over it), written by the thread that runs the draw. */
  columns: SharedArrayBuffer;
  /** The shared state, at the places of {@link JOB_STATE}. */
  state: Int32Array;
  /** The parent's cached UN demography, so the worker does not build the life tables again. */
  demography: [string, YearDemography][];
  /** The scenario compiled for the draws, when they compile from it, so the worker does not compile it again. */
  base?: DrawBase;
  /** The kernel's WebAssembly module as the calling thread compiled it (null where it cannot run there), so the worker does not compile it again. */
  wasm: WebAssembly.Module | null;
}

/** What a worker thread posts: draws done, a series' bands, or that it is done with the job. */
export type WorkerMessage = { id: number; progress: number } | { id: number; series: number; bands: QuantileBand[] } | { id: number; done: true };

/** About how long a thread runs the draws it takes at once, ms. */
export const RANGE_MS = 20;

/** The most draws a thread takes at once. */
export const MAX_RANGE = 500;

/**
 * How many draws a thread takes next, of `left` not yet taken by any of `threads` threads,
 * when its last draws took `perDrawMs` each (0: none run yet) and it took `last` at once: about
 * {@link RANGE_MS} of draws at its own speed (so a thread that starts cold, or is slowed by
 * other work, takes few), a quarter of the draws left over the threads (so the threads finish
 * together), at most four times its last and at most {@link MAX_RANGE}, at least 1. Any cut
 * gives the same bands: draw i depends only on the seed and i.
 *
 * @example
 * rangeSize(10_000, 2, 0, 0)      // nothing run yet: one draw
 * // => 1
 * rangeSize(10_000, 2, 0.1, 64)   // 20 ms of draws of 0.1 ms, but at most 4 x 64
 * // => 200
 * rangeSize(100, 2, 0.1, 200)     // the end: a quarter of what is left over the threads
 * // => 13
 */
export function rangeSize(left: number, threads: number, perDrawMs: number, last: number): number {
  const timed = perDrawMs > 0 ? Math.floor(RANGE_MS / perDrawMs) : 1;
  return Math.max(1, Math.min(timed, 4 * Math.max(1, last), Math.ceil(left / (4 * threads)), MAX_RANGE));
}

/** A thread's pace over the ranges it takes: its last range's size and time per draw (ms). */
export interface RangePace {
  size: number;
  perDraw: number;
}

/**
 * Takes the next range of draws of a job (sized by {@link rangeSize} at this thread's `pace`),
 * runs it with `run(from, to)`, updates the pace, and adds the draws to the job's done count
 * (waking whoever waits on it): the loop body of every thread that draws.
 *
 * @returns the number of draws run: 0 when none was left to take.
 * @example
 * const state = new Int32Array(new SharedArrayBuffer(JOB_STATE.length * 4));
 * const pace = { size: 0, perDraw: 0 };
 * const ran: number[][] = [];
 * runNextRange(state, 10, 2, pace, (from, to) => ran.push([from, to]));   // cold: one draw
 * // => 1
 * ran
 * // => [[0, 1]]
 */
export function runNextRange(state: Int32Array, draws: number, threads: number, pace: RangePace, run: (from: number, to: number) => void): number {
  pace.size = rangeSize(draws - Atomics.load(state, JOB_STATE.nextDraw), threads, pace.perDraw, pace.size);
  const from = Atomics.add(state, JOB_STATE.nextDraw, pace.size);
  if (from >= draws) return 0;
  const to = Math.min(draws, from + pace.size);
  const started = performance.now();
  run(from, to);
  pace.perDraw = (performance.now() - started) / (to - from);
  Atomics.add(state, JOB_STATE.drawsDone, to - from);
  Atomics.notify(state, JOB_STATE.drawsDone);
  return to - from;
}
