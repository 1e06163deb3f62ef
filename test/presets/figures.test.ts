/**
 * Provenance of the presets: every figure of every preset's scenario is cited (a plan
 * document and clause, or a data source's citation) or marked as an assumption with a reason,
 * and every plan target a preset scores comes from one of its documents with its clause. The
 * check itself is shown to fail on copies with a figure left uncited.
 */

import { describe, expect, it } from 'vitest';
import { PLAN_DOCUMENTS } from '../../seeds/index.js';
import { getPreset, PRESETS } from '../../src/presets/index.js';
import type { Preset } from '../../src/presets/types.js';
import { figureLeaves, provenanceProblems } from './figureWalk.js';

const copy = (id: string): Preset => structuredClone(getPreset(id));

describe('figureLeaves(scenario)', () => {
  it('finds the numbers and data choices of a scenario and leaves out its labels', () => {
    const leaves = new Map(figureLeaves(getPreset('national-2024-2028').scenario));
    expect(leaves.get('base.china.population.scaleToTotal')).toBe(1_409_670_000);
    expect(leaves.get('base.china.residentUrbanisationRate')).toBe(0.6616);
    expect(leaves.get('demography.mortality.source')).toBe('un-wpp2024');
    expect(leaves.get('base.china.population.census2020')).toBe('China');
    expect(leaves.get('migration.returnRate')).toBe(0.005);
    for (const label of ['name', 'description', 'baseYear', 'endYear', 'regions.0.id', 'sources.0.document']) expect(leaves.has(label)).toBe(false);
  });

  it('walks into schedules and lists', () => {
    const scenario = structuredClone(getPreset('shanghai-2024-2028').scenario);
    (scenario.services!.elderlyCare as Record<string, unknown>).bedsTarget = { points: [[2023, 170_000], [2025, 178_000]], interpolation: 'step' };
    const leaves = new Map(figureLeaves(scenario));
    expect(leaves.get('services.elderlyCare.bedsTarget.points.1.1')).toBe(178_000);
    expect(leaves.get('services.elderlyCare.bedsTarget.interpolation')).toBe('step');
    expect(leaves.get('services.rentalHousing.capacity.initial')).toBe('matchDemand');
  });
});

describe('provenanceProblems(preset)', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: every figure is cited or an assumption, and matches the scenario', (_, preset) => {
    expect(provenanceProblems(preset)).toEqual([]);
  });

  it('reports a number added to the scenario without a figure', () => {
    const preset = copy('national-2024-2028');
    (preset.scenario.migration as Record<string, unknown>).externalNetMigrants = 50_000;
    expect(provenanceProblems(preset)).toEqual(['migration.externalNetMigrants = 50000 has no figure']);
  });

  it('reports a figure removed from the book, a data choice included', () => {
    const preset = copy('national-2024-2028-trend');
    delete preset.figures['hukou.conversionRate'];
    delete preset.figures['demography.sexRatioAtBirth'];
    expect(provenanceProblems(preset).sort()).toEqual(['demography.sexRatioAtBirth = "un-wpp2024" has no figure', `hukou.conversionRate = ${preset.scenario.hukou?.conversionRate} has no figure`]);
  });

  it('reports a figure with an empty assumption, a plan source without a clause, or a data source without a citation', () => {
    const preset = copy('shandong-2021-2023');
    preset.figures['migration.returnRate'] = { value: 0.005, unit: 'share of migrants per year', assumption: ' ' };
    preset.figures['services.healthCare.doctorsPer1000Residents'] = { value: 3.6, unit: 'per 1000 residents', source: { document: '鲁政办字〔2021〕125号', clause: '' } };
    preset.figures['demography.mortality.source'] = { value: 'un-wpp2024', unit: 'data set', source: { citation: '', repository: 'PPgp/wpp2024' } };
    expect(provenanceProblems(preset).sort()).toEqual([
      'demography.mortality.source: neither a source (document and clause, or citation) nor an assumption',
      'migration.returnRate: neither a source (document and clause, or citation) nor an assumption',
      'services.healthCare.doctorsPer1000Residents: neither a source (document and clause, or citation) nor an assumption',
    ]);
  });

  it('reports a figure whose value is not the one in the scenario', () => {
    const preset = copy('zhejiang-2023');
    (preset.scenario.migration as Record<string, unknown>).returnRate = 0.006;
    expect(provenanceProblems(preset)).toEqual(['migration.returnRate: the figure is 0.005 but the scenario has 0.006']);
  });

  it('reports rental housing counted in a unit other than the one its additions are cited in', () => {
    const preset = copy('zhejiang-2023');
    (preset.scenario.services!.rentalHousing as Record<string, unknown>).unit = 'beds';
    expect(provenanceProblems(preset)).toEqual(['services.rentalHousing.unit is beds but its additions are counted in units per year']);
  });
});

describe('preset.targets', () => {
  const documents = new Set(PLAN_DOCUMENTS);

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: every target comes from one of its documents, with document and clause', (_, preset) => {
    expect(preset.documents.length).toBeGreaterThan(0);
    for (const document of preset.documents) expect(documents.has(document)).toBe(true);
    for (const target of preset.targets) {
      const from = preset.documents.filter((d) => d.targets.includes(target));
      expect({ id: target.id, documents: from.length }).toEqual({ id: target.id, documents: 1 });
      expect(target.source.document).toBe(from[0].document);
      expect(target.source.clause.trim()).not.toBe('');
      expect(target.area).toBe(preset.area);
      expect(target.indicator).toBeDefined();
    }
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: scores every modelled target its documents set for its area', (_, preset) => {
    const modelled = preset.documents.flatMap((d) => d.targets.filter((t) => t.indicator !== undefined && t.area === preset.area));
    expect(preset.targets.map((t) => t.id).sort()).toEqual(modelled.map((t) => t.id).sort());
    expect(preset.targets.length).toBeGreaterThan(0);
  });
});
