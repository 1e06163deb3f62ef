import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project } from '../../src/model/project.js';
import { TARGETS, ZHEJIANG } from '../report/fixtures.js';
import { HAS_CHROMIUM, launchChromium, NO_CHROMIUM, watchForErrors } from './chromium.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = `${ROOT}dist/index.js`;
const HAS_DIST = existsSync(DIST);
const NO_DIST = HAS_DIST ? '' : ' [skipped: dist/index.js is missing; run npm run build first]';

/** One script defining the global `chengzhen`, bundled for browsers (Node built-ins cannot resolve). */
async function browserBundle(entry: { file: string } | { source: string }): Promise<string> {
  const result = await build({
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.source, resolveDir: ROOT, loader: 'ts' as const } }),
    bundle: true,
    format: 'iife',
    globalName: 'chengzhen',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** A blank page with `script` loaded, and the errors it logs. */
async function pageWith(browser: Browser, script: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage();
  const errors = watchForErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"><title>chengzhen</title></head><body></body></html>');
  await page.addScriptTag({ content: script });
  return { page, errors, requests };
}

describe.skipIf(!HAS_CHROMIUM)(`chengzhen bundled for browsers, in headless Chromium${NO_CHROMIUM}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.skipIf(!HAS_DIST)(`project(scenario) from the ESM build dist/index.js gives the same finite values as in Node${NO_DIST}`, async () => {
    const { page, errors, requests } = await pageWith(browser, await browserBundle({ file: DIST }));
    const seen = await page.evaluate((scenario) => {
      const lib = (globalThis as unknown as { chengzhen: typeof import('../../src/index.js') }).chengzhen;
      const projection = lib.project(scenario);
      const rows = projection.table();
      return {
        years: projection.years,
        population: projection.indicator('population').values,
        resident: projection.indicator('residentUrbanisationRate').values,
        rows: rows.length,
        finite: rows.every((row) => Number.isFinite(row.value)),
      };
    }, ZHEJIANG);
    const node = project(ZHEJIANG);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(seen.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(seen.finite).toBe(true);
    expect(seen.rows).toBe(node.table().length);
    expect(seen.population[0]).toBe(64_567_588);
    expect(seen.resident[0]).toBe(0.7217);
    // same engine family, same arithmetic: agree to 1e-12 relative
    const population = node.indicator('population').values;
    const resident = node.indicator('residentUrbanisationRate').values;
    seen.population.forEach((v, i) => expect(Math.abs(v - population[i]) / population[i], `population ${i}`).toBeLessThan(1e-12));
    seen.resident.forEach((v, i) => expect(Math.abs(v - resident[i]) / resident[i], `resident ${i}`).toBeLessThan(1e-12));
    await page.close();
  });

  it('htmlReport(input) from src/ renders every chart to SVG inside the page, with no Node built-ins and no requests', async () => {
    const script = await browserBundle({ source: "export { project } from './src/model/project.ts';\nexport { htmlReport } from './src/report/htmlReport.ts';\n" });
    const { page, errors, requests } = await pageWith(browser, script);
    const html = await page.evaluate(async ({ scenario, targets }) => {
      const lib = (globalThis as unknown as { chengzhen: typeof import('../../src/report/htmlReport.js') & typeof import('../../src/model/project.js') }).chengzhen;
      return lib.htmlReport({ projection: lib.project(scenario), targets });
    }, { scenario: ZHEJIANG, targets: TARGETS });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect([...html.matchAll(/<figure class="chart" id="([^"]+)"[^>]*><svg /g)].map((m) => m[1])).toEqual([
      'chart-urbanisation',
      'chart-population-by-status',
      'chart-service-schoolPlaces',
      'chart-service-elderlyCareBeds',
    ]);
    // one drawn line per series: 2 rates, 3 status areas' edges, demand and capacity of 2 services
    const LINE_MARK_GROUPS = 2 + 3 + 2 * 2;
    expect(html.match(/<g class="mark-line role-mark[^"]*"[^>]*><path [^>]*d="M/g)?.length).toBe(LINE_MARK_GROUPS);
    await page.close();
  });
});
