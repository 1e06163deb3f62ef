/**
 * Pooled destinations in a scenario (migration.destinations.pooled): the projection equals the
 * one with the equivalent shares written out region by region, and the compiler's checks name
 * the level, the region or the group at fault.
 */
import { describe, expect, it } from 'vitest';
import { project } from '../../../src/model/project.js';
import { safeParseScenario, type ScenarioInput } from '../../../src/schema/scenario.js';

const regions = [
  { id: 'a', nameEn: 'A', nameZh: '甲', province: 'p1', prefecture: 'f1' },
  { id: 'b', nameEn: 'B', nameZh: '乙', province: 'p1', prefecture: 'f1' },
  { id: 'c', nameEn: 'C', nameZh: '丙', province: 'p1', prefecture: 'f2' },
  { id: 'd', nameEn: 'D', nameZh: '丁', province: 'p2', prefecture: 'f3' },
];
const sizes = { a: 2e6, b: 1e6, c: 5e5, d: 3e6 };
const base = Object.fromEntries(Object.entries(sizes).map(([id, n], i) => [id, { population: { census2020: 'Anhui', scaleToTotal: n }, residentUrbanisationRate: 0.4 + 0.1 * i, hukouUrbanisationRate: 0.3 }]));
const levels = [
  { group: 'prefecture' as const, share: { byRegion: { a: 0.5, b: 0.4, c: 0.6, d: 0.7 } }, weight: { byRegion: { a: 0.7, b: 0.3, c: 1, d: 1 } } },
  { group: 'province' as const, share: { byRegion: { a: 0.3, b: 0.4, c: 0.2, d: 0.1 } }, weight: { byRegion: { a: 0.2, b: 0.3, c: 0.5, d: 1 } } },
  { group: 'all' as const, share: { byRegion: { a: 0.2, b: 0.2, c: 0.2, d: 0.2 } }, weight: { byRegion: { a: 0.1, b: 0.2, c: 0.3, d: 0.4 } } },
];
const scenario = (destinations: unknown): ScenarioInput =>
  ({ name: 'pooled', baseYear: 2023, endYear: 2028, regions, base, migration: { ruralToUrbanRate: 0.03, destinations }, hukou: { conversionRate: 0.05 } }) as ScenarioInput;

/** D[i][j] = sum_l share_l[i] weight_l[j] [same group at l], written out. */
function dense(): Record<string, Record<string, number>> {
  const key = (l: number, r: (typeof regions)[number]) => (l === 0 ? r.prefecture : l === 1 ? r.province : '');
  const out: Record<string, Record<string, number>> = {};
  for (const i of regions) {
    out[i.id] = {};
    for (const j of regions) {
      let d = 0;
      levels.forEach((level, l) => {
        if (key(l, i) === key(l, j)) d += level.share.byRegion[i.id as 'a'] * level.weight.byRegion[j.id as 'a'];
      });
      if (d > 0) out[i.id][j.id] = d;
    }
  }
  return out;
}

describe('migration.destinations.pooled', () => {
  it('projects as the equivalent dense destinations, region by region and year by year (to 1e-12 relative)', () => {
    const pooled = project(scenario({ pooled: { levels } }));
    const written = project(scenario(dense()));
    for (const region of ['a', 'b', 'c', 'd', 'all']) {
      for (const key of ['population', 'residentUrbanisationRate', 'netMigration'] as const) {
        const x = pooled.indicator(key, { region }).values;
        const y = written.indicator(key, { region }).values;
        // persons to 1e-12 of the region's population, rates to 1e-12
        const scale = key === 'residentUrbanisationRate' ? 1 : pooled.indicator('population', { region }).values[0];
        x.forEach((v, t) => expect(Math.abs(v - y[t])).toBeLessThanOrEqual(1e-12 * scale));
      }
    }
    // people move between the regions, and what one loses the others gain
    const nets = ['a', 'b', 'c', 'd'].map((region) => pooled.indicator('netMigration', { region }).values.at(-1)!);
    expect(Math.min(...nets.map(Math.abs))).toBeGreaterThan(100);
    expect(Math.abs(nets.reduce((x, y) => x + y, 0))).toBeLessThan(1e-6);
  });

  it('names a region without the field its level groups by, shares not summing to 1, and a group whose weights do not', () => {
    const bad = structuredClone(levels) as unknown as { group: string; share: { byRegion: Record<string, number> }; weight: { byRegion: Record<string, number> } }[];
    bad[0].share.byRegion.a = 0.6;
    bad[1].weight.byRegion.c = 0.4;
    const noPrefecture = { ...scenario({ pooled: { levels: bad } }), regions: regions.map((r) => (r.id === 'd' ? { ...r, prefecture: undefined } : r)) };
    const parsed = safeParseScenario(noPrefecture);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues.map((i) => i.message)).toEqual([
      'migration.destinations.pooled.levels[0].group groups by prefecture, but region "d" (regions[3]) has no prefecture',
      'migration.destinations.pooled.levels.*.share.a: the shares of region "a" over the 3 levels must sum to 1 (within 1e-9), received 1.0999999999999999',
      'migration.destinations.pooled.levels[1].weight: the weights of province "p1" must sum to 1 (within 1e-9) because it sends movers, received 0.9',
    ]);
  });

  it('names an unknown region in byRegion', () => {
    const bad = structuredClone(levels) as unknown as { weight: { byRegion: Record<string, number> } }[];
    bad[2].weight.byRegion.e = 0;
    const parsed = safeParseScenario(scenario({ pooled: { levels: bad } }));
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0].message).toMatch(/^migration\.destinations\.pooled\.levels\[2\]\.weight\.byRegion\.e names the unknown region "e"/);
  });
});
