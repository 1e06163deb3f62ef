/**
 * splitByStatus: the three status totals reproduce the resident and hukou urbanisation rates,
 * every age-sex total is kept, nothing is negative, the seeds shape the split as documented,
 * and seeds that cannot give the totals are rejected rather than missed silently.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { populationByAge } from '../../src/model/basePopulation.js';
import { defaultStatusSeeds, piecewiseProfile, splitByStatus, type PopulationByStatus, type StatusSeeds } from '../../src/model/statusSplit.js';
import { accurateSum } from '../helpers/sums.js';
import { thrownBy } from '../helpers/errors.js';
import { propertyRuns } from '../helpers/properties.js';

const F = Float64Array;
const STATUSES = ['rural', 'migrant', 'hukou'] as const;

function statusTotal(split: PopulationByStatus, status: (typeof STATUSES)[number]): number {
  return accurateSum(split[status].female) + accurateSum(split[status].male);
}

/** Checks totals, age-sex totals and signs; returns the largest relative miss of an age-sex total. */
function expectConsistent(total: { female: Float64Array; male: Float64Array }, resident: number, hukou: number, split: PopulationByStatus): void {
  const N = accurateSum(total.female) + accurateSum(total.male);
  expect(Math.abs(statusTotal(split, 'rural') / N - (1 - resident))).toBeLessThanOrEqual(1e-12);
  expect(Math.abs((statusTotal(split, 'migrant') + statusTotal(split, 'hukou')) / N - resident)).toBeLessThanOrEqual(1e-12);
  expect(Math.abs(statusTotal(split, 'hukou') / N - hukou)).toBeLessThanOrEqual(1e-12);
  for (const sex of ['female', 'male'] as const) {
    for (let a = 0; a < total[sex].length; a++) {
      const sum = split.rural[sex][a] + split.migrant[sex][a] + split.hukou[sex][a];
      // the last pass of the fitting is over ages, so each age-sex total is met to rounding
      expect(Math.abs(sum - total[sex][a])).toBeLessThanOrEqual(4 * Number.EPSILON * total[sex][a]);
      for (const status of STATUSES) expect(split[status][sex][a]).toBeGreaterThanOrEqual(0);
    }
  }
}

