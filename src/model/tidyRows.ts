/** Tidy rows from any source of indicator series: one row per indicator, region and year. */

import type { IndicatorSeries, TidyRow } from './projection.js';

/**
 * Rows `{ year, region, indicator, value, unit }` ordered by indicator, then region, then year.
 * Shared by a projection and its aggregates so that both tables read the same way.
 */
export function tidyRows(
  keys: readonly string[],
  regions: readonly string[],
  series: (key: string, region: string) => IndicatorSeries,
): TidyRow[] {
  const rows: TidyRow[] = [];
  for (const key of keys) {
    for (const region of regions) {
      const s = series(key, region);
      s.years.forEach((year, i) => rows.push({ year, region, indicator: key, value: s.values[i], unit: s.unit }));
    }
  }
  return rows;
}
