import { beforeAll, describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { project } from '../../src/model/project.js';
import { htmlReport } from '../../src/report/htmlReport.js';
import { fullInput, SCORECARD, TWO_REGIONS, ZHEJIANG, zhejiangProjection } from './fixtures.js';

const ATTACK = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';

/** The text of the element with this id, tags and all. */
function section(html: string, id: string): string {
  const start = html.indexOf(` id="${id}"`);
  if (start < 0) return '';
  const tag = html.lastIndexOf('<', start);
  const name = /^<(\w+)/.exec(html.slice(tag))![1];
  return html.slice(tag, html.indexOf(`</${name}>`, start) + name.length + 3);
}

describe('htmlReport(input)', () => {
  let html: string;
  beforeAll(async () => {
    html = await htmlReport(fullInput());
  });

  it('is one page with its styles inline, no scripts and nothing to fetch', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
    // the only URLs are the SVG namespaces
    expect(html.replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]+"/g, '')).not.toMatch(/https?:/);
  });

  it('has the title, years, regions, description and sources of the scenario', () => {
    expect(html).toContain('<title>Zhejiang 2020-2030: urbanisation projection 2020-2030</title>');
    expect(html).toContain('<h1>Zhejiang 2020-2030</h1>');
    const summary = section(html, 'summary');
    expect(summary).toContain('2020 (base, year-end population) to 2030: 10 years projected');
    expect(summary).toContain('<li>Zhejiang <span lang="zh-Hans">(浙江)</span> <code>zj</code></li>');
    expect(summary).toContain('<p>Zhejiang from the 2020 census with steady rural-to-urban migration.</p><p>Rates are illustrative.</p>');
    expect(summary).toContain('<li>Zhejiang new-type urbanisation plan (浙江省新型城镇化规划), ch. 3 <span class="unit">(illustrative)</span></li>');
    // highlights: the base-year resident rate is the scenario's 0.7217
    expect(summary).toContain('from 72.2% in 2020');
    expect(summary).toContain('from 64,567,588 in 2020');
  });

  it('colours met and missed targets and shows their margins', () => {
    const scorecard = section(html, 'scorecard');
    expect(scorecard).toContain('1 of 3 targets met, 1 missed, 1 not judged.');
    expect(scorecard.match(/<tr class="met"/g)).toHaveLength(1);
    expect(scorecard.match(/<tr class="missed"/g)).toHaveLength(1);
    expect(scorecard.match(/<tr class="not-judged"/g)).toHaveLength(1);
    expect(scorecard).toContain('<td class="num">75.0%</td>\n<td class="num">75.4%</td>\n<td class="num margin positive">+0.4 pp</td>\n<td class="result">Met <span lang="zh-Hans">(达成)</span></td>');
    expect(scorecard).toContain('<td class="num margin negative">-6.9 pp</td>\n<td class="result">Missed <span lang="zh-Hans">(未达成)</span></td>');
    expect(scorecard).toContain('<td class="num">4.5</td>\n<td class="num">–</td>\n<td class="num margin">–</td>\n<td class="result">Not judged <span lang="zh-Hans">(无法判断)</span></td>');
    expect(html).toMatch(/tr\.met td\.result \{ background: var\(--met\)/);
    expect(html).toMatch(/tr\.missed td\.result \{ background: var\(--missed\)/);
  });

  it('shows why a target was not judged, and its document and clause', async () => {
    const row = { id: 'beds', description: 'Nursing beds', labelZh: '护理型床位', indicator: null, year: 2025, target: 0.55, projected: null, met: null, margin: null, unit: 'share (0-1)', document: 'Plan', clause: 'art. 4', status: 'not projected', note: 'needs nursing beds in the scenario' };
    const scorecard = section(await htmlReport({ projection: zhejiangProjection(), scorecard: [row] }), 'scorecard');
    expect(scorecard).toContain('<td>Nursing beds <span lang="zh-Hans">(护理型床位)</span><br><span class="unit">needs nursing beds in the scenario</span></td>');
    expect(scorecard).toContain('<td class="num">55.0%</td>\n<td class="num">–</td>\n<td class="num margin">–</td>\n<td class="result">Not judged <span lang="zh-Hans">(无法判断)</span><br><span class="unit">not projected</span></td>\n<td>Plan, art. 4</td>');
  });

  it('draws every chart as inline SVG', () => {
    for (const id of ['urbanisation', 'population-by-status', 'service-schoolPlaces', 'service-elderlyCareBeds', 'band-residentUrbanisationRate-all']) {
      expect(section(html, `chart-${id}`), id).toMatch(/^<figure class="chart" id="chart-[^"]+" aria-label="[^"]+"><svg /);
    }
    expect(html.match(/<figure class="chart"/g)).toHaveLength(5);
  });

  it('lists key figures for the base and end years', () => {
    const figures = section(html, 'key-figures');
    expect(figures).toContain('<h3>Zhejiang (浙江)</h3>');
    expect(figures).toContain('<th class="num">2020</th><th class="num">2030</th>');
    expect(figures).toContain('<td>Resident population <span lang="zh-Hans">(常住人口)</span></td><td class="unit">persons</td><td class="num">64,567,588</td>');
    expect(figures).toContain('<td>Hukou urbanisation rate of residents <span lang="zh-Hans">(常住人口中城镇户籍人口比重)</span></td><td class="unit">%</td><td class="num">50.0%</td>');
    // capacity: 400,000 beds + 10 years x 10,000
    expect(figures).toContain('<td class="num">400,000</td><td class="num">500,000</td><td class="num">+100,000</td>');
    expect(figures).toContain('<td class="num">5,000,000</td><td class="num">5,800,000</td><td class="num">+800,000</td>');
  });

  it('ends with notes on units and the hukou-rate approximation', () => {
    const notes = section(html, 'notes');
    expect(notes).toContain('Hukou urbanisation rate of residents (常住人口中城镇户籍人口比重): hukou / population: residents with local urban hukou over residents. Not the official 户籍人口城镇化率, whose denominator is the registered (hukou) population wherever it lives: that is registeredHukouUrbanisationRate.');
    expect(notes).toContain('rates are shares of residents shown as percentages');
    expect(notes.match(/<li>/g)).toHaveLength(5);
  });

  it('gives the same page for the same input', async () => {
    expect(await htmlReport(fullInput())).toBe(html);
  });

  it('leaves out the scorecard and uncertainty when not given', async () => {
    const plain = await htmlReport({ projection: zhejiangProjection() });
    expect(plain).not.toContain('id="scorecard"');
    expect(plain).not.toContain('id="chart-band-');
    expect(plain.match(/<figure class="chart"/g)).toHaveLength(4);
    expect(section(plain, 'notes').match(/<li>/g)).toHaveLength(3);
  });

  it('escapes markup in every text from the scenario and the input', async () => {
    const projection = project({
      ...ZHEJIANG,
      name: `Zhejiang ${ATTACK}`,
      description: `a ${ATTACK} "quoted" & 'single'`,
      regions: [{ id: 'zj', nameEn: `Zhe${ATTACK}`, nameZh: `浙${ATTACK}` }],
      sources: [{ document: ATTACK, clause: ATTACK, note: ATTACK }],
    });
    const scorecard = [{ ...SCORECARD[0], id: `"><${ATTACK}`, description: '<img src=x onerror=alert(1)>', labelZh: ATTACK, source: ATTACK, indicator: ATTACK }];
    const targets = [{ indicator: 'residentUrbanisationRate', year: 2025, value: 0.75, label: ATTACK }];
    const page = await htmlReport({ projection, scorecard, targets });
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain(`<title>Zhejiang ${ESCAPED}: urbanisation projection 2020-2030</title>`);
    expect(page).toContain(`<h1>Zhejiang ${ESCAPED}</h1>`);
    expect(page).toContain(`<p>a ${ESCAPED} &quot;quoted&quot; &amp; &#39;single&#39;</p>`);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain(`data-target="&quot;&gt;&lt;${ESCAPED}"`);
    // inside the charts, Vega escapes titles and labels
    expect(page).toContain(`Zhe${ESCAPED} (浙${ESCAPED})`);
    expect(page).toContain(`${ESCAPED}: 75.0%`);
  });

  it('has a table per region and one for all regions, and a chart by region, for two regions', async () => {
    const page = await htmlReport({ projection: project(TWO_REGIONS) });
    expect(page.match(/<table class="key-figures" data-region="(\w+)">/g)).toEqual([
      '<table class="key-figures" data-region="henan">',
      '<table class="key-figures" data-region="guangdong">',
      '<table class="key-figures" data-region="all">',
    ]);
    expect(page).toContain('<h3>All regions (全部地区)</h3>');
    expect(page).toContain('id="chart-urbanisation-by-region"');
    expect(page).not.toContain('id="chart-service-');
  });

  it('throws for bands out of order, naming the band and field', async () => {
    const projection = zhejiangProjection();
    const bands = [{ indicator: 'population', region: 'all', year: 2030, q05: 2, q25: 1, q50: 3, q75: 4, q95: 5 }];
    const error = await htmlReport({ projection, bands }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChengzhenError);
    expect((error as ChengzhenError).message).toBe('bands[0].q25 must be >= q05 (2), received 1');
  });
});
