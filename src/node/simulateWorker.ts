/**
 * The worker thread of {@link simulateParallel}: takes each job it is sent (a plan validated
 * by the calling thread), takes ranges of draws one at a time from the job's shared state
 * until none is left, writing their draws into the shared columns; once every thread's draws
 * are in, takes series to summarise the same way, posting their bands back; then says it is
 * done and waits for the next job: a thread kept between simulations is loaded and warm.
 */

import { parentPort } from 'node:worker_threads';
import { loadDemographyCache } from '../model/unDemography.js';
import { markLeverCopyParsed } from '../schema/scenario.js';
import { bandsSummary, runSimulationDrawsInto, simulationColumns, useDrawBase, type SimulationPlan } from '../solve/simulate.js';
import { JOB_STATE, type WorkerJob, type WorkerMessage } from './simulateJob.js';

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

// a job may come as soon as the thread starts (and loads the library), or later to a kept thread
port.on('message', (job: WorkerJob) => {
  const { state, id } = job;
  loadDemographyCache(job.demography);
  // the scenario arrives as a structured clone of the one the calling thread parsed: taken as
  // parsed (frozen, not validated again), and not planned again
  const plan: SimulationPlan = { ...job.plan, scenario: markLeverCopyParsed(job.plan.scenario) };
  if (job.base) useDrawBase(plan.scenario, job.base);
  const columns = simulationColumns(plan, job.draws, job.columns);
  const ranges = job.ranges.length / 2;
  for (let i = Atomics.add(state, JOB_STATE.nextRange, 1); i < ranges; i = Atomics.add(state, JOB_STATE.nextRange, 1)) {
    const from = job.ranges[2 * i];
    const to = job.ranges[2 * i + 1];
    let reported = 0;
    runSimulationDrawsInto(plan, job.seed, from, to, columns, (done) => {
      // every 100 draws (about 10 ms): each message takes the calling thread from its own draws
      if (done - reported >= 100) {
        post({ id, progress: done - reported });
        reported = done;
      }
    });
    Atomics.add(state, JOB_STATE.rangesDone, 1);
    Atomics.notify(state, JOB_STATE.rangesDone);
    post({ id, progress: to - from - reported, range: true });
  }
  // the series are summarised once every thread's draws are in (this thread waits, it has
  // nothing else to do)
  for (let done = Atomics.load(state, JOB_STATE.rangesDone); done < ranges && Atomics.load(state, JOB_STATE.stop) === 0; done = Atomics.load(state, JOB_STATE.rangesDone)) {
    Atomics.wait(state, JOB_STATE.rangesDone, done);
  }
  if (Atomics.load(state, JOB_STATE.stop) === 0) {
    const summary = bandsSummary(plan, columns);
    for (let k = Atomics.add(state, JOB_STATE.nextSeries, 1); k < plan.keys.length; k = Atomics.add(state, JOB_STATE.nextSeries, 1)) post({ id, series: k, bands: summary.bandsOf(k) });
  }
  post({ id, done: true });
});
