/**
 * Vega-Lite specs of the report's charts, each a function of a projection (or of uncertainty
 * bands) returning a self-contained spec with its data inline: it renders the same with
 * {@link renderSvg}, in the Vega editor, in Observable or in a notebook. Labels are English
 * with the Chinese in parentheses; axis titles carry units; shares are shown as percentages.
 */

import type { TopLevelSpec } from 'vega-lite';
import { deepFreeze } from '../deepFreeze.js';
import { ALL_REGIONS, type Projection } from '../model/projection.js';
import { indicatorInfo, asIndicatorKey } from '../model/indicatorTable.js';
import { SERVICES, type ServiceKey } from '../model/services/serviceIndicators.js';
import { axisScale, bilingual, formatValue, indicatorLabel, SHARE_UNIT } from './format.js';
import type { QuantileBand, ReportTarget } from './reportInput.js';

/** A Vega-Lite spec with its data inline. */
export type ChartSpec = TopLevelSpec;

/** Where and how large a chart is. */
export interface ChartOptions {
  /** A region id of the projection, or `all` (the default). */
  region?: string;
  /** Plot width in pixels (default 600). */
  width?: number;
  /** Plot height in pixels (default 260). */
  height?: number;
}

const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const FONT = 'system-ui, -apple-system, Segoe UI, Noto Sans, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif';

/**
 * The look shared by every chart (a Vega-Lite `config`): fonts with Chinese fallbacks, white
 * background, legend below.
 *
 * @example
 * CHART_CONFIG.legend.orient
 * // => 'bottom'
 */
export const CHART_CONFIG = deepFreeze({
  font: FONT,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e8e8e8', titleColor: '#333', labelColor: '#333' },
  legend: { orient: 'bottom', direction: 'vertical', labelFontSize: 11, labelLimit: 520, symbolStrokeWidth: 2.5 },
  title: { anchor: 'start', fontSize: 14, fontWeight: 'bold', subtitleFontSize: 11, subtitleColor: '#555', offset: 10 },
  line: { strokeWidth: 2.2 },
} as const);

const COLOURS = {
  resident: '#2f6db5',
  hukou: '#c8423b',
  rural: '#8aa05a',
  migrant: '#e8a33d',
  urbanHukou: '#2f6db5',
  demand: '#c8423b',
  capacity: '#2f6db5',
  shortfall: '#f3c7c2',
  band90: '#cfe0f3',
  band50: '#86b2e0',
  median: '#1f4f8c',
};

const YEAR_X = { field: 'year', type: 'quantitative', title: 'Year (年份)', scale: { zero: false, nice: false }, axis: { format: 'd', tickMinStep: 1 } } as const;

/**
 * The region's name as charts show it: `Zhejiang (浙江)`, or all regions together (a single
 * region's name when there is only one).
 *
 * @example
 * regionTitle(project(twoRegions), 'all')
 * // => 'All regions (全部地区)'
 */
export function regionTitle(projection: Projection, region: string): string {
  const regions = projection.scenario.regions;
  if (region === ALL_REGIONS) return regions.length === 1 ? bilingual(regions[0].nameEn, regions[0].nameZh) : 'All regions (全部地区)';
  const found = regions.find((r) => r.id === region);
  return found ? bilingual(found.nameEn, found.nameZh) : region;
}

/** Whether `target` is for `region` (a single-region projection's `all` is that region). */
function targetIsFor(projection: Projection, target: ReportTarget, region: string): boolean {
  const own = target.region ?? ALL_REGIONS;
  if (own === region) return true;
  return projection.regions.length === 1 && (own === ALL_REGIONS || own === projection.regions[0]) && (region === ALL_REGIONS || region === projection.regions[0]);
}

interface TargetRow {
  year: number;
  value: number;
  series: string;
  text: string;
}

/** One layer of a layered chart. */
type Layer = Extract<ChartSpec, { layer: unknown }>['layer'][number];
/** Encodings the layers of one chart share. */
type Encoding = NonNullable<Extract<Layer, { mark: unknown }>['encoding']>;

/** Layers marking targets: a dashed rule at the target level and a diamond at its year. */
function targetLayers(rows: TargetRow[], color: Encoding['color'], y: Encoding['y']): Layer[] {
  if (rows.length === 0) return [];
  const data = { values: rows };
  return [
    { data, mark: { type: 'rule', strokeDash: [5, 4], strokeWidth: 1.2, opacity: 0.75 }, encoding: { y, color } },
    { data, mark: { type: 'point', shape: 'diamond', filled: true, size: 120, stroke: '#222', strokeWidth: 0.8, opacity: 1 }, encoding: { x: YEAR_X, y, color } },
    { data, mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -6, dy: -5, fontSize: 10, color: '#222' }, encoding: { x: YEAR_X, y, text: { field: 'text' } } },
  ];
}

