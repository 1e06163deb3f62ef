import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport } from '../../src/report/htmlReport.js';
import { fullInput } from '../report/fixtures.js';
import { HAS_CHROMIUM, launchChromium, NO_CHROMIUM, watchForErrors } from './chromium.js';

/** What the page shows of each chart: its SVG size and the data marks drawn with geometry. */
interface ChartSeen {
  id: string;
  svgWidth: number;
  marks: { type: string; tag: string; width: number; height: number }[];
}

describe.skipIf(!HAS_CHROMIUM)(`htmlReport(input) opened in headless Chromium${NO_CHROMIUM}`, () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chengzhen-browser-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, await htmlReport(fullInput()));
    url = pathToFileURL(file).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads from a file with no errors and no request but the page itself', async () => {
    const page = await browser.newPage();
    const errors = watchForErrors(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.title()).toBe('Zhejiang 2020-2030: urbanisation projection 2020-2030');
    expect(await page.locator('h1').textContent()).toBe('Zhejiang 2020-2030');
    expect(await page.locator('tr.missed td.result').evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(251, 225, 222)');
    expect(await page.locator('tr.met td.result').evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(226, 243, 223)');
    await page.close();
  });

  it('draws marks with geometry in every chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(url, { waitUntil: 'load' });
    const charts: ChartSeen[] = await page.evaluate(() =>
      Array.from(document.querySelectorAll('figure.chart')).map((figure) => {
        const svg = figure.querySelector('svg');
        const marks = Array.from(svg?.querySelectorAll('g.role-mark') ?? []).flatMap((group) => {
          const type = Array.from(group.classList).find((c) => c.startsWith('mark-'))!.slice(5);
          return Array.from(group.querySelectorAll('path, rect, line')).map((element) => {
            const box = (element as SVGGraphicsElement).getBBox();
            return { type, tag: element.tagName, width: box.width, height: box.height };
          });
        });
        return { id: figure.id, svgWidth: svg?.getBoundingClientRect().width ?? 0, marks };
      }),
    );
    expect(charts.map((c) => c.id)).toEqual(['chart-urbanisation', 'chart-population-by-status', 'chart-service-schoolPlaces', 'chart-service-elderlyCareBeds', 'chart-band-residentUrbanisationRate-all']);
    for (const chart of charts) {
      expect(chart.svgWidth, chart.id).toBeGreaterThan(600);
      const drawn = chart.marks.filter((m) => m.width > 0 || m.height > 0);
      expect(drawn.length, chart.id).toBeGreaterThan(0);
      // every line runs across the plot, from the base year to the end year (760 px wide)
      for (const line of chart.marks.filter((m) => m.type === 'line')) expect(line.width, chart.id).toBeGreaterThan(700);
      // areas have height as well as width
      for (const area of chart.marks.filter((m) => m.type === 'area')) expect(Math.min(area.width, area.height), chart.id).toBeGreaterThan(10);
    }
    const urbanisation = charts[0].marks;
    expect(urbanisation.filter((m) => m.type === 'line')).toHaveLength(2);
    // the target rules run across the plot
    expect(urbanisation.filter((m) => m.type === 'rule' && m.width > 700)).toHaveLength(2);
    await page.close();
  });
});
