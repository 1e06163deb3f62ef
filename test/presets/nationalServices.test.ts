/**
 * The national presets carry the services of 国发〔2024〕17号 二(二)4: school places with migrant
 * children in local public schools, teachers at the national staffing ratios, preschool,
 * childcare, rental housing, doctors and elderly care beds, each figure cited or an assumption
 * with its reason.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { project } from '../../src/model/project.js';
import type { Projection } from '../../src/model/projection.js';
import { getPreset } from '../../src/presets/index.js';
import { asIndicatorKey } from '../../src/model/indicatorTable.js';

const SERVICES = ['schoolPlaces', 'teachers', 'preschoolPlaces', 'otherPreschoolPlaces', 'childcarePlaces', 'rentalHousing', 'doctors', 'elderlyCareBeds'];

describe.each(['national-2024-2028', 'national-2024-2028-trend'])('%s services', (id) => {
  const preset = getPreset(id);
  let projection: Projection;
  beforeAll(() => {
    projection = project(preset.scenario);
  });
  const base = (key: string) => projection.indicator(asIndicatorKey(key)).values[0];

  it('projects every service the plan speaks of', () => {
    for (const s of SERVICES) expect(projection.indicatorKeys(), s).toContain(`${s}.demand`);
  });

  it('every service figure of the scenario is cited or an assumption with a reason', () => {
    const serviceFigures = Object.entries(preset.figures).filter(([path]) => path.startsWith('services.'));
    expect(serviceFigures.length).toBeGreaterThanOrEqual(20);
    for (const [path, figure] of serviceFigures) {
      const reason = 'source' in figure && figure.source ? JSON.stringify(figure.source) : (figure as { assumption?: string }).assumption;
      expect(reason?.length ?? 0, path).toBeGreaterThan(20);
    }
  });

  it('school demand: urban hukou children 6-14 plus 85.8 % of migrant children (MoE 2020)', () => {
    const p = projection.population({ year: 2023 });
    let hukou = 0;
    let migrant = 0;
    for (let a = 6; a <= 14; a++) {
      hukou += p.hukou.female[a] + p.hukou.male[a];
      migrant += p.migrant.female[a] + p.migrant.male[a];
    }
    expect(base('schoolPlaces.demand')).toBeCloseTo(hukou + 0.858 * migrant, 3);
  });

  it('teachers: every child 6-14 over 9 / (6/19 + 3/13.5) = 16.73 pupils a teacher', () => {
    const p = projection.population({ year: 2023 });
    let pupils = 0;
    for (const status of [p.rural, p.migrant, p.hukou]) for (let a = 6; a <= 14; a++) pupils += status.female[a] + status.male[a];
    expect(9 / (6 / 19 + 3 / 13.5)).toBeCloseTo(16.728, 3);
    expect(base('teachers.demand')).toBeCloseTo(pupils / (9 / (6 / 19 + 3 / 13.5)), 3);
  });

  it('doctors start at 3.40 per 1000 of 1,409.67 million residents (NHC 2023): 4,792,878', () => {
    expect(base('doctors.capacity')).toBeCloseTo(3.4 * 1_409_670, 0);
  });

  it('rental housing adds the 940,000 units raised in 2021 (NBS 2021 communique) each year', () => {
    const c = projection.indicator('rentalHousing.capacity').values;
    expect(c[1] - c[0]).toBeCloseTo(940_000, 6);
  });
});
