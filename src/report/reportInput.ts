/**
 * What a report is made of: a projection, and optionally a scorecard against plan targets,
 * uncertainty bands from repeated runs, and targets to mark on the charts. The optional parts
 * are plain data, so any producer (a preset's scorecard, a Monte Carlo run, a hand-written
 * list) can fill them in.
 */

import { ChengzhenError, type ChengzhenIssue } from '../errors.js';
import { ALL_REGIONS, type Projection } from '../model/projection.js';
import type { ReportMap } from './choroplethMap.js';
import type { SweepResult } from '../solve/sweep.js';

/**
 * A target to mark on a chart: a plan's figure for an indicator in a year, in the
 * indicator's unit (a share 0-1 for rates).
 *
 * @example
 * const target: ReportTarget = { indicator: 'residentUrbanisationRate', year: 2025, value: 0.75, label: '14th FYP' };
 * target.value
 * // => 0.75
 */
export interface ReportTarget {
  /** An indicator key, e.g. `residentUrbanisationRate` or `schoolPlaces.capacity`. */
  indicator: string;
  year: number;
  /** In the indicator's unit. */
  value: number;
  /** Short text shown beside the mark, e.g. the plan's name. */
  label: string;
  /** A region id of the projection, or `all` (the default). */
  region?: string;
}

/**
 * One row of a scorecard: a plan target and how the projection fares against it. The rows of
 * the model's scorecard fit as they are (`null` for what could not be projected, `document`
 * and `clause` for the source).
 *
 * @example
 * const row: ScorecardRow = { id: 'zj-2025-urban', description: 'Resident urbanisation rate', labelZh: '常住人口城镇化率', indicator: 'residentUrbanisationRate', year: 2025, target: 0.75, projected: 0.754, met: true, margin: 0.004, unit: 'share (0-1)', source: 'Zhejiang 14th FYP, ch. 3' };
 * row.met
 * // => true
 */
export interface ScorecardRow {
  /** A stable id of the target. */
  id: string;
  /** The target in English. */
  description: string;
  /** The target in Chinese. */
  labelZh: string;
  /** The indicator key it is judged on, when there is one. */
  indicator?: string | null;
  year: number;
  /** The target value, in `unit`. */
  target: number;
  /** The projected value in `year`, in `unit`; null or absent when the projection has no such figure. */
  projected?: number | null;
  /**
   * For a measure the projection brackets rather than pins (the inclusive share of kindergarten
   * enrolment), both ends of the projected range, shown as `low–high`; `projected` is then the
   * end the verdict rests on.
   */
  range?: { low: number; high: number } | null;
  /** True when met, false when missed, null (or absent) when it cannot be judged or is uncertain. */
  met?: boolean | null;
  /**
   * How far the projection is from missing the target, in `unit`: positive when met with room
   * to spare, negative when missed (projected - target for an at-least target, target -
   * projected for an at-most target); null or absent when not judged.
   */
  margin?: number | null;
  /** The unit of `target`, `projected` and `margin`, e.g. `share (0-1)` or `places`. */
  unit: string;
  /** Where the target comes from, as one text; when absent, `document` and `clause` are shown. */
  source?: string;
  document?: string;
  clause?: string;
  /** Why a target was not judged (e.g. `not projected`), shown beside the result. */
  status?: string;
  /** A remark shown under the description. */
  note?: string;
}

/**
 * Where a scorecard row's target comes from: `source`, or `document, clause`.
 *
 * @example
 * scorecardSource({ document: 'Zhejiang 14th FYP', clause: 'ch. 3' })
 * // => 'Zhejiang 14th FYP, ch. 3'
 */
export function scorecardSource(row: Pick<ScorecardRow, 'source' | 'document' | 'clause'>): string {
  return row.source ?? [row.document, row.clause].filter((part) => part !== undefined && part !== '').join(', ');
}

/**
 * Quantiles of one indicator for one region and year, across repeated runs (shares 0-1 for
 * rates, counts otherwise). They must be finite and ordered q05 <= q25 <= q50 <= q75 <= q95.
 *
 * @example
 * const band: QuantileBand = { indicator: 'residentUrbanisationRate', region: 'all', year: 2030, q05: 0.76, q25: 0.77, q50: 0.78, q75: 0.79, q95: 0.8 };
 * band.q95 - band.q05
 * // => 0.04 (within rounding)
 */
export interface QuantileBand {
  indicator: string;
  /** A region id of the projection, or `all`. */
  region: string;
  year: number;
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
}

/**
 * The input of {@link htmlReport} and {@link markdownReport}. Only `projection` is required;
 * each optional part adds its section (scorecard table, uncertainty charts, target marks).
 *
 * @example
 * const html = await htmlReport({ projection: project(scenario), targets: [{ indicator: 'residentUrbanisationRate', year: 2025, value: 0.75, label: 'Plan' }] });
 * html.includes('<svg')
 * // => true
 */
