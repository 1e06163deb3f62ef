/**
 * A choropleth map of China's prefectures: each prefecture's outline (the simplified boundaries
 * shipped in seeds/census-counties) filled by a value, as a Vega-Lite geoshape chart with its
 * data inline. {@link renderSvg} turns it into static SVG at build time, so the report page
 * carries no script and loads nothing.
 *
 * Two layers: the prefectures without a value in grey (so the country stays whole), and the
 * prefectures with a value, coloured on a sequential scale (or, when `diverging`, a red-blue scale symmetric about 0).
 * Projection: conic equal-area with standard parallels 25 and 47 degrees north, centred on 105
 * degrees east, the usual projection of national maps of China.
 */
import { PREFECTURE_BOUNDARIES, type PrefectureBoundaryFeature } from '../../seeds/census-counties/prefectureBoundaries.js';
import { ChengzhenError } from '../errors.js';
import { CHART_CONFIG, type ChartSpec } from './charts.js';
import { escapeHtml } from './escapeHtml.js';
import { renderSvg } from './renderSvg.js';

/** How the map looks. */
export interface ChoroplethOptions {
  /** Title above the map. */
  title?: string;
  /** Legend title, with the unit. */
  valueTitle?: string;
  /** d3-format of legend and tooltip values (default `.3~g`; `.0%` for shares). */
  format?: string;
  /** Red-blue scale centred on 0, for changes and gaps (default false: sequential blues). */
  diverging?: boolean;
  /** Width in pixels (default 640); the height follows the outline's aspect (default 520). */
  width?: number;
  height?: number;
}

const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * The prefecture codes the map can draw (2020 codes of prefectures, of the county-level units
 * directly under a province, and 810000/820000 for Hong Kong and Macao).
 *
 * @example
 * choroplethPrefectureCodes().length;
 * // => 369
 */
export function choroplethPrefectureCodes(): number[] {
  return PREFECTURE_BOUNDARIES.features.map((f) => f.properties.code);
}

function withValue(feature: PrefectureBoundaryFeature, value: number | undefined) {
  return { type: 'Feature', geometry: feature.geometry, properties: { ...feature.properties, value: value ?? null } };
}

/**
 * A Vega-Lite spec of prefectures coloured by `values` (prefecture code -> value). Codes the
 * boundaries do not have are refused, so a value never silently disappears from the map.
 *
 * @throws {ChengzhenError} when a code has no outline or a value is not finite
 * @example
 * prefectureChoroplethSpec(new Map([[440300, 0.99]])).layer.length;
 * // => 2
 */
export function prefectureChoroplethSpec(values: ReadonlyMap<number, number>, options: ChoroplethOptions = {}) {
  const known = new Set(choroplethPrefectureCodes());
  const issues = [];
  for (const [code, value] of values) {
    if (!known.has(code)) issues.push({ code: 'invalid_value' as const, path: ['values', code], message: `values[${code}] names no prefecture outline`, received: String(code) });
    else if (!Number.isFinite(value)) issues.push({ code: 'out_of_range' as const, path: ['values', code], message: `values[${code}] must be finite, received ${value}`, received: String(value) });
  }
  if (issues.length > 0) throw new ChengzhenError(issues);
  const format = options.format ?? '.3~g';
  const blank = PREFECTURE_BOUNDARIES.features.filter((f) => !values.has(f.properties.code)).map((f) => withValue(f, undefined));
  const coloured = PREFECTURE_BOUNDARIES.features.filter((f) => values.has(f.properties.code)).map((f) => withValue(f, values.get(f.properties.code)));
  let extent = 0;
  for (const v of values.values()) extent = Math.max(extent, Math.abs(v));
  // a diverging scale symmetric about 0, so equal gains and losses get equal colours
  const scale = options.diverging ? { scheme: 'redblue' as const, domain: [-(extent || 1), extent || 1] } : { scheme: 'blues' as const };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title === undefined ? {} : { title: options.title }),
    width: options.width ?? 640,
    height: options.height ?? 520,
    config: { ...CHART_CONFIG, legend: { ...CHART_CONFIG.legend, direction: 'horizontal', gradientLength: 240 } },
    projection: { type: 'conicEqualArea', parallels: [25, 47], rotate: [-105, 0] },
    layer: [
      {
        data: { values: blank },
        mark: { type: 'geoshape', fill: '#e6e6e6', stroke: '#ffffff', strokeWidth: 0.3 },
      },
      {
        data: { values: coloured },
        mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.3 },
        encoding: {
          color: { field: 'properties.value', type: 'quantitative', title: options.valueTitle ?? 'value', scale, legend: { format } },
          tooltip: [
            { field: 'properties.name', type: 'nominal', title: 'prefecture' },
            { field: 'properties.value', type: 'quantitative', title: options.valueTitle ?? 'value', format },
          ],
        },
      },
    ],
  } satisfies ChartSpec;
}

/**
 * Renders prefectures coloured by `values` to an SVG document (static, no script): one path per
 * prefecture outline, coloured where a value is given, grey elsewhere.
 *
 * @throws {ChengzhenError} as {@link prefectureChoroplethSpec}, or when rendering fails
 * @example
 * (await prefectureChoroplethSvg(new Map([[110100, 1]]))).startsWith('<svg')
 * // => true
 */
export async function prefectureChoroplethSvg(values: ReadonlyMap<number, number>, options: ChoroplethOptions = {}): Promise<string> {
  return renderSvg(prefectureChoroplethSpec(values, options));
}

/** A map for the HTML report: prefectures coloured by one figure. */
export interface ReportMap {
  /** A short id, unique in the report (used in the figure's id). */
  id: string;
  /** Title in English, e.g. `Change in the resident urbanisation rate 2020-2030`. */
  title: string;
  /** Title in Chinese, shown after the English in parentheses. */
  titleZh?: string;
  /** Legend title, with the unit. */
  valueTitle: string;
  /** Prefecture code -> value. */
  values: ReadonlyMap<number, number>;
  /** d3-format of the values (default `.3~g`). */
  format?: string;
  /** Red-blue scale symmetric about 0 (for changes and gaps). */
  diverging?: boolean;
}

/**
 * The report's maps as HTML figures with their SVG inline (no script), in the order given.
 *
 * @throws {ChengzhenError} as {@link prefectureChoroplethSpec}
 * @example
 * (await reportMapFigures([{ id: 'u', title: 'Urban share', valueTitle: 'share', values: new Map([[440300, 0.99]]) }])).startsWith('<figure class="chart map" id="map-u"')
 * // => true
 */
export async function reportMapFigures(maps: readonly ReportMap[], width = 760): Promise<string> {
  const figures: string[] = [];
  for (const map of maps) {
    const title = map.titleZh === undefined ? map.title : `${map.title} (${map.titleZh})`;
    const svg = await prefectureChoroplethSvg(map.values, {
      title,
      valueTitle: map.valueTitle,
      width,
      height: Math.round(width * 0.8),
      ...(map.format === undefined ? {} : { format: map.format }),
      ...(map.diverging === undefined ? {} : { diverging: map.diverging }),
    });
    figures.push(`<figure class="chart map" id="map-${escapeHtml(map.id)}" aria-label="${escapeHtml(title)}">${svg}</figure>`);
  }
  return figures.join('\n');
}
