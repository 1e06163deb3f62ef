/**
 * Reads and parses a JSON document from a file, a device or a stream, with memory and time
 * bounded whatever comes in: reading stops at {@link MAX_INPUT_BYTES}, and every chunk is
 * scanned as it arrives (values, items of one array and nesting counted, see `jsonScanner`),
 * so `JSON.parse` only ever sees a text whose size is known to be safe. Every failure is a
 * {@link ChengzhenError}.
 */

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ChengzhenError } from '../errors.js';
import { jsonScanner, type JsonScanLimits } from '../io/jsonScanner.js';
import { LIMITS } from '../limits.js';

/**
 * The largest document read, in bytes: `LIMITS.maxDocumentBytes`, just under the longest
 * string JavaScript holds.
 *
 * @example
 * MAX_INPUT_BYTES
 * // => 536805376
 */
export const MAX_INPUT_BYTES = LIMITS.maxDocumentBytes;

/** Bounds of one read: bytes, and those of the scan (values, array items, depth). */
export interface ReadJsonOptions extends JsonScanLimits {
  /** Bytes read at most (default and ceiling: {@link MAX_INPUT_BYTES}). */
  maxBytes?: number;
}

function ioError(message: string): ChengzhenError {
  return new ChengzhenError([{ code: 'io', path: [], message }]);
}

function named(name: string, issue: ChengzhenError['issues'][number]): ChengzhenError {
  return new ChengzhenError([{ ...issue, message: `${name}: ${issue.message}` }]);
}

/**
 * Reads a JSON document from `stream` (a file, a device, standard input), named `name` in
 * messages. The stream is destroyed as soon as a bound is passed.
 *
 * @throws {ChengzhenError} `too_large` past a bound, `invalid_type` for bytes that are not JSON,
 *   `io` when the stream fails.
 * @example
 * await readJsonStream([new TextEncoder().encode('{"a": [1, '), new TextEncoder().encode('2]}')], 'two chunks')
 * // => { a: [1, 2] }
 */
export async function readJsonStream(stream: (AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>) & { destroy?: () => void }, name: string, options: ReadJsonOptions = {}): Promise<unknown> {
  const maxBytes = Math.min(options.maxBytes ?? MAX_INPUT_BYTES, MAX_INPUT_BYTES);
  const scan = jsonScanner(options);
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const piece of stream) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      bytes += chunk.length;
      if (bytes > maxBytes) {
        throw new ChengzhenError([
          { code: 'too_large', path: [], message: `${name} holds more than the ${maxBytes} bytes allowed (LIMITS.maxDocumentBytes); stopped reading`, expected: `at most ${maxBytes} bytes`, received: 'more' },
        ]);
      }
      const problem = scan.push(chunk);
      if (problem) throw named(name, problem);
      chunks.push(chunk);
    }
  } catch (error) {
    stream.destroy?.();
    if (error instanceof ChengzhenError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw ioError(`cannot read ${name}: ${reason}`);
  }
  const text = Buffer.concat(chunks, bytes).toString('utf8');
  chunks.length = 0;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ChengzhenError([{ code: 'invalid_type', path: [], message: `${name} is not valid JSON: ${(error as Error).message}` }]);
  }
}

/**
 * Reads `path` as JSON: a file, a device or a FIFO (`-` for standard input).
 *
 * @throws {ChengzhenError} `io` when the file cannot be read, `too_large` past a bound,
 *   `invalid_type` when it is not valid JSON.
 * @example
 * const doc = await readJsonFile('examples/kernel/two-regions.json');   // from the repository root
 * (doc as { format: string }).format
 * // => 'chengzhen-kernel/1'
 */
export async function readJsonFile(path: string, options: ReadJsonOptions = {}): Promise<unknown> {
  if (path === '-') return readJsonStream(process.stdin, 'standard input', options);
  const maxBytes = Math.min(options.maxBytes ?? MAX_INPUT_BYTES, MAX_INPUT_BYTES);
  try {
    const info = await stat(path);
    // a regular file's size is known before a byte is read; devices and FIFOs are bounded as they are read
    if (info.isFile() && info.size > maxBytes) {
      throw new ChengzhenError([
        { code: 'too_large', path: [], message: `${path} is ${info.size} bytes, more than the ${maxBytes} allowed`, expected: `at most ${maxBytes} bytes`, received: String(info.size) },
      ]);
    }
  } catch (error) {
    if (error instanceof ChengzhenError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw ioError(`cannot read ${path}: ${reason}`);
  }
  return readJsonStream(createReadStream(path, { highWaterMark: 1 << 20 }), path, options);
}
