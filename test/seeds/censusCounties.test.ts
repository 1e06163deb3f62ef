import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  CENSUS_2010_COUNTIES,
  CENSUS_2020_COUNTIES,
  COUNTY_CENSUS_AGE_GROUPS,
} from '../../seeds/census-counties/index.js';

const levelCount = (levels: readonly string[]) => {
  const out: Record<string, number> = {};
  for (const l of levels) out[l] = (out[l] ?? 0) + 1;
  return out;
};

describe('CENSUS_2020_COUNTIES', () => {
  it('has the rows of the 2020 county yearbook: 1 nation, 31 provinces, 338 prefectures, 2,943 counties, 45 zones', () => {
    expect(CENSUS_2020_COUNTIES.rows).toBe(3358);
    expect(levelCount(CENSUS_2020_COUNTIES.text.level)).toEqual({ nation: 1, province: 31, prefecture: 338, county: 2943, zone: 45 });
    for (const column of Object.values(CENSUS_2020_COUNTIES.numbers)) expect(column).toHaveLength(3358);
  });

  it('national row: 1,409,778,724 residents, 899,991,162 urban (census 2020, 31 provinces without servicemen)', () => {
    const n = CENSUS_2020_COUNTIES.numbers;
    expect([n.population[0], n.urban[0], n.male[0], n.female[0]]).toEqual([1_409_778_724, 899_991_162, 721_416_394, 688_362_330]);
  });

  it('gives Beijing 城区人口 17,751,681 on its province row', () => {
    const i = CENSUS_2020_COUNTIES.text.code.indexOf('110000');
    expect(CENSUS_2020_COUNTIES.numbers.core_urban[i]).toBe(17_751_681);
  });

  it('has age groups that add up to male and female in the national row', () => {
    const n = CENSUS_2020_COUNTIES.numbers as Record<string, readonly (number | null)[]>;
    let male = 0;
    let female = 0;
    for (const g of COUNTY_CENSUS_AGE_GROUPS) {
      male += n[`male_${g}`][0] ?? 0;
      female += n[`female_${g}`][0] ?? 0;
    }
    expect([male, female]).toEqual([721_416_394, 688_362_330]);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(CENSUS_2020_COUNTIES)).toBe(true);
    expect(Object.isFrozen(CENSUS_2020_COUNTIES.numbers)).toBe(true);
    expect(Object.isFrozen(CENSUS_2020_COUNTIES.numbers.population)).toBe(true);
    expect(() => {
      (CENSUS_2020_COUNTIES.numbers.population as number[])[0] = 1;
    }).toThrow(TypeError);
  });
});

describe('CENSUS_2010_COUNTIES', () => {
  it('has the 2010 rows without blank separators: 31 provinces, 333 prefectures, 2,857 counties', () => {
    const counts = levelCount(CENSUS_2010_COUNTIES.text.level);
    expect(counts).toMatchObject({ province: 31, prefecture: 333, county: 2857, subtotal: 15 });
    expect(CENSUS_2010_COUNTIES.text.name.every((name) => name !== '')).toBe(true);
  });

  it('Beijing 2010: 19,612,368 residents, 12,554,049 registered, 61.79 % non-agricultural hukou', () => {
    const n = CENSUS_2010_COUNTIES.numbers;
    expect([n.population[0], n.registered_population[0], n.non_agricultural_hukou_percent[0]]).toEqual([19_612_368, 12_554_049, 61.79]);
  });

  it('31 provinces add up to the 2010 census total 1,332,810,869', () => {
    let total = 0;
    CENSUS_2010_COUNTIES.text.level.forEach((l, i) => {
      if (l === 'province') total += CENSUS_2010_COUNTIES.numbers.population[i] ?? 0;
    });
    expect(total).toBe(1_332_810_869);
  });
});

describe('seeds/census-counties', () => {
  it('carries the MIT notice of the source beside the data', () => {
    const licence = readFileSync(new URL('../../seeds/census-counties/LICENSE', import.meta.url), 'utf8');
    expect(licence).toContain('Copyright (c) 2022 Lei Dong');
    expect(licence).toContain('Permission is hereby granted, free of charge');
    const readme = readFileSync(new URL('../../seeds/census-counties/README.md', import.meta.url), 'utf8');
    expect(readme).toContain('0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087');
  });
});
