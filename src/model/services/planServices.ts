/**
 * The part of the services of a scenario that does not depend on the projected population:
 * every schedule read by year, every stock's parameters and, when its initial value is given,
 * its capacity path, all checked once. {@link computePlannedServices} then derives the figures
 * from a population; a simulation plans once and computes for each draw.
 *
 * The formulas are those of model.md section 5 (see `computeServices.ts` for the text); each
 * section reads its schedules and stocks here in the order `computeServices` always has, so
 * the first problem found is the same.
 */

import { ChengzhenError, type ChengzhenIssue } from '../../errors.js';
import type { Scenario } from '../../schema/scenario.js';
import { serviceFieldIssues, serviceScenarioIssues, type CapacityStock, type Services } from '../../schema/services.js';
import { SERVICE_REGISTRY, type ServiceSection } from '../../schema/serviceRegistry.js';
import { forRegion, regionScheduleValues, type PerRegion } from '../regionValues.js';
import type { Schedule } from '../schedule.js';
import { additionsNeeded, capacityPath } from './capacity.js';
import type { ServiceKey } from './serviceIndicators.js';

/** Sums of one region's population by status over an age range, by year. */
export interface AgeSums {
  rural: Float64Array;
  migrant: Float64Array;
  hukou: Float64Array;
}

/** A service's demand from the age sums of one region (by range index), split into local and migrant parts. */
export type DemandFormula = (sums: readonly AgeSums[], local: Float64Array, migrant: Float64Array) => void;

/** A capacity stock of one region, by year. */
export interface PlannedStock {
  /** Capacity by year, or null when the stock starts at the base year's demand (`matchDemand`). */
  capacity: Float64Array | null;
  /** `1 + growthRate - retirementRate` by year (index 0 unused). */
  factor: Float64Array;
  additions: readonly number[];
  /** For years before the target year, what an extra addition in each later year up to it adds to the target year's capacity. */
  weights: Float64Array;
}

/** One service of one region: its demand formula and its stock. */
export interface PlannedService {
  key: ServiceKey;
  demand: DemandFormula;
  stock: PlannedStock;
}

/** The services of a scenario, planned for its years and regions. */
export interface ServicesPlan {
  regions: readonly string[];
  years: readonly number[];
  maxAge: number;
  /** The index of the year by which shortfalls are to be closed. */
  target: number;
  /** The age ranges the formulas sum over (`to` may be `maxAge`, the open group). */
  ranges: readonly { from: number; to: number }[];
  /** By region, its services in the order of the service registry (the same keys in every region). */
  perRegion: readonly (readonly PlannedService[])[];
}

const SHARE = { min: 0, max: 1 };
const NON_NEGATIVE = { min: 0, max: Infinity };
const POSITIVE = { min: Number.MIN_VALUE, max: Infinity };

/** What the planners of the sections share: the years, the ranges met so far, the services planned. */
interface Planner {
  years: readonly number[];
  maxAge: number;
  target: number;
  ranges: { from: number; to: number }[];
  id: string;
  out: PlannedService[];
}

function values(p: Planner, value: PerRegion<Schedule>, path: (string | number)[], range?: { min: number; max: number }): number[] {
  return regionScheduleValues(value, p.id, path, p.years[0], p.years[p.years.length - 1], range);
}

/** The index of an age range in the plan, added when new. */
function range(p: Planner, from: number, to: number): number {
  const at = p.ranges.findIndex((r) => r.from === from && r.to === to);
  if (at >= 0) return at;
  p.ranges.push({ from, to });
  return p.ranges.length - 1;
}

