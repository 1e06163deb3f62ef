/**
 * A Redis server of a test's own: Debian's redis-server on a free loopback port, in a temporary
 * folder, with nothing persisted; stopped (and the folder removed) by `stop()`. `startRedis()`
 * returns null, with the reason, when redis-server is not installed (`apt-get install
 * redis-server`; `.ci/run` installs it).
 */

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Why there is no redis-server, or null when there is one. */
export const NO_REDIS: string | null =
  spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0 ? null : 'redis-server is not installed (apt-get install redis-server): the queue tests are skipped';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function startOn(port: number, dir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'notice'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (data: Buffer) => {
      output += data.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (data: Buffer) => void (output += data.toString()));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code}: ${output}`)));
    // not ready in time (the port was taken, a slow machine): stopped, so that no server is left behind
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server was not ready after 30 s: ${output}`));
    }, 30_000).unref();
  });
}

/** Starts a Redis server on 127.0.0.1 (retrying on another port if the chosen one was taken). */
export async function startRedis(): Promise<TestRedis | null> {
  if (NO_REDIS !== null) return null;
  const dir = mkdtempSync(join(tmpdir(), 'chengzhen-redis-'));
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    try {
      const child = await startOn(port, dir);
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        stop: () =>
          new Promise<void>((resolve) => {
            const done = () => {
              rmSync(dir, { recursive: true, force: true });
              resolve();
            };
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      };
    } catch (error) {
      lastError = error;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError;
}
