/**
 * Writes a file so that it is never seen half-written: the text goes to a temporary file in
 * the same folder, is flushed to the disk, and the temporary file is then renamed over the
 * target in one step. An interrupted run leaves either the old file or the new one.
 *
 * What the target is decides how it is written:
 * - a symbolic link is followed: the file it points to is replaced, the link stays;
 * - a character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written
 *   through, never replaced; a write that fails there (`/dev/full`: ENOSPC) is a failure;
 * - a regular file with several hard links is rewritten in place, so that every link sees the
 *   new content (this write is not atomic);
 * - an existing regular file keeps its mode (and, where allowed, its owner);
 * - a block device, socket or folder is refused with a {@link ChengzhenError}.
 *
 * SIGINT and SIGTERM that arrive while a temporary file exists remove it; the signal then
 * takes its usual course (exit status 130 or 143) unless the program handles it itself. A run
 * killed with SIGKILL cannot remove its temporary file `.NAME.PID.RANDOM.tmp`.
 */

import { randomBytes } from 'node:crypto';
import { unlinkSync, type Stats } from 'node:fs';
import { lstat, open, readlink, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ChengzhenError } from '../errors.js';

/** The longest file name most file systems take, in bytes. */
const NAME_MAX = 255;

/** Symbolic links followed before giving up (as the kernel's ELOOP). */
const MAX_LINKS = 40;

/** Temporary files written at this moment, removed by the signal handlers. */
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const file of pending) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
  pending.clear();
  uninstall();
  // with no other handler, the signal ends the process as it would have without this one
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  if (pending.size === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

function track(file: string): void {
  install();
  pending.add(file);
}

function untrack(file: string): void {
  if (!pending.delete(file)) return;
  if (pending.size === 0) uninstall();
}

/**
 * The temporary name for `target`: `.NAME.PID.RANDOM.tmp` in the same folder, with NAME
 * shortened (on a character boundary) so that the whole name fits in 255 bytes.
 *
 * @example
 * temporaryName('/data/result.json', 42, 'ab12cd34')
 * // => '/data/.result.json.42.ab12cd34.tmp'
 */
export function temporaryName(target: string, pid: number, random: string): string {
  const suffix = `.${pid}.${random}.tmp`;
  let name = basename(target);
  const room = NAME_MAX - 1 - Buffer.byteLength(suffix);
  while (Buffer.byteLength(name) > room) name = [...name].slice(0, -1).join('');
  return join(dirname(target), `.${name}${suffix}`);
}

/** Follows symbolic links from `path` to the path they end at (which may not exist yet). */
async function followLinks(path: string): Promise<{ path: string; info: Stats | null }> {
  let current = resolve(path);
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    let info: Stats;
    try {
      info = await lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path: current, info: null };
      throw error;
    }
    if (!info.isSymbolicLink()) return { path: current, info };
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error(`too many symbolic links from ${path}`), { code: 'ELOOP' });
}

function refuse(path: string, what: string): ChengzhenError {
  return new ChengzhenError([{ code: 'io', path: [], message: `cannot write ${path}: it is ${what}; name a file, a character device or a FIFO`, received: what }]);
}

/** Writes into an existing file or device as it is: no temporary file, no rename. */
async function writeThrough(path: string, text: string | Uint8Array, truncate: boolean): Promise<void> {
  // r+ keeps a regular file's inode (and so its hard links); a device or FIFO is opened for writing only
  const handle = await open(path, truncate ? 'r+' : 'w');
  try {
    if (truncate) await handle.truncate(0);
    await handle.writeFile(text);
    if (truncate) await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `text` to `path` atomically (temporary file, flush, then rename), or through to a
 * character device or FIFO.
 *
 * @throws {ChengzhenError} `io` when `path` is a folder, a block device or a socket.
 * @throws the file system's error (ENOENT, EACCES, ENOSPC ...) when the write fails; the
 *   target is then unchanged and no temporary file is left.
 * @example
 * await writeFileAtomic('result.json', JSON.stringify(doc));
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const { path: target, info } = await followLinks(path);
  if (info !== null) {
    if (info.isDirectory()) throw refuse(path, 'a folder');
    if (info.isCharacterDevice() || info.isFIFO()) return writeThrough(target, text, false);
    if (!info.isFile()) throw refuse(path, info.isBlockDevice() ? 'a block device' : info.isSocket() ? 'a socket' : 'not a regular file');
    if (info.nlink > 1) return writeThrough(target, text, true);
  }
  const temporary = temporaryName(target, process.pid, randomBytes(4).toString('hex'));
  track(temporary);
  try {
    const handle = await open(temporary, 'wx', info === null ? 0o666 : info.mode & 0o7777);
    try {
      if (info !== null) {
        // the umask applied at creation: give the file the mode it had
        await handle.chmod(info.mode & 0o7777);
        await handle.chown(info.uid, info.gid).catch(() => {});
      }
      await handle.writeFile(text);
      // flushed before the rename, so that a crash of the machine cannot leave the new name on an empty file
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    untrack(temporary);
  }
}

