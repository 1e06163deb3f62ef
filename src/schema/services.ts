/**
 * Public services in a scenario (model.md section 5): for each service, the standard that sets
 * demand from the projected population, and the capacity stock that has to keep up. Services
 * read the projection; they never change it. Units are in the names.
 *
 * Rules that need more than one field (exactly one of two standards, both or neither of a
 * standard and its stock) are checked here, when the scenario is parsed, and so is a share
 * given as a plain number; the values of schedules that change over time (a retirement rate in
 * [0, 1] in every year, a value for every region) are checked with the rest of the scenario
 * ({@link serviceScenarioIssues}), since they depend on the years and regions projected.
 */

import { z } from 'zod';
import { ChengzhenError, formatPath, type ChengzhenIssue } from '../errors.js';
import { forRegion, isPerRegion, regionScheduleValues, unknownByRegionIssues, type PerRegion } from './regionValues.js';
import { ScheduleSchema, ShareScheduleSchema, type Schedule, type ScheduleRange } from './schedule.js';
import { SERVICE_REGISTRY, type FieldRule, type ServiceSection } from './serviceRegistry.js';

/** The message of a value for every region or per region that is neither. */
const perRegionError = (what: string) => ({ error: `must be ${what} for every region, or { byRegion: { <region id>: ... }, default: ... }` });
const perRegionNumber = z.union(
  [z.number().min(0), z.strictObject({ byRegion: z.record(z.string(), z.number().min(0)), default: z.number().min(0).optional() })],
  perRegionError('a number >= 0'),
);
const perRegionSchedule = z.union(
  [ScheduleSchema, z.strictObject({ byRegion: z.record(z.string(), ScheduleSchema), default: ScheduleSchema.optional() })],
  perRegionError('a schedule (a number, { linear }, { points } or { formula })'),
);
/** A share (0-1) schedule for all regions or per region: a plain number out of [0, 1] fails when parsed. */
const perRegionShareSchedule = z.union(
  [ShareScheduleSchema, z.strictObject({ byRegion: z.record(z.string(), ShareScheduleSchema), default: ShareScheduleSchema.optional() })],
  perRegionError('a share schedule (a number in [0, 1], { linear }, { points } or { formula })'),
);

/**
 * A capacity stock: `capacity[y] = capacity[y-1] * (1 + growthRate[y] - retirementRate[y]) +
 * additionsPerYear[y]`, starting from `initial` at the end of the base year. Counted in the
 * service's unit (places, beds or units, doctors, clinics, beds).
 *
 * @example
 * CapacityStockSchema.parse({ initial: 4_000_000, additionsPerYear: 80_000 }).retirementRate
 * // => 0
 */
export const CapacityStockSchema = z.strictObject({
  initial: z
    .union([perRegionNumber, z.literal('matchDemand')], { error: 'must be a number >= 0, { byRegion: { <region id>: ... }, default: ... } or "matchDemand"' })
    .describe('Capacity at the end of the base year, in the service\'s unit; "matchDemand" sets it equal to the base year\'s demand (when the stock is not known, so that shortfalls measure whether additions keep up with demand)'),
  additionsPerYear: perRegionSchedule.default(0).describe('Planned additions during each year, in the service\'s unit, >= 0'),
  growthRate: perRegionSchedule.default(0).describe('Growth of the stock each year as a share of it (e.g. a doctor workforce growing 3 % a year); 1 + growthRate - retirementRate must stay >= 0'),
  retirementRate: perRegionShareSchedule.default(0).describe('Share of the stock retired each year, 0-1'),
});
/** A parsed capacity stock (defaults filled in). */
export type CapacityStock = z.infer<typeof CapacityStockSchema>;

type Refinement = (value: Record<string, unknown>, ctx: z.RefinementCtx) => void;

/** What is wrong with `value` under `rule`, as a fragment without the path, or undefined. */
function ruleProblem(rule: FieldRule, value: Record<string, unknown>): { text: string; received: string } | undefined {
  const [a, b] = rule.fields;
  const hasA = value[a] !== undefined;
  const hasB = value[b] !== undefined;
  if (rule.kind === 'exactlyOne' && hasA === hasB) return { text: `needs exactly one of ${a} and ${b}, received ${hasA ? 'both' : 'neither'}`, received: hasA ? 'both' : 'neither' };
  if (rule.kind === 'bothOrNeither' && hasA !== hasB) return { text: `needs both ${a} and ${b} or neither, received only ${hasA ? a : b}`, received: `only ${hasA ? a : b}` };
  return undefined;
}

