/**
 * Monte Carlo on all cores: the draws are split into one contiguous range per worker thread,
 * each draw seeded from (seed, draw index), so the result is identical to the one-thread
 * {@link simulate} whatever the number of threads.
 */

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ChengzhenError } from '../errors.js';
import { demographyCacheEntries } from '../model/unDemography.js';
import { LIMITS } from '../limits.js';
import type { Scenario, ScenarioInput } from '../schema/scenario.js';
import { planSimulation, runSimulationDraws, summariseSimulation, type SimulateOptions, type SimulationChunk, type SimulationResult } from '../solve/simulate.js';

/** Options of {@link simulateParallel}: those of `simulate`, and how many threads (default: all cores). */
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

/** The fewest draws worth a worker thread of their own (each thread loads the library and plans the simulation). */
const DRAWS_PER_THREAD = 16;

/**
 * The worker threads a simulation of `draws` uses: those wanted (default: every core), but
 * never more than the cores available nor than one per {@link DRAWS_PER_THREAD} draws.
 *
 * @example
 * threadCount(64, 64, 2)
 * // => 2
 * threadCount(40, undefined, 8)
 * // => 3
 */
export function threadCount(draws: number, wanted: number | undefined, cores: number): number {
  return Math.max(1, Math.min(wanted ?? cores, cores, Math.ceil(draws / DRAWS_PER_THREAD)));
}

/**
 * Runs a simulation on worker threads and returns the same bands as `simulate` would.
 * Falls back to one thread (with the same result) when the worker script is not built.
 * The first failure of a worker or of `onProgress` rejects the promise and stops every worker.
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
  const threads = threadCount(options.draws, wanted, availableParallelism());
  const script = workerScript();
  if (threads === 1 || script === null) {
    const chunk = runSimulationDraws(plan, options.seed, 0, options.draws, onProgress);
    return summariseSimulation(plan, options.seed, options.draws, [chunk]);
  }
  const demography = demographyCacheEntries();
  const ranges = Array.from({ length: threads }, (_, i) => [Math.floor((options.draws * i) / threads), Math.floor((options.draws * (i + 1)) / threads)] as const);
  const chunks = await new Promise<SimulationChunk[]>((resolve, reject) => {
    const workers: Worker[] = [];
    const results: (SimulationChunk | undefined)[] = ranges.map(() => undefined);
    let finished = 0;
    let done = 0;
    let settled = false;
    // the first failure (a worker's error, a progress callback that throws) stops every worker
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // rejected once every worker has stopped, so that no thread outlives the call
      void Promise.allSettled(workers.map((worker) => worker.terminate())).then(() => reject(error));
    };
    ranges.forEach(([from, to], index) => {
      const worker = new Worker(script, { workerData: { scenario: plan.scenario, options: rest, from, to, demography } });
      workers.push(worker);
      worker.on('message', (message: { progress?: number; chunk?: SimulationChunk }) => {
        if (settled) return;
        try {
          if (message.progress) {
            done += message.progress;
            onProgress?.(Math.min(done, options.draws), options.draws);
          }
        } catch (error) {
          fail(error);
          return;
        }
        if (message.chunk) {
          results[index] = message.chunk;
          if (++finished === ranges.length) {
            settled = true;
            resolve(results as SimulationChunk[]);
          }
        }
      });
      worker.on('error', (error) => {
        const issues = (error as { issues?: unknown }).issues;
        fail(Array.isArray(issues) ? new ChengzhenError(issues) : error);
      });
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`simulation worker stopped with exit code ${code}`));
      });
    });
  });
  onProgress?.(options.draws, options.draws);
  return summariseSimulation(plan, options.seed, options.draws, chunks);
}
