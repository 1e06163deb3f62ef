/**
 * One region option for solve, calibrate and simulate: `--lever-region ID` moves the levers for
 * that region; without it a lever moves as a whole, and a lever the scenario sets per region
 * is a usage error that names the option and the regions.
 */

import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness.js';

const TWO = 'examples/scenarios/two-regions.json';
const LEVER = ['--lever', 'migration.ruralToUrbanRate'];

describe('chengzhen solve|calibrate|simulate --lever-region ID', () => {
  it.each([
    ['solve', [...LEVER, '--target', 'residentUrbanisationRate@2025=0.7']],
    ['calibrate', [...LEVER, '--observe', 'residentUrbanisationRate@2021=0.665']],
    ['simulate', ['--draws', '4', '--seed', '1', '--threads', '1', '--uncertain', 'migration.ruralToUrbanRate=uniform(0.8,1.2)']],
  ])('chengzhen %s with a lever set per region and no region: exit 2 naming --lever-region and the regions', async (command, args) => {
    const { code, stderr } = await cli([command, TWO, ...args]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `chengzhen ${command}: --lever migration.ruralToUrbanRate is set per region in this scenario (henan, guangdong): name the region to move with --lever-region ID (regions: henan, guangdong)\nRun 'chengzhen ${command} --help' for usage.\n`,
    );
  });

  it('chengzhen solve SCENARIO --lever-region Henan moves henan (any case) and says so', async () => {
    const { code, stdout } = await cli(['solve', TWO, ...LEVER, '--lever-region', 'Henan', '--target', 'residentUrbanisationRate@2025=0.7', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ leverRegion: 'henan', mode: 'scale' });
    expect(Math.abs(result.achieved - 0.7)).toBeLessThan(1e-6);
  }, 60_000);

  it('chengzhen calibrate SCENARIO --lever-region henan fits henan', async () => {
    const { code, stdout } = await cli(['calibrate', TWO, ...LEVER, '--lever-region', 'henan', '--observe', 'residentUrbanisationRate@2021=0.665', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).levers).toEqual([expect.objectContaining({ path: 'migration.ruralToUrbanRate', region: 'henan', mode: 'scale' })]);
  }, 60_000);

  it('chengzhen simulate SCENARIO --lever-region guangdong draws guangdong', async () => {
    const { code, stdout } = await cli(['simulate', TWO, '--draws', '4', '--seed', '1', '--threads', '1', '--lever-region', 'guangdong', '--uncertain', 'migration.ruralToUrbanRate=uniform(0.8,1.2)']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).levers).toEqual([expect.objectContaining({ lever: { path: 'migration.ruralToUrbanRate', region: 'guangdong' }, mode: 'scale' })]);
  }, 60_000);

  it('an unknown region offers the closest (exit 2)', async () => {
    const { code, stderr } = await cli(['solve', TWO, ...LEVER, '--lever-region', 'henna', '--target', 'residentUrbanisationRate@2025=0.7']);
    expect(code).toBe(2);
    expect(stderr).toContain('--lever-region henna is not a region of this scenario; did you mean henan? (regions: henan, guangdong)');
  });

  it('a lever set once for all regions moves as a whole without --lever-region', async () => {
    const { code, stdout } = await cli(['solve', 'national-2024-2028-trend', ...LEVER, '--target', 'residentUrbanisationRate@2028=0.7', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ leverRegion: null, mode: 'value' });
  }, 60_000);
});
