/**
 * The worker thread of {@link simulateParallel}: takes each job it is sent (a plan validated
 * by the calling thread), takes ranges of draws one at a time from the job's shared index
 * until none is left, posting each range's draws back, then says it is done and waits for the
 * next job: a thread kept between simulations is loaded and warm.
 */

import { parentPort } from 'node:worker_threads';
import { loadDemographyCache } from '../model/unDemography.js';
import { markLeverCopyParsed } from '../schema/scenario.js';
import { runSimulationDraws, useDrawBase, type SimulationPlan } from '../solve/simulate.js';
import type { WorkerJob } from './simulateParallel.js';

const port = parentPort!;
// a job may come as soon as the thread starts (and loads the library), or later to a kept thread
port.on('message', (job: WorkerJob) => {
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
  port.postMessage({ done: true });
});
