import { describe, expect, it } from 'vitest';
import { fitRogersCastro } from '../../../src/model/demography/fitRogersCastro.js';
import { ROGERS_CASTRO_PARAMETERS, ROGERS_CASTRO_STANDARD, rogersCastro, type RogersCastroParameters } from '../../../src/model/demography/rogersCastro.js';

const ages = Array.from({ length: 101 }, (_, x) => x);

function expectRecovered(fitted: RogersCastroParameters, truth: RogersCastroParameters, names: readonly string[], relative: number): void {
  for (const name of names) {
    const key = name as keyof RogersCastroParameters;
    expect(Math.abs((fitted[key] as number) / (truth[key] as number) - 1), name).toBeLessThan(relative);
  }
}

describe('fitRogersCastro(ages, rates, { form })', () => {
  it('recovers a 7-parameter schedule from its noiseless curve, starting from the standard', () => {
    const truth = { a1: 0.015, alpha1: 0.09, a2: 0.07, alpha2: 0.12, mu2: 22, lambda2: 0.35, c: 0.004 };
    const fit = fitRogersCastro(ages, rogersCastro(ages, truth), { form: 7 });
    expectRecovered(fit.parameters, truth, ROGERS_CASTRO_PARAMETERS[7], 1e-6);
    expect(fit.residualSumOfSquares).toBeLessThan(1e-20);
    expect(fit.parameters.a3).toBeUndefined();
  });

  it('recovers an 11-parameter schedule with a clear retirement peak', () => {
    const truth = { ...ROGERS_CASTRO_STANDARD, a3: 0.002, alpha3: 0.5, mu3: 60, lambda3: 0.6, c: 0.001 };
    const fit = fitRogersCastro(ages, rogersCastro(ages, truth), { form: 11 });
    expectRecovered(fit.parameters, truth, ROGERS_CASTRO_PARAMETERS[11], 1e-6);
  });

  it('fits noisy rates closely and weights points as told', () => {
    const truth = { ...ROGERS_CASTRO_STANDARD };
    // deterministic +-2 % noise
    const noisy = rogersCastro(ages, truth).map((v, x) => v * (1 + 0.02 * Math.sin(x * 1.7)));
    const fit = fitRogersCastro(ages, noisy, { form: 7, initial: { ...truth, mu2: 18 } });
    expect(Math.abs(fit.parameters.mu2 - 20)).toBeLessThan(0.5);
    const curve = rogersCastro(ages, fit.parameters);
    const worst = Math.max(...curve.map((v, x) => Math.abs(v / noisy[x] - 1)));
    expect(worst).toBeLessThan(0.05);
  });

  it('throws on too few points, mismatched lengths and a bad form', () => {
    expect(() => fitRogersCastro([0, 1, 2], [0.01, 0.01, 0.01], { form: 7 })).toThrow('ages must hold at least 7 points for the 7-parameter form, received 3');
    expect(() => fitRogersCastro(ages, [0.01], { form: 7 })).toThrow('rates must hold 101 numbers, received 1');
    expect(() => fitRogersCastro(ages, ages, { form: 9 as 7 })).toThrow('options.form must be 7 or 11, received 9');
    expect(() => fitRogersCastro(ages, ages, { form: 7, initial: { ...ROGERS_CASTRO_STANDARD, c: 0 } })).toThrow('options.initial.c must be a number > 0, received 0');
  });
});
