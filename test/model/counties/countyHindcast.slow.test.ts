/**
 * The county hindcast 2010 -> 2020 (about 10 s a variant): the figures published in
 * docs/counties.md, and what holds whatever the figures: every unit projected, the province
 * totals the sums of their units, migration between units improving on none, the calibration
 * meeting what it is calibrated to and nothing more.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { countyBase2020 } from '../../../src/model/counties/countyBase2020.js';
import { countyHindcast, summariseErrors, type CountyHindcast, type CountyHindcastOptions } from '../../../src/model/counties/countyHindcast.js';
import { matchCensus2010 } from '../../../src/model/counties/matchCensus2010.js';

const runs = new Map<string, CountyHindcast>();
const VARIANTS: [string, CountyHindcastOptions][] = [
  ['none', { migration: 'none' }],
  ['fitted', { migration: 'fitted' }],
  ['fitted+province', { migration: 'fitted+province' }],
  ['calibrated, fertility 2010', { migration: 'calibrated', fertility: 'census2010' }],
  ['calibrated, rural movers', { migration: 'calibrated', movers: 'rural' }],
  ['calibrated', {}],
];

beforeAll(() => {
  const base = countyBase2020();
  const match = matchCensus2010(base.census);
  for (const [name, options] of VARIANTS) runs.set(name, countyHindcast({ ...options, base, match }));
}, 600_000);

const round = (x: number) => Math.round(x * 1000) / 10;
const worstOf = (h: CountyHindcast) => h.provinces.reduce((w, p) => (Math.abs(p.error) > Math.abs(w.error) ? p : w));

describe('countyHindcast', () => {
  it('projects all 1,177 units, the province totals being the sums of their units', () => {
    const h = runs.get('calibrated')!;
    expect(h.migration).toBe('calibrated');
    expect(h.units).toHaveLength(1177);
    expect(h.provinces).toHaveLength(31);
    const census = h.provinces.reduce((s, p) => s + p.census2020, 0);
    expect(Math.abs(census - 1_409_778_724)).toBeLessThan(1);
    for (const u of h.units) expect(Number.isFinite(u.projected2020) && u.projected2020 > 0).toBe(true);
    for (const p of h.provinces) {
      const sum = h.units.filter((u) => u.provinceCode === p.code).reduce((s, u) => s + u.projected2020, 0);
      expect(Math.abs(sum / p.projected2020 - 1)).toBeLessThan(1e-12);
    }
    let cells = 0;
    for (const x of h.population2020) cells += x;
    expect(Math.abs(cells / h.units.reduce((s, u) => s + u.projected2020, 0) - 1)).toBeLessThan(1e-12);
  });

  it('publishes (docs/counties.md): median / P90 absolute percentage error 15.3 / 34.8 % without moves between units, 5.1 / 15.5 % with fitted weights, 4.0 / 12.6 % with the province remainders, 2.2 / 6.4 % calibrated', () => {
    const figures = [...runs].map(([name, h]) => [name, round(h.overall.medianAbsolute), round(h.overall.p90Absolute)]);
    expect(figures).toEqual([
      ['none', 15.3, 34.8],
      ['fitted', 5.1, 15.5],
      ['fitted+province', 4, 12.6],
      ['calibrated, fertility 2010', 2.5, 6.6],
      ['calibrated, rural movers', 2.4, 7.4],
      ['calibrated', 2.2, 6.4],
    ]);
  });

  it('publishes by tier (calibrated): megacity 0.0 / 2.5 %, supercity 2.5 / 6.1 %, small cities 2.1 / 6.4 %', () => {
    const h = runs.get('calibrated')!;
    const tiers = Object.entries(h.byTier).map(([t, s]) => [t, round(s.medianAbsolute), round(s.p90Absolute), s.units]);
    expect(tiers).toEqual([
      ['megacity', 0, 2.5, 7],
      ['supercity', 2.5, 6.1, 30],
      ['large-1', 2.4, 5.8, 26],
      ['large-2', 2.4, 6.2, 208],
      ['medium', 2.2, 6.9, 390],
      ['small', 2.1, 6.4, 516],
    ]);
  });

  it('publishes the provinces: 13 of 31 within 1 % with the province remainders (worst Hainan +3.2 %), 22 with net migration calibrated (worst Hainan +3.5 %), all 31 calibrated', () => {
    const within = (h: CountyHindcast) => h.provinces.filter((p) => Math.abs(p.error) <= 0.01).length;
    const remainders = runs.get('fitted+province')!;
    expect([within(remainders), worstOf(remainders).code, round(worstOf(remainders).error)]).toEqual([13, 460000, 3.2]);
    const migrationOnly = runs.get('calibrated, fertility 2010')!;
    expect([within(migrationOnly), worstOf(migrationOnly).code, round(worstOf(migrationOnly).error)]).toEqual([22, 460000, 3.5]);
    expect(within(runs.get('calibrated')!)).toBe(31);
  });

  it('calibrates net migration on ages 10+ only: with 2010 fertility the whole province error is in the children aged 0-9', () => {
    const h = runs.get('calibrated, fertility 2010')!;
    expect(h.calibration!.provinceErrors.aged10Plus).toBeLessThan(1e-5);
    expect(h.calibration!.provinceErrors.aged0To9).toBeGreaterThan(0.1);
    for (const p of h.provinces) {
      const older = p.projected2020 - p.projected0To9 - (p.census2020 - p.census0To9);
      expect(Math.abs(older / p.census2020)).toBeLessThan(1e-5);
    }
    for (const c of h.calibration!.provinces) expect([c.fertilityFactor, c.fertilityTrend]).toEqual([1, 1]);
  });

  it('calibrated: mover rates between the national level and the cap, fertility factors near 1, the province totals met by construction', () => {
    const h = runs.get('calibrated')!;
    const c = h.calibration!;
    expect([c.fertility, c.movers, c.passes]).toEqual(['fitted', 'residents', 6]);
    // the same movers nationally: 2.75 % of the 2010 rural residents is 1.4 % of all residents
    expect(Math.round(c.nationalMoverRate * 1000) / 10).toBe(1.4);
    for (const p of c.provinces) {
      expect(p.moverRate).toBeGreaterThanOrEqual(c.nationalMoverRate);
      expect(p.moverRate).toBeLessThanOrEqual(0.1);
      expect(p.fertilityFactor).toBeGreaterThan(0.7);
      expect(p.fertilityFactor).toBeLessThan(1.3);
    }
    // the province that lost people across the board needs the most movers: Heilongjiang, 9.4 % a year
    const highest = c.provinces.reduce((w, p) => (p.moverRate > w.moverRate ? p : w));
    expect([highest.code, Math.round(highest.moverRate * 1000) / 10]).toEqual([230000, 9.4]);
    expect(c.weightFitError).toBeLessThan(0.02);
    expect(c.provinceErrors.aged10Plus).toBeLessThan(1e-5);
    expect(c.provinceErrors.aged0To9).toBeLessThan(1e-4);
    expect(Math.abs(worstOf(h).error)).toBeLessThan(1e-5);
    // nationally the calibrated net migration adds up to the national residual (docs/counties.md): -9.2 million over the decade
    expect(Math.round(c.provinces.reduce((s, p) => s + p.netMigrants, 0) / 1e4) / 10).toBe(-9.2);
  });

  it('with rural movers only, the north-east reaches the cap of 10 % a year and the weights fit worse', () => {
    const c = runs.get('calibrated, rural movers')!.calibration!;
    expect(c.nationalMoverRate).toBe(Math.log(671.13 / 509.79) / 10);
    expect(c.provinces.filter((p) => p.moverRate === 0.1).map((p) => p.code)).toEqual([210000, 220000, 230000]);
    expect(c.weightFitError).toBeGreaterThan(0.09);
  });

  it('summariseErrors takes the median and the 90th percentile of the absolute errors', () => {
    expect(summariseErrors([0.3, -0.1, 0.2, 0, -0.4])).toEqual({ units: 5, medianAbsolute: 0.2, p90Absolute: 0.36 });
    expect(summariseErrors([])).toEqual({ units: 0, medianAbsolute: 0, p90Absolute: 0 });
  });
});
