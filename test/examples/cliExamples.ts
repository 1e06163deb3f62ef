/** Runs command lines as the help texts and the README show them, from the repository root. */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '../cli/cliHarness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The words of a shell command line: split at blanks, "double quoted" words kept whole. */
export function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/**
 * Runs an example command line (without its leading `chengzhen`) from the repository root,
 * with `--out FILE` moved into `scratch`; returns the outcome and what was written.
 */
export async function runExample(line: string, scratch: string): Promise<{ code: number; stdout: string; stderr: string; written: string }> {
  const words = shellWords(line.replace(/^(npx )?chengzhen /, ''));
  const at = words.indexOf('--out');
  if (at >= 0) words[at + 1] = join(scratch, words[at + 1]);
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const outcome = await cli(words);
    return { ...outcome, written: at >= 0 && existsSync(words[at + 1]) ? readFileSync(words[at + 1], 'utf8') : '' };
  } finally {
    process.chdir(cwd);
  }
}

