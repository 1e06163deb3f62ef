/**
 * What a county projection shows by place: the units where compulsory school places fall
 * shortest and where they are emptiest in a year, and the values of the report's prefecture maps
 * (urbanisation change, hukou gap, school places), from any projection whose regions carry a
 * `prefecture` (the county presets' carry the 2020 prefecture code).
 *
 * School places: urban and rural places together (`schoolPlaces` and `ruralSchoolPlaces`), so a
 * unit whose rural schools empty while its town schools fill shows the net of the two; the
 * county presets set both to the base year's demand, so the gap is the change in children 6-14
 * that schools would have to follow.
 */

import { ChengzhenError } from '../../errors.js';
import type { Projection } from '../projection.js';

/** One unit's school places in a year. */
export interface SchoolPlaceRow {
  region: string;
  nameZh: string;
  tier: string | undefined;
  province: string | undefined;
  prefecture: string | undefined;
  /** Places needed and places there, urban and rural together. */
  demand: number;
  capacity: number;
  /** demand - capacity: above 0 a shortfall, below 0 a surplus. */
  gap: number;
}

function has(projection: Projection, key: string): boolean {
  return projection.indicatorKeys().includes(key);
}

/**
 * The `count` units with the largest shortfall of school places in `year`, and the `count` with
 * the largest surplus, largest first (ties by region order).
 *
 * @throws {ChengzhenError} when the projection has no school places or `year` is not projected
 * @example
 * // const { shortfall, surplus } = schoolPlaceExtremes(project(getPreset('china-counties-2024-2028').scenario), 2035);
 * typeof schoolPlaceExtremes
 * // => 'function'
 */
export function schoolPlaceExtremes(projection: Projection, year: number, count = 20): { shortfall: SchoolPlaceRow[]; surplus: SchoolPlaceRow[] } {
  const t = projection.years.indexOf(year);
  if (!has(projection, 'schoolPlaces.demand') || t < 0) {
    throw new ChengzhenError([
      {
        code: 'invalid_value',
        path: ['year'],
        message: !has(projection, 'schoolPlaces.demand') ? 'the projection has no school places (services.schoolPlaces)' : `year must be a projected year (${projection.baseYear}-${projection.endYear}), received ${year}`,
        received: String(year),
      },
    ]);
  }
  const rural = has(projection, 'ruralSchoolPlaces.demand');
  const rows: SchoolPlaceRow[] = projection.scenario.regions.map((r) => {
    let demand = projection.indicator('schoolPlaces.demand', { region: r.id }).values[t];
    let capacity = projection.indicator('schoolPlaces.capacity', { region: r.id }).values[t];
    if (rural) {
      demand += projection.indicator('ruralSchoolPlaces.demand', { region: r.id }).values[t];
      capacity += projection.indicator('ruralSchoolPlaces.capacity', { region: r.id }).values[t];
    }
    return { region: r.id, nameZh: r.nameZh, tier: r.tier, province: r.province, prefecture: r.prefecture, demand, capacity, gap: demand - capacity };
  });
  const order = rows.map((_, i) => i);
  const shortfall = [...order].sort((a, b) => rows[b].gap - rows[a].gap || a - b).slice(0, count).filter((i) => rows[i].gap > 0);
  const surplus = [...order].sort((a, b) => rows[a].gap - rows[b].gap || a - b).slice(0, count).filter((i) => rows[i].gap < 0);
  return { shortfall: shortfall.map((i) => rows[i]), surplus: surplus.map((i) => rows[i]) };
}

/** A prefecture map's values, shaped as the report's `ReportMap`. */
export interface CountyMap {
  id: string;
  title: string;
  titleZh: string;
  valueTitle: string;
  values: Map<number, number>;
  format: string;
  diverging: boolean;
}

/**
 * The report's three prefecture maps for `year`: the change in the resident urbanisation rate
 * since the base year (points), the hukou gap (resident minus hukou rate) in `year`, and school
 * places short (+) or spare (-) per 100 places needed in `year`. Regions are grouped by their
 * `prefecture` when `drawable` has it; units directly under a province (whose prefecture is a
 * stand-in) are drawn on their own outline when `drawable` has their code (`c` + code ids);
 * others are left out of the map.
 *
 * @example
 * // htmlReport({ projection, maps: countyMaps(projection, 2035, new Set(choroplethPrefectureCodes())) })
 * typeof countyMaps
 * // => 'function'
 */
