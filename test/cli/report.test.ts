import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError, type CliIO } from '../../src/cli/command.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { ZHEJIANG } from '../report/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'chengzhen-report-'));
const scenarioFile = join(dir, 'zhejiang.json');
writeFileSync(scenarioFile, JSON.stringify(ZHEJIANG));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrIsTTY: false };
}

describe('chengzhen report SCENARIO.json [--format html|md] [--out FILE]', () => {
  it('writes the HTML report to --out, and nothing else beside it', async () => {
    const io = capture();
    const out = join(dir, 'report.html');
    await reportCommand.run([scenarioFile, '--out', out], io);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<h1>Zhejiang 2020-2030</h1>');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(4);
    expect(io.out).toEqual([]);
    expect(io.err).toEqual([`wrote ${out}\n`]);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'zhejiang.json']);
  });

  it('writes Markdown to standard output with --format md', async () => {
    const io = capture();
    await reportCommand.run([scenarioFile, '--format', 'md'], io);
    expect(io.out).toHaveLength(1);
    expect(io.out[0].startsWith('# Zhejiang 2020-2030\n')).toBe(true);
    expect(io.out[0]).toContain('| Resident population (常住人口) | persons | 64,567,588 |');
  });

  it('rejects another format or a missing scenario', async () => {
    await expect(reportCommand.run([scenarioFile, '--format', 'pdf'], capture())).rejects.toThrow(new UsageError('--format must be html or md, received pdf'));
    await expect(reportCommand.run([], capture())).rejects.toThrow(UsageError);
  });

  it('has help with a usage line and an example', () => {
    expect(reportCommand.help.split('\n')[0]).toBe('Usage: chengzhen report SCENARIO.json|PRESET-ID [--format html|md] [--out FILE]');
    expect(reportCommand.help).toContain('chengzhen report examples/scenarios/two-regions.json --out two-regions.html');
  });
});
