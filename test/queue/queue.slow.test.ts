/**
 * Simulations on a Redis queue give the local result byte for byte: in one process (workers
 * from the sources), and with worker processes of the built command line, however many workers
 * take the chunks, and when a worker is killed mid-chunk (its chunk runs again elsewhere). A bad
 * draw is reported once and not retried. Each suite starts its own redis-server on a free
 * loopback port (test/queue/redisServer.ts) and stops it; without redis-server they are skipped.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQueueWorker } from '../../src/node/queue/worker.js';
import { cli } from '../cli/cliHarness.js';
import { NO_REDIS, startRedis, type TestRedis } from './redisServer.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const BUILT = existsSync(CLI) && existsSync(fileURLToPath(new URL('../../dist/queueThread.js', import.meta.url)));
if (NO_REDIS) console.warn(NO_REDIS);

const UNCERTAIN = ['--uncertain', 'migration.ruralToUrbanRate=normal(0.0194,0.003,0,0.2)', '--uncertain', 'hukou.conversionRate=uniform(0.01,0.03)'];
const simulateArgs = (draws: number) => ['simulate', 'national-2024-2028-trend', '--draws', String(draws), '--seed', '7', ...UNCERTAIN];

describe.skipIf(NO_REDIS !== null)('simulate --queue, workers in the same process', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = (await startRedis()) as TestRedis;
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('writes the same JSON as the local run, byte for byte, whatever the chunk size', async () => {
    const local = await cli(simulateArgs(40));
    expect(local.code, local.stderr).toBe(0);
    const worker = await startQueueWorker({ url: redis.url });
    try {
      for (const chunk of ['7', '40']) {
        const queued = await cli([...simulateArgs(40), '--queue', redis.url, '--chunk-size', chunk]);
        expect(queued.code, queued.stderr).toBe(0);
        expect(queued.stdout).toBe(local.stdout);
        expect(queued.stderr).toContain(`queued ${chunk === '7' ? 6 : 1} ${chunk === '7' ? 'chunks' : 'chunk'} on ${redis.url}`);
        expect(queued.stderr).toContain('40/40 done (100 %)');
      }
    } finally {
      await worker.close();
      await worker.stopped;
    }
    const parsed = JSON.parse(local.stdout) as { draws: number; bands: { q05: number; q95: number }[] };
    expect(parsed.draws).toBe(40);
    expect(parsed.bands.every((b) => b.q05 <= b.q95)).toBe(true);
  }, 240_000);

  it('sweeps on the queue to the same table as the local sweep, byte for byte', async () => {
    const args = ['sweep', 'national-2024-2028-trend', '--lever', 'migration.ruralToUrbanRate=0.01:0.03', '--design', 'lhs', '--points', '9', '--seed', '3', '--format', 'json'];
    const local = await cli(args);
    expect(local.code, local.stderr).toBe(0);
    const worker = await startQueueWorker({ url: redis.url });
    try {
      const queued = await cli([...args, '--queue', redis.url, '--chunk-size', '4']);
      expect(queued.code, queued.stderr).toBe(0);
      expect(queued.stdout).toBe(local.stdout);
      expect(queued.stderr).toContain(`queued 3 chunks on ${redis.url}`);
    } finally {
      await worker.close();
      await worker.stopped;
    }
    const parsed = JSON.parse(local.stdout) as { points: number; rows: { point: number }[] };
    expect(parsed.points).toBe(9);
    expect(new Set(parsed.rows.map((r) => r.point)).size).toBe(9);
  }, 240_000);

  it('rejects a bad queue URL and --threads with --queue before queueing anything', async () => {
    const url = await cli([...simulateArgs(10), '--queue', 'http://127.0.0.1:1']);
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('--queue must be redis://HOST:PORT');
    const both = await cli([...simulateArgs(10), '--queue', redis.url, '--threads', '2']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--threads and --queue do not go together');
    const unreachable = await cli([...simulateArgs(10), '--queue', 'redis://127.0.0.1:1']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('cannot reach the Redis server at redis://127.0.0.1:1');
  }, 120_000);
});

/** Worker processes still running, stopped after the suite even when a test fails. */
const running = new Set<ChildProcess>();

