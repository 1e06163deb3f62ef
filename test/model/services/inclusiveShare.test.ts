/**
 * 学前教育普惠率 is judged as children in inclusive kindergartens over children in all
 * kindergartens: the places of other (非普惠性) kindergartens are a stock of their own, children
 * aged 3-5 are enrolled up to the places there are; the share is a range from migrant children
 * placed in other kindergartens first (low) to every child filling inclusive places first
 * (high), and the target is met, missed or uncertain over it. Without the other places the
 * share is not judged (inclusive places over children would be 100 % for a stock set to its own
 * demand).
 */

import { describe, expect, it } from 'vitest';
import type { PlanTarget } from '../../../seeds/types.js';
import { project } from '../../../src/model/project.js';
import type { Projection } from '../../../src/model/projection.js';
import { scorecard } from '../../../src/model/scorecard.js';
import { inclusiveShareRange } from '../../../src/model/services/inclusiveShare.js';
import { markdownReport } from '../../../src/report/markdownReport.js';
import { scorecardResult, scorecardTally } from '../../../src/report/scorecardResult.js';
import { scenarioWith } from './tinyResult.js';

const TARGET: PlanTarget = {
  id: 'inclusive-share',
  description: 'Share of preschool children in inclusive kindergartens.',
  labelZh: '学前教育普惠率',
  area: 'Test',
  value: 0.85,
  unit: 'share (0-1)',
  year: 2024,
  kind: 'level',
  role: 'outcome',
  comparison: 'atLeast',
  topic: 'education',
  indicator: 'preschoolInclusiveShare',
  source: { document: 'test', clause: '1' },
};

/** Children aged 3-5 at the end of `year`: all, local (rural and urban hukou) and migrant. */
function children3to5(projection: Projection, year: number): { all: number; local: number; migrant: number } {
  const p = projection.population({ year });
  const sum = (status: typeof p.rural) => {
    let s = 0;
    for (let a = 3; a <= 5; a++) s += status.female[a] + status.male[a];
    return s;
  };
  const local = sum(p.rural) + sum(p.hukou);
  const migrant = sum(p.migrant);
  return { all: local + migrant, local, migrant };
}

const withPlaces = (inclusive: number, other?: number) =>
  scenarioWith(
    ['town'],
    2023,
    2025,
    {
      preschoolPlaces: { inclusiveCoverageShare: 0.8, places: { initial: inclusive }, ...(other === undefined ? {} : { otherPlaces: { initial: other } }) },
    },
    100,
  );

describe('inclusiveShareRange: fill-first (high) and migrant children last (low)', () => {
  it('100 children (80 local, 20 migrant), 90 inclusive and 30 other places: 80 % to 90 %', () => {
    expect(inclusiveShareRange(90, 30, 80, 20)).toEqual({ low: 0.8, high: 0.9, enrolled: 100 });
  });

  it('no migrant child: both ends are the fill-first share', () => {
    expect(inclusiveShareRange(90, 30, 100, 0)).toEqual({ low: 0.9, high: 0.9, enrolled: 100 });
  });

  it('migrants beyond the other places take inclusive places: 60 local and 30 migrant children, 90 inclusive and 10 other places: 80/90 to 100 %', () => {
    const range = inclusiveShareRange(90, 10, 60, 30)!;
    expect(range.high).toBe(1);
    expect(range.low).toBeCloseTo(80 / 90, 15);
    expect(range.enrolled).toBe(90);
  });

  it('fewer places than children: 80 enrolled, locals first; 50 inclusive places of 80 at both ends', () => {
    expect(inclusiveShareRange(50, 30, 70, 30)).toEqual({ low: 0.625, high: 0.625, enrolled: 80 });
  });

  it('no child or no place: null', () => {
    expect(inclusiveShareRange(10, 10, 0, 0)).toBeNull();
    expect(inclusiveShareRange(0, 0, 10, 5)).toBeNull();
  });

  it('property: 0 <= max(0, enrolled - other) / enrolled <= low <= high <= 1, and both ends are the same with no migrant child', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed / 2 ** 31) * 1000;
    };
    for (let i = 0; i < 2000; i++) {
      const [inclusive, other, local, migrant] = [next(), next(), next(), i % 10 === 0 ? 0 : next()];
      const range = inclusiveShareRange(inclusive, other, local, migrant);
      if (range === null) continue;
      expect(range.low).toBeGreaterThanOrEqual(Math.max(0, range.enrolled - other) / range.enrolled - 1e-12);
      expect(range.low).toBeLessThanOrEqual(range.high);
      expect(range.high).toBeLessThanOrEqual(1);
      if (migrant === 0) expect(range.low).toBe(range.high);
    }
  });
});

