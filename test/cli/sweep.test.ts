/** `chengzhen sweep`: a grid as an aligned table, a Latin hypercube as CSV and JSON, usage errors. */

import { describe, expect, it } from 'vitest';
import { parseLeverRange } from '../../src/cli/commands/sweep.js';
import { cli } from './cliHarness.js';

const PRESET = 'national-2024-2028-trend';

describe('chengzhen sweep', () => {
  it('prints a grid as a table: one row per point, the levers as columns', async () => {
    const { code, stdout, stderr } = await cli(['sweep', PRESET, '--lever', 'migration.ruralToUrbanRate=0.01:0.03', '--lever', 'hukou.conversionRate=0.02:0.06', '--steps', '2', '--indicator', 'residentUrbanisationRate']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0].split(/\s+/)).toEqual(['point', 'migration.ruralToUrbanRate', 'hukou.conversionRate', 'indicator', 'region', 'year', 'value']);
    expect(lines).toHaveLength(2 + 4);
    expect(lines[2]).toMatch(/^\s*0\s+0\.01\s+0\.02\s+residentUrbanisationRate\s+china\s+2035\s+\d+\.\d+ %$/);
  });

  it('writes a Latin hypercube as CSV and JSON with the same values, the same for the same seed', async () => {
    const args = ['sweep', PRESET, '--lever', 'migration.ruralToUrbanRate=0.01:0.03', '--design', 'lhs', '--points', '4', '--seed', '7', '--indicator', 'population', '--year', '2026'];
    const csv = await cli([...args, '--format', 'csv']);
    const json = await cli([...args, '--format', 'json']);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe('point,migration.ruralToUrbanRate,indicator,region,year,value,unit');
    expect(rows).toHaveLength(5);
    const parsed = JSON.parse(json.stdout) as { design: string; seed: number; rows: { levers: Record<string, number>; value: number; year: number }[] };
    expect(parsed).toMatchObject({ design: 'lhs', seed: 7 });
    parsed.rows.forEach((row, i) => {
      const cells = rows[i + 1].split(',');
      expect(Number(cells[1])).toBe(row.levers['migration.ruralToUrbanRate']);
      expect(Number(cells[5])).toBe(row.value);
      expect(row.year).toBe(2026);
    });
    expect((await cli([...args, '--format', 'csv'])).stdout).toBe(csv.stdout);
  });

  it('exits with code 2 on a malformed --lever, a bad design or a range outside the lever', async () => {
    const bad = await cli(['sweep', PRESET, '--lever', 'migration.ruralToUrbanRate=0.01-0.03']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lever must look like PATH=LO:HI');
    const design = await cli(['sweep', PRESET, '--lever', 'migration.ruralToUrbanRate=0.01:0.03', '--design', 'random']);
    expect(design.code).toBe(2);
    expect(design.stderr).toContain('--design must be grid or lhs, received random');
    const range = await cli(['sweep', PRESET, '--lever', 'migration.ruralToUrbanRate=0.01:2']);
    expect(range.code).not.toBe(0);
    expect(range.stderr).toContain('must stay in [0, 1], received 0.01 to 2');
  });
});

describe('parseLeverRange(text)', () => {
  it('reads PATH=LO:HI, exponents and negative bounds included', () => {
    expect(parseLeverRange('hukou.conversionRate=0.01:5e-2')).toEqual({ path: 'hukou.conversionRate', min: 0.01, max: 0.05 });
    expect(parseLeverRange('migration.externalNetMigrants=-1e5:1e5')).toEqual({ path: 'migration.externalNetMigrants', min: -1e5, max: 1e5 });
    expect(() => parseLeverRange('hukou.conversionRate=0.05:0.01')).toThrow('LO must not be above HI');
    expect(() => parseLeverRange('hukou.nope=0:1')).toThrow('hukou.nope is not a lever');
  });
});
