/**
 * Differences between projections, by indicator, region and year, as a tidy table: the two
 * values, the difference in the indicator's own unit (percentage points for rates) and the
 * relative difference.
 */

import { ChengzhenError, type ChengzhenIssue } from '../errors.js';
import { ALL_REGIONS, type Projection } from '../model/projection.js';
import { asIndicatorKey } from '../model/indicatorTable.js';

/** One row of a comparison: an indicator for one region and year in projections `a` and `b`. */
export interface ComparisonRow {
  indicator: string;
  region: string;
  year: number;
  /** The unit of `a` and `b` (the indicator table's). */
  unit: string;
  /** The value in the reference projection. */
  a: number;
  /** The value in the projection compared with it. */
  b: number;
  /** `b - a` in `differenceUnit`: percentage points for a share (0.01 is 1 point), the unit otherwise. */
  difference: number;
  differenceUnit: string;
  /** `(b - a) / |a|` as a ratio (0.05 is 5 % more); 0 when both are 0, null when only `a` is. */
  relative: number | null;
}

/** What to compare; by default everything the two projections share. */
export interface CompareOptions {
  /** Indicator keys (default: those both projections have, in the indicator table's order). */
  indicators?: readonly string[];
  /** Region ids or `all` (default: the regions both have, and `all` when both have several). */
  regions?: readonly string[];
  /** Years (default: every year both have). */
  years?: readonly number[];
}

/** The unit of a difference: points for shares, the indicator's unit otherwise. */
export function differenceUnit(unit: string): string {
  return unit === 'share (0-1)' ? 'percentage points' : unit;
}

/** What `options` asks of the pair that they do not both have, every problem listed. */
function optionIssues(a: Projection, b: Projection, options: CompareOptions): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  const keysA = new Set(a.indicatorKeys());
  const keysB = new Set(b.indicatorKeys());
  (options.indicators ?? []).forEach((key, i) => {
    if (!keysA.has(key) || !keysB.has(key)) {
      const both = [...keysA].filter((k) => keysB.has(k));
      issues.push({ code: 'invalid_value', path: ['indicators', i], message: `indicators[${i}] ${JSON.stringify(key)} is not an indicator of both projections (both have ${both.join(', ')})`, received: key });
    }
  });
  (options.regions ?? []).forEach((region, i) => {
    if (region !== ALL_REGIONS && (!a.regions.includes(region) || !b.regions.includes(region))) {
      const both = [...a.regions.filter((r) => b.regions.includes(r)), ALL_REGIONS];
      issues.push({ code: 'invalid_value', path: ['regions', i], message: `regions[${i}] ${JSON.stringify(region)} is not a region of both projections (both have ${both.slice(0, 9).join(', ')}${both.length > 9 ? ', ...' : ''})`, received: region });
    }
  });
  const first = Math.max(a.baseYear, b.baseYear);
  const last = Math.min(a.endYear, b.endYear);
  (options.years ?? []).forEach((year, i) => {
    if (!Number.isInteger(year) || year < first || year > last) {
      issues.push({ code: 'out_of_range', path: ['years', i], message: `years[${i}] must be a year both projections have, in [${first}, ${last}], received ${year}`, expected: `[${first}, ${last}]`, received: String(year) });
    }
  });
  if (first > last) issues.push({ code: 'constraint', path: ['years'], message: `the projections share no year: ${a.baseYear}-${a.endYear} and ${b.baseYear}-${b.endYear}` });
  return issues;
}

/**
 * The differences between projections `a` (the reference) and `b` by indicator, region and
 * year, ordered by indicator, then region, then year: every indicator, region and year both
 * have unless `options` narrows them. Flows start in the first projected year.
 *
 * @throws {ChengzhenError} naming every indicator, region or year asked for that the two do
 *   not both have.
 * @example
 * const trend = project(getPreset('zhejiang-2023-trend').scenario);
 * const plan = project(getPreset('zhejiang-2023').scenario);
 * const [row] = compareProjections(trend, plan, { indicators: ['residentUrbanisationRate'], years: [2022] });
 * [row.a, row.b, row.difference, row.differenceUnit, row.relative]
 * // => [0.734, 0.734, 0, 'percentage points', 0]
 */
export function compareProjections(a: Projection, b: Projection, options: CompareOptions = {}): ComparisonRow[] {
  const issues = optionIssues(a, b, options);
  if (issues.length > 0) throw new ChengzhenError(issues);
  const keysB = new Set(b.indicatorKeys());
  const indicators = options.indicators ?? a.indicatorKeys().filter((k) => keysB.has(k));
  const shared = a.regions.filter((r) => b.regions.includes(r));
  const regions = options.regions ?? (a.regions.length > 1 && b.regions.length > 1 ? [...shared, ALL_REGIONS] : shared.length > 0 ? shared : [ALL_REGIONS]);
  const wanted = options.years ? new Set(options.years) : undefined;
  const rows: ComparisonRow[] = [];
  for (const indicator of indicators) {
    for (const region of regions) {
      const sa = a.indicator(asIndicatorKey(indicator), { region });
      const sb = b.indicator(asIndicatorKey(indicator), { region });
      const atB = new Map(sb.years.map((year, i) => [year, sb.values[i]]));
      const unit = sa.unit;
      const points = unit === 'share (0-1)' ? 100 : 1;
      sa.years.forEach((year, i) => {
        const vb = atB.get(year);
        if (vb === undefined || (wanted && !wanted.has(year))) return;
        const va = sa.values[i];
        const relative = va === 0 ? (vb === 0 ? 0 : null) : (vb - va) / Math.abs(va);
        rows.push({ indicator, region, year, unit, a: va, b: vb, difference: (vb - va) * points, differenceUnit: differenceUnit(unit), relative });
      });
    }
  }
  return rows;
}
