/**
 * `chengzhen run`: projects a scenario file to JSON or CSV; a bad scenario file, a bad JSON
 * file or a missing file exits with code 2 and a message naming the field at fault.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project } from '../../src/model/project.js';
import { parseScenario } from '../../src/schema/scenario.js';
import { smallTwoRegions } from '../model/fixtures/scenarios.js';
import { cli, scratchFolder } from './cliHarness.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/scenarios/two-regions.json', import.meta.url));
const folder = scratchFolder();

afterAll(() => folder.remove());

/** Writes the small scenario changed by `edit` and runs it; returns the exit code and stderr. */
async function runVariant(name: string, edit: (s: Record<string, any>) => void) {
  const scenario = smallTwoRegions() as Record<string, any>;
  edit(scenario);
  const outcome = await cli(['run', folder.write(`${name}.json`, scenario), '--format', 'csv']);
  return { code: outcome.code, stdout: outcome.stdout, stderr: folder.hide(outcome.stderr) };
}

describe('chengzhen run SCENARIO.json', () => {
  let csv: string;
  let json: string;

  beforeAll(async () => {
    const a = await cli(['run', EXAMPLE, '--format', 'csv']);
    const b = await cli(['run', EXAMPLE]);
    expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, '', 0, '']);
    csv = a.stdout;
    json = b.stdout;
  });

  it('--format csv writes the tidy rows of the projection, every number in full', () => {
    const projection = project(parseScenario(JSON.parse(readFileSync(EXAMPLE, 'utf8'))));
    const rows = projection.table();
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('year,region,indicator,value,unit');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[1]).toBe(`2020,henan,population,${rows[0].value},persons`);
    lines.slice(1).forEach((line, i) => {
      const [year, region, indicator, value, unit] = line.split(',');
      expect({ year: Number(year), region, indicator, value: Number(value), unit }).toEqual(rows[i]);
    });
  });

  it('writes a projection document by default', () => {
    const doc = JSON.parse(json);
    expect(doc.format).toBe('chengzhen-projection/1');
    expect(doc.scenario).toMatchObject({ baseYear: 2020, endYear: 2035, regions: [{ id: 'henan' }, { id: 'guangdong' }] });
    expect(doc.rows).toHaveLength(csv.trimEnd().split('\n').length - 1);
    expect(doc.indicators[0]).toMatchObject({ key: 'population', unit: 'persons', labelZh: '常住人口' });
  });

  it('--out writes the file and says so on stderr', async () => {
    const out = `${folder.dir}/small.csv`;
    const outcome = await cli(['run', folder.write('small.json', smallTwoRegions()), '--format', 'csv', '--out', out]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe('');
    expect(folder.hide(outcome.stderr)).toBe('wrote <tmp>/small.csv\n');
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('year,region,indicator,value,unit');
  });
});

