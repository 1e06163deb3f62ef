/**
 * Worker threads of simulateParallel: a progress callback that throws rejects the promise
 * instead of crashing the process; the first worker to fail stops the others; and no more
 * threads start than the draws and the cores can use. The worker script exists only in the
 * build, so the thread tests run `dist/node.js` (skipped when it is not built; CI builds first).
 */

import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NEW_THREAD_COST_MS, threadCount, worthStarting } from '../../src/node/simulateParallel.js';
import type { UncertainLever } from '../../src/solve/simulate.js';
import { validScenario } from './badInputCases.js';

const NODE = fileURLToPath(new URL('../../dist/node.js', import.meta.url));
type NodeModule = Pick<typeof import('../../src/node/simulateParallel.js'), 'simulateParallel' | 'closeSimulationThreads' | 'simulationThreadsKept'>;

/** Threads of this process now (the main thread, libuv's pool, V8's helpers and any workers). */
const threadsNow = () => readdirSync('/proc/self/task').length;

const rate = (min: number, max: number): UncertainLever[] => [{ lever: { path: 'migration.ruralToUrbanRate' }, distribution: { distribution: 'uniform', min, max } }];

describe('threadCount(draws, wanted, cores)', () => {
  it('is the threads wanted, capped at the cores and at one per 16 draws, and at least 1', () => {
    expect(threadCount(64, 64, 2)).toBe(2);
    expect(threadCount(64, 64, 64)).toBe(4);
    expect(threadCount(40, undefined, 8)).toBe(1);
    expect(threadCount(10_000, undefined, 2)).toBe(2);
    expect(threadCount(10_000, undefined, 2, 1.7)).toBe(1);
    expect(threadCount(10_000, undefined, 8, 20)).toBe(1);
    expect(threadCount(1000, 3, 8)).toBe(3);
    expect(threadCount(1, undefined, 8)).toBe(1);
    expect(threadCount(1_000_000, undefined, 16)).toBe(16);
  });
});

describe('worthStarting(threads, warm, workLeftMs)', () => {
  it('keeps the default to threads kept warm unless each thread has more than a new thread costs', () => {
    expect(NEW_THREAD_COST_MS).toBe(1000);
    expect(worthStarting(2, 0, 1400)).toBe(1); // 700 ms a thread: a new thread does not pay
    expect(worthStarting(2, 0, 2000)).toBe(1); // exactly its cost: not worth it
    expect(worthStarting(2, 0, 2001)).toBe(2);
    expect(worthStarting(2, 1, 10)).toBe(2); // a kept thread joins at once
    expect(worthStarting(8, 2, 4000)).toBe(3); // two kept, a third pays (4000 / 4 = 1000 does not)
    expect(worthStarting(1, 0, 1e9)).toBe(1);
  });
});

describe.skipIf(!existsSync(NODE) || !existsSync('/proc/self/task'))('simulateParallel (built) on worker threads', async () => {
  const { simulateParallel, closeSimulationThreads, simulationThreadsKept } = (await import(NODE)) as NodeModule;

  it('keeps its worker threads for the next simulation, which gives the same bands, until closeSimulationThreads', async () => {
    await closeSimulationThreads();
    const before = threadsNow();
    const options = { draws: 256, seed: 5, threads: 2, uncertain: rate(0.01, 0.03) };
    const first = await simulateParallel(validScenario(), options);
    expect(simulationThreadsKept()).toBe(1);
    const again = await simulateParallel(validScenario(), options);
    expect(simulationThreadsKept()).toBe(1); // the kept thread did the work, no new one
    const one = await simulateParallel(validScenario(), { ...options, threads: 1 });
    expect(again.bands).toEqual(first.bands);
    expect(one.bands).toEqual(first.bands);
    await closeSimulationThreads();
    expect(simulationThreadsKept()).toBe(0);
    expect(threadsNow()).toBeLessThanOrEqual(before);
  }, 120_000);

  it('rejects with the error of an onProgress that throws, and the process goes on', async () => {
    const before = threadsNow();
    const failure = new Error('progress display broke');
    const promise = simulateParallel(validScenario(), {
      draws: 64,
      seed: 1,
      threads: 2,
      uncertain: rate(0.01, 0.03),
      onProgress: () => {
        throw failure;
      },
    });
    await expect(promise).rejects.toBe(failure);
    expect(threadsNow()).toBeLessThanOrEqual(before);
  }, 60_000);

  it('rejects at the first worker that fails, with every worker already stopped', async () => {
    const before = threadsNow();
    // draw 14 of seed 1 is negative (found by simulate); the other half's draws would run on for a long while
    const error = await simulateParallel(validScenario(), { draws: 20_000, seed: 1, threads: 2, uncertain: rate(-0.01, 0.05) }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^draw \d+ \(migration\.ruralToUrbanRate = -[\d.e-]+\): migration\.ruralToUrbanRate\[year=2021\] must be in \[0, 1\]/);
    // no thread of the simulation outlives the rejection
    expect(threadsNow()).toBeLessThanOrEqual(before);
  }, 60_000);

  it('gives the same bands on 64 threads asked for 64 draws as on one thread, starting at most one thread per 16 draws', async () => {
    const before = threadsNow();
    let peak = before;
    const options = { draws: 64, seed: 3, uncertain: rate(0.01, 0.03) };
    const many = await simulateParallel(validScenario(), { ...options, threads: 64, onProgress: () => void (peak = Math.max(peak, threadsNow())) });
    const one = await simulateParallel(validScenario(), { ...options, threads: 1 });
    expect(many.bands).toEqual(one.bands);
    // 64 draws: at most 4 workers, whatever was asked (each worker brings a few threads of its own)
    expect(peak - before).toBeLessThan(4 * 8);
  }, 120_000);
});
