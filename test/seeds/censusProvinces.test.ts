/**
 * seeds/census-provinces: the 2010 census by province (Table 1-7, earfanfan/yuanfan; county
 * yearbook province rows, leiii/census). Checks made on the copy, run again here.
 */

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CENSUS_2020_POPULATION_BY_AGE } from '../../seeds/census2020/populationByAge.js';
import { CENSUS_PROVINCES, CENSUS_PROVINCES_SOURCES } from '../../seeds/census-provinces/provinces.js';

describe('CENSUS_PROVINCES', () => {
  it('holds the 31 provinces in code order, with the codes of the 2020 table', () => {
    expect(CENSUS_PROVINCES).toHaveLength(31);
    expect(CENSUS_PROVINCES.map((p) => p.code)).toEqual(CENSUS_2020_POPULATION_BY_AGE.areas.filter((a) => a.code !== 0).map((a) => a.code));
  });

  it.each(CENSUS_PROVINCES.map((p) => [p.nameEn, p] as const))('%s: the 2010 age groups add up to the 2010 population, rates and shares in range', (_name, p) => {
    expect(p.female2010).toHaveLength(22);
    expect(p.male2010).toHaveLength(22);
    expect([...p.female2010, ...p.male2010].reduce((s, v) => s + v, 0)).toBe(p.population2010);
    expect(p.deathsPer1000Residents2010).toBeGreaterThan(2);
    expect(p.deathsPer1000Residents2010).toBeLessThan(10);
    expect(p.nonAgriculturalHukouShare2010).toBeGreaterThan(0);
    expect(p.nonAgriculturalHukouShare2010).toBeLessThan(1);
  });

  it('2010 national total: 1,332,810,869 residents in the 31 provinces (2010 census, servicemen excluded)', () => {
    expect(CENSUS_PROVINCES.reduce((s, p) => s + p.population2010, 0)).toBe(1_332_810_869);
  });

  it('carries its sources and the MIT notice of the county census beside it', () => {
    expect(CENSUS_PROVINCES_SOURCES.map((s) => s.commit)).toEqual(['879035676e6329ca4ac03a427d07e93eb99f9069', '0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087']);
    const licence = new URL('../../seeds/census-provinces/LICENSE', import.meta.url);
    expect(existsSync(licence)).toBe(true);
    expect(readFileSync(licence, 'utf8')).toContain('Copyright (c) 2022 Lei Dong');
  });
});