export interface ReportInput {
  projection: Projection;
  scorecard?: ScorecardRow[];
  bands?: QuantileBand[];
  targets?: ReportTarget[];
  /** Prefecture maps (choropleths), drawn in their own section. */
  maps?: ReportMap[];
  /** A sweep over levers (`sweep`): a sensitivity chart for each indicator it kept. */
  sweep?: SweepResult;
  /** Tables shown after the maps (the county presets: the 20 largest school-place shortfalls and surpluses). */
  placeTables?: PlaceTable[];
}

/** A table of places for the maps section: a title, column heads and rows of text or numbers. */
export interface PlaceTable {
  id: string;
  title: string;
  titleZh?: string;
  columns: string[];
  rows: (string | number)[][];
}

/**
 * The quantile fields of a band, in the order they must be in.
 *
 * @example
 * QUANTILE_FIELDS[2]
 * // => 'q50'
 */
export const QUANTILE_FIELDS = Object.freeze(['q05', 'q25', 'q50', 'q75', 'q95'] as const);

function notFinite(path: (string | number)[], value: unknown): ChengzhenIssue {
  const where = `${path[0]}[${path[1]}].${path[2]}`;
  return { code: 'not_finite', path, message: `${where} must be a finite number, received ${String(value)}`, expected: 'a finite number', received: String(value) };
}

function checkYear(issues: ChengzhenIssue[], part: string, i: number, year: unknown): void {
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    issues.push({ code: 'invalid_type', path: [part, i, 'year'], message: `${part}[${i}].year must be a whole year, received ${String(year)}`, expected: 'an integer year', received: String(year) });
  }
}

function checkRegion(issues: ChengzhenIssue[], part: string, i: number, region: string | undefined, known: readonly string[]): void {
  if (region === undefined || region === ALL_REGIONS || known.includes(region)) return;
  issues.push({
    code: 'invalid_value',
    path: [part, i, 'region'],
    message: `${part}[${i}].region must be a region of the projection (${[...known.slice(0, 8), ALL_REGIONS].join(', ')}), received ${JSON.stringify(region)}`,
    expected: 'a region id or all',
    received: region,
  });
}

/**
 * Checks the optional parts of a report input: finite numbers, whole years, known regions,
 * ordered quantiles. Everything wrong is reported at once.
 *
 * @throws {ChengzhenError} listing every problem, e.g. `bands[3].q25 must be >= q05 (0.61), received 0.6`.
 * @example
 * checkReportInput({ projection, bands: [{ indicator: 'population', region: 'all', year: 2030, q05: 2, q25: 1, q50: 3, q75: 4, q95: 5 }] })
 * // => throws ChengzhenError: bands[0].q25 must be >= q05 (2), received 1
 */
export function checkReportInput(input: ReportInput): void {
  const issues: ChengzhenIssue[] = [];
  const regions = input.projection.regions;
  (input.targets ?? []).forEach((target, i) => {
    checkYear(issues, 'targets', i, target.year);
    if (!Number.isFinite(target.value)) issues.push(notFinite(['targets', i, 'value'], target.value));
    checkRegion(issues, 'targets', i, target.region, regions);
  });
  (input.scorecard ?? []).forEach((row, i) => {
    checkYear(issues, 'scorecard', i, row.year);
    if (!Number.isFinite(row.target)) issues.push(notFinite(['scorecard', i, 'target'], row.target));
    if (row.projected != null && !Number.isFinite(row.projected)) issues.push(notFinite(['scorecard', i, 'projected'], row.projected));
    if (row.range != null) for (const end of ['low', 'high'] as const) if (!Number.isFinite(row.range[end])) issues.push(notFinite(['scorecard', i, 'range', end], row.range[end]));
    if (row.margin != null && !Number.isFinite(row.margin)) issues.push(notFinite(['scorecard', i, 'margin'], row.margin));
  });
  (input.bands ?? []).forEach((band, i) => {
    checkYear(issues, 'bands', i, band.year);
    checkRegion(issues, 'bands', i, band.region, regions);
    let finite = true;
    for (const field of QUANTILE_FIELDS) {
      if (!Number.isFinite(band[field])) {
        issues.push(notFinite(['bands', i, field], band[field]));
        finite = false;
      }
    }
    if (!finite) return;
    for (let q = 1; q < QUANTILE_FIELDS.length; q++) {
      const lower = QUANTILE_FIELDS[q - 1];
      const field = QUANTILE_FIELDS[q];
      if (band[field] < band[lower]) {
        issues.push({
          code: 'constraint',
          path: ['bands', i, field],
          message: `bands[${i}].${field} must be >= ${lower} (${band[lower]}), received ${band[field]}`,
          expected: `>= ${band[lower]}`,
          received: String(band[field]),
        });
      }
    }
  });
  if (issues.length > 0) throw new ChengzhenError(issues);
}
