/**
 * Aggregation of a projection's regions into larger units (provinces, prefectures, city tiers
 * or any grouping): counts are summed exactly over the member regions (compensated sums), and
 * rates are recomputed from the summed counts, never averaged:
 *
 * - `residentUrbanisationRate = (migrant + hukou) / population`, `hukouUrbanisationRate =
 *   hukou / population`, `urbanisationGap` their difference (0 for an empty group);
 * - for each service, `utilisation = demand / capacity` (0 with no capacity), `coverage =
 *   1 - shortfall / demand` (1 with no demand), `migrantCoverage = migrant demand met /
 *   migrant demand`, where shortfall, surplus and the met migrant demand are the sums of the
 *   members' (a place in one region does not serve another, as for all regions together).
 *
 * `inMigrants` and `outMigrants` of a group are the sums of its members', so they include moves
 * between members; `netMigration` of a group is exact (moves between members cancel).
 * An indicator whose unit is not a count and that has no rule here is left out.
 */

import { ChengzhenError, type ChengzhenIssue } from '../errors.js';
import { compensatedSum } from '../kernel/indicators.js';
import type { Region } from '../schema/scenario.js';
import { tidyRows } from './tidyRows.js';
import { indicatorInfo, type IndicatorKey, asIndicatorKey } from './indicatorTable.js';
import type { IndicatorSeries, TidyRow } from './projection.js';

/** How to group regions: by a region attribute, or by a function giving each region its group id. */
export type AggregateBy = 'province' | 'prefecture' | 'tier' | ((region: Region, index: number) => string);

/** The data of a projection that aggregation reads: series indexed `yearIndex*(R+1) + region`, region R = all. */
export interface AggregationSource {
  regions: readonly Region[];
  /** Year-ends, base year first. */
  years: readonly number[];
  /** The indicator keys of the source, in table order. */
  keys: readonly string[];
  /** Stocks and services by year-end, flows by year from the second year-end, one array per key. */
  series(key: string): { values: Float64Array; flow: boolean };
}

const ALL = 'all';
const NON_ADDITIVE_UNITS = new Set(['share (0-1)', 'ratio', 'per 1000 residents']);
const POPULATION_RATES = new Set(['residentUrbanisationRate', 'hukouUrbanisationRate', 'urbanisationGap']);
const SERVICE_RATES = new Set(['utilisation', 'coverage', 'migrantCoverage']);

/**
 * The group of every region and the groups in order of first appearance.
 *
 * @throws {ChengzhenError} naming every region without the attribute, or a group id that is
 *   empty or `all`.
 * @example
 * const regions = [
 *   { id: 'a', nameEn: 'A', nameZh: '甲', province: 'p' },
 *   { id: 'b', nameEn: 'B', nameZh: '乙', province: 'q' },
 *   { id: 'c', nameEn: 'C', nameZh: '丙', province: 'p' },
 * ];
 * groupRegions(regions, 'province').groups
 * // => ['p', 'q']
 * Array.from(groupRegions(regions, 'province').groupOf)
 * // => [0, 1, 0]
 */
export function groupRegions(regions: readonly Region[], by: AggregateBy): { groups: string[]; groupOf: Int32Array } {
  const groups: string[] = [];
  const index = new Map<string, number>();
  const groupOf = new Int32Array(regions.length);
  const issues: ChengzhenIssue[] = [];
  regions.forEach((region, r) => {
    const id = typeof by === 'function' ? by(region, r) : region[by];
    if (typeof id !== 'string' || id === '' || id === ALL) {
      const field = typeof by === 'function' ? 'group' : by;
      issues.push({
        code: 'invalid_value',
        path: ['regions', r, field],
        message:
          typeof by === 'function'
            ? `the grouping gave region ${JSON.stringify(region.id)} (regions[${r}]) the group ${JSON.stringify(id)}: a group id must be a non-empty string other than "${ALL}"`
            : `regions[${r}].${by} is required to aggregate by ${by} (region ${JSON.stringify(region.id)} has none)`,
        expected: 'a non-empty group id',
        received: String(id),
      });
      return;
    }
    let g = index.get(id);
    if (g === undefined) {
      g = groups.length;
      groups.push(id);
      index.set(id, g);
    }
    groupOf[r] = g;
  });
  if (issues.length > 0) throw new ChengzhenError(issues.slice(0, 20));
  return { groups, groupOf };
}

