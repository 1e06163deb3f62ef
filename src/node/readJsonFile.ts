/** Reads and parses a JSON file, turning every failure into a {@link ChengzhenError}. */

import { readFile, stat } from 'node:fs/promises';
import { ChengzhenError } from '../errors.js';

/**
 * The largest input file read, in bytes (a 3,000-region problem with per-year inputs is about 300 MB).
 *
 * @example
 * MAX_INPUT_BYTES
 * // => 1073741824
 */
export const MAX_INPUT_BYTES = 1024 * 1024 * 1024;

/**
 * Reads `path` as JSON.
 *
 * @throws {ChengzhenError} `io` when the file cannot be read or is not valid JSON.
 * @example
 * const doc = await readJsonFile('examples/kernel/two-regions.json');   // from the repository root
 * (doc as { format: string }).format
 * // => 'chengzhen-kernel/1'
 */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.size > MAX_INPUT_BYTES) {
      throw new ChengzhenError([
        { code: 'too_large', path: [], message: `${path} is ${info.size} bytes, more than the ${MAX_INPUT_BYTES} allowed`, received: String(info.size) },
      ]);
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ChengzhenError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ChengzhenError([{ code: 'io', path: [], message: `cannot read ${path}: ${reason}` }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ChengzhenError([{ code: 'invalid_type', path: [], message: `${path} is not valid JSON: ${(error as Error).message}` }]);
  }
}
