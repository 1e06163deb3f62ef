import { describe, expect, it } from 'vitest';
import { CITY_SIZE_TIERS, cityTierOf, leafTiers2020, prefectureTiers2020, tieredCities2020 } from '../../../src/model/counties/cityTiers.js';
import { countyLeaves2020 } from '../../../src/model/counties/countyLeaves.js';

describe('cityTierOf(coreUrbanPersons)', () => {
  it('puts each bound in the upper tier (国发〔2014〕51号: 以上 includes the bound)', () => {
    expect([10_000_000, 5_000_000, 3_000_000, 1_000_000, 500_000, 0].map(cityTierOf)).toEqual(CITY_SIZE_TIERS.map((t) => t.key));
    expect([9_999_999, 4_999_999, 2_999_999, 999_999, 499_999].map(cityTierOf)).toEqual(['supercity', 'large-1', 'large-2', 'medium', 'small']);
  });

  it('throws on a negative or non-finite count', () => {
    expect(() => cityTierOf(-1)).toThrow('coreUrbanPersons must be finite and >= 0, received -1');
    expect(() => cityTierOf(Number.NaN)).toThrow('received NaN');
  });
});

describe('tieredCities2020()', () => {
  const cities = tieredCities2020();
  it('gives the official 7 超大城市 of the 2020 census: Shanghai, Beijing, Shenzhen, Chongqing, Guangzhou, Chengdu, Tianjin', () => {
    expect(cities.filter((c) => c.tier === 'megacity').map((c) => c.name)).toEqual(['上海市', '北京市', '深圳市', '重庆市', '广州市', '成都市', '天津市']);
  });

  it('gives the official 14 特大城市 of the 2020 census (Wuhan ... Dalian)', () => {
    expect(cities.filter((c) => c.tier === 'supercity').map((c) => c.name)).toEqual([
      '武汉市', '东莞市', '西安市', '杭州市', '佛山市', '南京市', '沈阳市', '青岛市', '济南市', '长沙市', '哈尔滨市', '郑州市', '昆明市', '大连市',
    ]);
  });

  it('counts each municipality once and every other prefecture once', () => {
    expect(cities.filter((c) => c.name === '重庆市')).toHaveLength(1);
    expect(new Set(cities.map((c) => c.code)).size).toBe(cities.length);
    expect(Object.isFrozen(cities)).toBe(true);
  });
});

describe('prefectureTiers2020() and leafTiers2020()', () => {
  const leaves = countyLeaves2020();
  const prefectures = prefectureTiers2020();
  const tiers = leafTiers2020(leaves, prefectures);

  it('takes the municipality row for every prefecture row of a municipality (重庆 县 is 超大 with 重庆 市辖区)', () => {
    expect(prefectures.find((p) => p.prefectureCode === 500200)).toMatchObject({ basis: 'municipality row', coreUrbanPersons: 16_343_989, tier: 'megacity' });
  });

  it('takes the largest county city proper where the prefecture row has none (仙桃 463,632 for Hubei\'s direct counties)', () => {
    expect(prefectures.find((p) => p.prefectureCode === 429000)).toMatchObject({ basis: 'largest county', coreUrbanPersons: 463_632, tier: 'small' });
  });

  it('gives every leaf its prefecture\'s tier (深圳 南山区 440305 is 超大)', () => {
    expect(tiers).toHaveLength(leaves.leaves.length);
    const byCode = new Map(prefectures.map((p) => [p.prefectureCode, p.tier]));
    leaves.leaves.forEach((l, i) => expect(tiers[i]).toBe(byCode.get(l.prefectureCode)));
    expect(tiers[leaves.leaves.findIndex((l) => l.code === 440305)]).toBe('megacity');
  });
});
