/**
 * The built command line (`dist/cli.js`; skipped when it is not built, CI builds first) under
 * signals and closed pipes: SIGTERM and SIGINT while `--out` is being written remove the
 * temporary file and end with the conventional status (143, 130); `| head -c 100` ends the
 * run quietly with exit 0.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

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

describe.skipIf(!existsSync(CLI))('node dist/cli.js run SCENARIO --out FILE, stopped by a signal while writing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chengzhen-signal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const scenario = join(dir, 'many.json');
  writeFileSync(scenario, JSON.stringify(largeScenario(150, 30)));
  const temporaries = () => readdirSync(dir).filter((f) => f.startsWith('.out.csv.') && f.endsWith('.tmp'));

  /**
   * Runs the CLI under `sh`, which prints the status it sees; the moment the temporary file
   * appears, the CLI (its pid is in the file's name) gets `signal`.
   */
  function runAndSignal(signal: 'SIGTERM' | 'SIGINT'): Promise<{ status: string; signalled: boolean; strays: string[] }> {
    return new Promise((resolve, reject) => {
      const child = spawn('sh', ['-c', `"${process.execPath}" "${CLI}" run "${scenario}" --format csv --out "${join(dir, 'out.csv')}"; echo "status=$?"`], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      let signalled = false;
      child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
      const timer = setInterval(() => {
        const [temporary] = temporaries();
        if (temporary === undefined || signalled) return;
        const pid = Number(temporary.split('.').at(-3));
        try {
          process.kill(pid, signal);
          signalled = true;
        } catch {
          // already finished
        }
      }, 1);
      child.on('error', reject);
      child.on('exit', () => {
        clearInterval(timer);
        resolve({ status: /status=(\d+)/.exec(out)?.[1] ?? '?', signalled, strays: temporaries() });
      });
    });
  }

  it.each([
    ['SIGTERM', '143'],
    ['SIGINT', '130'],
  ] as const)('%s removes the temporary file and the status is %s', async (signal, status) => {
    const OLD = 'old content\n';
    const outcomes: string[] = [];
    let stopped = 0;
    for (let attempt = 0; attempt < 4 && stopped < 2; attempt++) {
      writeFileSync(join(dir, 'out.csv'), OLD);
      const run = await runAndSignal(signal);
      outcomes.push(`${run.signalled ? 'signalled' : 'finished first'}: status ${run.status}, ${run.strays.length} temporary files`);
      expect(run.strays, outcomes.join('\n')).toEqual([]);
      const content = readFileSync(join(dir, 'out.csv'), 'utf8');
      if (run.signalled && run.status === status) {
        stopped++;
        expect(content).toBe(OLD);
      } else {
        expect(run.status, outcomes.join('\n')).toBe('0');
      }
    }
    // the signal did arrive while the temporary file existed
    expect(stopped, outcomes.join('\n')).toBeGreaterThan(0);
  }, 120_000);
});

describe.skipIf(!existsSync(CLI))('node dist/cli.js run PRESET --format csv | head -c 100', () => {
  it('exits 0 without a message when the reader closes the pipe (EPIPE)', async () => {
    const outcome = await new Promise<{ code: number | null; stderr: string; first: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'run', 'national-2024-2028', '--format', 'csv'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let first = '';
      child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
      child.stdout.once('data', (chunk: Buffer) => {
        first = chunk.subarray(0, 100).toString();
        // as head -c 100 does: take 100 bytes, then close the pipe
        child.stdout.destroy();
      });
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stderr, first }));
    });
    expect(outcome.first.startsWith('year,region,indicator,value,unit\n')).toBe(true);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
  }, 60_000);
});
