/**
 * A queue worker: takes chunk jobs from the queue, runs them on threads of its own and stores
 * each chunk's result in Redis, for any number of workers on any number of machines. A worker
 * that dies mid-chunk loses its lock; after `lockDuration` another worker's stalled-job check
 * puts the chunk back in the queue, and it is run again with the same result (each item depends
 * only on its index and the run's seed).
 */

import pkg from '../../../package.json';
import { ChengzhenError } from '../../errors.js';
import { DEFAULT_QUEUE_NAME, KEY_PREFIX, connectRedis, loadBullmq, parseRedisUrl, RUN_KEY_TTL, runKeys } from './connection.js';
import { ChunkPool } from './pool.js';

/** What a chunk job carries (the run's input is stored once per run, under its key). */
export interface ChunkJobData {
  kind: string;
  runId: string;
  index: number;
  from: number;
  to: number;
  /** The chengzhen version that submitted the run: workers run only their own version's jobs. */
  version: string;
}

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  /** The Redis server, `redis://HOST:PORT`. */
  url: string;
  /** The queue (default `chengzhen`). */
  queueName?: string;
  /** Chunks run at once, each on its own thread (default 1). */
  concurrency?: number;
  /** Milliseconds a chunk's lock lasts without renewal (default 30 000): a dead worker's chunk is retried after this. */
  lockDuration?: number;
  /** Milliseconds between checks for chunks whose worker died (default 30 000). */
  stalledInterval?: number;
  /** Times a chunk may lose its worker before it fails (default 3). */
  maxStalledCount?: number;
  /** Stop once the queue is empty (default: wait for more). */
  untilEmpty?: boolean;
  /** A line for the log (a chunk started, done, failed). */
  log?: (line: string) => void;
}

/** A running worker. */
export interface QueueWorker {
  /** Resolves when the worker has stopped, with the chunks it completed. */
  stopped: Promise<{ chunks: number; items: number }>;
  /** Stops taking chunks; `now` abandons the chunks in progress (they go back to the queue when their lock expires). */
  close(now?: boolean): Promise<void>;
}

/**
 * Starts a worker on a queue.
 *
 * @throws {ChengzhenError} for a bad URL or options.
 * @example
 * const worker = await startQueueWorker({ url: 'redis://127.0.0.1:6379', concurrency: 2 });
 * process.once('SIGTERM', () => void worker.close());
 * await worker.stopped;
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const address = parseRedisUrl(options.url);
  const concurrency = options.concurrency ?? 1;
  for (const [name, value, min] of [
    ['concurrency', concurrency, 1],
    ['lockDuration', options.lockDuration, 100],
    ['stalledInterval', options.stalledInterval, 100],
    ['maxStalledCount', options.maxStalledCount, 0],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > 1e9)) {
      throw new ChengzhenError([{ code: 'out_of_range', path: [name], message: `${name} must be a whole number in [${min}, 1e9], received ${value}`, expected: `[${min}, 1e9]`, received: String(value) }]);
    }
  }
  const log = options.log ?? (() => {});
  const { Worker, UnrecoverableError } = await loadBullmq();
  const redis = await connectRedis(address, options.url);
  const pool = new ChunkPool(concurrency);
  const inputs = new Map<string, string>();
  let chunks = 0;
  let items = 0;

  const inputOf = async (runId: string): Promise<string | null> => {
    const cached = inputs.get(runId);
    if (cached !== undefined) return cached;
    const text = await redis.get(runKeys(runId).input);
    if (text !== null) {
      if (inputs.size >= 4) inputs.delete(inputs.keys().next().value as string);
      inputs.set(runId, text);
    }
    return text;
  };

  const worker = new Worker<ChunkJobData>(
    options.queueName ?? DEFAULT_QUEUE_NAME,
    async (job) => {
      const data = job.data;
      const keys = runKeys(data.runId);
      const label = `chunk ${data.index} (${data.kind} ${data.from}-${data.to - 1}) of run ${data.runId}`;
      if (data.version !== pkg.version) {
        throw new UnrecoverableError(`${label} was submitted by chengzhen ${data.version}; this worker runs ${pkg.version}, and results are bit-identical only on the same version`);
      }
      const input = await inputOf(data.runId);
      if (input === null) throw new UnrecoverableError(`${label}: the run's input is no longer in Redis (the run was cancelled or expired)`);
      log(`${label}: started`);
      let reported = 0;
      let result: string;
      try {
        result = await pool.run({ kind: data.kind, runId: data.runId, input, from: data.from, to: data.to }, (done) => {
          if (done === reported) return;
          reported = done;
          void redis.hset(keys.progress, String(data.index), String(done)).catch(() => {});
        });
      } catch (error) {
        if (error instanceof ChengzhenError) {
          // a bad input fails the same way every time: reported to the submitter once, not retried
          await redis.multi().hset(keys.errors, String(data.index), JSON.stringify(error.issues)).expire(keys.errors, RUN_KEY_TTL).exec();
          log(`${label}: failed: ${error.message}`);
          throw new UnrecoverableError(error.message);
        }
        log(`${label}: failed: ${(error as Error).message}`);
        throw error;
      }
      await redis
        .multi()
        .hset(keys.results, String(data.index), result)
        .expire(keys.results, RUN_KEY_TTL)
        .hset(keys.progress, String(data.index), String(data.to - data.from))
        .expire(keys.progress, RUN_KEY_TTL)
        .exec();
      chunks++;
      items += data.to - data.from;
      log(`${label}: done`);
      return { items: data.to - data.from };
    },
    {
      connection: { ...address, maxRetriesPerRequest: null },
      prefix: KEY_PREFIX,
      concurrency,
      lockDuration: options.lockDuration ?? 30_000,
      stalledInterval: options.stalledInterval ?? 30_000,
      maxStalledCount: options.maxStalledCount ?? 3,
      autorun: false,
    },
  );
  worker.on('error', (error) => log(`worker error: ${error.message}`));

  let closing: Promise<void> | null = null;
  const close = (now = false): Promise<void> => {
    if (now) {
      closing = worker.close(true).then(() => undefined);
      return closing;
    }
    closing ??= worker.close().then(() => undefined);
    return closing;
  };
  if (options.untilEmpty) worker.on('drained', () => void close());
  const stopped = (async () => {
    try {
      await worker.run();
    } finally {
      await closing;
      await pool.close();
      redis.disconnect();
    }
    return { chunks, items };
  })();
  await worker.waitUntilReady();
  return { stopped, close };
}
