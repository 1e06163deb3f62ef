/**
 * Several scenarios side by side as one self-contained HTML page: a line chart per indicator
 * with one line per scenario (SVG drawn when the page is built, no scripts), and a table of
 * each indicator at the last common year, every scenario against the first.
 */

import { ChengzhenError } from '../errors.js';
import { indicatorInfo, asIndicatorKey } from '../model/indicatorTable.js';
import { ALL_REGIONS, type Projection } from '../model/projection.js';
import { CHART_CONFIG, type ChartSpec } from './charts.js';
import { escapeHtml } from './escapeHtml.js';
import { axisScale, bilingual, formatChange, formatValue, indicatorLabel } from './format.js';
import { renderSvg } from './renderSvg.js';
import { compareProjections } from '../compare/compareProjections.js';

/** A projection and the name a comparison shows it by (a preset id, a file, a title). */
export interface NamedProjection {
  name: string;
  projection: Projection;
}

/** The indicators charted by default, when every scenario has them. */
const DEFAULT_INDICATORS = ['residentUrbanisationRate', 'hukouUrbanisationRate', 'population', 'migrant', 'ruralToUrban', 'conversions'];
/** Line colours, one per scenario (the first is the reference). */
const PALETTE = ['#1d232b', '#2f6db5', '#c8423b', '#e8a33d', '#8aa05a', '#7a5aa0', '#3a9c9c', '#a0522d'];

const STYLE = `
body { margin: 0; background: #f6f7f9; color: #1d232b; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 32px 28px 48px; background: #fff; }
header { border-bottom: 3px solid #1d232b; padding-bottom: 14px; margin-bottom: 8px; }
.kicker { margin: 0; color: #5b6570; font-size: 13px; }
h1 { margin: 4px 0 2px; font-size: 26px; line-height: 1.25; }
h2 { margin: 32px 0 12px; font-size: 20px; border-bottom: 1px solid #d8dde3; padding-bottom: 4px; }
figure.chart { margin: 14px 0 22px; padding: 10px 0; border-top: 1px solid #d8dde3; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 6px 0 10px; }
th, td { border-bottom: 1px solid #d8dde3; padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #1d232b; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.diff { color: #5b6570; font-size: 12.5px; }
@media print { body { background: #fff; } main { padding: 0; } figure.chart { break-inside: avoid; } }
`;

