/**
 * A projection: a scenario, its kernel problem, the kernel's result and the derived series,
 * answering questions in the scenario's own terms (year-end years, region ids, indicator
 * keys with units).
 */

import { ChengzhenError } from '../errors.js';
import { kernelIndicators, STOCK_INDICATORS, type KernelIndicators, type StockIndicator } from '../kernel/indicators.js';
import { FLOW_NAMES, type FlowName, type KernelProblem, type KernelResult } from '../kernel/types.js';
import type { Scenario } from '../schema/scenario.js';
import { regionScheduleValues } from '../schema/regionValues.js';
import { AggregatedProjection, type AggregateBy } from './aggregate.js';
import { tidyRows } from './tidyRows.js';
import { indicatorInfo, INDICATORS, type IndicatorKey, asIndicatorKey } from './indicatorTable.js';
import { regionLevels, type RegionLevels } from './regionLevels.js';
import { isRegisteredIndicator, registeredIndicators, type RegisteredIndicatorKey } from './registeredIndicators.js';
import type { PopulationByStatus } from './statusSplit.js';

/**
 * The id used for all regions together.
 *
 * @example
 * ALL_REGIONS
 * // => 'all'
 */
export const ALL_REGIONS = 'all';

/** Flows between the regions modelled: always 0 with one region. */
const BETWEEN_REGIONS = new Set<string>(['inMigrants', 'outMigrants', 'netMigration']);

/** Gross flows from and to outside the regions modelled: listed when the scenario has any. */
const GROSS_EXTERNAL = { externalInMigrants: 'externalInMigrants', externalOutMigrants: 'externalOutMigrants' } as const;
type GrossExternalKey = keyof typeof GROSS_EXTERNAL;
const isGrossExternal = (key: string): key is GrossExternalKey => Object.hasOwn(GROSS_EXTERNAL, key);

/**
 * The column of a region in the indicators' layout (`R` for all regions together).
 *
 * @throws {ChengzhenError} naming the region and the first regions of the projection.
 */
export function regionColumn(regions: readonly string[], region: string): number {
  if (region === ALL_REGIONS) return regions.length;
  const r = regions.indexOf(region);
  if (r < 0) {
    throw new ChengzhenError([
      {
        code: 'invalid_value',
        path: ['region'],
        message: `region ${JSON.stringify(region)} is not in the projection (regions: ${regions.slice(0, 8).join(', ')}${regions.length > 8 ? ', ...' : ''}, or ${ALL_REGIONS})`,
        received: region,
      },
    ]);
  }
  return r;
}

/** One indicator for one region, by year. */
export interface IndicatorSeries {
  key: string;
  unit: string;
  region: string;
  years: number[];
  values: number[];
}

/** One row of a tidy table: ready for Observable Plot, Vega-Lite, CSV or a data frame. */
export interface TidyRow {
  year: number;
  region: string;
  indicator: string;
  value: number;
  unit: string;
}

/**
 * Extra yearly series (public services) attached to a projection: for each key, values
 * indexed `yearIndex * (R + 1) + region` over the projection's years, region R = all.
 */
export type DerivedSeries = Map<string, Float64Array>;

/**
 * The outcome of projecting a scenario. Years are year-ends: `years[0]` is the base year and
 * stocks are measured at the end of each year; flows of year `t` happened during it.
 *
 * @example
 * const projection = project(getPreset('zhejiang-2023').scenario);
 * [projection.baseYear, projection.endYear, projection.regions]
 * // => [2022, 2028, ['zhejiang']]
 * projection.indicator('residentUrbanisationRate').values[0]   // the observed 2022 rate
 * // => 0.734
 */
export class Projection {
  readonly scenario: Scenario;
  readonly result: KernelResult;
  readonly kernel: KernelIndicators;
  /** Year-ends from the base year to the end year. */
  readonly years: number[];
  readonly regions: string[];
  private readonly problem: KernelProblem;
  private readonly derived: DerivedSeries;

  constructor(scenario: Scenario, problem: KernelProblem, result: KernelResult, derived: DerivedSeries = new Map()) {
    this.scenario = scenario;
    this.problem = problem;
    this.result = result;
    this.kernel = kernelIndicators(result);
    this.years = result.years.map((y) => y - 1);
    this.regions = [...result.regions];
    this.derived = derived;
    this.registered = registeredIndicators(scenario, this.kernel);
  }

