/**
 * Values given for all regions at once or per region (`{ byRegion: { id: value }, default }`),
 * resolved for one region.
 */

import { ChengzhenError, formatPath, type ChengzhenIssue } from '../errors.js';
import { scheduleValues, type Schedule, type ScheduleRange } from './schedule.js';

/** A value for every region, or per region with an optional default. */
export type PerRegion<T> = T | { byRegion: Record<string, T>; default?: T };

/**
 * True for a value given per region (`{ byRegion, default }`).
 *
 * @example
 * [isPerRegion({ byRegion: { a: 1 } }), isPerRegion(0.02)]
 * // => [true, false]
 */
export function isPerRegion<T>(value: PerRegion<T>): value is { byRegion: Record<string, T>; default?: T } {
  return typeof value === 'object' && value !== null && 'byRegion' in value;
}

/**
 * The value for region `id` as {@link forRegion} finds it (its own, the default, or the value
 * for all regions), without the path: undefined where there is none. For the many regions
 * whose value needs no report; {@link forRegion} says what is missing.
 *
 * @example
 * [regionValue({ byRegion: { a: 1 }, default: 2 }, 'b'), regionValue({ byRegion: { a: 1 } }, 'b')]
 * // => [2, undefined]
 */
export function regionValue<T>(value: PerRegion<T>, id: string): T | undefined {
  if (!isPerRegion(value)) return value;
  return Object.hasOwn(value.byRegion, id) ? value.byRegion[id] : value.default;
}

/**
 * The value for region `id`, with the path it was found at.
 *
 * @throws {ChengzhenError} when the value is per region, names no value for `id` and has no default.
 * @example
 * forRegion({ byRegion: { shanghai: 0.01 }, default: 0.02 }, 'shandong', ['migration', 'returnRate'])
 * // => { value: 0.02, path: ['migration', 'returnRate', 'default'] }
 */
export function forRegion<T>(value: PerRegion<T>, id: string, path: (string | number)[]): { value: T; path: (string | number)[] } {
  if (!isPerRegion(value)) return { value, path };
  if (Object.hasOwn(value.byRegion, id)) return { value: value.byRegion[id], path: [...path, 'byRegion', id] };
  if (value.default !== undefined) return { value: value.default, path: [...path, 'default'] };
  throw new ChengzhenError([
    {
      code: 'invalid_value',
      path: [...path, 'byRegion', id],
      message: `${formatPath(path)} has no value for region ${JSON.stringify(id)} and no default`,
      expected: `byRegion.${id} or default`,
      received: 'nothing',
    },
  ]);
}

/**
 * A per-region schedule's values for region `id` in each year from `from` to `to`, checked
 * against a range.
 *
 * @example
 * regionScheduleValues({ byRegion: { a: 1 } }, 'a', ['x'], 2024, 2026)
 * // => [1, 1, 1]
 */
export function regionScheduleValues(
  value: PerRegion<Schedule>,
  id: string,
  path: (string | number)[],
  from: number,
  to: number,
  range?: ScheduleRange,
): number[] {
  const found = forRegion(value, id, path);
  return scheduleValues(found.value, found.path, from, to, range);
}

/**
 * Every `byRegion` key, at any depth of `value`, that names no region of the scenario: one
 * issue each, with its path under `root`.
 *
 * @example
 * unknownByRegionIssues({ stock: { byRegion: { x: 1 } } }, ['services'], ['a'])[0].message
 * // => 'services.stock.byRegion.x names the unknown region "x"'
 */
export function unknownByRegionIssues(value: unknown, root: (string | number)[], regionIds: readonly string[]): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  const ids = new Set(regionIds);
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'byRegion' && typeof inner === 'object' && inner !== null) {
        for (const region of Object.keys(inner)) {
          if (ids.has(region)) continue;
          const where = [...path, 'byRegion', region];
          issues.push({ code: 'invalid_value', path: where, message: `${formatPath(where)} names the unknown region ${JSON.stringify(region)}`, expected: `one of ${[...ids].slice(0, 8).join(', ')}`, received: region });
        }
      } else visit(inner, [...path, key]);
    }
  };
  visit(value, root);
  return issues;
}
