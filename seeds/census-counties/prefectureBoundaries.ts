/**
 * Prefecture boundaries of China (338 prefectures less Chongqing's 县 row, which the source
 * draws inside 重庆市; the 30 county-level units directly under Hubei, Henan, Hainan and
 * Xinjiang; Hong Kong and Macao), simplified for a national map: 369 GeoJSON features with
 * `properties.code` (2020 code), `name` and `province`, coordinates in degrees of longitude and
 * latitude rounded to 0.01, exterior rings clockwise as d3-geo and Vega draw them.
 *
 * Source: leiii/census (Lei Dong et al., "China Census", MIT, Copyright (c) 2022 Lei Dong; see
 * LICENSE beside this file), `data/census/census_city_2010-2020_v1.csv` at commit
 * 0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087, as WKT; simplified once by
 * `scripts/simplifyPrefectureBoundaries.ts` (Douglas-Peucker, 0.04 degrees).
 */
import type { DataSource } from '../types.js';
import boundaries from './prefectureBoundaries.json';

/** One prefecture outline. */
export interface PrefectureBoundaryFeature {
  type: 'Feature';
  properties: { code: number; name: string; province: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** The outlines as a GeoJSON feature collection. */
export interface PrefectureBoundaries {
  type: 'FeatureCollection';
  features: readonly PrefectureBoundaryFeature[];
}

/** Where the outlines come from. */
export const PREFECTURE_BOUNDARIES_SOURCE: DataSource = Object.freeze({
  citation: 'Prefecture boundaries of the 2010-2020 city file of Lei Dong et al., "China Census"',
  repository: 'leiii/census',
  path: 'data/census/census_city_2010-2020_v1.csv',
  commit: '0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087',
  notes: 'Licence MIT, Copyright (c) 2022 Lei Dong. WKT polygons simplified with Douglas-Peucker at 0.04 degrees, coordinates rounded to 0.01 degrees, rings under 0.005 square degrees dropped (each feature keeps its largest).',
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The simplified prefecture outlines (frozen).
 *
 * @example
 * PREFECTURE_BOUNDARIES.features.length;
 * // => 369
 */
export const PREFECTURE_BOUNDARIES: PrefectureBoundaries = deepFreeze(boundaries as PrefectureBoundaries);
