/** Differences between projections: values checked by hand at the base year, units of differences, options and their errors, the comparison page. */

import { describe, expect, it } from 'vitest';
import { compareProjections } from '../../src/compare/compareProjections.js';
import { ChengzhenError } from '../../src/errors.js';
import { project } from '../../src/model/project.js';
import { comparisonReport } from '../../src/report/comparisonReport.js';
import { smallTwoRegions } from '../model/fixtures/scenarios.js';
import { asIndicatorKey } from '../../src/model/indicatorTable.js';

const a = project(smallTwoRegions());
const bInput = smallTwoRegions();
bInput.base.inland = { ...bInput.base.inland, population: { census2020: 'Henan', scaleToTotal: 1.1e6 }, residentUrbanisationRate: 0.6 };
const b = project({ ...bInput, migration: { ...bInput.migration, reclassificationRate: 0.01 } });

describe('compareProjections(a, b)', () => {
  const rows = compareProjections(a, b);
  const row = (indicator: string, region: string, year: number) => rows.find((r) => r.indicator === indicator && r.region === region && r.year === year)!;

  it('compares every indicator, region (and all) and year both have, ordered by indicator, region, year', () => {
    const keys = a.indicatorKeys();
    expect([...new Set(rows.map((r) => r.indicator))]).toEqual(keys);
    expect([...new Set(rows.map((r) => r.region))]).toEqual(['inland', 'coast', 'all']);
    expect(rows.filter((r) => r.indicator === 'population' && r.region === 'inland').map((r) => r.year)).toEqual([2020, 2021, 2022]);
    // flows start in the first projected year
    expect(rows.filter((r) => r.indicator === 'births' && r.region === 'inland').map((r) => r.year)).toEqual([2021, 2022]);
    const stocks = keys.filter((k) => a.indicator(asIndicatorKey(k)).years.length === 3).length;
    expect(rows).toHaveLength(3 * (stocks * 3 + (keys.length - stocks) * 2));
  });

  it('gives the base-year differences the inputs imply: 100,000 persons (+10 %) and 5 points (+9.09 %) in inland, nothing in coast', () => {
    const pop = row('population', 'inland', 2020);
    expect(pop.a).toBeCloseTo(1e6, 6);
    expect(pop.b).toBeCloseTo(1.1e6, 6);
    expect(pop.difference).toBeCloseTo(1e5, 6);
    expect(pop.differenceUnit).toBe('persons');
    expect(pop.relative).toBeCloseTo(0.1, 12);
    const rate = row('residentUrbanisationRate', 'inland', 2020);
    expect([rate.a, rate.b]).toEqual([expect.closeTo(0.55, 12), expect.closeTo(0.6, 12)]);
    expect(rate.difference).toBeCloseTo(5, 9);
    expect(rate.differenceUnit).toBe('percentage points');
    expect(rate.relative).toBeCloseTo(0.05 / 0.55, 12);
    expect(row('population', 'coast', 2020)).toMatchObject({ difference: 0, relative: 0 });
    const all = row('population', 'all', 2020);
    expect(all.difference).toBeCloseTo(1e5, 6);
    expect(all.relative).toBeCloseTo(0.05, 12);
  });

  it('takes every difference as b - a (in points for shares) and every relative difference as (b - a) / |a|; null only when a alone is 0', () => {
    for (const r of rows) {
      expect(r.difference).toBeCloseTo((r.b - r.a) * (r.unit === 'share (0-1)' ? 100 : 1), 6);
      if (r.a !== 0) expect(r.relative).toBeCloseTo((r.b - r.a) / Math.abs(r.a), 12);
      expect(Number.isNaN(r.difference) || Number.isNaN(r.relative ?? 0)).toBe(false);
    }
    // no reclassification in a, some in b: a relative difference from 0 has no value
    expect(row('reclassified', 'inland', 2021)).toMatchObject({ a: 0, relative: null });
    expect(row('reclassified', 'inland', 2021).b).toBeGreaterThan(0);
    expect(compareProjections(a, a, { indicators: ['reclassified'] }).every((r) => r.relative === 0 && r.difference === 0)).toBe(true);
  });

  it('is antisymmetric: comparing b with a negates every difference', () => {
    const back = compareProjections(b, a);
    back.forEach((r, i) => expect(r.difference).toBeCloseTo(-rows[i].difference, 6));
  });

  it('narrows to the indicators, regions and years asked for, and lists every one the pair does not both have', () => {
    expect(compareProjections(a, b, { indicators: ['hukou'], regions: ['coast'], years: [2022] })).toHaveLength(1);
    let error: unknown;
    try {
      compareProjections(a, b, { indicators: ['hukou', 'nope'], regions: ['mars'], years: [2019, 2021] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChengzhenError);
    const issues = (error as ChengzhenError).issues;
    expect(issues.map((i) => i.path)).toEqual([['indicators', 1], ['regions', 0], ['years', 0]]);
    expect(issues[2].message).toBe('years[0] must be a year both projections have, in [2020, 2022], received 2019');
  });

  it('compares projections of different lengths over the years they share, and of different regions over all of them together', () => {
    const shorter = project({ ...smallTwoRegions(), endYear: 2021 });
    expect([...new Set(compareProjections(a, shorter).map((r) => r.year))]).toEqual([2020, 2021]);
    const other = smallTwoRegions();
    const renamed = project({ ...other, regions: [other.regions[0], { ...other.regions[1], id: 'sea' }], base: { inland: other.base.inland, sea: other.base.coast }, migration: { ...other.migration, destinations: { inland: { inland: 0.8, sea: 0.2 } } } });
    expect([...new Set(compareProjections(a, renamed).map((r) => r.region))]).toEqual(['inland', 'all']);
  });
});

describe('comparisonReport(scenarios)', () => {
  it('draws one chart per indicator with a line per scenario, and a table at the last year against the first', async () => {
    const html = await comparisonReport(
      [
        { name: 'reference <a>', projection: a },
        { name: 'bigger inland', projection: b },
        { name: 'again', projection: a },
      ],
      { indicators: ['population', 'residentUrbanisationRate'] },
    );
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain('reference &lt;a&gt; (reference)');
    expect(html).not.toContain('<a>');
    expect(html).toContain('In 2022, against reference &lt;a&gt;');
    // the reference against itself: no difference
    expect(html).toMatch(/\+0\.0 pp|0\.0 pp/);
    expect(html).not.toContain('<script');
  });

  it('needs two scenarios', async () => {
    await expect(comparisonReport([{ name: 'one', projection: a }])).rejects.toThrow('a comparison needs at least two scenarios, received 1');
  });
});
