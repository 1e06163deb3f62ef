/** The charts of a report, in the order the report shows them. */

import { indicatorInfo } from '../model/indicatorTable.js';
import {
  populationByStatusChartSpec,
  type ChartOptions,
  regionTitle,
  serviceChartSpecs,
  uncertaintyBandChartSpec,
  urbanisationByRegionChartSpec,
  urbanisationChartSpec,
  type ChartSpec,
} from './charts.js';
import type { ReportInput } from './reportInput.js';
import { sweepChartSpec } from './sweepChart.js';

/** One chart of a report: an id usable in HTML (`chart-<id>`), a title, and its spec. */
export interface ReportChart {
  id: string;
  title: string;
  spec: ChartSpec;
}

/**
 * The most regions the chart of urbanisation by region shows; with more, the chart is left
 * out (colours would repeat).
 *
 * @example
 * MAX_REGIONS_CHARTED
 * // => 20
 */
export const MAX_REGIONS_CHARTED = 20;

const slug = (text: string): string => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * The report's charts: urbanisation rates with targets, residents by status (all regions
 * together), urbanisation by region (2 to 20 regions), demand and capacity of each service,
 * one uncertainty chart for each indicator and region the bands cover, and one sensitivity
 * chart for each indicator a sweep kept (src/report/sweepChart.ts). `size` sets the
 * plot width and height of every chart.
 *
 * @example
 * reportCharts({ projection }).map((c) => c.id)
 * // => ['urbanisation', 'population-by-status', 'service-schoolPlaces', 'service-elderlyCareBeds']
 */
export function reportCharts(input: ReportInput, size: Pick<ChartOptions, 'width' | 'height'> = {}): ReportChart[] {
  const { projection, targets = [], bands = [] } = input;
  const charts: ReportChart[] = [
    { id: 'urbanisation', title: 'Urbanisation rates (城镇化率)', spec: urbanisationChartSpec(projection, { ...size, targets }) },
    { id: 'population-by-status', title: 'Residents by status (按身份分常住人口)', spec: populationByStatusChartSpec(projection, size) },
  ];
  const regions = projection.regions.length;
  if (regions >= 2 && regions <= MAX_REGIONS_CHARTED) {
    charts.push({ id: 'urbanisation-by-region', title: 'Urbanisation rates by region (各地区城镇化率)', spec: urbanisationByRegionChartSpec(projection, size) });
  }
  for (const { service, spec } of serviceChartSpecs(projection, { ...size, targets })) {
    charts.push({ id: `service-${service}`, title: `Services: ${service}`, spec });
  }
  const seen = new Set<string>();
  for (const band of bands) {
    const key = `${band.indicator}\u0000${band.region}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const region = band.region;
    const info = indicatorInfo(band.indicator);
    let id = `band-${slug(band.indicator)}-${slug(region)}`;
    if (charts.some((c) => c.id === id)) id = `${id}-${charts.length}`;
    charts.push({
      id,
      title: `Uncertainty: ${info ? info.labelEn : band.indicator}`,
      spec: uncertaintyBandChartSpec(bands, { ...size, indicator: band.indicator, region, regionTitle: regionTitle(projection, region) }),
    });
  }
  // a sweep: one sensitivity chart a kept indicator
  for (const indicator of new Set(input.sweep?.rows.map((r) => r.indicator) ?? [])) {
    const info = indicatorInfo(indicator);
    charts.push({ id: `sweep-${slug(indicator)}`, title: `Sensitivity: ${info ? info.labelEn : indicator}`, spec: sweepChartSpec(input.sweep!, { ...size, indicator }) });
  }
  return charts;
}
