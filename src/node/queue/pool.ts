/**
 * The threads of a queue worker: one per job it runs at a time, kept for its life (so each
 * plans a run once). The worker's own thread only talks to Redis, so job locks are renewed
 * however long a chunk takes. Without the built thread script (running from sources), chunks
 * run in the worker's own thread, letting the event loop run between items.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ChengzhenError, type ChengzhenIssue } from '../../errors.js';
import { runChunkYielding, type ChunkTask } from './runChunk.js';

/** The thread script beside the built module, or null when running from sources. */
function threadScript(): URL | null {
  const url = new URL('./queueThread.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

interface ThreadReply {
  progress?: number;
  result?: string;
  error?: { message: string; issues?: ChengzhenIssue[] };
}

/** Runs chunks on up to `size` threads at once. */
export class ChunkPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly script: URL | null;

  constructor(private readonly size: number) {
    this.script = threadScript();
    // started now, so that they have loaded the library before the first chunk comes
    if (this.script !== null) for (let i = 0; i < size; i++) this.idle.push(this.spawn(this.script));
  }

  /** True when chunks run on threads of their own. */
  get threaded(): boolean {
    return this.script !== null;
  }

  /** Runs a chunk and returns its encoded pieces; rejects with a ChengzhenError for a bad input. */
  async run(task: ChunkTask, onProgress: (done: number) => void): Promise<string> {
    if (this.script === null) return runChunkYielding(task, onProgress);
    if (this.all.size >= this.size && this.idle.length === 0) throw new Error('more chunks at once than threads');
    const thread = this.idle.pop() ?? this.spawn(this.script);
    return new Promise<string>((resolve, reject) => {
      const cleanup = () => {
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
      };
      const onMessage = (reply: ThreadReply) => {
        if (reply.progress !== undefined) {
          onProgress(reply.progress);
          return;
        }
        cleanup();
        this.idle.push(thread);
        if (reply.result !== undefined) resolve(reply.result);
        else if (reply.error?.issues) reject(new ChengzhenError(reply.error.issues));
        else reject(new Error(reply.error?.message ?? 'the chunk thread failed'));
      };
      const onError = (error: Error) => {
        cleanup();
        this.all.delete(thread);
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        this.all.delete(thread);
        reject(new Error(`the chunk thread stopped with exit code ${code}`));
      };
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.on('exit', onExit);
      thread.postMessage(task);
    });
  }

  private spawn(script: URL): Worker {
    const thread = new Worker(script);
    this.all.add(thread);
    // a thread that fails while idle is dropped (a failure mid-chunk rejects that chunk)
    thread.on('error', () => {});
    thread.once('exit', () => {
      this.all.delete(thread);
      const at = this.idle.indexOf(thread);
      if (at >= 0) this.idle.splice(at, 1);
    });
    return thread;
  }

  /** Stops every thread (a chunk still running is abandoned). */
  async close(): Promise<void> {
    const threads = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.allSettled(threads.map((t) => t.terminate()));
  }
}
