/** Output of CLI commands: standard output, or a file written atomically with `--out`. */

import { writeFileAtomic } from '../node/writeFileAtomic.js';
import type { CliIO } from './command.js';

/** Writes `text` to the file `out`, or to standard output when no file is given. */
export async function writeOutput(text: string, out: string | undefined, io: CliIO): Promise<void> {
  if (out === undefined || out === '-') {
    io.stdout(text);
    return;
  }
  await writeFileAtomic(out, text);
  io.stderr(`wrote ${out}\n`);
}
