/**
 * Assembles bench/wasm/kernel.wat with `wat2wasm` (the WebAssembly Binary Toolkit, Debian
 * package `wabt`) and checks that the generated src/kernel/kernelWasm.ts holds exactly those
 * bytes; with --write it writes that file. The generated file is committed, so nothing at run,
 * test or build time needs `wat2wasm`.
 *
 * Usage: tsx bench/wasm/build.ts [--write]
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(HERE, 'kernel.wat');
const TARGET = join(HERE, '..', '..', 'src', 'kernel', 'kernelWasm.ts');

/** The generated module: a header and the bytes, base64, in one line. */
function generated(base64: string): string {
  return `/**
 * The kernel's WebAssembly module, assembled from bench/wasm/kernel.wat by bench/wasm/build.ts
 * (generated: edit the .wat and run \`npx tsx bench/wasm/build.ts --write\`). It exports \`dense\`
 * (dense moves, src/kernel/denseMovesWasm.ts) and \`step\` (a year step, src/kernel/stepWasm.ts)
 * and imports its memory as \`env.memory\`.
 */

/** The assembled module bench/wasm/kernel.wat, base64. */
export const KERNEL_WASM =
  '${base64}';
`;
}

const dir = mkdtempSync(join(tmpdir(), 'chengzhen-wasm-'));
try {
  const out = join(dir, 'kernel.wasm');
  const run = spawnSync('wat2wasm', [SOURCE, '-o', out], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    process.stderr.write(`wat2wasm failed or is missing (apt-get install wabt): ${run.error?.message ?? run.stderr}\n`);
    process.exit(2);
  }
  const text = generated(readFileSync(out).toString('base64'));
  if (existsSync(TARGET) && readFileSync(TARGET, 'utf8') === text) {
    process.stdout.write('src/kernel/kernelWasm.ts holds bench/wasm/kernel.wat as assembled\n');
  } else if (process.argv.includes('--write')) {
    writeFileSync(TARGET, text);
    process.stdout.write('wrote src/kernel/kernelWasm.ts\n');
  } else {
    process.stdout.write('src/kernel/kernelWasm.ts differs from bench/wasm/kernel.wat: run with --write\n');
    process.exit(1);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