function stock(p: Planner, spec: CapacityStock, path: (string | number)[]): PlannedStock {
  const initial = spec.initial === 'matchDemand' ? null : forRegion(spec.initial, p.id, [...path, 'initial']).value;
  const additions = values(p, spec.additionsPerYear, [...path, 'additionsPerYear'], NON_NEGATIVE);
  const growth = values(p, spec.growthRate, [...path, 'growthRate'], { min: -1, max: 10 });
  const retirement = values(p, spec.retirementRate, [...path, 'retirementRate'], SHARE);
  // checks 1 + growth - retirement >= 0 whatever the initial value
  const capacity = capacityPath(initial ?? 0, additions, retirement, growth, path, p.years);
  const n = p.years.length;
  // throws as computing the additions needed would for a target outside the years
  additionsNeeded(new Float64Array(n), capacity, growth, retirement, p.target);
  const factor = new Float64Array(n);
  for (let y = 1; y < n; y++) factor[y] = 1 + growth[y] - retirement[y];
  const weights = new Float64Array(n);
  for (let y = 0; y < p.target; y++) {
    let weight = 0;
    for (let t = y + 1; t <= p.target; t++) weight = weight * (1 + growth[t] - retirement[t]) + 1;
    weights[y] = weight;
  }
  return { capacity: initial === null ? null : capacity, factor, additions, weights };
}

function total(sums: AgeSums, y: number): number {
  return sums.rural[y] + sums.migrant[y] + sums.hukou[y];
}

/** Splits a demand into the part of migrants (by their share of `people`) and the rest. */
function splitByShare(demand: (y: number) => number, people: AgeSums, local: Float64Array, migrant: Float64Array): void {
  for (let y = 0; y < local.length; y++) {
    const d = demand(y);
    const all = total(people, y);
    // the share first: it is <= 1, so the migrant part never exceeds the demand
    migrant[y] = all > 0 ? d * (people.migrant[y] / all) : 0;
    local[y] = d - migrant[y];
  }
}

function add(p: Planner, key: ServiceKey, demand: DemandFormula, spec: CapacityStock, path: (string | number)[]): void {
  p.out.push({ key, demand, stock: stock(p, spec, path) });
}

/** Plans one section of the service registry; a section without its planner does not compile. */
type SectionPlanner<S extends ServiceSection> = (p: Planner, s: NonNullable<Services[S]>) => void;

