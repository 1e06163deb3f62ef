/**
 * Levers: withLever(scenario, lever, x) sets a plain number (value mode) or multiplies a
 * schedule (scale mode), for all regions or one; leverBounds gives the range a solver may
 * search; unknown or missing levers are refused with the lever named; the scenario given is
 * never changed.
 */

import { describe, expect, it } from 'vitest';
import { scheduleFunction } from '../../src/schema/schedule.js';
import { parseScenario, type Scenario } from '../../src/schema/scenario.js';
import { LEVERS, leverBounds, leverMode, leverSchedule, withLever, type LeverPath, type LeverSpec, type LeverValue } from '../../src/solve/levers.js';
import { chinaFrom2020, twoTowns } from './fixtures.js';
import { issueOf } from '../helpers/errors.js';

const china = (): Scenario => parseScenario(chinaFrom2020(2025));
const towns = (): Scenario => parseScenario(twoTowns());

describe('withLever(scenario, lever, x)', () => {
  it('replaces a plain number by the value (value mode)', () => {
    const s = china();
    expect(leverMode(s, { path: 'hukou.conversionRate' })).toBe('value');
    const moved = withLever(s, { path: 'hukou.conversionRate' }, 0.05);
    expect(moved.hukou.conversionRate).toBe(0.05);
    // nothing else moves
    expect({ ...moved, hukou: s.hukou }).toEqual(s);
  });

  it('multiplies a schedule by the factor, keeping its shape (scale mode)', () => {
    const s = towns();
    const lever = { path: 'hukou.conversionRate' } as const;
    expect(leverMode(s, lever)).toBe('scale');
    const moved = withLever(s, lever, 1.5);
    // the schedule carried a scale of 2 already: 2 x 1.5 = 3
    expect(moved.hukou.conversionRate).toEqual({ linear: { from: [2025, 0.01], to: [2030, 0.05] }, scale: 3 });
    const fn = scheduleFunction(moved.hukou.conversionRate as never, ['hukou', 'conversionRate']);
    expect(fn(2025)).toBeCloseTo(0.03, 15);
    expect(fn(2030)).toBeCloseTo(0.15, 15);
  });

  it('sets a schedule to a constant when asked for value mode', () => {
    const moved = withLever(towns(), { path: 'hukou.conversionRate', mode: 'value' }, 0.02);
    expect(moved.hukou.conversionRate).toBe(0.02);
  });

  it('scales a plain number when asked for scale mode', () => {
    const moved = withLever(china(), { path: 'migration.ruralToUrbanRate', mode: 'scale' }, 1.25);
    expect(moved.migration.ruralToUrbanRate).toBe(0.025);
  });

  it('moves one region of a per-region lever and leaves the others', () => {
    const s = towns();
    const scaled = withLever(s, { path: 'migration.ruralToUrbanRate', region: 'inland' }, 0.5);
    expect(scaled.migration.ruralToUrbanRate).toEqual({
      byRegion: { inland: { linear: { from: [2021, 0.03], to: [2030, 0.02] }, scale: 0.5 }, coast: 0.025 },
    });
    const valued = withLever(s, { path: 'migration.ruralToUrbanRate', region: 'coast' }, 0.04);
    expect(valued.migration.ruralToUrbanRate).toEqual({ byRegion: { inland: { linear: { from: [2021, 0.03], to: [2030, 0.02] } }, coast: 0.04 } });
  });

  it('gives a region its own value where the lever fell back on the default', () => {
    const s = towns();
    // coast has no mortality factor of its own: it takes the default 0.9
    expect(leverSchedule(s, { path: 'demography.mortality.mxScale', region: 'coast' })).toBe(0.9);
    const moved = withLever(s, { path: 'demography.mortality.mxScale', region: 'coast' }, 0.8);
    expect(moved.demography.mortality.mxScale).toEqual({ byRegion: { inland: 1.05, coast: 0.8 }, default: 0.9 });
  });

  it('turns a plain number into a per-region value with the old value as the default', () => {
    const s = towns();
    const moved = withLever(s, { path: 'migration.returnRate', region: 'coast' }, 0.02);
    expect(moved.migration.returnRate).toEqual({ byRegion: { coast: 0.02 }, default: 0.01 });
    // and the result is a valid scenario whose coast returns at 0.02, inland at 0.01
    const reparsed = parseScenario(moved);
    expect(leverSchedule(reparsed, { path: 'migration.returnRate', region: 'coast' })).toBe(0.02);
    expect(leverSchedule(reparsed, { path: 'migration.returnRate', region: 'inland' })).toBe(0.01);
  });

  it('never changes the scenario it is given', () => {
    const s = towns();
    const before = structuredClone(s);
    withLever(s, { path: 'hukou.conversionRate' }, 3);
    withLever(s, { path: 'migration.ruralToUrbanRate', region: 'inland' }, 2);
    withLever(s, { path: 'migration.ruralToUrbanRate', region: 'coast' }, 0.1);
    withLever(s, { path: 'migration.returnRate', region: 'coast' }, 0.2);
    withLever(s, { path: 'demography.mortality.mxScale', region: 'coast' }, 0.7);
    expect(s).toEqual(before);
  });

  it('refuses a path that is not a lever, naming the levers', () => {
    const issue = issueOf(() => withLever(china(), { path: 'migration.fooRate' as LeverPath }, 1));
    expect(issue.code).toBe('invalid_value');
    expect(issue.path).toEqual(['migration', 'fooRate']);
    expect(issue.message).toBe(`lever migration.fooRate is not a lever; levers are ${Object.keys(LEVERS).join(', ')}`);
  });

  it('refuses a lever the scenario does not have', () => {
    expect(issueOf(() => withLever(china(), { path: 'services.elderlyCare.beds.additionsPerYear' }, 1)).message).toBe(
      'lever services.elderlyCare.beds.additionsPerYear is not in this scenario (no services)',
    );
    expect(issueOf(() => withLever(china(), { path: 'demography.mortality.mxScale' }, 1)).message).toBe(
      'lever demography.mortality.mxScale is not set in this scenario',
    );
  });

  it('moves a per-region lever in every region when no region is named, and refuses a region with no value and no default', () => {
    expect(withLever(towns(), { path: 'migration.ruralToUrbanRate' }, 2).migration.ruralToUrbanRate).toEqual({
      byRegion: { inland: { linear: { from: [2021, 0.03], to: [2030, 0.02] }, scale: 2 }, coast: 0.05 },
    });
    expect(issueOf(() => withLever(towns(), { path: 'migration.ruralToUrbanRate', region: 'mountain' }, 1)).message).toBe(
      'lever migration.ruralToUrbanRate has no value for region mountain',
    );
  });
});

