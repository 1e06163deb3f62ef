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
import { SERVICE_LEVERS, type LeverInfo, type ServiceLeverPath } from '../schema/serviceRegistry.js';
import { asIndicatorKey } from '../model/indicatorTable.js';

/** The levers of the population: migration, hukou conversion, fertility and mortality. */
const POPULATION_LEVERS = {
  'migration.ruralToUrbanRate': { min: 0, max: 1, unit: 'share of rural residents per year', description: 'rural-to-urban migration level' },
  'migration.reclassificationRate': { min: 0, max: 1, unit: 'share of rural residents per year', description: 'in-situ urbanisation (reclassification) level' },
  'migration.returnRate': { min: 0, max: 1, unit: 'share of migrants per year', description: 'return migration level' },
  'migration.externalNetMigrants': { min: -1e8, max: 1e8, unit: 'persons per year', description: 'net migrants from outside the regions modelled' },
  'hukou.conversionRate': { min: 0, max: 1, unit: 'share of migrants per year', description: 'hukou conversion level' },
  'demography.fertility.tfr': { min: 0, max: 10, unit: 'births per woman', description: 'total fertility rate' },
  'demography.fertility.tfrScale': { min: 0, max: 10, unit: 'factor on the TFR', description: 'fertility level relative to the TFR given' },
  'demography.mortality.mxScale': { min: 0.01, max: 10, unit: 'factor on death rates', description: 'mortality level' },
} as const satisfies Record<string, LeverInfo>;

/**
 * The levers, by path, with the range their values may take, their unit and what they are:
 * the population levers, then the services' (from the service registry).
 *
 * @example
 * LEVERS['hukou.conversionRate'].unit
 * // => 'share of migrants per year'
 */
export const LEVERS: Readonly<Record<keyof typeof POPULATION_LEVERS | ServiceLeverPath, LeverInfo>> = deepFreeze({ ...POPULATION_LEVERS, ...SERVICE_LEVERS });

/** The path of a lever in the scenario. */
export type LeverPath = keyof typeof LEVERS;

/** A dotted path as the tuple of its parts: `'a.b.c'` -> `['a', 'b', 'c']`. */
type PathParts<P extends string> = P extends `${infer Head}.${infer Tail}` ? [Head, ...PathParts<Tail>] : [P];

/** The type at `parts` inside `T`, through optional fields; `never` when a part is not a field. */
type ValueAtParts<T, Parts extends readonly string[]> = Parts extends readonly [infer Head extends string, ...infer Rest extends string[]]
  ? Head extends keyof NonNullable<T>
    ? ValueAtParts<NonNullable<T>[Head], Rest>
    : never
  : T;

/**
 * What a parsed scenario holds at a lever's path: a schedule, per region or not (or, for
 * `demography.fertility.tfr`, a data choice). A lever path that names no field of the scenario
 * gives `never`, which {@link LEVERS} may not hold (checked below at compile time).
 */
export type LeverValue<P extends LeverPath> = ValueAtParts<Scenario, PathParts<P>>;

/** The lever paths that name no field of the scenario: none, or this file does not compile. */
type UnknownLeverPaths = { [P in LeverPath]: [LeverValue<P>] extends [never] ? P : never }[LeverPath];
const EVERY_LEVER_IS_IN_THE_SCENARIO: [UnknownLeverPaths] extends [never] ? true : UnknownLeverPaths = true;
void EVERY_LEVER_IS_IN_THE_SCENARIO;

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

function leverError(path: string, message: string): ChengzhenError {
  return new ChengzhenError([{ code: 'invalid_value', path: path.split('.'), message: `lever ${path} ${message}`, received: path }]);
}