const PLANNERS: { [S in ServiceSection]: SectionPlanner<S> } = {
  schoolPlaces: (p, s) => {
    const path = ['services', 'schoolPlaces'];
    const children = range(p, 6, 14);
    const share = values(p, s.migrantChildrenPublicSchoolShare, [...path, 'migrantChildrenPublicSchoolShare'], SHARE);
    add(
      p,
      'schoolPlaces',
      (sums, local, migrant) => {
        const c = sums[children];
        for (let y = 0; y < local.length; y++) {
          local[y] = c.hukou[y];
          migrant[y] = c.migrant[y] * share[y];
        }
      },
      s.urbanPlaces,
      [...path, 'urbanPlaces'],
    );
    if (s.ruralPlaces) {
      add(
        p,
        'ruralSchoolPlaces',
        (sums, local, migrant) => {
          local.set(sums[children].rural);
          migrant.fill(0);
        },
        s.ruralPlaces,
        [...path, 'ruralPlaces'],
      );
    }
  },
  teachers: (p, s) => {
    const path = ['services', 'teachers'];
    const pupils = range(p, 6, 14);
    const perTeacher = values(p, s.pupilsPerTeacher, [...path, 'pupilsPerTeacher'], POSITIVE);
    add(p, 'teachers', (sums, local, migrant) => splitByShare((y) => total(sums[pupils], y) / perTeacher[y], sums[pupils], local, migrant), s.teachers, [...path, 'teachers']);
  },
  preschoolPlaces: (p, s) => {
    const path = ['services', 'preschoolPlaces'];
    const children = range(p, 3, 5);
    const share = values(p, s.inclusiveCoverageShare, [...path, 'inclusiveCoverageShare'], SHARE);
    add(
      p,
      'preschoolPlaces',
      (sums, local, migrant) => {
        const c = sums[children];
        for (let y = 0; y < local.length; y++) {
          local[y] = (c.rural[y] + c.hukou[y]) * share[y];
          migrant[y] = c.migrant[y] * share[y];
        }
      },
      s.places,
      [...path, 'places'],
    );
    if (s.otherPlaces) {
      add(
        p,
        'otherPreschoolPlaces',
        (sums, local, migrant) => {
          const c = sums[children];
          for (let y = 0; y < local.length; y++) {
            local[y] = (c.rural[y] + c.hukou[y]) * (1 - share[y]);
            migrant[y] = c.migrant[y] * (1 - share[y]);
          }
        },
        s.otherPlaces,
        [...path, 'otherPlaces'],
      );
    }
  },
  childcarePlaces: (p, c) => {
    const path = ['services', 'childcarePlaces'];
    const residents = range(p, 0, p.maxAge);
    const young = range(p, 0, 2);
    if (c.placesPer1000Residents !== undefined) {
      const per1000 = values(p, c.placesPer1000Residents, [...path, 'placesPer1000Residents'], NON_NEGATIVE);
      add(p, 'childcarePlaces', (sums, local, migrant) => splitByShare((y) => (per1000[y] * total(sums[residents], y)) / 1000, sums[young], local, migrant), c.places, [...path, 'places']);
    } else {
      const target = values(p, c.placesTarget as Schedule, [...path, 'placesTarget'], NON_NEGATIVE);
      add(p, 'childcarePlaces', (sums, local, migrant) => splitByShare((y) => target[y], sums[young], local, migrant), c.places, [...path, 'places']);
    }
  },
  rentalHousing: (p, h) => {
    const path = ['services', 'rentalHousing'];
    const workers = range(p, 16, 59);
    const need = values(p, h.shareOfWorkingAgeMigrantsInNeed, [...path, 'shareOfWorkingAgeMigrantsInNeed'], SHARE);
    const perUnit = values(p, h.personsPerUnit, [...path, 'personsPerUnit'], POSITIVE);
    add(
      p,
      'rentalHousing',
      (sums, local, migrant) => {
        const w = sums[workers];
        local.fill(0);
        for (let y = 0; y < migrant.length; y++) migrant[y] = (w.migrant[y] * need[y]) / perUnit[y];
      },
      h.capacity,
      [...path, 'capacity'],
    );
  },
  healthCare: (p, h) => {
    const path = ['services', 'healthCare'];
    const residents = range(p, 0, p.maxAge);
    const per1000 = values(p, h.doctorsPer1000Residents, [...path, 'doctorsPer1000Residents'], NON_NEGATIVE);
    add(p, 'doctors', (sums, local, migrant) => splitByShare((y) => (per1000[y] * total(sums[residents], y)) / 1000, sums[residents], local, migrant), h.doctors, [...path, 'doctors']);
    if (h.residentsPerClinic !== undefined && h.clinics !== undefined) {
      const perClinic = values(p, h.residentsPerClinic, [...path, 'residentsPerClinic'], POSITIVE);
      add(p, 'clinics', (sums, local, migrant) => splitByShare((y) => total(sums[residents], y) / perClinic[y], sums[residents], local, migrant), h.clinics, [...path, 'clinics']);
    }
  },
  elderlyCare: (p, e) => {
    const path = ['services', 'elderlyCare'];
    const older = range(p, e.olderAgeFrom, p.maxAge);
    let standard: (sums: readonly AgeSums[], y: number) => number;
    if (e.bedsPer1000Older !== undefined) {
      const per1000 = values(p, e.bedsPer1000Older, [...path, 'bedsPer1000Older'], NON_NEGATIVE);
      standard = (sums, y) => (per1000[y] * total(sums[older], y)) / 1000;
    } else {
      const target = values(p, e.bedsTarget as Schedule, [...path, 'bedsTarget'], NON_NEGATIVE);
      standard = (_sums, y) => target[y];
    }
    const beds: DemandFormula = (sums, local, migrant) => splitByShare((y) => standard(sums, y), sums[older], local, migrant);
    add(p, 'elderlyCareBeds', beds, e.beds, [...path, 'beds']);
    if (e.nursingBedShare !== undefined && e.nursingBeds !== undefined) {
      const share = values(p, e.nursingBedShare, [...path, 'nursingBedShare'], SHARE);
      add(
        p,
        'nursingBeds',
        (sums, local, migrant) => {
          beds(sums, local, migrant);
          for (let y = 0; y < local.length; y++) {
            local[y] = local[y] * share[y];
            migrant[y] = migrant[y] * share[y];
          }
        },
        e.nursingBeds,
        [...path, 'nursingBeds'],
      );
    }
  },
};

