/** Sweeps on a queue: the same table as a local run, bit for bit, from chunk jobs of points. */

import type { Scenario, ScenarioInput } from '../../schema/scenario.js';
import { planSweep, summariseSweep, type SweepChunk, type SweepOptions, type SweepResult } from '../../solve/sweep.js';
import type { SweepJobInput } from './kinds.js';
import { runOnQueue, type QueueRunOptions } from './submit.js';

/**
 * Runs a sweep on a queue's workers and returns the table a local `sweep` gives: the options
 * are validated here first (nothing is queued for a bad scenario or lever), the points are
 * split into chunks of `queue.chunkSize`, and the table depends only on the points.
 *
 * @throws {ChengzhenError} for invalid options (see `sweep`), or a point that fails on a worker.
 * @example
 * const table = await sweepOnQueue(scenario, { levers: { 'migration.ruralToUrbanRate': [0.01, 0.03] }, steps: 5 }, { url: 'redis://127.0.0.1:6379' });
 */
export async function sweepOnQueue(input: Scenario | ScenarioInput, options: SweepOptions, queue: QueueRunOptions): Promise<SweepResult> {
  const plan = planSweep(input, options);
  const jobInput: SweepJobInput = { scenario: plan.scenario, options };
  const chunks = (await runOnQueue('sweep', jobInput, plan.points, queue)) as SweepChunk[];
  return summariseSweep(plan, chunks);
}
