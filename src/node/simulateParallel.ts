/**
 * Monte Carlo on several cores: the draws are cut into ranges that the calling thread and
 * worker threads take one at a time, each draw seeded from (seed, draw index) and written into
 * shared columns, and the kept series are then summarised by every thread; the result is
 * identical to the one-thread {@link simulate} whatever the number of threads or ranges.
 */

import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ChengzhenError } from '../errors.js';
import { compileKernelWasm } from '../kernel/denseMovesWasm.js';
import { demographyCacheEntries } from '../model/unDemography.js';
import { LIMITS } from '../limits.js';
import type { Scenario, ScenarioInput } from '../schema/scenario.js';
import { bandsSummary, compilesFromDrawBase, drawBase, planSimulation, runSimulationDrawsInto, simulationColumns, simulationColumnsBytes, simulationResult, type QuantileBand, type SimulateOptions, type SimulationPlan, type SimulationResult } from '../solve/simulate.js';
import { JOB_STATE, RANGE_MS, runNextRange, type WorkerJob, type WorkerMessage } from './simulateJob.js';

/** Options of {@link simulateParallel}: those of `simulate`, and how many threads (default: see {@link threadCount}). */
export interface SimulateParallelOptions extends SimulateOptions {
  threads?: number;
  /**
   * Called once with the threads that take draws (the calling thread and its worker threads):
   * at once for threads asked for; by default once the cores have been watched for 100 ms.
   */
  onThreads?: (threads: number) => void;
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
 * The fewest draws of the national preset (one region, 13 years) for which the default starts
 * a new worker thread beside the calling thread; a scenario of more regions or years counts
 * its draws as that many national draws ({@link drawWeight}). A new worker thread costs about
 * 0.1 s of CPU to start and runs its first draws slowly, while a national draw takes about
 * 0.1 ms: below this the calling thread alone is as fast. Measured in bench/simulate.ts
 * (--new-threads).
 */
export const DEFAULT_DRAWS_PER_THREAD = 3000;

/** A worker thread kept from an earlier simulation, loaded and warm, joins for this many national draws already. */
export const KEPT_DRAWS_PER_THREAD = 500;

/**
 * The threads a simulation of `draws` uses (the calling thread counts as one, the others are
 * worker threads). Asked for (`wanted`): that many, but never more than the cores nor than
 * one per 16 draws. By default: one per core, but a new thread only for each
 * {@link DEFAULT_DRAWS_PER_THREAD} national draws (`weight`: what a draw costs against a
 * national draw) and a kept one (`warm`, threads kept from an earlier simulation) for each
 * {@link KEPT_DRAWS_PER_THREAD}, so that the default is never slower than one thread.
 *
 * @example
 * threadCount(64, 64, 2)
 * // => 2
 * threadCount(40, undefined, 8)       // few draws: one thread
 * // => 1
 * threadCount(10_000, undefined, 2)   // two cores
 * // => 2
 * threadCount(2000, undefined, 2)     // a new thread would not pay for its start
 * // => 1
 * threadCount(2000, undefined, 2, 1, 1)   // a kept thread does
 * // => 2
 */
export function threadCount(draws: number, wanted: number | undefined, cores: number, weight = 1, warm = 0): number {
  if (wanted !== undefined) return Math.max(1, Math.min(wanted, cores, Math.ceil(draws / DRAWS_PER_THREAD)));
  const work = draws * weight;
  const kept = Math.min(warm, Math.floor(work / KEPT_DRAWS_PER_THREAD) - 1);
  return Math.max(1, Math.min(cores, Math.max(1 + kept, Math.floor(work / DEFAULT_DRAWS_PER_THREAD))));
}

/**
 * What a draw of `input` costs against a draw of the national preset (one region, 13 years),
 * from its regions and years before it is validated (1 when they cannot be read): the kernel's
 * work grows with both.
 *
 * @example
 * drawWeight({ baseYear: 2023, endYear: 2035, regions: [{ id: 'cn' }] })
 * // => 1
 * drawWeight({ baseYear: 2023, endYear: 2025, regions: [{ id: 'a' }, { id: 'b' }] })
 * // => 0.46
 */
export function drawWeight(input: unknown): number {
  const { regions, baseYear, endYear } = (typeof input === 'object' && input !== null ? input : {}) as { regions?: unknown; baseYear?: unknown; endYear?: unknown };
  const R = Array.isArray(regions) ? Math.max(1, regions.length) : 1;
  const years = typeof baseYear === 'number' && typeof endYear === 'number' && endYear >= baseYear ? endYear - baseYear + 1 : 13;
  return Math.round((R * years * 100) / 13) / 100;
}

/**
 * Worker threads kept between simulations, loaded and warm, each waiting for its next job (or
 * finishing its last: a thread that had no draws left to take when the simulation ended is
 * kept without being waited for). They are unreferenced: a process with nothing else to do
 * exits without closing them.
 */
const kept: Worker[] = [];

/** A kept worker thread, referenced again for its job; null when none is kept. */
function takeKept(): Worker | null {
  const worker = kept.pop();
  if (worker === undefined) return null;
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  worker.ref();
  return worker;
}

/** Keeps a worker thread of a finished simulation for the next one. */
function keep(worker: Worker): void {
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  const drop = () => {
    const at = kept.indexOf(worker);
    if (at >= 0) kept.splice(at, 1);
  };
  worker.on('error', drop);
  worker.on('exit', drop);
  worker.unref();
  kept.push(worker);
}

/**
 * Stops the worker threads {@link simulateParallel} keeps between simulations (the next
 * simulation starts new ones). They never keep a process alive; this frees their memory.
 *
 * @example
 * await closeSimulationThreads();
 * simulationThreadsKept()
 * // => 0
 */
export async function closeSimulationThreads(): Promise<void> {
  const all = kept.splice(0);
  await Promise.allSettled(all.map((worker) => worker.terminate()));
}

/**
 * How many worker threads are kept between simulations, loaded and warm.
 *
 * @example
 * simulationThreadsKept()
 * // => 0
 */
export function simulationThreadsKept(): number {
  return kept.length;
}

/** The shortest time over which the default thread count watches how busy other work keeps the cores, ms. */
const BUSY_WINDOW_MS = 100;

/**
 * How many of `threads` threads take draws when other work keeps `busy` of `cores` cores busy:
 * one per core left idle (a core half busy counts as idle), at least one. A thread on a core
 * other work keeps busy gains nothing: the system shares the core out (by session, where
 * sessions are grouped), and its start is lost.
 *
 * @example
 * threadsFor(2, 2, 0.1)
 * // => 2
 * threadsFor(2, 2, 1.7)   // other work keeps a core and more busy
 * // => 1
 */
export function threadsFor(threads: number, cores: number, busy: number): number {
  return Math.max(1, Math.min(threads, Math.floor(cores - busy + 0.5)));
}

/**
 * Starts watching the cores other work keeps busy; the function returned gives them so far:
 * the busy time of all cores from `os.cpus()`, less this process's own CPU time, over the wall
 * time. 0 where the system reports no times.
 */
function busyCoresSince(): { elapsedMs: () => number; busy: () => number } {
  const busyTime = () => cpus().reduce((sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
  const before = busyTime();
  const own = process.cpuUsage();
  const started = performance.now();
  return {
    elapsedMs: () => performance.now() - started,
    busy: () => {
      const wall = performance.now() - started;
      const spent = process.cpuUsage(own);
      const others = busyTime() - before - (spent.user + spent.system) / 1000;
      return wall > 0 && Number.isFinite(others) ? Math.max(0, others / wall) : 0;
    },
  };
}

/** Lets pending messages of the workers (and the caller's own events) through. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Each simulation's number in this process. */
let jobs = 0;

/**
 * Runs a simulation on worker threads and returns the same bands as `simulate` would. The
 * calling thread runs draws too, beside `threads - 1` worker threads started (or taken from
 * those kept) before the simulation is planned (by default: kept ones then, new ones once
 * the cores have been watched for 100 ms and found idle); each thread takes draws a few at a time as it
 * is free ({@link runNextRange}), into columns every thread shares, and the kept series are then
 * summarised by every thread the same way. The calling thread lets its events through every
 * {@link RANGE_MS} ms or so. Falls back to one thread (with the same result) when the worker
 * script is not built. The first failure of a worker or of `onProgress` rejects the promise
 * and stops every worker. After a simulation its worker threads are kept, loaded and warm, for
 * the next one (unreferenced, so they never keep the process alive;
 * {@link closeSimulationThreads} stops them).
 *
 * @throws {ChengzhenError} for invalid options (see `simulate`), `threads` that is not a whole
 *   number in [1, {@link LIMITS.maxThreads}], or draws whose kept series would hold more than
 *   {@link LIMITS.maxResultCells} numbers (draws x indicators x regions x years).
 * @example
 * const sim = await simulateParallel(scenario, { draws: 10_000, seed: 1, uncertain });
 */
export async function simulateParallel(input: Scenario | ScenarioInput, options: SimulateParallelOptions): Promise<SimulationResult> {
  const { onProgress, onThreads, threads: wanted, ...rest } = options;
  if (wanted !== undefined && (!Number.isInteger(wanted) || wanted < 1 || wanted > LIMITS.maxThreads)) {
    throw optionError('out_of_range', 'threads', `threads must be a whole number in [1, ${LIMITS.maxThreads}], received ${wanted}`, `[1, ${LIMITS.maxThreads}]`, String(wanted));
  }
  const script = workerScript();
  const draws = options.draws;
  const threads = script === null || !Number.isInteger(draws) || draws < 1 ? 1 : threadCount(draws, wanted, availableParallelism(), drawWeight(input), kept.length);
  // threads asked for start at once: they load the library while this thread plans, and wait
  // for their job (stopped again if the options turn out invalid). By default only kept
  // threads join at once; new ones start once the cores have been watched (a new thread on a
  // core other work keeps busy would only cost its start)
  const workers = Array.from({ length: wanted === undefined ? Math.min(kept.length, threads - 1) : threads - 1 }, () => takeKept() ?? new Worker(script!));
  const id = ++jobs;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const state = new Int32Array(new SharedArrayBuffer(JOB_STATE.length * 4));
  const fail = (error: unknown) => {
    if (failure) return;
    failure = { error };
    Atomics.store(state, JOB_STATE.stop, 1);
    if (Atomics.compareExchange(state, JOB_STATE.drawing, 0, 1) === 0) Atomics.notify(state, JOB_STATE.drawing);
    Atomics.store(state, JOB_STATE.nextDraw, 0x3fffffff);
    Atomics.store(state, JOB_STATE.nextSeries, 0x3fffffff);
    Atomics.notify(state, JOB_STATE.drawsDone);
    wake?.();
  };
  let done = 0;
  const progress = (count: number) => {
    done += count;
    onProgress?.(Math.min(done, draws), draws);
  };
  const bands: (QuantileBand[] | undefined)[] = [];
  const attach = (worker: Worker) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.id !== id || failure) return;
      if ('progress' in message) {
        try {
          progress(message.progress);
        } catch (error) {
          fail(error);
        }
      } else if ('series' in message) bands[message.series] ??= message.bands;
      wake?.();
    });
    worker.on('error', (error) => {
      const issues = (error as { issues?: unknown }).issues;
      fail(Array.isArray(issues) ? new ChengzhenError(issues) : error);
    });
    worker.on('exit', (code) => fail(new Error(`simulation worker stopped with exit code ${code}`)));
  };
  workers.forEach(attach);
  let job: Omit<WorkerJob, 'worker'> | null = null;
  const stopWorkers = () => Promise.allSettled(workers.map((worker) => worker.terminate()));
  let plan: SimulationPlan;
  try {
    plan = planSimulation(input, rest);
    const cells = draws * plan.keys.length * plan.years.length;
    if (cells > LIMITS.maxResultCells) {
      throw optionError(
        'too_large',
        'draws',
        `draws must keep the kept series within ${LIMITS.maxResultCells} numbers (LIMITS.maxResultCells), received ${draws}: ${draws} draws x ${plan.keys.length} series x ${plan.years.length} years = ${cells}; use fewer draws, indicators or regions`,
        `at most ${Math.floor(LIMITS.maxResultCells / (plan.keys.length * plan.years.length))} draws`,
        String(draws),
      );
    }
  } catch (error) {
    fail(error);
    await stopWorkers();
    throw error;
  }
  // threads asked for all draw; by default, kept threads draw at once, and how many new ones
  // start is decided once the cores have been watched for BUSY_WINDOW_MS
  const measuring = wanted === undefined && threads > 1 ? busyCoresSince() : null;
  let drawing = 0;
  const decide = (wanted: number) => {
    // the kept threads already drawing go on
    const count = Math.max(wanted, workers.length + 1);
    drawing = count;
    Atomics.store(state, JOB_STATE.drawing, count);
    Atomics.notify(state, JOB_STATE.drawing);
    onThreads?.(count);
    // new threads, by default, once decided: handed the job at once
    for (let w = workers.length + 1; w < count; w++) {
      const worker = takeKept() ?? new Worker(script!);
      attach(worker);
      workers.push(worker);
      if (job) worker.postMessage({ ...job, worker: w });
    }
  };
  if (measuring === null) decide(threads);
  // kept threads cost nothing to start: they draw at once
  else Atomics.store(state, JOB_STATE.drawing, workers.length + 1);
  const bytes = simulationColumnsBytes(plan, draws);
  const buffer = threads > 1 ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const columns = simulationColumns(plan, draws, buffer);
  if (threads > 1) {
    // compiled here once for this thread's draws and the workers'
    const base = compilesFromDrawBase(plan) ? drawBase(plan.scenario) : undefined;
    job = { id, plan: { scenario: plan.scenario, uncertain: plan.uncertain, keys: plan.keys, years: plan.years }, seed: options.seed, draws, threads, columns: buffer as SharedArrayBuffer, state, demography: demographyCacheEntries(), base, wasm: compileKernelWasm() };
    for (const [w, worker] of workers.entries()) worker.postMessage({ ...job, worker: w + 1 });
  }
  try {
    // this thread takes draws too, letting its events through (the workers' messages among
    // them) after each range, every RANGE_MS or so
    const pace = { size: 0, perDraw: 0 };
    const runRange = (from: number, to: number) => {
      let reported = 0;
      runSimulationDrawsInto(plan, options.seed, from, to, columns, (count, total) => {
        if (count - reported >= 10 || count === total) {
          progress(count - reported);
          reported = count;
        }
      });
    };
    while (!failure) {
      if (drawing === 0 && measuring !== null && measuring.elapsedMs() >= BUSY_WINDOW_MS) decide(threadsFor(threads, availableParallelism(), measuring.busy()));
      if (runNextRange(state, draws, threads, pace, runRange) === 0) break;
      await yieldToEvents();
    }
    // every draw ran here before the cores were watched long enough: one thread
    if (drawing === 0) decide(1);
    // every draw in (the workers say when theirs are)
    while (!failure && Atomics.load(state, JOB_STATE.drawsDone) < draws) await new Promise<void>((resolve) => (wake = resolve));
    // the series summarised: this thread takes series too
    const summary = bandsSummary(plan, columns);
    for (let k = Atomics.add(state, JOB_STATE.nextSeries, 1); !failure && k < plan.keys.length; k = Atomics.add(state, JOB_STATE.nextSeries, 1)) {
      bands[k] = summary.bandsOf(k);
      await yieldToEvents();
    }
    // a series a worker took and has not sent yet is summarised here too (the same bands; the
    // columns are only read), rather than waited for
    for (let k = 0; !failure && k < plan.keys.length; k++) bands[k] ??= summary.bandsOf(k);
  } catch (error) {
    fail(error);
  }
  wake = null;
  const outcome = failure as { error: unknown } | null;
  if (outcome) {
    // settled once every worker has stopped, so that no thread outlives a failed call
    await stopWorkers();
    throw outcome.error;
  }
  // the threads are kept, loaded and warm, for the next simulation (closeSimulationThreads
  // stops them); one still loading, or still to see that nothing is left, finishes unwaited
  for (const worker of workers) keep(worker);
  onProgress?.(draws, draws);
  return simulationResult(plan, options.seed, columns, bands.flat() as QuantileBand[]);
}