/**
 * A projection's indicators for groups of regions, with the indicator and table API of a
 * projection: `indicator(key, { region })` where `region` is a group id or `all`, and `table()`.
 * Made by {@link Projection.aggregate}.
 *
 * @example
 * const projection = project(getPreset('national-2024-2028').scenario);
 * const nation = projection.aggregate(() => 'nation');
 * [nation.regions, nation.indicator('population', { region: 'nation' }).values[0]]
 * // => [['nation'], 1409670000]
 */
export class AggregatedProjection {
  /** The group ids, in order of first appearance among the regions. */
  readonly regions: string[];
  readonly years: number[];
  private readonly members: string[][];
  private readonly data = new Map<string, { values: Float64Array; flow: boolean }>();
  private readonly keys: string[];

  constructor(source: AggregationSource, by: AggregateBy) {
    const { groups, groupOf } = groupRegions(source.regions, by);
    this.regions = groups;
    this.years = [...source.years];
    this.members = groups.map(() => []);
    source.regions.forEach((region, r) => this.members[groupOf[r]].push(region.id));
    const R = source.regions.length;
    const G = groups.length;
    const order = Int32Array.from({ length: R }, (_, r) => r).sort((x, y) => groupOf[x] - groupOf[y] || x - y);
    const start = new Int32Array(G + 1);
    for (let r = 0; r < R; r++) start[groupOf[r] + 1]++;
    for (let g = 0; g < G; g++) start[g + 1] += start[g];
    const gathered = new Float64Array(R);

    // counts first: sums over members; `all` is the source's own
    const sumOf = (values: Float64Array, rows: number): Float64Array => {
      const out = new Float64Array(rows * (G + 1));
      for (let y = 0; y < rows; y++) {
        for (let i = 0; i < R; i++) gathered[i] = values[y * (R + 1) + order[i]];
        for (let g = 0; g < G; g++) out[y * (G + 1) + g] = compensatedSum(gathered, start[g], start[g + 1] - start[g]);
        out[y * (G + 1) + G] = values[y * (R + 1) + R];
      }
      return out;
    };
    const rowsOf = (values: Float64Array) => values.length / (R + 1);
    const rated: string[] = [];
    for (const key of source.keys) {
      const service = serviceRate(key);
      if (POPULATION_RATES.has(key) || service) {
        rated.push(key);
        continue;
      }
      const unit = indicatorInfo(key)?.unit ?? '';
      if (NON_ADDITIVE_UNITS.has(unit)) continue;
      const { values, flow } = source.series(key);
      this.data.set(key, { values: sumOf(values, rowsOf(values)), flow });
    }
    for (const key of rated) {
      const { values, flow } = source.series(key);
      const rows = rowsOf(values);
      const out = new Float64Array(rows * (G + 1));
      for (let y = 0; y < rows; y++) out[y * (G + 1) + G] = values[y * (R + 1) + R];
      const service = serviceRate(key);
      if (service === null) this.populationRate(key, out, rows, G);
      else if (!this.serviceRateInto(source, service, out, rows, G, sumOf)) continue;
      this.data.set(key, { values: out, flow });
    }
    this.keys = source.keys.filter((key) => this.data.has(key));
  }

  private populationRate(key: string, out: Float64Array, rows: number, G: number): void {
    const [pop, migrant, hukou] = (['population', 'migrant', 'hukou'] as const).map((k) => this.data.get(k)!.values);
    for (let y = 0; y < rows; y++) {
      for (let g = 0; g < G; g++) {
        const at = y * (G + 1) + g;
        const resident = pop[at] > 0 ? (migrant[at] + hukou[at]) / pop[at] : 0;
        const registered = pop[at] > 0 ? hukou[at] / pop[at] : 0;
        out[at] = key === 'residentUrbanisationRate' ? resident : key === 'hukouUrbanisationRate' ? registered : resident - registered;
      }
    }
  }

