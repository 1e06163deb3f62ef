/**
 * The county presets projected (about 10-20 s each on one core): at the base year they give the
 * national preset's population and rates; to 2035 they follow the national preset closely (the
 * same national levels, regional structure added); the national target is scored; aggregation
 * by tier adds up; migration between units balances; and the seed file is what the
 * computation in src/presets/countiesSeed.ts gives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_PRESET_2023 } from '../../seeds/census-counties/countyPreset2023.js';
import { STOCK_INDICATORS } from '../../src/kernel/indicators.js';
import { FLOW_NAMES } from '../../src/kernel/types.js';
import { project, projectIndicators } from '../../src/model/project.js';
import type { Projection } from '../../src/model/projection.js';
import { scorecard } from '../../src/model/scorecard.js';
import { countyPresetSeed2023 } from '../../src/presets/countiesSeed.js';
import { getPreset } from '../../src/presets/index.js';
import { PRESET_CHECKS } from '../../src/presets/checks.js';
import { runChecks } from '../../src/checks/checks.js';
import { firstBitDifference } from '../helpers/bits.js';

const runs = new Map<string, Projection>();

beforeAll(() => {
  for (const id of ['china-counties-2024-2028', 'china-counties-2024-2028-trend', 'national-2024-2028', 'national-2024-2028-trend']) runs.set(id, project(getPreset(id).scenario));
}, 300_000);

describe('the county presets projected', () => {
  it.each([['china-counties-2024-2028'], ['china-counties-2024-2028-trend']])('%s passes the checks it ships (the national base as published)', (id) => {
    const outcomes = runChecks(runs.get(id)!, PRESET_CHECKS[id]);
    expect(outcomes.filter((o) => o.status === 'fail').map((o) => `${o.id}: ${o.actual} (${o.expected})`)).toEqual([]);
    expect(outcomes).toHaveLength(3);
  });

  it.each([['china-counties-2024-2028', 'national-2024-2028'], ['china-counties-2024-2028-trend', 'national-2024-2028-trend']])('%s starts where %s starts: 1,409.67 million, 66.16 % and 48.3 %', (county, national) => {
    const c = runs.get(county)!;
    const n = runs.get(national)!;
    expect(c.years).toEqual(n.years);
    expect(Math.abs(c.indicator('population').values[0] - n.indicator('population').values[0])).toBeLessThanOrEqual(0.5 * 2987);
    expect(Math.abs(c.indicator('residentUrbanisationRate').values[0] - 0.6616)).toBeLessThan(1e-7);
    expect(Math.abs(c.indicator('hukouUrbanisationRate').values[0] - 0.483)).toBeLessThan(1e-7);
  });

  // the hukou rate drifts below the national one as migrants gather in the points-system cities, whose conversion is slowest
  it.each([['china-counties-2024-2028', 'national-2024-2028'], ['china-counties-2024-2028-trend', 'national-2024-2028-trend']])('%s follows %s to 2035: resident rate within 0.3 points, hukou rate within 0.6 points (below it), residents within 1 %', (county, national) => {
    const c = runs.get(county)!;
    const n = runs.get(national)!;
    for (const [key, within] of [['residentUrbanisationRate', 0.003], ['hukouUrbanisationRate', 0.006]] as const) {
      const cv = c.indicator(key).values;
      n.indicator(key).values.forEach((v, t) => expect(Math.abs(cv[t] - v), `${key} ${c.years[t]}`).toBeLessThan(within));
    }
    expect(c.indicator('hukouUrbanisationRate').values.at(-1)).toBeLessThan(n.indicator('hukouUrbanisationRate').values.at(-1)!);
    const cp = c.indicator('population').values;
    n.indicator('population').values.forEach((v, t) => expect(Math.abs(cp[t] / v - 1)).toBeLessThan(0.01));
    const rows = c.indicator('population', { region: 'c441900' }).values;
    expect(rows.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });

  it('scores the national target of 国发〔2024〕17号 (close to 70 % by the end of 2028) on the sum of the counties', () => {
    const preset = getPreset('china-counties-2024-2028');
    const row = scorecard(runs.get(preset.id)!, preset.targets).find((r) => r.indicator === 'residentUrbanisationRate')!;
    expect(row).toMatchObject({ year: 2028, target: 0.7, role: 'outcome' });
    expect(row.projected).toBeCloseTo(runs.get('china-counties-2024-2028')!.indicator('residentUrbanisationRate').values[5], 12);
    expect(['met', 'missed']).toContain(row.status);
  });

  it('aggregates by tier to exact sums, and the settlement rules show: points-system tiers keep the widest hukou gap', () => {
    const c = runs.get('china-counties-2024-2028')!;
    const byTier = c.aggregate('tier');
    const last = c.years.length - 1;
    let sum = 0;
    for (const tier of ['megacity', 'supercity', 'large-1', 'large-2', 'medium', 'small']) sum += byTier.indicator('population', { region: tier }).values[last];
    expect(Math.abs(sum / c.indicator('population').values[last] - 1)).toBeLessThan(1e-12);
    const gap = (tier: string) => byTier.indicator('urbanisationGap', { region: tier }).values[last];
    expect(gap('megacity')).toBeGreaterThan(gap('small'));
  });

  it('moves people between units: in equals out over the nation, and the fitted destinations draw people to the largest cities', () => {
    const c = runs.get('china-counties-2024-2028-trend')!;
    const t = 1;
    const all = c.indicator('netMigration').values[t];
    expect(Math.abs(all)).toBeLessThan(1);
    const byTier = c.aggregate('tier');
    expect(byTier.indicator('netMigration', { region: 'megacity' }).values[t]).toBeGreaterThan(0);
    expect(byTier.indicator('netMigration', { region: 'small' }).values[t]).toBeLessThan(0);
  });
});

describe('the county presets projected a year at a time, indicators only', () => {
  it.each([['china-counties-2024-2028'], ['china-counties-2024-2028-trend']])('%s: projectIndicators gives the stocks and flows of project, bit for bit, for every region and year', (id) => {
    const full = runs.get(id)!.kernel;
    const indicators = projectIndicators(getPreset(id).scenario).kernel;
    expect(indicators.years).toEqual(full.years);
    expect(indicators.regions).toEqual(full.regions);
    for (const name of STOCK_INDICATORS) expect({ name, at: firstBitDifference(indicators.stocks[name], full.stocks[name]) }).toEqual({ name, at: -1 });
    for (const name of FLOW_NAMES) expect({ name, at: firstBitDifference(indicators.flows[name], full.flows[name]) }).toEqual({ name, at: -1 });
    expect(indicators.stocks.population.length).toBe(13 * 2988);
  }, 120_000);
});

describe('seeds/census-counties/countyPreset2023.ts', () => {
  it('is what countyPresetSeed2023() computes (rerun scripts/buildCountyPresetSeed.ts after a change)', () => {
    expect(JSON.parse(JSON.stringify(countyPresetSeed2023()))).toEqual(JSON.parse(JSON.stringify(COUNTY_PRESET_2023)));
  }, 120_000);
});
