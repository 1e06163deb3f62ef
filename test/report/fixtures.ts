/** Scenarios and report inputs shared by the report tests. */

import { project } from '../../src/model/project.js';
import type { Projection } from '../../src/model/projection.js';
import type { ScenarioInput } from '../../src/schema/scenario.js';
import type { QuantileBand, ReportInput, ReportTarget, ScorecardRow } from '../../src/report/reportInput.js';

/** Zhejiang from the 2020 census (64,567,588 residents), 2020-2030, two services. */
export const ZHEJIANG: ScenarioInput = {
  name: 'Zhejiang 2020-2030',
  description: 'Zhejiang from the 2020 census with steady rural-to-urban migration.\n\nRates are illustrative.',
  sources: [{ document: 'Zhejiang new-type urbanisation plan (浙江省新型城镇化规划)', clause: 'ch. 3', note: 'illustrative' }],
  baseYear: 2020,
  endYear: 2030,
  regions: [{ id: 'zj', nameEn: 'Zhejiang', nameZh: '浙江' }],
  base: { zj: { population: { census2020: 'Zhejiang' }, residentUrbanisationRate: 0.7217, hukouUrbanisationRate: 0.5 } },
  migration: { ruralToUrbanRate: 0.02 },
  hukou: { conversionRate: 0.03 },
  services: {
    schoolPlaces: { migrantChildrenPublicSchoolShare: 0.85, urbanPlaces: { initial: 5e6, additionsPerYear: 80000 } },
    elderlyCare: { bedsPer1000Older: 40, beds: { initial: 4e5, additionsPerYear: 10000 } },
  },
};

/** Henan and Guangdong, 2020-2023, no services. */
export const TWO_REGIONS: ScenarioInput = {
  name: 'Henan and Guangdong',
  baseYear: 2020,
  endYear: 2023,
  regions: [
    { id: 'henan', nameEn: 'Henan', nameZh: '河南' },
    { id: 'guangdong', nameEn: 'Guangdong', nameZh: '广东' },
  ],
  base: {
    henan: { population: { census2020: 'Henan' }, residentUrbanisationRate: 0.5543, hukouUrbanisationRate: 0.35 },
    guangdong: { population: { census2020: 'Guangdong' }, residentUrbanisationRate: 0.7415, hukouUrbanisationRate: 0.5 },
  },
  migration: { ruralToUrbanRate: 0.02 },
  hukou: { conversionRate: 0.02 },
};

let zhejiang: Projection | undefined;
/** The projection of {@link ZHEJIANG}, computed once. */
export function zhejiangProjection(): Projection {
  zhejiang ??= project(ZHEJIANG);
  return zhejiang;
}

export const TARGETS: ReportTarget[] = [
  { indicator: 'residentUrbanisationRate', year: 2025, value: 0.75, label: '14th FYP' },
  { indicator: 'hukouUrbanisationRate', year: 2025, value: 0.6, label: '14th FYP' },
  { indicator: 'elderlyCareBeds.capacity', year: 2030, value: 6e5, label: 'Plan' },
];

export const SCORECARD: ScorecardRow[] = [
  { id: 'urban-2025', description: 'Resident urbanisation rate', labelZh: '常住人口城镇化率', indicator: 'residentUrbanisationRate', year: 2025, target: 0.75, projected: 0.7539, met: true, margin: 0.0039, unit: 'share (0-1)', source: 'Zhejiang 14th FYP' },
  { id: 'hukou-2025', description: 'Hukou urbanisation rate', labelZh: '户籍人口城镇化率', indicator: 'hukouUrbanisationRate', year: 2025, target: 0.6, projected: 0.531, met: false, margin: -0.069, unit: 'share (0-1)', source: 'Zhejiang 14th FYP' },
  { id: 'childcare-2025', description: 'Childcare places per 1000 residents', labelZh: '每千人口托位数', year: 2025, target: 4.5, met: null, unit: 'per 1000 residents', source: 'Zhejiang 14th FYP' },
];

/** Bands widening by 0.002 per year around the projected resident rate (all regions). */
export function residentRateBands(projection: Projection): QuantileBand[] {
  const series = projection.indicator('residentUrbanisationRate');
  return series.years.map((year, i) => {
    const v = series.values[i];
    const w = 0.002 * i;
    return { indicator: 'residentUrbanisationRate', region: 'all', year, q05: v - 2 * w, q25: v - w, q50: v, q75: v + w, q95: v + 2 * w };
  });
}

/** Every optional part filled in. */
export function fullInput(): ReportInput {
  const projection = zhejiangProjection();
  return { projection, scorecard: SCORECARD, bands: residentRateBands(projection), targets: TARGETS };
}

/**
 * The data marks of a rendered SVG by mark type, counting the elements with geometry in each
 * `role-mark` group: paths with a non-empty `d`, lines, rects with size, texts with content.
 */
export function dataMarks(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const group = /<g class="mark-(\w+) role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g;
  for (const match of svg.matchAll(group)) {
    const [, type, body] = match;
    const drawn =
      (body.match(/<path[^>]* d="M[^"]+"/g) ?? []).length +
      (body.match(/<line[^>]*>/g) ?? []).length +
      (body.match(/<rect[^>]* width="[1-9][^"]*"/g) ?? []).length +
      (body.match(/<text[^>]*>[^<]+<\/text>/g) ?? []).length;
    counts[type] = (counts[type] ?? 0) + drawn;
  }
  return counts;
}
