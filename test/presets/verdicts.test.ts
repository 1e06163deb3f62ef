/**
 * Acceptance of the honest verdicts: outcomes respond to the population (fertility and
 * migration moved by 10 % either way move every outcome's projected value, with no exemption:
 * a measure bracketed by a range is judged on the end that responds), commitments are
 * never met or missed, no row's projected value equals its target by construction, the
 * national target is scored at the end of 2028, and every seed target with an indicator is
 * projected by some preset or listed in docs/verdicts.md with the reason it cannot be.
 */

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAN_DOCUMENTS } from '../../seeds/index.js';
import { project } from '../../src/model/project.js';
import { scorecard, type ScorecardRow } from '../../src/model/scorecard.js';
import { PRESETS } from '../../src/presets/index.js';
import type { Preset } from '../../src/presets/types.js';
import type { ScenarioInput } from '../../src/schema/scenario.js';

const cards = new Map<string, ScorecardRow[]>();

/** The presets of one region; the county presets' verdicts are in test/presets/counties.slow.test.ts. */
const ONE_REGION = PRESETS.filter((p) => p.scenario.regions.length === 1);

beforeAll(() => {
  for (const preset of ONE_REGION) cards.set(preset.id, scorecard(project(preset.scenario), preset.targets));
});

/** The scenario with fertility and migration (rural-to-urban and from other provinces) times `factor`. */
function perturbed(preset: Preset, factor: number): ScenarioInput {
  const s = structuredClone(preset.scenario) as ScenarioInput & { demography: { fertility: { tfrScale?: number } }; migration: { ruralToUrbanRate: number; externalNetMigrants?: number } };
  s.demography.fertility.tfrScale = (s.demography.fertility.tfrScale ?? 1) * factor;
  s.migration.ruralToUrbanRate *= factor;
  if (s.migration.externalNetMigrants !== undefined) s.migration.externalNetMigrants *= factor;
  return s;
}

const plans = ONE_REGION.filter((p) => p.kind === 'plan');

describe('outcomes are judged on the projection, not pinned by construction', () => {
  it.each(plans.map((p) => [p.id, p] as const))('%s: fertility and migration 10 percent lower and higher move every projected outcome', (_id, preset) => {
    const base = cards.get(preset.id)!.filter((r) => r.role === 'outcome' && r.projected !== null);
    expect(base.length).toBeGreaterThan(0);
    for (const factor of [0.9, 1.1]) {
      const rows = scorecard(project(perturbed(preset, factor)), preset.targets);
      for (const row of base) {
        const moved = rows.find((r) => r.id === row.id)!;
        expect(moved.projected, `${row.id} at x${factor}`).not.toBe(row.projected);
      }
    }
  });

  it('no commitment row is met or missed, in any preset; each assessed one has an adequacy verdict', () => {
    const commitments = [...cards.values()].flat().filter((r) => r.role === 'commitment');
    expect(commitments.length).toBeGreaterThan(10);
    for (const row of commitments) {
      expect(row.met, row.id).toBeNull();
      expect(['commitment', 'not projected', 'outside the projection']).toContain(row.status);
      expect(row.projected).toBeNull();
      if (row.status === 'commitment') expect(row.adequacy!.demand, row.id).toBeGreaterThan(0);
    }
  });

  it('shandong-2021-2023 普惠率: judged over its range, uncertain (the census hukou base leaves more migrant children than the low end can place), the fill-first end at its bound', () => {
    const row = cards.get('shandong-2021-2023')!.find((r) => r.id === 'preschool-inclusive-share-2023')!;
    expect(row).toMatchObject({ status: 'uncertain', met: null, target: 0.85 });
    expect(row.range!.high).toBe(1);
    expect(row.projected).toBe(row.range!.low);
    expect(row.range!.low).toBeGreaterThan(0.8);
    expect(row.range!.low).toBeLessThan(0.85);
  });

  it('no row has its projected value equal to its target', () => {
    for (const [id, rows] of cards) for (const row of rows) expect(row.projected === row.target, `${id} ${row.id}`).toBe(false);
  });

  it('国发〔2024〕17号: the resident urbanisation rate is scored at the end of 2028 (经过5年的努力, 2024-2028)', () => {
    const row = cards.get('national-2024-2028')!.find((r) => r.indicator === 'residentUrbanisationRate')!;
    expect(row).toMatchObject({ year: 2028, target: 0.7, comparison: 'about', tolerance: 0.005, role: 'outcome' });
    expect(row.projected).not.toBeNull();
  });
});

describe('every seed target with an indicator is projected by some preset, or listed as not expressible', () => {
  const listed = readFileSync(new URL('../../docs/verdicts.md', import.meta.url), 'utf8');
  const targets = PLAN_DOCUMENTS.flatMap((d) => d.targets.filter((t) => t.indicator !== undefined).map((t) => [d.id, t.id] as const));

  it.each(targets)('%s %s', (document, id) => {
    // uncertain is a judgement too: the projected range holds the target
    const judged = [...cards.values()].flat().some((r) => r.id === id && ['met', 'missed', 'uncertain', 'commitment'].includes(r.status) && PRESETS.some((p) => p.documents.some((d) => d.id === document)));
    if (!judged) expect(listed, `${document} ${id} is neither projected nor listed in docs/verdicts.md`).toMatch(new RegExp(`\\| ${document} \\| ${id} \\| [^|]{20,} \\|`));
    else expect(judged).toBe(true);
  });

  it('the list names only targets no preset projects', () => {
    const rows = [...listed.matchAll(/^\| ([a-z0-9-]+) \| ([a-z0-9-]+) \| [^|]+ \|$/gm)].map((m) => m[2]);
    for (const id of rows) expect([...cards.values()].flat().some((r) => r.id === id && ['met', 'missed', 'commitment'].includes(r.status)), id).toBe(false);
  });
});