/**
 * Resident and hukou urbanisation rates by year (shares shown as %), with targets for either
 * rate marked by a dashed rule and a diamond.
 *
 * @example
 * urbanisationChartSpec(projection, { targets: [{ indicator: 'residentUrbanisationRate', year: 2025, value: 0.75, label: 'Plan' }] }).layer.length
 * // => 4 (lines, target rules, target points, target labels)
 */
export function urbanisationChartSpec(projection: Projection, options: ChartOptions & { targets?: ReportTarget[] } = {}): ChartSpec {
  const region = options.region ?? ALL_REGIONS;
  const keys = ['residentUrbanisationRate', 'hukouUrbanisationRate'] as const;
  const labels = keys.map(indicatorLabel);
  const values = keys.flatMap((key, k) => {
    const series = projection.indicator(key, { region });
    return series.years.map((year, i) => ({ year, series: labels[k], value: series.values[i] }));
  });
  const targets = (options.targets ?? [])
    .filter((t) => (keys as readonly string[]).includes(t.indicator) && targetIsFor(projection, t, region))
    .map((t) => ({ year: t.year, value: t.value, series: labels[keys.indexOf(t.indicator as (typeof keys)[number])], text: `${t.label}: ${formatValue(t.value, SHARE_UNIT)}` }));
  const color: Encoding['color'] = { field: 'series', type: 'nominal', title: null, scale: { domain: labels, range: [COLOURS.resident, COLOURS.hukou] } };
  const y: Encoding['y'] = { field: 'value', type: 'quantitative', title: 'Share of residents, % (占常住人口比例)', scale: { zero: false }, axis: { format: '.0%' } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Resident and hukou urbanisation rates, ${regionTitle(projection, region)}`,
    title: { text: 'Urbanisation rates (城镇化率)', subtitle: regionTitle(projection, region) },
    width: options.width ?? 600,
    height: options.height ?? 260,
    config: CHART_CONFIG,
    layer: [{ data: { values }, mark: { type: 'line', point: { size: 18 } }, encoding: { x: YEAR_X, y, color } }, ...targetLayers(targets, color, y)],
  } satisfies ChartSpec;
}

/**
 * Residents by status, stacked: urban with local hukou at the bottom, urban without it, rural
 * on top; in thousands or millions of persons.
 *
 * @example
 * populationByStatusChartSpec(projection).mark
 * // => { type: 'area', line: true, opacity: 0.85 }
 */
export function populationByStatusChartSpec(projection: Projection, options: ChartOptions = {}): ChartSpec {
  const region = options.region ?? ALL_REGIONS;
  const keys = ['rural', 'migrant', 'hukou'] as const;
  const labels = keys.map(indicatorLabel);
  const total = projection.indicator('population', { region }).values;
  const scale = axisScale(Math.max(...total), 'persons');
  const values = keys.flatMap((key, k) => {
    const series = projection.indicator(key, { region });
    // hukou first in the stack, so urban residents sit together at the bottom
    return series.years.map((year, i) => ({ year, status: labels[k], stackOrder: 2 - k, value: series.values[i] / scale.divisor }));
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Residents by status, ${regionTitle(projection, region)}`,
    title: { text: 'Residents by status (按身份分常住人口)', subtitle: regionTitle(projection, region) },
    width: options.width ?? 600,
    height: options.height ?? 260,
    config: CHART_CONFIG,
    data: { values },
    mark: { type: 'area', line: true, opacity: 0.85 },
    encoding: {
      x: YEAR_X,
      y: { field: 'value', type: 'quantitative', stack: 'zero', title: bilingual(scale.titleEn, scale.titleZh) },
      color: { field: 'status', type: 'nominal', title: null, scale: { domain: labels, range: [COLOURS.rural, COLOURS.migrant, COLOURS.urbanHukou] } },
      order: { field: 'stackOrder', type: 'quantitative' },
    },
  } satisfies ChartSpec;
}

/**
 * The services a projection has demand and capacity for, in table order.
 *
 * @example
 * servicesIn(projection)
 * // => ['schoolPlaces', 'elderlyCareBeds']
 */
