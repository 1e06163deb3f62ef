import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import type { ChartSpec } from '../../src/report/charts.js';
import { compileChart, renderSvg } from '../../src/report/renderSvg.js';
import { reportCharts } from '../../src/report/reportCharts.js';
import { dataMarks, fullInput } from './fixtures.js';

describe('renderSvg(chart)', () => {
  const charts = reportCharts(fullInput());

  it('has the charts of a full report', () => {
    expect(charts.map((c) => c.id)).toEqual(['urbanisation', 'population-by-status', 'service-schoolPlaces', 'service-elderlyCareBeds', 'band-residentUrbanisationRate-all']);
  });

  it('compiles every chart without a Vega-Lite warning', async () => {
    for (const chart of charts) expect((await compileChart(chart.spec)).warnings, chart.id).toEqual([]);
  });

  it('draws each chart\'s data marks as SVG geometry', async () => {
    const expected: Record<string, Record<string, number>> = {
      // 2 lines, 2 x 11 points; rules, diamonds and labels of 2 targets
      urbanisation: { line: 2, symbol: 22 + 2, rule: 2, text: 2 },
      // one area per status, each with its top edge as a line
      'population-by-status': { area: 3, line: 3 },
      'service-schoolPlaces': { line: 2, symbol: 22 },
      // the shortfall area, 2 lines and their points, 1 target
      'service-elderlyCareBeds': { area: 1, line: 2, symbol: 22 + 1, rule: 1, text: 1 },
      // 2 bands, the median line and its points
      'band-residentUrbanisationRate-all': { area: 2, line: 1, symbol: 11 },
    };
    for (const chart of charts) {
      const svg = await renderSvg(chart.spec);
      expect(svg.startsWith('<svg'), chart.id).toBe(true);
      expect(svg.endsWith('</svg>'), chart.id).toBe(true);
      expect(dataMarks(svg), chart.id).toEqual(expected[chart.id]);
    }
  });

  it('renders titles and labels with Chinese and escapes markup in them', async () => {
    const spec = {
      title: { text: '<script>alert(1)</script> & 城镇', subtitle: '"quoted"' },
      data: { values: [{ year: 2020, value: 1 }, { year: 2021, value: 2 }] },
      mark: 'line',
      encoding: { x: { field: 'year', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } },
    } satisfies ChartSpec;
    const svg = await renderSvg(spec);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; 城镇');
    expect(dataMarks(svg)).toEqual({ line: 1 });
  });

  it('refuses to load data from a URL', async () => {
    const spec = { data: { url: 'https://example.com/data.csv' }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } } satisfies ChartSpec;
    const error = await renderSvg(spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChengzhenError);
    expect((error as ChengzhenError).issues[0].message).toBe(
      'chart failed to render: Loading failed https://example.com/data.csv charts render from inline data only; refused to load "https://example.com/data.csv"',
    );
  });

  it('gives the same SVG for the same chart', async () => {
    expect(await renderSvg(charts[0].spec)).toBe(await renderSvg(charts[0].spec));
  });
});
