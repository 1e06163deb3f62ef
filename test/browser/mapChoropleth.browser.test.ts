import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choroplethPrefectureCodes } from '../../src/report/choroplethMap.js';
import { htmlReport } from '../../src/report/htmlReport.js';
import { fullInput } from '../report/fixtures.js';
import { HAS_CHROMIUM, launchChromium, NO_CHROMIUM, watchForErrors } from './chromium.js';

describe.skipIf(!HAS_CHROMIUM)(`htmlReport({ maps }) opened in headless Chromium${NO_CHROMIUM}`, () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chengzhen-map-'));
    const file = join(dir, 'report.html');
    const values = new Map(choroplethPrefectureCodes().map((c, i) => [c, i] as [number, number]));
    writeFileSync(file, await htmlReport({ ...fullInput(), maps: [{ id: 'index', title: 'Index', valueTitle: 'index', values }] }));
    url = pathToFileURL(file).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws one filled shape per prefecture outline, inside the map, with no error or request', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = watchForErrors(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });
    const seen = await page.evaluate(() => {
      const svg = document.querySelector('figure#map-index svg')!;
      const frame = svg.getBoundingClientRect();
      const shapes = Array.from(svg.querySelectorAll('g.layer_1_marks path')).map((p) => {
        const box = (p as SVGGraphicsElement).getBoundingClientRect();
        return { fill: p.getAttribute('fill'), inside: box.left >= frame.left - 1 && box.right <= frame.right + 1 && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1 };
      });
      return { width: frame.width, shapes };
    });
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(seen.width).toBeGreaterThan(600);
    expect(seen.shapes).toHaveLength(369);
    // an outline wound the wrong way would be drawn as the rest of the globe, spilling out of the frame
    expect(seen.shapes.filter((s) => !s.inside)).toEqual([]);
    expect(seen.shapes.every((s) => s.fill !== null && s.fill !== 'none')).toBe(true);
    await page.close();
  });
});
