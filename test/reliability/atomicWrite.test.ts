/**
 * Files the command line writes: every write goes through writeFileAtomic (a temporary file in
 * the same folder, then one rename), so a run that is killed leaves the target holding either
 * its old content or the complete new one. The kill test spawns the built CLI (`dist/cli.js`;
 * skipped when it is not built, CI builds first) and kills it with SIGKILL at several moments,
 * among them the moment its temporary file appears.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/node/writeFileAtomic.js';
import { cli } from '../cli/cliHarness.js';
import { validKernelDoc, validScenario } from './badInputCases.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'chengzhen-write-'));
}

/** The temporary files writeFileAtomic leaves for `name` when it is stopped before renaming. */
function strayTemporaries(dir: string, name: string): string[] {
  return readdirSync(dir).filter((file) => file.startsWith(`.${name}.`) && file.endsWith('.tmp'));
}

describe('the command line writes files only through writeFileAtomic', () => {
  /** Source files of the command line and of node/, with their text. */
  function sources(): { file: string; text: string }[] {
    const dirs = ['cli', 'cli/commands', 'node'];
    return dirs.flatMap((dir) =>
      readdirSync(join(SRC, dir))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(SRC, dir, f), 'utf8') })),
    );
  }

  it('no command calls a file-writing function of node:fs itself', () => {
    const writers = /\b(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|copyFile|copyFileSync|open|openSync|rename|renameSync|truncate|truncateSync)\b/;
    const offenders = sources().filter(({ file, text }) => {
      if (file === 'node/writeFileAtomic.ts') return false;
      const fsImports = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'node:fs(?:\/promises)?'/g)].map((m) => m[1]);
      return fsImports.some((names) => writers.test(names)) || /from\s*'node:fs(?:\/promises)?'/.test(text.replace(/import\s*\{[^}]*\}\s*from\s*'node:fs(?:\/promises)?'/g, ''));
    });
    expect(offenders.map((o) => o.file)).toEqual([]);
  });

  it('every command with --out writes through writeOutput or writeFileAtomic', () => {
    const commands = sources().filter(({ file, text }) => file.startsWith('cli/commands/') && /\bout:\s*\{\s*type:\s*'string'/.test(text));
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const { file, text } of commands) expect(/\b(writeOutput|writeFileAtomic)\(/.test(text), file).toBe(true);
  });
});

describe('writeFileAtomic(path, text)', () => {
  const dir = folder();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces an existing file and leaves no temporary file', async () => {
    const target = join(dir, 'result.json');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new content');
    expect(readFileSync(target, 'utf8')).toBe('new content');
    expect(strayTemporaries(dir, 'result.json')).toEqual([]);
  });

  it('rejects when the folder does not exist, creating nothing', async () => {
    const target = join(dir, 'missing', 'result.json');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(/ENOENT/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('removes its temporary file when the rename fails (the target is a folder)', async () => {
    const target = join(dir, 'taken');
    mkdirSync(target);
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(strayTemporaries(dir, 'taken')).toEqual([]);
  });
});

describe('chengzhen COMMAND --out FILE over an existing FILE', () => {
  const dir = folder();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['run', 'csv'],
    ['run', 'json'],
    ['kernel', 'json'],
    ['schema', 'json'],
  ])('chengzhen %s (%s) replaces the whole file and leaves no temporary file', async (command, format) => {
    const target = join(dir, `${command}-${format}.out`);
    writeFileSync(target, 'old content that is longer than nothing\n'.repeat(1000));
    const args =
      command === 'run'
        ? ['run', writeInput(dir, 'scenario.json', validScenario()), '--format', format]
        : command === 'kernel'
          ? ['kernel', writeInput(dir, 'kernel.json', validKernelDoc())]
          : ['schema'];
    const toFile = await cli([...args, '--out', target]);
    const toStdout = await cli(args);
    expect(toFile.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(toStdout.stdout);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

function writeInput(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** A scenario of `regions` census regions over `years` years: a CSV of several megabytes. */
function largeScenario(regions: number, years: number): unknown {
  const ids = Array.from({ length: regions }, (_, i) => `r${i}`);
  return {
    name: 'many regions',
    baseYear: 2020,
    endYear: 2020 + years,
    regions: ids.map((id) => ({ id, nameEn: id, nameZh: id })),
    base: Object.fromEntries(ids.map((id) => [id, { population: { census2020: 'Henan', scaleToTotal: 1e6 }, residentUrbanisationRate: 0.55, hukouUrbanisationRate: 0.35 }])),
    migration: { ruralToUrbanRate: 0.02, returnRate: 0.005 },
    hukou: { conversionRate: 0.03 },
  };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  milliseconds: number;
}

/** Runs the built CLI; `kill(child, dir)` may stop it. */
function runBuilt(args: string[], kill?: (stop: () => void) => () => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    const cancel = kill?.(() => child.kill('SIGKILL'));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      cancel?.();
      resolve({ code, signal, milliseconds: Date.now() - started });
    });
  });
}

describe.skipIf(!existsSync(CLI))('node dist/cli.js run SCENARIO --format csv --out FILE, killed midway', () => {
  const dir = folder();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves FILE with its old content or the complete new one, never a part', async ({ annotate }) => {
    const scenario = writeInput(dir, 'many.json', largeScenario(100, 30));
    const reference = join(dir, 'reference.csv');
    const full = await runBuilt(['run', scenario, '--format', 'csv', '--out', reference]);
    expect(full.code).toBe(0);
    const NEW = readFileSync(reference, 'utf8');
    const OLD = 'year,region,indicator,value,unit\nold,content,kept,0,persons\n';
    expect(NEW.length).toBeGreaterThan(1_000_000);

    const target = join(dir, 'out.csv');
    const outcomes: string[] = [];
    const check = async (label: string, kill: (stop: () => void) => () => void) => {
      writeFileSync(target, OLD);
      for (const stray of strayTemporaries(dir, 'out.csv')) rmSync(join(dir, stray));
      const run = await runBuilt(['run', scenario, '--format', 'csv', '--out', target], kill);
      const content = readFileSync(target, 'utf8');
      const kept = content === OLD ? 'old' : content === NEW ? 'new' : `a part (${content.length} of ${NEW.length} characters)`;
      const strays = strayTemporaries(dir, 'out.csv').length;
      outcomes.push(`${label}: ${run.signal ?? `exit ${run.code}`}, target ${kept}, ${strays} temporary file${strays === 1 ? '' : 's'} left`);
      expect(kept === 'old' || kept === 'new', outcomes.at(-1)).toBe(true);
      return run;
    };

    // kills at fractions of a full run's duration (taken from this machine, not asserted)
    const runs: Run[] = [];
    for (const fraction of [0.2, 0.5, 0.8, 0.97]) {
      const delay = Math.round(fraction * full.milliseconds);
      runs.push(
        await check(`killed after ${delay} ms`, (stop) => {
          const timer = setTimeout(stop, delay);
          return () => clearTimeout(timer);
        }),
      );
    }
    // kills the moment the temporary file appears, while the new content is being written
    for (let i = 0; i < 2; i++) {
      runs.push(
        await check(`killed when the temporary file appeared (${i + 1})`, (stop) => {
          const timer = setInterval(() => {
            if (strayTemporaries(dir, 'out.csv').length > 0) {
              stop();
              clearInterval(timer);
            }
          }, 1);
          return () => clearInterval(timer);
        }),
      );
    }
    await annotate(outcomes.join('\n'));
    // the test kills runs in progress, not only finished ones
    expect(runs.filter((r) => r.signal === 'SIGKILL').length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
