import { describe, expect, it } from 'vitest';
import { WPP2024_CHINA_E0_5X5 } from '../../../seeds/un-wpp2024/lifeExpectancy.js';
import { WPP2024_CHINA_MX } from '../../../seeds/un-wpp2024/mortality.js';
import { ChengzhenError } from '../../../src/errors.js';
import { lifeTable, lifeTableFromSingleAges } from '../../../src/model/demography/lifeTable.js';

describe('lifeTableFromSingleAges(mx, sex)', () => {
  // ages 0, 1 and the open group 2+, by hand:
  // a0 = 0.14929 - 1.99545 * 0.01 = 0.1293355 (Andreev-Kingkade, male, m0 < 0.023)
  // q0 = 0.01 / (1 + (1 - a0) * 0.01); l1 = 1 - q0; L0 = l1 + a0 * q0
  // q1 = 0.5 / (1 + 0.5 * 0.5) = 0.4; l2 = 0.6 * l1; L1 = l2 + 0.5 * 0.4 * l1 = 0.8 * l1
  // L2 = T2 = l2 / 1; e0 = L0 + L1 + L2
  const a0 = 0.1293355;
  const q0 = 0.01 / (1 + (1 - a0) * 0.01);
  const l1 = 1 - q0;
  const L0 = l1 + a0 * q0;
  const table = lifeTableFromSingleAges([0.01, 0.5, 1], 'male');

  it('computes every column as in Preston, Heuveline and Guillot (2001)', () => {
    expect(table.ax[0]).toBeCloseTo(a0, 15);
    expect(table.qx[0]).toBeCloseTo(0.00991368506351, 13);
    expect(table.qx[1]).toBeCloseTo(0.4, 15);
    expect(table.qx[2]).toBe(1);
    expect(table.lx[1]).toBeCloseTo(l1, 15);
    expect(table.lx[2]).toBeCloseTo(0.6 * l1, 15);
    expect(table.Lx[0]).toBeCloseTo(L0, 15);
    expect(table.Lx[1]).toBeCloseTo(0.8 * l1, 15);
    expect(table.Lx[2]).toBeCloseTo(0.6 * l1, 15);
    expect(table.Tx[0]).toBeCloseTo(L0 + 1.4 * l1, 15);
    expect(table.ex[0]).toBeCloseTo(2.3774893472621, 12);
    expect(table.ex[2]).toBeCloseTo(1, 15);
  });

  it('gives the kernel survival: L(a+1)/L(a) below A-1, the open group by constant force', () => {
    const l2 = 0.6 * l1;
    expect(table.sx[0]).toBeCloseTo((0.8 * l1) / L0, 15);
    // L(2, 3) = l2 (1 - e^-1) / 1: person-years at age 2 in the open group
    expect(table.sx[1]).toBeCloseTo((l2 * (1 - Math.exp(-1))) / (0.8 * l1), 15);
    expect(table.sx[2]).toBeCloseTo(Math.exp(-1), 15);
    expect(table.sb).toBeCloseTo(L0, 15);
  });

  it('uses the female Andreev-Kingkade a0 for women and the mean for both sexes', () => {
    expect(lifeTableFromSingleAges([0.01, 0.5, 1], 'female').ax[0]).toBeCloseTo(0.14903 - 2.05527 * 0.01, 15);
    expect(lifeTableFromSingleAges([0.01, 0.5, 1], 'both').ax[0]).toBeCloseTo((0.1293355 + 0.1284773) / 2, 15);
  });

  it('throws on a negative rate, an open rate of 0, and a rate that would make qx exceed 1', () => {
    expect(() => lifeTableFromSingleAges([0.01, -0.5, 1], 'male')).toThrow('mx[1] must be a number >= 0, received -0.5');
    expect(() => lifeTableFromSingleAges([0.01, 0.5, 0], 'male')).toThrow('mx[2] (the open age group) must be a number > 0, received 0');
    expect(() => lifeTableFromSingleAges([0.01, 2.5, 1], 'male')).toThrow(ChengzhenError);
    expect(() => lifeTableFromSingleAges([0.01, 2.5, 1], 'male')).toThrow('mx[1] must be below 2');
  });
});

describe('lifeTable(rates, { sex })', () => {
  it('reproduces the UN WPP 2024 e0 of China for every 5-year period and sex within 0.01 years', () => {
    // demography.md aims for 0.02 years; the largest difference is about 0.0068 (females, 1950-1955)
    let worst = 0;
    for (let p = 0; p < WPP2024_CHINA_MX.periodStarts.length; p++) {
      for (const sex of ['female', 'male', 'both'] as const) {
        const e0 = lifeTable(WPP2024_CHINA_MX[sex][p], { sex }).ex[0];
        worst = Math.max(worst, Math.abs(e0 - WPP2024_CHINA_E0_5X5.values[sex][p]));
      }
    }
    expect(worst).toBeLessThan(0.01);
    expect(worst).toBeGreaterThan(0);
  });

  it('matches the published e0 for 2020-2025: 75.3674 (male) and 81.0101 (female)', () => {
    const p = WPP2024_CHINA_MX.periodStarts.indexOf(2020);
    expect(lifeTable(WPP2024_CHINA_MX.male[p], { sex: 'male' }).ex[0]).toBeCloseTo(75.3674, 1);
    expect(Math.abs(lifeTable(WPP2024_CHINA_MX.male[p], { sex: 'male' }).ex[0] - 75.3674)).toBeLessThan(0.01);
    expect(Math.abs(lifeTable(WPP2024_CHINA_MX.female[p], { sex: 'female' }).ex[0] - 81.0101)).toBeLessThan(0.01);
  });

  it('keeps a stationary population stationary through the kernel survival', () => {
    // P[a] = L[a] (a < A), P[A] = T[A], births of 1 a year: survivors are the same population
    const p = WPP2024_CHINA_MX.periodStarts.indexOf(2050);
    const t = lifeTable(WPP2024_CHINA_MX.female[p], { sex: 'female' });
    const A = t.maxAge;
    expect(t.sb).toBe(t.Lx[0]);
    for (let a = 0; a < A - 1; a++) expect(t.Lx[a] * t.sx[a]).toBeCloseTo(t.Lx[a + 1], 14);
    expect((t.Lx[A - 1] * t.sx[A - 1] + t.Tx[A] * t.sx[A]) / t.Tx[A]).toBeCloseTo(1, 13);
    expect(t.sx.every((s) => s > 0 && s < 1)).toBe(true);
  });

  it('throws when the rates do not match the age groups', () => {
    expect(() => lifeTable([0.01, 0.001], { sex: 'male' })).toThrow('rates must hold 22 numbers, received 2');
  });
});
