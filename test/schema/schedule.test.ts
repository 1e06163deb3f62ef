/**
 * Schedules: every form gives the hand-computed value in each year, out-of-order points are
 * rejected, and values out of range are reported with the field and the year.
 */

import { describe, expect, it } from 'vitest';
import { scaleSchedule, ScheduleSchema, scheduleFunction, scheduleValues, type Schedule } from '../../src/schema/schedule.js';
import { thrownBy } from '../helpers/errors.js';

/** The schedule's values in `years`. */
function at(schedule: Schedule, years: number[]): number[] {
  const fn = scheduleFunction(schedule, ['x']);
  return years.map(fn);
}

describe('scheduleFunction(schedule, path)', () => {
  it('a number is the same in every year', () => {
    expect(at(0.02, [1800, 2024, 2300])).toEqual([0.02, 0.02, 0.02]);
  });

  it('linear: constant before from and after to, straight between', () => {
    const line: Schedule = { linear: { from: [2024, 1], to: [2028, 3] } };
    expect(at(line, [2020, 2024, 2025, 2026, 2027, 2028, 2035])).toEqual([1, 1, 1.5, 2, 2.5, 3, 3]);
  });

  it('linear may fall as well as rise', () => {
    expect(at({ linear: { from: [2020, 0.04], to: [2024, 0.02] } }, [2022])).toEqual([0.03]);
  });

  it('points, linear (the default): through each point, constant outside', () => {
    const points: Schedule = { points: [[2020, 0], [2030, 1], [2040, 0.5]] };
    expect(at(points, [2015, 2020, 2025, 2030, 2035, 2040, 2045])).toEqual([0, 0, 0.5, 1, 0.75, 0.5, 0.5]);
    expect(at({ ...points, interpolation: 'linear' }, [2025, 2035])).toEqual([0.5, 0.75]);
  });

  it('points, step: each value held until the next point', () => {
    const step: Schedule = { points: [[2020, 0], [2030, 1], [2040, 0.5]], interpolation: 'step' };
    expect(at(step, [2015, 2020, 2029, 2030, 2039, 2040, 2045])).toEqual([0, 0, 0, 1, 1, 0.5, 0.5]);
  });

  it('a single point is a constant', () => {
    expect(at({ points: [[2030, 0.25]] }, [2000, 2030, 2100])).toEqual([0.25, 0.25, 0.25]);
  });

  it('formula: evaluated in year', () => {
    expect(at({ formula: '0.5 + 0.25 * (year - 2024)' }, [2024, 2026])).toEqual([0.5, 1]);
    expect(at({ formula: 'year < 2025 ? 0.01 : 0.02' }, [2024, 2025])).toEqual([0.01, 0.02]);
    expect(at({ formula: 'min(0.05, 0.01 * (year - 2020))' }, [2022, 2030])).toEqual([0.02, 0.05]);
  });

  it('scale multiplies every form', () => {
    expect(at({ linear: { from: [2024, 1], to: [2028, 3] }, scale: 2 }, [2026])).toEqual([4]);
    expect(at({ points: [[2020, 0], [2030, 1]], scale: 0.5 }, [2025])).toEqual([0.25]);
    expect(at({ points: [[2020, 0], [2030, 1]], interpolation: 'step', scale: 3 }, [2030])).toEqual([3]);
    expect(at({ formula: 'year - 2020', scale: 0.5 }, [2024])).toEqual([2]);
  });

  it('rejects a linear schedule whose to year is not after its from year', () => {
    const error = thrownBy(() => scheduleFunction({ linear: { from: [2030, 1], to: [2030, 2] } }, ['hukou', 'conversionRate']));
    expect(error.issues[0].path).toEqual(['hukou', 'conversionRate', 'linear', 'to']);
    expect(error.message).toMatchInlineSnapshot(`"hukou.conversionRate.linear.to must be a later year than linear.from (2030), received 2030"`);
  });

  it('rejects points out of order, naming the point', () => {
    const error = thrownBy(() => scheduleFunction({ points: [[2020, 0], [2030, 1], [2025, 2]] }, ['migration', 'returnRate']));
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: ['migration', 'returnRate', 'points', 2], received: '2025' });
    expect(error.message).toMatchInlineSnapshot(`"migration.returnRate.points[2] must come after the point before it (year 2030), received year 2025"`);
  });

  it('rejects two points in the same year', () => {
    const error = thrownBy(() => scheduleFunction({ points: [[2020, 0], [2020, 1]], interpolation: 'step' }, ['x']));
    expect(error.message).toMatchInlineSnapshot(`"x.points[1] must come after the point before it (year 2020), received year 2020"`);
  });
});

