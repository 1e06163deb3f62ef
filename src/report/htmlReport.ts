/**
 * A projection as one self-contained HTML page: inline CSS, charts as inline SVG drawn when
 * the page is built, no scripts and no external files, so it can be mailed, archived or
 * printed as it is. Every piece of text from the scenario or the report input is escaped.
 */

import { indicatorInfo, asIndicatorKey } from '../model/indicatorTable.js';
import { reportMapFigures } from './choroplethMap.js';
import { escapeHtml } from './escapeHtml.js';
import { formatChange, formatValue, SHARE_UNIT } from './format.js';
import { constraintsHtml } from './constraintsSection.js';
import { keyFigures, type KeyFigureTable } from './keyFigures.js';
import { renderSvg } from './renderSvg.js';
import { reportCharts } from './reportCharts.js';
import { checkReportInput, scorecardSource, type PlaceTable, type ReportInput, type ScorecardRow } from './reportInput.js';
import { reportNotes } from './reportNotes.js';
import { SCORECARD_RESULT_TEXT, scorecardResult, scorecardTally } from './scorecardResult.js';

const STYLE = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6570; --rule: #d8dde3; --met: #e2f3df; --met-ink: #1f6b2a; --missed: #fbe1de; --missed-ink: #9b2a20; --na: #f1f2f4; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f7f9; color: var(--ink); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 32px 28px 48px; background: #fff; }
header { border-bottom: 3px solid var(--ink); padding-bottom: 14px; margin-bottom: 8px; }
.kicker { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .02em; }
h1 { margin: 4px 0 2px; font-size: 28px; line-height: 1.25; }
.years { margin: 0; font-size: 17px; color: var(--muted); }
h2 { margin: 36px 0 12px; font-size: 20px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
h3 { margin: 22px 0 8px; font-size: 16px; }
[lang="zh-Hans"] { font-weight: inherit; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 6px 18px; margin: 0; }
dl.summary dt { font-weight: 600; color: var(--muted); }
dl.summary dd { margin: 0; }
dl.summary ul, dl.summary ol { margin: 0; padding-left: 20px; }
.description p { margin: 0 0 6px; }
.highlights { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 18px 0 4px; }
.highlight { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; }
.highlight .label { font-size: 12.5px; color: var(--muted); }
.highlight .value { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.highlight .from { font-size: 12.5px; color: var(--muted); }
figure.chart { margin: 14px 0 22px; padding: 10px 0; border-top: 1px solid var(--rule); }
figure.chart svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 6px 0 10px; }
th, td { border-bottom: 1px solid var(--rule); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
td.result { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.met td.result { background: var(--met); color: var(--met-ink); font-weight: 600; }
tr.missed td.result { background: var(--missed); color: var(--missed-ink); font-weight: 600; }
tr.not-judged td.result { background: var(--na); color: var(--muted); }
td.margin.negative { color: var(--missed-ink); }
td.margin.positive { color: var(--met-ink); }
.tally { color: var(--muted); margin: 0 0 6px; }
.unit { color: var(--muted); font-size: 12.5px; }
footer { margin-top: 36px; font-size: 13px; color: var(--muted); }
footer ol { padding-left: 20px; }
code { font-size: 12.5px; background: #f1f2f4; padding: 0 4px; border-radius: 3px; }
@media print { body { background: #fff; } main { padding: 0; } figure.chart { break-inside: avoid; } }
`;

/** Plot width of the charts, to fill the page's column. */
const CHART_WIDTH = 760;

/** English text with its Chinese in a parenthesis marked as Chinese, both escaped. */
function bi(en: string, zh: string | undefined): string {
  return zh ? `${escapeHtml(en)} <span lang="zh-Hans">(${escapeHtml(zh)})</span>` : escapeHtml(en);
}

function summarySection(input: ReportInput): string {
  const s = input.projection.scenario;
  const regions = s.regions.map((r) => `<li>${bi(r.nameEn, r.nameZh)} <code>${escapeHtml(r.id)}</code></li>`).join('');
  const paragraphs = s.description
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
  const sources = s.sources.length === 0 ? '<span class="unit">none given</span>' : `<ol>${s.sources.map((src) => `<li>${escapeHtml(src.document)}${src.clause ? `, ${escapeHtml(src.clause)}` : ''}${src.note ? ` <span class="unit">(${escapeHtml(src.note)})</span>` : ''}</li>`).join('')}</ol>`;
  return `<section id="summary">
<h2>${bi('Summary', '概要')}</h2>
${highlights(input)}
<dl class="summary">
<dt>${bi('Years', '年份')}</dt><dd>${s.baseYear} (base, year-end population) to ${s.endYear}: ${s.endYear - s.baseYear} years projected</dd>
<dt>${bi('Regions', '地区')}</dt><dd><ul>${regions}</ul></dd>
${paragraphs ? `<dt>${bi('Description', '说明')}</dt><dd class="description">${paragraphs}</dd>` : ''}
<dt>${bi('Sources', '来源')}</dt><dd>${sources}</dd>
</dl>
</section>`;
}

/** Four figures at the end year, all regions together, with their base-year values. */
function highlights(input: ReportInput): string {
  const p = input.projection;
  const cards = ['population', 'residentUrbanisationRate', 'hukouUrbanisationRate', 'urbanisationGap'].map((key) => {
    const info = indicatorInfo(key)!;
    const { values } = p.indicator(asIndicatorKey(key));
    const end = values[values.length - 1];
    return `<div class="highlight"><div class="label">${bi(info.labelEn, info.labelZh)}, ${p.endYear}</div><div class="value">${formatValue(end, info.unit)}</div><div class="from">${formatChange(end - values[0], info.unit)} from ${formatValue(values[0], info.unit)} in ${p.baseYear}</div></div>`;
  });
  return `<div class="highlights">${cards.join('')}</div>`;
}

function scorecardSection(rows: readonly ScorecardRow[]): string {
  const body = rows
    .map((row) => {
      const result = scorecardResult(row);
      const marginClass = row.margin == null ? '' : row.margin < 0 ? ' negative' : row.margin > 0 ? ' positive' : '';
      const status = result === 'not judged' && row.status ? `<br><span class="unit">${escapeHtml(row.status)}</span>` : '';
      return `<tr class="${result.replace(' ', '-')}" data-target="${escapeHtml(row.id)}">
<td>${bi(row.description, row.labelZh)}${row.indicator ? `<br><code>${escapeHtml(row.indicator)}</code>` : ''}${row.note ? `<br><span class="unit">${escapeHtml(row.note)}</span>` : ''}</td>
<td class="num">${row.year}</td>
<td class="num">${formatValue(row.target, row.unit)}</td>
<td class="num">${row.range != null ? `${formatValue(row.range.low, row.unit)}–${formatValue(row.range.high, row.unit)}` : row.projected == null ? '–' : formatValue(row.projected, row.unit)}</td>
<td class="num margin${marginClass}">${row.margin == null ? '–' : formatChange(row.margin, row.unit)}</td>
<td class="result">${bi(...splitText(SCORECARD_RESULT_TEXT[result]))}${status}</td>
<td>${escapeHtml(scorecardSource(row))}</td>
</tr>`;
    })
    .join('\n');
  return `<section id="scorecard">
<h2>${bi('Scorecard', '目标评估')}</h2>
<p class="tally">${escapeHtml(scorecardTally(rows))}.</p>
<table>
<thead><tr><th>${bi('Target', '目标')}</th><th class="num">${bi('Year', '年份')}</th><th class="num">${bi('Target value', '目标值')}</th><th class="num">${bi('Projected', '预测值')}</th><th class="num">${bi('Margin', '差距')}</th><th>${bi('Result', '结果')}</th><th>${bi('Source', '来源')}</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</section>`;
}

/** `'Met (达成)'` -> `['Met', '达成']`. */
function splitText(text: string): [string, string | undefined] {
  const match = /^(.*) \((.*)\)$/.exec(text);
  return match ? [match[1], match[2]] : [text, undefined];
}

async function chartsSection(input: ReportInput): Promise<string> {
  const figures: string[] = [];
  for (const chart of reportCharts(input, { width: CHART_WIDTH })) {
    figures.push(`<figure class="chart" id="chart-${escapeHtml(chart.id)}" aria-label="${escapeHtml(chart.title)}">${await renderSvg(chart.spec)}</figure>`);
  }
  return `<section id="charts">
<h2>${bi('Charts', '图表')}</h2>
${figures.join('\n')}
</section>`;
}

/** A table of places (numbers rounded to whole units, with thousands separators). */
function placeTable(table: PlaceTable): string {
  const cell = (v: string | number) => (typeof v === 'number' ? `<td class="num">${Math.round(v).toLocaleString('en-US')}</td>` : `<td>${escapeHtml(v)}</td>`);
  const rows = table.rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('\n');
  return `<h3 id="table-${escapeHtml(table.id)}">${bi(table.title, table.titleZh)}</h3>
<table class="place-table">
<thead><tr>${table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function keyFiguresTable(table: KeyFigureTable): string {
  const rows = table.rows
    .map(
      (row) => `<tr><td>${bi(row.labelEn, row.labelZh)}</td><td class="unit">${escapeHtml(row.unit === SHARE_UNIT ? '%' : row.unit)}</td><td class="num">${formatValue(row.base, row.unit)}</td><td class="num">${formatValue(row.end, row.unit)}</td><td class="num">${formatChange(row.change, row.unit)}</td></tr>`,
    )
    .join('\n');
  return `<h3>${escapeHtml(table.title)}</h3>
<table class="key-figures" data-region="${escapeHtml(table.region)}">
<thead><tr><th>${bi('Indicator', '指标')}</th><th>${bi('Unit', '单位')}</th><th class="num">${table.baseYear}</th><th class="num">${table.endYear}</th><th class="num">${bi('Change', '变化')}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

/**
 * The report as one HTML page: title, summary (years, regions, description, sources), the
 * scorecard when given, charts (urbanisation with targets, residents by status, each
 * service, uncertainty bands when given), prefecture maps when given, key figures by region, and notes on units and the
 * hukou-rate approximation. The same input always gives the same page.
 *
 * @throws {ChengzhenError} when the scorecard, bands or targets hold non-finite numbers,
 * unknown regions or unordered quantiles (see {@link checkReportInput}).
 * @example
 * const html = await htmlReport({ projection: project(scenario) });
 * html.startsWith('<!doctype html>')
 * // => true
 */
export async function htmlReport(input: ReportInput): Promise<string> {
  checkReportInput(input);
  const s = input.projection.scenario;
  const notes = reportNotes(input)
    .map((note) => `<li>${escapeHtml(note)}</li>`)
    .join('\n');
  const parts = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(s.name)}: urbanisation projection ${s.baseYear}-${s.endYear}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header><p class="kicker">chengzhen projection report <span lang="zh-Hans">(城镇化情景预测报告)</span></p><h1>${escapeHtml(s.name)}</h1><p class="years">${s.baseYear}–${s.endYear}</p></header>`,
    summarySection(input),
    input.scorecard && input.scorecard.length > 0 ? scorecardSection(input.scorecard) : '',
    await chartsSection(input),
    input.maps && input.maps.length > 0 ? `<section id="maps">\n<h2>${bi('Maps', '地图')}</h2>\n${await reportMapFigures(input.maps, CHART_WIDTH)}\n${(input.placeTables ?? []).map(placeTable).join('\n')}\n</section>` : '',
    `<section id="key-figures">\n<h2>${bi('Key figures', '主要指标')}</h2>\n${keyFigures(input.projection).map(keyFiguresTable).join('\n')}\n</section>`,
    constraintsHtml(input.projection),
    `<footer id="notes">\n<h2>${bi('Notes', '注释')}</h2>\n<ol>\n${notes}\n</ol>\n</footer>`,
    '</main>',
    '</body>',
    '</html>',
  ];
  return `${parts.filter((part) => part !== '').join('\n')}\n`;
}
