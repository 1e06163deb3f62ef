/**
 * School places by county and the prefecture maps, from the county preset projected (about 20 s):
 * the top-20 tables are ordered and signed, and the report draws one shape per prefecture outline
 * for each of the three maps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { countyMaps, schoolPlaceExtremes, schoolPlaceTables } from '../../../src/model/counties/countyTables.js';
import { project } from '../../../src/model/project.js';
import type { Projection } from '../../../src/model/projection.js';
import { getPreset } from '../../../src/presets/index.js';
import { choroplethPrefectureCodes } from '../../../src/report/choroplethMap.js';

let projection: Projection;

beforeAll(() => {
  projection = project(getPreset('china-counties-2024-2028').scenario);
}, 300_000);

describe('schoolPlaceExtremes', () => {
  it('gives the 20 units with the largest shortfall and the 20 with the largest surplus, largest first', () => {
    const { shortfall, surplus } = schoolPlaceExtremes(projection, 2035);
    expect(shortfall).toHaveLength(20);
    expect(surplus).toHaveLength(20);
    for (let i = 1; i < 20; i++) {
      expect(shortfall[i].gap).toBeLessThanOrEqual(shortfall[i - 1].gap);
      expect(surplus[i].gap).toBeGreaterThanOrEqual(surplus[i - 1].gap);
    }
    expect(shortfall.every((r) => r.gap > 0 && Math.abs(r.demand - r.capacity - r.gap) < 1e-6)).toBe(true);
    expect(surplus.every((r) => r.gap < 0)).toBe(true);
    // at the base every unit's places equal its demand
    const base = schoolPlaceExtremes(projection, 2023);
    expect(base.shortfall.concat(base.surplus).every((r) => Math.abs(r.gap) < 1e-6 * Math.max(1, r.demand))).toBe(true);
  });

  it('refuses a year outside the projection', () => {
    expect(() => schoolPlaceExtremes(projection, 2040)).toThrow('year must be a projected year (2023-2035), received 2040');
  });
});

describe('countyMaps and the report', () => {
  it('gives three maps with a value for every prefecture outline the units fall in, and the report draws them without script', async () => {
    const drawable = new Set(choroplethPrefectureCodes());
    const maps = countyMaps(projection, 2035, drawable);
    expect(maps.map((m) => m.id)).toEqual(['urbanisation-change', 'hukou-gap', 'school-places']);
    const codes = [...maps[0].values.keys()];
    expect(codes.length).toBeGreaterThan(330);
    expect(codes.every((c) => drawable.has(c))).toBe(true);
    for (const m of maps) for (const v of m.values.values()) expect(Number.isFinite(v)).toBe(true);
    // urbanisation rises in most prefectures
    expect([...maps[0].values.values()].filter((v) => v > 0).length).toBeGreaterThan(codes.length / 2);
    const { htmlReport } = await import('../../../src/report/htmlReport.js');
    const html = await htmlReport({ projection, maps, placeTables: schoolPlaceTables(projection, 2035) });
    const section = html.slice(html.indexOf('<section id="maps">'), html.indexOf('</section>', html.indexOf('<section id="maps">')));
    expect(section.match(/<figure class="chart map"/g)).toHaveLength(3);
    expect(section.match(/<table class="place-table">/g)).toHaveLength(2);
    // 20 rows in each table, plus a head row each
    expect(section.match(/<tr>/g)).toHaveLength(42);
    expect(section).toContain('The 20 units with the largest shortfall of compulsory school places in 2035');
    expect(html).not.toMatch(/<script/);
  }, 300_000);
});
