/**
 * Assembles bench/wasm/denseMoves.wat with `wat2wasm` (the WebAssembly Binary Toolkit,
 * Debian package `wabt`) and checks that src/kernel/denseMovesWasm.ts embeds exactly those
 * bytes; with --write it puts them there.
 *
 * Usage: tsx bench/wasm/build.ts [--write]
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DENSE_MOVES_WASM } from '../../src/kernel/denseMovesWasm.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(HERE, 'denseMoves.wat');
const TARGET = join(HERE, '..', '..', 'src', 'kernel', 'denseMovesWasm.ts');

const dir = mkdtempSync(join(tmpdir(), 'chengzhen-wasm-'));
try {
  const out = join(dir, 'denseMoves.wasm');
  const run = spawnSync('wat2wasm', [SOURCE, '-o', out], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    process.stderr.write(`wat2wasm failed or is missing (apt-get install wabt): ${run.error?.message ?? run.stderr}\n`);
    process.exit(2);
  }
  const base64 = readFileSync(out).toString('base64');
  if (base64 === DENSE_MOVES_WASM) {
    process.stdout.write('src/kernel/denseMovesWasm.ts embeds bench/wasm/denseMoves.wat as assembled\n');
  } else if (process.argv.includes('--write')) {
    const text = readFileSync(TARGET, 'utf8').replace(/export const DENSE_MOVES_WASM =\n {2}'[^']*';/, `export const DENSE_MOVES_WASM =\n  '${base64}';`);
    writeFileSync(TARGET, text);
    process.stdout.write('updated src/kernel/denseMovesWasm.ts\n');
  } else {
    process.stdout.write('src/kernel/denseMovesWasm.ts differs from bench/wasm/denseMoves.wat: run with --write\n');
    process.exit(1);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
