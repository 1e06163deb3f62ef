/**
 * Every command the README shows in a ```sh block that calls the command line (`npx chengzhen`
 * or `chengzhen`) runs from the repository root: exit 0, with a result printed or written.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runExample } from './cliExamples.js';

const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

/** The lines of ```sh blocks in `markdown` that call chengzhen, without trailing comments. */
function readmeCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => /^(npx )?chengzhen /.test(line));
}

describe('readmeCommands(markdown)', () => {
  it('reads the chengzhen lines of sh blocks only, without comments', () => {
    const markdown = '```sh\nnpm ci\nnpx chengzhen presets   # list\n```\n\n```\nchengzhen run X\n```\n```sh\nchengzhen schema\n```\n';
    expect(readmeCommands(markdown)).toEqual(['npx chengzhen presets', 'chengzhen schema']);
  });

  it('finds the README commands', () => {
    expect(readmeCommands(README).length).toBeGreaterThanOrEqual(2);
  });
});

describe('README.md commands', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'chengzhen-readme-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(readmeCommands(README).map((line) => [line]))('%s exits 0 and prints or writes its result', async (line) => {
    const outcome = await runExample(line, scratch);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect((outcome.stdout + outcome.written).length).toBeGreaterThan(0);
  }, 300_000);
});