  /** The registered-population indicators, where the scenario's region carries registered stocks. */
  private readonly registered: Map<RegisteredIndicatorKey, Float64Array> | null;

  /** The default fertility and mortality levels of each region, and where they come from (or that nothing was fitted). */
  get demographicLevels(): RegionLevels[] {
    return this.regions.map((id) => regionLevels(this.scenario, id));
  }

  /** The base year (its year-end population is where the projection starts). */
  get baseYear(): number {
    return this.years[0];
  }

  /** The last year projected. */
  get endYear(): number {
    return this.years[this.years.length - 1];
  }

  private regionIndex(region: string): number {
    return regionColumn(this.regions, region);
  }

  /**
   * The indicator keys this projection has values for. Migration between regions
   * (`inMigrants`, `outMigrants`, `netMigration`) is listed when there are several regions;
   * with one it is always 0, and `indicator()` still gives it.
   */
  indicatorKeys(): string[] {
    const single = this.regions.length === 1;
    const gross = this.grossFlow('externalInMigrants').some((v) => v !== 0) || this.grossFlow('externalOutMigrants').some((v) => v !== 0);
    return INDICATORS.map((i) => i.key).filter((key) => this.has(key) && !(single && BETWEEN_REGIONS.has(key)) && (gross || !isGrossExternal(key)));
  }

  private has(key: string): boolean {
    if (isRegisteredIndicator(key)) return this.registered !== null;
    return (STOCK_INDICATORS as readonly string[]).includes(key) || (FLOW_NAMES as readonly string[]).includes(key) || isGrossExternal(key) || this.derived.has(key);
  }

  private readonly grossFlows = new Map<GrossExternalKey, Float64Array>();

  /**
   * A gross flow from or to outside the regions modelled, by year from the first projected
   * year and region (the last column all regions), in the layout of the kernel's flows: the
   * scenario's schedule, which the compiler adds or removes as given.
   */
  private grossFlow(key: GrossExternalKey): Float64Array {
    let out = this.grossFlows.get(key);
    if (out !== undefined) return out;
    const R = this.regions.length;
    const steps = this.years.length - 1;
    out = new Float64Array(steps * (R + 1));
    const value = this.scenario.migration[GROSS_EXTERNAL[key]];
    for (let r = 0; r < R; r++) {
      const values = regionScheduleValues(value, this.regions[r], ['migration', key], this.baseYear + 1, this.endYear);
      for (let t = 0; t < steps; t++) {
        out[t * (R + 1) + r] = values[t];
        out[t * (R + 1) + R] += values[t];
      }
    }
    this.grossFlows.set(key, out);
    return out;
  }

  /**
   * One indicator as a series of year-end values (stocks, services) or yearly totals (flows,
   * which start in the first projected year).
   *
   * @throws {ChengzhenError} for an unknown indicator or region.
   * @example
   * const projection = project(getPreset('shandong-2021-2023').scenario);
   * projection.indicator('residentUrbanisationRate', { region: 'shandong' }).values[0]   // the 2020 census rate
   * // => 0.6305
   */
  indicator(key: IndicatorKey, options: { region?: string } = {}): IndicatorSeries {
    const region = options.region ?? ALL_REGIONS;
    const r = this.regionIndex(region);
    const width = this.regions.length + 1;
    const info = indicatorInfo(key);
    let values: number[];
    let years: number[];
    if ((STOCK_INDICATORS as readonly string[]).includes(key)) {
      const data = this.kernel.stocks[key as StockIndicator];
      years = this.years;
      values = years.map((_, y) => data[y * width + r]);
    } else if ((FLOW_NAMES as readonly string[]).includes(key) || isGrossExternal(key)) {
      const data = isGrossExternal(key) ? this.grossFlow(key) : this.kernel.flows[key as FlowName];
      years = this.years.slice(1);
      values = years.map((_, t) => data[t * width + r]);
    } else if (isRegisteredIndicator(key)) {
      if (this.registered === null) {
        const id = this.regions.length === 1 ? this.regions[0] : '<region>';
        throw new ChengzhenError([
          {
            code: 'invalid_value',
            path: ['indicator'],
            message: `indicator ${JSON.stringify(key)} needs the registered stocks of a one-region scenario (base.${id}.registered: residents registered elsewhere, registrants outside); without them only the resident-based hukouUrbanisationRate is known`,
            received: key,
          },
        ]);
      }
      const data = this.registered.get(key)!;
      years = this.years;
      values = years.map((_, y) => data[y * width + r]);
    } else if (this.derived.has(key)) {
      const data = this.derived.get(key)!;
      years = this.years;
      values = years.map((_, y) => data[y * width + r]);
    } else {
      throw new ChengzhenError([
        {
          code: 'invalid_value',
          path: ['indicator'],
          message: `indicator ${JSON.stringify(key)} is not one of ${this.indicatorKeys().join(', ')}`,
          received: key,
        },
      ]);
    }
    return { key, unit: info?.unit ?? '', region, years: [...years], values };
  }

