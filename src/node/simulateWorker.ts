/**
 * The worker thread of {@link simulateParallel}: takes the plan it is sent (validated by the
 * calling thread), then takes ranges of draws one at a time from the shared index until none
 * is left, posting each range's draws back, and ends.
 */

import { parentPort } from 'node:worker_threads';
import { loadDemographyCache } from '../model/unDemography.js';
import { markLeverCopyParsed } from '../schema/scenario.js';
import { runSimulationDraws, useDrawBase, type SimulationPlan } from '../solve/simulate.js';
import type { WorkerJob } from './simulateParallel.js';

const port = parentPort!;
// the job comes as the first message: the thread may start (and load the library) before the
// calling thread has planned the simulation
port.once('message', (job: WorkerJob) => {
  loadDemographyCache(job.demography);
  // the scenario arrives as a structured clone of the one the calling thread parsed: taken as
  // parsed (frozen, not validated again), and not planned again
  const plan: SimulationPlan = { ...job.plan, scenario: markLeverCopyParsed(job.plan.scenario) };
  if (job.base) useDrawBase(plan.scenario, job.base);
  for (let i = Atomics.add(job.next, 0, 1); i < job.ranges.length; i = Atomics.add(job.next, 0, 1)) {
    const range = job.ranges[i];
    let reported = 0;
    const chunk = runSimulationDraws(plan, job.seed, range.from, range.to, (done) => {
      // every 100 draws (about 10 ms): each message takes the calling thread from its own draws
      if (done - reported >= 100) {
        port.postMessage({ progress: done - reported });
        reported = done;
      }
    });
    const rest = range.to - range.from - reported;
    port.postMessage({ chunk, progress: rest }, [...chunk.leverValues.map((a) => a.buffer as ArrayBuffer), ...chunk.series.map((a) => a.buffer as ArrayBuffer)]);
  }
  port.close();
});