export function servicesIn(projection: Projection): ServiceKey[] {
  const keys = new Set(projection.indicatorKeys());
  return SERVICES.filter((s) => keys.has(`${s.key}.demand`) && keys.has(`${s.key}.capacity`)).map((s) => s.key);
}

/**
 * One service's demand and capacity by year, the shortfall shaded, targets for the service's
 * demand or capacity marked.
 *
 * @example
 * serviceChartSpec(projection, 'schoolPlaces').title
 * // => { text: 'Urban compulsory school places (ages 6-14) (城镇义务教育学位)', subtitle: 'Zhejiang (浙江): demand and capacity (需求与供给)' }
 */
export function serviceChartSpec(projection: Projection, service: ServiceKey, options: ChartOptions & { targets?: ReportTarget[] } = {}): ChartSpec {
  const region = options.region ?? ALL_REGIONS;
  const info = SERVICES.find((s) => s.key === service)!;
  const demand = projection.indicator(`${service}.demand`, { region });
  const capacity = projection.indicator(`${service}.capacity`, { region });
  const targetList = (options.targets ?? []).filter((t) => (t.indicator === `${service}.demand` || t.indicator === `${service}.capacity`) && targetIsFor(projection, t, region));
  const scale = axisScale(Math.max(...demand.values, ...capacity.values, ...targetList.map((t) => t.value)), info.unit);
  const labels = [bilingual('Demand', '需求'), bilingual('Capacity', '供给'), bilingual('Shortfall', '缺口')];
  const wide = demand.years.map((year, i) => ({ year, demand: demand.values[i] / scale.divisor, capacity: capacity.values[i] / scale.divisor, top: Math.max(demand.values[i], capacity.values[i]) / scale.divisor }));
  const long = demand.years.flatMap((year, i) => [
    { year, series: labels[0], value: demand.values[i] / scale.divisor },
    { year, series: labels[1], value: capacity.values[i] / scale.divisor },
  ]);
  const targets = targetList.map((t) => ({ year: t.year, value: t.value / scale.divisor, series: t.indicator.endsWith('.demand') ? labels[0] : labels[1], text: `${t.label}: ${formatValue(t.value, info.unit)}` }));
  // the shortfall is shaded (and in the legend) only when there is one
  const short = demand.values.some((d, i) => d > capacity.values[i]);
  const colorScale = short ? { domain: labels, range: [COLOURS.demand, COLOURS.capacity, COLOURS.shortfall] } : { domain: labels.slice(0, 2), range: [COLOURS.demand, COLOURS.capacity] };
  const shortfallLayer: Layer = { data: { values: wide }, mark: { type: 'area', opacity: 0.9 }, encoding: { x: YEAR_X, y: { field: 'capacity', type: 'quantitative' }, y2: { field: 'top' }, color: { datum: labels[2], scale: colorScale, title: null } } };
  const color: Encoding['color'] = { field: 'series', type: 'nominal', title: null, scale: colorScale };
  const y: Encoding['y'] = { field: 'value', type: 'quantitative', title: bilingual(scale.titleEn, scale.titleZh), scale: { zero: false } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `${info.labelEn}: demand and capacity, ${regionTitle(projection, region)}`,
    title: { text: bilingual(info.labelEn, info.labelZh), subtitle: `${regionTitle(projection, region)}: demand and capacity (需求与供给)` },
    width: options.width ?? 600,
    height: options.height ?? 260,
    config: CHART_CONFIG,
    layer: [
      ...(short ? [shortfallLayer] : []),
      { data: { values: long }, mark: { type: 'line', point: { size: 18 } }, encoding: { x: YEAR_X, y, color } },
      ...targetLayers(targets, color, y),
    ],
  } satisfies ChartSpec;
}

/**
 * {@link serviceChartSpec} for every service the projection has.
 *
 * @example
 * serviceChartSpecs(projection).map((c) => c.service)
 * // => ['schoolPlaces', 'elderlyCareBeds']
 */
export function serviceChartSpecs(projection: Projection, options: ChartOptions & { targets?: ReportTarget[] } = {}): { service: ServiceKey; spec: ChartSpec }[] {
  return servicesIn(projection).map((service) => ({ service, spec: serviceChartSpec(projection, service, options) }));
}

/**
 * Resident and hukou urbanisation rates of each region (colour: region; solid: resident,
 * dashed: hukou), for projections of 2 to 20 regions.
 *
 * @example
 * urbanisationByRegionChartSpec(projection).encoding.strokeDash.field
 * // => 'rate'
 */
