/**
 * Sweeps over levers: grid points by hand, a seeded Latin hypercube (one point a stratum, the
 * same points for the same seed), outcomes equal to projecting each point, and a table that
 * does not depend on how the points are chunked.
 */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { project } from '../../src/model/project.js';
import { withLever } from '../../src/solve/levers.js';
import { latinHypercube, planSweep, runSweepPoints, summariseSweep, sweep } from '../../src/solve/sweep.js';
import { reportCharts } from '../../src/report/reportCharts.js';
import { sweepChartSpec, sweepEffects } from '../../src/report/sweepChart.js';
import { chinaFrom2020, twoTowns } from './fixtures.js';
import { asIndicatorKey } from '../../src/model/indicatorTable.js';

const china = chinaFrom2020(2025);

describe('planSweep(scenario, { design: grid })', () => {
  it('lays out every combination, the first lever slowest, ends included exactly', () => {
    const plan = planSweep(china, { levers: { 'migration.ruralToUrbanRate': [0.01, 0.03], 'hukou.conversionRate': [0.02, 0.06] }, steps: 3, indicators: ['population'] });
    expect(plan.points).toBe(9);
    expect(Array.from(plan.values[0])).toEqual([0.01, 0.01, 0.01, 0.02, 0.02, 0.02, 0.03, 0.03, 0.03]);
    expect(Array.from(plan.values[1])).toEqual([0.02, 0.04, 0.06, 0.02, 0.04, 0.06, 0.02, 0.04, 0.06]);
    expect(plan.keptYears).toEqual([plan.years.length - 1]);
  });

  it('refuses ranges outside the lever, bad steps, unknown levers and years, naming the field and range', () => {
    const refuse = (options: Parameters<typeof planSweep>[1]) => {
      try {
        planSweep(china, options);
      } catch (error) {
        expect(error).toBeInstanceOf(ChengzhenError);
        return (error as ChengzhenError).issues;
      }
      throw new Error('accepted');
    };
    expect(refuse({ levers: { 'migration.ruralToUrbanRate': [0.01, 1.5] } })[0]).toMatchObject({ path: ['levers', 0], expected: '[0, 1]' });
    expect(refuse({ levers: { 'migration.ruralToUrbanRate': [0.03, 0.01] } })[0].path).toEqual(['levers', 0]);
    expect(refuse({ levers: { 'migration.ruralToUrbanRate': [0.01, 0.03] }, steps: 1 })[0]).toMatchObject({ path: ['steps'], expected: '[2, 101]' });
    expect(refuse({ levers: { 'migration.ruralToUrbanRate': [0.01, 0.03] }, years: [2019] })[0]).toMatchObject({ path: ['years', 0], expected: '[2020, 2025]' });
    expect(refuse({ levers: [{ lever: { path: 'nope' as 'hukou.conversionRate' }, min: 0, max: 1 }] })[0].path).toEqual(['levers', 0, 'lever']);
    expect(refuse({ levers: {} })[0].path).toEqual(['levers']);
  });
});

describe('latinHypercube(points, dims, seed)', () => {
  it('puts exactly one point in each stratum of each dimension', () => {
    for (const points of [1, 2, 7, 50]) {
      const cube = latinHypercube(points, 3, 11);
      for (const dim of cube) {
        const strata = Array.from(dim, (u) => Math.floor(u * points)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: points }, (_, i) => i));
        for (const u of dim) expect(u >= 0 && u < 1).toBe(true);
      }
    }
  });

  it('gives the same points for the same seed and others for another', () => {
    expect(latinHypercube(20, 2, 5)).toEqual(latinHypercube(20, 2, 5));
    expect(latinHypercube(20, 2, 5)[0]).not.toEqual(latinHypercube(20, 2, 6)[0]);
  });
});

