/**
 * Public services against the people they serve (model.md section 5), for every region and
 * year of a projection. Services read the projected population; they never change it.
 *
 * Demand, by service (ages in completed years at the end of each year; R, M, H are rural,
 * migrant and urban hukou residents of the ages named):
 * - `schoolPlaces` (urban compulsory school, ages 6-14): H + M x `migrantChildrenPublicSchoolShare`;
 *   `ruralSchoolPlaces` (when `ruralPlaces` is given): R aged 6-14;
 * - `teachers`: (R + M + H) aged 6-14 / `pupilsPerTeacher`;
 * - `preschoolPlaces` (ages 3-5): (R + M + H) x `inclusiveCoverageShare`; `otherPreschoolPlaces`
 *   (when `otherPlaces` is given): (R + M + H) x (1 - `inclusiveCoverageShare`);
 * - `childcarePlaces`: `placesPer1000Residents` x residents / 1000, or `placesTarget`;
 * - `rentalHousing`: M aged 16-59 x `shareOfWorkingAgeMigrantsInNeed` / `personsPerUnit`;
 * - `doctors`: `doctorsPer1000Residents` x residents / 1000; `clinics`: residents / `residentsPerClinic`;
 * - `elderlyCareBeds`: residents aged 60+ (or 65+) x `bedsPer1000Older` / 1000, or `bedsTarget`;
 *   `nursingBeds`: `nursingBedShare` x the elderly care bed demand.
 *
 * Migrant demand is the part of demand that comes from migrants: their own term where demand
 * counts people (school, preschool, rental housing); for a standard per resident or a target
 * number, demand x migrants' share of the people the service is for (children 0-2 for
 * childcare, older residents for beds, all residents for doctors and clinics). Local demand is
 * served first (see {@link serviceFigures}).
 *
 * For all regions together (region index R), a place in one region does not serve another:
 * demand, capacity, shortfall, surplus, additions still needed and migrant demand are summed
 * over regions (so shortfall and surplus can both be positive: spare places in one region,
 * too few in another; `surplus - shortfall = demand - capacity` still holds), utilisation is
 * total demand / total capacity (0 with no capacity), coverage is the share of demand met in
 * its own region, `1 - total shortfall / total demand` (1 with no demand), and migrant
 * coverage is the migrant-demand-weighted mean of the regions' (1 with no migrant demand).
 */

import { ChengzhenError } from '../../errors.js';
import type { KernelResult } from '../../kernel/types.js';
import type { Scenario } from '../../schema/scenario.js';
import type { DerivedSeries } from '../projection.js';
import { planServices, type AgeSums, type ServicesPlan } from './planServices.js';
import { SERVICE_FIGURES, SERVICES, type ServiceFigure, type ServiceKey } from './serviceIndicators.js';

/**
 * The length of a table of the age sums a plan's services read ({@link servicesAgeSumsInto}):
 * for every region, age range, status (rural, migrant, urban hukou) and year.
 *
 * @example
 * servicesAgeSumsLength({ regions: ['a', 'b'], years: [2023, 2024, 2025], ranges: [{ from: 6, to: 14 }] })   // 2 x 1 x 3 x 3
 * // => 18
 */
export function servicesAgeSumsLength(plan: Pick<ServicesPlan, 'regions' | 'years' | 'ranges'>): number {
  return plan.regions.length * plan.ranges.length * 3 * plan.years.length;
}

/**
 * Writes into `table` the age sums a plan's services read from the population `P` at the end
 * of year index `y` (the base year is 0): for region r, range k and status h (rural, migrant,
 * urban hukou), at `((r * K + k) * 3 + h) * years + y`, where K is the number of ranges. Each
 * sum adds the women's ages, then the men's, in age order (`to` may be `maxAge`, the open
 * group, for "and older"); the three statuses are summed side by side, three independent sums
 * the processor overlaps. A caller running the kernel can fill the table year by year from its
 * sink, without keeping each year's population.
 */
export function servicesAgeSumsInto(plan: Pick<ServicesPlan, 'regions' | 'years' | 'ranges' | 'maxAge'>, P: Float64Array, y: number, table: Float64Array): void {
  const A1 = plan.maxAge + 1;
  const n = plan.years.length;
  const K = plan.ranges.length;
  // a status's block is both sexes (2 * A1 cells); rural, migrant and urban hukou follow each other
  const block = 2 * A1;
  for (let region = 0; region < plan.regions.length; region++) {
    for (let k = 0; k < K; k++) {
      const first = region * 3 * block + plan.ranges[k].from;
      const last = region * 3 * block + plan.ranges[k].to;
      let r = 0;
      let m = 0;
      let h = 0;
      for (let s = 0; s < block; s += A1) {
        for (let x = first + s, end = last + s; x <= end; x++) {
          r += P[x];
          m += P[x + block];
          h += P[x + 2 * block];
        }
      }
      const at = (region * K + k) * 3 * n + y;
      table[at] = r;
      table[at + n] = m;
      table[at + 2 * n] = h;
    }
  }
}

