/**
 * The sensitivity chart of a sweep (`sweep` of chengzhen): how one outcome moves with each
 * lever swept. One lever: the outcome against the lever's value, a line. Several levers: a
 * tornado, one bar a lever from the mean outcome over the points in the lowest third of its
 * range to the mean over those in the highest third (the other levers varying as the design
 * has them), longest bar first.
 */

import { indicatorInfo } from '../model/indicatorTable.js';
import { ALL_REGIONS } from '../model/projection.js';
import type { SweepResult, SweepRow } from '../solve/sweep.js';
import { CHART_CONFIG, type ChartOptions, type ChartSpec } from './charts.js';
import { axisScale, bilingual, indicatorLabel, SHARE_UNIT } from './format.js';

const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Which outcome of a sweep a chart shows. */
export interface SweepChartOptions extends ChartOptions {
  indicator: string;
  /** The year (default: the last year in the sweep's rows). */
  year?: number;
}

/** One lever's effect on an outcome: the mean outcome over the low and the high third of its range. */
export interface SweepEffect {
  lever: string;
  low: number;
  high: number;
}

function outcomeRows(result: SweepResult, options: SweepChartOptions): { rows: SweepRow[]; region: string; year: number } {
  const forIndicator = result.rows.filter((r) => r.indicator === options.indicator);
  const regions = [...new Set(forIndicator.map((r) => r.region))];
  const region = options.region ?? (regions.includes(ALL_REGIONS) ? ALL_REGIONS : (regions[0] ?? ALL_REGIONS));
  const inRegion = forIndicator.filter((r) => r.region === region);
  const year = options.year ?? Math.max(...inRegion.map((r) => r.year));
  return { rows: inRegion.filter((r) => r.year === year), region, year };
}

/**
 * Each lever's effect on one outcome of a sweep (see the module comment), largest first.
 *
 * @example
 * const result = sweep(getPreset('national-2024-2028').scenario, {
 *   levers: { 'migration.ruralToUrbanRate': [0.01, 0.03], 'hukou.conversionRate': [0.01, 0.05] }, steps: 3,
 *   indicators: ['residentUrbanisationRate'],
 * });
 * sweepEffects(result, { indicator: 'residentUrbanisationRate' }).map((e) => e.lever)
 * // => ['migration.ruralToUrbanRate', 'hukou.conversionRate']
 */
export function sweepEffects(result: SweepResult, options: SweepChartOptions): SweepEffect[] {
  const { rows } = outcomeRows(result, options);
  const effects = result.levers.map((l) => {
    const third = (l.max - l.min) / 3;
    const mean = (list: SweepRow[]) => list.reduce((s, r) => s + r.value, 0) / Math.max(1, list.length);
    const low = rows.filter((r) => r.levers[l.label] <= l.min + third);
    const high = rows.filter((r) => r.levers[l.label] >= l.max - third);
    return { lever: l.label, low: mean(low), high: mean(high) };
  });
  return effects.sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
}

/**
 * A Vega-Lite spec of a sweep's sensitivity chart for one outcome: a line for one lever, a
 * tornado for several (see the module comment).
 *
 * @example
 * const result = sweep(getPreset('national-2024-2028').scenario, {
 *   levers: { 'migration.ruralToUrbanRate': [0.01, 0.03] }, steps: 5, indicators: ['residentUrbanisationRate'],
 * });
 * sweepChartSpec(result, { indicator: 'residentUrbanisationRate' }).mark
 * // => { type: 'line', point: true }
 */
export function sweepChartSpec(result: SweepResult, options: SweepChartOptions): ChartSpec {
  const { rows, region, year } = outcomeRows(result, options);
  const unit = indicatorInfo(options.indicator)?.unit ?? '';
  const share = unit === SHARE_UNIT;
  const scale = share ? { divisor: 1, titleEn: '%', titleZh: '%' } : axisScale(Math.max(0, ...rows.map((r) => Math.abs(r.value))), unit);
  const valueTitle = share ? 'Share, % (比例)' : bilingual(scale.titleEn, scale.titleZh);
  const axis = share ? { format: '.1%' } : {};
  const where = region === ALL_REGIONS ? 'All regions (全部地区)' : region;
  const head = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: indicatorLabel(options.indicator), subtitle: `${where}, ${year}: sensitivity to the levers swept (敏感性分析)` },
    width: options.width ?? 600,
    height: options.height ?? 260,
    config: CHART_CONFIG,
  };
  if (result.levers.length === 1) {
    const label = result.levers[0].label;
    const values = rows.map((r) => ({ lever: r.levers[label], value: r.value / scale.divisor })).sort((a, b) => a.lever - b.lever);
    return {
      ...head,
      description: `${options.indicator} against ${label}, ${where}, ${year}`,
      data: { values },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'lever', type: 'quantitative', title: label, scale: { zero: false } },
        y: { field: 'value', type: 'quantitative', title: valueTitle, scale: { zero: false }, axis },
      },
    } satisfies ChartSpec;
  }
  const values = sweepEffects(result, options).map((e) => ({ lever: e.lever, low: e.low / scale.divisor, high: e.high / scale.divisor }));
  return {
    ...head,
    description: `Effect of each lever on ${options.indicator}, ${where}, ${year}`,
    data: { values },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 10, color: '#9bb7d9' },
        encoding: {
          y: { field: 'lever', type: 'nominal', sort: null, title: null },
          x: { field: 'low', type: 'quantitative', title: `${valueTitle}: mean over the low and high third of each lever`, scale: { zero: false }, axis },
          x2: { field: 'high' },
        },
      },
      { mark: { type: 'point', filled: true, color: '#777' }, encoding: { y: { field: 'lever', type: 'nominal', sort: null }, x: { field: 'low', type: 'quantitative' } } },
      { mark: { type: 'point', filled: true, color: '#2f6db5' }, encoding: { y: { field: 'lever', type: 'nominal', sort: null }, x: { field: 'high', type: 'quantitative' } } },
    ],
  } satisfies ChartSpec;
}
