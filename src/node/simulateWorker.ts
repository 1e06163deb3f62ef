/** The worker thread of {@link simulateParallel}: runs a range of draws and posts them back. */

import { parentPort, workerData } from 'node:worker_threads';
import { planSimulation, runSimulationDraws, type SimulateOptions } from '../solve/simulate.js';
import { loadDemographyCache, type YearDemography } from '../model/unDemography.js';
import type { ScenarioInput } from '../schema/scenario.js';

interface Job {
  scenario: ScenarioInput;
  options: Omit<SimulateOptions, 'onProgress'>;
  from: number;
  to: number;
  /** The parent's cached UN demography, so the worker does not build the life tables again. */
  demography: [string, YearDemography][];
}

const job = workerData as Job;
loadDemographyCache(job.demography);
const plan = planSimulation(job.scenario, job.options);
const chunk = runSimulationDraws(plan, job.options.seed, job.from, job.to, (done) => {
  if (done % 10 === 0) parentPort!.postMessage({ progress: 10 });
});
parentPort!.postMessage({ chunk }, [...chunk.leverValues.map((a) => a.buffer as ArrayBuffer), ...chunk.series.map((a) => a.buffer as ArrayBuffer)]);
