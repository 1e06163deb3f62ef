/**
 * The `base` of a scenario read with plain loops when every region's base is of the common
 * form, `{ population: { ageGroups: { starts, female, male } }, residentUrbanisationRate,
 * hukouUrbanisationRate }` with every number in its range: a scenario of thousands of regions
 * holds more than a hundred thousand such numbers, which the schema checks one by one at a
 * cost of microseconds each. The output is the schema's (the same objects, keys in the same
 * order, fresh arrays of the same numbers); anything else, or any value the schema would
 * refuse, returns null, and the schema reads the scenario and reports every problem.
 */

import { LIMITS } from '../limits.js';

type Numbers = number[];

/** A base of the common form, as the schema outputs it. */
interface AgeGroupsBase {
  population: { ageGroups: { starts: Numbers; female: Numbers; male: Numbers } };
  residentUrbanisationRate: number;
  hukouUrbanisationRate: number;
}

const AGES = LIMITS.maxAge + 1;

/** A plain object (as the schema's records and objects take them) with exactly `keys` as its own keys, in any order. */
function hasExactly(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const own = Reflect.ownKeys(value);
  if (own.length !== keys.length) return false;
  for (const key of keys) if (!Object.hasOwn(value, key) || !Object.prototype.propertyIsEnumerable.call(value, key)) return false;
  return true;
}

/** A copy of `value` when it is an array of at most `max` numbers in [min, limit] (whole when `whole`), else null. */
function numbers(value: unknown, min: number, limit: number, maxLength: number, whole: boolean): Numbers | null {
  if (!Array.isArray(value) || value.length > maxLength) return null;
  const n = value.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'number' || !(v >= min && v <= limit) || (whole && !Number.isInteger(v))) return null;
    out[i] = v;
  }
  return out;
}

function share(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 1;
}

/**
 * The parsed `base` when every region's base has the common form and valid numbers, else null.
 *
 * @example
 * baseRegionsFast({ town: { population: { ageGroups: { starts: [0, 65], female: [10, 2], male: [9, 1] } }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } })?.town.residentUrbanisationRate
 * // => 0.6
 * baseRegionsFast({ town: { population: { census2020: 'Zhejiang' }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } })
 * // => null
 */
export function baseRegionsFast(base: unknown): Record<string, AgeGroupsBase> | null {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return null;
  const proto = Object.getPrototypeOf(base);
  if (proto !== Object.prototype && proto !== null) return null;
  const ids = Reflect.ownKeys(base);
  const out: Record<string, AgeGroupsBase> = {};
  for (const id of ids) {
    if (typeof id !== 'string' || id === '__proto__' || !Object.prototype.propertyIsEnumerable.call(base, id)) return null;
    const entry: unknown = (base as Record<string, unknown>)[id];
    if (!hasExactly(entry, ['population', 'residentUrbanisationRate', 'hukouUrbanisationRate'])) return null;
    const population = entry.population;
    if (!hasExactly(population, ['ageGroups'])) return null;
    const groups = population.ageGroups;
    if (!hasExactly(groups, ['starts', 'female', 'male'])) return null;
    const starts = numbers(groups.starts, 0, LIMITS.maxAge, AGES, true);
    if (starts === null || starts.length < 2) return null;
    const female = numbers(groups.female, 0, LIMITS.maxCellPersons, AGES, false);
    const male = numbers(groups.male, 0, LIMITS.maxCellPersons, AGES, false);
    const resident = entry.residentUrbanisationRate;
    const hukou = entry.hukouUrbanisationRate;
    if (female === null || male === null || !share(resident) || !share(hukou)) return null;
    out[id] = { population: { ageGroups: { starts, female, male } }, residentUrbanisationRate: resident, hukouUrbanisationRate: hukou };
  }
  return out;
}