/** One service's figures for every region and all together (`year * (R + 1) + region`); null when not computed. */
class Figures {
  demand: Float64Array;
  capacity: Float64Array;
  shortfall: Float64Array | null;
  surplus: Float64Array | null;
  utilisation: Float64Array | null;
  coverage: Float64Array | null;
  additionsNeededPerYear: Float64Array | null;
  migrantDemand: Float64Array | null;
  migrantCoverage: Float64Array | null;
  constructor(size: number, needed: ReadonlySet<ServiceFigure>) {
    const buffer = (figure: ServiceFigure) => (needed.has(figure) ? new Float64Array(size) : null);
    this.demand = new Float64Array(size);
    this.capacity = new Float64Array(size);
    this.shortfall = buffer('shortfall');
    this.surplus = buffer('surplus');
    this.utilisation = buffer('utilisation');
    this.coverage = buffer('coverage');
    this.additionsNeededPerYear = buffer('additionsNeededPerYear');
    this.migrantDemand = buffer('migrantDemand');
    this.migrantCoverage = buffer('migrantCoverage');
  }
}

/** A plan's computation of some figures: its buffers, reused from call to call, and what it returns. */
interface Computation {
  sums: AgeSums[];
  local: Float64Array;
  migrant: Float64Array;
  demand: Float64Array;
  capacity: Float64Array;
  /** By service (in the plan's order). */
  figures: Figures[];
  /** The services in table order: their index in the plan, and the series returned (`service.figure`). */
  returned: { service: number; key: ServiceKey; series: { name: string; figure: ServiceFigure }[] }[];
  /** The series returned, in the buffers above (what {@link computePlannedServicesInPlace} returns). */
  views: ReadonlyMap<string, Float64Array>;
  /** The age sums of a population by year ({@link servicesAgeSumsInto}). */
  table: Float64Array;
}

const computations = new WeakMap<ServicesPlan, Map<string, Computation>>();

function computationOf(plan: ServicesPlan, figures: readonly ServiceFigure[]): Computation {
  let byFigures = computations.get(plan);
  if (byFigures === undefined) {
    byFigures = new Map();
    computations.set(plan, byFigures);
  }
  const id = figures.join();
  let computation = byFigures.get(id);
  if (computation === undefined) {
    const n = plan.years.length;
    const wanted = new Set(figures);
    // what the figures asked for need besides themselves (demand and capacity are always computed: the check)
    const needed = new Set<ServiceFigure>(wanted);
    if (wanted.has('coverage')) needed.add('shortfall');
    if (wanted.has('migrantCoverage')) needed.add('migrantDemand');
    const services = plan.perRegion[0] ?? [];
    const returned = SERVICES.flatMap(({ key }) => {
      const service = services.findIndex((s) => s.key === key);
      return service < 0 ? [] : [{ service, key, series: SERVICE_FIGURES.filter((f) => wanted.has(f)).map((figure) => ({ name: `${key}.${figure}`, figure })) }];
    });
    const byService = services.map(() => new Figures(n * (plan.regions.length + 1), needed));
    computation = {
      sums: plan.ranges.map(() => ({ rural: new Float64Array(n), migrant: new Float64Array(n), hukou: new Float64Array(n) })),
      local: new Float64Array(n),
      migrant: new Float64Array(n),
      demand: new Float64Array(n),
      capacity: new Float64Array(n),
      figures: byService,
      returned,
      table: new Float64Array(servicesAgeSumsLength(plan)),
      views: new Map(returned.flatMap(({ service, series }) => series.map(({ name, figure }) => [name, byService[service][figure]!] as const))),
    };
    byFigures.set(id, computation);
  }
  return computation;
}

