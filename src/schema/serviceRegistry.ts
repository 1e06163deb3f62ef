/**
 * The one registry of public services. Each entry is a section of a scenario's `services`
 * (`schoolPlaces`, `healthCare` ...) with what every other part of the library derives from it:
 * - the schedules it reads and the values they may take (checked when a scenario is parsed),
 *   and the rules between two of its fields;
 * - its capacity stocks, each a service of the indicator table (`schoolPlaces`, `clinics` ...)
 *   with its unit and labels, so the stock paths, the indicator rows (`service.figure`) and the
 *   scorecard's adequacy verdicts come from here;
 * - its levers (the parts a solver may move), with their ranges;
 * - the highest single age it counts (the projection's open age group must lie above it).
 *
 * Adding a service is one entry here, its zod schema in `services.ts` and its formula (demand
 * from the projected population) in `model/services/computeServices.ts`, which the compiler
 * asks for: the formulas are a record over the registry's sections.
 */

import { deepFreeze } from '../deepFreeze.js';
import type { ScheduleRange } from './schedule.js';

/** A rule between two fields of one service section. */
export interface FieldRule {
  kind: 'exactlyOne' | 'bothOrNeither';
  fields: readonly [string, string];
}

/** The unit a service's demand and capacity are counted in. */
export type ServiceUnit = 'places' | 'beds or units' | 'doctors' | 'teachers' | 'clinics' | 'beds';

/** A capacity stock of a section: a service of its own in the indicator table. */
export interface ServiceStockEntry {
  /** The stock's field in the section (`urbanPlaces`). */
  field: string;
  /** The service key of its indicators (`schoolPlaces`, giving `schoolPlaces.shortfall` ...). */
  service: string;
  unit: ServiceUnit;
  labelEn: string;
  labelZh: string;
}

/** A lever of a section: a path below the section, with the range a solver may search. */
export interface ServiceLeverEntry {
  /** Below the section: `urbanPlaces.additionsPerYear`, `migrantChildrenPublicSchoolShare`. */
  path: string;
  min: number;
  max: number;
  unit: string;
  description: string;
}

/** One section of `services` in a scenario. */
export interface ServiceSectionEntry {
  section: string;
  /** Each schedule the section reads, with the values it may take in every year and region. */
  schedules: Readonly<Record<string, ScheduleRange>>;
  /** Rules between two fields (exactly one of two standards, a standard and its stock together). */
  rules: readonly FieldRule[];
  /** Its capacity stocks, in indicator table order. */
  stocks: readonly ServiceStockEntry[];
  /** Its levers, in the order of `LEVERS`. */
  levers: readonly ServiceLeverEntry[];
  /** The highest single age the section counts (its open-ended ages aside), when it counts ages. */
  lastSingleAge?: number;
}

const SHARE: ScheduleRange = { min: 0, max: 1 };
const NON_NEGATIVE: ScheduleRange = { min: 0, max: Infinity };
const POSITIVE: ScheduleRange = { min: 0, max: Infinity, exclusiveMin: true };

/** The lever of a stock's additions, its path typed as a literal. */
const added = <F extends string>(field: F, max: number, unit: string, description: string) => ({ path: `${field}.additionsPerYear` as const, min: 0, max, unit, description });

/**
 * The services, section by section, in the order of the indicator table.
 *
 * @example
 * SERVICE_REGISTRY.flatMap((s) => s.stocks.map((stock) => stock.service)).slice(0, 4)
 * // => ['schoolPlaces', 'ruralSchoolPlaces', 'teachers', 'preschoolPlaces']
 */
