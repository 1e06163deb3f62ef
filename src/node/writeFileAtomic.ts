/**
 * Writes a file so that it is never seen half-written: the text goes to a temporary file in
 * the same folder, which is then renamed over the target in one step. An interrupted run
 * leaves either the old file or the new one.
 */

import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `path` atomically (temporary file, then rename).
 *
 * @example
 * await writeFileAtomic('result.json', JSON.stringify(doc));
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
