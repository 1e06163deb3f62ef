/**
 * `chengzhen scorecard`: a preset or a scenario file with a `targets` section; outcomes judged
 * (margin in percentage points, tolerance shown), commitments given an adequacy verdict; a
 * scenario file without targets, or with a target naming an unknown region, exits with code 2.
 */

import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, scratchFolder } from './cliHarness.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/scenarios/two-regions-targets.json', import.meta.url));
const folder = scratchFolder();

afterAll(() => folder.remove());

describe('chengzhen scorecard', () => {
  it('scores a scenario file\'s targets: outcomes met or missed in points, the commitment\'s coverage', async () => {
    const out = await cli(['scorecard', EXAMPLE, '--json']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    const { rows } = JSON.parse(out.stdout) as { rows: { id: string; role: string; status: string; met: boolean | null; marginText: string | null; tolerance: number | null; adequacy: { coverage: number; demand: number } | null }[] };
    expect(rows.map((r) => [r.id, r.role, r.status])).toEqual([
      ['henan-urban-2025', 'outcome', 'met'],
      ['all-urban-2030', 'outcome', 'missed'],
      ['guangdong-school-places-2021-2025', 'commitment', 'commitment'],
    ]);
    expect(rows[0].marginText).toMatch(/^\+\d\.\d\d percentage points$/);
    expect(rows[1].tolerance).toBe(0.01);
    expect(rows[2].met).toBeNull();
    expect(rows[2].adequacy!.coverage).toBeGreaterThan(0.9);
    expect(rows[2].adequacy!.coverage).toBeLessThan(1);
    const text = await cli(['scorecard', EXAMPLE]);
    expect(text.stdout).toContain('Commitments (inputs: adequacy against projected demand)');
    expect(text.stdout).toContain('1.00 pts');
  });

  it('a plan preset: no commitment row is met or missed', async () => {
    const out = await cli(['scorecard', 'zhejiang-2023', '--json']);
    expect(out.code).toBe(0);
    const { rows } = JSON.parse(out.stdout) as { rows: { role: string; met: boolean | null }[] };
    expect(rows.filter((r) => r.role === 'commitment').length).toBeGreaterThan(0);
    for (const row of rows.filter((r) => r.role === 'commitment')) expect(row.met).toBeNull();
  });

  it('exits 2 for a scenario file without targets, and names a target\'s unknown region', async () => {
    const scenario = JSON.parse((await import('node:fs')).readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    const none = await cli(['scorecard', folder.write('none.json', { ...scenario, targets: undefined })]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('has no "targets" section');
    const bad = await cli(['scorecard', folder.write('bad.json', { ...scenario, targets: [{ kind: 'outcome', indicator: 'population', region: 'henna', year: 2025, value: 1 }] })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('targets[0].region names the unknown region "henna"');
  });
});
