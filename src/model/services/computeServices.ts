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

/** Sums over ages `from..to` of one region into `out`; `to` may be `maxAge` (the open group) for "and older". */
function ageSumsInto(out: AgeSums, result: KernelResult, region: number, from: number, to: number): void {
  const A1 = result.maxAge + 1;
  const n = result.population.length;
  for (let y = 0; y < n; y++) {
    const P = result.population[y];
    for (let h = 0; h < 3; h++) {
      let sum = 0;
      for (let s = 0; s < 2; s++) {
        const base = ((region * 3 + h) * 2 + s) * A1;
        for (let a = from; a <= to; a++) sum += P[base + a];
      }
      (h === 0 ? out.rural : h === 1 ? out.migrant : out.hukou)[y] = sum;
    }
  }
}

/** Buffers of a plan's computations, reused from call to call. */
interface Scratch {
  sums: AgeSums[];
  local: Float64Array;
  migrant: Float64Array;
  demand: Float64Array;
  capacity: Float64Array;
  /** By service and figure, the figures computed but not returned. */
  figures: Partial<Record<ServiceFigure, Float64Array>>[];
}

const scratches = new WeakMap<ServicesPlan, Scratch>();

function scratchOf(plan: ServicesPlan): Scratch {
  let scratch = scratches.get(plan);
  if (scratch === undefined) {
    const n = plan.years.length;
    const sums = plan.ranges.map(() => ({ rural: new Float64Array(n), migrant: new Float64Array(n), hukou: new Float64Array(n) }));
    scratch = { sums, local: new Float64Array(n), migrant: new Float64Array(n), demand: new Float64Array(n), capacity: new Float64Array(n), figures: plan.perRegion[0].map(() => ({})) };
    scratches.set(plan, scratch);
  }
  return scratch;
}

/**
 * Computes the services planned by `planServices` from a population, as `computeServices`
 * does (the same numbers, bit for bit), returning only the figures asked for (default: every
 * one) in the order of {@link SERVICE_FIGURES}. Whatever the figures asked for, every service
 * is checked for a capacity too small to divide by.
 *
 * @throws {ChengzhenError} for a capacity so near zero (a denormal number) that demand /
 *   capacity overflows.
 */
export function computePlannedServices(plan: ServicesPlan, result: KernelResult, figures: readonly ServiceFigure[] = SERVICE_FIGURES): DerivedSeries {
  const n = plan.years.length;
  const R = plan.regions.length;
  const width = R + 1;
  const T = plan.target;
  const scratch = scratchOf(plan);
  const { sums, local, migrant, demand, capacity } = scratch;
  const wanted = new Set(figures);
  // what the figures asked for need besides themselves: demand and capacity always (the check)
  const needed = new Set<ServiceFigure>([...wanted, 'demand', 'capacity']);
  if (wanted.has('coverage')) needed.add('shortfall');
  if (wanted.has('migrantCoverage')) needed.add('migrantDemand');
  const services = plan.perRegion[0];
  const series = services.map((_, i) => {
    const own: Partial<Record<ServiceFigure, Float64Array>> = {};
    for (const figure of needed) {
      own[figure] = wanted.has(figure) ? new Float64Array(n * width) : (scratch.figures[i][figure] ??= new Float64Array(n * width));
    }
    return own;
  });
  for (let r = 0; r < R; r++) {
    plan.ranges.forEach((range, k) => ageSumsInto(sums[k], result, r, range.from, range.to));
    plan.perRegion[r].forEach((service, i) => {
      service.demand(sums, local, migrant);
      for (let y = 0; y < n; y++) demand[y] = local[y] + migrant[y];
      const stock = service.stock;
      let c = stock.capacity;
      if (c === null) {
        // matchDemand: the stock starts at the base year's demand
        capacity[0] = demand[0];
        for (let y = 1; y < n; y++) capacity[y] = capacity[y - 1] * stock.factor[y] + stock.additions[y];
        c = capacity;
      }
      const f = series[i];
      for (let y = 0, at = r; y < n; y++, at += width) {
        const d = demand[y];
        f.demand![at] = d;
        f.capacity![at] = c[y];
        if (f.shortfall) f.shortfall[at] = d > c[y] ? d - c[y] : 0;
        if (f.surplus) f.surplus[at] = c[y] > d ? c[y] - d : 0;
        if (f.utilisation) f.utilisation[at] = c[y] > 0 ? d / c[y] : 0;
        if (f.coverage) f.coverage[at] = d > 0 ? Math.min(1, c[y] / d) : 1;
        if (f.migrantDemand) f.migrantDemand[at] = migrant[y];
        if (f.migrantCoverage) f.migrantCoverage[at] = migrant[y] > 0 ? Math.min(1, Math.max(0, c[y] - local[y]) / migrant[y]) : 1;
      }
      const additions = f.additionsNeededPerYear;
      if (additions) {
        // as additionsNeeded: the target year's shortfall spread over the years up to it
        const shortfallT = Math.max(0, demand[T] - c[T]);
        for (let y = 0; y < n; y++) additions[y * width + r] = y >= T ? Math.max(0, demand[y] - c[y]) : shortfallT / stock.weights[y];
      }
    });
  }
  const out: DerivedSeries = new Map();
  for (const { key } of SERVICES) {
    const i = services.findIndex((s) => s.key === key);
    if (i < 0) continue;
    const f = series[i];
    const sum = (values: Float64Array, at: number) => {
      let total = 0;
      for (let r = 0; r < R; r++) total += values[at - R + r];
      values[at] = total;
    };
    for (let y = 0; y < n; y++) {
      const at = y * width + R;
      for (const summed of ['demand', 'capacity', 'shortfall', 'surplus', 'additionsNeededPerYear', 'migrantDemand'] as const) {
        const values = f[summed];
        if (values) sum(values, at);
      }
      const d = f.demand![at];
      const c = f.capacity![at];
      if (f.utilisation) f.utilisation[at] = c > 0 ? d / c : 0;
      if (f.coverage) f.coverage[at] = d > 0 ? 1 - f.shortfall![at] / d : 1;
      if (f.migrantCoverage) {
        const md = f.migrantDemand!;
        let migrantMet = 0;
        for (let r = 0; r < R; r++) migrantMet += f.migrantCoverage[y * width + r] * md[y * width + r];
        f.migrantCoverage[at] = md[at] > 0 ? migrantMet / md[at] : 1;
      }
    }
    for (let i = 0; i < n * width; i++) {
      const d = f.demand![i];
      const c = f.capacity![i];
      const utilisation = c > 0 ? d / c : 0;
      if (!Number.isFinite(utilisation)) throw tooLittleCapacity(key, d, c, utilisation, i, plan.years, width, result.regions);
    }
    for (const figure of SERVICE_FIGURES) if (wanted.has(figure)) out.set(`${key}.${figure}`, f[figure]!);
  }
  return out;
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
 * // => 49013
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
