/**
 * The Redis server of a queue, from `redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]`, and BullMQ
 * loaded on first use: it is an optional dependency, needed only by runs on a queue.
 */

import { ChengzhenError } from '../../errors.js';

/** Where the Redis server is (ioredis connection options). */
export interface RedisAddress {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
}

/** The queue all chengzhen runs share unless told otherwise. */
export const DEFAULT_QUEUE_NAME = 'chengzhen';

/** The prefix of every Redis key a queue uses (BullMQ's and the runs'). */
export const KEY_PREFIX = 'chengzhen';

function badUrl(text: string, why: string): ChengzhenError {
  return new ChengzhenError([{ code: 'invalid_value', path: ['queue'], message: `--queue must be redis://HOST:PORT (optionally redis://:PASSWORD@HOST:PORT/DB): ${why}, received ${text}`, expected: 'redis://HOST:PORT', received: text }]);
}

/**
 * Reads a Redis URL.
 *
 * @throws {ChengzhenError} for another scheme, no host, a port outside [1, 65535] or a
 *   database that is not a whole number.
 * @example
 * parseRedisUrl('redis://10.0.0.5:6380/2')
 * // => { host: '10.0.0.5', port: 6380, db: 2 }
 */
export function parseRedisUrl(text: string): RedisAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badUrl(text, 'not a URL');
  }
  if (url.protocol !== 'redis:') throw badUrl(text, `the scheme must be redis:, not ${url.protocol}`);
  if (!url.hostname) throw badUrl(text, 'no host');
  const port = url.port === '' ? 6379 : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw badUrl(text, 'the port must be in [1, 65535]');
  const path = url.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d+$/.test(path)) throw badUrl(text, 'the database must be a whole number');
  const address: RedisAddress = { host: url.hostname.replace(/^\[|\]$/g, ''), port, db: path === '' ? 0 : Number(path) };
  if (url.username) address.username = decodeURIComponent(url.username);
  if (url.password) address.password = decodeURIComponent(url.password);
  return address;
}

/** BullMQ, loaded on first use, with a clear message when it is not installed. */
export async function loadBullmq(): Promise<typeof import('bullmq')> {
  try {
    return await import('bullmq');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error('runs on a queue need the optional packages bullmq and ioredis: npm install bullmq ioredis');
    }
    throw error;
  }
}

/** ioredis, loaded on first use. */
export async function loadIoredis(): Promise<typeof import('ioredis').Redis> {
  try {
    return (await import('ioredis')).Redis;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error('runs on a queue need the optional packages bullmq and ioredis: npm install bullmq ioredis');
    }
    throw error;
  }
}

/**
 * A Redis client connected to `address`, or an error naming the server when it cannot be
 * reached (after a few tries, instead of waiting for ever).
 */
export async function connectRedis(address: RedisAddress, url: string): Promise<import('ioredis').Redis> {
  const Redis = await loadIoredis();
  let connected = false;
  // a few tries to connect; once connected, reconnect for as long as it takes
  const retryStrategy = (times: number) => (connected ? Math.min(250 * times, 5000) : times > 3 ? null : 250 * times);
  const redis = new Redis({ ...address, lazyConnect: true, maxRetriesPerRequest: 3, retryStrategy });
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => void (lastError = error)); // reported by connect() below, or by the command that fails
  try {
    await redis.connect();
    connected = true;
  } catch (error) {
    redis.disconnect();
    throw new Error(`cannot reach the Redis server at ${url}: ${(lastError ?? (error as Error)).message}`);
  }
  return redis;
}

/** The Redis keys of one run: its input, its chunks' results, progress and errors. */
export function runKeys(runId: string): { input: string; results: string; progress: string; errors: string } {
  const base = `${KEY_PREFIX}:run:${runId}`;
  return { input: `${base}:input`, results: `${base}:results`, progress: `${base}:progress`, errors: `${base}:errors` };
}

/** How long a run's keys are kept in Redis after their last write (seconds): a week. */
export const RUN_KEY_TTL = 7 * 24 * 3600;