function chartSpec(scenarios: readonly NamedProjection[], key: string, region: string): ChartSpec {
  const unit = indicatorInfo(key)?.unit ?? '';
  const share = unit === 'share (0-1)';
  const series = scenarios.map((s) => s.projection.indicator(asIndicatorKey(key), { region }));
  const scale = axisScale(Math.max(...series.flatMap((s) => s.values.map(Math.abs))), unit);
  const names = scenarios.map((s) => s.name);
  const values = series.flatMap((s, k) => s.years.map((year, i) => ({ year, scenario: names[k], value: share ? s.values[i] : s.values[i] / scale.divisor })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `${indicatorLabel(key)} in ${names.length} scenarios`,
    title: { text: indicatorLabel(key), subtitle: region === ALL_REGIONS ? 'All regions (全部地区)' : region },
    width: 600,
    height: 240,
    config: CHART_CONFIG,
    data: { values },
    mark: { type: 'line', point: { size: 16 } },
    encoding: {
      x: { field: 'year', type: 'quantitative', title: 'Year (年份)', scale: { zero: false, nice: false }, axis: { format: 'd', tickMinStep: 1 } },
      y: share
        ? { field: 'value', type: 'quantitative', title: 'Share of residents, % (占常住人口比例)', scale: { zero: false }, axis: { format: '.0%' } }
        : { field: 'value', type: 'quantitative', title: bilingual(scale.titleEn, scale.titleZh), scale: { zero: false } },
      color: { field: 'scenario', type: 'nominal', title: null, sort: names, scale: { domain: names, range: names.map((_, i) => PALETTE[i % PALETTE.length]) } },
    },
  } satisfies ChartSpec;
}

/**
 * Scenarios side by side as one HTML page: the first is the reference every other is compared
 * with. Charts the indicators asked for (by default the urbanisation rates, population,
 * migrants and the flows between statuses) for `region` (default all regions together), and
 * tabulates every charted indicator at the last year all scenarios share.
 *
 * @throws {ChengzhenError} for fewer than two scenarios, or an indicator or region they do not all have.
 * @example
 * const trend = project(getPreset('zhejiang-2023-trend').scenario);
 * const plan = project(getPreset('zhejiang-2023').scenario);
 * const html = await comparisonReport([{ name: 'trend', projection: trend }, { name: 'plan', projection: plan }]);
 * [html.startsWith('<!doctype html>'), html.includes('<svg')]
 * // => [true, true]
 */
export async function comparisonReport(scenarios: readonly NamedProjection[], options: { indicators?: readonly string[]; region?: string; title?: string } = {}): Promise<string> {
  if (scenarios.length < 2) throw new ChengzhenError([{ code: 'invalid_value', path: ['scenarios'], message: `a comparison needs at least two scenarios, received ${scenarios.length}`, received: String(scenarios.length) }]);
  const [reference, ...others] = scenarios;
  const region = options.region ?? ALL_REGIONS;
  const common = (key: string) => scenarios.every((s) => s.projection.indicatorKeys().includes(key));
  const indicators = options.indicators ?? DEFAULT_INDICATORS.filter(common);
  const lastYear = Math.min(...scenarios.map((s) => s.projection.endYear));
  // every difference comes from compareProjections, which also checks the indicators and region
  const differences = others.map((s) => compareProjections(reference.projection, s.projection, { indicators, regions: [region], years: [lastYear] }));
  const charts: string[] = [];
  for (const key of indicators) charts.push(`<figure class="chart">${await renderSvg(chartSpec(scenarios, key, region))}</figure>`);
  const header = ['Indicator (指标)', ...scenarios.map((s, i) => (i === 0 ? `${s.name} (reference)` : s.name))];
  const rows = indicators.map((key, k) => {
    const unit = indicatorInfo(key)?.unit ?? '';
    const cells = [`<td>${escapeHtml(indicatorLabel(key))}</td>`, `<td class="num">${escapeHtml(formatValue(differences[0][k].a, unit))}</td>`];
    for (const d of differences) {
      const row = d[k];
      const percent = row.relative === null ? '' : (row.relative * 100).toFixed(1);
      const relative = row.relative === null ? '' : `, ${/^-?0\.0$/.test(percent) ? '0.0' : row.relative > 0 ? `+${percent}` : percent} %`;
      cells.push(`<td class="num">${escapeHtml(formatValue(row.b, unit))}<br><span class="diff">${escapeHtml(formatChange(row.b - row.a, unit))}${escapeHtml(relative)}</span></td>`);
    }
    return `<tr>${cells.join('')}</tr>`;
  });
  const list = scenarios.map((s) => `<li><strong>${escapeHtml(s.name)}</strong>: ${escapeHtml(s.projection.scenario.name)}, ${s.projection.baseYear}–${s.projection.endYear}</li>`).join('\n');
  const title = options.title ?? `${others.map((s) => s.name).join(', ')} against ${reference.name}`;
  return `${[
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header><p class="kicker">chengzhen scenario comparison <span lang="zh-Hans">(情景比较)</span></p><h1>${escapeHtml(title)}</h1></header>`,
    `<section id="scenarios">\n<h2>Scenarios (情景)</h2>\n<ol>\n${list}\n</ol>\n</section>`,
    `<section id="charts">\n<h2>Side by side (对比)</h2>\n${charts.join('\n')}\n</section>`,
    `<section id="differences">\n<h2>In ${lastYear}, against ${escapeHtml(reference.name)} (与参照情景之差)</h2>\n<table>\n<thead><tr>${header.map((h, i) => `<th${i > 0 ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n<p class="diff">Differences of rates in percentage points (pp), of counts in their unit; the relative difference after the comma.</p>\n</section>`,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n')}\n`;
}