  private serviceRateInto(
    source: AggregationSource,
    { service, figure }: { service: string; figure: string },
    out: Float64Array,
    rows: number,
    G: number,
    sumOf: (values: Float64Array, rows: number) => Float64Array,
  ): boolean {
    const get = (f: string) => this.data.get(`${service}.${f}`)?.values;
    const demand = get('demand');
    const capacity = get('capacity');
    const shortfall = get('shortfall');
    const migrantDemand = get('migrantDemand');
    if (!demand || !capacity || !shortfall || !migrantDemand) return false;
    let met: Float64Array | null = null;
    if (figure === 'migrantCoverage') {
      // migrant demand met, a count: coverage x migrant demand in each region, then summed
      const coverage = source.series(`${service}.migrantCoverage`).values;
      const md = source.series(`${service}.migrantDemand`).values;
      const product = new Float64Array(coverage.length);
      for (let i = 0; i < product.length; i++) product[i] = coverage[i] * md[i];
      met = sumOf(product, rows);
    }
    for (let y = 0; y < rows; y++) {
      for (let g = 0; g < G; g++) {
        const at = y * (G + 1) + g;
        const d = demand[at];
        if (figure === 'utilisation') out[at] = capacity[at] > 0 ? d / capacity[at] : 0;
        else if (figure === 'coverage') out[at] = d > 0 ? 1 - shortfall[at] / d : 1;
        else out[at] = migrantDemand[at] > 0 ? met![at] / migrantDemand[at] : 1;
      }
    }
    return true;
  }

  /** The indicator keys of the aggregate, in table order. */
  indicatorKeys(): string[] {
    return [...this.keys];
  }

  /** The region ids of a group, in the projection's order. */
  membersOf(group: string): string[] {
    const g = this.regions.indexOf(group);
    if (g < 0) throw unknownGroup(group, this.regions);
    return [...this.members[g]];
  }

  /**
   * One indicator for one group (or `all`): year-end values for stocks and services, yearly
   * totals for flows.
   *
   * @throws {ChengzhenError} for an unknown indicator or group.
   */
  indicator(key: IndicatorKey, options: { region?: string } = {}): IndicatorSeries {
    const region = options.region ?? ALL;
    const g = region === ALL ? this.regions.length : this.regions.indexOf(region);
    if (g < 0) throw unknownGroup(region, this.regions);
    const entry = this.data.get(key);
    if (!entry) {
      throw new ChengzhenError([
        { code: 'invalid_value', path: ['indicator'], message: `indicator ${JSON.stringify(key)} is not one of ${this.keys.join(', ')}`, received: key },
      ]);
    }
    const width = this.regions.length + 1;
    const years = entry.flow ? this.years.slice(1) : this.years;
    const values = years.map((_, y) => entry.values[y * width + g]);
    return { key, unit: indicatorInfo(key)?.unit ?? '', region, years: [...years], values };
  }

  /** Tidy rows `{ year, region, indicator, value, unit }` ordered by indicator, group (all last), year. */
  table(options: { indicators?: string[]; regions?: string[] } = {}): TidyRow[] {
    const keys = options.indicators ?? this.keys;
    const regions = options.regions ?? (this.regions.length > 1 ? [...this.regions, ALL] : this.regions);
    return tidyRows(keys, regions, (key, region) => this.indicator(asIndicatorKey(key), { region }));
  }
}

function serviceRate(key: string): { service: string; figure: string } | null {
  const dot = key.lastIndexOf('.');
  if (dot < 0) return null;
  const figure = key.slice(dot + 1);
  return SERVICE_RATES.has(figure) ? { service: key.slice(0, dot), figure } : null;
}

function unknownGroup(group: string, groups: readonly string[]): ChengzhenError {
  return new ChengzhenError([
    {
      code: 'invalid_value',
      path: ['region'],
      message: `group ${JSON.stringify(group)} is not in the aggregate (groups: ${groups.slice(0, 8).join(', ')}${groups.length > 8 ? ', ...' : ''}, or ${ALL})`,
      received: group,
    },
  ]);
}
