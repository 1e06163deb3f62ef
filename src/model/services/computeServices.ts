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

import { ChengzhenError, type ChengzhenIssue } from '../../errors.js';
import type { KernelResult } from '../../kernel/types.js';
import type { Scenario } from '../../schema/scenario.js';
import { serviceFieldIssues, serviceScenarioIssues, type CapacityStock, type Services } from '../../schema/services.js';
import type { DerivedSeries } from '../projection.js';
import { forRegion, regionScheduleValues, type PerRegion } from '../regionValues.js';
import type { Schedule } from '../schedule.js';
import { additionsNeeded, capacityPath, serviceFigures, type ServiceFigures } from './capacity.js';
import { SERVICE_FIGURES, SERVICES, type ServiceKey } from './serviceIndicators.js';
import { SERVICE_REGISTRY, type ServiceSection } from '../../schema/serviceRegistry.js';

/** Sums of one region's population by status over an age range, by year. */
interface AgeSums {
  rural: Float64Array;
  migrant: Float64Array;
  hukou: Float64Array;
}

/** Sums over ages `from..to`; `to` may be `maxAge` (the open group) for "and older". */
function ageSums(result: KernelResult, region: number, from: number, to: number): AgeSums {
  const A1 = result.maxAge + 1;
  const n = result.population.length;
  const out: AgeSums = { rural: new Float64Array(n), migrant: new Float64Array(n), hukou: new Float64Array(n) };
  const keys = ['rural', 'migrant', 'hukou'] as const;
  for (let y = 0; y < n; y++) {
    const P = result.population[y];
    for (let h = 0; h < 3; h++) {
      let sum = 0;
      for (let s = 0; s < 2; s++) {
        const base = ((region * 3 + h) * 2 + s) * A1;
        for (let a = from; a <= to; a++) sum += P[base + a];
      }
      out[keys[h]][y] = sum;
    }
  }
  return out;
}

function total(sums: AgeSums, y: number): number {
  return sums.rural[y] + sums.migrant[y] + sums.hukou[y];
}

interface Context {
  result: KernelResult;
  years: readonly number[];
  target: number;
}

function values(ctx: Context, value: PerRegion<Schedule>, id: string, path: (string | number)[], range?: { min: number; max: number }): number[] {
  return regionScheduleValues(value, id, path, ctx.years[0], ctx.years[ctx.years.length - 1], range);
}

const SHARE = { min: 0, max: 1 };
const NON_NEGATIVE = { min: 0, max: Infinity };
const POSITIVE = { min: Number.MIN_VALUE, max: Infinity };

function stock(ctx: Context, spec: CapacityStock, id: string, path: (string | number)[], baseDemand: number) {
  const initial = spec.initial === 'matchDemand' ? baseDemand : forRegion(spec.initial, id, [...path, 'initial']).value;
  const additions = values(ctx, spec.additionsPerYear, id, [...path, 'additionsPerYear'], NON_NEGATIVE);
  const growth = values(ctx, spec.growthRate, id, [...path, 'growthRate'], { min: -1, max: 10 });
  const retirement = values(ctx, spec.retirementRate, id, [...path, 'retirementRate'], SHARE);
  const capacity = capacityPath(initial, additions, retirement, growth, path, ctx.years);
  return { capacity, growth, retirement };
}

function figures(ctx: Context, local: Float64Array, migrant: Float64Array, spec: CapacityStock, id: string, path: (string | number)[]): ServiceFigures {
  const demand = Float64Array.from(local, (v, i) => v + migrant[i]);
  const s = stock(ctx, spec, id, path, demand[0]);
  const additions = additionsNeeded(demand, s.capacity, s.growth, s.retirement, ctx.target);
  return serviceFigures(local, migrant, s.capacity, additions);
}

/** Splits a demand into the part of migrants (by their share of `people`) and the rest. */
function splitByShare(demand: Float64Array, people: AgeSums): { local: Float64Array; migrant: Float64Array } {
  const local = new Float64Array(demand.length);
  const migrant = new Float64Array(demand.length);
  for (let y = 0; y < demand.length; y++) {
    const all = total(people, y);
    // the share first: it is <= 1, so the migrant part never exceeds the demand
    migrant[y] = all > 0 ? demand[y] * (people.migrant[y] / all) : 0;
    local[y] = demand[y] - migrant[y];
  }
  return { local, migrant };
}