/** Each region's figures of one service, from its demand (local and migrant parts) and capacity, into column `r`. */
function regionFigures(f: Figures, r: number, width: number, local: Float64Array, migrant: Float64Array, demand: Float64Array, c: Float64Array, weights: Float64Array, T: number): void {
  const n = demand.length;
  for (let y = 0, at = r; y < n; y++, at += width) {
    const d = demand[y];
    const cy = c[y];
    f.demand[at] = d;
    f.capacity[at] = cy;
    if (f.shortfall !== null) f.shortfall[at] = d > cy ? d - cy : 0;
    if (f.surplus !== null) f.surplus[at] = cy > d ? cy - d : 0;
    if (f.utilisation !== null) f.utilisation[at] = cy > 0 ? d / cy : 0;
    if (f.coverage !== null) f.coverage[at] = d > 0 ? Math.min(1, cy / d) : 1;
    if (f.migrantDemand !== null) f.migrantDemand[at] = migrant[y];
    if (f.migrantCoverage !== null) f.migrantCoverage[at] = migrant[y] > 0 ? Math.min(1, Math.max(0, cy - local[y]) / migrant[y]) : 1;
  }
  const additions = f.additionsNeededPerYear;
  if (additions !== null) {
    // as additionsNeeded: the target year's shortfall spread over the years up to it
    const shortfallT = Math.max(0, demand[T] - c[T]);
    for (let y = 0; y < n; y++) additions[y * width + r] = y >= T ? Math.max(0, demand[y] - c[y]) : shortfallT / weights[y];
  }
}

/** The sum over the regions of row `at - R .. at - 1` into `at` (the column of all regions). */
function sumRegions(values: Float64Array | null, at: number, R: number): void {
  if (values === null) return;
  let total = 0;
  for (let r = 0; r < R; r++) total += values[at - R + r];
  values[at] = total;
}

/** All regions together (column R): sums, and the ratios of the sums. */
function allRegionsFigures(f: Figures, n: number, R: number): void {
  const width = R + 1;
  for (let y = 0; y < n; y++) {
    const at = y * width + R;
    sumRegions(f.demand, at, R);
    sumRegions(f.capacity, at, R);
    sumRegions(f.shortfall, at, R);
    sumRegions(f.surplus, at, R);
    sumRegions(f.additionsNeededPerYear, at, R);
    sumRegions(f.migrantDemand, at, R);
    const d = f.demand[at];
    const c = f.capacity[at];
    if (f.utilisation !== null) f.utilisation[at] = c > 0 ? d / c : 0;
    if (f.coverage !== null) f.coverage[at] = d > 0 ? 1 - f.shortfall![at] / d : 1;
    if (f.migrantCoverage !== null) {
      const md = f.migrantDemand!;
      let migrantMet = 0;
      for (let r = 0; r < R; r++) migrantMet += f.migrantCoverage[y * width + r] * md[y * width + r];
      f.migrantCoverage[at] = md[at] > 0 ? migrantMet / md[at] : 1;
    }
  }
}

/**
 * Computes the services planned by `planServices` from a population, as `computeServices`
 * does (the same numbers, bit for bit), returning only the figures asked for (default: every
 * one) in the order of {@link SERVICE_FIGURES}. Whatever the figures asked for, every service
 * is checked for a capacity too small to divide by. Works in buffers kept with the plan
 * (between calls, for one thread); the series returned are the caller's own.
 *
 * @throws {ChengzhenError} for a capacity so near zero (a denormal number) that demand /
 *   capacity overflows.
 */
export function computePlannedServices(plan: ServicesPlan, result: KernelResult, figures: readonly ServiceFigure[] = SERVICE_FIGURES): DerivedSeries {
  const out: DerivedSeries = new Map();
  for (const [name, values] of computePlannedServicesInPlace(plan, result, figures)) out.set(name, values.slice());
  return out;
}

/**
 * {@link computePlannedServices} without copying: the series returned are the buffers kept
 * with the plan (the same map and arrays on every call with the same figures), overwritten by
 * the next call. For a caller that reads them at once, as a simulation's draws do: a draw
 * then allocates nothing for its services.
 *
 * @throws {ChengzhenError} as {@link computePlannedServices}.
 */
export function computePlannedServicesInPlace(plan: ServicesPlan, result: KernelResult, figures: readonly ServiceFigure[] = SERVICE_FIGURES): ReadonlyMap<string, Float64Array> {
  const { table } = computationOf(plan, figures);
  for (let y = 0; y < plan.years.length; y++) servicesAgeSumsInto(plan, result.population[y], y, table);
  return computePlannedServicesFromSums(plan, table, figures);
}

/**
 * {@link computePlannedServicesInPlace} from the age sums of the population by year, written
 * into `table` by {@link servicesAgeSumsInto} for every year: the same numbers, bit for bit.
 *
 * @throws {ChengzhenError} as {@link computePlannedServices}.
 */
