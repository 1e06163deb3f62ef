/** What the calling thread of a parallel simulation and its worker threads say to each other. */

import type { YearDemography } from '../model/unDemography.js';
import type { DrawBase, QuantileBand, SimulationPlan } from '../solve/simulate.js';

/** The places of a job's shared state (an `Int32Array` over a `SharedArrayBuffer`), each changed with `Atomics` by every thread. */
export const JOB_STATE = {
  /** The next range of draws to take. */
  nextRange: 0,
  /** The ranges whose draws are all in the columns. */
  rangesDone: 1,
  /** The next kept series to summarise. */
  nextSeries: 2,
  /** 1 once the simulation failed: threads take nothing more. */
  stop: 3,
  /** The number of places. */
  length: 4,
} as const;

/** What a worker thread is handed: the plan, the ranges, the shared columns and state. */
export interface WorkerJob {
  /** The simulation's number in this process: the messages of a thread kept from an earlier simulation are told apart. */
  id: number;
  plan: Pick<SimulationPlan, 'scenario' | 'uncertain' | 'keys' | 'years'>;
  seed: number;
  draws: number;
  /** Range i is draws `ranges[2i]` to `ranges[2i + 1] - 1`. */
  ranges: Int32Array;
  /** The columns of every draw (`simulationColumns` over it), written by the thread that runs the draw. */
  columns: SharedArrayBuffer;
  /** The shared state, at the places of {@link JOB_STATE}. */
  state: Int32Array;
  /** The parent's cached UN demography, so the worker does not build the life tables again. */
  demography: [string, YearDemography][];
  /** The scenario compiled for the draws, when they compile from it, so the worker does not compile it again. */
  base?: DrawBase;
}

/** What a worker thread posts: draws done (and whether a range ended), a series' bands, or that it is done with the job. */
export type WorkerMessage = { id: number; progress: number; range?: true } | { id: number; series: number; bands: QuantileBand[] } | { id: number; done: true };