export function countyMaps(projection: Projection, year: number, drawable: ReadonlySet<number>): CountyMap[] {
  const t = projection.years.indexOf(year);
  if (t < 0) throw new ChengzhenError([{ code: 'out_of_range', path: ['year'], message: `year must be a projected year (${projection.baseYear}-${projection.endYear}), received ${year}`, received: String(year) }]);
  const codeOf = (region: { id: string; prefecture?: string }): string => {
    const prefecture = Number(region.prefecture);
    if (drawable.has(prefecture)) return String(prefecture);
    const own = Number(region.id.slice(1));
    return region.id.startsWith('c') && drawable.has(own) ? String(own) : 'none';
  };
  const grouped = projection.aggregate((region) => codeOf(region));
  const codes = grouped.regions.filter((g) => g !== 'none');
  const urban = new Map<number, number>();
  const gap = new Map<number, number>();
  const schools = new Map<number, number>();
  const withSchools = grouped.indicatorKeys().includes('schoolPlaces.demand');
  const withRural = grouped.indicatorKeys().includes('ruralSchoolPlaces.demand');
  for (const code of codes) {
    const rate = grouped.indicator('residentUrbanisationRate', { region: code }).values;
    urban.set(Number(code), (rate[t] - rate[0]) * 100);
    gap.set(Number(code), grouped.indicator('urbanisationGap', { region: code }).values[t] * 100);
    if (withSchools) {
      let demand = grouped.indicator('schoolPlaces.demand', { region: code }).values[t];
      let capacity = grouped.indicator('schoolPlaces.capacity', { region: code }).values[t];
      if (withRural) {
        demand += grouped.indicator('ruralSchoolPlaces.demand', { region: code }).values[t];
        capacity += grouped.indicator('ruralSchoolPlaces.capacity', { region: code }).values[t];
      }
      schools.set(Number(code), demand > 0 ? ((demand - capacity) / demand) * 100 : 0);
    }
  }
  const maps: CountyMap[] = [
    { id: 'urbanisation-change', title: `Change in the resident urbanisation rate ${projection.baseYear}-${year}`, titleZh: '常住人口城镇化率变化', valueTitle: 'points', values: urban, format: '.1f', diverging: true },
    { id: 'hukou-gap', title: `Hukou gap in ${year} (resident minus hukou urbanisation rate)`, titleZh: '常住与户籍人口城镇化率之差', valueTitle: 'points', values: gap, format: '.1f', diverging: false },
  ];
  if (withSchools) maps.push({ id: 'school-places', title: `Compulsory school places short (+) or spare (-) in ${year}`, titleZh: '义务教育学位缺口（+）或富余（-）', valueTitle: 'per 100 places needed', values: schools, format: '.1f', diverging: true });
  return maps;
}

/** A table of places shaped as the report's `PlaceTable`. */
export interface CountyPlaceTable {
  id: string;
  title: string;
  titleZh: string;
  columns: string[];
  rows: (string | number)[][];
}

/**
 * The report's two tables for `year`: the 20 units with the largest school-place shortfall and the
 * 20 with the largest surplus ({@link schoolPlaceExtremes}), with their province, tier, places
 * needed, places there and the gap.
 *
 * @example
 * // htmlReport({ projection, maps, placeTables: schoolPlaceTables(projection, 2035) })
 * typeof schoolPlaceTables
 * // => 'function'
 */
export function schoolPlaceTables(projection: Projection, year: number, count = 20): CountyPlaceTable[] {
  const { shortfall, surplus } = schoolPlaceExtremes(projection, year, count);
  const columns = ['unit', 'province', 'tier', 'places needed', 'places', 'short (+) / spare (-)'];
  const rows = (list: SchoolPlaceRow[]) => list.map((r) => [`${r.nameZh} (${r.region})`, r.province ?? '', r.tier ?? '', r.demand, r.capacity, r.gap]);
  return [
    { id: 'school-shortfall', title: `The ${count} units with the largest shortfall of compulsory school places in ${year}`, titleZh: '义务教育学位缺口最大的县级单位', columns, rows: rows(shortfall) },
    { id: 'school-surplus', title: `The ${count} units with the largest surplus of compulsory school places in ${year}`, titleZh: '义务教育学位富余最多的县级单位', columns, rows: rows(surplus) },
  ];
}