  /**
   * Every indicator for every region (and all regions together when there are several) as
   * tidy rows `{ year, region, indicator, value, unit }`, in a fixed order: indicator, region,
   * year.
   *
   * @example
   * const projection = project(getPreset('national-2024-2028').scenario);
   * projection.table({ indicators: ['population'] })[0]
   * // => { year: 2023, region: 'china', indicator: 'population', value: 1409670000, unit: 'persons' }
   */
  table(options: { indicators?: string[]; regions?: string[] } = {}): TidyRow[] {
    const keys = options.indicators ?? this.indicatorKeys();
    const regions = options.regions ?? (this.regions.length > 1 ? [...this.regions, ALL_REGIONS] : this.regions);
    return tidyRows(keys, regions, (key, region) => this.indicator(asIndicatorKey(key), { region }));
  }

  /**
   * The population of one region (or all) at the end of `year`, by status and sex, each an
   * array by single age 0..maxAge.
   *
   * @example
   * const projection = project(getPreset('national-2024-2028').scenario);
   * projection.population({ year: 2028 }).migrant.female[25]   // women aged 25 without local hukou in towns
   * // => 1533348
   */
  population(options: { year: number; region?: string }): PopulationByStatus {
    const y = this.years.indexOf(options.year);
    if (y < 0) {
      throw new ChengzhenError([
        { code: 'out_of_range', path: ['year'], message: `year must be in [${this.baseYear}, ${this.endYear}], received ${options.year}`, received: String(options.year) },
      ]);
    }
    const region = options.region ?? ALL_REGIONS;
    const r = this.regionIndex(region);
    const A1 = this.result.maxAge + 1;
    const P = this.result.population[y];
    const from = r === this.regions.length ? 0 : r;
    const to = r === this.regions.length ? this.regions.length : r + 1;
    const part = (h: number, s: number) => {
      const out = new Float64Array(A1);
      for (let q = from; q < to; q++) {
        const base = ((q * 3 + h) * 2 + s) * A1;
        for (let a = 0; a < A1; a++) out[a] += P[base + a];
      }
      return out;
    };
    return {
      rural: { female: part(0, 0), male: part(0, 1) },
      migrant: { female: part(1, 0), male: part(1, 1) },
      hukou: { female: part(2, 0), male: part(2, 1) },
    };
  }

  /**
   * The indicators for groups of regions: by the regions' `province`, `prefecture` or `tier`,
   * or by a function giving each region its group id. Counts are exact sums over the member
   * regions; rates are recomputed from the summed counts (see {@link AggregatedProjection}).
   *
   * @throws {ChengzhenError} naming every region that lacks the attribute.
   * @example
   * const projection = project(getPreset('national-2024-2028').scenario);
   * projection.aggregate(() => 'china').indicator('population', { region: 'china' }).values[0]
   * // => 1409670000
   */
  aggregate(by: AggregateBy): AggregatedProjection {
    const width = this.regions.length + 1;
    return new AggregatedProjection(
      {
        regions: this.scenario.regions,
        years: this.years,
        keys: this.indicatorKeys(),
        series: (key) => {
          if ((STOCK_INDICATORS as readonly string[]).includes(key)) return { values: this.kernel.stocks[key as StockIndicator], flow: false };
          if ((FLOW_NAMES as readonly string[]).includes(key)) return { values: this.kernel.flows[key as FlowName], flow: true };
          if (isGrossExternal(key)) return { values: this.grossFlow(key), flow: true };
          if (isRegisteredIndicator(key) && this.registered !== null) return { values: this.registered.get(key)!, flow: false };
          const values = this.derived.get(key) ?? new Float64Array(this.years.length * width);
          return { values, flow: false };
        },
      },
      by,
    );
  }

  /** The kernel problem the scenario compiled to (model.md section 6). */
  toKernelProblem(): KernelProblem {
    return this.problem;
  }
}