export const SERVICE_REGISTRY = deepFreeze([
  {
    section: 'schoolPlaces',
    schedules: { migrantChildrenPublicSchoolShare: SHARE },
    rules: [],
    stocks: [
      { field: 'urbanPlaces', service: 'schoolPlaces', unit: 'places', labelEn: 'Urban compulsory school places (ages 6-14)', labelZh: '城镇义务教育学位' },
      { field: 'ruralPlaces', service: 'ruralSchoolPlaces', unit: 'places', labelEn: 'Rural compulsory school places (ages 6-14)', labelZh: '乡村义务教育学位' },
    ],
    levers: [
      added('urbanPlaces', 1e9, 'places per year', 'urban school places added each year'),
      added('ruralPlaces', 1e9, 'places per year', 'rural school places added each year'),
      { path: 'migrantChildrenPublicSchoolShare', min: 0, max: 1, unit: 'share (0-1)', description: 'share of migrant children in public schools' },
    ],
    lastSingleAge: 14,
  },
  {
    section: 'teachers',
    schedules: { pupilsPerTeacher: POSITIVE },
    rules: [],
    stocks: [{ field: 'teachers', service: 'teachers', unit: 'teachers', labelEn: 'Compulsory-school teachers (pupils aged 6-14)', labelZh: '义务教育专任教师' }],
    levers: [added('teachers', 1e8, 'teachers per year', 'compulsory-school teachers added each year')],
    lastSingleAge: 14,
  },
  {
    section: 'preschoolPlaces',
    schedules: { inclusiveCoverageShare: SHARE },
    rules: [],
    stocks: [
      { field: 'places', service: 'preschoolPlaces', unit: 'places', labelEn: 'Inclusive preschool places (ages 3-5)', labelZh: '普惠性学前教育学位' },
      { field: 'otherPlaces', service: 'otherPreschoolPlaces', unit: 'places', labelEn: 'Other (non-inclusive) preschool places (ages 3-5)', labelZh: '非普惠性学前教育学位' },
    ],
    levers: [added('places', 1e9, 'places per year', 'preschool places added each year')],
    lastSingleAge: 5,
  },
  {
    section: 'childcarePlaces',
    schedules: { placesPer1000Residents: NON_NEGATIVE, placesTarget: NON_NEGATIVE },
    rules: [{ kind: 'exactlyOne', fields: ['placesPer1000Residents', 'placesTarget'] }],
    stocks: [{ field: 'places', service: 'childcarePlaces', unit: 'places', labelEn: 'Childcare places (ages 0-2)', labelZh: '托位' }],
    levers: [added('places', 1e9, 'places per year', 'childcare places added each year')],
    lastSingleAge: 2,
  },
  {
    section: 'rentalHousing',
    schedules: { shareOfWorkingAgeMigrantsInNeed: SHARE, personsPerUnit: POSITIVE },
    rules: [],
    stocks: [{ field: 'capacity', service: 'rentalHousing', unit: 'beds or units', labelEn: 'Affordable rental housing', labelZh: '保障性租赁住房' }],
    levers: [added('capacity', 1e9, 'beds or units per year', 'affordable rental housing added each year')],
    lastSingleAge: 59,
  },
  {
    section: 'healthCare',
    schedules: { doctorsPer1000Residents: NON_NEGATIVE, residentsPerClinic: POSITIVE },
    rules: [{ kind: 'bothOrNeither', fields: ['residentsPerClinic', 'clinics'] }],
    stocks: [
      { field: 'doctors', service: 'doctors', unit: 'doctors', labelEn: 'Licensed (assistant) doctors', labelZh: '执业（助理）医师' },
      { field: 'clinics', service: 'clinics', unit: 'clinics', labelEn: 'Primary clinics', labelZh: '基层医疗卫生机构' },
    ],
    levers: [
      added('doctors', 1e8, 'doctors per year', 'doctors added each year'),
      { path: 'doctors.growthRate', min: -0.5, max: 1, unit: 'share per year', description: 'growth of the doctor workforce' },
    ],
  },
  {
    section: 'elderlyCare',
    schedules: { bedsPer1000Older: NON_NEGATIVE, bedsTarget: NON_NEGATIVE, nursingBedShare: SHARE },
    rules: [
      { kind: 'exactlyOne', fields: ['bedsPer1000Older', 'bedsTarget'] },
      { kind: 'bothOrNeither', fields: ['nursingBedShare', 'nursingBeds'] },
    ],
    stocks: [
      { field: 'beds', service: 'elderlyCareBeds', unit: 'beds', labelEn: 'Elderly care beds', labelZh: '养老床位' },
      { field: 'nursingBeds', service: 'nursingBeds', unit: 'beds', labelEn: 'Nursing beds in elderly care', labelZh: '护理型床位' },
    ],
    levers: [added('beds', 1e9, 'beds per year', 'elderly care beds added each year')],
  },
] as const satisfies readonly ServiceSectionEntry[]);

