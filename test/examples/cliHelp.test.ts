/**
 * The command line as a new user meets it: `chengzhen --help` lists every command, and every
 * command's `--help` (and `-h`) starts with a usage line and ends with an `Example:` section
 * whose commands name files and presets that exist, and run: each exits 0 and prints or
 * writes its result (files named by `--out` go to a scratch folder).
 */

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from '../../src/cli/main.js';
import { PRESETS } from '../../src/index.js';
import { startQueueWorker, type QueueWorker } from '../../src/node/queue/worker.js';
import { NO_REDIS, startRedis, type TestRedis } from '../queue/redisServer.js';
import { runExample, shellWords } from './cliExamples.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: false });
  return { code, stdout, stderr };
}

/** The command lines of a help text's `Example:` section (indented lines after it). */
function exampleLines(help: string): string[] {
  const lines = help.split('\n');
  const start = lines.findIndex((line) => /^Examples?:$/.test(line));
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!/^\s+\S/.test(line)) break;
    out.push(line.trim());
  }
  return out;
}

describe('chengzhen --help', () => {
  it('lists every command with its summary and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: chengzhen COMMAND [options]');
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^ {2}${command.name} +${command.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(stdout).toContain('Exit codes: 0 success, 1 failure, 2 bad input.');
  });

  it('exampleLines(help) reads the indented lines after "Example:"', () => {
    expect(exampleLines('Usage: x\n\nExample:\n  chengzhen a\n  chengzhen b\n\nmore')).toEqual(['chengzhen a', 'chengzhen b']);
    expect(exampleLines('Usage: x')).toEqual([]);
  });
});

const scratch = mkdtempSync(join(tmpdir(), 'chengzhen-examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Examples on a queue name a Redis server on 127.0.0.1:6379: they run against a redis-server
 * of the test's own (on a free port, with a worker), or are skipped, saying so, when
 * redis-server is not installed.
 */
const QUEUE_URL = 'redis://127.0.0.1:6379';
let queue: { redis: TestRedis; worker: QueueWorker } | null = null;
async function onTestQueue(line: string): Promise<string | null> {
  if (!line.includes(QUEUE_URL)) return line;
  if (NO_REDIS !== null) {
    console.warn(`${line}: skipped: ${NO_REDIS}`);
    return null;
  }
  if (queue === null) {
    const redis = (await startRedis()) as TestRedis;
    queue = { redis, worker: await startQueueWorker({ url: redis.url }) };
  }
  return line.replaceAll(QUEUE_URL, queue.redis.url);
}
afterAll(async () => {
  if (queue === null) return;
  await queue.worker.close();
  await queue.worker.stopped;
  await queue.redis.stop();
});

describe('shellWords(line)', () => {
  it('splits at blanks and keeps quoted words whole', () => {
    expect(shellWords('chengzhen simulate x --uncertain "a=normal(1, 2)" --out r.json')).toEqual(['chengzhen', 'simulate', 'x', '--uncertain', 'a=normal(1, 2)', '--out', 'r.json']);
  });
});

describe.each(COMMANDS.map((c) => [c.name]))('chengzhen %s --help', (name) => {
  it('starts with a usage line and has an Example: section of runnable commands', async () => {
    const { code, stdout, stderr } = await cli([name, '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: chengzhen ${name}( |$)`));
    const examples = exampleLines(stdout);
    expect(examples.length, `chengzhen ${name} --help has no Example: section`).toBeGreaterThan(0);
    for (const line of examples) {
      expect(line.startsWith('chengzhen ')).toBe(true);
      const words = line.split(/\s+/);
      words.forEach((word, i) => {
        // input files must exist in the repository; preset ids must be presets
        if (word.endsWith('.json') && words[i - 1] !== '--out') expect(existsSync(join(ROOT, word)), `${line}: ${word} is not in the repository`).toBe(true);
        if (/^[a-z]+-\d{4}(-\d{4})?(-trend)?$/.test(word)) expect(PRESETS.map((p) => p.id)).toContain(word);
      });
    }
    expect(examples.some((line) => line.startsWith(`chengzhen ${name}`))).toBe(true);
  });

  it('runs every command of its Example: section: exit 0, a result printed or written', async () => {
    const { stdout } = await cli([name, '--help']);
    for (const example of exampleLines(stdout)) {
      const line = await onTestQueue(example);
      if (line === null) continue;
      const outcome = await runExample(line, scratch);
      expect(outcome.code, `${line}\n${outcome.stderr}`).toBe(0);
      expect((outcome.stdout + outcome.written).length, line).toBeGreaterThan(0);
    }
  }, 300_000);

  it('prints the same help for -h', async () => {
    const long = await cli([name, '--help']);
    const short = await cli([name, '-h']);
    expect(short).toEqual(long);
  });
});
