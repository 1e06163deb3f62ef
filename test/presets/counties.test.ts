/**
 * The county presets without projecting them (the projections are in counties.slow.test.ts): at
 * the base they add up to the national preset's base; hukou conversion follows the settlement
 * rules by city tier and reproduces the national level; the plan differs from its twin only in
 * the assumed settlement policy; the pooled destinations are well formed.
 */
import { describe, expect, it } from 'vitest';
import { COUNTY_PRESET_2023 } from '../../seeds/census-counties/countyPreset2023.js';
import { compileScenario } from '../../src/model/compile.js';
import { COUNTY_SETTLEMENT, countyConversionRates } from '../../src/presets/counties.js';
import { getPreset, valueAtPath } from '../../src/presets/index.js';
import { parseScenario } from '../../src/schema/scenario.js';

const plan = getPreset('china-counties-2024-2028');
const trend = getPreset('china-counties-2024-2028-trend');
const seed = COUNTY_PRESET_2023;
const R = seed.ids.length;

/** The national preset's base by sex and the county census's 19 age groups. */
function nationalGroups() {
  const national = getPreset('national-2024-2028-trend');
  const problem = compileScenario(national.scenario);
  const A1 = problem.maxAge + 1;
  const starts = seed.ageStarts;
  return [0, 1].map((s) =>
    starts.map((start, g) => {
      const end = g + 1 < starts.length ? starts[g + 1] : A1;
      let sum = 0;
      for (let h = 0; h < 3; h++) for (let a = start; a < end; a++) sum += problem.population[(h * 2 + s) * A1 + a];
      return sum;
    }),
  );
}

describe('china-counties-2024-2028 and its trend twin', () => {
  it('has the 2,987 leaf units of the 2020 census as regions, each with its tier, province and prefecture', () => {
    const s = plan.scenario;
    expect(s.regions).toHaveLength(2987);
    expect(new Set(s.regions.map((r) => r.province)).size).toBe(31);
    expect(s.regions.filter((r) => r.tier === 'megacity').length).toBeGreaterThan(100);
    expect(s.regions.every((r) => r.tier !== undefined && r.prefecture !== undefined)).toBe(true);
    expect(s.regions.find((r) => r.id === 'c440300')).toBeUndefined(); // Shenzhen is its districts
    expect(s.regions.find((r) => r.id === 'c441900')).toMatchObject({ nameZh: '东莞市', tier: 'supercity', province: 'guangdong' });
    expect([plan.twin, trend.twin]).toEqual([trend.id, plan.id]);
  });

  it('adds up at the base to the national preset by sex and age group, to the rounding of 2,987 whole-person groups', () => {
    const national = nationalGroups();
    const groups = [seed.female, seed.male];
    for (let s = 0; s < 2; s++) {
      for (let g = 0; g < seed.ageStarts.length; g++) {
        let sum = 0;
        for (let r = 0; r < R; r++) sum += groups[s][r][g];
        // each group is rounded to a whole person: at most 0.5 x 2,987 off, in practice a few dozen
        expect(Math.abs(sum - national[s][g])).toBeLessThanOrEqual(0.5 * R);
      }
    }
    let total = 0;
    for (let r = 0; r < R; r++) for (let g = 0; g < seed.ageStarts.length; g++) total += seed.female[r][g] + seed.male[r][g];
    expect(Math.abs(total - 1_409_670_000)).toBeLessThanOrEqual(0.5 * R);
  });

  it('adds up at the base to the national resident (66.16 %) and hukou (48.3 %) urbanisation rates, to 1e-7', () => {
    let total = 0;
    let urban = 0;
    let hukou = 0;
    for (let r = 0; r < R; r++) {
      let n = 0;
      for (let g = 0; g < seed.ageStarts.length; g++) n += seed.female[r][g] + seed.male[r][g];
      total += n;
      urban += n * seed.residentUrbanisationRate[r];
      hukou += n * seed.hukouUrbanisationRate[r];
      expect(seed.hukouUrbanisationRate[r]).toBeLessThanOrEqual(seed.residentUrbanisationRate[r]);
    }
    // the shares were solved on the unrounded totals: rounding the groups to whole persons moves the rates by about 1e-8
    expect(Math.abs(urban / total - 0.6616)).toBeLessThan(1e-7);
    expect(Math.abs(hukou / total - 0.483)).toBeLessThan(1e-7);
  });

  it('converts migrants by city tier: points systems (超大, 特大) slowest, the national level on average', () => {
    const t = countyConversionRates('trend');
    const p = countyConversionRates('plan');
    expect(t.mean).toBeCloseTo(getPreset('national-2024-2028-trend').scenario.hukou!.conversionRate as number, 12);
    expect(p.mean).toBeCloseTo(getPreset('national-2024-2028').scenario.hukou!.conversionRate as number, 12);
    expect(t.byTier.megacity / t.byTier.small).toBeCloseTo(0.5, 12);
    expect(t.byTier['large-1'] / t.byTier.small).toBeCloseTo(0.75, 12);
    // the plan keeps the points-system tiers and raises the others by one factor
    for (const tier of ['megacity', 'supercity'] as const) expect(p.byTier[tier]).toBe(t.byTier[tier]);
    const raise = p.byTier.small / t.byTier.small;
    expect(raise).toBeGreaterThan(1);
    for (const tier of ['large-1', 'large-2', 'medium'] as const) expect(p.byTier[tier] / t.byTier[tier]).toBeCloseTo(raise, 12);
    expect(Object.values(COUNTY_SETTLEMENT).map((x) => x.rule)).toEqual(['points system', 'points system', 'eased limits', 'no limits', 'no limits', 'no limits']);
    // every region's rate is its tier's, addressable by id
    const rates = (valueAtPath(plan.scenario, 'hukou.conversionRate') as { byRegion: Record<string, number> }).byRegion;
    for (const r of plan.scenario.regions) expect(rates[r.id]).toBe(p.byTier[r.tier!]);
  });

  it('the plan is its trend twin plus the settlement policy of 二(二)1, nothing else', () => {
    const strip = (s: object) => ({ ...s, name: '', description: '', hukou: undefined });
    expect(strip(plan.scenario)).toEqual(strip(trend.scenario));
    expect(plan.assumptions!.map((a) => a.path)).toEqual(['hukou.conversionRate']);
    expect(plan.figures['hukou.conversionRate'].assumption).toMatch(/二\(二\)1 lifts settlement limits in cities under 3 million/);
    expect(plan.scenario.sources!.map((x) => `${x.document} ${x.clause ?? ''}`)).toContain('国发〔2024〕17号 二(二)1');
  });

  it('parses: the pooled destinations send every mover somewhere and each pool\'s weights sum to 1', () => {
    const s = parseScenario(trend.scenario);
    expect(s.regions).toHaveLength(2987);
    expect(seed.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const groups = [seed.prefectures, seed.provinceCodes, seed.ids.map(() => 0)];
    groups.forEach((keys, l) => {
      const sums = new Map<number, number>();
      keys.forEach((k, r) => sums.set(k, (sums.get(k) ?? 0) + seed.weights[l][r]));
      for (const sum of sums.values()) expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
    });
  });

  it('records how the weights were fitted: a quarter of the gross target missed, against 93 % with the prior', () => {
    expect(seed.fit.lambda).toBe(0.5);
    expect(seed.fit.relativeError).toBeCloseTo(0.2526, 4);
    expect(seed.fit.priorRelativeError).toBeCloseTo(0.9322, 4);
    expect(seed.fit.countyTotalGap).toBeLessThan(1e-12);
  });
});
