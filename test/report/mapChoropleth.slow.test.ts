import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CENSUS_2020_COUNTIES } from '../../seeds/census-counties/index.js';
import { PREFECTURE_BOUNDARIES } from '../../seeds/census-counties/prefectureBoundaries.js';
import { choroplethPrefectureCodes, prefectureChoroplethSpec, prefectureChoroplethSvg } from '../../src/report/choroplethMap.js';
import { compileChart } from '../../src/report/renderSvg.js';

/** Paths drawn in each layer's geoshape group. */
function shapesByLayer(svg: string): number[] {
  const out: number[] = [0, 0];
  // an empty group may be written as <g ... /> or <g ...></g>
  for (const match of svg.matchAll(/<g class="mark-shape role-mark layer_(\d+)_marks"[^>]*?(\/>|>([\s\S]*?)<\/g>)/g)) {
    out[Number(match[1])] = ((match[3] ?? '').match(/<path[^>]* d="M[^"]+"/g) ?? []).length;
  }
  return out;
}

describe('PREFECTURE_BOUNDARIES', () => {
  it('has 369 outlines with distinct codes, covering every 2020 prefecture but Chongqing\'s 县 row (drawn inside 重庆市)', () => {
    const codes = new Set(PREFECTURE_BOUNDARIES.features.map((f) => f.properties.code));
    expect(codes.size).toBe(369);
    const missing: string[] = [];
    CENSUS_2020_COUNTIES.text.level.forEach((level, r) => {
      if (level === 'prefecture' && !codes.has(Number(CENSUS_2020_COUNTIES.text.code[r]))) missing.push(CENSUS_2020_COUNTIES.text.code[r]);
    });
    expect(missing).toEqual(['500200']);
  });

  it('winds every exterior ring clockwise (d3-geo), so no outline is read as the rest of the globe', () => {
    const signedArea = (ring: number[][]) => {
      let s = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
      return s / 2;
    };
    for (const f of PREFECTURE_BOUNDARIES.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of polygons) expect(signedArea(p[0]), f.properties.name).toBeLessThan(0);
    }
  });

  it('is compact (under 300 kB) and frozen, and carries the MIT notice', () => {
    expect(readFileSync(new URL('../../seeds/census-counties/prefectureBoundaries.json', import.meta.url)).length).toBeLessThan(300_000);
    expect(Object.isFrozen(PREFECTURE_BOUNDARIES.features[0].geometry.coordinates)).toBe(true);
    expect(readFileSync(new URL('../../seeds/census-counties/LICENSE', import.meta.url), 'utf8')).toContain('Copyright (c) 2022 Lei Dong');
  });
});

describe('prefectureChoroplethSvg(values, options)', () => {
  it('renders one shape per prefecture: every outline coloured when every code has a value', async () => {
    const codes = choroplethPrefectureCodes();
    const svg = await prefectureChoroplethSvg(new Map(codes.map((c, i) => [c, i])), { title: 'index', valueTitle: 'index' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(shapesByLayer(svg)).toEqual([0, 369]);
    expect(svg).not.toMatch(/<script|href="http/);
  });

  it('draws prefectures without a value in grey, so the map stays whole (2 coloured + 367 grey)', async () => {
    const svg = await prefectureChoroplethSvg(new Map([[440300, 0.99], [110100, 0.88]]), { format: '.0%', diverging: true });
    expect(shapesByLayer(svg)).toEqual([367, 2]);
    expect(svg).toContain('aria-label="value: 99%; prefecture: 深圳市"');
  });

  it('compiles without a Vega-Lite warning', async () => {
    expect((await compileChart(prefectureChoroplethSpec(new Map([[440300, 1]])))).warnings).toEqual([]);
  });

  it('refuses a code without an outline and a value that is not finite, naming both', () => {
    expect(() => prefectureChoroplethSpec(new Map([[999999, 1], [110100, Number.NaN]]))).toThrow(/values\[999999\] names no prefecture outline[\s\S]*values\[110100\] must be finite, received NaN/);
  });
});

describe('htmlReport({ ..., maps })', () => {
  it('adds a Maps section with one static map per entry, one shape per prefecture outline', async () => {
    const { htmlReport } = await import('../../src/report/htmlReport.js');
    const { fullInput } = await import('./fixtures.js');
    const values = new Map(choroplethPrefectureCodes().filter((c) => c < 800000).map((c) => [c, (c % 97) / 97] as [number, number]));
    const html = await htmlReport({ ...fullInput(), maps: [{ id: 'urban', title: 'Urban share', titleZh: '城镇化率', valueTitle: 'share', values, format: '.0%' }] });
    const section = html.slice(html.indexOf('<section id="maps">'), html.indexOf('</section>', html.indexOf('<section id="maps">')));
    expect(section).toContain('<figure class="chart map" id="map-urban" aria-label="Urban share (城镇化率)">');
    expect(shapesByLayer(section)).toEqual([2, 367]);
    expect(html).not.toMatch(/<script/);
  });

  it('leaves the section out when no map is given', async () => {
    const { htmlReport } = await import('../../src/report/htmlReport.js');
    const { fullInput } = await import('./fixtures.js');
    expect(await htmlReport(fullInput())).not.toContain('<section id="maps">');
  });
});