describe('sweep(scenario, options)', () => {
  it('gives at each point the outcome of projecting the scenario with those lever values', () => {
    const result = sweep(china, {
      levers: { 'migration.ruralToUrbanRate': [0.01, 0.03], 'hukou.conversionRate': [0.02, 0.06] },
      design: 'lhs',
      points: 5,
      seed: 3,
      indicators: ['residentUrbanisationRate', 'hukouUrbanisationRate'],
      years: [2023, 2025],
    });
    expect(result.rows).toHaveLength(5 * 2 * 2);
    for (const row of result.rows) {
      let s = withLever(china, { path: 'migration.ruralToUrbanRate' }, row.levers['migration.ruralToUrbanRate']);
      s = withLever(s, { path: 'hukou.conversionRate' }, row.levers['hukou.conversionRate']);
      const series = project(s).indicator(asIndicatorKey(row.indicator), { region: row.region });
      expect(row.value).toBe(series.values[series.years.indexOf(row.year)]);
    }
    // more migration, a higher resident rate in 2025
    const at2025 = result.rows.filter((r) => r.indicator === 'residentUrbanisationRate' && r.year === 2025).sort((a, b) => a.levers['migration.ruralToUrbanRate'] - b.levers['migration.ruralToUrbanRate']);
    for (let i = 1; i < at2025.length; i++) expect(at2025[i].value).toBeGreaterThan(at2025[i - 1].value);
  });

  it('gives the same table in one chunk as in seven, in any order', () => {
    const plan = planSweep(twoTowns(), { levers: [{ lever: { path: 'migration.ruralToUrbanRate', region: 'coast' }, min: 0.005, max: 0.03 }], design: 'lhs', points: 13, seed: 9 });
    const one = summariseSweep(plan, [runSweepPoints(plan, 0, 13)]);
    const cuts = [0, 1, 3, 4, 8, 9, 12, 13];
    const seven = cuts.slice(0, -1).map((from, i) => runSweepPoints(plan, from, cuts[i + 1])).reverse();
    expect(seven).toHaveLength(7);
    expect(summariseSweep(plan, seven)).toEqual(one);
  });

  it('refuses chunks that miss a point or cover one twice', () => {
    const plan = planSweep(china, { levers: { 'migration.ruralToUrbanRate': [0.01, 0.03] }, steps: 4, indicators: ['population'] });
    expect(() => summariseSweep(plan, [runSweepPoints(plan, 0, 2)])).toThrow('points from 2 are missing');
    expect(() => summariseSweep(plan, [runSweepPoints(plan, 0, 2), runSweepPoints(plan, 1, 4)])).toThrow('point 2 is covered twice');
  });
});

describe('sweepChartSpec and sweepEffects (the report sensitivity chart of a sweep)', () => {
  const result = sweep(china, {
    levers: { 'migration.ruralToUrbanRate': [0.01, 0.03], 'hukou.conversionRate': [0.02, 0.06] },
    steps: 3,
    indicators: ['residentUrbanisationRate'],
  });

  it('gives each lever the mean outcome over the low and high third of its range, largest effect first', () => {
    const effects = sweepEffects(result, { indicator: 'residentUrbanisationRate' });
    expect(effects.map((e) => e.lever)).toEqual(['migration.ruralToUrbanRate', 'hukou.conversionRate']);
    const at = (lever: string, value: number) => {
      const rows = result.rows.filter((r) => r.levers[lever] === value);
      return rows.reduce((s, r) => s + r.value, 0) / rows.length;
    };
    expect(effects[0].low).toBe(at('migration.ruralToUrbanRate', 0.01));
    expect(effects[0].high).toBe(at('migration.ruralToUrbanRate', 0.03));
    expect(effects[0].high).toBeGreaterThan(effects[0].low);
  });

  it('draws a tornado for several levers and a line for one, and the report charts it from a sweep', () => {
    const tornado = sweepChartSpec(result, { indicator: 'residentUrbanisationRate' }) as { layer: { mark: { type: string } }[]; data: { values: unknown[] } };
    expect(tornado.layer.map((l) => l.mark.type)).toEqual(['rule', 'point', 'point']);
    expect(tornado.data.values).toHaveLength(2);
    const one = sweep(china, { levers: { 'migration.ruralToUrbanRate': [0.01, 0.03] }, steps: 4, indicators: ['population'] });
    const line = sweepChartSpec(one, { indicator: 'population' }) as { mark: { type: string }; data: { values: { lever: number }[] } };
    expect(line.mark.type).toBe('line');
    expect(line.data.values.map((v) => v.lever)).toEqual(Array.from({ length: 4 }, (_, k) => (0.01 * (3 - k) + 0.03 * k) / 3));
    const charts = reportCharts({ projection: project(china), sweep: result });
    expect(charts.map((c) => c.id)).toContain('sweep-residentUrbanisationRate');
  });
});
