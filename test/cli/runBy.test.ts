/** `chengzhen run --by province|prefecture|tier`: rows for groups of regions. */

import { afterAll, describe, expect, it } from 'vitest';
import { project } from '../../src/model/project.js';
import { smallTwoRegions } from '../model/fixtures/scenarios.js';
import { cli, scratchFolder } from './cliHarness.js';

const folder = scratchFolder();
afterAll(() => folder.remove());

function scenario() {
  const s = smallTwoRegions();
  return { ...s, regions: [{ ...s.regions[0], province: 'west', tier: 'medium' as const }, { ...s.regions[1], province: 'east', tier: 'medium' as const }] };
}

describe('chengzhen run SCENARIO.json --by', () => {
  it('--by tier --format csv writes the rows of projection.aggregate("tier")', async () => {
    const outcome = await cli(['run', folder.write('tiers.json', scenario()), '--by', 'tier', '--format', 'csv']);
    expect([outcome.code, outcome.stderr]).toEqual([0, '']);
    const rows = project(scenario()).aggregate('tier').table();
    const lines = outcome.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[1]).toBe(`2020,medium,population,${rows[0].value},persons`);
    expect(rows[0].value).toBeCloseTo(2e6, 3);
  });

  it('--by province writes a projection document whose rows are by province', async () => {
    const outcome = await cli(['run', folder.write('provinces.json', scenario()), '--by', 'province']);
    const doc = JSON.parse(outcome.stdout);
    expect(doc.aggregatedBy).toBe('province');
    expect([...new Set(doc.rows.map((r: { region: string }) => r.region))]).toEqual(['west', 'east', 'all']);
  });

  it('refuses another grouping, and regions without the attribute', async () => {
    const bad = await cli(['run', folder.write('any.json', scenario()), '--by', 'county']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--by must be province, prefecture or tier, received county');
    const missing = await cli(['run', folder.write('plain.json', smallTwoRegions()), '--by', 'prefecture']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('regions[0].prefecture is required to aggregate by prefecture');
  });
});
