import { describe, expect, it } from 'vitest';
import { CENSUS_2020_COUNTIES } from '../../../seeds/census-counties/index.js';
import { countyLeaves2020 } from '../../../src/model/counties/countyLeaves.js';
import { RECONCILED_COUNTY_COLUMNS, reconcileCountyCensus2020 } from '../../../src/model/counties/reconcileCountyCensus.js';

const table = CENSUS_2020_COUNTIES;
const leaves = countyLeaves2020();
const reconciled = reconcileCountyCensus2020();
const rowOf = (code: string) => table.text.code.indexOf(code);

describe('countyLeaves2020()', () => {
  it('finds 2,987 leaves: 2,943 counties, 39 zones and 5 prefectures without counties (东莞, 中山, 嘉峪关, 三沙, 儋州)', () => {
    const kinds = { county: 0, zone: 0, prefecture: 0 };
    for (const l of leaves.leaves) kinds[l.kind]++;
    expect(kinds).toEqual({ county: 2943, zone: 39, prefecture: 5 });
    expect(leaves.leaves.filter((l) => l.kind === 'prefecture').map((l) => l.name).sort()).toEqual(['三沙市', '东莞市', '中山市', '儋州市', '嘉峪关市'].sort());
    expect(new Set(leaves.leaves.map((l) => l.id)).size).toBe(2987);
  });

  it('drops the rows counted twice: the three 直辖县级行政区划 sums and the three islands of 三沙市', () => {
    expect(leaves.dropped.map((d) => [d.provinceCode, d.name])).toEqual([
      [420000, '省直辖县级行政区划'],
      [460000, '西沙群岛'],
      [460000, '南沙群岛'],
      [460000, '中沙群岛的岛礁及其海域'],
      [460000, '省直辖县级行政区划'],
      [650000, '自治区直辖县级行政区划'],
    ]);
    // each 直辖 row is exactly the sum of the counties its province lists directly
    for (const d of leaves.dropped.filter((x) => x.reason === 'sum of the counties directly under the province')) {
      const direct = leaves.leaves.filter((l) => l.provinceCode === d.provinceCode && l.prefectureCode === d.provinceCode + 9000);
      expect(direct.length).toBeGreaterThan(0);
      expect(direct.reduce((s, l) => s + (table.numbers.population[l.row] ?? 0), 0)).toBe(table.numbers.population[d.row]);
    }
    // the islands add up to the 三沙市 row, which is the leaf
    const islands = leaves.dropped.filter((d) => d.reason === 'part of a prefecture row that is a leaf');
    expect(islands.reduce((s, d) => s + (table.numbers.population[d.row] ?? 0), 0)).toBe(table.numbers.population[rowOf('460300')]);
  });

  it('puts 五台山风景名胜区 (code 170971) in 忻州市, Shanxi, which closes Shanxi\'s -17,050', () => {
    const wutai = leaves.leaves.find((l) => l.code === 170971);
    expect(wutai).toMatchObject({ provinceCode: 140000, prefectureCode: 140900 });
    expect(table.numbers.population[wutai!.row]).toBe(17_050);
  });

  it('puts counties directly under a province in a stand-in prefecture <province>9000 (仙桃 429000, 济源 419000, 石河子 659000)', () => {
    const byCode = (c: number) => leaves.leaves.find((l) => l.code === c)!;
    expect([byCode(429004).prefectureCode, byCode(419001).prefectureCode, byCode(659001).prefectureCode, byCode(469002).prefectureCode]).toEqual([429000, 419000, 659000, 469000]);
    expect(leaves.prefectures.filter((p) => p.row === null).map((p) => p.code)).toEqual([419000, 429000, 469000, 659000]);
  });

  it('attaches every zone to a prefecture of its own province', () => {
    for (const l of leaves.leaves.filter((x) => x.kind === 'zone')) {
      const p = leaves.prefectures.find((x) => x.code === l.prefectureCode)!;
      expect(p.provinceCode).toBe(l.provinceCode);
    }
  });
});

