/**
 * The county hindcast 2010 -> 2020 (about 10 s a variant): the figures published in
 * docs/counties.md, and what holds whatever the figures: every unit projected, the province
 * totals the sums of their units, migration between units improving on none.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { countyBase2020 } from '../../../src/model/counties/countyBase2020.js';
import { countyHindcast, summariseErrors, type CountyHindcast } from '../../../src/model/counties/countyHindcast.js';
import { matchCensus2010 } from '../../../src/model/counties/matchCensus2010.js';

const runs = new Map<string, CountyHindcast>();

beforeAll(() => {
  const base = countyBase2020();
  const match = matchCensus2010(base.census);
  for (const migration of ['none', 'fitted', 'fitted+province'] as const) runs.set(migration, countyHindcast({ migration, base, match }));
}, 300_000);

const round = (x: number) => Math.round(x * 1000) / 10;

describe('countyHindcast', () => {
  it('projects all 1,177 units, the province totals being the sums of their units', () => {
    const h = runs.get('fitted+province')!;
    expect(h.units).toHaveLength(1177);
    expect(h.provinces).toHaveLength(31);
    const census = h.provinces.reduce((s, p) => s + p.census2020, 0);
    expect(Math.abs(census - 1_409_778_724)).toBeLessThan(1);
    for (const u of h.units) expect(Number.isFinite(u.projected2020) && u.projected2020 > 0).toBe(true);
  });

  it('publishes (docs/counties.md): median / P90 absolute percentage error 15.3 / 34.8 % without moves between units, 5.1 / 15.5 % with fitted weights, 4.0 / 12.6 % with the province remainders', () => {
    const figures = [...runs.values()].map((h) => [h.migration, round(h.overall.medianAbsolute), round(h.overall.p90Absolute)]);
    expect(figures).toEqual([
      ['none', 15.3, 34.8],
      ['fitted', 5.1, 15.5],
      ['fitted+province', 4, 12.6],
    ]);
  });

  it('publishes by tier (fitted+province): megacity 1.3 / 9.3 %, small cities 3.9 / 11.7 %', () => {
    const h = runs.get('fitted+province')!;
    expect([round(h.byTier.megacity.medianAbsolute), round(h.byTier.megacity.p90Absolute), h.byTier.megacity.units]).toEqual([1.3, 9.3, 7]);
    expect([round(h.byTier.small.medianAbsolute), round(h.byTier.small.p90Absolute), h.byTier.small.units]).toEqual([3.9, 11.7, 516]);
  });

  it('publishes the provinces: 13 of 31 within 1 % with the province remainders, the worst Hainan (+3.2 %)', () => {
    const h = runs.get('fitted+province')!;
    expect(h.provinces.filter((p) => Math.abs(p.error) <= 0.01)).toHaveLength(13);
    const worst = h.provinces.reduce((w, p) => (Math.abs(p.error) > Math.abs(w.error) ? p : w));
    expect([worst.code, round(worst.error)]).toEqual([460000, 3.2]);
  });

  it('summariseErrors takes the median and the 90th percentile of the absolute errors', () => {
    expect(summariseErrors([0.3, -0.1, 0.2, 0, -0.4])).toEqual({ units: 5, medianAbsolute: 0.2, p90Absolute: 0.36 });
    expect(summariseErrors([])).toEqual({ units: 0, medianAbsolute: 0, p90Absolute: 0 });
  });
});
