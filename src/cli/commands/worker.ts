/** `chengzhen worker --queue redis://HOST:PORT`: runs the chunks of queued simulations. */

import { parseArgs } from 'node:util';
import type { QueueRunOptions } from '../../node/queue/submit.js';
import { UsageError, type CliIO, type Command } from '../command.js';
import { progressBar } from '../progress.js';

function wholeOption(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, received ${text}`);
  return Number(text);
}

/**
 * Runs `run` with the options of a queued run for the command line: the chunks queued and the
 * progress on standard error (a bar on a terminal, a line every 10 % otherwise), and Ctrl-C
 * dropping the chunks not yet taken.
 */
export async function onQueue<T>(io: CliIO, url: string, chunkSize: number | undefined, run: (queue: QueueRunOptions) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const interrupt = () => abort.abort(new Error('interrupted: the chunks not yet taken were removed from the queue'));
  process.once('SIGINT', interrupt);
  let bar: ReturnType<typeof progressBar> | undefined;
  let tenth = -1;
  try {
    const result = await run({
      url,
      chunkSize,
      signal: abort.signal,
      onQueued: (chunks, runId) => io.stderr(`queued ${chunks} ${chunks === 1 ? 'chunk' : 'chunks'} on ${url} (run ${runId}); waiting for workers\n`),
      onProgress: (done, total) => {
        if (io.stderrIsTTY) {
          bar ??= progressBar(io, total);
          bar.update(done);
        } else if (Math.floor((10 * done) / total) > tenth) {
          tenth = Math.floor((10 * done) / total);
          io.stderr(`${done}/${total} done (${Math.floor((100 * done) / total)} %)\n`);
        }
      },
    });
    bar?.done();
    return result;
  } finally {
    process.off('SIGINT', interrupt);
  }
}

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Run the chunks of simulations queued on Redis (simulate --queue), on any machine',
  help: `Usage: chengzhen worker --queue redis://HOST:PORT [--concurrency N] [--until-empty] [--lock-duration MS] [--stalled-interval MS]

Takes chunks of the simulations submitted with 'simulate --queue' from a Redis server and runs
them, each on a thread of its own; start any number of workers on any number of machines that
reach the server. Jobs carry the scenario and the options, so workers need no files, only the
same version of chengzhen. A log line is written on standard error per chunk started and done.

SIGTERM or SIGINT (Ctrl-C) stops taking chunks and exits once the chunks in progress are done;
a second signal exits at once. A worker that dies mid-chunk has its chunk run again by another
worker once its lock expires (--lock-duration), with the same result.

Options:
  --queue URL            the Redis server: redis://HOST:PORT, redis://:PASSWORD@HOST:PORT/DB
  --concurrency N        chunks at once, each on its own thread (default 1; one per core is
                         the most that helps)
  --until-empty          exit once the queue is empty (default: wait for chunks)
  --lock-duration MS     how long a chunk's lock lasts unless renewed (default 30000): a dead
                         worker's chunk runs again after about this long
  --stalled-interval MS  how often to look for chunks of dead workers (default 30000)

When it stops, it prints the chunks and draws it ran on standard output. The example needs a
Redis server on 127.0.0.1:6379 (docs/distributed.md).

Example:
  chengzhen worker --queue redis://127.0.0.1:6379 --until-empty`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        queue: { type: 'string' },
        concurrency: { type: 'string' },
        'until-empty': { type: 'boolean', default: false },
        'lock-duration': { type: 'string' },
        'stalled-interval': { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    });
    if (positionals.length > 0) throw new UsageError('worker takes no arguments, only options');
    if (values.queue === undefined) throw new UsageError('worker needs --queue redis://HOST:PORT');
    const concurrency = wholeOption('concurrency', values.concurrency, 1);
    const lockDuration = wholeOption('lock-duration', values['lock-duration'], 100);
    const stalledInterval = wholeOption('stalled-interval', values['stalled-interval'], 100);
    const { startQueueWorker } = await import('../../node/queue/worker.js');
    const worker = await startQueueWorker({
      url: values.queue,
      concurrency,
      lockDuration,
      stalledInterval,
      untilEmpty: values['until-empty'],
      log: (line) => io.stderr(`${new Date().toISOString()} ${line}\n`),
    });
    io.stderr(`${new Date().toISOString()} worker on ${values.queue}: ${concurrency ?? 1} at once; waiting for chunks\n`);
    let signals = 0;
    const stop = (signal: NodeJS.Signals) => {
      signals++;
      if (signals === 1) {
        io.stderr(`${new Date().toISOString()} ${signal}: stopping once the chunks in progress are done (send it again to stop now)\n`);
        void worker.close();
      } else {
        io.stderr(`${new Date().toISOString()} ${signal}: stopping now; the chunks in progress go back to the queue when their locks expire\n`);
        void worker.close(true);
        // closing needs Redis: if it is out of reach, leave anyway
        setTimeout(() => process.exit(130), 2000).unref();
      }
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    try {
      const { chunks, items } = await worker.stopped;
      io.stdout(`${chunks} ${chunks === 1 ? 'chunk' : 'chunks'} run (${items} draws)\n`);
    } finally {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
    }
  },
};
