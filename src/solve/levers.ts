/**
 * Levers: the parts of a scenario a solver may move, named by their path in the scenario.
 * A lever's schedule is multiplied by a factor (`scale`), or, when it is a plain number,
 * replaced by a value; either way for all regions, or for one region only.
 */

import { deepFreeze } from '../deepFreeze.js';
import { ChengzhenError } from '../errors.js';
import { scaleSchedule, scheduleFunction, type Schedule } from '../schema/schedule.js';
import { project } from '../model/project.js';
import { SERVICES } from '../model/services/serviceIndicators.js';
import { markLeverCopyParsed, parseScenario, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { asIndicatorKey } from '../model/indicatorTable.js';

/**
 * The levers, by path, with the range their values may take, their unit and what they are.
 *
 * @example
 * LEVERS['hukou.conversionRate'].unit
 * // => 'share of migrants per year'
 */
export const LEVERS = deepFreeze({
  'migration.ruralToUrbanRate': { min: 0, max: 1, unit: 'share of rural residents per year', description: 'rural-to-urban migration level' },
  'migration.reclassificationRate': { min: 0, max: 1, unit: 'share of rural residents per year', description: 'in-situ urbanisation (reclassification) level' },
  'migration.returnRate': { min: 0, max: 1, unit: 'share of migrants per year', description: 'return migration level' },
  'migration.externalNetMigrants': { min: -1e8, max: 1e8, unit: 'persons per year', description: 'net migrants from outside the regions modelled' },
  'hukou.conversionRate': { min: 0, max: 1, unit: 'share of migrants per year', description: 'hukou conversion level' },
  'demography.fertility.tfr': { min: 0, max: 10, unit: 'births per woman', description: 'total fertility rate' },
  'demography.fertility.tfrScale': { min: 0, max: 10, unit: 'factor on the TFR', description: 'fertility level relative to the TFR given' },
  'demography.mortality.mxScale': { min: 0.01, max: 10, unit: 'factor on death rates', description: 'mortality level' },
  'services.schoolPlaces.urbanPlaces.additionsPerYear': { min: 0, max: 1e9, unit: 'places per year', description: 'urban school places added each year' },
  'services.schoolPlaces.ruralPlaces.additionsPerYear': { min: 0, max: 1e9, unit: 'places per year', description: 'rural school places added each year' },
  'services.schoolPlaces.migrantChildrenPublicSchoolShare': { min: 0, max: 1, unit: 'share (0-1)', description: 'share of migrant children in public schools' },
  'services.teachers.teachers.additionsPerYear': { min: 0, max: 1e8, unit: 'teachers per year', description: 'compulsory-school teachers added each year' },
  'services.preschoolPlaces.places.additionsPerYear': { min: 0, max: 1e9, unit: 'places per year', description: 'preschool places added each year' },
  'services.childcarePlaces.places.additionsPerYear': { min: 0, max: 1e9, unit: 'places per year', description: 'childcare places added each year' },
  'services.rentalHousing.capacity.additionsPerYear': { min: 0, max: 1e9, unit: 'beds or units per year', description: 'affordable rental housing added each year' },
  'services.healthCare.doctors.additionsPerYear': { min: 0, max: 1e8, unit: 'doctors per year', description: 'doctors added each year' },
  'services.healthCare.doctors.growthRate': { min: -0.5, max: 1, unit: 'share per year', description: 'growth of the doctor workforce' },
  'services.elderlyCare.beds.additionsPerYear': { min: 0, max: 1e9, unit: 'beds per year', description: 'elderly care beds added each year' },
} as const);

/** The path of a lever in the scenario. */
export type LeverPath = keyof typeof LEVERS;

/** Which lever, for which region, and how it is moved. */
export interface LeverSpec {
  path: LeverPath;
  /**
   * Move the lever for this region only. Default: every region; a lever the scenario sets per
   * region (`byRegion`) then has each region's schedule (and its `default`) multiplied by the
   * same factor, or, with mode `value`, replaced by one value for all regions.
   */
  region?: string;
  /**
   * `value`: the lever becomes a constant (the solved value); `scale`: its schedule is
   * multiplied by the solved factor, keeping its shape over time. Default: `value` when the
   * lever is a plain number, `scale` otherwise.
   */
  mode?: 'value' | 'scale';
}

type Holder = Record<string, unknown>;

function leverError(path: string, message: string): ChengzhenError {
  return new ChengzhenError([{ code: 'invalid_value', path: path.split('.'), message: `lever ${path} ${message}`, received: path }]);
}

/** The object holding the lever and its key, in a scenario (or a clone of it). */
function locate(scenario: Scenario, path: string): { holder: Holder; key: string } {
  if (!Object.hasOwn(LEVERS, path)) {
    throw leverError(path, `is not a lever; levers are ${Object.keys(LEVERS).join(', ')}`);
  }
  const parts = path.split('.');
  let holder = scenario as unknown as Holder;
  for (const part of parts.slice(0, -1)) {
    const next = holder[part];
    if (typeof next !== 'object' || next === null) throw leverError(path, `is not in this scenario (no ${part})`);
    holder = next as Holder;
  }
  const key = parts[parts.length - 1];
  if (holder[key] === undefined) throw leverError(path, 'is not set in this scenario');
  return { holder, key };
}

function isPerRegion(value: unknown): value is { byRegion: Record<string, Schedule>; default?: Schedule } {
  return typeof value === 'object' && value !== null && 'byRegion' in value;
}

/**
 * The lever's current schedule (for one region when given).
 *
 * @throws {ChengzhenError} when the path is not a lever, is not set in the scenario, is a data
 *   choice (a string such as `'un-wpp2024'`), or is set per region and no region (or one
 *   without a value) is named.
 * @example
 * leverSchedule(parseScenario(getPreset('zhejiang-2023').scenario), { path: 'hukou.conversionRate' })
 * // => 0.065
 * leverSchedule(parseScenario(getPreset('zhejiang-2023').scenario), { path: 'demography.fertility.tfr' })
 * // => throws ChengzhenError: is the data choice "un-wpp2024", not a schedule a solver can move
 */
export function leverSchedule(input: Scenario | ScenarioInput, lever: LeverSpec): Schedule {
  const scenario = parseScenario(input);
  const { holder, key } = locate(scenario, lever.path);
  const value = holder[key] as Schedule | { byRegion: Record<string, Schedule>; default?: Schedule } | string;
  if (typeof value === 'string') {
    const hint = lever.path === 'demography.fertility.tfr' ? ': move demography.fertility.tfrScale instead' : '';
    throw leverError(lever.path, `is the data choice ${JSON.stringify(value)}, not a schedule a solver can move${hint}`);
  }
  if (!isPerRegion(value)) return value;
  if (lever.region === undefined) throw leverError(lever.path, 'is set per region: name the region to move');
  const own = Object.hasOwn(value.byRegion, lever.region) ? value.byRegion[lever.region] : value.default;
  if (own === undefined) throw leverError(lever.path, `has no value for region ${lever.region}`);
  return own;
}

/**
 * Whether the lever is moved by value or by scale: the lever's own `mode`, else `value` for a
 * plain number and `scale` for any other schedule.
 *
 * @throws {ChengzhenError} as {@link leverSchedule} does.
 * @example
 * leverMode(parseScenario(getPreset('zhejiang-2023').scenario), { path: 'hukou.conversionRate' })
 * // => 'value'
 */
export function leverMode(input: Scenario | ScenarioInput, lever: LeverSpec): 'value' | 'scale' {
  const scenario = parseScenario(input);
  if (lever.region === undefined) {
    const schedules = regionSchedules(scenario, lever);
    if (schedules !== null) return lever.mode ?? 'scale';
  }
  return lever.mode ?? (typeof leverSchedule(scenario, lever) === 'number' ? 'value' : 'scale');
}

/**
 * The schedules of a lever set per region (`byRegion`, and `default` when given) when no
 * region is named: moving it "for every region" moves each of them. Null for a lever set once.
 */
function regionSchedules(scenario: Scenario, lever: LeverSpec): Schedule[] | null {
  const { holder, key } = locate(scenario, lever.path);
  const value = holder[key];
  if (!isPerRegion(value)) return null;
  const schedules = Object.values(value.byRegion);
  if (value.default !== undefined) schedules.push(value.default);
  return schedules;
}

/**
 * A copy of a parsed (frozen) scenario with fresh objects along a lever's path and every other
 * object shared, so that what compiles from the shared parts (base populations, age profiles)
 * is found again by identity.
 */
function copyAlong(scenario: Scenario, path: string): Scenario {
  const copy = { ...scenario } as unknown as Holder;
  let from = scenario as unknown as Holder;
  let to = copy;
  for (const part of path.split('.').slice(0, -1)) {
    const next = from[part];
    if (typeof next !== 'object' || next === null) break;
    to[part] = { ...(next as Holder) };
    from = next as Holder;
    to = to[part] as Holder;
  }
  return copy as unknown as Scenario;
}

/**
 * A copy of the scenario with the lever set to `x` (a value or a factor, by its mode).
 *
 * @example
 * const scenario = parseScenario(getPreset('zhejiang-2023').scenario);
 * withLever(scenario, { path: 'hukou.conversionRate' }, 0.04).hukou.conversionRate
 * // => 0.04
 */
export function withLever(input: Scenario | ScenarioInput, lever: LeverSpec, x: number): Scenario {
  const scenario = parseScenario(input);
  const copy = copyAlong(scenario, lever.path);
  const { holder, key } = locate(copy, lever.path);
  const mode = leverMode(scenario, lever);
  if (lever.region === undefined) {
    const value = holder[key];
    if (isPerRegion(value)) {
      // every region: one value for all of them, or each region's schedule times the factor
      holder[key] =
        mode === 'value'
          ? x
          : {
              byRegion: Object.fromEntries(Object.entries(value.byRegion).map(([region, schedule]) => [region, scaleSchedule(schedule, x)])),
              ...(value.default === undefined ? {} : { default: scaleSchedule(value.default, x) }),
            };
      return markLeverCopyParsed(copy);
    }
  }
  const current = leverSchedule(scenario, lever);
  const next: Schedule = mode === 'value' ? x : scaleSchedule(current, x);
  if (lever.region === undefined) {
    holder[key] = next;
    return markLeverCopyParsed(copy);
  }
  const value = holder[key];
  if (isPerRegion(value)) holder[key] = { ...value, byRegion: { ...value.byRegion, [lever.region]: next } };
  else holder[key] = { byRegion: { [lever.region]: next }, default: value as Schedule };
  return markLeverCopyParsed(copy);
}

/** The largest factor a solver tries on a schedule. */
const MAX_FACTOR = 100;

/**
 * The range a lever's value (or factor) may take: the lever's range from {@link LEVERS} by
 * value; by scale, from 0 to the factor that brings the schedule's largest value over the
 * projected years to the top of that range (100 at most).
 *
 * @throws {ChengzhenError} as {@link leverSchedule} does, and by scale when the schedule is
 *   zero in every year.
 * @example
 * const scenario = parseScenario(getPreset('zhejiang-2023').scenario);
 * leverBounds(scenario, { path: 'hukou.conversionRate' })
 * // => [0, 1]
 * leverBounds(scenario, { path: 'hukou.conversionRate', mode: 'scale' })   // up to 1 / 0.065
 * // => [0, 15.38]
 */
export function leverBounds(input: Scenario | ScenarioInput, lever: LeverSpec): [number, number] {
  const scenario = parseScenario(input);
  const info = LEVERS[lever.path];
  if (leverMode(scenario, lever) === 'value') return [info.min, info.max];
  // a factor: from 0 up to what keeps the schedule's largest value (over every region moved)
  // within the lever's range
  const schedules = (lever.region === undefined ? regionSchedules(scenario, lever) : null) ?? [leverSchedule(scenario, lever)];
  let peak = 0;
  for (const schedule of schedules) {
    const fn = scheduleFunction(schedule, lever.path.split('.'));
    for (let year = scenario.baseYear + 1; year <= scenario.endYear; year++) peak = Math.max(peak, Math.abs(fn(year)));
  }
  if (peak === 0) throw leverError(lever.path, 'is zero in every year, so no factor moves it: solve for its value with mode "value"');
  return [0, Math.min(info.max / peak, MAX_FACTOR)];
}

/** Where each capacity stock sits in a scenario, and the service it measures. */
const STOCKS: [string[], string][] = SERVICES.map((s) => [s.stockPath.split('.').slice(1), s.key]);

/**
 * A copy of the scenario whose `initial: 'matchDemand'` stocks are replaced by the base-year
 * demand they stand for (per region), so that a solver moving a lever that changes the
 * base-year demand (the share of migrant children in public schools, say) does not move the
 * stock it is compared with. Solvers and simulations call it before they start.
 *
 * @example
 * const scenario = parseScenario(getPreset('zhejiang-2023').scenario);   // its urban school places start at 'matchDemand'
 * fixMatchedStocks(scenario).services?.schoolPlaces?.urbanPlaces.initial
 * // => { byRegion: { zhejiang: 3637627.1 } }
 */
export function fixMatchedStocks(input: Scenario | ScenarioInput): Scenario {
  const scenario = parseScenario(input);
  const services = scenario.services as Record<string, Record<string, { initial?: unknown }> | undefined> | undefined;
  if (!services) return scenario;
  const matched = STOCKS.filter(([[service, stock]]) => services[service]?.[stock]?.initial === 'matchDemand');
  if (matched.length === 0) return scenario;
  const base = project(scenario);
  const copy = structuredClone(scenario);
  const copied = copy.services as unknown as Record<string, Record<string, { initial: unknown }>>;
  for (const [[service, stock], key] of matched) {
    const byRegion = Object.fromEntries(base.regions.map((region) => [region, base.indicator(asIndicatorKey(`${key}.capacity`), { region }).values[0]]));
    copied[service][stock].initial = { byRegion };
  }
  return parseScenario(copy);
}