describe('chengzhen run BAD.json: exit code 2, the field named', () => {
  it('an unknown region in a destinations matrix', async () => {
    const r = await runVariant('destination', (s) => (s.migration.destinations.inland = { inland: 0.8, ocean: 0.2 }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - migration.destinations.inland.ocean names the unknown region "ocean" (regions: inland, coast)
      "
    `);
  });

  it('an unknown region in byRegion', async () => {
    const r = await runVariant('byregion', (s) => (s.hukou.conversionRate = { byRegion: { inland: 0.03, ocean: 0.02 }, default: 0.02 }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - hukou.conversionRate.byRegion.ocean names the unknown region "ocean" (regions: inland, coast)
      "
    `);
  });

  it('endYear before baseYear', async () => {
    const r = await runVariant('years', (s) => (s.endYear = 2019));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - endYear must be after baseYear (2020), received 2019
      "
    `);
  });

  it('a year outside the years a scenario may use', async () => {
    const r = await runVariant('year-range', (s) => (s.endYear = 2400));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - endYear must be <= 2300, received 2400
      "
    `);
  });

  it('a rate above 1', async () => {
    const r = await runVariant('rate', (s) => (s.migration.returnRate = 1.5));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - migration.returnRate must be <= 1, received 1.5
      "
    `);
  });

  it('a schedule that goes above 1 only in a later year', async () => {
    const r = await runVariant('rate-later', (s) => (s.hukou.conversionRate = { byRegion: { coast: { linear: { from: [2021, 0.5], to: [2022, 1.1] } } }, default: 0.03 }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - hukou.conversionRate.byRegion.coast[year=2022] must be in [0, 1], received 1.1
      "
    `);
  });

  it('a resident urbanisation rate above 1', async () => {
    const r = await runVariant('resident', (s) => (s.base.inland.residentUrbanisationRate = 1.01));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - base.inland.residentUrbanisationRate must be <= 1, received 1.01
      "
    `);
  });

  it('a hukou rate above the resident rate', async () => {
    const r = await runVariant('hukou-rate', (s) => (s.base.coast.hukouUrbanisationRate = 0.8));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - base.coast.hukouUrbanisationRate must be <= residentUrbanisationRate (0.74), received 0.8
      "
    `);
  });

  it('a formula calling import', async () => {
    const r = await runVariant('import', (s) => (s.migration.ruralToUrbanRate = { formula: 'import({}, {override: true})' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - migration.ruralToUrbanRate.formula: formula "import({}, {override: true})" calls import, which is not allowed (allowed: min, max, exp, log, log10, log2, sqrt, abs, pow, floor, ceil, round, sign, sin, cos, tanh)
      "
    `);
  });

  it('a formula giving a value out of range in one year', async () => {
    const r = await runVariant('formula-year', (s) => (s.hukou.conversionRate = { formula: 'year == 2022 ? 1 / 0 : 0.03' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - hukou.conversionRate.formula[year=2022]: formula "year == 2022 ? 1 / 0 : 0.03" must give a finite number, gives Infinity
      "
    `);
  });

  it('duplicate region ids', async () => {
    const r = await runVariant('duplicate', (s) => (s.regions[1].id = 'inland'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (3 problems)
        - regions[1].id repeats the region id "inland"
        - base.coast names the unknown region "coast" (regions: inland)
        - migration.destinations.inland.coast names the unknown region "coast" (regions: inland)
      "
    `);
  });

  it('an unknown key', async () => {
    const r = await runVariant('unknown-key', (s) => (s.migration.ruralToUrbanrate = 0.01));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - migration.ruralToUrbanrate is not a known field
      "
    `);
  });

  it('no hukou block', async () => {
    const r = await runVariant('no-hukou', (s) => delete s.hukou);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - hukou is required
      "
    `);
  });

  it('destination shares that do not sum to 1', async () => {
    const r = await runVariant('row-sum', (s) => (s.migration.destinations.inland = { inland: 0.8, coast: 0.1 }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - migration.destinations.inland: the shares must sum to 1, received 0.9
      "
    `);
  });

  it('an unknown census area', async () => {
    const r = await runVariant('census', (s) => (s.base.coast.population.census2020 = 'Atlantis'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('base.coast.population.census2020 names no area of the 2020 census: "Atlantis"');
  });

  it('a file that is not valid JSON', async () => {
    const outcome = await cli(['run', folder.write('broken.json', '{ "name": "x",')]);
    expect(outcome.code).toBe(2);
    expect(folder.hide(outcome.stderr)).toMatch(/^chengzhen run: bad input \(1 problem\)\n {2}- <tmp>\/broken\.json is not valid JSON: .+\n$/);
  });

  it('a missing file', async () => {
    const outcome = await cli(['run', `${folder.dir}/missing.json`]);
    expect(outcome.code).toBe(2);
    expect(folder.hide(outcome.stderr)).toMatchInlineSnapshot(`
      "chengzhen run: bad input (1 problem)
        - cannot read <tmp>/missing.json: no such file
      "
    `);
  });
});

describe('chengzhen run: bad command lines exit with code 2', () => {
  it('no file, two files, an unknown format or option', async () => {
    for (const args of [['run'], ['run', 'a.json', 'b.json'], ['run', EXAMPLE, '--format', 'xml'], ['run', EXAMPLE, '--colour']]) {
      const outcome = await cli(args);
      expect({ args, code: outcome.code, stdout: outcome.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(outcome.stderr).toContain("Run 'chengzhen run --help' for usage.");
    }
    expect((await cli(['run', EXAMPLE, '--format', 'xml'])).stderr).toMatchInlineSnapshot(`
      "chengzhen run: --format must be json, csv or arrow, received xml
      Run 'chengzhen run --help' for usage.
      "
    `);
  });
});