function refine(...rules: FieldRule[]): Refinement {
  return (value, ctx) => {
    for (const rule of rules) {
      const problem = ruleProblem(rule, value);
      if (problem) ctx.addIssue({ code: 'custom', path: [], message: problem.text, input: value });
    }
  };
}

/** The two-field rules of each service, by service name. */
const SERVICE_RULES: Readonly<Record<string, readonly FieldRule[]>> = Object.fromEntries(SERVICE_REGISTRY.map((entry) => [entry.section, entry.rules]));

/**
 * Compulsory school places (义务教育学位, ages 6-14). Urban demand: urban hukou children +
 * migrant children x `migrantChildrenPublicSchoolShare`, against `urbanPlaces`; rural children
 * count against `ruralPlaces` when given (and are left out when not).
 *
 * @example
 * SchoolPlacesSchema.parse({ migrantChildrenPublicSchoolShare: 0.85, urbanPlaces: { initial: 1e6 } }).urbanPlaces.additionsPerYear
 * // => 0
 */
export const SchoolPlacesSchema = z.strictObject({
  migrantChildrenPublicSchoolShare: perRegionShareSchedule.describe('Share of migrant children aged 6-14 served in local public schools (or subsidised places), 0-1'),
  urbanPlaces: CapacityStockSchema.describe('Urban compulsory school places'),
  ruralPlaces: CapacityStockSchema.optional().describe('Rural compulsory school places (rural children count against these)'),
});

/**
 * Compulsory-school teachers (义务教育专任教师) that follow the resident children: all children
 * aged 6-14 / `pupilsPerTeacher`, against the teachers there are (国发〔2024〕17号: 依据常住人口规模
 * 变化动态调整教师).
 *
 * @example
 * TeachersSchema.parse({ pupilsPerTeacher: 16.7, teachers: { initial: 'matchDemand' } }).teachers.retirementRate
 * // => 0
 */
export const TeachersSchema = z.strictObject({
  pupilsPerTeacher: perRegionSchedule.describe('Pupils aged 6-14 per full-time teacher the staffing standard allows (primary 19, junior secondary 13.5 in the national standard), > 0'),
  teachers: CapacityStockSchema.describe('Full-time compulsory-school teachers'),
});

/**
 * Inclusive preschool places (普惠性学前教育学位, ages 3-5): all children 3-5 x
 * `inclusiveCoverageShare` (Shandong: 85 %). With `otherPlaces`, the places of kindergartens
 * that are not inclusive (非普惠性), against the rest of the children; the inclusive share of
 * enrolment (学前教育普惠率) is then judged from both stocks.
 *
 * @example
 * PreschoolPlacesSchema.parse({ inclusiveCoverageShare: 0.85, places: { initial: 1e6 } }).inclusiveCoverageShare
 * // => 0.85
 */
export const PreschoolPlacesSchema = z.strictObject({
  inclusiveCoverageShare: perRegionShareSchedule.describe('Share of children aged 3-5 to be covered by inclusive (普惠性) kindergartens, 0-1'),
  places: CapacityStockSchema.describe('Places in inclusive (普惠性) kindergartens'),
  otherPlaces: CapacityStockSchema.optional().describe('Places in kindergartens that are not inclusive (非普惠性); demand: children aged 3-5 x (1 - inclusiveCoverageShare)'),
});

/**
 * Childcare places (托位, for children 0-2): `placesPer1000Residents` x residents / 1000
 * (Shandong: 3.1), or a number of places `placesTarget` (Zhejiang: 100,000 in 2023); exactly
 * one of the two.
 *
 * @example
 * ChildcarePlacesSchema.safeParse({ placesPer1000Residents: 3.1, placesTarget: 1e5, places: { initial: 0 } }).success
 * // => false
 */
