/** A progress bar on standard error, drawn only when it is a terminal. */

import type { CliIO } from './command.js';

/** A bar for `total` steps: `update(done)` redraws at most every 1 %; `done()` ends the line. */
export function progressBar(io: CliIO, total: number): { update: (done: number) => void; done: () => void } {
  if (!io.stderrIsTTY) return { update: () => {}, done: () => {} };
  let shown = -1;
  const width = 30;
  return {
    update(done: number) {
      const percent = Math.floor((100 * done) / total);
      if (percent === shown) return;
      shown = percent;
      const filled = Math.round((width * done) / total);
      io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% (${done}/${total})`);
    },
    done() {
      io.stderr('\n');
    },
  };
}
