import { beforeAll, describe, expect, it } from 'vitest';
import { CENSUS_2010_COUNTIES, CENSUS_2020_COUNTIES } from '../../../seeds/census-counties/index.js';
import { counterpart2010 } from '../../../src/model/counties/counterpart2010.js';
import { countyBase2020 } from '../../../src/model/counties/countyBase2020.js';
import { countyLeaves2010 } from '../../../src/model/counties/countyLeaves2010.js';
import { matchCensus2010 } from '../../../src/model/counties/matchCensus2010.js';
import { matchedUnitPopulations, residualNetMigrationOf, type MatchedUnitPopulations } from '../../../src/model/counties/residualNetMigration.js';

const m = matchCensus2010();
const leaf20 = (name: string, code?: number) => m.leaves2020.leaves.findIndex((l) => l.name === name && (code === undefined || l.code === code));
const unitOf = (name: string, code?: number) => m.units[m.unitOf2020[leaf20(name, code)]];
const names10 = (u: { leaves2010: readonly number[] }) => u.leaves2010.map((j) => m.leaves2010.leaves[j].name);

describe('countyLeaves2010()', () => {
  it('has 2,872 leaves adding up to the 31 provinces of the 2010 census (1,332,810,869)', () => {
    const leaves = countyLeaves2010();
    expect(leaves.leaves).toHaveLength(2872);
    const p = CENSUS_2010_COUNTIES.numbers.population;
    for (const province of leaves.provinces) {
      const sum = leaves.leaves.filter((l) => l.provinceCode === province.code).reduce((s, l) => s + (p[l.row] ?? 0), 0);
      expect(sum, province.name).toBe(p[province.row]);
    }
  });

  it('puts uncoded rows under the prefecture above them (加格达奇 in 大兴安岭 232700)', () => {
    expect(countyLeaves2010().leaves.find((l) => l.name === '加格达奇')).toMatchObject({ kind: 'other', prefectureCode: 232700 });
  });
});

describe('matchCensus2010()', () => {
  it('gives every 2020 and every 2010 leaf one unit, and every unit leaves in both years', () => {
    expect(m.units.every((u) => u.leaves2020.length > 0 && u.leaves2010.length > 0)).toBe(true);
    expect(m.units.reduce((s, u) => s + u.leaves2020.length, 0)).toBe(m.leaves2020.leaves.length);
    expect(m.units.reduce((s, u) => s + u.leaves2010.length, 0)).toBe(m.leaves2010.leaves.length);
    expect(new Set(m.units.map((u) => u.id)).size).toBe(m.units.length);
  });

  it('matches an unchanged county by code: 义乌市 330782, 东莞市 441900', () => {
    expect(unitOf('义乌市')).toMatchObject({ id: '330782', basis: 'code' });
    expect(names10(unitOf('义乌市'))).toEqual(['义乌市']);
    expect(unitOf('东莞市')).toMatchObject({ id: '441900', basis: 'code' });
  });

  it('aggregates Shenzhen to the prefecture: 龙华, 坪山, 光明 were cut from 宝安 and 龙岗 after 2010', () => {
    const u = unitOf('龙华区');
    expect(u.basis).toBe('aggregate');
    expect(names10(u)).toEqual(expect.arrayContaining(['宝安区', '龙岗区']));
    expect(u.leaves2020.every((i) => m.leaves2020.leaves[i].prefectureCode === 440300)).toBe(true);
  });

  it('joins 莱芜 (merged into 济南 in 2019) with 济南 in one unit', () => {
    const u = unitOf('莱芜区');
    expect(names10(u)).toEqual(expect.arrayContaining(['莱城区', '钢城区', '历下区']));
    expect(u.leaves2020.map((i) => m.leaves2020.leaves[i].prefectureCode).every((c) => c === 370100)).toBe(true);
  });

  it('joins 毕节地区 (522400, 2010) and 毕节市 (520500, 2020): 七星关区 was 毕节市 (county) in 2010', () => {
    const u = unitOf('七星关区');
    expect(names10(u)).toEqual(expect.arrayContaining(['毕节市', '大方县']));
    expect(u.leaves2010).toHaveLength(8);
  });

  it('treats each municipality as one prefecture: Shanghai\'s 卢湾 and 闸北 merged away, so the 16 districts are one unit', () => {
    const u = unitOf('浦东新区');
    expect(u.id).toBe('P310000');
    expect([u.leaves2020.length, u.leaves2010.length]).toEqual([16, 18]);
  });

  it('counts the same territory: 2020/2010 residents within 0.25-5 in every unit, and the national ratio 1.058', () => {
    const p20 = CENSUS_2020_COUNTIES.numbers.population;
    const p10 = CENSUS_2010_COUNTIES.numbers.population;
    let t20 = 0;
    let t10 = 0;
    for (const u of m.units) {
      const a = u.leaves2020.reduce((s, i) => s + (p20[m.leaves2020.leaves[i].row] ?? 0), 0);
      const b = u.leaves2010.reduce((s, j) => s + (p10[m.leaves2010.leaves[j].row] ?? 0), 0);
      expect(a / b, u.id).toBeGreaterThan(0.25);
      expect(a / b, u.id).toBeLessThan(5);
      t20 += a;
      t10 += b;
    }
    expect(t20 / t10).toBeCloseTo(1_409_778_724 / 1_332_810_869, 12);
  });
});

