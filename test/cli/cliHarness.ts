/** Runs the command line in-process with captured output, and writes scenario files for it. */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';

/** What one command line printed and returned. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `chengzhen ...args` and returns its exit code and output. */
export async function cli(args: string[]): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: false });
  return { code, stdout, stderr };
}

/** A temporary folder for scenario files, with its path hidden in messages as `<tmp>`. */
export function scratchFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'chengzhen-cli-'));
  return {
    dir,
    /** Writes `content` (a value to stringify, or raw text) to `name` and returns the path. */
    write(name: string, content: unknown): string {
      const path = join(dir, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return path;
    },
    /** `text` with the folder's path replaced by `<tmp>`. */
    hide(text: string): string {
      return text.split(dir).join('<tmp>');
    },
    remove(): void {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
