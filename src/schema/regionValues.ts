/**
 * Values given for all regions at once or per region (`{ byRegion: { id: value }, default }`),
 * resolved for one region.
 */

import { ChengzhenError, formatPath } from '../errors.js';
import { scheduleValues, type Schedule, type ScheduleRange } from './schedule.js';

/** A value for every region, or per region with an optional default. */
export type PerRegion<T> = T | { byRegion: Record<string, T>; default?: T };

function isPerRegion<T>(value: PerRegion<T>): value is { byRegion: Record<string, T>; default?: T } {
  return typeof value === 'object' && value !== null && 'byRegion' in value;
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
