/**
 * Monte Carlo on several cores: the draws are cut into ranges that the calling thread and
 * worker threads take one at a time, each draw seeded from (seed, draw index), so the result
 * is identical to the one-thread {@link simulate} whatever the number of threads or ranges.
 */

import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ChengzhenError } from '../errors.js';
import { demographyCacheEntries } from '../model/unDemography.js';
import { LIMITS } from '../limits.js';
import type { Scenario, ScenarioInput } from '../schema/scenario.js';
import { planSimulation, runSimulationDraws, summariseSimulation, type SimulateOptions, type SimulationChunk, type SimulationResult } from '../solve/simulate.js';

/** Options of {@link simulateParallel}: those of `simulate`, and how many threads (default: see {@link threadCount}). */
export interface SimulateParallelOptions extends SimulateOptions {
  threads?: number;
}

/** The worker script beside this module in the build, or null when running from sources. */
function workerScript(): URL | null {
  const url = new URL('./simulateWorker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

function optionError(code: 'out_of_range' | 'too_large', path: string, message: string, expected: string, received: string): ChengzhenError {
  return new ChengzhenError([{ code, path: [path], message, expected, received }]);
}

/** The fewest draws a thread asked for explicitly gets (each thread loads the library and plans the simulation). */
const DRAWS_PER_THREAD = 16;

/**
 * The fewest draws a thread gets by default. A worker thread costs about 0.3 s of CPU to start
 * (load the library, plan the simulation) and a national draw about 0.3-0.5 ms, so below
 * about 1,000 draws a thread one thread is as fast; measured in bench/simulate.ts.
 */
export const DEFAULT_DRAWS_PER_THREAD = 1000;

/**
 * The threads a simulation of `draws` uses (the calling thread counts as one, the others are
 * worker threads). Asked for (`wanted`): that many, but never more than the cores nor than
 * one per 16 draws. By default: one per core that is not busy (`busy`, the cores other work
 * keeps busy, such as the one-minute load average), and one per
 * {@link DEFAULT_DRAWS_PER_THREAD} draws; one thread when the machine is busy or the draws are
 * few, so that the default is never slower than one thread.
 *
 * @example
 * threadCount(64, 64, 2)
 * // => 2
 * threadCount(40, undefined, 8)       // few draws: one thread
 * // => 1
 * threadCount(10_000, undefined, 2)   // two idle cores
 * // => 2
 * threadCount(10_000, undefined, 2, 1.7)   // one of them busy
 * // => 1
 */
export function threadCount(draws: number, wanted: number | undefined, cores: number, busy = 0): number {
  if (wanted !== undefined) return Math.max(1, Math.min(wanted, cores, Math.ceil(draws / DRAWS_PER_THREAD)));
  const idle = Math.floor(cores - busy + 0.5);
  return Math.max(1, Math.min(cores, idle, Math.floor(draws / DEFAULT_DRAWS_PER_THREAD)));
}

/** The cores other work keeps busy: the one-minute load average (0 where the system has none, as on Windows). */
function busyCores(): number {
  const load = loadavg()[0];
  return Number.isFinite(load) && load > 0 ? load : 0;
}

/**
 * The draws cut into ranges handed out one at a time, so that a thread slowed by other work
 * takes fewer: about eight ranges a thread, of 16 to 2,000 draws. Any cut gives the same
 * bands (draw i depends only on the seed and i).
 */
function drawRanges(draws: number, threads: number): { from: number; to: number }[] {
  const size = Math.min(2000, Math.max(16, Math.ceil(draws / (threads * 8))));
  const out: { from: number; to: number }[] = [];
  for (let from = 0; from < draws; from += size) out.push({ from, to: Math.min(draws, from + size) });
  return out;
}

/** Lets pending messages of the workers through between two ranges run on this thread. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs a simulation on worker threads and returns the same bands as `simulate` would. The
 * calling thread runs draws too, beside `threads - 1` worker threads; the draws go out in
 * ranges, each to the next thread free. Falls back to one thread (with the same result) when
 * the worker script is not built. The first failure of a worker or of `onProgress` rejects the
 * promise and stops every worker.
 *
 * @throws {ChengzhenError} for invalid options (see `simulate`), `threads` that is not a whole
 *   number in [1, {@link LIMITS.maxThreads}], or draws whose kept series would hold more than
 *   {@link LIMITS.maxResultCells} numbers (draws x indicators x regions x years).
 * @example
 * const sim = await simulateParallel(scenario, { draws: 10_000, seed: 1, uncertain });
 */
export async function simulateParallel(input: Scenario | ScenarioInput, options: SimulateParallelOptions): Promise<SimulationResult> {
  const { onProgress, threads: wanted, ...rest } = options;
  if (wanted !== undefined && (!Number.isInteger(wanted) || wanted < 1 || wanted > LIMITS.maxThreads)) {
    throw optionError('out_of_range', 'threads', `threads must be a whole number in [1, ${LIMITS.maxThreads}], received ${wanted}`, `[1, ${LIMITS.maxThreads}]`, String(wanted));
  }
  const plan = planSimulation(input, rest);
  const cells = options.draws * plan.keys.length * plan.years.length;
  if (cells > LIMITS.maxResultCells) {
    throw optionError(
      'too_large',
      'draws',
      `draws must keep the kept series within ${LIMITS.maxResultCells} numbers (LIMITS.maxResultCells), received ${options.draws}: ${options.draws} draws x ${plan.keys.length} series x ${plan.years.length} years = ${cells}; use fewer draws, indicators or regions`,
      `at most ${Math.floor(LIMITS.maxResultCells / (plan.keys.length * plan.years.length))} draws`,
      String(options.draws),
    );
  }
  const threads = threadCount(options.draws, wanted, availableParallelism(), wanted === undefined ? busyCores() : 0);
  const script = workerScript();
  if (threads === 1 || script === null) {
    const chunk = runSimulationDraws(plan, options.seed, 0, options.draws, onProgress);
    return summariseSimulation(plan, options.seed, options.draws, [chunk]);
  }
  const demography = demographyCacheEntries();
  const ranges = drawRanges(options.draws, threads);
  const chunks: SimulationChunk[] = [];
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const progress = (count: number) => {
    done += count;
    onProgress?.(Math.min(done, options.draws), options.draws);
  };
  // the first failure (a worker's error, a progress callback that throws) stops every worker
  let stopping = false;
  const fail = (error: unknown) => {
    if (failure || stopping) return;
    failure = { error };
    wake?.();
  };
  const handOut = (worker: Worker) => {
    if (next < ranges.length) worker.postMessage(ranges[next++]);
    else worker.postMessage(null);
  };
  for (let i = 0; i < threads - 1; i++) {
    const worker = new Worker(script, { workerData: { scenario: plan.scenario, options: rest, demography } });
    workers.push(worker);
    worker.on('message', (message: { ready?: true; progress?: number; chunk?: SimulationChunk }) => {
      if (failure) return;
      try {
        if (message.progress) progress(message.progress);
      } catch (error) {
        fail(error);
        return;
      }
      if (message.chunk) {
        chunks.push(message.chunk);
        wake?.();
      }
      if (message.ready || message.chunk) handOut(worker);
    });
    worker.on('error', (error) => {
      const issues = (error as { issues?: unknown }).issues;
      fail(Array.isArray(issues) ? new ChengzhenError(issues) : error);
    });
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`simulation worker stopped with exit code ${code}`));
    });
  }
  try {
    // this thread takes ranges too, letting the workers' messages through between them
    while (!failure && next < ranges.length) {
      const { from, to } = ranges[next++];
      let reported = 0;
      chunks.push(
        runSimulationDraws(plan, options.seed, from, to, (count) => {
          if (count - reported >= 10 || count === to - from) {
            progress(count - reported);
            reported = count;
          }
        }),
      );
      await yieldToEvents();
    }
    while (!failure && chunks.length < ranges.length) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } catch (error) {
    fail(error);
  }
  // settled once every worker has stopped, so that no thread outlives the call
  const outcome = failure as { error: unknown } | null;
  stopping = true;
  await Promise.allSettled(workers.map((worker) => worker.terminate()));
  if (outcome) throw outcome.error;
  onProgress?.(options.draws, options.draws);
  return summariseSimulation(plan, options.seed, options.draws, chunks);
}
