/**
 * The presets as scenarios: each runs to its horizon (2028 or later) with finite indicators;
 * its base year reproduces the observed base population exactly and the resident
 * urbanisation rate to the published precision (4 decimals as a share); each plan preset is its
 * trend twin plus the plan's commitments and assumed policy levels; ids, twins and getPreset.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { OBSERVED_URBANISATION } from '../../seeds/index.js';
import { ChengzhenError } from '../../src/errors.js';
import { project } from '../../src/model/project.js';
import type { Projection } from '../../src/model/projection.js';
import { getPreset, policySensitivity, PRESETS, valueAtPath } from '../../src/presets/index.js';
import { parseScenario } from '../../src/schema/scenario.js';
import { targetValue } from '../../src/solve/solveLever.js';
import { asIndicatorKey } from '../../src/model/indicatorTable.js';

const projections = new Map<string, Projection>();
/** The presets of one region; the county presets (2,987 regions) are tested in test/presets/counties*.test.ts. */
const ONE_REGION = PRESETS.filter((p) => p.scenario.regions.length === 1);

beforeAll(() => {
  for (const preset of ONE_REGION) projections.set(preset.id, project(preset.scenario));
});

const observed = (area: string, year: number) => OBSERVED_URBANISATION.find((r) => r.area === area && r.year === year);
const cases = ONE_REGION.map((p) => [p.id, p] as const);

describe('PRESETS and getPreset(id)', () => {
  it('has the six plan presets, each followed by its trend twin, with unique ids', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      'national-2024-2028',
      'national-2024-2028-trend',
      'shanghai-2024-2028',
      'shanghai-2024-2028-trend',
      'shanghai-2021-2025',
      'shanghai-2021-2025-trend',
      'shandong-2021-2023',
      'shandong-2021-2023-trend',
      'zhejiang-2023',
      'zhejiang-2023-trend',
      'china-counties-2024-2028',
      'china-counties-2024-2028-trend',
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
    expect(getPreset('zhejiang-2023')).toBe(PRESETS[8]);
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
        const { values } = p.indicator(asIndicatorKey(key), { region });
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

describe('a plan preset is its trend twin plus the plan\'s commitments', () => {
  const plans = ONE_REGION.filter((p) => p.kind === 'plan');
  const strip = (scenario: unknown, paths: string[]) => {
    const copy = structuredClone({ ...(scenario as Record<string, unknown>), name: '', description: '' });
    for (const path of paths) {
      const parts = path.split('.');
      let at = copy as Record<string, unknown>;
      for (const part of parts.slice(0, -1)) at = (at[part] ?? {}) as Record<string, unknown>;
      delete at[parts[parts.length - 1]];
    }
    return copy;
  };

  it.each(plans.map((p) => [p.id, p] as const))('%s differs from its twin at every commitment and assumed policy, and nowhere else', (_id, plan) => {
    const twin = getPreset(plan.twin);
    const paths = [...(plan.commitments ?? []), ...(plan.assumptions ?? [])].map((c) => c.path);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(valueAtPath(plan.scenario, path), path).not.toEqual(valueAtPath(twin.scenario, path));
    expect(strip(plan.scenario, paths)).toEqual(strip(twin.scenario, paths));
    // and every commitment the preset's scorecard assesses adds to its stock in the plan, not in the twin
    for (const t of plan.targets.filter((t) => t.role === 'commitment' && valueAtPath(plan.scenario, t.feeds!) !== undefined && t.indicator !== 'nursingBedShare')) {
      const additions = `${t.feeds}.additionsPerYear`;
      expect(valueAtPath(plan.scenario, additions), additions).not.toEqual(valueAtPath(twin.scenario, additions));
    }
  });

  it.each(plans.map((p) => [p.id, p] as const))('%s is never solved to meet its own outcome targets: it keeps its twin\'s migration level', (_id, plan) => {
    expect(valueAtPath(plan.scenario, 'migration.ruralToUrbanRate')).toBe(valueAtPath(getPreset(plan.twin).scenario, 'migration.ruralToUrbanRate'));
    expect(plan.figures['migration.ruralToUrbanRate']).not.toHaveProperty('assumption', expect.stringMatching(/solveLever/));
  });

  it('states each assumed policy level with its reason, inside its low-high range', () => {
    const assumptions = plans.flatMap((p) => p.assumptions ?? []);
    expect(assumptions.map((a) => a.path)).toEqual(['hukou.conversionRate', 'hukou.conversionRate', 'hukou.conversionRate']);
    for (const a of assumptions) {
      expect(a.figure.assumption).toMatch(/without a number/);
      expect(a.low).toBeLessThan(a.figure.value);
      expect(a.high).toBeGreaterThan(a.figure.value);
    }
  });

  it('shows the verdicts\' sensitivity to an assumed policy level (zhejiang: open settlement, conversion 5 % to 8 %)', () => {
    const rows = policySensitivity(getPreset('zhejiang-2023'));
    expect(rows.map((r) => [r.path, r.target, r.low.value, r.assumed.value, r.high.value])).toEqual([['hukou.conversionRate', 'resident-urbanisation-rate-2023', 0.05, 0.065, 0.08]]);
    for (const cell of [rows[0].low, rows[0].assumed, rows[0].high]) expect(cell.projected).toBeGreaterThan(0.735);
  });

  it('zhejiang: even with no rural-to-urban migration the trend passes 73.5 % in 2023 (73.6 %): moves from other provinces carry it', () => {
    const scenario = structuredClone(getPreset('zhejiang-2023-trend').scenario);
    (scenario.migration as { ruralToUrbanRate: number }).ruralToUrbanRate = 0;
    const rate = targetValue(project(scenario), { indicator: 'residentUrbanisationRate', year: 2023 });
    expect(rate).toBeGreaterThan(0.735);
    expect(rate).toBeCloseTo(0.736, 3);
  });
});
