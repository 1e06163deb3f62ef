/**
 * Schedules: a rate or level that may change over time. A schedule is one of
 * - a number, constant in every year;
 * - `{ linear: { from: [year, value], to: [year, value] } }`, a straight line between two years,
 *   constant before the first and after the second;
 * - `{ points: [[year, value], ...], interpolation: 'linear' | 'step' }`, through points in
 *   increasing years; `step` holds each value until the next point; constant outside the points;
 * - `{ formula: '0.012 + 0.0005 * (year - 2024)' }`, a formula in `year` (see {@link parseFormula}).
 * Any schedule may carry `scale`, a factor it is multiplied by (what solvers adjust).
 */

import { z } from 'zod';
import { ChengzhenError, formatPath } from '../errors.js';
import { parseFormula } from './formula.js';

const yearValue = z.tuple([z.number().int(), z.number()]);

/** The schema of a schedule (any of the forms above). */
const SCHEDULE_FORMS = 'a number, { linear: { from: [year, value], to: [year, value] } }, { points: [[year, value], ...] } or { formula: "..." }';

/** The schedule forms that change over time (everything but a plain number). */
const scheduleObjects = [
  z.strictObject({ linear: z.strictObject({ from: yearValue, to: yearValue }), scale: z.number().optional() }),
  z.strictObject({
    points: z.array(yearValue).min(1).max(1000),
    interpolation: z.enum(['linear', 'step']).optional(),
    scale: z.number().optional(),
  }),
  z.strictObject({ formula: z.string().min(1), scale: z.number().optional() }),
] as const;

/**
 * The schema of a schedule (any of the forms above).
 *
 * @example
 * ScheduleSchema.safeParse({ linear: { from: [2024, 1], to: [2028, 3] } }).success
 * // => true
 */
export const ScheduleSchema = z.union([z.number(), ...scheduleObjects], { error: `must be a schedule: ${SCHEDULE_FORMS}` });
/** A schedule: a number, a line, points or a formula over calendar years (see above). */
export type Schedule = z.infer<typeof ScheduleSchema>;

/**
 * A schedule of a share: a plain number must lie in [0, 1] (a schedule's values are checked
 * year by year when it is compiled).
 */
export const ShareScheduleSchema = z.union([z.number().min(0).max(1), ...scheduleObjects], { error: `must be a share schedule: ${SCHEDULE_FORMS}, with values in [0, 1]` });

/** A schedule checked and ready to give its value in any year. */
export type ScheduleFn = (year: number) => number;

function scheduleError(path: (string | number)[], message: string, received: string): ChengzhenError {
  return new ChengzhenError([{ code: 'invalid_value', path, message: `${formatPath(path)} ${message}`, received }]);
}

/**
 * Turns a schedule into a function of the year.
 *
 * @throws {ChengzhenError} for points out of order or a formula that is not allowed.
 * @example
 * scheduleFunction({ linear: { from: [2024, 1], to: [2028, 3] } }, ['tfr'])(2026)
 * // => 2
 */
export function scheduleFunction(schedule: Schedule, path: (string | number)[]): ScheduleFn {
  if (typeof schedule === 'number') return () => schedule;
  const scale = schedule.scale ?? 1;
  if ('linear' in schedule) {
    const [y0, v0] = schedule.linear.from;
    const [y1, v1] = schedule.linear.to;
    if (y1 <= y0) throw scheduleError([...path, 'linear', 'to'], `must be a later year than linear.from (${y0}), received ${y1}`, String(y1));
    return (year) => scale * (year <= y0 ? v0 : year >= y1 ? v1 : v0 + ((v1 - v0) * (year - y0)) / (y1 - y0));
  }
  if ('points' in schedule) {
    const points = schedule.points;
    for (let i = 1; i < points.length; i++) {
      if (points[i][0] <= points[i - 1][0]) {
        throw scheduleError([...path, 'points', i], `must come after the point before it (year ${points[i - 1][0]}), received year ${points[i][0]}`, String(points[i][0]));
      }
    }
    const step = schedule.interpolation === 'step';
    return (year) => {
      if (year <= points[0][0]) return scale * points[0][1];
      const last = points[points.length - 1];
      if (year >= last[0]) return scale * last[1];
      let i = 1;
      while (points[i][0] < year) i++;
      const [ya, va] = points[i - 1];
      const [yb, vb] = points[i];
      if (year === yb) return scale * vb;
      return scale * (step ? va : va + ((vb - va) * (year - ya)) / (yb - ya));
    };
  }
  const formula = parseFormula(schedule.formula, [...path, 'formula']);
  return (year) => scale * formula.evaluate(year);
}

/** The values a schedule may take: `[min, max]`, or `(min, max]` when `exclusiveMin`. */
export interface ScheduleRange {
  min: number;
  max: number;
  exclusiveMin?: boolean;
}

/**
 * The values of a schedule for each year from `from` to `to` inclusive, checked against an
 * allowed range.
 *
 * @throws {ChengzhenError} naming the field and the year of the first value out of range.
 * @example
 * scheduleValues({ points: [[2024, 1], [2026, 2]], interpolation: 'step' }, ['tfr'], 2024, 2027)
 * // => [1, 1, 2, 2]
 */
export function scheduleValues(
  schedule: Schedule,
  path: (string | number)[],
  from: number,
  to: number,
  range: ScheduleRange = { min: -Infinity, max: Infinity },
): number[] {
  const fn = scheduleFunction(schedule, path);
  const out: number[] = [];
  const allowed = `${range.exclusiveMin ? '(' : '['}${range.min}, ${range.max}]`;
  for (let year = from; year <= to; year++) {
    const value = fn(year);
    if (!Number.isFinite(value) || value < range.min || (range.exclusiveMin && value === range.min) || value > range.max) {
      throw new ChengzhenError([
        {
          code: 'out_of_range',
          path,
          coords: { year },
          message: `${formatPath(path)}[year=${year}] must be in ${allowed}, received ${value}`,
          expected: allowed,
          received: String(value),
        },
      ]);
    }
    out.push(value);
  }
  return out;
}

/**
 * A schedule multiplied by `factor` (solvers use it to move a whole path up or down).
 *
 * @example
 * scaleSchedule(0.02, 1.5)
 * // => 0.03
 */
export function scaleSchedule(schedule: Schedule, factor: number): Schedule {
  if (typeof schedule === 'number') return schedule * factor;
  return { ...schedule, scale: (schedule.scale ?? 1) * factor };
}
