import { describe, expect, it } from 'vitest';
import { WPP2024_CHINA_POP_AGE5 } from '../../../seeds/un-wpp2024/populationByAge5.js';
import { WPP2024_CHINA_VITAL } from '../../../seeds/un-wpp2024/vitalIndicators.js';
import { splitAgeGroups } from '../../../src/model/demography/splitAgeGroups.js';
import { splitAgeGroupsByCohort } from '../../../src/model/demography/splitAgeGroupsByCohort.js';

describe('splitAgeGroupsByCohort(totals, ageStarts, cohortSizes)', () => {
  it('shares one group out by cohort size when there is nothing to interpolate', () => {
    // one closed group 0-2 of 30 with cohorts 1, 1, 4: ratio 30 / 6 = 5 -> 5, 5, 20; open group 5
    expect(Array.from(splitAgeGroupsByCohort([30, 5], [0, 3], [1, 1, 4]))).toEqual([5, 5, 20, 5]);
  });

  it('keeps the 1959-1961 famine gap of the UN mid-2020 population inside the 55-59 and 60-64 groups', () => {
    const seed = WPP2024_CHINA_POP_AGE5;
    const i = seed.years.indexOf(2020);
    // births of the cohort aged a on 1 July 2020: mean of calendar years 2019 - a and 2020 - a
    const births = (y: number) => WPP2024_CHINA_VITAL.birthsThousands[Math.max(y, 1950) - WPP2024_CHINA_VITAL.firstYear];
    const sizes = Array.from({ length: 100 }, (_, a) => (births(2019 - a) + births(2020 - a)) / 2);
    const byCohort = splitAgeGroupsByCohort(seed.female[i], seed.ageStarts, sizes);
    const smooth = splitAgeGroups(seed.female[i], seed.ageStarts);
    // age 59 in mid-2020 was born mid-1960 to mid-1961, the deepest point of the famine
    expect(byCohort[59]).toBeLessThan(0.75 * byCohort[55]);
    expect(byCohort[59]).toBeLessThan(smooth[59]);
    // every group total is kept, and nothing is negative
    seed.ageStarts.forEach((start, g) => {
      const stop = g + 1 < seed.ageStarts.length ? seed.ageStarts[g + 1] : 101;
      let sum = 0;
      for (let a = start; a < stop; a++) sum += byCohort[a];
      expect(Math.abs(sum / seed.female[i][g] - 1)).toBeLessThan(1e-12);
    });
    expect(byCohort.every((v) => v >= 0)).toBe(true);
  });

  it('throws on cohort sizes that are not > 0 or of the wrong length', () => {
    expect(() => splitAgeGroupsByCohort([30, 5], [0, 3], [1, 0, 4])).toThrow('cohortSizes[1] must be a number > 0, received 0');
    expect(() => splitAgeGroupsByCohort([30, 5], [0, 3], [1, 1])).toThrow('cohortSizes must hold 3 numbers, received 2');
  });
});
