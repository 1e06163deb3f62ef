import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WPP2024_CHINA_FERTILITY } from '../../../seeds/un-wpp2024/fertility.js';
import { kernelFertility, singleYearAsfr } from '../../../src/model/demography/fertility.js';
import { propertyRuns } from '../../helpers/properties.js';

describe('singleYearAsfr(tfr, pasfrPercent)', () => {
  it('adds up to the TFR to 1e-12 and keeps every group share, for every UN year 1950-2100', () => {
    const seed = WPP2024_CHINA_FERTILITY;
    for (let i = 0; i < seed.tfr.length; i++) {
      const F = singleYearAsfr(seed.tfr[i], seed.pasfrPercent[i], { ageStarts: seed.ageStarts });
      expect(F).toHaveLength(101);
      expect(Math.abs(F.reduce((s, v) => s + v, 0) - seed.tfr[i])).toBeLessThan(1e-12);
      expect(F.every((v) => v >= 0)).toBe(true);
      const percentSum = seed.pasfrPercent[i].reduce((s, v) => s + v, 0);
      seed.ageStarts.forEach((start, g) => {
        let group = 0;
        for (let a = start; a < start + 5; a++) group += F[a];
        expect(group).toBeCloseTo((seed.tfr[i] * seed.pasfrPercent[i][g]) / percentSum, 14);
      });
      for (let a = 0; a < 10; a++) expect(F[a]).toBe(0);
      for (let a = 55; a <= 100; a++) expect(F[a]).toBe(0);
    }
  });

  it('gives the 2021 UN pattern its peak in the late 20s', () => {
    const i = 2021 - WPP2024_CHINA_FERTILITY.firstYear;
    const F = singleYearAsfr(WPP2024_CHINA_FERTILITY.tfr[i], WPP2024_CHINA_FERTILITY.pasfrPercent[i]);
    const peak = F.indexOf(Math.max(...F));
    expect(peak).toBeGreaterThanOrEqual(25);
    expect(peak).toBeLessThanOrEqual(30);
  });

  it('adds up to any TFR, never negative (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 8, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 9, maxLength: 9 }).filter((w) => w.reduce((s, v) => s + v, 0) > 0.01),
        (tfr, weights) => {
          const total = weights.reduce((s, v) => s + v, 0);
          const percent = weights.map((w) => (100 * w) / total);
          const F = singleYearAsfr(tfr, percent);
          expect(Math.abs(F.reduce((s, v) => s + v, 0) - tfr)).toBeLessThan(1e-12);
          expect(F.every((v) => v >= 0)).toBe(true);
        },
      ),
      { numRuns: propertyRuns(200) },
    );
  });

  it('throws on percentages that do not add up to 100 and on a negative TFR', () => {
    expect(() => singleYearAsfr(1.2, [0, 2, 22, 35, 26, 11, 3, 1, 1])).toThrow('pasfrPercent must add up to 100 (within 0.1), received 101');
    expect(() => singleYearAsfr(-1, [0, 2, 22, 35, 26, 11, 3, 1, 0])).toThrow('tfr must be a number >= 0, received -1');
    expect(() => singleYearAsfr(1, [100])).toThrow('pasfrPercent must hold 9 numbers, received 1');
  });
});

describe('kernelFertility(asfr, sxFemale)', () => {
  it('averages the rate at a and, for survivors, at a+1: fx[a] = (F(a) + sx[a] F(a+1)) / 2', () => {
    // fx[0] = (0 + 1 * 0.1) / 2 = 0.05; fx[1] = (0.1 + 0.9 * 0.2) / 2 = 0.14;
    // fx[2] = (0.2 + 1 * 0) / 2 = 0.1; fx[3] (open) = 0 * (1 + 1) / 2 = 0
    const fx = kernelFertility([0, 0.1, 0.2, 0], [1, 0.9, 1, 1]);
    expect(fx[0]).toBeCloseTo(0.05, 15);
    expect(fx[1]).toBeCloseTo(0.14, 15);
    expect(fx[2]).toBeCloseTo(0.1, 15);
    expect(fx[3]).toBe(0);
  });

  it('keeps the TFR when nobody dies, and loses a little when women die', () => {
    const i = 2030 - WPP2024_CHINA_FERTILITY.firstYear;
    const F = singleYearAsfr(WPP2024_CHINA_FERTILITY.tfr[i], WPP2024_CHINA_FERTILITY.pasfrPercent[i]);
    const all = kernelFertility(F, new Float64Array(101).fill(1));
    expect(all.reduce((s, v) => s + v, 0)).toBeCloseTo(WPP2024_CHINA_FERTILITY.tfr[i], 14);
    const some = kernelFertility(F, new Float64Array(101).fill(0.99));
    expect(some.reduce((s, v) => s + v, 0)).toBeCloseTo(WPP2024_CHINA_FERTILITY.tfr[i] * 0.995, 14);
  });

  it('throws on survival outside [0, 1] and on lengths that differ', () => {
    expect(() => kernelFertility([0, 0.1], [1, 1.2])).toThrow('sxFemale[1] must be a number in [0, 1], received 1.2');
    expect(() => kernelFertility([0, 0.1], [1])).toThrow('sxFemale must hold 2 numbers, received 1');
  });
});