describe('counterpart2010(match, leaves2020)', () => {
  it('东莞 (unchanged): 2010 residents 8,220,207, registered 1,854,215, non-agricultural 13.39 %, births 4.89 and deaths 1.54 per 1000 (2010 county yearbook)', () => {
    expect(counterpart2010(m, [leaf20('东莞市')])).toMatchObject({
      exact: true, population2020: 10_466_625, population2010: 8_220_207, registeredPopulation2010: 1_854_215,
      nonAgriculturalHukouShare2010: 0.1339, birthsPer1000_2010: 4.89, deathsPer1000_2010: 1.54,
    });
  });

  it('a changed district returns its whole prefecture, not exact', () => {
    const c = counterpart2010(m, [leaf20('龙华区')]);
    expect(c.exact).toBe(false);
    expect(c.leaves2020.length).toBeGreaterThan(1);
    expect(c.registeredPopulation2010).toBeGreaterThan(0);
  });

  it('an aggregate of whole units is exact, and its sums are the units\' sums', () => {
    const shenzhen = m.leaves2020.leaves.map((l, i) => (l.prefectureCode === 440300 ? i : -1)).filter((i) => i >= 0);
    const c = counterpart2010(m, shenzhen);
    expect(c.exact).toBe(true);
    expect(c.population2020).toBe(17_494_398);
  });

  it('throws on an index that is not a 2020 leaf', () => {
    expect(() => counterpart2010(m, [-1])).toThrow('leaves2020 must be indices in [0, 2986], received -1');
  });
});

describe('residualNetMigrationOf(p2010, p2020, survival10)', () => {
  it('hand-computed: P2020(x+10) - S(x) P2010(x), the open group gathering ages 90+ in 2010', () => {
    const p2010 = { female: new Float64Array(21).fill(100), male: new Float64Array(21).fill(10) };
    const p2020 = { female: new Float64Array(21).fill(95), male: new Float64Array(21).fill(10) };
    const s = { female: new Float64Array(21).fill(0.9), male: new Float64Array(21).fill(0.5) };
    const r = residualNetMigrationOf(p2010, p2020, s);
    expect(r.firstAge).toBe(10);
    expect(Array.from(r.female.subarray(0, 12))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 5]);
    expect(r.female[20]).toBeCloseTo(95 - 11 * 90, 12);
    expect(r.male[15]).toBe(5);
  });

  it('is zero for a closed population carried forward with the same survival', () => {
    const p2010 = { female: Float64Array.from({ length: 31 }, (_, a) => 1000 - 20 * a), male: Float64Array.from({ length: 31 }, (_, a) => 900 - 20 * a) };
    const s = { female: new Float64Array(31).fill(0.95), male: new Float64Array(31).fill(0.9) };
    const p2020 = { female: new Float64Array(31), male: new Float64Array(31) };
    for (const sex of ['female', 'male'] as const) {
      for (let x = 0; x + 10 < 30; x++) p2020[sex][x + 10] = s[sex][x] * p2010[sex][x];
      for (let x = 20; x <= 30; x++) p2020[sex][30] += s[sex][x] * p2010[sex][x];
    }
    const r = residualNetMigrationOf(p2010, p2020, s);
    expect(r.female.every((v) => Math.abs(v) < 1e-9) && r.male.every((v) => Math.abs(v) < 1e-9)).toBe(true);
  });

  it('rejects a survival above 1, naming sex and age', () => {
    const z = () => ({ female: new Float64Array(3), male: new Float64Array(3) });
    expect(() => residualNetMigrationOf(z(), z(), { female: [1, 1.2, 1], male: [1, 1, 1] })).toThrow('survival10.female[1] must be in [0, 1], received 1.2');
  });
});

describe('matchedUnitPopulations(match, base)', () => {
  let pops: MatchedUnitPopulations;
  beforeAll(() => {
    pops = matchedUnitPopulations(m, countyBase2020());
  }, 120_000);

  it('keeps the 2020 base total and the 2010 leaves\' age groups', () => {
    const total = (list: MatchedUnitPopulations['p2020']) => list.reduce((s, p) => s + p.female.reduce((a, b) => a + b, 0) + p.male.reduce((a, b) => a + b, 0), 0);
    expect(Math.abs(total(pops.p2020) - 1_409_778_724)).toBeLessThan(1e-3);
    expect(Math.round(total(pops.p2010))).toBe(1_332_840_863);
  });

  it('Dongguan gained people by migration 2010-2020 (residual > 1 million with survival 0.97/0.96)', () => {
    const u = m.unitOf2020[leaf20('东莞市')];
    const r = residualNetMigrationOf(pops.p2010[u], pops.p2020[u], { female: new Float64Array(101).fill(0.97), male: new Float64Array(101).fill(0.96) });
    let s = 0;
    for (let a = 10; a <= 100; a++) s += r.female[a] + r.male[a];
    expect(s).toBeGreaterThan(1_000_000);
  });
});
