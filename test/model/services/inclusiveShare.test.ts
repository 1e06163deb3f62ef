/**
 * 学前教育普惠率 is judged as children in inclusive kindergartens over children in all
 * kindergartens: the places of other (非普惠性) kindergartens are a stock of their own, children
 * aged 3-5 are enrolled up to the places there are and fill the inclusive places first. Without
 * the other places the share is not judged (inclusive places over children would be 100 % for
 * a stock set to its own demand).
 */

import { describe, expect, it } from 'vitest';
import type { PlanTarget } from '../../../seeds/types.js';
import { project } from '../../../src/model/project.js';
import type { Projection } from '../../../src/model/projection.js';
import { scorecard } from '../../../src/model/scorecard.js';
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

function children3to5(projection: Projection, year: number): number {
  const p = projection.population({ year });
  let sum = 0;
  for (const status of [p.rural, p.migrant, p.hukou]) for (let a = 3; a <= 5; a++) sum += status.female[a] + status.male[a];
  return sum;
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

describe('preschoolInclusiveShare: inclusive enrolment over all enrolment', () => {
  const C = children3to5(project(withPlaces(0)), 2024);

  it('with places for every child: inclusive places / children (0.7 C inclusive and 0.5 C other: 70 %)', () => {
    const [row] = scorecard(project(withPlaces(0.7 * C, 0.5 * C)), [TARGET]);
    expect(C).toBeGreaterThan(1000);
    expect(row.projected).toBeCloseTo(0.7, 12);
    expect(row).toMatchObject({ status: 'missed', met: false });
    expect(row.margin).toBeCloseTo(-0.15, 12);
  });

  it('with fewer places than children: inclusive places / all places (0.6 C and 0.2 C: 75 %)', () => {
    const [row] = scorecard(project(withPlaces(0.6 * C, 0.2 * C)), [TARGET]);
    expect(row.projected).toBeCloseTo(0.75, 12);
  });

  it('inclusive places for every child: 100 %, whatever the other places', () => {
    const [row] = scorecard(project(withPlaces(1.2 * C, 0.5 * C)), [TARGET]);
    expect(row.projected).toBe(1);
    expect(row.status).toBe('met');
  });

  it('without the other places it is not judged, and says what it needs', () => {
    const [row] = scorecard(project(withPlaces(0.9 * C)), [TARGET]);
    expect(row.projected).toBeNull();
    expect(row.note).toBe('the inclusive share of enrolment needs the places of other kindergartens too (services.preschoolPlaces.otherPlaces)');
  });

  it('otherPreschoolPlaces: demand is children 3-5 x (1 - inclusiveCoverageShare), the rest of preschoolPlaces demand', () => {
    const projection = project(withPlaces(0.7 * C, 0.5 * C));
    const at = projection.years.indexOf(2024);
    const inclusive = projection.indicator('preschoolPlaces.demand').values[at];
    const other = projection.indicator('otherPreschoolPlaces.demand').values[at];
    expect(inclusive).toBeCloseTo(0.8 * C, 6);
    expect(other).toBeCloseTo(0.2 * C, 6);
    expect(projection.indicator('otherPreschoolPlaces.capacity').values[at]).toBeCloseTo(0.5 * C, 6);
  });
});
