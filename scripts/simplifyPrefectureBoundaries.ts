/**
 * Simplifies the prefecture boundaries of leiii/census (WKT, about 4 MB) into the compact
 * GeoJSON `seeds/census-counties/prefectureBoundaries.json` that the report's map draws.
 *
 * Run once by hand, never by the build or the tests:
 *
 *     npx tsx scripts/simplifyPrefectureBoundaries.ts <china_prefecture_boundaries.csv> [out.json]
 *
 * Method: each ring is simplified on its own with Douglas-Peucker at a tolerance of 0.04 degrees
 * (about 4 km; a national map 800 pixels wide draws about 0.08 degrees per pixel, so the error
 * stays under a pixel), coordinates are rounded to 0.01 degrees, and rings that become smaller
 * than 0.005 square degrees are dropped, except each feature's largest. Result: 369 features,
 * about 16,000 points, 280 KB (from 192,000 points and 4 MB). Hand-written rather than
 * mapshaper or topojson-simplify: those keep shared borders identical between neighbours, which
 * matters when zooming in, not for a whole-country choropleth at report size, and they would add
 * a dependency tree for a single run. Every feature keeps at least one polygon.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Ring = [number, number][];
type Polygon = Ring[];

const TOLERANCE = 0.04;
const DECIMALS = 2;
const MIN_RING_AREA = 0.005;

/** Reads CSV with quoted fields (the WKT column is quoted). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((c) => c !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Parses POLYGON and MULTIPOLYGON WKT into polygons of rings, by the nesting of parentheses. */
function parseWkt(wkt: string): Polygon[] {
  const body = wkt.trim();
  const kind = body.startsWith('MULTIPOLYGON') ? 'multi' : body.startsWith('POLYGON') ? 'single' : null;
  if (kind === null) throw new Error(`unsupported WKT ${body.slice(0, 20)}`);
  type Nested = Nested[] | Ring;
  let i = body.indexOf('(');
  const parse = (): Nested => {
    // at '('
    i++;
    while (body[i] === ' ') i++;
    if (body[i] !== '(') {
      const close = body.indexOf(')', i);
      const ring = body.slice(i, close).split(',').map((p) => {
        const [x, y] = p.trim().split(/\s+/).map(Number);
        if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`bad point ${p}`);
        return [x, y] as [number, number];
      });
      i = close + 1;
      return ring;
    }
    const items: Nested[] = [];
    for (;;) {
      while (body[i] === ' ' || body[i] === ',') i++;
      if (body[i] === '(') items.push(parse());
      else if (body[i] === ')') {
        i++;
        return items;
      } else throw new Error(`unexpected ${body[i]} at ${i}`);
    }
  };
  const tree = parse() as Nested[];
  return kind === 'multi' ? (tree as Polygon[]) : [tree as Polygon];
}

function perpendicular(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

/** Douglas-Peucker on an open polyline, iterative. */
function douglasPeucker(points: Ring, tolerance: number): Ring {
  if (points.length < 3) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let at = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicular(points[i], points[first], points[last]);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([first, at], [at, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function area(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2;
}

const round = (v: number) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;

/** Simplifies a closed ring; split at its farthest point so both halves keep their shape. */
function simplifyRing(ring: Ring): Ring {
  const open = ring.slice(0, -1);
  let far = 0;
  let farD = -1;
  for (let i = 1; i < open.length; i++) {
    const d = Math.hypot(open[i][0] - open[0][0], open[i][1] - open[0][1]);
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const a = douglasPeucker(open.slice(0, far + 1), TOLERANCE);
  const b = douglasPeucker([...open.slice(far), open[0]], TOLERANCE);
  const out: Ring = [...a, ...b.slice(1)].map(([x, y]) => [round(x), round(y)]);
  // drop repeats made by rounding
  const clean: Ring = out.filter((p, i) => i === 0 || p[0] !== out[i - 1][0] || p[1] !== out[i - 1][1]);
  if (clean.length > 0 && (clean[0][0] !== clean[clean.length - 1][0] || clean[0][1] !== clean[clean.length - 1][1])) clean.push(clean[0]);
  return clean;
}

/**
 * Winds rings as d3-geo (and so Vega) reads them: exterior rings clockwise, holes anticlockwise
 * (the opposite of RFC 7946). A ring wound the other way would be read as the rest of the globe.
 * `area` above is positive for an anticlockwise ring (x east, y north).
 */
function orient(ring: Ring, exterior: boolean): Ring {
  const a = area(ring);
  return (exterior ? a > 0 : a < 0) ? ring.slice().reverse() : ring;
}

function main(): void {
  const [input, output = 'seeds/census-counties/prefectureBoundaries.json'] = process.argv.slice(2);
  if (input === undefined) throw new Error('usage: tsx scripts/simplifyPrefectureBoundaries.ts <china_prefecture_boundaries.csv> [out.json]');
  const [header, ...rows] = readCsv(readFileSync(input, 'utf8'));
  const col = (name: string) => header.indexOf(name);
  const features = rows.map((row) => {
    const polygons = parseWkt(row[col('wkt')]);
    const simplified: Polygon[] = [];
    let best: Polygon | null = null;
    let bestArea = -1;
    for (const polygon of polygons) {
      const outer = simplifyRing(polygon[0]);
      const outerArea = Math.abs(area(outer));
      const candidate: Polygon = [orient(outer, true), ...polygon.slice(1).map(simplifyRing).filter((r) => r.length >= 4 && Math.abs(area(r)) >= MIN_RING_AREA).map((r) => orient(r, false))];
      if (outer.length >= 4 && outerArea >= MIN_RING_AREA) simplified.push(candidate);
      const originalArea = Math.abs(area(polygon[0]));
      if (originalArea > bestArea) {
        bestArea = originalArea;
        best = outer.length >= 4 ? candidate : [orient(polygon[0].map(([x, y]) => [round(x), round(y)] as [number, number]), true)];
      }
    }
    if (simplified.length === 0 && best !== null) simplified.push(best);
    return {
      type: 'Feature',
      properties: { code: Number(row[col('code')]), name: row[col('name')], province: row[col('province')] },
      geometry: simplified.length === 1 ? { type: 'Polygon', coordinates: simplified[0] } : { type: 'MultiPolygon', coordinates: simplified },
    };
  });
  const collection = { type: 'FeatureCollection', features };
  writeFileSync(output, `${JSON.stringify(collection)}\n`);
  const points = features.reduce((s, f) => s + JSON.stringify(f.geometry.coordinates).split('],[').length, 0);
  process.stdout.write(`${features.length} features, about ${points} points, ${JSON.stringify(collection).length} bytes\n`);
}

main();
