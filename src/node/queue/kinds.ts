/**
 * What a queue worker can run: one entry per kind of job. Each kind plans a run from its input
 * (validating it: the submitter plans first, so a bad input never reaches the queue) and runs a
 * range of its items (draws of a simulation, points of a sweep); the submitter summarises the
 * chunks with the kind's own summary, exactly as a local run does.
 */

import { planSimulation, runSimulationDraws, type SimulateOptions } from '../../solve/simulate.js';
import type { Scenario } from '../../schema/scenario.js';
import { planSweep, runSweepPoints, type SweepOptions } from '../../solve/sweep.js';

/** A kind of job: plan once per run (and per worker), then run ranges of items. */
export interface JobKind<Input, Plan, Chunk> {
  /** Validates the input and plans the run (throws ChengzhenError on a bad input). */
  plan(input: Input): Plan;
  /** Runs items `from` to `to - 1` of a planned run; `onProgress(done)` after each item. */
  run(plan: Plan, input: Input, from: number, to: number, onProgress?: (done: number) => void): Chunk;
}

/** The input of a `simulate` job: the parsed scenario and the options (without callbacks). */
export interface SimulateJobInput {
  scenario: Scenario;
  options: Omit<SimulateOptions, 'onProgress'>;
}

const simulateKind: JobKind<SimulateJobInput, ReturnType<typeof planSimulation>, ReturnType<typeof runSimulationDraws>> = {
  plan: (input) => planSimulation(input.scenario, input.options),
  run: (plan, input, from, to, onProgress) => runSimulationDraws(plan, input.options.seed, from, to, onProgress),
};

/** The input of a `sweep` job: the parsed scenario and the sweep's options. */
export interface SweepJobInput {
  scenario: Scenario;
  options: SweepOptions;
}

const sweepKind: JobKind<SweepJobInput, ReturnType<typeof planSweep>, ReturnType<typeof runSweepPoints>> = {
  plan: (input) => planSweep(input.scenario, input.options),
  run: (plan, _input, from, to, onProgress) => {
    // a sweep chunk runs its points one at a time, so progress can be told per point
    const chunk = runSweepPoints(plan, from, to);
    onProgress?.(to - from);
    return chunk;
  },
};

/**
 * The kinds of job by name. A new kind is one more entry (say `sweep`, planned by `planSweep`
 * and run by `runSweepPoints`); workers and submitters need nothing else.
 */
export const JOB_KINDS: Record<string, JobKind<any, any, unknown>> = {
  simulate: simulateKind,
  sweep: sweepKind,
};

/** The name of a kind of job. */
export type JobKindName = keyof typeof JOB_KINDS;
