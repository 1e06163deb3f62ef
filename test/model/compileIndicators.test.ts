/**
 * projectIndicators: a scenario compiled and run a year at a time, keeping only the indicators,
 * gives the stocks and flows of project() bit for bit (pooled, sparse and dense moves, per-year
 * and constant levers, net international migrants), and reports a problem as project() does.
 * planCompilation: its fills write the inputs of compileScenario's problem, step by step.
 */

import { describe, expect, it } from 'vitest';
import { FLOW_NAMES } from '../../src/kernel/types.js';
import { STOCK_INDICATORS, type KernelIndicators } from '../../src/kernel/indicators.js';
import { compileScenario, planCompilation } from '../../src/model/compile.js';
import { project, projectIndicators } from '../../src/model/project.js';
import { getPreset } from '../../src/presets/index.js';
import type { ScenarioInput } from '../../src/schema/scenario.js';
import { firstBitDifference } from '../helpers/bits.js';
import { thrownBy } from '../helpers/errors.js';
import { nationalInput, smallTwoRegions, twoRegionsInput } from './fixtures/scenarios.js';

/** The first stock or flow (name, index) where two sets of indicators differ in a bit, or null. */
function firstDifference(a: KernelIndicators, b: KernelIndicators): string | null {
  if (JSON.stringify([a.years, a.regions]) !== JSON.stringify([b.years, b.regions])) return 'years or regions';
  for (const name of STOCK_INDICATORS) {
    const at = firstBitDifference(a.stocks[name], b.stocks[name]);
    if (at >= 0) return `${name}[${at}]`;
  }
  for (const name of FLOW_NAMES) {
    const at = firstBitDifference(a.flows[name], b.flows[name]);
    if (at >= 0) return `${name}[${at}]`;
  }
  return null;
}

/** Three towns in two prefectures of one province, movers pooled by prefecture and nation. */
const pooledTowns = {
  ...smallTwoRegions(),
  name: 'Three towns, pooled',
  endYear: 2030,
  regions: [
    { id: 'a', nameEn: 'A', nameZh: '甲', prefecture: 'p1', province: 'x' },
    { id: 'b', nameEn: 'B', nameZh: '乙', prefecture: 'p1', province: 'x' },
    { id: 'c', nameEn: 'C', nameZh: '丙', prefecture: 'p2', province: 'x' },
  ],
  base: {
    a: { population: { census2020: 'Henan', scaleToTotal: 1e6 }, residentUrbanisationRate: 0.55, hukouUrbanisationRate: 0.35 },
    b: { population: { census2020: 'Guangdong', scaleToTotal: 2e6 }, residentUrbanisationRate: 0.74, hukouUrbanisationRate: 0.5 },
    c: { population: { census2020: 'Gansu', scaleToTotal: 5e5 }, residentUrbanisationRate: 0.4, hukouUrbanisationRate: 0.3 },
  },
  migration: {
    ruralToUrbanRate: { byRegion: { a: 0.02, b: { linear: { from: [2021, 0.03], to: [2030, 0.01] } }, c: 0.025 } },
    destinations: {
      pooled: {
        levels: [
          { group: 'prefecture', share: 0.6, weight: { byRegion: { a: 0.3, b: 0.7, c: 1 } } },
          { group: 'all', share: 0.4, weight: { byRegion: { a: 0.2, b: 0.5, c: 0.3 } } },
        ],
      },
    },
    externalNetMigrants: { byRegion: { b: 5000 }, default: 0 },
  },
  demography: { mortality: { source: 'un-wpp2024', mxScale: { byRegion: { a: 1.1, b: 0.9, c: 1.2 } } }, fertility: { tfr: 'un-wpp2024', tfrScale: 0.8 }, netInternationalMigration: 'none' },
} satisfies ScenarioInput;