/** Where a formula computes: one region, its index and id, and its residents of every age. */
interface At {
  r: number;
  id: string;
  residents: AgeSums;
}

/** A section's formula: demand from the projected population, against its stocks, into `out`. */
type Formula<S extends ServiceSection> = (ctx: Context, s: NonNullable<Services[S]>, at: At, out: Map<ServiceKey, ServiceFigures>) => void;

/**
 * The formula of each section of the service registry (model.md section 5); a section without
 * its formula does not compile.
 */
const FORMULAS: { [S in ServiceSection]: Formula<S> } = {
  schoolPlaces: (ctx, s, { r, id }, out) => {
    const p = ['services', 'schoolPlaces'];
    const children = ageSums(ctx.result, r, 6, 14);
    const share = values(ctx, s.migrantChildrenPublicSchoolShare, id, [...p, 'migrantChildrenPublicSchoolShare'], SHARE);
    const migrant = Float64Array.from(children.migrant, (v, y) => v * share[y]);
    out.set('schoolPlaces', figures(ctx, children.hukou, migrant, s.urbanPlaces, id, [...p, 'urbanPlaces']));
    if (s.ruralPlaces) {
      out.set('ruralSchoolPlaces', figures(ctx, children.rural, new Float64Array(children.rural.length), s.ruralPlaces, id, [...p, 'ruralPlaces']));
    }
  },
  teachers: (ctx, s, { r, id }, out) => {
    const p = ['services', 'teachers'];
    const pupils = ageSums(ctx.result, r, 6, 14);
    const perTeacher = values(ctx, s.pupilsPerTeacher, id, [...p, 'pupilsPerTeacher'], POSITIVE);
    const teachers = splitByShare(Float64Array.from(perTeacher, (v, y) => total(pupils, y) / v), pupils);
    out.set('teachers', figures(ctx, teachers.local, teachers.migrant, s.teachers, id, [...p, 'teachers']));
  },
  preschoolPlaces: (ctx, s, { r, id }, out) => {
    const p = ['services', 'preschoolPlaces'];
    const children = ageSums(ctx.result, r, 3, 5);
    const share = values(ctx, s.inclusiveCoverageShare, id, [...p, 'inclusiveCoverageShare'], SHARE);
    const local = Float64Array.from(children.rural, (v, y) => (v + children.hukou[y]) * share[y]);
    const migrant = Float64Array.from(children.migrant, (v, y) => v * share[y]);
    out.set('preschoolPlaces', figures(ctx, local, migrant, s.places, id, [...p, 'places']));
    if (s.otherPlaces) {
      const otherLocal = Float64Array.from(children.rural, (v, y) => (v + children.hukou[y]) * (1 - share[y]));
      const otherMigrant = Float64Array.from(children.migrant, (v, y) => v * (1 - share[y]));
      out.set('otherPreschoolPlaces', figures(ctx, otherLocal, otherMigrant, s.otherPlaces, id, [...p, 'otherPlaces']));
    }
  },
  childcarePlaces: (ctx, c, { r, id, residents }, out) => {
    const p = ['services', 'childcarePlaces'];
    const demand =
      c.placesPer1000Residents !== undefined
        ? Float64Array.from(values(ctx, c.placesPer1000Residents, id, [...p, 'placesPer1000Residents'], NON_NEGATIVE), (v, y) => (v * total(residents, y)) / 1000)
        : Float64Array.from(values(ctx, c.placesTarget as Schedule, id, [...p, 'placesTarget'], NON_NEGATIVE));
    const split = splitByShare(demand, ageSums(ctx.result, r, 0, 2));
    out.set('childcarePlaces', figures(ctx, split.local, split.migrant, c.places, id, [...p, 'places']));
  },
  rentalHousing: (ctx, h, { r, id }, out) => {
    const p = ['services', 'rentalHousing'];
    const workers = ageSums(ctx.result, r, 16, 59);
    const need = values(ctx, h.shareOfWorkingAgeMigrantsInNeed, id, [...p, 'shareOfWorkingAgeMigrantsInNeed'], SHARE);
    const perUnit = values(ctx, h.personsPerUnit, id, [...p, 'personsPerUnit'], POSITIVE);
    const migrant = Float64Array.from(workers.migrant, (v, y) => (v * need[y]) / perUnit[y]);
    out.set('rentalHousing', figures(ctx, new Float64Array(migrant.length), migrant, h.capacity, id, [...p, 'capacity']));
  },
  healthCare: (ctx, h, { id, residents }, out) => {
    const p = ['services', 'healthCare'];
    const per1000 = values(ctx, h.doctorsPer1000Residents, id, [...p, 'doctorsPer1000Residents'], NON_NEGATIVE);
    const doctors = splitByShare(Float64Array.from(per1000, (v, y) => (v * total(residents, y)) / 1000), residents);
    out.set('doctors', figures(ctx, doctors.local, doctors.migrant, h.doctors, id, [...p, 'doctors']));
    if (h.residentsPerClinic !== undefined && h.clinics !== undefined) {
      const perClinic = values(ctx, h.residentsPerClinic, id, [...p, 'residentsPerClinic'], POSITIVE);
      const clinics = splitByShare(Float64Array.from(perClinic, (v, y) => total(residents, y) / v), residents);
      out.set('clinics', figures(ctx, clinics.local, clinics.migrant, h.clinics, id, [...p, 'clinics']));
    }
  },
  elderlyCare: (ctx, e, { r, id }, out) => {
    const maxAge = ctx.result.maxAge;
    const p = ['services', 'elderlyCare'];
    const older = ageSums(ctx.result, r, e.olderAgeFrom, maxAge);
    const demand =
      e.bedsPer1000Older !== undefined
        ? Float64Array.from(values(ctx, e.bedsPer1000Older, id, [...p, 'bedsPer1000Older'], NON_NEGATIVE), (v, y) => (v * total(older, y)) / 1000)
        : Float64Array.from(values(ctx, e.bedsTarget as Schedule, id, [...p, 'bedsTarget'], NON_NEGATIVE));
    const beds = splitByShare(demand, older);
    out.set('elderlyCareBeds', figures(ctx, beds.local, beds.migrant, e.beds, id, [...p, 'beds']));
    if (e.nursingBedShare !== undefined && e.nursingBeds !== undefined) {
      const share = values(ctx, e.nursingBedShare, id, [...p, 'nursingBedShare'], SHARE);
      const local = Float64Array.from(beds.local, (v, y) => v * share[y]);
      const migrant = Float64Array.from(beds.migrant, (v, y) => v * share[y]);
      out.set('nursingBeds', figures(ctx, local, migrant, e.nursingBeds, id, [...p, 'nursingBeds']));
    }
  },
};

