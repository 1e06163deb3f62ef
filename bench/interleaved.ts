/**
 * Runs benchmark tasks interleaved: several rounds, each a tinybench `Bench` with every task
 * once, in an order rotated from round to round, so that drift of the machine (frequency,
 * other load, the garbage collector) spreads over all variants instead of biasing one.
 */

import { Bench } from 'tinybench';
import { summarizeTimings, type TimingSummary } from './stats.js';

/** One variant to time; `fn` does the whole measured work once. */
export interface BenchTask {
  name: string;
  fn: () => unknown;
}

/** How long and how often to measure. */
export interface InterleaveOptions {
  /** Rounds of all tasks. */
  rounds: number;
  /** Time budget of one task in one round, ms (at least one sample is always taken). */
  timeMs: number;
  /** Most samples of one task in one round. */
  iterations: number;
  /** Warm-up budget of each task before the first round, ms and calls. */
  warmupMs: number;
  warmupIterations: number;
}

/**
 * A variant timed outside this process (the numpy reference): each round it is asked for its
 * own samples, ms, at its turn in the rotation.
 */
export interface ExternalTask {
  name: string;
  round: () => Promise<number[]>;
}

/** Keeps a result alive so that the optimiser cannot drop the work that made it. */
export let blackhole: unknown = null;

/**
 * Times each task over `options.rounds` interleaved rounds and summarises all its samples;
 * `external` tasks take their turn in every round too.
 *
 * @example
 * const times = await runInterleaved([{ name: 'noop', fn: () => 0 }], QUICK);
 * times.get('noop')?.samples
 * // => a positive count
 */
export async function runInterleaved(
  tasks: readonly BenchTask[],
  options: InterleaveOptions,
  external: readonly ExternalTask[] = [],
): Promise<Map<string, TimingSummary>> {
  const samples = new Map<string, number[]>([...tasks, ...external].map((t) => [t.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    // the external tasks go first on even rounds and last on odd ones
    if (round % 2 === 0) for (const task of external) samples.get(task.name)!.push(...(await task.round()));
    const bench = new Bench({
      time: options.timeMs,
      iterations: options.iterations,
      warmup: round === 0,
      warmupTime: options.warmupMs,
      warmupIterations: options.warmupIterations,
      retainSamples: true,
      throws: true,
    });
    const shift = round % tasks.length;
    const order = [...tasks.slice(shift), ...tasks.slice(0, shift)];
    for (const task of order) {
      bench.add(task.name, () => {
        blackhole = task.fn();
      });
    }
    bench.runSync();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`bench task ${task.name} ended as ${result.state}`);
      const taken = result.latency.samples;
      if (taken) samples.get(task.name)!.push(...taken);
    }
    if (round % 2 === 1) for (const task of external) samples.get(task.name)!.push(...(await task.round()));
  }
  const out = new Map<string, TimingSummary>();
  for (const [name, list] of samples) out.set(name, summarizeTimings(list));
  return out;
}
