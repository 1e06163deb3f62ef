/**
 * baseRegionsFast: the base of the common form read with plain loops is what the schema gives
 * (same keys in the same order, same numbers, -0 kept), and anything the schema would refuse or
 * read otherwise is left to the schema, so a scenario's issues are the schema's.
 */

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getPreset } from '../../src/presets/index.js';
import { baseRegionsFast } from '../../src/schema/baseRegionsFast.js';
import { BaseRegionSchema, safeParseScenario } from '../../src/schema/scenario.js';
import { smallTwoRegions } from '../model/fixtures/scenarios.js';

const schemaBase = z.record(z.string(), BaseRegionSchema);

/** Keys (in order) and values of a parsed value, -0 told apart from 0. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([k, v]) => [k, shape(v)]);
  return Object.is(value, -0) ? '-0' : value;
}

const town = (over: Record<string, unknown> = {}) => ({
  population: { ageGroups: { starts: [0, 15, 65], female: [10, -0, 3.5], male: [9, 20, 1] } },
  residentUrbanisationRate: 0.6,
  hukouUrbanisationRate: 0.4,
  ...over,
});

describe('baseRegionsFast(base)', () => {
  it('gives what the schema gives for the county preset and for a base in another key order', () => {
    const base = getPreset('china-counties-2024-2028-trend').scenario.base;
    expect(shape(baseRegionsFast(base))).toEqual(shape(schemaBase.parse(base)));
    const reordered = { b: { hukouUrbanisationRate: 0.1, population: { ageGroups: { male: [1, 2], female: [3, 4], starts: [0, 50] } }, residentUrbanisationRate: 0.2 }, a: town() };
    expect(shape(baseRegionsFast(reordered))).toEqual(shape(schemaBase.parse(reordered)));
  });

  it.each([
    ['a census area', { census2020: 'Zhejiang' }],
    ['a rescaled total', { ageGroups: { starts: [0, 65], female: [1, 2], male: [1, 2] }, scaleToTotal: 10 }],
    ['a negative count', { ageGroups: { starts: [0, 65], female: [1, -2], male: [1, 2] } }],
    ['a count that is not finite', { ageGroups: { starts: [0, 65], female: [1, Infinity], male: [1, 2] } }],
    ['a start that is not whole', { ageGroups: { starts: [0, 6.5], female: [1, 2], male: [1, 2] } }],
    ['one group', { ageGroups: { starts: [0], female: [1], male: [1] } }],
    ['a string', { ageGroups: { starts: [0, 65], female: [1, '2'], male: [1, 2] } }],
    ['an unknown key', { ageGroups: { starts: [0, 65], female: [1, 2], male: [1, 2], extra: 1 } }],
  ])('leaves %s to the schema', (_, population) => {
    expect(baseRegionsFast({ a: town({ population }) })).toBeNull();
  });

  it('leaves rates out of range, status patterns and a non-object base to the schema', () => {
    expect(baseRegionsFast({ a: town({ residentUrbanisationRate: 1.2 }) })).toBeNull();
    expect(baseRegionsFast({ a: town({ statusAgePattern: { migrant: 'flat' } }) })).toBeNull();
    expect(baseRegionsFast([town()])).toBeNull();
    expect(baseRegionsFast(null)).toBeNull();
  });

  it('a scenario of age-group bases with a problem is reported by the schema, every issue with its path', () => {
    const input = smallTwoRegions();
    const bad = { ...input, base: { inland: town({ residentUrbanisationRate: 1.5 }), coast: town() }, name: '' };
    const result = safeParseScenario(bad);
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'base.inland.residentUrbanisationRate']));
  });
});
