/**
 * The worker thread of {@link simulateParallel}: plans the simulation once, then runs each
 * range of draws it is handed (`{ from, to }`) and posts it back, until it is handed `null`.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { planSimulation, runSimulationDraws, type SimulateOptions } from '../solve/simulate.js';
import { loadDemographyCache, type YearDemography } from '../model/unDemography.js';
import type { ScenarioInput } from '../schema/scenario.js';

interface Job {
  scenario: ScenarioInput;
  options: Omit<SimulateOptions, 'onProgress'>;
  /** The parent's cached UN demography, so the worker does not build the life tables again. */
  demography: [string, YearDemography][];
}

const job = workerData as Job;
loadDemographyCache(job.demography);
const plan = planSimulation(job.scenario, job.options);
const port = parentPort!;
port.on('message', (range: { from: number; to: number } | null) => {
  if (range === null) {
    port.close();
    return;
  }
  let reported = 0;
  const chunk = runSimulationDraws(plan, job.options.seed, range.from, range.to, (done) => {
    if (done - reported >= 10) {
      port.postMessage({ progress: done - reported });
      reported = done;
    }
  });
  const rest = range.to - range.from - reported;
  port.postMessage({ chunk, progress: rest }, [...chunk.leverValues.map((a) => a.buffer as ArrayBuffer), ...chunk.series.map((a) => a.buffer as ArrayBuffer)]);
});
port.postMessage({ ready: true });
