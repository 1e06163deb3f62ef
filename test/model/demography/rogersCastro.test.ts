import { describe, expect, it } from 'vitest';
import { ROGERS_CASTRO_STANDARD, rogersCastro } from '../../../src/model/demography/rogersCastro.js';

// The "fundamental parameters" of Rogers and Castro (1981), Model Migration Schedules, IIASA
// RR-81-30 (also the defaults of the R package migest, rc9.fund): a1 = 0.02, alpha1 = 0.1,
// a2 = 0.06, alpha2 = 0.1, mu2 = 20, lambda2 = 0.4, c = 0.003.
// m(x) = a1 e^(-alpha1 x) + a2 e^(-alpha2 (x - mu2) - e^(-lambda2 (x - mu2))) + c, by hand:
//   x = 20: 0.02 e^-2 + 0.06 e^(0 - e^0) + 0.003 = 0.0027067057 + 0.0220727665 + 0.003 = 0.0277794721
//   x = 30: 0.02 e^-3 + 0.06 e^(-1 - e^-4) + 0.003 = 0.0009957414 + 0.0216721694 + 0.003 = 0.0256679108
//   x = 10: 0.02 e^-1 + 0.06 e^(1 - e^4) + 0.003 = 0.0073575888 + 3.2e-25 + 0.003 = 0.0103575888
//   x = 0:  0.02 + 0.06 e^(2 - e^8) + 0.003 = 0.023
describe('rogersCastro(ages, parameters)', () => {
  it('evaluates the 7-parameter standard schedule at hand-computed points', () => {
    const m = rogersCastro([0, 10, 20, 30], ROGERS_CASTRO_STANDARD);
    expect(m[0]).toBeCloseTo(0.023, 12);
    expect(m[1]).toBeCloseTo(0.0103575888, 10);
    expect(m[2]).toBeCloseTo(0.0277794721, 10);
    expect(m[3]).toBeCloseTo(0.0256679108, 10);
  });

  it('peaks at mu2 + ln(lambda2 / alpha2) / lambda2 = 20 + ln 4 / 0.4 = 23.47', () => {
    const ages = Array.from({ length: 1001 }, (_, i) => 15 + i * 0.01);
    const m = rogersCastro(ages, ROGERS_CASTRO_STANDARD);
    // the childhood curve still falls at the peak, so the maximum sits just before 23.47
    const peak = ages[m.indexOf(Math.max(...m))];
    expect(peak).toBeGreaterThan(22.5);
    expect(peak).toBeLessThan(23.47);
  });

  it('adds the retirement peak of the 11-parameter form', () => {
    const p11 = { ...ROGERS_CASTRO_STANDARD, a3: 0.001, alpha3: 0.5, mu3: 60, lambda3: 0.6 };
    // at x = mu3 = 60 the retirement term is a3 e^(0 - e^0) = 0.001 e^-1 = 0.000367879
    const diff = rogersCastro([60], p11)[0] - rogersCastro([60], ROGERS_CASTRO_STANDARD)[0];
    expect(diff).toBeCloseTo(0.001 * Math.exp(-1), 15);
  });

  it('throws on a missing or negative parameter, naming it', () => {
    const { c: _c, ...noC } = ROGERS_CASTRO_STANDARD;
    expect(() => rogersCastro([0], noC as never)).toThrow('parameters.c must be a number >= 0, received nothing');
    expect(() => rogersCastro([0], { ...ROGERS_CASTRO_STANDARD, alpha2: -0.1 })).toThrow('parameters.alpha2 must be a number >= 0, received -0.1');
    expect(() => rogersCastro([0], { ...ROGERS_CASTRO_STANDARD, a3: 0.001 })).toThrow('parameters.alpha3 must be a number >= 0, received nothing');
    expect(() => rogersCastro([NaN], ROGERS_CASTRO_STANDARD)).toThrow('ages[0] must be a finite number, received NaN');
  });
});