/** Runs the formula of one section when the scenario has it. */
function runFormula<S extends ServiceSection>(section: S, ctx: Context, services: Services, at: At, out: Map<ServiceKey, ServiceFigures>): void {
  const value = services[section];
  // the section's own schema type: Services[S] without undefined
  if (value !== undefined) FORMULAS[section](ctx, value as NonNullable<Services[S]>, at, out);
}

/** Computes one region's services: a map from service key to its figures, in table order. */
function regionServices(ctx: Context, services: Services, r: number, id: string): Map<ServiceKey, ServiceFigures> {
  const out = new Map<ServiceKey, ServiceFigures>();
  const at: At = { r, id, residents: ageSums(ctx.result, r, 0, ctx.result.maxAge) };
  for (const { section } of SERVICE_REGISTRY) runFormula(section, ctx, services, at, out);
  return out;
}

/** The highest single age each service reads must lie below the open age group (from the service registry). */
const LAST_SINGLE_AGE: Readonly<Record<string, number>> = Object.fromEntries(
  SERVICE_REGISTRY.flatMap((entry): [string, number][] => ('lastSingleAge' in entry ? [[entry.section, entry.lastSingleAge]] : [])),
);

/** Problems that depend on the years and regions projected, all at once. */
function contextIssues(scenario: Scenario, services: Services, result: KernelResult, years: readonly number[]): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [...serviceFieldIssues(services)];
  const first = years[0];
  const last = years[years.length - 1];
  issues.push(...serviceScenarioIssues(services, scenario.regions.map((region) => region.id), first, last));
  for (const [name, age] of Object.entries(LAST_SINGLE_AGE)) {
    if (services[name as keyof Services] !== undefined && result.maxAge <= age) {
      issues.push({ code: 'out_of_range', path: ['maxAge'], message: `maxAge must be > ${age} for services.${name}, which counts single ages up to ${age}, received ${result.maxAge}`, expected: `> ${age}`, received: String(result.maxAge) });
    }
  }
  if (services.elderlyCare && result.maxAge < services.elderlyCare.olderAgeFrom) {
    const from = services.elderlyCare.olderAgeFrom;
    issues.push({ code: 'out_of_range', path: ['maxAge'], message: `maxAge must be >= ${from} for services.elderlyCare (residents aged ${from}+), received ${result.maxAge}`, expected: `>= ${from}`, received: String(result.maxAge) });
  }
  return issues;
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
  const out: DerivedSeries = new Map();
  const services = scenario.services;
  if (!services) return out;
  if (years.length !== result.population.length) {
    throw new ChengzhenError([{ code: 'wrong_length', path: ['years'], message: `years must list one year per population of the result (${result.population.length}), received ${years.length}`, expected: String(result.population.length), received: String(years.length) }]);
  }
  const issues = contextIssues(scenario, services, result, years);
  if (issues.length > 0) throw new ChengzhenError(issues);
  const ctx: Context = { result, years, target: years.indexOf(services.closeShortfallBy ?? years[years.length - 1]) };
  const R = result.regions.length;
  const width = R + 1;
  const n = years.length;
  const perRegion = scenario.regions.map((region, r) => regionServices(ctx, services, r, region.id));
  for (const { key } of SERVICES) {
    if (!perRegion[0].has(key)) continue;
    const series = Object.fromEntries(SERVICE_FIGURES.map((f) => [f, new Float64Array(n * width)])) as Record<(typeof SERVICE_FIGURES)[number], Float64Array>;
    for (let r = 0; r < R; r++) {
      const f = perRegion[r].get(key)!;
      for (const figure of SERVICE_FIGURES) for (let y = 0; y < n; y++) series[figure][y * width + r] = f[figure][y];
    }
    for (let y = 0; y < n; y++) {
      const at = y * width + R;
      for (const summed of ['demand', 'capacity', 'shortfall', 'surplus', 'additionsNeededPerYear', 'migrantDemand'] as const) {
        let sum = 0;
        for (let r = 0; r < R; r++) sum += series[summed][y * width + r];
        series[summed][at] = sum;
      }
      const d = series.demand[at];
      const c = series.capacity[at];
      series.utilisation[at] = c > 0 ? d / c : 0;
      series.coverage[at] = d > 0 ? 1 - series.shortfall[at] / d : 1;
      let migrantMet = 0;
      for (let r = 0; r < R; r++) migrantMet += series.migrantCoverage[y * width + r] * series.migrantDemand[y * width + r];
      series.migrantCoverage[at] = series.migrantDemand[at] > 0 ? migrantMet / series.migrantDemand[at] : 1;
    }
    for (let i = 0; i < n * width; i++) {
      if (!Number.isFinite(series.utilisation[i])) throw tooLittleCapacity(key, series, i, years, width, result.regions);
    }
    for (const figure of SERVICE_FIGURES) out.set(`${key}.${figure}`, series[figure]);
  }
  return out;
}

/** Where each service's capacity stock is given in a scenario. */
const STOCK_PATHS = Object.fromEntries(SERVICES.map((s) => [s.key, s.stockPath.split('.')])) as Record<ServiceKey, string[]>;

/** A capacity so close to zero that demand / capacity overflows (only from denormal stocks). */
function tooLittleCapacity(key: ServiceKey, series: Record<string, Float64Array>, i: number, years: readonly number[], width: number, regions: readonly string[]): ChengzhenError {
  const year = years[Math.floor(i / width)];
  const region = i % width < regions.length ? regions[i % width] : 'all';
  return new ChengzhenError([
    {
      code: 'not_finite',
      path: STOCK_PATHS[key],
      coords: { year, region },
      message: `${key}.utilisation[year=${year}, region=${region}]: demand / capacity = ${series.demand[i]} / ${series.capacity[i]} is not a finite number; a capacity must be 0 or large enough to divide by`,
      expected: 'a finite utilisation',
      received: String(series.utilisation[i]),
    },
  ]);
}
