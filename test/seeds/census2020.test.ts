import { describe, expect, it } from 'vitest';
import { CENSUS_2020_PROVINCES, CENSUS_2020_PROVINCES_SOURCE } from '../../seeds/census2020/provinces.js';
import {
  CENSUS_2020_AGE_GROUPS,
  CENSUS_2020_AGE_GROUP_STARTS,
  CENSUS_2020_POPULATION_BY_AGE,
  CENSUS_2020_POPULATION_BY_AGE_SOURCE,
} from '../../seeds/census2020/populationByAge.js';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function province(code: number) {
  const p = CENSUS_2020_PROVINCES.find((x) => x.code === code);
  if (p === undefined) throw new Error(`no province ${code}`);
  return p;
}

describe('CENSUS_2020_PROVINCES', () => {
  it('has the national row and 31 provinces, and the national total 1,409,778,724', () => {
    expect(CENSUS_2020_PROVINCES).toHaveLength(32);
    expect(CENSUS_2020_PROVINCES[0]).toMatchObject({ code: 0, population: 1_409_778_724, urbanPopulation: 899_991_162, urbanShare: 0.6384 });
    expect(new Set(CENSUS_2020_PROVINCES.map((p) => p.code)).size).toBe(32);
  });

  it('adds the 31 provinces up to the national row', () => {
    const provinces = CENSUS_2020_PROVINCES.slice(1);
    expect(sum(provinces.map((p) => p.population))).toBe(1_409_778_724);
    expect(sum(provinces.map((p) => p.urbanPopulation))).toBe(899_991_162);
    expect(sum(provinces.map((p) => p.male))).toBe(province(0).male);
  });

  it('matches the published urban shares of Shanghai, Zhejiang and Shandong', () => {
    expect(province(310000)).toMatchObject({ nameEn: 'Shanghai', population: 24_870_895, urbanShare: 0.893 });
    expect(province(330000)).toMatchObject({ nameEn: 'Zhejiang', urbanShare: 0.7217 });
    expect(province(370000)).toMatchObject({ nameEn: 'Shandong', urbanShare: 0.6305 });
  });

  it('has urban + rural = male + female = population, and shares in [0, 1] that fit the counts', () => {
    for (const p of CENSUS_2020_PROVINCES) {
      expect(p.urbanPopulation + p.ruralPopulation, p.nameEn).toBe(p.population);
      expect(p.male + p.female, p.nameEn).toBe(p.population);
      expect(Math.abs(p.urbanShare - p.urbanPopulation / p.population), p.nameEn).toBeLessThanOrEqual(5e-5);
      expect(Math.abs(p.malesPer100Females - (100 * p.male) / p.female), p.nameEn).toBeLessThanOrEqual(0.005);
      for (const s of [p.shareAged0To14, p.shareAged15To64, p.shareAged60Plus, p.shareAged65Plus]) {
        expect(s).toBeGreaterThan(0);
        expect(s).toBeLessThan(1);
      }
    }
  });

  it('cites a repository file at a commit', () => {
    expect(CENSUS_2020_PROVINCES_SOURCE).toMatchObject({ repository: 'leiii/census', path: 'data/census/census_county_2020_v1.xlsx' });
    expect(CENSUS_2020_PROVINCES_SOURCE.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('CENSUS_2020_POPULATION_BY_AGE', () => {
  it('has 22 age groups, 0, 1-4, 5-9, ..., 95-99, 100+', () => {
    expect(CENSUS_2020_AGE_GROUPS).toHaveLength(22);
    expect(CENSUS_2020_AGE_GROUP_STARTS).toHaveLength(22);
    expect(CENSUS_2020_AGE_GROUPS[1]).toBe('1-4');
    expect(CENSUS_2020_AGE_GROUPS[21]).toBe('100+');
    expect(CENSUS_2020_AGE_GROUP_STARTS.slice(0, 4)).toEqual([0, 1, 5, 10]);
  });

  it('has the national row and the same 31 provinces as the province table, in the same order', () => {
    expect(CENSUS_2020_POPULATION_BY_AGE.areas.map((a) => a.code)).toEqual(CENSUS_2020_PROVINCES.map((p) => p.code));
    expect(CENSUS_2020_POPULATION_BY_AGE.areas.map((a) => a.nameZh)).toEqual(CENSUS_2020_PROVINCES.map((p) => p.nameZh));
  });

  it('carries its age groups, age starts and source with it', () => {
    expect(CENSUS_2020_POPULATION_BY_AGE.ageGroups).toBe(CENSUS_2020_AGE_GROUPS);
    expect(CENSUS_2020_POPULATION_BY_AGE.ageStarts).toBe(CENSUS_2020_AGE_GROUP_STARTS);
    expect(CENSUS_2020_POPULATION_BY_AGE.source).toBe(CENSUS_2020_POPULATION_BY_AGE_SOURCE);
  });

  it('sums each area\'s age groups, by sex, to its census totals', () => {
    for (const a of CENSUS_2020_POPULATION_BY_AGE.areas) {
      const p = province(a.code);
      expect(a.female).toHaveLength(22);
      expect(a.male).toHaveLength(22);
      for (const n of [...a.female, ...a.male]) {
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(0);
      }
      expect(sum(a.female), a.nameEn).toBe(p.female);
      expect(sum(a.male), a.nameEn).toBe(p.male);
      expect(sum(a.female) + sum(a.male), a.nameEn).toBe(p.population);
    }
    expect(sum(CENSUS_2020_POPULATION_BY_AGE.areas[0].female) + sum(CENSUS_2020_POPULATION_BY_AGE.areas[0].male)).toBe(1_409_778_724);
  });

  it('adds the provinces up to the national row in every age group and sex', () => {
    const [national, ...provinces] = CENSUS_2020_POPULATION_BY_AGE.areas;
    for (let i = 0; i < 22; i++) {
      expect(sum(provinces.map((p) => p.female[i])), `female ${CENSUS_2020_AGE_GROUPS[i]}`).toBe(national.female[i]);
      expect(sum(provinces.map((p) => p.male[i])), `male ${CENSUS_2020_AGE_GROUPS[i]}`).toBe(national.male[i]);
    }
  });

  it('reproduces the province table\'s shares aged 65+ and 0-14 (to 2 decimals of a per cent)', () => {
    const from65 = CENSUS_2020_AGE_GROUP_STARTS.indexOf(65);
    const from15 = CENSUS_2020_AGE_GROUP_STARTS.indexOf(15);
    for (const a of CENSUS_2020_POPULATION_BY_AGE.areas) {
      const p = province(a.code);
      const total = sum(a.female) + sum(a.male);
      const aged65 = sum(a.female.slice(from65)) + sum(a.male.slice(from65));
      const aged0To14 = sum(a.female.slice(0, from15)) + sum(a.male.slice(0, from15));
      expect(Math.abs(aged65 / total - p.shareAged65Plus), a.nameEn).toBeLessThanOrEqual(5e-5);
      expect(Math.abs(aged0To14 / total - p.shareAged0To14), a.nameEn).toBeLessThanOrEqual(5e-5);
    }
  });

  it('cites the census yearbook table and the repository copy at a commit', () => {
    expect(CENSUS_2020_POPULATION_BY_AGE_SOURCE).toMatchObject({
      repository: 'earfanfan/yuanfan',
      path: 'static/data/我国人口普查数据整理2010+2020.xlsx',
      commit: '879035676e6329ca4ac03a427d07e93eb99f9069',
    });
    expect(CENSUS_2020_POPULATION_BY_AGE_SOURCE.citation).toContain('Table 1-5');
  });
});

describe('documented examples', () => {
  it('CENSUS_2020_PROVINCES and CENSUS_2020_POPULATION_BY_AGE lookups of the TSDoc examples', () => {
    expect(CENSUS_2020_PROVINCES.find((p) => p.nameEn === 'Shanghai')?.urbanShare).toBe(0.893);
    expect(CENSUS_2020_POPULATION_BY_AGE.areas.find((a) => a.nameEn === 'Shanghai')?.female.length).toBe(22);
  });
});