describe('projectIndicators(scenario)', () => {
  it.each([
    ['two provinces, dense moves, levers changing every year', twoRegionsInput],
    ['China, net international migrants', nationalInput],
    ['three towns, pooled moves, external migrants', pooledTowns],
    ['two towns, sparse moves, constant levers', smallTwoRegions()],
  ])('gives the stocks and flows of project() bit for bit: %s', (_, input) => {
    const full = project(input);
    const indicators = projectIndicators(input);
    expect(firstDifference(indicators.kernel, full.kernel)).toBeNull();
    expect(indicators.years).toEqual(full.years);
    expect(indicators.regions).toEqual(full.regions);
    for (const key of ['population', 'residentUrbanisationRate', 'netMigration', 'births'] as const) {
      for (const region of [...full.regions, 'all']) expect(indicators.indicator(key, { region })).toEqual(full.indicator(key, { region }));
    }
  });

  it('gives the preset zhejiang-2023 its published base rate and the projection its 2028 rate', () => {
    const indicators = projectIndicators(getPreset('zhejiang-2023').scenario);
    expect(indicators.indicator('residentUrbanisationRate').values[0]).toBeCloseTo(0.734, 12);
    expect(indicators.indicator('residentUrbanisationRate').values.at(-1)).toBe(project(getPreset('zhejiang-2023').scenario).indicator('residentUrbanisationRate').values.at(-1));
  });

  it('reports a run that empties a cell as project() does (the same issues, paths and coordinates)', () => {
    // the second year empties a cell: the path names the step of the per-year n
    const emptying = {
      ...smallTwoRegions(),
      migration: { ruralToUrbanRate: 0.02, externalNetMigrants: { byRegion: { coast: { linear: { from: [2021, -1e4], to: [2022, -3e6] } } }, default: 0 } },
    } satisfies ScenarioInput;
    const expected = thrownBy(() => project(emptying));
    expect(expected.issues[0]).toMatchObject({ code: 'negative_population', path: ['inputs', 'n', 1, expect.any(Number)], coords: { year: 2022, region: 'coast' } });
    expect(thrownBy(() => projectIndicators(emptying)).issues).toEqual(expected.issues);
  });

  it('reports an invalid scenario as project() does', () => {
    const bad = { ...smallTwoRegions(), migration: { ruralToUrbanRate: 0.02, destinations: { inland: { inland: 0.5, coast: 0.2 } } } } satisfies ScenarioInput;
    const expected = thrownBy(() => project(bad));
    expect(expected.issues.map((i) => i.code)).toContain('row_sum');
    expect(thrownBy(() => projectIndicators(bad)).issues).toEqual(expected.issues);
  });

  it('names an unknown region or indicator', () => {
    const indicators = projectIndicators(smallTwoRegions());
    expect(thrownBy(() => indicators.indicator('population', { region: 'nowhere' })).message).toContain('region "nowhere" is not in the projection');
    expect(thrownBy(() => indicators.indicator('schoolPlaces' as 'population')).message).toContain('indicator "schoolPlaces" is not one of population');
  });
});

describe('planCompilation(scenario)', () => {
  it("fills each step with compileScenario's inputs, and says when the rates do not change", () => {
    for (const input of [twoRegionsInput, pooledTowns, smallTwoRegions()]) {
      const plan = planCompilation(input);
      const problem = compileScenario(input);
      expect(plan.constantRates).toBe(problem.inputs.m.length === 1);
      const R = problem.regions.length;
      const A1 = problem.maxAge + 1;
      const at = <X>(list: X[], t: number) => (list.length === 1 ? list[0] : list[t]);
      for (let t = 0; t < problem.years; t++) {
        const demography = { sx: new Float64Array(R * 6 * A1), sb: new Float64Array(R * 6), fx: new Float64Array(R * 3 * A1), srb: new Float64Array(R), n: plan.hasN ? new Float64Array(R * 6 * A1) : null };
        const rates = { m: new Float64Array(R * 2 * A1), c: new Float64Array(R), k: new Float64Array(R * 2 * A1), q: new Float64Array(R * 2 * A1) };
        plan.fillDemography(t, demography);
        plan.fillRates(t, rates);
        for (const key of ['sx', 'sb', 'fx', 'srb'] as const) expect({ key, t, at: firstBitDifference(demography[key], at(problem.inputs[key], t)) }).toEqual({ key, t, at: -1 });
        for (const key of ['m', 'c', 'k', 'q'] as const) expect({ key, t, at: firstBitDifference(rates[key], at(problem.inputs[key], t)) }).toEqual({ key, t, at: -1 });
        if (demography.n) expect(firstBitDifference(demography.n, at(problem.inputs.n, t))).toBe(-1);
        else expect(problem.inputs.n).toEqual([]);
      }
    }
  });
});
