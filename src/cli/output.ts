/** Output of CLI commands: standard output, or a file written atomically with `--out`. */

import { ChengzhenError } from '../errors.js';
import { writeFileAtomic } from '../node/writeFileAtomic.js';
import type { CliIO } from './command.js';

/**
 * Builds a command's output text, turning JavaScript's "Invalid string length" (a text of more
 * than about 512 million characters) into a clear error instead of a failure.
 *
 * @throws {ChengzhenError} `too_large` naming the command.
 * @example
 * outputText('run', () => 'year,region\n')
 * // => 'year,region\n'
 */
export function outputText(command: string, build: () => string): string {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof RangeError) || !/string length/i.test(error.message)) throw error;
    throw new ChengzhenError([
      {
        code: 'too_large',
        path: [],
        message: `the output of ${command} is longer than the longest text JavaScript can hold (about 512 million characters): write fewer years or regions`,
        expected: 'an output of at most about 512 million characters',
        received: 'more',
      },
    ]);
  }
}

/** Writes `text` to the file `out`, or to standard output when no file is given. */
export async function writeOutput(text: string, out: string | undefined, io: CliIO): Promise<void> {
  if (out === undefined || out === '-') {
    io.stdout(text);
    return;
  }
  await writeFileAtomic(out, text);
  io.stderr(`wrote ${out}\n`);
}
