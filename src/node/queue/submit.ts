/**
 * Runs a job of any kind on a queue: its input stored once in Redis, its items split into
 * chunk jobs of a fixed size (so the result does not depend on how many workers take them),
 * and the chunks' results gathered once every chunk is done.
 */

import { randomUUID } from 'node:crypto';
import pkg from '../../../package.json';
import { ChengzhenError, type ChengzhenIssue } from '../../errors.js';
import { decode, encode } from './codec.js';
import { DEFAULT_QUEUE_NAME, KEY_PREFIX, connectRedis, loadBullmq, parseRedisUrl, RUN_KEY_TTL, runKeys } from './connection.js';
import type { ChunkJobData } from './worker.js';

/** Options of {@link runOnQueue}. */
export interface QueueRunOptions {
  /** The Redis server, `redis://HOST:PORT`. */
  url: string;
  /** The queue (default `chengzhen`). */
  queueName?: string;
  /** Items per chunk job (default {@link DEFAULT_CHUNK_SIZE}). */
  chunkSize?: number;
  /** Called as chunks progress with (items done, items). */
  onProgress?: (done: number, total: number) => void;
  /** Called once the chunks are queued, with their number and the run's id. */
  onQueued?: (chunks: number, runId: string) => void;
  /** Aborting removes the run's waiting chunks and its keys, and rejects. */
  signal?: AbortSignal;
}

/** Items per chunk job unless told otherwise: a few seconds of work for a national simulation. */
export const DEFAULT_CHUNK_SIZE = 100;

/** The ranges of `total` items in chunks of `size`: [0, size), [size, 2 size), ... */
export function chunkRanges(total: number, size: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let from = 0; from < total; from += size) ranges.push([from, Math.min(total, from + size)]);
  return ranges;
}

/** How often the submitter reads progress from Redis (milliseconds). */
const POLL_EVERY = 200;

/**
 * Runs `total` items of a job of kind `kind` on the queue and returns the chunks (decoded, in
 * the order of their ranges; a chunk may come as several pieces, all returned). The input must
 * be valid: plan it locally first, so a bad input is reported before anything is queued.
 *
 * @throws {ChengzhenError} when a chunk fails on a bad input (reported once, not retried), and
 *   Error when a chunk fails otherwise (after its retries) or the run is aborted.
 */
export async function runOnQueue(kind: string, input: unknown, total: number, options: QueueRunOptions): Promise<unknown[]> {
  const address = parseRedisUrl(options.url);
  const size = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > 1_000_000) {
    throw new ChengzhenError([{ code: 'out_of_range', path: ['chunkSize'], message: `chunk size must be a whole number in [1, 1000000], received ${size}`, expected: '[1, 1000000]', received: String(size) }]);
  }
  const { Queue, QueueEvents } = await loadBullmq();
  const redis = await connectRedis(address, options.url);
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const connection = { ...address, maxRetriesPerRequest: null };
  const queue = new Queue<ChunkJobData>(queueName, { connection, prefix: KEY_PREFIX });
  const events = new QueueEvents(queueName, { connection, prefix: KEY_PREFIX });
  const runId = randomUUID();
  const keys = runKeys(runId);
  const ranges = chunkRanges(total, size);
  const jobIds = ranges.map((_, index) => `${runId}-${index}`);
  const ids = new Set(jobIds);
  let finished = false;
  try {
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    const failure = new Promise<never>((_, reject) => {
      events.on('failed', ({ jobId, failedReason }) => {
        if (ids.has(jobId)) reject(new Error(`chunk ${jobId.slice(runId.length + 1)} failed: ${failedReason}`));
      });
      options.signal?.addEventListener('abort', () => reject(options.signal?.reason ?? new Error('aborted')), { once: true });
    });
    failure.catch(() => {});
    await redis.set(keys.input, encode(input), 'EX', RUN_KEY_TTL);
    await queue.addBulk(
      ranges.map(([from, to], index) => ({
        name: kind,
        data: { kind, runId, index, from, to, version: pkg.version },
        opts: { jobId: jobIds[index], attempts: 3, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: true, removeOnFail: { age: 24 * 3600 } },
      })),
    );
    options.onQueued?.(ranges.length, runId);
    let shown = -1;
    for (;;) {
      const [errors, progress, done] = await Promise.all([redis.hgetall(keys.errors), redis.hvals(keys.progress), redis.hlen(keys.results)]);
      const bad = Object.values(errors);
      if (bad.length > 0) throw new ChengzhenError(JSON.parse(bad[0]) as ChengzhenIssue[]);
      const items = progress.reduce((sum, v) => sum + Number(v), 0);
      if (items !== shown) {
        shown = items;
        options.onProgress?.(Math.min(items, total), total);
      }
      if (done === ranges.length) break;
      try {
        await Promise.race([failure, new Promise((resolve) => setTimeout(resolve, POLL_EVERY))]);
      } catch (error) {
        // a chunk failed on a bad input: its worker stored the issues before failing it
        const issues = Object.values(await redis.hgetall(keys.errors));
        if (issues.length > 0) throw new ChengzhenError(JSON.parse(issues[0]) as ChengzhenIssue[]);
        throw error;
      }
    }
    const stored = await redis.hgetall(keys.results);
    finished = true;
    return ranges.flatMap((_, index) => decode(stored[String(index)]) as unknown[]);
  } finally {
    if (!finished) {
      // the run failed or was aborted: the chunks not yet taken are dropped
      await Promise.allSettled(jobIds.map((id) => queue.remove(id)));
    }
    await redis.del(keys.input, keys.results, keys.progress, keys.errors).catch(() => {});
    redis.disconnect();
    await Promise.allSettled([queue.close(), events.close()]);
  }
}