describe('leverBounds(scenario, lever)', () => {
  it("is the lever's valid range in value mode", () => {
    expect(leverBounds(china(), { path: 'hukou.conversionRate' })).toEqual([0, 1]);
    expect(leverBounds(towns(), { path: 'demography.mortality.mxScale', region: 'inland' })).toEqual([0.01, 10]);
    expect(leverBounds(towns(), { path: 'migration.ruralToUrbanRate', region: 'coast' })).toEqual([0, 1]);
  });

  it("is 0 up to the factor that brings the schedule's peak over the projected years to the lever's maximum", () => {
    // inland: 0.03 in 2021 falling to 0.02: peak 0.03
    const [lo, hi] = leverBounds(towns(), { path: 'migration.ruralToUrbanRate', region: 'inland' });
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(1 / 0.03, 12);
    // 2 x (0.01 rising to 0.05 over 2025-2030): by 2027, the end year, 2 x 0.026 = 0.052
    expect(leverBounds(towns(), { path: 'hukou.conversionRate' })[1]).toBeCloseTo(1 / 0.052, 12);
  });

  it('caps the factor at 100', () => {
    const s = parseScenario({ ...chinaFrom2020(2025), hukou: { conversionRate: { points: [[2021, 0.001], [2025, 0.002]] } } });
    expect(leverBounds(s, { path: 'hukou.conversionRate' })).toEqual([0, 100]);
  });

  it('refuses to scale a schedule that is zero in every year', () => {
    const s = parseScenario({ ...chinaFrom2020(2025), hukou: { conversionRate: { linear: { from: [2021, 0], to: [2025, 0] } } } });
    expect(issueOf(() => leverBounds(s, { path: 'hukou.conversionRate' })).message).toBe(
      'lever hukou.conversionRate is zero in every year, so no factor moves it: solve for its value with mode "value"',
    );
  });
});

describe('typed lever paths', () => {
  it('a misspelt lever path does not compile, and is refused at run time when it comes in anyway', () => {
    // @ts-expect-error 'hukou.conversionrate' is not a lever path
    const wrong: LeverSpec = { path: 'hukou.conversionrate' };
    // @ts-expect-error 'migration.ruralToUrban' is not a lever path either
    expect(() => leverSchedule(china(), { path: 'migration.ruralToUrban' })).toThrow('lever migration.ruralToUrban is not a lever');
    expect(issueOf(() => withLever(china(), wrong, 1)).message).toMatch(/^lever hukou\.conversionrate is not a lever; levers are /);
  });

  it('LeverValue is the type the scenario holds at the path: a schedule (or a data choice for the TFR)', () => {
    const rate: LeverValue<'hukou.conversionRate'> = { linear: { from: [2021, 0.02], to: [2025, 0.04] } };
    const tfr: LeverValue<'demography.fertility.tfr'> = 'un-wpp2024';
    // @ts-expect-error a rate is a schedule, not text
    const text: LeverValue<'hukou.conversionRate'> = 'fast';
    expect(withLever(china(), { path: 'hukou.conversionRate' }, 0.03).hukou.conversionRate).toBe(0.03);
    expect([rate, tfr, text]).toHaveLength(3);
  });

  it('withLever copies only along the path: every other section is shared with the scenario given', () => {
    const s = china();
    const moved = withLever(s, { path: 'hukou.conversionRate' }, 0.03);
    expect(moved.hukou).not.toBe(s.hukou);
    expect(moved.migration).toBe(s.migration);
    expect(moved.demography).toBe(s.demography);
    expect(moved.regions).toBe(s.regions);
  });
});
