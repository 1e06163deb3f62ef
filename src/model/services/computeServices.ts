/**
 * Public services against the people they serve (model.md section 5), for every region and
 * year of a projection. Services read the projected population; they never change it.
 *
 * Demand, by service (ages in completed years at the end of each year):
 * - `schoolPlaces` (urban compulsory school, ages 6-14): urban hukou children + migrant
 *   children x `migrantChildrenPublicSchoolShare`; `ruralSchoolPlaces`: rural children 6-14;
 * - `preschoolPlaces` (ages 3-5): children x `inclusiveCoverageShare`;
 * - `childcarePlaces` (ages 0-2 served): `placesPer1000Residents` x residents / 1000, or `placesTarget`;
 * - `rentalHousing`: migrants aged 16-59 x `shareOfWorkingAgeMigrantsInNeed` / `personsPerUnit`;
 * - `doctors`: `doctorsPer1000Residents` x residents / 1000; `clinics`: residents / `residentsPerClinic`;
 * - `elderlyCareBeds`: residents aged 60+ (or 65+) x `bedsPer1000Older` / 1000, or `bedsTarget`.
 * Migrant demand is the part of demand that comes from migrants (for standards per resident,
 * their share of residents); local demand is served first.
 *
 * For all regions together, demand, capacity, shortfall, surplus and additions are summed
 * over regions (a place in one region does not serve another), utilisation is total demand /
 * total capacity, and coverage is 1 - total shortfall / total demand.
 */

import { ChengzhenError } from '../../errors.js';
import type { KernelResult } from '../../kernel/types.js';
import type { Scenario } from '../../schema/scenario.js';
import type { CapacityStock, Services } from '../../schema/services.js';
import type { DerivedSeries } from '../projection.js';
import { forRegion, regionScheduleValues, type PerRegion } from '../regionValues.js';
import type { Schedule } from '../schedule.js';
import { additionsNeeded, capacityPath, serviceFigures, type ServiceFigures } from './capacity.js';
import { SERVICE_FIGURES, type ServiceKey } from './serviceIndicators.js';

/** Sums of one region's population by status over an age range, by year. */
interface AgeSums {
  rural: Float64Array;
  migrant: Float64Array;
  hukou: Float64Array;
}

function ageSums(result: KernelResult, region: number, from: number, to: number): AgeSums {
  const A1 = result.maxAge + 1;
  const n = result.population.length;
  const out: AgeSums = { rural: new Float64Array(n), migrant: new Float64Array(n), hukou: new Float64Array(n) };
  const keys = ['rural', 'migrant', 'hukou'] as const;
  const top = Math.min(to, result.maxAge);
  for (let y = 0; y < n; y++) {
    const P = result.population[y];
    for (let h = 0; h < 3; h++) {
      let sum = 0;
      for (let s = 0; s < 2; s++) {
        const base = ((region * 3 + h) * 2 + s) * A1;
        for (let a = from; a <= top; a++) sum += P[base + a];
      }
      out[keys[h]][y] = sum;
    }
  }
  return out;
}

interface Context {
  scenario: Scenario;
  result: KernelResult;
  years: number[];
  closeBy: number;
}

function values(ctx: Context, value: PerRegion<Schedule>, id: string, path: (string | number)[], range?: { min: number; max: number }): number[] {
  return regionScheduleValues(value, id, path, ctx.years[0], ctx.years[ctx.years.length - 1], range);
}

const SHARE = { min: 0, max: 1 };
const NON_NEGATIVE = { min: 0, max: Infinity };
const POSITIVE = { min: Number.MIN_VALUE, max: Infinity };

function stock(ctx: Context, spec: CapacityStock, id: string, path: (string | number)[]) {
  const initial = forRegion(spec.initial, id, [...path, 'initial']).value;
  const additions = values(ctx, spec.additionsPerYear, id, [...path, 'additionsPerYear'], NON_NEGATIVE);
  const growth = values(ctx, spec.growthRate, id, [...path, 'growthRate']);
  const retirement = values(ctx, spec.retirementRate, id, [...path, 'retirementRate'], SHARE);
  const capacity = capacityPath(initial, additions, retirement, growth, path, ctx.years);
  return { capacity, growth, retirement };
}

