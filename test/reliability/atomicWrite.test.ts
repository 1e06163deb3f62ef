/**
 * Files the command line writes: every write goes through writeFileAtomic (a temporary file in
 * the same folder, then one rename), so a run that is killed leaves the target holding either
 * its old content or the complete new one. The kill test spawns the built CLI (`dist/cli.js`;
 * skipped when it is not built, CI builds first) and kills it with SIGKILL at several moments,
 * among them the moment its temporary file appears.
 */

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, createReadStream, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { temporaryName, writeFileAtomic } from '../../src/node/writeFileAtomic.js';
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

describe('writeFileAtomic(path, text) onto what is already there', () => {
  const dir = folder();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows a symbolic link and replaces the file it points to, keeping the link', async () => {
    const real = join(dir, 'real.csv');
    const link = join(dir, 'link.csv');
    writeFileSync(real, 'old');
    symlinkSync('real.csv', link);
    await writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.csv');
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('follows a dangling symbolic link to the file it names, creating it', async () => {
    const link = join(dir, 'dangling.csv');
    symlinkSync('created.csv', link);
    await writeFileAtomic(link, 'made');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'created.csv'), 'utf8')).toBe('made');
  });

  it("keeps an existing file's mode (0600 stays 0600, 0640 stays 0640)", async () => {
    for (const mode of [0o600, 0o640]) {
      const target = join(dir, `mode-${mode.toString(8)}.txt`);
      writeFileSync(target, 'old');
      chmodSync(target, mode);
      await writeFileAtomic(target, 'new');
      expect(statSync(target).mode & 0o777).toBe(mode);
      expect(readFileSync(target, 'utf8')).toBe('new');
    }
  });

  it('rewrites a file with several hard links in place, so that every link sees the new content', async () => {
    const first = join(dir, 'linked-a.txt');
    const second = join(dir, 'linked-b.txt');
    writeFileSync(first, 'old content, longer than the new');
    linkSync(first, second);
    await writeFileAtomic(first, 'new');
    expect(readFileSync(first, 'utf8')).toBe('new');
    expect(readFileSync(second, 'utf8')).toBe('new');
    expect(statSync(first).ino).toBe(statSync(second).ino);
    expect(statSync(first).nlink).toBe(2);
  });

  it('writes through to a character device (/dev/null stays a device)', async () => {
    await writeFileAtomic('/dev/null', 'nothing');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((f) => f.startsWith('.null.'))).toEqual([]);
  });

  it('writes through to a FIFO that a reader drains, and the FIFO stays a FIFO', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = new Promise<string>((resolve, reject) => {
      let text = '';
      createReadStream(fifo, 'utf8')
        .on('data', (chunk) => void (text += chunk))
        .on('end', () => resolve(text))
        .on('error', reject);
    });
    await writeFileAtomic(fifo, 'through the pipe');
    expect(await reader).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('rejects ENOSPC on /dev/full', async () => {
    await expect(writeFileAtomic('/dev/full', 'x'.repeat(100_000))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('refuses a folder, naming what it is', async () => {
    const error = await writeFileAtomic(dir, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChengzhenError);
    expect((error as ChengzhenError).message).toBe(`cannot write ${dir}: it is a folder; name a file, a character device or a FIFO`);
  });

  it('writes a target whose name is 250 characters long (the temporary name still fits in 255 bytes)', async () => {
    for (const name of ['a'.repeat(250), '城'.repeat(84)]) {
      const target = join(dir, name);
      await writeFileAtomic(target, 'long');
      expect(readFileSync(target, 'utf8')).toBe('long');
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('temporaryName(target, pid, random)', () => {
  it('is .NAME.PID.RANDOM.tmp beside the target', () => {
    expect(temporaryName('/data/result.json', 42, 'ab12cd34')).toBe('/data/.result.json.42.ab12cd34.tmp');
  });

  it('shortens NAME on a character boundary so that the name fits in 255 bytes', () => {
    for (const name of ['a'.repeat(255), '城'.repeat(85), `${'a'.repeat(200)}城城城城城城城城城城城城城城城城城城城城`]) {
      const temporary = basename(temporaryName(`/data/${name}`, 4_194_304, 'ffffffff'));
      expect(Buffer.byteLength(temporary)).toBeLessThanOrEqual(255);
      expect(temporary.endsWith('.4194304.ffffffff.tmp')).toBe(true);
      expect(name.startsWith(temporary.slice(1, -'.4194304.ffffffff.tmp'.length))).toBe(true);
      expect(temporary).not.toContain('\ufffd');
    }
  });
});

describe('chengzhen COMMAND --out onto devices, links and full disks', () => {
  const dir = folder();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--out /dev/null succeeds and leaves /dev/null a character device', async () => {
    const { code } = await cli(['schema', '--out', '/dev/null']);
    expect(code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('--out /dev/full is a failure (exit 1) naming ENOSPC', async () => {
    const { code, stderr } = await cli(['schema', '--out', '/dev/full']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^chengzhen schema: failed: ENOSPC/);
  });

  it('--out FOLDER is bad input (exit 2)', async () => {
    const { code, stderr } = await cli(['schema', '--out', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('it is a folder');
  });

  it('--out through a symbolic link writes the file it points to', async () => {
    const real = join(dir, 'schema.json');
    writeFileSync(real, 'old');
    symlinkSync(real, join(dir, 'schema-link.json'));
    const { code } = await cli(['schema', '--out', join(dir, 'schema-link.json')]);
    expect(code).toBe(0);
    expect(lstatSync(join(dir, 'schema-link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8'))).toMatchObject({ title: 'chengzhen scenario' });
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