describe('scheduleValues(schedule, path, from, to, range)', () => {
  it('lists the values from `from` to `to` inclusive', () => {
    expect(scheduleValues({ points: [[2024, 1], [2026, 2]], interpolation: 'step' }, ['tfr'], 2024, 2027)).toEqual([1, 1, 2, 2]);
    expect(scheduleValues({ linear: { from: [2021, 0.5], to: [2025, 0.25] } }, ['m'], 2021, 2025)).toEqual([0.5, 0.4375, 0.375, 0.3125, 0.25]);
  });

  it('rejects a value above the range in a later year only, naming the field and the year', () => {
    const schedule: Schedule = { linear: { from: [2021, 0.5], to: [2025, 1.5] } };
    expect(scheduleValues(schedule, ['m'], 2021, 2022, { min: 0, max: 1 })).toEqual([0.5, 0.75]);
    const error = thrownBy(() => scheduleValues(schedule, ['migration', 'ruralToUrbanRate'], 2021, 2025, { min: 0, max: 1 }));
    expect(error.issues).toEqual([
      {
        code: 'out_of_range',
        path: ['migration', 'ruralToUrbanRate'],
        coords: { year: 2024 },
        message: 'migration.ruralToUrbanRate[year=2024] must be in [0, 1], received 1.25',
        expected: '[0, 1]',
        received: '1.25',
      },
    ]);
  });

  it('rejects a value below the range', () => {
    const error = thrownBy(() => scheduleValues({ formula: '0.02 - 0.01 * (year - 2020)' }, ['c'], 2020, 2025, { min: 0, max: 1 }));
    expect(error.issues[0].coords).toEqual({ year: 2023 });
    expect(error.message).toMatchInlineSnapshot(`"c[year=2023] must be in [0, 1], received -0.009999999999999998"`);
  });

  it('with no range still rejects a formula that is not finite, naming the year', () => {
    const error = thrownBy(() => scheduleValues({ formula: '1 / (year - 2023)' }, ['tfr'], 2021, 2025));
    expect(error.issues[0]).toMatchObject({ code: 'formula', path: ['tfr', 'formula'], coords: { year: 2023 } });
  });
});

describe('scaleSchedule(schedule, factor)', () => {
  it('multiplies a number', () => {
    expect(scaleSchedule(0.02, 1.5)).toBe(0.03);
  });

  it('sets scale on other forms without changing the schedule given, and composes', () => {
    const line = Object.freeze({ linear: Object.freeze({ from: [2024, 1] as [number, number], to: [2028, 3] as [number, number] }) });
    const twice = scaleSchedule(scaleSchedule(line, 2), 1.5);
    expect(twice).toEqual({ linear: { from: [2024, 1], to: [2028, 3] }, scale: 3 });
    expect(line).toEqual({ linear: { from: [2024, 1], to: [2028, 3] } });
    expect(at(twice, [2026])).toEqual([6]);
  });
});

describe('ScheduleSchema', () => {
  it('accepts each form', () => {
    for (const s of [0.1, { linear: { from: [2020, 0], to: [2030, 1] } }, { points: [[2020, 1]], interpolation: 'step' }, { formula: 'year' }, { formula: 'year', scale: 2 }]) {
      expect(ScheduleSchema.safeParse(s).success).toBe(true);
    }
  });

  it('rejects no points, an empty formula, a fractional year, unknown keys and Infinity', () => {
    for (const s of [{ points: [] }, { formula: '' }, { points: [[2020.5, 1]] }, { linear: { from: [2020, 0], to: [2030, 1] }, slope: 1 }, Infinity, { points: [[2020, 1]], interpolation: 'cubic' }]) {
      expect(ScheduleSchema.safeParse(s).success).toBe(false);
    }
  });
});
