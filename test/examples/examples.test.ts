/**
 * Every example of examples/run.ts runs as a new user would run it (`npm run example -- NAME`,
 * here `tsx examples/run.ts NAME` in a scratch folder, so that out/ is written there), exits 0
 * and prints its key lines. The examples run in parallel before the tests; the numbers they
 * must print are worked out here from the library, by formulas independent of the solvers the
 * examples use.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPreset, parseScenario, project } from '../../src/index.js';
import { asIndicatorKey } from '../../src/model/indicatorTable.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const RUN = join(ROOT, 'examples', 'run.ts');
const NAMES = ['national', 'shanghai', 'shandong', 'zhejiang', 'two-regions', 'kernel'] as const;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runExample(args: string[], cwd: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, RUN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const pct = (share: number) => `${(100 * share).toFixed(2)} %`;
const count = (value: number) => Math.round(value).toLocaleString('en-US');

let scratch: string;
const outcomes = new Map<string, Outcome>();

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'chengzhen-examples-'));
  const runs = await Promise.all([...NAMES.map((name) => runExample([name], scratch)), runExample(['--list'], scratch), runExample(['no-such-example'], scratch)]);
  NAMES.forEach((name, i) => outcomes.set(name, runs[i]));
  outcomes.set('--list', runs[NAMES.length]);
  outcomes.set('no-such-example', runs[NAMES.length + 1]);
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The output of an example, which must have exited 0 with nothing on standard error. */
function ran(name: string): string {
  const outcome = outcomes.get(name)!;
  expect(outcome.stderr).toBe('');
  expect(outcome.code).toBe(0);
  return outcome.stdout;
}

/** Output with its lines joined, for prose that the examples wrap at 96 columns. */
function prose(output: string): string {
  return output.replace(/\s+/g, ' ');
}