function figures(ctx: Context, local: Float64Array, migrant: Float64Array, spec: CapacityStock, id: string, path: (string | number)[]): ServiceFigures {
  const s = stock(ctx, spec, id, path);
  const demand = Float64Array.from(local, (v, i) => v + migrant[i]);
  const target = ctx.years.indexOf(ctx.closeBy);
  const additions = additionsNeeded(demand, s.capacity, s.growth, s.retirement, target < 0 ? ctx.years.length - 1 : target);
  return serviceFigures(local, migrant, s.capacity, additions);
}

/** Splits a demand proportional to residents into its local and migrant parts. */
function byResidents(total: Float64Array, all: AgeSums): { local: Float64Array; migrant: Float64Array } {
  const local = new Float64Array(total.length);
  const migrant = new Float64Array(total.length);
  for (let y = 0; y < total.length; y++) {
    const residents = all.rural[y] + all.migrant[y] + all.hukou[y];
    const share = residents > 0 ? all.migrant[y] / residents : 0;
    migrant[y] = total[y] * share;
    local[y] = total[y] - migrant[y];
  }
  return { local, migrant };
}

function requireOne(path: (string | number)[], names: [string, string], present: [unknown, unknown]): void {
  if ((present[0] === undefined) === (present[1] === undefined)) {
    throw new ChengzhenError([
      { code: 'invalid_value', path, message: `${path.join('.')} needs exactly one of ${names[0]} and ${names[1]}`, expected: `${names[0]} or ${names[1]}`, received: present[0] === undefined ? 'neither' : 'both' },
    ]);
  }
}

