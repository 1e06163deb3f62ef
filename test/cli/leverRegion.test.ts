/**
 * One region option for solve, calibrate and simulate: `--lever-region ID` moves the levers for
 * that region; without it a lever moves for every region (a lever the scenario sets per
 * region has each region's schedule moved by the same factor).
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leverBounds, leverMode, parseScenario, project, withLever } from '../../src/index.js';
import { cli } from './cliHarness.js';

const TWO = 'examples/scenarios/two-regions.json';
const LEVER = ['--lever', 'migration.ruralToUrbanRate'];

describe('chengzhen solve|calibrate|simulate --lever-region ID', () => {
  it('chengzhen solve with a lever set per region and no --lever-region moves every region by one factor', async () => {
    const { code, stdout } = await cli(['solve', TWO, ...LEVER, '--target', 'residentUrbanisationRate@2025=0.7', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ leverRegion: null, mode: 'scale' });
    expect(Math.abs(result.achieved - 0.7)).toBeLessThan(1e-6);
    // the same factor applied by hand to both regions' schedules reaches the same rate
    const scenario = parseScenario(JSON.parse(readFileSync(TWO, 'utf8')));
    const moved = withLever(scenario, { path: 'migration.ruralToUrbanRate' }, result.value);
    const series = project(moved).indicator('residentUrbanisationRate');
    expect(series.values[series.years.indexOf(2025)]).toBeCloseTo(0.7, 6);
  }, 60_000);

  it('chengzhen solve prints "(every region)" for a lever set per region', async () => {
    const { code, stdout } = await cli(['solve', TWO, ...LEVER, '--target', 'residentUrbanisationRate@2025=0.7']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^migration\.ruralToUrbanRate \(every region\) x /);
  }, 60_000);

  it.each([
    ['calibrate', [...LEVER, '--observe', 'residentUrbanisationRate@2021=0.665', '--json']],
    ['simulate', ['--draws', '4', '--seed', '1', '--threads', '1', '--uncertain', 'migration.ruralToUrbanRate=uniform(0.8,1.2)']],
  ])('chengzhen %s with a lever set per region and no --lever-region runs for every region (exit 0)', async (command, args) => {
    const { code, stdout, stderr } = await cli([command, TWO, ...args]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const levers = JSON.parse(stdout).levers;
    expect(levers).toHaveLength(1);
    expect(levers[0]).toMatchObject({ mode: 'scale' });
    expect(JSON.stringify(levers[0])).not.toContain('"region":"');
  }, 60_000);

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

describe('withLever(scenario, { path }, x) on a lever set per region, for every region', () => {
  const scenario = parseScenario(JSON.parse(readFileSync(TWO, 'utf8')));
  const lever = { path: 'migration.ruralToUrbanRate' as const };

  it('defaults to mode scale and multiplies each region\'s schedule by the factor', () => {
    expect(leverMode(scenario, lever)).toBe('scale');
    const moved = withLever(scenario, lever, 2).migration.ruralToUrbanRate as { byRegion: Record<string, unknown> };
    expect(moved.byRegion.henan).toEqual({ linear: { from: [2021, 0.03], to: [2035, 0.02] }, scale: 2 });
    expect(moved.byRegion.guangdong).toEqual({ points: [[2021, 0.025], [2026, 0.02], [2031, 0.015]], interpolation: 'step', scale: 2 });
  });

  it('with mode value sets one value for every region', () => {
    expect(withLever(scenario, { ...lever, mode: 'value' }, 0.02).migration.ruralToUrbanRate).toBe(0.02);
  });

  it('bounds the factor by the largest value over every region (1 / 0.03)', () => {
    expect(leverBounds(scenario, lever)[1]).toBeCloseTo(1 / 0.03, 9);
  });
});
