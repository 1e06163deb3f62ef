import { describe, expect, it } from 'vitest';
import { WPP2024_CHINA_MX } from '../../../seeds/un-wpp2024/mortality.js';
import { infantSeparationFactor } from '../../../src/model/demography/infantSeparationFactor.js';
import { lifeTableFromSingleAges } from '../../../src/model/demography/lifeTable.js';
import { ABRIDGED_AGE_STARTS, ungroupDeathRates } from '../../../src/model/demography/ungroupDeathRates.js';

describe('ungroupDeathRates(rates, ageStarts, sex)', () => {
  const p = WPP2024_CHINA_MX.periodStarts.indexOf(2020);
  const rates = WPP2024_CHINA_MX.male[p];
  const m = ungroupDeathRates(rates, ABRIDGED_AGE_STARTS, 'male');

  it('gives every group its published life-table death rate (sum dx / sum Lx) to 1e-12', () => {
    const t = lifeTableFromSingleAges(m, 'male');
    for (let g = 0; g < ABRIDGED_AGE_STARTS.length - 1; g++) {
      let deaths = 0;
      let years = 0;
      for (let x = ABRIDGED_AGE_STARTS[g]; x < ABRIDGED_AGE_STARTS[g + 1]; x++) {
        deaths += t.dx[x];
        years += t.Lx[x];
      }
      expect(Math.abs(deaths / years / rates[g] - 1)).toBeLessThan(1e-12);
    }
    expect(m[100]).toBe(rates[21]);
    expect(m[0]).toBeCloseTo(rates[0], 15);
  });

  it('is smooth and rises steadily with age past 30 (no steps at group edges)', () => {
    for (let x = 31; x < 100; x++) expect(m[x]).toBeGreaterThan(m[x - 1]);
    for (const edge of [40, 50, 60, 70, 80, 90]) expect(m[edge] / m[edge - 1]).toBeLessThan(1.15);
  });

  it('keeps a group of zero deaths at zero', () => {
    const z = ungroupDeathRates([0.01, 0, 0.001, 0.5], [0, 1, 5, 10], 'female');
    expect(Array.from(z.slice(1, 5))).toEqual([0, 0, 0, 0]);
  });

  it('throws on a negative rate or an open group rate of 0', () => {
    expect(() => ungroupDeathRates([0.01, -1, 0.001, 0.5], [0, 1, 5, 10])).toThrow('rates[1] must be a number >= 0, received -1');
    expect(() => ungroupDeathRates([0.01, 0.001, 0.001, 0], [0, 1, 5, 10])).toThrow('rates[3] (the open age group) must be a number > 0, received 0');
    expect(() => ungroupDeathRates([0.01, 0.001, 0.5], [1, 5, 10])).toThrow('ageStarts[0] must be 0, received 1');
  });
});

describe('infantSeparationFactor(m0, sex)', () => {
  it('follows the three pieces of Andreev and Kingkade (2015) for each sex', () => {
    expect(infantSeparationFactor(0.01, 'male')).toBeCloseTo(0.14929 - 1.99545 * 0.01, 15);
    expect(infantSeparationFactor(0.05, 'male')).toBeCloseTo(0.02832 + 3.26201 * 0.05, 15);
    expect(infantSeparationFactor(0.1, 'male')).toBe(0.29915);
    expect(infantSeparationFactor(0.01, 'female')).toBeCloseTo(0.14903 - 2.05527 * 0.01, 15);
    expect(infantSeparationFactor(0.05, 'female')).toBeCloseTo(0.04667 + 3.88089 * 0.05, 15);
    expect(infantSeparationFactor(0.07, 'female')).toBe(0.31411);
    expect(infantSeparationFactor(0.05, 'both')).toBeCloseTo((0.02832 + 3.26201 * 0.05 + 0.04667 + 3.88089 * 0.05) / 2, 15);
  });

  it('throws on a negative rate', () => {
    expect(() => infantSeparationFactor(-0.01, 'male')).toThrow('m0 must be a number >= 0, received -0.01');
  });
});
