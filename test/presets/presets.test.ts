/**
 * The presets as scenarios: each runs to its horizon (2028 or later) with finite indicators;
 * its base year reproduces the observed base population exactly and the resident
 * urbanisation rate to the published precision (4 decimals as a share); the plan presets'
 * solved migration levels are found again by solveLever; ids, twins and getPreset.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { OBSERVED_URBANISATION } from '../../seeds/index.js';
import { ChengzhenError } from '../../src/errors.js';
import { project } from '../../src/model/project.js';
import type { Projection } from '../../src/model/projection.js';
import { getPreset, PRESETS } from '../../src/presets/index.js';
import type { Preset } from '../../src/presets/types.js';
import { parseScenario } from '../../src/schema/scenario.js';
import { solveLever, targetValue } from '../../src/solve/solveLever.js';

const projections = new Map<string, Projection>();

beforeAll(() => {
  for (const preset of PRESETS) projections.set(preset.id, project(preset.scenario));
});

const observed = (area: string, year: number) => OBSERVED_URBANISATION.find((r) => r.area === area && r.year === year);
const cases = PRESETS.map((p) => [p.id, p] as const);

describe('PRESETS and getPreset(id)', () => {
  it('has the four plan presets, each followed by its trend twin, with unique ids', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      'national-2024-2028',
      'national-2024-2028-trend',
      'shanghai-2024-2028',
      'shanghai-2024-2028-trend',
      'shandong-2021-2023',
      'shandong-2021-2023-trend',
      'zhejiang-2023',
      'zhejiang-2023-trend',
    ]);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  it.each(cases)('%s: its twin points back, of the other kind, for the same area and documents', (_, preset) => {
    const twin = getPreset(preset.twin);
    expect(twin.twin).toBe(preset.id);
    expect(twin.kind).toBe(preset.kind === 'plan' ? 'trend' : 'plan');
    expect(twin.area).toBe(preset.area);
    expect(twin.documents).toEqual(preset.documents);
    expect(preset.id).toBe(preset.kind === 'plan' ? twin.id.replace(/-trend$/, '') : `${twin.id}-trend`);
  });

  it('returns the preset with the id', () => {
    expect(getPreset('zhejiang-2023')).toBe(PRESETS[6]);
    expect(getPreset('national-2024-2028').scenario.baseYear).toBe(2023);
  });

  it('refuses an unknown id, naming the presets', () => {
    try {
      getPreset('beijing-2024');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChengzhenError);
      expect((error as ChengzhenError).issues[0]).toEqual({
        code: 'invalid_value',
        path: ['preset'],
        message: `there is no preset "beijing-2024"; presets are ${PRESETS.map((p) => p.id).join(', ')}`,
        received: 'beijing-2024',
      });
    }
  });
});

describe('project(preset.scenario)', () => {
  it.each(cases)('%s: runs every year to a horizon of 2028 or later with finite indicators', (id, preset) => {
    const p = projections.get(id)!;
    expect(p.endYear).toBeGreaterThanOrEqual(2028);
    expect(p.endYear).toBe(preset.scenario.endYear);
    expect(p.years).toEqual(Array.from({ length: p.endYear - p.baseYear + 1 }, (_, i) => p.baseYear + i));
    const bad: string[] = [];
    for (const key of p.indicatorKeys()) {
      for (const region of [...p.regions, 'all']) {
        const { values } = p.indicator(key, { region });
        values.forEach((v, i) => {
          if (!Number.isFinite(v)) bad.push(`${key}[${region}][${i}] = ${v}`);
        });
      }
    }
    expect(bad).toEqual([]);
    // every scored target year is projected
    for (const t of preset.targets) if (t.year >= p.baseYear) expect(t.year).toBeLessThanOrEqual(p.endYear);
  });

  it('goes to 2035 for the national plan, which has a vision to then', () => {
    expect(projections.get('national-2024-2028')!.endYear).toBe(2035);
  });

  it.each(cases)('%s: its base year reproduces the observed population exactly and the resident rate to 4 decimals', (id, preset) => {
    const p = projections.get(id)!;
    const row = observed(preset.area, p.baseYear)!;
    const population = p.indicator('population').values[0];
    expect(Math.abs(population / row.residentPopulation! - 1)).toBeLessThan(1e-6);
    // Shanghai's 2023 rate is not published: the preset takes 2022's (89.3 %, unchanged since 2020)
    const rate = row.residentUrbanisationRate ?? observed(preset.area, p.baseYear - 1)!.residentUrbanisationRate!;
    if (row.residentUrbanisationRate === null) expect(preset.area).toBe('Shanghai');
    expect(Math.round(p.indicator('residentUrbanisationRate').values[0] * 1e4) / 1e4).toBe(rate);
    // and the hukou rate is the scenario's own
    const region = parseScenario(preset.scenario).regions[0].id;
    const base = (preset.scenario.base as Record<string, { hukouUrbanisationRate: number }>)[region];
    expect(p.indicator('hukouUrbanisationRate').values[0]).toBeCloseTo(base.hukouUrbanisationRate, 12);
  });
});

describe('the plan presets\' migration levels', () => {
  const planLevel = (preset: Preset) => (preset.scenario.migration as { ruralToUrbanRate: number }).ruralToUrbanRate;

  it.each([
    ['national-2024-2028', 'residentUrbanisationRate', 2029, 0.7],
    ['shandong-2021-2023', 'residentUrbanisationRate', 2023, 0.66],
  ] as const)('%s: solveLever finds the stored level again (%s = %s in %s)', (id, indicator, year, value) => {
    const plan = getPreset(id);
    const target = { indicator, year, value };
    // from the trend twin, whose level differs, as the preset was solved
    const solved = solveLever(getPreset(plan.twin).scenario, { lever: { path: 'migration.ruralToUrbanRate' }, target });
    expect(Math.abs(solved.value / planLevel(plan) - 1)).toBeLessThan(1e-6);
    // and the stored level reaches the target within the solver's tolerance
    expect(Math.abs(targetValue(projections.get(id)!, target) - value)).toBeLessThanOrEqual(1e-7);
    // the trend twin does not: the plan asks for something else
    expect(Math.abs(targetValue(projections.get(plan.twin)!, target) - value)).toBeGreaterThan(5e-4);
  });

  it.each(['shanghai-2024-2028', 'zhejiang-2023'])('%s: keeps the trend level, and is its twin in all but name', (id) => {
    const plan = getPreset(id);
    const trend = getPreset(plan.twin);
    expect(planLevel(plan)).toBe(planLevel(trend));
    const strip = (p: Preset) => ({ ...p.scenario, name: '', description: '' });
    expect(strip(plan)).toEqual(strip(trend));
  });

  it('zhejiang: even with no rural-to-urban migration the trend passes 73.5 % in 2023, as the preset says (73.6 %)', () => {
    const scenario = structuredClone(getPreset('zhejiang-2023-trend').scenario);
    (scenario.migration as { ruralToUrbanRate: number }).ruralToUrbanRate = 0;
    const rate = targetValue(project(scenario), { indicator: 'residentUrbanisationRate', year: 2023 });
    expect(rate).toBeGreaterThan(0.735);
    expect(rate).toBeCloseTo(0.736, 3);
  });
});
