/** `chengzhen compare`: a preset against its trend twin, files that extend presets, every format, and exit codes. */

import { afterAll, describe, expect, it } from 'vitest';
import { cli, scratchFolder } from './cliHarness.js';

const scratch = scratchFolder();
afterAll(() => scratch.remove());

describe('chengzhen compare', () => {
  it('compares a plan preset with its trend twin by default, the trend as reference', async () => {
    const { code, stdout, stderr } = await cli(['compare', 'zhejiang-2023', '--indicators', 'residentUrbanisationRate', '--years', '2022,2028']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^indicator +region +year +A: zhejiang-2023-trend +B: zhejiang-2023 +B - A +relative$/);
    expect(lines).toHaveLength(4);
    // the base year is the same in both: no difference, shown without a sign
    expect(lines[2]).toMatch(/^residentUrbanisationRate +zhejiang +2022 +73\.40 % +73\.40 % +0\.00 pts +0\.00 %$/);
    // a trend preset is compared with its plan the same way round
    const fromTrend = await cli(['compare', 'zhejiang-2023-trend', '--indicators', 'residentUrbanisationRate', '--years', '2022,2028']);
    expect(fromTrend.stdout).toBe(stdout);
  });

  it('writes tidy rows as csv and json, differences of rates in percentage points', async () => {
    const csv = await cli(['compare', 'zhejiang-2023', 'examples/scenarios/zhejiang-slower-migration.json', '--format', 'csv', '--indicators', 'residentUrbanisationRate,population', '--years', '2028']);
    expect(csv.code).toBe(0);
    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    expect(header).toBe('reference,scenario,indicator,region,year,unit,a,b,difference,differenceUnit,relative');
    expect(rows).toHaveLength(2);
    const json = await cli(['compare', 'zhejiang-2023', 'examples/scenarios/zhejiang-slower-migration.json', '--format', 'json', '--indicators', 'residentUrbanisationRate', '--years', '2028']);
    const out = JSON.parse(json.stdout) as { reference: string; scenarios: string[]; rows: { a: number; b: number; difference: number; differenceUnit: string; relative: number }[] };
    expect(out.reference).toBe('zhejiang-2023');
    expect(out.scenarios).toEqual(['examples/scenarios/zhejiang-slower-migration.json']);
    const [row] = out.rows;
    expect(row.differenceUnit).toBe('percentage points');
    expect(row.difference).toBeCloseTo((row.b - row.a) * 100, 9);
    // half the migration: a lower rate in 2028
    expect(row.difference).toBeLessThan(-0.5);
    expect(rows[0].split(',').slice(0, 6)).toEqual(['zhejiang-2023', 'examples/scenarios/zhejiang-slower-migration.json', 'residentUrbanisationRate', 'zhejiang', '2028', 'share (0-1)']);
  });

  it('compares three scenarios, each against the first, with a scenario column', async () => {
    const faster = scratch.write('faster.json', { extends: 'zhejiang-2023', name: 'Faster', migration: { ruralToUrbanRate: 0.02 } });
    const { code, stdout } = await cli(['compare', 'zhejiang-2023', 'examples/scenarios/zhejiang-slower-migration.json', faster, '--indicators', 'residentUrbanisationRate', '--years', '2028']);
    expect(code).toBe(0);
    const lines = scratch.hide(stdout).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^scenario +indicator +region +year +A: zhejiang-2023 +B +B - A +relative$/);
    expect(lines.slice(2).map((l) => l.split(/ +/)[0])).toEqual(['examples/scenarios/zhejiang-slower-migration.json', '<tmp>/faster.json']);
    expect(lines[2]).toMatch(/ -\d+\.\d\d pts /);
    expect(lines[3]).toMatch(/ \+\d+\.\d\d pts /);
  });

  it('writes the scenarios side by side as an HTML page', async () => {
    const out = `${scratch.dir}/compare.html`;
    const { code, stderr } = await cli(['compare', 'shandong-2021-2023', '--format', 'html', '--out', out]);
    expect(code).toBe(0);
    expect(scratch.hide(stderr)).toBe('wrote <tmp>/compare.html\n');
  });

  it('exits 2 for one scenario file, an unknown format, region or year, with the reason', async () => {
    const one = await cli(['compare', 'examples/scenarios/zhejiang-slower-migration.json']);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('compare takes two or more scenarios, or one preset id');
    const format = await cli(['compare', 'zhejiang-2023', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be table, csv, json or html, received xml');
    const region = await cli(['compare', 'zhejiang-2023', '--region', 'shandong']);
    expect(region.code).toBe(2);
    expect(region.stderr).toContain('regions[0] "shandong" is not a region of both projections');
    const years = await cli(['compare', 'zhejiang-2023', '--years', '2020']);
    expect(years.code).toBe(2);
    expect(years.stderr).toContain('years[0] must be a year both projections have, in [2022, 2028], received 2020');
    const words = await cli(['compare', 'zhejiang-2023', '--years', 'soon']);
    expect(words.code).toBe(2);
    const none = await cli(['compare']);
    expect(none.code).toBe(2);
  });
});
