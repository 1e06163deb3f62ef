/**
 * Writes a file so that it is never seen half-written: the text goes to a temporary file in
 * the same folder, is flushed to the disk, and the temporary file is then renamed over the
 * target in one step. An interrupted run leaves either the old file or the new one (and, if
 * it was killed while writing, a stray `.NAME.PID.RANDOM.tmp` beside it).
 */

import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `path` atomically (temporary file, flush, then rename).
 *
 * @example
 * await writeFileAtomic('result.json', JSON.stringify(doc));
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(text);
      // flushed before the rename, so that a crash of the machine cannot leave the new name on an empty file
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