/** A `chengzhen worker` process of the built command line, its log read line by line. */
function workerProcess(url: string, ...extra: string[]) {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'worker', '--queue', url, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  let stdout = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout?.on('data', (d: Buffer) => void (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of [...waiters]) {
      if (w.pattern.test(stderr)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    exited,
    log: () => stderr,
    stdout: () => stdout,
    /** Resolves once the log matches `pattern`. */
    waitFor: (pattern: RegExp) => new Promise<void>((resolve) => (pattern.test(stderr) ? resolve() : waiters.push({ pattern, resolve }))),
  };
}

/** The command line run in a process of its own (the built one). */
function cliProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(NO_REDIS !== null || !BUILT)('chengzhen worker processes (the built command line; npm run build first)', () => {
  let redis: TestRedis;
  let local: string;
  const DRAWS = 120;
  const CHUNK = 20;
  beforeAll(async () => {
    redis = (await startRedis()) as TestRedis;
    const outcome = await cli(simulateArgs(DRAWS));
    expect(outcome.code, outcome.stderr).toBe(0);
    local = outcome.stdout;
  }, 240_000);
  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL');
    await redis?.stop();
  });

  const queued = () => cliProcess([...simulateArgs(DRAWS), '--queue', redis.url, '--chunk-size', String(CHUNK)]);
  const ranBy = (log: string) => new Set([...log.matchAll(/chunk (\d+) \(simulate [^)]*\) of run \S+: done/g)].map((m) => Number(m[1])));

  it('gives the local result with one worker and with two, which share the chunks; SIGTERM stops them cleanly', async () => {
    const one = workerProcess(redis.url);
    await one.waitFor(/waiting for chunks/);
    const withOne = await queued();
    expect(withOne.code, withOne.stderr).toBe(0);
    expect(withOne.stdout).toBe(local);
    expect(ranBy(one.log()).size).toBe(DRAWS / CHUNK);

    const two = workerProcess(redis.url, '--concurrency', '2');
    await two.waitFor(/waiting for chunks/);
    const before = one.log().length;
    const withTwo = await queued();
    expect(withTwo.code, withTwo.stderr).toBe(0);
    expect(withTwo.stdout).toBe(local);
    // every chunk of the second run, by one worker or the other, once
    const first = ranBy(one.log().slice(before));
    const second = ranBy(two.log());
    expect(first.size + second.size).toBe(DRAWS / CHUNK);
    expect([...first].filter((c) => second.has(c))).toEqual([]);

    one.child.kill('SIGTERM');
    two.child.kill('SIGTERM');
    expect(await one.exited).toEqual({ code: 0, signal: null });
    expect(await two.exited).toEqual({ code: 0, signal: null });
    expect(one.log()).toContain('SIGTERM: stopping once the chunks in progress are done');
    expect(one.stdout()).toBe(`${DRAWS / CHUNK + first.size} chunks run (${(DRAWS / CHUNK + first.size) * CHUNK} draws)\n`);
    expect(two.stdout()).toBe(`${second.size} ${second.size === 1 ? 'chunk' : 'chunks'} run (${second.size * CHUNK} draws)\n`);
  }, 300_000);

  it('runs again the chunk of a worker killed mid-chunk (SIGKILL), with the same result', async () => {
    const short = ['--lock-duration', '1000', '--stalled-interval', '500'];
    const doomed = workerProcess(redis.url, ...short);
    await doomed.waitFor(/waiting for chunks/);
    const run = queued();
    await doomed.waitFor(/chunk \d+ \(simulate [^)]*\) of run \S+: started/);
    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');
    const killedChunk = Number(/chunk (\d+) \(simulate [^)]*\) of run \S+: started/.exec(doomed.log())?.[1]);
    expect(ranBy(doomed.log()).has(killedChunk)).toBe(false);

    const rescuer = workerProcess(redis.url, ...short);
    const outcome = await run;
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toBe(local);
    // the rescuer ran every chunk the killed worker did not finish, the killed one included
    const done = new Set([...ranBy(doomed.log()), ...ranBy(rescuer.log())]);
    expect(done.size).toBe(DRAWS / CHUNK);
    expect(ranBy(rescuer.log()).has(killedChunk)).toBe(true);
    rescuer.child.kill('SIGTERM');
    expect((await rescuer.exited).code).toBe(0);
  }, 300_000);

  it('reports a draw that fails on a worker once, as bad input, without retrying it', async () => {
    const worker = workerProcess(redis.url);
    await worker.waitFor(/waiting for chunks/);
    // levels above 0.22 give rates above 1 at some age: every draw fails
    const outcome = await cliProcess(['simulate', 'national-2024-2028-trend', '--draws', '30', '--seed', '1', '--uncertain', 'migration.ruralToUrbanRate=uniform(0.5,1.5)', '--queue', redis.url, '--chunk-size', '10']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.match(/bad input \(1 problem\)/g)).toHaveLength(1);
    expect(outcome.stderr).toMatch(/draw \d+ \(migration\.ruralToUrbanRate = [\d.]+\): migration\.ruralToUrbanRate\[region=china\] is too high/);
    // give a retry time to show up: none does
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const failures = [...worker.log().matchAll(/chunk (\d+) \(simulate [^)]*\) of run \S+: (failed|started)/g)].map((m) => `${m[1]} ${m[2]}`);
    for (const line of new Set(failures)) expect(failures.filter((f) => f === line)).toHaveLength(1);
    expect(failures.some((f) => f.endsWith('failed'))).toBe(true);
    worker.child.kill('SIGTERM');
    expect((await worker.exited).code).toBe(0);
  }, 300_000);
});