describe('splitByStatus(total, residentRate, hukouRate, seeds)', () => {
  it('with flat seeds splits every age in the same shares', () => {
    const flat: StatusSeeds = { rural: F.of(1, 1), migrant: F.of(1, 1), hukou: F.of(1, 1) };
    const split = splitByStatus({ female: F.of(60, 40), male: F.of(50, 50) }, 0.5, 0.25, flat);
    expect(split).toEqual({
      rural: { female: F.of(30, 20), male: F.of(25, 25) },
      migrant: { female: F.of(15, 10), male: F.of(12.5, 12.5) },
      hukou: { female: F.of(15, 10), male: F.of(12.5, 12.5) },
    });
  });

  it('keeps the odds ratio of the seeds (hand-computed 2 x 2 case)', () => {
    // 100 women aged 0 and 100 aged 1, half rural, half hukou, no migrants. The fit keeps the
    // seed odds ratio (2*1)/(1*1) = 2: x^2 / (100 - x)^2 = 2, so x = 100 (2 - sqrt 2) rural at 0.
    const seeds: StatusSeeds = { rural: F.of(2, 1), migrant: F.of(1, 1), hukou: F.of(1, 1) };
    const split = splitByStatus({ female: F.of(100, 100), male: F.of(0, 0) }, 0.5, 0.5, seeds);
    const x = 100 * (2 - Math.SQRT2);
    expect(split.rural.female[0]).toBeCloseTo(x, 10);
    expect(split.rural.female[1]).toBeCloseTo(100 - x, 10);
    expect(split.hukou.female[0]).toBeCloseTo(100 - x, 10);
    expect(split.hukou.female[1]).toBeCloseTo(x, 10);
    expect([...split.migrant.female, ...split.migrant.male, ...split.rural.male, ...split.hukou.male]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives everyone one status at the extreme rates', () => {
    const total = { female: F.of(3, 4), male: F.of(5, 6) };
    const allRural = splitByStatus(total, 0, 0, { rural: F.of(1, 1), migrant: F.of(1, 1), hukou: F.of(1, 1) });
    expect(allRural.rural).toEqual(total);
    expect(statusTotal(allRural, 'migrant') + statusTotal(allRural, 'hukou')).toBe(0);
    const allHukou = splitByStatus(total, 1, 1, { rural: F.of(1, 1), migrant: F.of(1, 1), hukou: F.of(1, 1) });
    expect(allHukou.hukou).toEqual(total);
  });

  it('reproduces the rates of Henan, Guangdong and China in the 2020 census with the default seeds', () => {
    const cases = [
      ['Henan', 0.5543, 0.35],
      ['Guangdong', 0.7415, 0.5],
      ['China', 0.6389, 0.454],
      ['Shanghai', 0.893, 0.6],
    ] as const;
    for (const [area, resident, hukou] of cases) {
      const total = populationByAge({ census2020: area, rollForward: true }, 100, ['base', 'x', 'population']);
      expectConsistent(total, resident, hukou, splitByStatus(total, resident, hukou));
    }
  });

  it('with the default seeds puts the migrant peak in working ages', () => {
    const total = populationByAge({ census2020: 'China', rollForward: true }, 100, ['base', 'china', 'population']);
    const split = splitByStatus(total, 0.6389, 0.454);
    const share = (a: number) => (split.migrant.female[a] + split.migrant.male[a]) / (total.female[a] + total.male[a]);
    let peak = 0;
    for (let a = 1; a <= 100; a++) if (share(a) > share(peak)) peak = a;
    expect(peak).toBeGreaterThanOrEqual(20);
    expect(peak).toBeLessThanOrEqual(35);
    expect(share(25)).toBeGreaterThan(2 * share(5));
    expect(share(25)).toBeGreaterThan(4 * share(80));
    // and the rural share is highest among the old
    const rural = (a: number) => (split.rural.female[a] + split.rural.male[a]) / (total.female[a] + total.male[a]);
    expect(rural(75)).toBeGreaterThan(rural(30));
  });

  it('does not change its inputs', () => {
    const total = Object.freeze({ female: F.of(60, 40), male: F.of(50, 50) });
    const seeds = defaultStatusSeeds(1);
    const before = [...total.female, ...total.male, ...seeds.rural, ...seeds.migrant, ...seeds.hukou];
    splitByStatus(total, 0.6, 0.4, seeds);
    expect([...total.female, ...total.male, ...seeds.rural, ...seeds.migrant, ...seeds.hukou]).toEqual(before);
  });

  it('property: totals met, ages kept, nothing negative, for random populations, rates and seeds', () => {
    const ages = 6;
    const counts = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1e6, noNaN: true })), { minLength: ages, maxLength: ages });
    const seed = fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), { minLength: ages, maxLength: ages });
    fc.assert(
      fc.property(counts, counts, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), seed, seed, seed, (female, male, r, h, s1, s2, s3) => {
        fc.pre(accurateSum(female) + accurateSum(male) > 1);
        const total = { female: F.from(female), male: F.from(male) };
        const hukou = r * h;
        const split = splitByStatus(total, r, hukou, { rural: F.from(s1), migrant: F.from(s2), hukou: F.from(s3) });
        expectConsistent(total, r, hukou, split);
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe('splitByStatus(...): rejected inputs', () => {
  const total = { female: F.of(50, 50), male: F.of(50, 50) };
  const flat = (): StatusSeeds => ({ rural: F.of(1, 1), migrant: F.of(1, 1), hukou: F.of(1, 1) });

  it('rates out of order', () => {
    expect(thrownBy(() => splitByStatus(total, 0.4, 0.6, flat(), ['base', 'coast'])).message).toMatchInlineSnapshot(
      `"base.coast: rates must satisfy 0 <= hukou <= resident <= 1, received resident 0.4, hukou 0.6"`,
    );
    expect(thrownBy(() => splitByStatus(total, 1.2, 0.6, flat())).issues[0].code).toBe('constraint');
    expect(thrownBy(() => splitByStatus(total, Number.NaN, 0, flat())).issues[0].code).toBe('constraint');
  });

  it('a status with people whose seed is zero at every age', () => {
    const seeds = { ...flat(), migrant: F.of(0, 0) };
    const error = thrownBy(() => splitByStatus(total, 0.75, 0.5, seeds, ['base', 'coast']));
    expect(error.issues[0].path).toEqual(['base', 'coast', 'statusAgePattern', 'migrant']);
    expect(error.message).toMatchInlineSnapshot(`"base.coast.statusAgePattern.migrant is zero at every age with people, but the migrant total is 50"`);
  });

  it('an age with residents that no status with people may take (they would be lost)', () => {
    const seeds = { rural: F.of(1, 0), migrant: F.of(1, 0), hukou: F.of(1, 0) };
    const error = thrownBy(() => splitByStatus(total, 0.6, 0.4, seeds, ['base', 'coast']));
    expect(error.issues[0].coords).toEqual({ sex: 'female', age: 1 });
    expect(error.message).toMatchInlineSnapshot(
      `"base.coast.statusAgePattern gives no status any weight at female age 1, where there are 50 residents (only statuses with a total above 0 count)"`,
    );
  });

  it('seeds whose zeros make a status total unreachable', () => {
    // rural residents may only be aged 0 (100 people), but 80 % of 200 must be rural
    const seeds = { ...flat(), rural: F.of(1, 0) };
    const error = thrownBy(() => splitByStatus(total, 0.2, 0.1, seeds, ['base', 'coast']));
    expect(error.issues[0]).toMatchObject({ code: 'not_converged', path: ['base', 'coast', 'statusAgePattern', 'rural'], expected: '160' });
    expect(error.message).toMatchInlineSnapshot(
      `"base.coast.statusAgePattern.rural cannot give the rural total 160 the rates ask for (the closest fit gives 100): its zero ages leave too few residents to draw on"`,
    );
  });

  it('negative or non-finite seeds, seeds of the wrong length, and bad populations', () => {
    expect(thrownBy(() => splitByStatus(total, 0.6, 0.4, { ...flat(), hukou: F.of(1, -1) }, ['base', 'x'])).message).toMatchInlineSnapshot(
      `"base.x.statusAgePattern.hukou[1] must be finite and >= 0, received -1"`,
    );
    expect(thrownBy(() => splitByStatus(total, 0.6, 0.4, { ...flat(), rural: F.of(1, Number.NaN) })).issues[0].code).toBe('out_of_range');
    expect(thrownBy(() => splitByStatus(total, 0.6, 0.4, { ...flat(), rural: F.of(1) })).issues[0].code).toBe('wrong_length');
    expect(thrownBy(() => splitByStatus({ female: F.of(1, -1), male: F.of(1, 1) }, 0.6, 0.4, flat(), ['base', 'x'])).message).toMatchInlineSnapshot(
      `"base.x: the population at female age 1 must be finite and >= 0, received -1"`,
    );
    expect(thrownBy(() => splitByStatus({ female: F.of(1, 1), male: F.of(1) }, 0.6, 0.4, flat())).issues[0].code).toBe('wrong_length');
  });
});

describe('piecewiseProfile(points, maxAge)', () => {
  it('is linear between points and constant outside them', () => {
    expect(piecewiseProfile([[2, 1], [4, 2]], 6)).toEqual(F.of(1, 1, 1, 1.5, 2, 2, 2));
  });
});