describe('reconcileCountyCensus2020()', () => {
  it('raw leaves add up to their province in every count column of 27 provinces; Shanxi, Hubei, Hainan, Xinjiang only after the rule', () => {
    // the data README's leaves taken literally: county rows (province by code), prefecture rows
    // with no county code under them, zone rows (province by name)
    const naive = new Map<number, number>();
    const add = (province: number, r: number) => naive.set(province, (naive.get(province) ?? 0) + (table.numbers.population[r] ?? 0));
    const countyPrefixes = new Set<string>();
    for (let r = 0; r < table.rows; r++) if (table.text.level[r] === 'county') countyPrefixes.add(table.text.code[r].slice(0, 4));
    const provinceByName = new Map(leaves.provinces.map((p) => [table.text.province[p.row], p.code]));
    for (let r = 0; r < table.rows; r++) {
      const level = table.text.level[r];
      const code = table.text.code[r];
      if (level === 'county' || (level === 'prefecture' && !countyPrefixes.has(code.slice(0, 4)))) add(Number(code.slice(0, 2)) * 10000, r);
      else if (level === 'zone') add(provinceByName.get(table.text.province[r])!, r);
    }
    const off = leaves.provinces
      .map((p) => [p.name, (naive.get(p.code) ?? 0) - (table.numbers.population[p.row] ?? 0)] as const)
      .filter(([, d]) => d !== 0);
    expect(off.map(([name]) => name)).toEqual(['山西省', '湖北省', '海南省', '新疆维吾尔自治区']);
    expect(off.map(([, d]) => d)).toEqual([-17_050, 3_380_473, 5_222_219, 1_573_931]);
  });

  it('adds every column up exactly to each of the 31 province rows and to the national row', () => {
    const byProvince = new Map<number, number[]>();
    leaves.leaves.forEach((l, i) => byProvince.set(l.provinceCode, [...(byProvince.get(l.provinceCode) ?? []), i]));
    expect(byProvince.size).toBe(31);
    for (const column of RECONCILED_COUNTY_COLUMNS) {
      let nation = 0;
      for (const p of reconciled.provinces) {
        let s = 0;
        for (const i of byProvince.get(p.code)!) s += reconciled.values[column][i];
        expect(s, `${p.name} ${column}`).toBe(table.numbers[column][p.row]);
        nation += s;
      }
      expect(nation, column).toBe(table.numbers[column][0]);
    }
  });

  it('fills the 9 missing cells from the province rows and rakes nothing else (factor 1 everywhere)', () => {
    expect(reconciled.steps.every((s) => s.rakeFactor === 1)).toBe(true);
    expect(reconciled.steps.reduce((s, x) => s + x.filledRows.length, 0)).toBe(9);
    // 长汀县 (Fujian): hukou registered in another county of the province, by difference
    const changting = reconciled.steps.find((s) => s.column === 'hukou_elsewhere_other_county_same_province')!;
    expect(changting).toMatchObject({ provinceCode: 350000, differenceBefore: -9691 });
    const i = reconciled.leaves.findIndex((l) => l.name === '长汀县');
    expect(reconciled.values.hukou_elsewhere_other_county_same_province[i]).toBe(9691);
  });

  it('keeps each leaf consistent: male + female = population = urban + rural, and the age groups add up to each sex', () => {
    const v = reconciled.values;
    for (let i = 0; i < reconciled.leaves.length; i++) {
      let m = 0;
      let f = 0;
      for (const c of RECONCILED_COUNTY_COLUMNS) {
        if (c.startsWith('male_')) m += v[c][i];
        else if (c.startsWith('female_')) f += v[c][i];
      }
      expect([m, f, v.urban[i] + v.rural[i]]).toEqual([v.male[i], v.female[i], v.population[i]]);
      expect(v.male[i] + v.female[i]).toBe(v.population[i]);
    }
  });

  it('rakes leaves that do not add up: a leaf doubled in a copy of the table is scaled back so the province still adds up', () => {
    const numbers = { ...table.numbers, population: table.numbers.population.map((v, r) => (r === rowOf('110101') ? (v ?? 0) * 2 : v)) };
    const out = reconcileCountyCensus2020({ ...table, numbers });
    const beijing = out.leaves.map((l, i) => (l.provinceCode === 110000 ? i : -1)).filter((i) => i >= 0);
    const sum = beijing.reduce((s, i) => s + out.values.population[i], 0);
    expect(Math.abs(sum - 21_893_095) / 21_893_095).toBeLessThan(1e-12);
    const step = out.steps.find((s) => s.provinceCode === 110000 && s.column === 'population')!;
    expect(step.differenceBefore).toBe(table.numbers.population[rowOf('110101')]);
    expect(step.rakeFactor).toBeCloseTo(21_893_095 / (21_893_095 + table.numbers.population[rowOf('110101')]!), 15);
  });
});