/** Computes one region's services: a map from service key to its figures. */
function regionServices(ctx: Context, services: Services, r: number, id: string): Map<ServiceKey, ServiceFigures> {
  const out = new Map<ServiceKey, ServiceFigures>();
  const path = ['services'];
  const everyone = ageSums(ctx.result, r, 0, ctx.result.maxAge);
  if (services.schoolPlaces) {
    const p = [...path, 'schoolPlaces'];
    const children = ageSums(ctx.result, r, 6, 14);
    const share = values(ctx, services.schoolPlaces.migrantChildrenPublicSchoolShare, id, [...p, 'migrantChildrenPublicSchoolShare'], SHARE);
    const migrant = Float64Array.from(children.migrant, (v, y) => v * share[y]);
    out.set('schoolPlaces', figures(ctx, children.hukou, migrant, services.schoolPlaces.urbanPlaces, id, [...p, 'urbanPlaces']));
    if (services.schoolPlaces.ruralPlaces) {
      out.set('ruralSchoolPlaces', figures(ctx, children.rural, new Float64Array(children.rural.length), services.schoolPlaces.ruralPlaces, id, [...p, 'ruralPlaces']));
    }
  }
  if (services.preschoolPlaces) {
    const p = [...path, 'preschoolPlaces'];
    const children = ageSums(ctx.result, r, 3, 5);
    const share = values(ctx, services.preschoolPlaces.inclusiveCoverageShare, id, [...p, 'inclusiveCoverageShare'], SHARE);
    const local = Float64Array.from(children.rural, (v, y) => (v + children.hukou[y]) * share[y]);
    const migrant = Float64Array.from(children.migrant, (v, y) => v * share[y]);
    out.set('preschoolPlaces', figures(ctx, local, migrant, services.preschoolPlaces.places, id, [...p, 'places']));
  }
  if (services.childcarePlaces) {
    const p = [...path, 'childcarePlaces'];
    const c = services.childcarePlaces;
    requireOne(p, ['placesPer1000Residents', 'placesTarget'], [c.placesPer1000Residents, c.placesTarget]);
    const total =
      c.placesPer1000Residents !== undefined
        ? Float64Array.from(values(ctx, c.placesPer1000Residents, id, [...p, 'placesPer1000Residents'], NON_NEGATIVE), (v, y) => (v * (everyone.rural[y] + everyone.migrant[y] + everyone.hukou[y])) / 1000)
        : Float64Array.from(values(ctx, c.placesTarget!, id, [...p, 'placesTarget'], NON_NEGATIVE));
    const split = byResidents(total, everyone);
    out.set('childcarePlaces', figures(ctx, split.local, split.migrant, c.places, id, [...p, 'places']));
  }
  if (services.rentalHousing) {
    const p = [...path, 'rentalHousing'];
    const h = services.rentalHousing;
    const workers = ageSums(ctx.result, r, 16, 59);
    const need = values(ctx, h.shareOfWorkingAgeMigrantsInNeed, id, [...p, 'shareOfWorkingAgeMigrantsInNeed'], SHARE);
    const perUnit = values(ctx, h.personsPerUnit, id, [...p, 'personsPerUnit'], POSITIVE);
    const migrant = Float64Array.from(workers.migrant, (v, y) => (v * need[y]) / perUnit[y]);
    out.set('rentalHousing', figures(ctx, new Float64Array(migrant.length), migrant, h.capacity, id, [...p, 'capacity']));
  }
  if (services.healthCare) {
    const p = [...path, 'healthCare'];
    const h = services.healthCare;
    const per1000 = values(ctx, h.doctorsPer1000Residents, id, [...p, 'doctorsPer1000Residents'], NON_NEGATIVE);
    const total = Float64Array.from(per1000, (v, y) => (v * (everyone.rural[y] + everyone.migrant[y] + everyone.hukou[y])) / 1000);
    const split = byResidents(total, everyone);
    out.set('doctors', figures(ctx, split.local, split.migrant, h.doctors, id, [...p, 'doctors']));
    if (h.residentsPerClinic !== undefined || h.clinics !== undefined) {
      if (h.residentsPerClinic === undefined || h.clinics === undefined) {
        throw new ChengzhenError([{ code: 'invalid_value', path: p, message: `${p.join('.')} needs both residentsPerClinic and clinics, or neither` }]);
      }
      const perClinic = values(ctx, h.residentsPerClinic, id, [...p, 'residentsPerClinic'], POSITIVE);
      const clinics = Float64Array.from(perClinic, (v, y) => (everyone.rural[y] + everyone.migrant[y] + everyone.hukou[y]) / v);
      const clinicSplit = byResidents(clinics, everyone);
      out.set('clinics', figures(ctx, clinicSplit.local, clinicSplit.migrant, h.clinics, id, [...p, 'clinics']));
    }
  }
  if (services.elderlyCare) {
    const p = [...path, 'elderlyCare'];
    const e = services.elderlyCare;
    requireOne(p, ['bedsPer1000Older', 'bedsTarget'], [e.bedsPer1000Older, e.bedsTarget]);
    const older = ageSums(ctx.result, r, e.olderAgeFrom, ctx.result.maxAge);
    let total: Float64Array;
    if (e.bedsPer1000Older !== undefined) {
      const per1000 = values(ctx, e.bedsPer1000Older, id, [...p, 'bedsPer1000Older'], NON_NEGATIVE);
      total = Float64Array.from(per1000, (v, y) => (v * (older.rural[y] + older.migrant[y] + older.hukou[y])) / 1000);
    } else {
      total = Float64Array.from(values(ctx, e.bedsTarget!, id, [...p, 'bedsTarget'], NON_NEGATIVE));
    }
    const split = byResidents(total, older);
    out.set('elderlyCareBeds', figures(ctx, split.local, split.migrant, e.beds, id, [...p, 'beds']));
  }
  return out;
}

/**
 * Computes every service of the scenario for every region and year, as derived series keyed
 * `service.figure` (e.g. `schoolPlaces.shortfall`), indexed `yearIndex * (R + 1) + region`
 * with region R for all regions together.
 *
 * @example
 * computeServices(scenario, result, [2023, 2024]).get('schoolPlaces.demand')
 */
export function computeServices(scenario: Scenario, result: KernelResult, years: number[]): DerivedSeries {
  const out: DerivedSeries = new Map();
  const services = scenario.services;
  if (!services) return out;
  const ctx: Context = { scenario, result, years, closeBy: services.closeShortfallBy ?? years[years.length - 1] };
  const R = result.regions.length;
  const width = R + 1;
  const n = years.length;
  const perRegion = scenario.regions.map((region, r) => regionServices(ctx, services, r, region.id));
  for (const key of perRegion[0].keys()) {
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
    for (const figure of SERVICE_FIGURES) out.set(`${key}.${figure}`, series[figure]);
  }
  return out;
}