export const ChildcarePlacesSchema = z
  .strictObject({
    placesPer1000Residents: perRegionSchedule.optional().describe('Standard in childcare places (ages 0-2) per 1000 residents, e.g. 3.1'),
    placesTarget: perRegionSchedule.optional().describe('Or a number of places the plan sets'),
    places: CapacityStockSchema,
  })
  .superRefine(refine(...SERVICE_RULES.childcarePlaces));

/**
 * Affordable rental housing (保障性租赁住房): migrants aged 16-59 x
 * `shareOfWorkingAgeMigrantsInNeed` / `personsPerUnit`, in beds (Shanghai's builder beds) or
 * units (Zhejiang).
 *
 * @example
 * RentalHousingSchema.parse({ unit: 'beds', shareOfWorkingAgeMigrantsInNeed: 0.1, capacity: { initial: 0 } }).personsPerUnit
 * // => 1
 */
export const RentalHousingSchema = z.strictObject({
  unit: z.enum(['beds', 'units']).describe('Shanghai counts beds for city builders; Zhejiang counts units'),
  shareOfWorkingAgeMigrantsInNeed: perRegionShareSchedule.describe('Share of migrants aged 16-59 who need affordable rental housing, 0-1'),
  personsPerUnit: perRegionSchedule.default(1).describe('Persons housed per bed or unit (1 for beds), > 0'),
  capacity: CapacityStockSchema,
});

/**
 * Health care: doctors (`doctorsPer1000Residents` x residents / 1000, Shandong and Shanghai
 * 3.6) against a doctor workforce, and optionally primary clinics (residents /
 * `residentsPerClinic`) against a clinic stock; the clinic standard and stock come together.
 *
 * @example
 * HealthCareSchema.safeParse({ doctorsPer1000Residents: 3.6, doctors: { initial: 0 }, residentsPerClinic: 2000 }).success
 * // => false
 */
export const HealthCareSchema = z
  .strictObject({
    doctorsPer1000Residents: perRegionSchedule.describe('Standard in licensed (assistant) doctors per 1000 residents, e.g. 3.6'),
    doctors: CapacityStockSchema.describe('Doctor workforce'),
    residentsPerClinic: perRegionSchedule.optional().describe('Residents one primary clinic serves, > 0'),
    clinics: CapacityStockSchema.optional().describe('Primary clinics'),
  })
  .superRefine(refine(...SERVICE_RULES.healthCare));

/**
 * Elderly care beds (养老床位): older residents (60+ or 65+) x `bedsPer1000Older` / 1000, or a
 * number of beds `bedsTarget` (Shanghai: 178,000 by 2025); exactly one of the two. Nursing
 * beds (护理型床位) are a second figure when `nursingBedShare` (Shanghai 60 %, Shandong 55 %)
 * and the `nursingBeds` stock are both given: demand = `nursingBedShare` x bed demand.
 *
 * @example
 * ElderlyCareSchema.parse({ bedsTarget: 178_000, beds: { initial: 150_000 } }).olderAgeFrom
 * // => 60
 */
export const ElderlyCareSchema = z
  .strictObject({
    olderAgeFrom: z.union([z.literal(60), z.literal(65)]).default(60).describe('Older residents are those aged 60+ or 65+'),
    bedsPer1000Older: perRegionSchedule.optional().describe('Standard in beds per 1000 older residents'),
    bedsTarget: perRegionSchedule.optional().describe('Or a number of beds the plan sets (e.g. Shanghai 178,000 by 2025)'),
    nursingBedShare: perRegionShareSchedule.optional().describe('Share of the beds needed that must be nursing beds (护理型床位), 0-1; needs nursingBeds'),
    beds: CapacityStockSchema.describe('Elderly care beds, nursing beds included'),
    nursingBeds: CapacityStockSchema.optional().describe('Nursing beds (a part of beds); needs nursingBedShare'),
  })
  .superRefine(refine(...SERVICE_RULES.elderlyCare));

/**
 * The schema of each section of the service registry: a section without its schema, or a schema
 * without its registry entry, does not compile.
 */
