/**
 * Teachers that follow the resident children (国发〔2024〕17号: 依据常住人口规模变化动态调整教师):
 * demand is every child aged 6-14 over the pupils one teacher may have, counted by hand on a
 * tiny population.
 *
 * North in 2023: hukou F7 100, hukou M14 100, migrant F6 50, rural F12 40 are aged 6-14 (290;
 * migrant M15 70 is 15), times 1, 1.5 and 2 in 2024 and 2025. South: hukou F7 300, migrant
 * M10 100 (400), constant.
 */

import { describe, expect, it } from 'vitest';
import { computeServices } from '../../../src/model/services/computeServices.js';
import { safeParseScenario } from '../../../src/index.js';
import { twoRegionsInput } from '../fixtures/scenarios.js';
import { scenarioWith, tinyResult, type Cell } from './tinyResult.js';

const NORTH: Cell[] = [
  ['hukou', 'female', 7, 100],
  ['hukou', 'male', 14, 100],
  ['migrant', 'female', 6, 50],
  ['migrant', 'male', 15, 70],
  ['rural', 'female', 12, 40],
  ['hukou', 'female', 40, 1000],
];
const SOUTH: Cell[] = [
  ['hukou', 'female', 7, 300],
  ['migrant', 'male', 10, 100],
];
const YEARS = [2023, 2024, 2025];

describe('teachers: children 6-14 / pupilsPerTeacher', () => {
  const scenario = scenarioWith(['north', 'south'], 2023, 2025, { teachers: { pupilsPerTeacher: { byRegion: { north: 10 }, default: 20 }, teachers: { initial: 30, additionsPerYear: 5 } } });
  const series = computeServices(scenario, tinyResult({ regions: ['north', 'south'], maxAge: 70, baseYear: 2023, cells: [NORTH, SOUTH], factors: [[1, 1.5, 2], [1, 1, 1]] }), YEARS);
  const at = (key: string, region: number) => YEARS.map((_, y) => series.get(key)![y * 3 + region]);

  it('north: 290, 435 and 580 pupils at 10 a teacher, against 30 teachers plus 5 a year', () => {
    expect(at('teachers.demand', 0)).toEqual([29, 43.5, 58]);
    expect(at('teachers.capacity', 0)).toEqual([30, 35, 40]);
    expect(at('teachers.shortfall', 0)).toEqual([0, 8.5, 18]);
    // migrant pupils are 50 of 290: their share of the demand
    at('teachers.migrantDemand', 0).forEach((v, i) => expect(v).toBeCloseTo([5, 7.5, 10][i], 12));
  });

  it('south: 400 pupils at the default 20 a teacher; all regions are the sums', () => {
    expect(at('teachers.demand', 1)).toEqual([20, 20, 20]);
    expect(at('teachers.demand', 2)).toEqual([49, 63.5, 78]);
    expect(at('teachers.capacity', 2)).toEqual([60, 70, 80]);
  });

  it('parse refuses a pupils-per-teacher standard of 0 and a stock that retires more than itself, naming each field', () => {
    const input = structuredClone(twoRegionsInput) as Record<string, unknown>;
    input.services = {
      teachers: {
        pupilsPerTeacher: { byRegion: { henan: 0 }, default: 18 },
        teachers: { initial: 'matchDemand', retirementRate: { linear: { from: [2025, 0.5], to: [2030, 1.5] } }, growthRate: 0.2 },
      },
    };
    const parsed = safeParseScenario(input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const issues = parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['services.teachers.pupilsPerTeacher.byRegion.henan', 'services.teachers.pupilsPerTeacher.byRegion.henan[year=2020] must be in (0, Infinity], received 0'],
      // the retirement rate passes 1 in 2028 (1.1); once, not once per region
      ['services.teachers.teachers.retirementRate', 'services.teachers.teachers.retirementRate[year=2028] must be in [0, 1], received 1.1'],
    ]);
  });
});
