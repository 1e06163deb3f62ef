/**
 * Monte Carlo on several cores: the draws are cut into ranges that the calling thread and
 * worker threads take one at a time, each draw seeded from (seed, draw index), so the result
 * is identical to the one-thread {@link simulate} whatever the number of threads or ranges.
 */

import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ChengzhenError } from '../errors.js';
import { demographyCacheEntries, type YearDemography } from '../model/unDemography.js';
import { LIMITS } from '../limits.js';
import type { Scenario, ScenarioInput } from '../schema/scenario.js';
import { compilesFromDrawBase, drawBase, planSimulation, runSimulationDraws, summariseSimulation, type DrawBase, type SimulateOptions, type SimulationChunk, type SimulationPlan, type SimulationResult } from '../solve/simulate.js';

/** What a worker thread is handed: the plan, the ranges and the shared index of the next range to take. */
export interface WorkerJob {
  plan: Pick<SimulationPlan, 'scenario' | 'uncertain' | 'keys' | 'years'>;
  seed: number;
  ranges: { from: number; to: number }[];
  /** `next[0]`: the next range to take, taken with `Atomics.add` by every thread. */
  next: Int32Array;
  /** The parent's cached UN demography, so the worker does not build the life tables again. */
  demography: [string, YearDemography][];
  /** The scenario compiled for the draws, when they compile from it, so the worker does not compile it again. */
  base?: DrawBase;
}

/** Options of {@link simulateParallel}: those of `simulate`, and how many threads (default: see {@link threadCount}). */
export interface SimulateParallelOptions extends SimulateOptions {
  threads?: number;
  /**
   * Called once before the draws start with the threads the simulation uses and, for the
   * default count, the cores other work was measured to keep busy (0 when not measured).
   */
  onThreads?: (threads: number, busyCores: number) => void;
}