const SECTION_SCHEMAS = {
  schoolPlaces: SchoolPlacesSchema,
  teachers: TeachersSchema,
  preschoolPlaces: PreschoolPlacesSchema,
  childcarePlaces: ChildcarePlacesSchema,
  rentalHousing: RentalHousingSchema,
  healthCare: HealthCareSchema,
  elderlyCare: ElderlyCareSchema,
} as const satisfies Record<ServiceSection, z.ZodType>;

/** Each section's schema, optional, in registry order. */
function optionalSections(): { [S in ServiceSection]: z.ZodOptional<(typeof SECTION_SCHEMAS)[S]> } {
  // Object.fromEntries loses the keys' types; the registry's sections are exactly the keys of SECTION_SCHEMAS
  return Object.fromEntries(SERVICE_REGISTRY.map((entry) => [entry.section, SECTION_SCHEMAS[entry.section].optional()])) as { [S in ServiceSection]: z.ZodOptional<(typeof SECTION_SCHEMAS)[S]> };
}

/**
 * The services of a scenario; each is optional.
 *
 * @example
 * ServicesSchema.parse({ healthCare: { doctorsPer1000Residents: 3.6, doctors: { initial: 1e5, growthRate: 0.03 } } }).healthCare?.doctors.growthRate
 * // => 0.03
 */
export const ServicesSchema = z.strictObject({
  ...optionalSections(),
  closeShortfallBy: z.number().int().optional().describe('Year by which the additions still needed should close each shortfall, from the base year to the end year (default: the end year)'),
});
/** The parsed services of a scenario (defaults filled in). */
export type Services = z.infer<typeof ServicesSchema>;

/**
 * The two-field rules of {@link ServicesSchema} checked on services that did not come through
 * it (built in code): exactly one standard for childcare and for elderly care beds, both or
 * neither of a clinic standard and stock, of a nursing bed share and stock.
 *
 * @example
 * serviceFieldIssues({ childcarePlaces: { places: { initial: 0, additionsPerYear: 0, growthRate: 0, retirementRate: 0 } } })[0].message
 * // => 'services.childcarePlaces needs exactly one of placesPer1000Residents and placesTarget, received neither'
 */
export function serviceFieldIssues(services: Services): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  for (const [name, rules] of Object.entries(SERVICE_RULES)) {
    const value = services[name as keyof Services] as Record<string, unknown> | undefined;
    if (value === undefined) continue;
    for (const rule of rules) {
      const problem = ruleProblem(rule, value);
      if (!problem) continue;
      const path = ['services', name];
      issues.push({ code: 'invalid_value', path, message: `${formatPath(path)} ${problem.text}`, expected: rule.kind === 'exactlyOne' ? `one of ${rule.fields.join(', ')}` : `both ${rule.fields.join(' and ')} or neither`, received: problem.received });
    }
  }
  return issues;
}

/**
 * Problems of the services that need the rest of the scenario, found when it is parsed: a
 * `byRegion` naming a region the scenario does not have, and a `closeShortfallBy` outside the
 * projected years (base year to end year). Each names its path.
 *
 * @example
 * serviceScenarioIssues({ closeShortfallBy: 2040 }, ['china'], 2023, 2035)[0].message
 * // => 'services.closeShortfallBy must be a projected year in [2023, 2035], received 2040'
 */
export function serviceScenarioIssues(services: unknown, regionIds: readonly string[], baseYear: number, endYear: number): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  if (typeof services !== 'object' || services === null) return issues;
  const by = (services as { closeShortfallBy?: number }).closeShortfallBy;
  if (by !== undefined && (by < baseYear || by > endYear)) {
    issues.push({ code: 'out_of_range', path: ['services', 'closeShortfallBy'], message: `services.closeShortfallBy must be a projected year in [${baseYear}, ${endYear}], received ${by}`, expected: `[${baseYear}, ${endYear}]`, received: String(by) });
  }
  issues.push(...unknownByRegionIssues(services, ['services'], regionIds));
  if (issues.length === 0) issues.push(...serviceValueIssues(services as Services, regionIds, baseYear, endYear));
  return issues;
}

const SHARE: ScheduleRange = { min: 0, max: 1 };
const NON_NEGATIVE: ScheduleRange = { min: 0, max: Infinity };
const GROWTH: ScheduleRange = { min: -1, max: 10 };