describe('preschoolInclusiveShare in the scorecard: judged over its range', () => {
  const C = children3to5(project(withPlaces(0)), 2024);

  it('the town has migrant children aged 3-5 (about a fifth), so the two ends differ', () => {
    expect(C.all).toBeGreaterThan(1000);
    expect(C.migrant / C.all).toBeGreaterThan(0.1);
    expect(C.migrant / C.all).toBeLessThan(0.3);
  });

  it('inclusive places below the target even at the high end: missed (0.7 C inclusive and 0.5 C other: 70 % at both ends)', () => {
    const [row] = scorecard(project(withPlaces(0.7 * C.all, 0.5 * C.all)), [TARGET]);
    expect(row.range!.high).toBeCloseTo(0.7, 12);
    expect(row).toMatchObject({ status: 'missed', met: false });
    expect(row.projected).toBe(row.range!.low);
    expect(row.margin).toBeCloseTo(row.range!.low - 0.85, 12);
  });

  it('target within the range: uncertain, met null, projected and margin at the low end (0.95 C inclusive, 0.5 C other: local share to 95 %)', () => {
    const value = (C.local / C.all + 0.95) / 2;
    const [row] = scorecard(project(withPlaces(0.95 * C.all, 0.5 * C.all)), [{ ...TARGET, value }]);
    expect(row.range!.high).toBeCloseTo(0.95, 12);
    expect(row.range!.low).toBeCloseTo(C.local / C.all, 12);
    expect(row).toMatchObject({ status: 'uncertain', met: null });
    expect(row.projected).toBe(row.range!.low);
    expect(row.margin).toBeCloseTo(C.local / C.all - value, 12);
  });

  it('met at the low end: inclusive places for every child and other places for a quarter of the migrants (low = 1 - 0.25 x migrant share)', () => {
    const [row] = scorecard(project(withPlaces(1.2 * C.all, 0.25 * C.migrant)), [TARGET]);
    expect(row.range!.high).toBe(1);
    expect(row.range!.low).toBeCloseTo(1 - (0.25 * C.migrant) / C.all, 12);
    expect(row).toMatchObject({ status: 'met', met: true });
  });

  it('reports read an uncertain row as uncertain and show the range', () => {
    const value = (C.local / C.all + 0.95) / 2;
    const projection = project(withPlaces(0.95 * C.all, 0.5 * C.all));
    const rows = scorecard(projection, [{ ...TARGET, value }, { ...TARGET, id: 'met' }]);
    expect(rows.map(scorecardResult)).toEqual(['uncertain', 'met']);
    expect(scorecardTally(rows)).toBe('1 of 2 targets met, 0 missed, 1 uncertain, 0 not judged');
    const text = markdownReport({ projection, scorecard: rows });
    expect(text).toContain('Uncertain (不确定)');
    expect(text).toMatch(/\| [0-9.]+ ?%–95(\.0+)? ?% \|/);
  });

  it('an atMost target is judged on the high end', () => {
    const [row] = scorecard(project(withPlaces(0.9 * C.all, 0.5 * C.all)), [{ ...TARGET, comparison: 'atMost', value: 0.95 }]);
    expect(row).toMatchObject({ status: 'met', met: true });
    expect(row.projected).toBe(row.range!.high);
    expect(row.margin).toBeCloseTo(0.95 - 0.9, 12);
    const [missed] = scorecard(project(withPlaces(0.9 * C.all, 0.5 * C.all)), [{ ...TARGET, comparison: 'atMost', value: C.local / C.all - 0.01 }]);
    expect(missed).toMatchObject({ status: 'missed', met: false });
  });

  it('without the other places it is not judged, and says what it needs', () => {
    const [row] = scorecard(project(withPlaces(0.9 * C.all)), [TARGET]);
    expect(row.projected).toBeNull();
    expect(row.range).toBeNull();
    expect(row.note).toBe('the inclusive share of enrolment needs the places of other kindergartens too (services.preschoolPlaces.otherPlaces)');
  });

  it('otherPreschoolPlaces: demand is children 3-5 x (1 - inclusiveCoverageShare), the rest of preschoolPlaces demand', () => {
    const projection = project(withPlaces(0.7 * C.all, 0.5 * C.all));
    const at = projection.years.indexOf(2024);
    const inclusive = projection.indicator('preschoolPlaces.demand').values[at];
    const other = projection.indicator('otherPreschoolPlaces.demand').values[at];
    expect(inclusive).toBeCloseTo(0.8 * C.all, 6);
    expect(other).toBeCloseTo(0.2 * C.all, 6);
    expect(projection.indicator('otherPreschoolPlaces.capacity').values[at]).toBeCloseTo(0.5 * C.all, 6);
  });
});
