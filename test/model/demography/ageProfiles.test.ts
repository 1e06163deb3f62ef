import { describe, expect, it } from 'vitest';
import {
  conversionAgeProfile,
  HUKOU_CONVERSION_PROFILE,
  labourMigrationAgeProfile,
  profileFromDefault,
  returnAgeProfile,
  scaleAgeProfile,
} from '../../../src/model/demography/ageProfiles.js';
import { rogersCastro } from '../../../src/model/demography/rogersCastro.js';

const argmax = (values: Float64Array): number => values.indexOf(Math.max(...values));
const mean = (values: Float64Array): number => values.reduce((s, v) => s + v, 0) / values.length;

describe('labourMigrationAgeProfile(maxAge, sex)', () => {
  it('peaks at 22 for men and 20 for women, and is small after 60', () => {
    expect(argmax(labourMigrationAgeProfile(100, 'male'))).toBe(22);
    expect(argmax(labourMigrationAgeProfile(100, 'female'))).toBe(20);
    expect(labourMigrationAgeProfile()[65]).toBeLessThan(0.3);
  });
});

describe('conversionAgeProfile(maxAge, sex)', () => {
  it('peaks in the late 20s, with children converting with their parents', () => {
    expect(argmax(conversionAgeProfile(100, 'male'))).toBe(28);
    expect(argmax(conversionAgeProfile(100, 'female'))).toBe(27);
    const p = conversionAgeProfile();
    expect(p[0]).toBeGreaterThan(p[15]);
  });

  it('is the normalised Rogers-Castro curve of its parameters', () => {
    const p = conversionAgeProfile(100, 'male');
    const raw = rogersCastro(Array.from({ length: 101 }, (_, a) => a), HUKOU_CONVERSION_PROFILE.male);
    expect(p[40] / p[20]).toBeCloseTo(raw[40] / raw[20], 12);
  });
});

describe('returnAgeProfile(maxAge, sex)', () => {
  it('rises through the 40s to a peak in the mid-50s', () => {
    const p = returnAgeProfile(100, 'male');
    expect(argmax(p)).toBe(55);
    expect(argmax(returnAgeProfile(100, 'female'))).toBe(53);
    for (let a = 40; a <= 55; a++) expect(p[a]).toBeGreaterThan(p[a - 1]);
    expect(p[60]).toBeGreaterThan(p[30]);
  });
});

describe('profileFromDefault(profile, maxAge, sex)', () => {
  it('normalises every default profile to a mean of 1 over ages 0..maxAge', () => {
    for (const f of [labourMigrationAgeProfile, conversionAgeProfile, returnAgeProfile]) {
      for (const sex of ['female', 'male', 'both'] as const) expect(mean(f(100, sex))).toBeCloseTo(1, 12);
    }
    expect(profileFromDefault(HUKOU_CONVERSION_PROFILE, 80)).toHaveLength(81);
  });

  it('throws on a maxAge that is not a whole number in [1, 200]', () => {
    expect(() => conversionAgeProfile(0)).toThrow('maxAge must be a number in [1, 200], received 0');
    expect(() => conversionAgeProfile(50.5)).toThrow('maxAge must be a whole age, received 50.5');
  });
});

describe('scaleAgeProfile(profile, overallRate, population)', () => {
  it('without a population, gives the rate times the profile over its mean', () => {
    const r = scaleAgeProfile([0.5, 1.5], 0.02);
    expect(r[0]).toBeCloseTo(0.01, 15);
    expect(r[1]).toBeCloseTo(0.03, 15);
  });

  it('with a population, makes the population-weighted mean rate the overall rate', () => {
    // weights 100 and 300: factor = 0.02 * 400 / (0.5*100 + 1.5*300) = 8 / 500 = 0.016
    const r = scaleAgeProfile([0.5, 1.5], 0.02, [100, 300]);
    expect(r[0]).toBeCloseTo(0.008, 15);
    expect(r[1]).toBeCloseTo(0.024, 15);
    expect((r[0] * 100 + r[1] * 300) / 400).toBeCloseTo(0.02, 15);
  });

  it('throws rather than cut a rate above 1 down, naming the age', () => {
    expect(() => scaleAgeProfile([0.1, 1.9], 0.6)).toThrow('scaling profile to an overall rate of 0.6 gives a rate of 1.14 at age 1: it must be at most 1');
    expect(() => scaleAgeProfile([0, 0], 0.1, [5, 5])).toThrow('profile is 0 at every age where there are people');
    expect(() => scaleAgeProfile([1, 1], 1.5)).toThrow('overallRate must be a number in [0, 1], received 1.5');
  });
});