/**
 * The schedules of each service section with the values they may take in every year, and the
 * capacity stocks it holds. Computing the services reads them with the same ranges; here they
 * are checked when the scenario is parsed, for every region and year at once.
 */
const SECTION_VALUES: Readonly<Record<string, { schedules: Readonly<Record<string, ScheduleRange>>; stocks: readonly string[] }>> = Object.fromEntries(
  SERVICE_REGISTRY.map((entry) => [entry.section, { schedules: entry.schedules, stocks: entry.stocks.map((stock) => stock.field) }]),
);

/**
 * Every service schedule and stock for every region over the years the services cover (the
 * base year to the end year): standards and stock parameters in their ranges, a value for
 * each region (`byRegion` or `default`), and stocks that never lose more than all of
 * themselves (`1 + growthRate - retirementRate >= 0`). Each problem once, with its path.
 *
 * @example
 * serviceValueIssues({ healthCare: { doctorsPer1000Residents: 3.6, doctors: { initial: 10, additionsPerYear: 0, growthRate: 0, retirementRate: { linear: { from: [2024, 0.5], to: [2026, 1.5] } } } } }, ['a'], 2023, 2026)[0].path
 * // => ['services', 'healthCare', 'doctors', 'retirementRate']
 */
export function serviceValueIssues(services: Services, regionIds: readonly string[], baseYear: number, endYear: number): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  const seen = new Set<string>();
  const once = (error: ChengzhenError) => {
    for (const issue of error.issues) {
      const key = `${formatPath(issue.path)}|${issue.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        issues.push(issue);
      }
    }
  };
  const read = (value: PerRegion<Schedule>, id: string, path: (string | number)[], range: ScheduleRange): number[] | undefined => {
    try {
      return regionScheduleValues(value, id, path, baseYear, endYear, range);
    } catch (error) {
      if (!(error instanceof ChengzhenError)) throw error;
      once(error);
      return undefined;
    }
  };
  for (const [section, { schedules, stocks }] of Object.entries(SECTION_VALUES)) {
    const value = services[section as keyof Services] as Record<string, unknown> | undefined;
    if (typeof value !== 'object' || value === null) continue;
    const path = ['services', section];
    for (let i = 0; i < regionIds.length; i++) {
      const id = regionIds[i];
      // a value for all regions gives every region the problems of the first (the same paths
      // and messages, each reported once): it is read for the first region only
      const again = (field: unknown) => i > 0 && !isPerRegion(field as PerRegion<unknown>);
      for (const [field, range] of Object.entries(schedules)) {
        if (value[field] !== undefined && !again(value[field])) read(value[field] as PerRegion<Schedule>, id, [...path, field], range);
      }
      for (const field of stocks) {
        const stock = value[field] as CapacityStock | undefined;
        if (stock === undefined) continue;
        if (again(stock.initial) && again(stock.additionsPerYear) && again(stock.growthRate) && again(stock.retirementRate)) continue;
        const at = [...path, field];
        if (stock.initial !== 'matchDemand') {
          try {
            forRegion(stock.initial, id, [...at, 'initial']);
          } catch (error) {
            if (!(error instanceof ChengzhenError)) throw error;
            once(error);
          }
        }
        read(stock.additionsPerYear, id, [...at, 'additionsPerYear'], NON_NEGATIVE);
        const growth = read(stock.growthRate, id, [...at, 'growthRate'], GROWTH);
        const retirement = read(stock.retirementRate, id, [...at, 'retirementRate'], SHARE);
        if (growth === undefined || retirement === undefined) continue;
        for (let y = 1; y < growth.length; y++) {
          const f = 1 + growth[y] - retirement[y];
          if (f >= 0) continue;
          const year = baseYear + y;
          once(
            new ChengzhenError([
              {
                code: 'out_of_range',
                path: [...at, 'growthRate'],
                coords: { year, region: id },
                message: `${formatPath(at)}[year=${year}]: 1 + growthRate - retirementRate must be >= 0 (a stock cannot lose more than all of itself), received 1 + ${growth[y]} - ${retirement[y]} = ${f}`,
                expected: '1 + growthRate - retirementRate >= 0',
                received: String(f),
              },
            ]),
          );
          break;
        }
      }
    }
  }
  return issues;
}