describe('npm run example -- NAME', () => {
  it('--list names every example, national first as the default; an unknown name exits 2', () => {
    const list = ran('--list');
    const listed = [...list.matchAll(/^ {2}(\S+) /gm)].map((m) => m[1]);
    expect(listed).toEqual(['national', 'shanghai', 'shandong', 'zhejiang', 'two-regions', 'kernel']);
    expect(list).toMatch(/^ {2}national .*\(default\)$/m);
    const unknown = outcomes.get('no-such-example')!;
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown example 'no-such-example'");
  });

  it('national: the trend table, the scorecard, what it would take, the bands and the report', () => {
    const out = ran('national');
    const resident = project(getPreset('national-2024-2028-trend').scenario).indicator('residentUrbanisationRate');
    expect(out).toContain(`2029  ${pct(resident.values[resident.years.indexOf(2029)]).padStart(14)}`);
    expect(out).toMatch(/常住人口城镇化率 2028: target 70\.00 % \(about, within 0\.50 points\), projected \d+\.\d\d % -> met, margin -0\.\d\d percentage points/);
    expect(out).toMatch(/To reach 70 % exactly by the end of 2028, rural-to-urban migration must rise from \d+\.\d\d % to \d+\.\d\d %/);
    expect(out).toMatch(/a median of \d+\.\d\d % and a 90 % band of \d+\.\d\d % to \d+\.\d\d %/);
    const report = readFileSync(join(scratch, 'out', 'national-report.html'), 'utf8');
    expect(report.slice(0, 15).toLowerCase()).toBe('<!doctype html>');
  });

  it('shanghai: bed demand against capacity, the scorecard, and the beds a year that house every builder by 2028', () => {
    const out = ran('shanghai');
    const scenario = parseScenario(getPreset('shanghai-2024-2028').scenario);
    const projection = project(scenario);
    const demand = projection.indicator('rentalHousing.demand').values;
    const capacity = projection.indicator('rentalHousing.capacity').values;
    // 2028 row: demand, and the 2023 stock (= 2023 demand) plus five years of 24,000 beds
    expect(capacity[5]).toBeCloseTo(demand[0] + 5 * 24_000, 6);
    expect(out).toMatch(new RegExp(`^2028 +[\\d,]+ +${count(demand[5])} +${count(capacity[5])} +\\+${count(capacity[5] - demand[5])} `, 'm'));
    expect(out).toMatch(/建设者之家床位 \(beds\) +2028 +120,000 +- +commitment/);
    expect(out).not.toMatch(/建设者之家床位 .* met/);
    expect(out).toContain("on the preset's assumption: out of reach");
    // from no beds at the end of 2023, capacity in 2028 is 5 x the additions: additions = demand / 5
    expect(prose(out)).toContain(`must add ${count(demand[5] / 5)} beds a year over 2024-2028, not 24,000`);
    expect(out).toContain('services.rentalHousing.shareOfWorkingAgeMigrantsInNeed = 5.00 %');
    expect(prose(out)).toContain('assumption: One in twenty working-age residents without Shanghai hukou');
  });

  it('shandong: school places by year for both presets, the share migrant children can be served, and the scorecard', () => {
    const out = ran('shandong');
    expect(out).toContain('Shandong: the 2021-2023 action plan (shandong-2021-2023):');
    expect(out).toContain('Shandong: the urbanisation propensity of 2010-2018 (shandong-2021-2023-trend):');
    const projection = project(getPreset('shandong-2021-2023-trend').scenario);
    const at = (figure: string) => projection.indicator(asIndicatorKey(`schoolPlaces.${figure}`)).values[projection.years.indexOf(2023)];
    // with the plan's places, 2023 is the tightest year: its places less those of urban hukou children, over all migrant children 6-14
    const planned = project(getPreset('shandong-2021-2023').scenario);
    const inPlan = (figure: string) => planned.indicator(asIndicatorKey(`schoolPlaces.${figure}`)).values[planned.years.indexOf(2023)];
    const servable = (inPlan('capacity') - (inPlan('demand') - inPlan('migrantDemand'))) / (inPlan('migrantDemand') / 0.858);
    expect(prose(out)).toContain(`With the plan's places, the tightest year is 2023`);
    expect(prose(out)).toContain(`can seat ${pct(servable)} of migrant children in public schools instead of 85.80 %`);
    expect(out).toMatch(new RegExp(`^2023 +65\\.9 % +${count(at('demand') - at('migrantDemand'))} +${count(at('migrantDemand'))} +${count(at('demand'))} +${count(at('capacity'))} +-${count(at('shortfall'))} `, 'm'));
    expect(out).toMatch(/常住人口城镇化率 \(share \(0-1\)\) +2023 +66\.00 % +65\.92 % +missed +migration\.ruralToUrbanRate 2\.64 % \(now 2\.56 %\)/);
    expect(out).toMatch(/新增学位 \(places\) +2023 +600,000 +- +commitment/);
  });

  it('zhejiang: the 2023 rate on trend against the 73.5 % target and the published 74.2 %, and the hindcast errors', () => {
    const out = ran('zhejiang');
    const resident = project(getPreset('zhejiang-2023-trend').scenario).indicator('residentUrbanisationRate');
    const rate2023 = resident.values[resident.years.indexOf(2023)];
    expect(out).toMatch(new RegExp(`^2023 +${pct(rate2023)} +73\\.50 % +74\\.20 % +${(100 * (rate2023 - 0.742)).toFixed(2)} points$`, 'm'));
    expect(prose(out)).toContain(`is met on trend, by +${(100 * (rate2023 - 0.735)).toFixed(2)} points`);
    expect(out).toMatch(/residentUrbanisationRate \(share \(0-1\)\) +2023 +\d\d\.\d\d % +74\.20 % +-?\d\.\d\d points/);
    expect(out).toMatch(/population \(persons\) +2024 +[\d,]+ +66,700,000 /);
    expect(prose(out)).toMatch(/Mean absolute error: urbanisation \d\.\d\d points/);
  });

  it('two-regions: both provinces and the total from the 2020 census, school places, and out/two-regions.csv', () => {
    const out = ran('two-regions');
    // census 2020: Anhui 61,027,171 and Jiangsu 84,748,016 residents, 58.33 % and 73.44 % urban
    expect(out).toMatch(/^2020 +61\.03 m +58\.3 % +40\.0 % +84\.75 m +73\.4 % +55\.0 % +145\.78 m +/m);
    expect(out).toMatch(/^2030 +\d\d\.\d\d m +\d\d\.\d % +\d\d\.\d % +\d\d\.\d\d m +/m);
    expect(prose(out)).toMatch(/To seat every child in 2023, Jiangsu's worst year, Anhui would add [\d,]+ and Jiangsu [\d,]+ places a year/);
    const written = /Wrote out\/two-regions\.csv: ([\d,]+) rows/.exec(out);
    expect(written).not.toBeNull();
    const csv = readFileSync(join(scratch, 'out', 'two-regions.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('year,region,indicator,value,unit');
    expect(csv[1]).toBe('2020,anhui,population,61027171,persons');
    expect(csv.length - 1).toBe(Number(written![1].replace(/,/g, '')));
  });

  it('kernel: the two-region kernel problem, by region and together', () => {
    const out = ran('kernel');
    expect(out).toContain('| year | region | population | resident urban | hukou urban | gap |');
    expect(out).toMatch(/^\| 2024 \| both \| /m);
  });

});