export function urbanisationByRegionChartSpec(projection: Projection, options: Omit<ChartOptions, 'region'> = {}): ChartSpec {
  const rates = [
    { key: 'residentUrbanisationRate', label: bilingual('Resident', '常住') },
    { key: 'hukouUrbanisationRate', label: bilingual('Hukou', '户籍') },
  ];
  const names = projection.regions.map((id) => regionTitle(projection, id));
  const values = projection.regions.flatMap((id, r) =>
    rates.flatMap((rate) => {
      const series = projection.indicator(asIndicatorKey(rate.key), { region: id });
      return series.years.map((year, i) => ({ year, region: names[r], rate: rate.label, value: series.values[i] }));
    }),
  );
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: 'Resident and hukou urbanisation rates by region',
    title: { text: 'Urbanisation rates by region (各地区城镇化率)', subtitle: 'solid: resident (常住); dashed: hukou (户籍)' },
    width: options.width ?? 600,
    height: options.height ?? 260,
    config: CHART_CONFIG,
    data: { values },
    mark: { type: 'line' },
    encoding: {
      x: YEAR_X,
      y: { field: 'value', type: 'quantitative', title: 'Share of residents, % (占常住人口比例)', scale: { zero: false }, axis: { format: '.0%' } },
      color: { field: 'region', type: 'nominal', title: null, scale: { domain: names, scheme: names.length <= 10 ? 'tableau10' : 'tableau20' } },
      strokeDash: { field: 'rate', type: 'nominal', title: null, scale: { domain: rates.map((r) => r.label), range: [[1, 0], [5, 3]] } },
      detail: { field: 'rate', type: 'nominal' },
    },
  } satisfies ChartSpec;
}

/**
 * An uncertainty band: the 5-95 % and 25-75 % ranges shaded and the median as a line, for one
 * indicator and region, from bands across repeated runs.
 *
 * @example
 * uncertaintyBandChartSpec(bands, { indicator: 'residentUrbanisationRate' }).layer.map((l) => l.mark.type)
 * // => ['area', 'area', 'line']
 */
export function uncertaintyBandChartSpec(bands: readonly QuantileBand[], options: ChartOptions & { indicator: string; regionTitle?: string }): ChartSpec {
  const region = options.region ?? ALL_REGIONS;
  const rows = bands.filter((b) => b.indicator === options.indicator && b.region === region).sort((a, b) => a.year - b.year);
  const unit = indicatorInfo(options.indicator)?.unit ?? '';
  const share = unit === SHARE_UNIT;
  const scale = share ? { divisor: 1, titleEn: '%', titleZh: '%' } : axisScale(Math.max(0, ...rows.map((b) => Math.abs(b.q95)), ...rows.map((b) => Math.abs(b.q05))), unit);
  const values = rows.map((b) => ({ year: b.year, q05: b.q05 / scale.divisor, q25: b.q25 / scale.divisor, q50: b.q50 / scale.divisor, q75: b.q75 / scale.divisor, q95: b.q95 / scale.divisor }));
  const labels = [bilingual('5-95% range', '5–95%区间'), bilingual('25-75% range', '25–75%区间'), bilingual('Median', '中位数')];
  const colorScale = { domain: labels, range: [COLOURS.band90, COLOURS.band50, COLOURS.median] };
  const yTitle = share ? 'Share, % (比例)' : bilingual(scale.titleEn, scale.titleZh);
  const axis = share ? { format: '.0%' } : {};
  const where = options.regionTitle ?? (region === ALL_REGIONS ? 'All regions (全部地区)' : region);
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Uncertainty of ${options.indicator}, ${where}`,
    title: { text: indicatorLabel(options.indicator), subtitle: `${where}: uncertainty across runs (不确定性区间)` },
    width: options.width ?? 600,
    height: options.height ?? 260,
    config: CHART_CONFIG,
    data: { values },
    layer: [
      { mark: { type: 'area' }, encoding: { x: YEAR_X, y: { field: 'q05', type: 'quantitative', title: yTitle, scale: { zero: false }, axis }, y2: { field: 'q95' }, color: { datum: labels[0], scale: colorScale, title: null } } },
      { mark: { type: 'area' }, encoding: { x: YEAR_X, y: { field: 'q25', type: 'quantitative' }, y2: { field: 'q75' }, color: { datum: labels[1] } } },
      { mark: { type: 'line', point: { size: 18 } }, encoding: { x: YEAR_X, y: { field: 'q50', type: 'quantitative' }, color: { datum: labels[2] } } },
    ],
  } satisfies ChartSpec;
}
