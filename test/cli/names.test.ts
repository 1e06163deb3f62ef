/**
 * Names typed on the command line: presets and areas without regard to case when unambiguous;
 * an unknown preset, area or file offers the closest names; a rate given as a per cent gets a
 * hint.
 */

import { describe, expect, it } from 'vitest';
import { closestNames, didYouMean, editDistance, matchName } from '../../src/cli/names.js';
import { parseTargetArgument } from '../../src/cli/commands/solve.js';
import { cli } from './cliHarness.js';

describe('editDistance(a, b)', () => {
  it('counts insertions, deletions and substitutions, ignoring case', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('China', 'china')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('shangai-2024-2028', 'shanghai-2024-2028')).toBe(1);
  });
});

describe('matchName(name, names) and closestNames(name, names)', () => {
  it('matches without regard to case only when one name matches so', () => {
    expect(matchName('ZHEJIANG', ['China', 'Zhejiang'])).toBe('Zhejiang');
    expect(matchName('a', ['A', 'a'])).toBe('a');
    expect(matchName('b', ['A', 'B', 'b '])).toBe('B');
    expect(matchName('x', ['X1', 'x2'])).toBeUndefined();
    expect(matchName('ab', ['AB', 'Ab'])).toBeUndefined();
  });

  it('offers up to three names, the closest first', () => {
    const ids = ['national-2024-2028', 'national-2024-2028-trend', 'shanghai-2024-2028', 'zhejiang-2023'];
    expect(closestNames('national-2024-2029', ids)).toEqual(['national-2024-2028']);
    expect(closestNames('national', ids)).toEqual(['national-2024-2028', 'national-2024-2028-trend']);
    expect(closestNames('zhejiang', ids)).toEqual(['zhejiang-2023']);
    expect(closestNames('beijing-2030', ids)).toEqual([]);
    expect(didYouMean('Shangai', ['Shanghai', 'Shandong'])).toBe('; did you mean Shanghai?');
    expect(didYouMean('shan', ['Shanghai', 'Shandong', 'China'])).toBe('; did you mean Shandong or Shanghai?');
  });
});

describe('chengzhen COMMAND with names as a new user types them', () => {
  it('chengzhen scorecard SHANDONG-2021-2023-TREND finds the preset whatever the case', async () => {
    const upper = await cli(['scorecard', 'SHANDONG-2021-2023-TREND', '--json']);
    const exact = await cli(['scorecard', 'shandong-2021-2023-trend', '--json']);
    expect(upper.code).toBe(0);
    expect(upper.stdout).toBe(exact.stdout);
  });

  it('chengzhen run Zhejiang-2023 --format csv gives what zhejiang-2023 gives', async () => {
    const mixed = await cli(['run', 'Zhejiang-2023', '--format', 'csv']);
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toBe((await cli(['run', 'zhejiang-2023', '--format', 'csv'])).stdout);
  });

  it('an unknown preset offers the closest ids (exit 2)', async () => {
    expect(await cli(['run', 'natinal-2024-2028'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `chengzhen run: "natinal-2024-2028" is neither a file nor a preset; did you mean national-2024-2028? (see chengzhen presets)\nRun 'chengzhen run --help' for usage.\n`,
    });
    const scorecard = await cli(['scorecard', 'zhejiang']);
    expect(scorecard.code).toBe(2);
    expect(scorecard.stderr).toContain('there is no preset "zhejiang"; did you mean zhejiang-2023 or zhejiang-2023-trend? (see chengzhen presets)');
  });

  it('an unknown file offers the closest files beside it (exit 2)', async () => {
    const { code, stderr } = await cli(['run', 'examples/scenarios/two-region.json']);
    expect(code).toBe(2);
    expect(stderr).toBe('chengzhen run: bad input (1 problem)\n  - cannot read examples/scenarios/two-region.json: no such file; did you mean two-regions.json?\n');
  });

  it('chengzhen hindcast zhejiang finds Zhejiang; an unknown area offers the closest', async () => {
    const lower = await cli(['hindcast', 'zhejiang', '--json']);
    expect(lower.code).toBe(0);
    expect(JSON.parse(lower.stdout)).toMatchObject({ area: 'Zhejiang' });
    const unknown = await cli(['hindcast', 'Shangai']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no hindcast area "Shangai"; did you mean Shanghai? (areas: China, Shanghai, Shandong, Zhejiang)');
  });
});

describe('parseTargetArgument(text, option)', () => {
  it('reads INDICATOR@YEAR=VALUE', () => {
    expect(parseTargetArgument('residentUrbanisationRate@2028=0.7')).toEqual({ indicator: 'residentUrbanisationRate', year: 2028, value: 0.7 });
    expect(parseTargetArgument('population@2030=1.4e9')).toEqual({ indicator: 'population', year: 2030, value: 1.4e9 });
  });

  it('hints that a rate given as 70 means 0.7', () => {
    expect(() => parseTargetArgument('residentUrbanisationRate@2028=70')).toThrow(
      '--target residentUrbanisationRate@2028=70: residentUrbanisationRate is a share between 0 and 1, received 70; did you mean residentUrbanisationRate@2028=0.7 (70 %)?',
    );
    expect(() => parseTargetArgument('hukouUrbanisationRate@2025=52.5', '--observe')).toThrow('did you mean hukouUrbanisationRate@2025=0.525 (52.5 %)?');
  });

  it('refuses values that are not one number (1.2.3, 1e999)', () => {
    expect(() => parseTargetArgument('residentUrbanisationRate@2028=1.2.3')).toThrow('--target must look like INDICATOR@YEAR=VALUE');
    expect(() => parseTargetArgument('population@2028=1e999')).toThrow('the value must be a finite number, received 1e999');
  });

  it('chengzhen solve PRESET --target residentUrbanisationRate@2028=70: exit 2 with the hint', async () => {
    const { code, stderr } = await cli(['solve', 'national-2024-2028-trend', '--lever', 'migration.ruralToUrbanRate', '--target', 'residentUrbanisationRate@2028=70']);
    expect(code).toBe(2);
    expect(stderr).toContain('did you mean residentUrbanisationRate@2028=0.7 (70 %)?');
  });
});