export function computePlannedServicesFromSums(plan: ServicesPlan, table: Float64Array, figures: readonly ServiceFigure[] = SERVICE_FIGURES): ReadonlyMap<string, Float64Array> {
  const n = plan.years.length;
  const R = plan.regions.length;
  const K = plan.ranges.length;
  const width = R + 1;
  const T = plan.target;
  const { sums, local, migrant, demand, capacity, figures: series, returned, views } = computationOf(plan, figures);
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < K; k++) {
      const { rural, migrant: migrants, hukou } = sums[k];
      const at = (r * K + k) * 3 * n;
      for (let y = 0; y < n; y++) {
        rural[y] = table[at + y];
        migrants[y] = table[at + n + y];
        hukou[y] = table[at + 2 * n + y];
      }
    }
    const services = plan.perRegion[r];
    for (let i = 0; i < services.length; i++) {
      const { stock } = services[i];
      services[i].demand(sums, local, migrant);
      for (let y = 0; y < n; y++) demand[y] = local[y] + migrant[y];
      let c = stock.capacity;
      if (c === null) {
        // matchDemand: the stock starts at the base year's demand
        capacity[0] = demand[0];
        for (let y = 1; y < n; y++) capacity[y] = capacity[y - 1] * stock.factor[y] + stock.additions[y];
        c = capacity;
      }
      regionFigures(series[i], r, width, local, migrant, demand, c, stock.weights, T);
    }
  }
  for (const { service, key } of returned) {
    const f = series[service];
    allRegionsFigures(f, n, R);
    for (let i = 0; i < n * width; i++) {
      const d = f.demand[i];
      const c = f.capacity[i];
      const utilisation = c > 0 ? d / c : 0;
      if (!Number.isFinite(utilisation)) throw tooLittleCapacity(key, d, c, utilisation, i, plan.years, width, plan.regions);
    }
  }
  return views;
}

/**
 * Computes every service of the scenario for every region and year, as derived series keyed
 * `service.figure` (e.g. `schoolPlaces.shortfall`), each indexed `yearIndex * (R + 1) +
 * region`, with region index R for all regions together. `years` are the year-ends of
 * `result.population` (the base year first). Only the services the scenario defines appear;
 * with none, the map is empty. Reads `result`; never writes it.
 *
 * @throws {ChengzhenError} for a service field out of range in some year (a retirement rate
 *   above 1), `closeShortfallBy` outside the years, a `byRegion` naming an unknown region, a
 *   `maxAge` too small for the ages a service counts, a missing or doubled standard, or a
 *   capacity so near zero (a denormal number) that demand / capacity overflows.
 * @example
 * const scenario = parseScenario(getPreset('zhejiang-2023').scenario);
 * const result = runKernel(compileScenario(scenario));
 * const series = computeServices(scenario, result, result.years.map((y) => y - 1));   // 2022-2028
 * const R = result.regions.length;
 * series.get('schoolPlaces.shortfall')![1 * (R + 1) + R]   // all regions together, end of 2023 (places)
 * // => 49055
 */
export function computeServices(scenario: Scenario, result: KernelResult, years: readonly number[]): DerivedSeries {
  if (!scenario.services) return new Map();
  if (years.length !== result.population.length) {
    throw new ChengzhenError([{ code: 'wrong_length', path: ['years'], message: `years must list one year per population of the result (${result.population.length}), received ${years.length}`, expected: String(result.population.length), received: String(years.length) }]);
  }
  return computePlannedServices(planServices(scenario, years, result.maxAge)!, result);
}

/** Where each service's capacity stock is given in a scenario. */
const STOCK_PATHS = Object.fromEntries(SERVICES.map((s) => [s.key, s.stockPath.split('.')])) as Record<ServiceKey, string[]>;

/** A capacity so close to zero that demand / capacity overflows (only from denormal stocks). */
function tooLittleCapacity(key: ServiceKey, demand: number, capacity: number, utilisation: number, i: number, years: readonly number[], width: number, regions: readonly string[]): ChengzhenError {
  const year = years[Math.floor(i / width)];
  const region = i % width < regions.length ? regions[i % width] : 'all';
  return new ChengzhenError([
    {
      code: 'not_finite',
      path: STOCK_PATHS[key],
      coords: { year, region },
      message: `${key}.utilisation[year=${year}, region=${region}]: demand / capacity = ${demand} / ${capacity} is not a finite number; a capacity must be 0 or large enough to divide by`,
      expected: 'a finite utilisation',
      received: String(utilisation),
    },
  ]);
}