/** A section of `services` in a scenario, one of {@link SERVICE_REGISTRY}. */
export type ServiceSection = (typeof SERVICE_REGISTRY)[number]['section'];

/** The service keys of the registry's stocks (`schoolPlaces`, `clinics` ...). */
export type RegistryServiceKey = (typeof SERVICE_REGISTRY)[number]['stocks'][number]['service'];

/** What the services of a registry give: one row per stock, with the path of the stock in a scenario. */
export interface RegistryService {
  key: string;
  unit: ServiceUnit;
  labelEn: string;
  labelZh: string;
  stockPath: string;
}

/**
 * The services of a registry, one per capacity stock, in registry order, each with the path of
 * its stock in a scenario.
 *
 * @example
 * servicesOf([{ section: 'libraries', schedules: {}, rules: [], levers: [], stocks: [{ field: 'seats', service: 'librarySeats', unit: 'places', labelEn: 'Library seats', labelZh: '图书馆座位' }] }])[0].stockPath
 * // => 'services.libraries.seats'
 */
export function servicesOf(registry: readonly ServiceSectionEntry[]): RegistryService[] {
  return registry.flatMap((entry) => entry.stocks.map((stock) => ({ key: stock.service, unit: stock.unit, labelEn: stock.labelEn, labelZh: stock.labelZh, stockPath: `services.${entry.section}.${stock.field}` })));
}

/** A lever's range, unit and meaning. */
export interface LeverInfo {
  min: number;
  max: number;
  unit: string;
  description: string;
}

/**
 * The levers of a registry, keyed by their path in a scenario (`services.<section>.<path>`), in
 * registry order.
 *
 * @example
 * Object.keys(serviceLeversOf([{ section: 'libraries', schedules: {}, rules: [], stocks: [], levers: [{ path: 'seats.additionsPerYear', min: 0, max: 1e6, unit: 'places per year', description: 'library seats added each year' }] }]))
 * // => ['services.libraries.seats.additionsPerYear']
 */
export function serviceLeversOf(registry: readonly ServiceSectionEntry[]): Record<string, LeverInfo> {
  return Object.fromEntries(registry.flatMap((entry) => entry.levers.map(({ path, ...info }) => [`services.${entry.section}.${path}`, info])));
}

/** The lever paths the registry gives, as literal types (`services.schoolPlaces.urbanPlaces.additionsPerYear` ...). */
type LeverPathsOf<E> = E extends { readonly section: infer S extends string; readonly levers: readonly (infer L)[] } ? (L extends { readonly path: infer P extends string } ? `services.${S}.${P}` : never) : never;
export type ServiceLeverPath = LeverPathsOf<(typeof SERVICE_REGISTRY)[number]>;

/**
 * The levers of {@link SERVICE_REGISTRY}, keyed by their path in a scenario.
 *
 * @example
 * SERVICE_LEVERS['services.healthCare.doctors.growthRate'].min
 * // => -0.5
 */
export const SERVICE_LEVERS = deepFreeze(serviceLeversOf(SERVICE_REGISTRY) as Record<ServiceLeverPath, LeverInfo>);