/** A section of a scenario (a plain object), read without knowing its fields. */
function isSection(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What `root` holds at `parts`, or the first part that is not a section on the way. */
function valueAtPath(root: unknown, parts: readonly string[]): { value: unknown } | { missing: string } {
  let at = root;
  for (const part of parts.slice(0, -1)) {
    const next = isSection(at) ? at[part] : undefined;
    if (!isSection(next)) return { missing: part };
    at = next;
  }
  return { value: isSection(at) ? at[parts[parts.length - 1]] : undefined };
}

/**
 * A copy of `root` with `value` at `parts`: fresh objects along the path and every other object
 * shared, so that what compiles from the shared parts (base populations, age profiles) is found
 * again by identity.
 */
function withValueAtPath(root: Readonly<Record<string, unknown>>, parts: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = parts;
  if (rest.length === 0) return { ...root, [head]: value };
  const child = root[head];
  return { ...root, [head]: withValueAtPath(isSection(child) ? child : {}, rest, value) };
}

/**
 * The value a scenario holds at a lever's path, typed by the path.
 *
 * @throws {ChengzhenError} when the path is not a lever (a path read at run time), or the
 *   scenario does not set it.
 */
function leverValue<P extends LeverPath>(scenario: Scenario, path: P): NonNullable<LeverValue<P>> {
  if (!Object.hasOwn(LEVERS, path)) {
    throw leverError(path, `is not a lever; levers are ${Object.keys(LEVERS).join(', ')}`);
  }
  const found = valueAtPath(scenario, path.split('.'));
  if ('missing' in found) throw leverError(path, `is not in this scenario (no ${found.missing})`);
  if (found.value === undefined) throw leverError(path, 'is not set in this scenario');
  // the path is a lever, whose type at that path LeverValue<P> names (checked at compile time)
  return found.value as NonNullable<LeverValue<P>>;
}

/** A copy of the scenario with the lever's path set to `value` (see {@link withValueAtPath}). */
function withLeverValue<P extends LeverPath>(scenario: Scenario, path: P, value: LeverValue<P>): Scenario {
  // a scenario with one schedule replaced by another of the type its path holds
  return withValueAtPath(scenario, path.split('.'), value) as Scenario;
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
  const value = leverValue(scenario, lever.path);
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
  const value = leverValue(scenario, lever.path);
  if (!isPerRegion(value)) return null;
  const schedules = Object.values(value.byRegion);
  if (value.default !== undefined) schedules.push(value.default);
  return schedules;
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
  const value = leverValue(scenario, lever.path);
  const mode = leverMode(scenario, lever);
  if (lever.region === undefined && isPerRegion(value)) {
    // every region: one value for all of them, or each region's schedule times the factor
    const every =
      mode === 'value'
        ? x
        : {
            byRegion: Object.fromEntries(Object.entries(value.byRegion).map(([region, schedule]) => [region, scaleSchedule(schedule, x)])),
            ...(value.default === undefined ? {} : { default: scaleSchedule(value.default, x) }),
          };
    return markLeverCopyParsed(withLeverValue(scenario, lever.path, every));
  }
  const current = leverSchedule(scenario, lever);
  const next: Schedule = mode === 'value' ? x : scaleSchedule(current, x);
  if (lever.region === undefined) return markLeverCopyParsed(withLeverValue(scenario, lever.path, next));
  const perRegion = isPerRegion(value) ? { ...value, byRegion: { ...value.byRegion, [lever.region]: next } } : { byRegion: { [lever.region]: next }, default: current };
  return markLeverCopyParsed(withLeverValue(scenario, lever.path, perRegion));
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

/** Where each capacity stock's `initial` sits in a scenario, and the service it measures. */
const STOCKS: [string[], string][] = SERVICES.map((s) => [[...s.stockPath.split('.'), 'initial'], s.key]);

/**
 * A copy of the scenario whose `initial: 'matchDemand'` stocks are replaced by the base-year
 * demand they stand for (per region), so that a solver moving a lever that changes the
 * base-year demand (the share of migrant children in public schools, say) does not move the
 * stock it is compared with. Solvers and simulations call it before they start.
 *
 * @example
 * const scenario = parseScenario(getPreset('zhejiang-2023').scenario);   // its urban school places start at 'matchDemand'
 * fixMatchedStocks(scenario).services?.schoolPlaces?.urbanPlaces.initial
 * // => { byRegion: { zhejiang: 3575240.7 } }
 */
export function fixMatchedStocks(input: Scenario | ScenarioInput): Scenario {
  const scenario = parseScenario(input);
  const matched = STOCKS.filter(([parts]) => {
    const found = valueAtPath(scenario, parts);
    return 'value' in found && found.value === 'matchDemand';
  });
  if (matched.length === 0) return scenario;
  const base = project(scenario);
  let copy: Readonly<Record<string, unknown>> = scenario;
  for (const [parts, key] of matched) {
    const byRegion = Object.fromEntries(base.regions.map((region) => [region, base.indicator(asIndicatorKey(`${key}.capacity`), { region }).values[0]]));
    copy = withValueAtPath(copy, parts, { byRegion });
  }
  return parseScenario(copy);
}
