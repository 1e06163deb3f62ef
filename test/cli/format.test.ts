/**
 * The one number formatter of the terminal: significant digits, thousands separators, units,
 * differences of shares in percentage points ("pts"); never a long float or an exponent in a
 * table. CSV keeps full precision.
 */

import { describe, expect, it } from 'vitest';
import { formatDifference, formatNumber, formatPercentChange, formatValue } from '../../src/cli/table.js';
import { cli } from './cliHarness.js';

/** Numbers as a terminal must not show them: 7 or more significant digits after a point, or an exponent. */
const RAW = /\d\.\d{6,}|\d(\.\d+)?e[+-]?\d+/i;

describe('formatNumber(value)', () => {
  it('shows four significant digits, thousands separators and no exponent', () => {
    expect(formatNumber(0.02274783545406929)).toBe('0.02275');
    expect(formatNumber(679700.4)).toBe('679,700');
    expect(formatNumber(6.797e5)).toBe('679,700');
    expect(formatNumber(1234.5678)).toBe('1,235');
    expect(formatNumber(1.0000000002)).toBe('1');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-1e-12)).toBe('-0.000000000001');
    expect(formatNumber(null)).toBe('-');
    expect(formatNumber(Number.NaN)).toBe('-');
  });
});

describe('formatValue(value, unit) and formatDifference(value, unit)', () => {
  it('shows shares as per cent with two decimals and counts with separators', () => {
    expect(formatValue(0.72171, 'share (0-1)')).toBe('72.17 %');
    expect(formatValue(-0.00001, 'share (0-1)')).toBe('0.00 %');
    expect(formatValue(64567588.4, 'persons')).toBe('64,567,588');
    expect(formatValue(12.3456, 'per 1000 residents')).toBe('12.35');
  });

  it('shows differences of shares in percentage points, signed, and tiny ones as zero', () => {
    expect(formatDifference(-0.0123, 'share (0-1)')).toBe('-1.23 pts');
    expect(formatDifference(0.0123, 'share (0-1)')).toBe('+1.23 pts');
    expect(formatDifference(-2.3e-9, 'share (0-1)')).toBe('0.00 pts');
    expect(formatDifference(2500, 'places')).toBe('+2,500');
    expect(formatDifference(-0.5, 'persons')).toBe('-0.5');
    expect(formatPercentChange(-0.01234)).toBe('-1.23 %');
    expect(formatPercentChange(0)).toBe('0.00 %');
  });
});

describe('terminal output of the commands', () => {
  it('chengzhen solve prints the lever with four significant digits and the rates as per cent', async () => {
    const { code, stdout } = await cli(['solve', 'national-2024-2028-trend', '--lever', 'migration.ruralToUrbanRate', '--target', 'residentUrbanisationRate@2028=0.7']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^migration\.ruralToUrbanRate = 0\.0\d{4}\n {2}gives residentUrbanisationRate = 70\.00 % in 2028 \(target 70\.00 %\); \d+ projections\n$/);
  }, 60_000);

  it('chengzhen calibrate prints fitted values, residuals in pts and errors without raw floats', async () => {
    const { code, stdout } = await cli(['calibrate', 'examples/scenarios/two-regions.json', '--lever', 'migration.ruralToUrbanRate', '--lever-region', 'henan', '--observe', 'residentUrbanisationRate@2021=0.665', '--observe', 'residentUrbanisationRate@2022=0.674']);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toMatch(/^residentUrbanisationRate +2021 +66\.50 % +\d\d\.\d\d % +[-+]\d\.\d\d pts$/m);
    expect(stdout).toMatch(/^n = 2, mean absolute error \d\.\d\d pts, max \d\.\d\d pts, relative RMSE \d\.\d\d %$/m);
  }, 60_000);

  it('chengzhen hindcast prints levers and errors without raw floats', async () => {
    const { code, stdout } = await cli(['hindcast', 'Zhejiang', '--calibrate-up-to', '2022']);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toMatch(/^residentUrbanisationRate +2023 +\d\d\.\d\d % +\d\d\.\d\d % +([-+]\d\.\d\d|0\.00) pts$/m);
  }, 60_000);

  it('chengzhen scorecard --solve prints margins in pts and what it would take with four significant digits', async () => {
    const { code, stdout } = await cli(['scorecard', 'shandong-2021-2023-trend', '--solve']);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toMatch(/66\.00 % +\d\d\.\d\d % +missed +-\d\.\d\d pts +migration\.ruralToUrbanRate = 0\.0\d+ \(now 0\.0\d+\)/);
  }, 60_000);

  it('chengzhen run --format csv keeps full precision', async () => {
    const { code, stdout } = await cli(['run', 'examples/scenarios/two-regions.json', '--format', 'csv']);
    expect(code).toBe(0);
    const rate = stdout.split('\n').find((line) => line.startsWith('2021,all,residentUrbanisationRate,'))!;
    expect(rate.split(',')[3]).toMatch(/^0\.\d{12,}$/);
  });
});
