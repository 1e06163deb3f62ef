import { beforeAll, describe, expect, it } from 'vitest';
import { CENSUS_2020_COUNTIES, COUNTY_CENSUS_AGE_GROUPS, COUNTY_CENSUS_AGE_STARTS } from '../../../seeds/census-counties/index.js';
import { countyBase2020, ungroupCountyAges, type CountyBase2020 } from '../../../src/model/counties/countyBase2020.js';
import { migrantsForFactor, solveCountyStatusTotals } from '../../../src/model/counties/countyStatusTotals.js';

const A1 = 101;
let base: CountyBase2020;
beforeAll(() => {
  base = countyBase2020();
}, 120_000);

const close = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe('ungroupCountyAges(groups, provinceShape)', () => {
  it('keeps every group total and shares 85+ over 85..100 by the shape', () => {
    const shape = new Float64Array(101).map((_, a) => 1000 - 9 * a);
    const groups = COUNTY_CENSUS_AGE_STARTS.map((_, j) => 10 + j);
    const single = ungroupCountyAges(groups, shape);
    COUNTY_CENSUS_AGE_STARTS.forEach((start, j) => {
      const end = j + 1 < COUNTY_CENSUS_AGE_STARTS.length ? COUNTY_CENSUS_AGE_STARTS[j + 1] : 101;
      let s = 0;
      for (let a = start; a < end; a++) s += single[a];
      expect(close(s, groups[j])).toBe(true);
    });
    // hand-computed: 85+ total 28 shared in proportion to 1000 - 9a over a = 85..100
    let old = 0;
    for (let a = 85; a <= 100; a++) old += 1000 - 9 * a;
    expect(single[100]).toBeCloseTo((28 * 100) / old, 12);
    expect(single.every((x) => x >= 0)).toBe(true);
  });
});

describe('solveCountyStatusTotals(inputs, hukouRate)', () => {
  it('hand-computed: k H U / N with k = 20 / 36 reaches a hukou rate of 0.5', () => {
    const t = solveCountyStatusTotals({ population: [100, 100], urban: [80, 40], hukouElsewhere: [40, 10] }, 0.5);
    expect(t.urbanFactor).toBeCloseTo(20 / 36, 12);
    expect(t.migrant[0]).toBeCloseTo((20 / 36) * 32, 9);
    expect(t.hukou[0] + t.hukou[1]).toBeCloseTo(100, 9);
  });

  it('caps a leaf at its urban residents', () => {
    expect(Array.from(migrantsForFactor({ population: [10], urban: [10], hukouElsewhere: [10] }, 5))).toEqual([10]);
  });

  it('throws for a rate the rule cannot reach', () => {
    expect(() => solveCountyStatusTotals({ population: [100], urban: [50], hukouElsewhere: [10] }, 0.6)).toThrow('hukouRate must be in [0, 0.5] for these units, received 0.6');
  });
});

describe('countyBase2020()', () => {
  it('adds up to each province census row by age group and sex, and to the nation (to 1e-12)', () => {
    const t = CENSUS_2020_COUNTIES;
    const R = base.census.leaves.length;
    for (const p of base.census.provinces) {
      const members = [...Array(R).keys()].filter((r) => base.census.leaves[r].provinceCode === p.code);
      for (const [s, sex] of (['female', 'male'] as const).entries()) {
        COUNTY_CENSUS_AGE_GROUPS.forEach((g, j) => {
          const start = COUNTY_CENSUS_AGE_STARTS[j];
          const end = j + 1 < COUNTY_CENSUS_AGE_STARTS.length ? COUNTY_CENSUS_AGE_STARTS[j + 1] : A1;
          let sum = 0;
          for (const r of members) for (let h = 0; h < 3; h++) for (let a = start; a < end; a++) sum += base.population[((r * 3 + h) * 2 + s) * A1 + a];
          expect(close(sum, t.numbers[`${sex}_${g}`][p.row]!), `${p.name} ${sex} ${g}`).toBe(true);
        });
      }
      let rural = 0;
      for (const r of members) for (let k = 0; k < 2 * A1; k++) rural += base.population[(r * 3) * 2 * A1 + k];
      expect(close(rural, t.numbers.rural[p.row]!), `${p.name} rural`).toBe(true);
    }
    expect(close(base.population.reduce((s, v) => s + v, 0), 1_409_778_724)).toBe(true);
  });

  it('reproduces the national hukou urbanisation rate 45.4 % (census 2020 communique no. 7) and resident urbanisation 63.84 %', () => {
    let hukou = 0;
    let urban = 0;
    const R = base.census.leaves.length;
    for (let r = 0; r < R; r++) {
      for (let k = 0; k < 2 * A1; k++) {
        hukou += base.population[(r * 3 + 2) * 2 * A1 + k];
        urban += base.population[(r * 3 + 1) * 2 * A1 + k] + base.population[(r * 3 + 2) * 2 * A1 + k];
      }
    }
    expect(close(hukou / 1_409_778_724, 0.454, 1e-9)).toBe(true);
    expect(urban / 1_409_778_724).toBeCloseTo(0.6384, 4);
    expect(base.urbanFactor).toBeCloseTo(0.7123, 4);
  });

  it('weights the kinds of registered-elsewhere residents when asked, keeping the national 45.4 %', () => {
    const weighted = countyBase2020({ census: base.census, registeredElsewhereWeights: { sameCounty: 1, otherCountySameProvince: 0.5, otherProvince: 1 } });
    const hukouShare = (b: CountyBase2020, province: number) => {
      let hukou = 0;
      let all = 0;
      b.census.leaves.forEach((l, r) => {
        if (l.provinceCode !== province) return;
        for (let h = 0; h < 3; h++) for (let k = 0; k < 2 * A1; k++) {
          const v = b.population[(r * 3 + h) * 2 * A1 + k];
          all += v;
          if (h === 2) hukou += v;
        }
      });
      return hukou / all;
    };
    const national = weighted.hukou.reduce((s, v) => s + v, 0) / 1_409_778_724;
    expect(close(national, 0.454, 1e-9)).toBe(true);
    // k is refitted nationally, so halving the weight of moves within a province shifts migrants
    // towards provinces whose registered-elsewhere come from other provinces (Beijing: 49.7 % -> 44.6 %)
    expect(hukouShare(base, 110000)).toBeCloseTo(0.4965, 4);
    expect(hukouShare(weighted, 110000)).toBeCloseTo(0.4455, 4);
    expect(() => countyBase2020({ census: base.census, registeredElsewhereWeights: { sameCounty: -1, otherCountySameProvince: 1, otherProvince: 1 } })).toThrow('registeredElsewhereWeights.sameCounty must be finite and >= 0');
  }, 120_000);

  it('has no negative or non-finite cell, and migrants never exceed urban residents of a leaf', () => {
    expect(base.population.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
    for (let r = 0; r < base.census.leaves.length; r++) expect(base.migrant[r]).toBeLessThanOrEqual(base.census.values.urban[r]);
  });
});
