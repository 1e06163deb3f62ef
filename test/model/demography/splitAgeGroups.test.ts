import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../../src/errors.js';
import { splitAgeGroups } from '../../../src/model/demography/splitAgeGroups.js';
import { propertyRuns } from '../../helpers/properties.js';

// China, 2020 census (第七次全国人口普查), 31 provinces, persons by age group 0, 1-4, 5-9, ...,
// 95-99, 100+ (census yearbook 2020, Table 1-5), as extracted in china_census_pop_by_age5_sex_
// province_2010_2020.csv from GitHub earfanfan/yuanfan, commit 879035676e6329ca4ac03a427d07e93eb99f9069,
// static/data/我国人口普查数据整理2010+2020.xlsx, sheet "1" (province_code 0).
const CENSUS_2020_AGE_STARTS = [0, 1, ...Array.from({ length: 20 }, (_, i) => 5 * (i + 1))];
const CENSUS_2020_FEMALE = [
  5675648, 31238909, 42226598, 39649204, 33630797, 35265680, 43685062, 60273382, 48080895, 45322636, 56033201, 60058826,
  50584760, 36511813, 37667637, 25427303, 16486416, 11225875, 6400439, 2285155, 548357, 83737,
];
const CENSUS_2020_MALE = [
  6312409, 34656922, 48017458, 45606790, 39053343, 39675995, 48162270, 63871808, 50932037, 47632694, 58191686, 61105470,
  50816026, 36871125, 36337923, 24162733, 14752433, 9157003, 4426091, 1367594, 271455, 35129,
];

function groupSums(single: Float64Array, ageStarts: number[], end: number): number[] {
  return ageStarts.map((start, g) => {
    const stop = g + 1 < ageStarts.length ? ageStarts[g + 1] : end;
    let sum = 0;
    for (let a = start; a < stop; a++) sum += single[a - ageStarts[0]];
    return sum;
  });
}

describe('splitAgeGroups(totals, ageStarts)', () => {
  for (const [sex, totals] of [
    ['female', CENSUS_2020_FEMALE],
    ['male', CENSUS_2020_MALE],
  ] as const) {
    it(`keeps every group total of the 2020 census (${sex}) to 1e-9 and gives no negative count`, () => {
      const single = splitAgeGroups(totals, CENSUS_2020_AGE_STARTS);
      expect(single).toHaveLength(101);
      const sums = groupSums(single, CENSUS_2020_AGE_STARTS, 101);
      sums.forEach((sum, g) => expect(Math.abs(sum - totals[g]) / totals[g]).toBeLessThan(1e-9));
      expect(single[100]).toBe(totals[21]);
      expect(single.every((v) => v >= 0)).toBe(true);
      expect(single[0]).toBe(totals[0]);
    });
  }

  it('follows the rise and fall of the 2020 female population smoothly (no jumps at group edges)', () => {
    const single = splitAgeGroups(CENSUS_2020_FEMALE, CENSUS_2020_AGE_STARTS);
    // the 30-34 group (60.3 million) is the largest: its ages hold more than the 25-29 ages
    expect(single[32]).toBeGreaterThan(single[27]);
    // a flat spread would put 12.05 million at every age of 30-34; the spline leans toward the
    // smaller 35-39 group at 34 and is highest inside the group
    expect(single[34]).toBeLessThan(60273382 / 5);
    // neighbouring ages across a group edge differ by less than a tenth
    for (const edge of [10, 15, 20, 40, 60, 80]) expect(Math.abs(single[edge] / single[edge - 1] - 1)).toBeLessThan(0.1);
  });

  it('splits a closed last group with endAge (fertility groups 10-14 ... 50-54)', () => {
    const totals = [0.0001, 0.03, 0.26, 0.39, 0.27, 0.12, 0.03, 0.01, 0.001];
    const ages = [10, 15, 20, 25, 30, 35, 40, 45, 50];
    const single = splitAgeGroups(totals, ages, { endAge: 55 });
    expect(single).toHaveLength(45);
    groupSums(single, ages, 55).forEach((sum, g) => expect(sum).toBeCloseTo(totals[g], 15));
  });

  it('spreads a single closed group evenly', () => {
    expect(Array.from(splitAgeGroups([10], [0], { endAge: 4 }))).toEqual([2.5, 2.5, 2.5, 2.5]);
  });

  it('splits 0-4 groups too, with zero groups staying zero (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e7, noNaN: true })), { minLength: 21, maxLength: 21 }), (totals) => {
        const ages = Array.from({ length: 21 }, (_, g) => 5 * g);
        const single = splitAgeGroups(totals, ages);
        const sums = groupSums(single, ages, 101);
        sums.forEach((sum, g) => expect(Math.abs(sum - totals[g])).toBeLessThanOrEqual(1e-9 * Math.max(totals[g], 1e-300)));
        expect(single.every((v) => v >= 0)).toBe(true);
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it('throws on a negative total, naming the group', () => {
    expect(() => splitAgeGroups([1, -2, 3], [0, 5, 10])).toThrow(ChengzhenError);
    expect(() => splitAgeGroups([1, -2, 3], [0, 5, 10])).toThrow('totals[1] must be a number >= 0, received -2');
  });

  it('throws on ages that do not rise and on an endAge not past the last group', () => {
    expect(() => splitAgeGroups([1, 2], [5, 5])).toThrow('ageStarts[1] must be a whole age above 5, received 5');
    expect(() => splitAgeGroups([1, 2], [0, 5], { endAge: 5 })).toThrow('options.endAge must be a number > 5, received 5');
    expect(() => splitAgeGroups([1, 2, 3], [0, 5])).toThrow('totals must hold 2 numbers, received 3');
  });
});
