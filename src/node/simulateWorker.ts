/**
 * The worker thread of {@link simulateParallel}: takes each job it is sent (a plan validated
 * by the calling thread), takes draws a few at a time from the job's shared state until none
 * is left ({@link rangeSize}: few while it warms up), writing them into the shared columns;
 * once every thread's draws are in, takes series to summarise the same way, posting their
 * bands back; then says it is done and waits for the next job: a thread kept between
 * simulations is loaded and warm.
 */

import { parentPort } from 'node:worker_threads';
import { useKernelWasm } from '../kernel/denseMovesWasm.js';
import { loadDemographyCache } from '../model/unDemography.js';
import { markLeverCopyParsed } from '../schema/scenario.js';
import { bandsSummary, runSimulationDrawsInto, simulationColumns, useDrawBase, type SimulationPlan } from '../solve/simulate.js';
import { JOB_STATE, runNextRange, type WorkerJob, type WorkerMessage } from './simulateJob.js';

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

// a job may come as soon as the thread starts (and loads the library), or later to a kept thread
port.on('message', (job: WorkerJob) => {
  const { state, id, draws } = job;
  loadDemographyCache(job.demography);
  if (job.wasm !== null) useKernelWasm(job.wasm);
  // the scenario arrives as a structured clone of the one the calling thread parsed: taken as
  // parsed (frozen, not validated again), and not planned again
  const plan: SimulationPlan = { ...job.plan, scenario: markLeverCopyParsed(job.plan.scenario) };
  if (job.base) useDrawBase(plan.scenario, job.base);
  const columns = simulationColumns(plan, draws, job.columns);
  // whether this thread takes draws is decided while the threads start
  while (Atomics.load(state, JOB_STATE.drawing) === 0) Atomics.wait(state, JOB_STATE.drawing, 0);
  const drawing = job.worker < Atomics.load(state, JOB_STATE.drawing);
  const pace = { size: 0, perDraw: 0 };
  while (drawing) {
    const done = runNextRange(state, draws, job.threads, pace, (from, to) => runSimulationDrawsInto(plan, job.seed, from, to, columns));
    if (done === 0) break;
    post({ id, progress: done });
  }
  // the series are summarised once every thread's draws are in (this thread waits: it has
  // nothing else to do)
  for (let done = Atomics.load(state, JOB_STATE.drawsDone); done < draws && Atomics.load(state, JOB_STATE.stop) === 0; done = Atomics.load(state, JOB_STATE.drawsDone)) {
    Atomics.wait(state, JOB_STATE.drawsDone, done);
  }
  if (drawing && Atomics.load(state, JOB_STATE.stop) === 0) {
    const summary = bandsSummary(plan, columns);
    for (let k = Atomics.add(state, JOB_STATE.nextSeries, 1); k < plan.keys.length; k = Atomics.add(state, JOB_STATE.nextSeries, 1)) post({ id, series: k, bands: summary.bandsOf(k) });
  }
  post({ id, done: true });
});
