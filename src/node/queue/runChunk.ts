/**
 * Runs one chunk of a queued run, in a worker thread or (when the thread script is not built)
 * in the worker's own thread. Plans are kept per run, so a worker plans each run once.
 */

import { ChengzhenError } from '../../errors.js';
import { decode, encode } from './codec.js';
import { JOB_KINDS } from './kinds.js';

/** What a worker needs to run a chunk: the kind, the run (and its encoded input), the range. */
export interface ChunkTask {
  kind: string;
  runId: string;
  /** The run's input as {@link encode} wrote it. */
  input: string;
  from: number;
  to: number;
}

/** The plans of the runs seen last, newest last (a worker rarely has more than one run at a time). */
const plans = new Map<string, { input: unknown; plan: unknown }>();
const KEEP_PLANS = 4;

function planned(task: ChunkTask): { input: unknown; plan: unknown } {
  const kind = JOB_KINDS[task.kind];
  if (!kind) throw new ChengzhenError([{ code: 'invalid_value', path: ['kind'], message: `this worker cannot run jobs of kind ${JSON.stringify(task.kind)} (kinds: ${Object.keys(JOB_KINDS).join(', ')})`, received: task.kind }]);
  const key = `${task.kind}:${task.runId}`;
  let entry = plans.get(key);
  if (entry) {
    plans.delete(key);
  } else {
    const input = decode(task.input);
    entry = { input, plan: kind.plan(input) };
    if (plans.size >= KEEP_PLANS) plans.delete(plans.keys().next().value as string);
  }
  plans.set(key, entry);
  return entry;
}

/**
 * Runs a chunk at once and returns its pieces, encoded (one piece: the whole range).
 * `onProgress(done)` is called after each item.
 */
export function runChunkNow(task: ChunkTask, onProgress?: (done: number) => void): string {
  const { input, plan } = planned(task);
  return encode([JOB_KINDS[task.kind].run(plan, input, task.from, task.to, onProgress)]);
}

/**
 * Runs a chunk one item at a time, letting the event loop run between items (so the job's lock
 * is renewed), and returns its pieces, encoded (one piece per item: the summaries take chunks
 * in any order and of any size).
 */
export async function runChunkYielding(task: ChunkTask, onProgress?: (done: number) => void): Promise<string> {
  const { input, plan } = planned(task);
  const pieces: unknown[] = [];
  for (let i = task.from; i < task.to; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    pieces.push(JOB_KINDS[task.kind].run(plan, input, i, i + 1));
    onProgress?.(i + 1 - task.from);
  }
  return encode(pieces);
}
