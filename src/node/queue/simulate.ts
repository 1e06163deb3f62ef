/** Simulations on a queue: the same bands as a local run, bit for bit, from chunk jobs. */

import { ChengzhenError } from '../../errors.js';
import { LIMITS } from '../../limits.js';
import type { Scenario, ScenarioInput } from '../../schema/scenario.js';
import { planSimulation, summariseSimulation, type SimulateOptions, type SimulationChunk, type SimulationResult } from '../../solve/simulate.js';
import type { SimulateJobInput } from './kinds.js';
import { runOnQueue, type QueueRunOptions } from './submit.js';

/**
 * Runs a simulation on a queue's workers and returns the bands a local run gives: the options
 * are validated here first (nothing is queued for a bad scenario), draws are split into chunks
 * of `queue.chunkSize`, and the summary depends only on the draws.
 *
 * @throws {ChengzhenError} for invalid options (see `simulate`), or a draw that fails on a worker.
 * @example
 * const sim = await simulateOnQueue(scenario, { draws: 10_000, seed: 1, uncertain }, { url: 'redis://127.0.0.1:6379' });
 */
export async function simulateOnQueue(input: Scenario | ScenarioInput, options: SimulateOptions, queue: QueueRunOptions): Promise<SimulationResult> {
  const { onProgress, ...rest } = options;
  const plan = planSimulation(input, rest);
  const cells = options.draws * plan.keys.length * plan.years.length;
  if (cells > LIMITS.maxResultCells) {
    throw new ChengzhenError([
      {
        code: 'too_large',
        path: ['draws'],
        message: `draws must keep the kept series within ${LIMITS.maxResultCells} numbers (LIMITS.maxResultCells), received ${options.draws}: ${options.draws} draws x ${plan.keys.length} series x ${plan.years.length} years = ${cells}; use fewer draws, indicators or regions`,
        expected: `at most ${Math.floor(LIMITS.maxResultCells / (plan.keys.length * plan.years.length))} draws`,
        received: String(options.draws),
      },
    ]);
  }
  const jobInput: SimulateJobInput = { scenario: plan.scenario, options: rest };
  const chunks = (await runOnQueue('simulate', jobInput, options.draws, { ...queue, onProgress: queue.onProgress ?? onProgress })) as SimulationChunk[];
  return summariseSimulation(plan, options.seed, options.draws, chunks);
}
