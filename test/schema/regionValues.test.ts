import { describe, expect, it } from 'vitest';
import { forRegion, regionScheduleValues } from '../../src/schema/regionValues.js';
import { thrownBy } from '../helpers/errors.js';

describe('forRegion(value, id, path)', () => {
  it('a plain value applies to every region, at the path given', () => {
    expect(forRegion(0.02, 'coast', ['migration', 'returnRate'])).toEqual({ value: 0.02, path: ['migration', 'returnRate'] });
  });

  it('a region named in byRegion gets its own value; others get the default', () => {
    const value = { byRegion: { shanghai: 0.01 }, default: 0.02 };
    expect(forRegion(value, 'shanghai', ['r'])).toEqual({ value: 0.01, path: ['r', 'byRegion', 'shanghai'] });
    expect(forRegion(value, 'shandong', ['r'])).toEqual({ value: 0.02, path: ['r', 'default'] });
  });

  it('a value of 0 in byRegion is used, not the default', () => {
    expect(forRegion({ byRegion: { a: 0 }, default: 0.5 }, 'a', ['r']).value).toBe(0);
  });

  it('does not take inherited keys such as constructor or __proto__ for region ids', () => {
    const error = thrownBy(() => forRegion({ byRegion: { a: 1 } }, 'constructor', ['r']));
    expect(error.issues[0].path).toEqual(['r', 'byRegion', 'constructor']);
  });

  it('rejects a region with no value and no default', () => {
    const error = thrownBy(() => forRegion({ byRegion: { shanghai: 0.01 } }, 'shandong', ['hukou', 'conversionRate']));
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: ['hukou', 'conversionRate', 'byRegion', 'shandong'], expected: 'byRegion.shandong or default' });
    expect(error.message).toMatchInlineSnapshot(`"hukou.conversionRate has no value for region "shandong" and no default"`);
  });
});

describe('regionScheduleValues(value, id, path, from, to, range)', () => {
  it("gives each region's schedule by year", () => {
    const value = { byRegion: { a: { linear: { from: [2020, 0], to: [2024, 1] } as { from: [number, number]; to: [number, number] } } }, default: 0.5 };
    expect(regionScheduleValues(value, 'a', ['x'], 2021, 2023)).toEqual([0.25, 0.5, 0.75]);
    expect(regionScheduleValues(value, 'b', ['x'], 2021, 2023)).toEqual([0.5, 0.5, 0.5]);
  });

  it('names the region in the path of a value out of range', () => {
    const error = thrownBy(() =>
      regionScheduleValues({ byRegion: { coast: { points: [[2021, 0.5], [2023, 1.5]] } } }, 'coast', ['migration', 'ruralToUrbanRate'], 2021, 2023, { min: 0, max: 1 }),
    );
    expect(error.message).toMatchInlineSnapshot(`"migration.ruralToUrbanRate.byRegion.coast[year=2023] must be in [0, 1], received 1.5"`);
  });
});
