/**
 * Distributions of uncertain levers, drawn from a seeded generator so that draw i of a
 * simulation is the same whatever thread computes it.
 *
 * - `normal`: mean, sd; truncated to [min, max] when either is given (by rejection, so nothing
 *   is clamped);
 * - `lognormal`: median and sigma of the log (so the draw is median x exp(sigma z)), truncatable;
 * - `uniform`: min, max;
 * - `triangular`: min, mode, max.
 */

import { z } from 'zod';
import { ChengzhenError } from '../errors.js';

/**
 * The schema of a distribution (the forms above). Its bounds are checked to be in order, and a
 * triangular mode to lie between them, when a simulation is planned.
 *
 * @example
 * DistributionSchema.safeParse({ distribution: 'normal', mean: 0.02, sd: 0 }).success
 * // => false
 */
export const DistributionSchema = z.discriminatedUnion('distribution', [
  z.strictObject({ distribution: z.literal('normal'), mean: z.number(), sd: z.number().positive(), min: z.number().optional(), max: z.number().optional() }),
  z.strictObject({ distribution: z.literal('lognormal'), median: z.number().positive(), sigma: z.number().positive(), min: z.number().optional(), max: z.number().optional() }),
  z.strictObject({ distribution: z.literal('uniform'), min: z.number(), max: z.number() }),
  z.strictObject({ distribution: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number() }),
]);
/** A distribution of an uncertain lever, as {@link DistributionSchema} parses it. */
export type Distribution = z.infer<typeof DistributionSchema>;

function fail(path: string, message: string): ChengzhenError {
  return new ChengzhenError([{ code: 'invalid_value', path: path.split('.'), message: `${path}: ${message}` }]);
}

/** Checks a distribution's parameters (bounds in order, the mode inside them). */
export function checkDistribution(d: Distribution, path: string): void {
  if ('min' in d && 'max' in d && d.min !== undefined && d.max !== undefined && !(d.min < d.max)) throw fail(path, `min (${d.min}) must be below max (${d.max})`);
  if (d.distribution === 'triangular' && !(d.mode >= d.min && d.mode <= d.max)) throw fail(path, `mode (${d.mode}) must lie in [min, max] = [${d.min}, ${d.max}]`);
  if (d.distribution === 'lognormal' && d.min !== undefined && d.min < 0) throw fail(path, `a lognormal draw is positive: min must be >= 0, received ${d.min}`);
}

/** Most candidates a truncated draw tries before the bounds are judged too narrow. */
const MAX_REJECTIONS = 100_000;

/** A standard normal variate by the Box-Muller transform (exact, from two uniforms in (0, 1)). */
function standardNormal(uniform: () => number): number {
  return Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * One draw from a distribution, using uniform numbers in (0, 1) from `uniform`: uniform and
 * triangular by their quantile functions, normal and lognormal by the Box-Muller transform,
 * truncated ones by rejection (a draw outside the bounds is drawn again, never clamped).
 *
 * @throws {ChengzhenError} when truncation bounds leave almost no probability (no candidate in
 *   100,000 fell inside them).
 * @example
 * drawFrom({ distribution: 'uniform', min: 1, max: 3 }, () => 0.25)
 * // => 1.5
 */
export function drawFrom(d: Distribution, uniform: () => number): number {
  switch (d.distribution) {
    case 'uniform':
      return d.min + uniform() * (d.max - d.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      const u = uniform();
      const split = (c - a) / (b - a);
      return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'normal':
    case 'lognormal': {
      const draw = () => (d.distribution === 'normal' ? d.mean + d.sd * standardNormal(uniform) : d.median * Math.exp(d.sigma * standardNormal(uniform)));
      for (let i = 0; i < MAX_REJECTIONS; i++) {
        const x = draw();
        if ((d.min === undefined || x >= d.min) && (d.max === undefined || x <= d.max)) return x;
      }
      throw new ChengzhenError([
        {
          code: 'invalid_value',
          path: ['distribution'],
          message: `a ${d.distribution} draw fell outside [${d.min ?? '-Infinity'}, ${d.max ?? 'Infinity'}] ${MAX_REJECTIONS} times: the truncation leaves almost no probability`,
        },
      ]);
    }
  }
}
