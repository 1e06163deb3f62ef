/**
 * Worker threads of simulateParallel: a progress callback that throws rejects the promise
 * instead of crashing the process; the first worker to fail stops the others; and no more
 * threads start than the draws and the cores can use. The worker script exists only in the
 * build, so the thread tests run `dist/node.js` (skipped when it is not built; CI builds first).
 */

import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { threadCount } from '../../src/node/simulateParallel.js';
import type { UncertainLever } from '../../src/solve/simulate.js';
import { validScenario } from './badInputCases.js';

const NODE = fileURLToPath(new URL('../../dist/node.js', import.meta.url));
type SimulateParallel = typeof import('../../src/node/simulateParallel.js').simulateParallel;

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

describe.skipIf(!existsSync(NODE) || !existsSync('/proc/self/task'))('simulateParallel (built) on worker threads', async () => {
  const { simulateParallel } = (await import(NODE)) as { simulateParallel: SimulateParallel };

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
