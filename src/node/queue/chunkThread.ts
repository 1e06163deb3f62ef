/** A worker thread of a queue worker: runs the chunks it is sent, one at a time. */

import { parentPort } from 'node:worker_threads';
import { ChengzhenError } from '../../errors.js';
import { runChunkNow, type ChunkTask } from './runChunk.js';

/** Progress is posted at most this often (milliseconds). */
const PROGRESS_EVERY = 200;

parentPort!.on('message', (task: ChunkTask) => {
  let last = 0;
  try {
    const result = runChunkNow(task, (done) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY) return;
      last = now;
      parentPort!.postMessage({ progress: done });
    });
    parentPort!.postMessage({ result });
  } catch (error) {
    const issues = error instanceof ChengzhenError ? error.issues : undefined;
    parentPort!.postMessage({ error: { message: (error as Error).message ?? String(error), issues } });
  }
});