/** Plans one section when the scenario has it. */
function planSection<S extends ServiceSection>(section: S, p: Planner, services: Services): void {
  const value = services[section];
  // the section's own schema type: Services[S] without undefined
  if (value !== undefined) PLANNERS[section](p, value as NonNullable<Services[S]>);
}

/** The highest single age each service reads must lie below the open age group (from the service registry). */
const LAST_SINGLE_AGE: Readonly<Record<string, number>> = Object.fromEntries(
  SERVICE_REGISTRY.flatMap((entry): [string, number][] => ('lastSingleAge' in entry ? [[entry.section, entry.lastSingleAge]] : [])),
);

/** Problems that depend on the years and regions projected, all at once. */
function contextIssues(scenario: Scenario, services: Services, maxAge: number, years: readonly number[]): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [...serviceFieldIssues(services)];
  const first = years[0];
  const last = years[years.length - 1];
  issues.push(...serviceScenarioIssues(services, scenario.regions.map((region) => region.id), first, last));
  for (const [name, age] of Object.entries(LAST_SINGLE_AGE)) {
    if (services[name as keyof Services] !== undefined && maxAge <= age) {
      issues.push({ code: 'out_of_range', path: ['maxAge'], message: `maxAge must be > ${age} for services.${name}, which counts single ages up to ${age}, received ${maxAge}`, expected: `> ${age}`, received: String(maxAge) });
    }
  }
  if (services.elderlyCare && maxAge < services.elderlyCare.olderAgeFrom) {
    const from = services.elderlyCare.olderAgeFrom;
    issues.push({ code: 'out_of_range', path: ['maxAge'], message: `maxAge must be >= ${from} for services.elderlyCare (residents aged ${from}+), received ${maxAge}`, expected: `>= ${from}`, received: String(maxAge) });
  }
  return issues;
}

/**
 * Plans the services of a scenario for its regions, the year-ends `years` (the base year
 * first) and the oldest age `maxAge`: everything {@link computePlannedServices} needs that
 * does not depend on the population, checked. Null when the scenario has no services.
 *
 * @throws {ChengzhenError} as `computeServices` does for everything but the population: a
 *   service field out of range in some year, `closeShortfallBy` outside the years, a
 *   `byRegion` naming an unknown region, a `maxAge` too small for the ages a service counts,
 *   a missing or doubled standard.
 * @example
 * const plan = planServices(parseScenario(getPreset('zhejiang-2023').scenario), [2022, 2023, 2024, 2025, 2026, 2027, 2028], 100);
 * plan?.perRegion[0].map((s) => s.key).slice(0, 3)
 * // => ['schoolPlaces', 'childcarePlaces', 'rentalHousing']
 */
export function planServices(scenario: Scenario, years: readonly number[], maxAge: number): ServicesPlan | null {
  const services = scenario.services;
  if (!services) return null;
  const issues = contextIssues(scenario, services, maxAge, years);
  if (issues.length > 0) throw new ChengzhenError(issues);
  const target = years.indexOf(services.closeShortfallBy ?? years[years.length - 1]);
  const ranges: { from: number; to: number }[] = [];
  const perRegion = scenario.regions.map((region) => {
    const p: Planner = { years, maxAge, target, ranges, id: region.id, out: [] };
    for (const { section } of SERVICE_REGISTRY) planSection(section, p, services);
    return p.out;
  });
  return { regions: scenario.regions.map((r) => r.id), years, maxAge, target, ranges, perRegion };
}