/** The worker script beside this module in the build, or null when running from sources. */
function workerScript(): URL | null {
  const url = new URL('./simulateWorker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

function optionError(code: 'out_of_range' | 'too_large', path: string, message: string, expected: string, received: string): ChengzhenError {
  return new ChengzhenError([{ code, path: [path], message, expected, received }]);
}

/** The shortest time over which the default thread count measures how busy the cores are, ms. */
const BUSY_WINDOW_MS = 100;

/** The fewest draws a thread asked for explicitly gets (each thread loads the library and plans the simulation). */
const DRAWS_PER_THREAD = 16;

/**
 * The fewest draws a thread gets by default. A worker thread costs about 0.3 s of CPU to start
 * (load the library, parse the scenario), while the calling thread plans and runs draws (a
 * national draw about 0.1 ms of CPU), so below about 1,000 draws a thread one thread is as
 * fast; a thread that starts too late to take a range costs the calling thread nothing but
 * its start. Measured in bench/simulate.ts.
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

/**
 * A new worker thread costs about this much CPU before its draws pay: it loads the library
 * (about 0.3 s) and runs its first draws before they are optimised. Measured in
 * bench/simulate.ts: 10,000 national draws, about 1.4 s on one thread, took longer with a new
 * second thread (0.9x) and about half as long with a kept one.
 */
export const NEW_THREAD_COST_MS = 1000;

/**
 * The default thread count, `threads` at most, that is worth starting for `workLeftMs` of
 * draws (estimated from the calling thread's draws so far) when `warm` worker threads are kept
 * from earlier simulations: a kept thread joins at once, a new one only when each thread would
 * still have more than {@link NEW_THREAD_COST_MS} of draws to run.
 *
 * @example
 * worthStarting(2, 0, 1400)    // 10,000 national draws, no thread kept: one thread
 * // => 1
 * worthStarting(2, 1, 1400)    // a thread kept warm
 * // => 2
 * worthStarting(2, 0, 60_000)  // a minute of county draws
 * // => 2
 */
export function worthStarting(threads: number, warm: number, workLeftMs: number): number {
  let n = threads;
  while (n > 1 && n - 1 > warm && workLeftMs / n <= NEW_THREAD_COST_MS) n--;
  return n;
}

/**
 * Starts measuring the cores other work keeps busy; the function returned gives them so far:
 * the busy time of all cores from `os.cpus()`, less this process's own CPU time, over the wall
 * time. Unlike the load average, this counts neither this process's own work nor work that
 * ended before the call. 0 where the system reports no times.
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

/** A worker thread started before its job, keeping the first error it meets before it is handed one. */
interface EarlyWorker {
  worker: Worker;
  failure: { error: unknown } | null;
}

function startEarly(script: URL): EarlyWorker {
  const started: EarlyWorker = { worker: takeKept() ?? new Worker(script), failure: null };
  started.worker.on('error', (error) => {
    started.failure ??= { error };
  });
  return started;
}

/**
 * Worker threads kept between simulations, loaded and warm, each waiting for its next job.
 * They are unreferenced: a process with nothing else to do exits without closing them.
 */
const kept: Worker[] = [];

/** A kept worker thread, referenced again for its job; null when none is kept. */
function takeKept(): Worker | null {
  const worker = kept.pop();
  if (worker === undefined) return null;
  worker.ref();
  return worker;
}

/** Keeps a worker thread that finished its job (or never had one) for the next simulation. */
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

/**
 * The draws cut into ranges handed out one at a time, so that a thread slowed by other work
 * takes fewer: about sixteen ranges a thread (so that the last ones, taken while other threads
 * finish theirs, are short), of 16 to 2,000 draws. Any cut gives the same
 * bands (draw i depends only on the seed and i).
 */
function drawRanges(draws: number, threads: number): { from: number; to: number }[] {
  const size = Math.min(2000, Math.max(16, Math.ceil(draws / (threads * 16))));
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
 * promise and stops every worker. After a simulation its worker threads are kept, loaded and
 * warm, for the next one (unreferenced, so they never keep the process alive;
 * {@link closeSimulationThreads} stops them): by default a kept thread joins at once, a new
 * one only when it pays for its start ({@link worthStarting}).
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
  // the default thread count measures how busy the other cores are while the simulation is
  // planned and its first draws run on this thread (at least BUSY_WINDOW_MS), then starts the
  // worker threads, which join in taking ranges: no time is spent waiting to measure
  const script = workerScript();
  const most = script === null ? 1 : threadCount(options.draws, wanted, availableParallelism());
  const measuring = wanted === undefined && most > 1 ? busyCoresSince() : null;
  // threads asked for start at once: they load the library while this thread plans, and
  // wait for their job (stopped again if the options turn out invalid)
  const early = wanted !== undefined && most > 1 ? Array.from({ length: most - 1 }, () => startEarly(script!)) : [];
  let plan: SimulationPlan;
  try {
    plan = planSimulation(input, rest);
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
  } catch (error) {
    await Promise.allSettled(early.map(({ worker }) => worker.terminate()));
    throw error;
  }
  if (most === 1) {
    onThreads?.(1, 0);
    const chunk = runSimulationDraws(plan, options.seed, 0, options.draws, onProgress);
    return summariseSimulation(plan, options.seed, options.draws, [chunk]);
  }
  const demography = demographyCacheEntries();
  const ranges = drawRanges(options.draws, most);
  // the next range to take, shared by every thread: a thread takes one as soon as it is free,
  // without asking this thread (busy with its own ranges) for it
  const next = new Int32Array(new SharedArrayBuffer(4));
  const take = () => Atomics.add(next, 0, 1);
  const chunks: SimulationChunk[] = [];
  const workers: Worker[] = [];
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
    Atomics.store(next, 0, ranges.length);
    wake?.();
  };
  // compiled here once for this thread's draws and the workers'
  const base = compilesFromDrawBase(plan) ? drawBase(plan.scenario) : undefined;
  const job: WorkerJob = { plan: { scenario: plan.scenario, uncertain: plan.uncertain, keys: plan.keys, years: plan.years }, seed: options.seed, ranges, next, demography, base };
  const startWorkers = (count: number) => {
    for (let i = 0; i < count; i++) {
      const started = early.shift();
      const worker = started?.worker ?? takeKept() ?? new Worker(script!);
      worker.postMessage(job);
      workers.push(worker);
      worker.on('message', (message: { progress?: number; chunk?: SimulationChunk; done?: boolean }) => {
        if (message.done) {
          finished++;
          wake?.();
          return;
        }
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
      });
      const failed = (error: unknown) => {
        const issues = (error as { issues?: unknown }).issues;
        fail(Array.isArray(issues) ? new ChengzhenError(issues) : error);
      };
      worker.on('error', failed);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`simulation worker stopped with exit code ${code}`));
      });
      // a thread started early that failed before its job (then it has exited too)
      if (started?.failure) failed(started.failure.error);
    }
  };
  let threads = 0;
  let finished = 0;
  // this thread's draws so far, to estimate the work left when the default count is decided
  const drawsStarted = performance.now();
  let drawsHere = 0;
  const decide = (busy: number, doneHere: number) => {
    threads = threadCount(options.draws, wanted, availableParallelism(), busy);
    if (wanted === undefined) threads = worthStarting(threads, kept.length, ((options.draws - doneHere) * (performance.now() - drawsStarted)) / Math.max(1, doneHere));
    onThreads?.(threads, busy);
    startWorkers(threads - 1);
  };
  if (measuring === null) decide(0, 0);
  try {
    // this thread takes ranges too, letting the workers' messages through between them
    for (let i = take(); !failure && i < ranges.length; i = take()) {
      const { from, to } = ranges[i];
      let reported = 0;
      chunks.push(
        runSimulationDraws(plan, options.seed, from, to, (count) => {
          if (threads === 0 && measuring !== null && measuring.elapsedMs() >= BUSY_WINDOW_MS) decide(measuring.busy(), drawsHere + count);
          if (count - reported >= 10 || count === to - from) {
            progress(count - reported);
            reported = count;
          }
        }),
      );
      drawsHere += to - from;
      await yieldToEvents();
    }
    // every draw ran here before the measurement ended: one thread
    if (threads === 0 && measuring !== null) {
      threads = 1;
      onThreads?.(1, measuring.busy());
    }
    // every range is back, and every worker has said it is done (so it can be kept)
    while (!failure && (chunks.length < ranges.length || finished < workers.length)) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } catch (error) {
    fail(error);
  }
  const outcome = failure as { error: unknown } | null;
  stopping = true;
  if (outcome) {
    // settled once every worker has stopped, so that no thread outlives a failed call
    await Promise.allSettled([...workers, ...early.map((e) => e.worker)].map((worker) => worker.terminate()));
    throw outcome.error;
  }
  // the threads are kept, loaded and warm, for the next simulation (closeSimulationThreads stops them)
  for (const worker of [...workers, ...early.map((e) => e.worker)]) keep(worker);
  onProgress?.(options.draws, options.draws);
  return summariseSimulation(plan, options.seed, options.draws, chunks);
}
