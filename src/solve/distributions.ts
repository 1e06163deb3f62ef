/**
 * Distributions of uncertain levers, drawn by inverse transform from a seeded generator so that
 * draw i of a simulation is the same whatever thread computes it.
 *
 * - `normal`: mean, sd; truncated to [min, max] when either is given (inverse-CDF sampling
 *   between the bounds' probabilities, so nothing is clamped);
 * - `lognormal`: median and sigma of the log (so the draw is median x exp(sigma z)), truncatable;
 * - `uniform`: min, max;
 * - `triangular`: min, mode, max.
 */

import { errorFunction, probit } from 'simple-statistics';
import { z } from 'zod';
import { ChengzhenError } from '../errors.js';

export const DistributionSchema = z.discriminatedUnion('distribution', [
  z.strictObject({ distribution: z.literal('normal'), mean: z.number(), sd: z.number().positive(), min: z.number().optional(), max: z.number().optional() }),
  z.strictObject({ distribution: z.literal('lognormal'), median: z.number().positive(), sigma: z.number().positive(), min: z.number().optional(), max: z.number().optional() }),
  z.strictObject({ distribution: z.literal('uniform'), min: z.number(), max: z.number() }),
  z.strictObject({ distribution: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number() }),
]);
export type Distribution = z.infer<typeof DistributionSchema>;

/** Standard normal cumulative probability. */
function phi(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return 0.5 * (1 + errorFunction(x / Math.SQRT2));
}

function fail(path: string, message: string): ChengzhenError {
  return new ChengzhenError([{ code: 'invalid_value', path: path.split('.'), message: `${path}: ${message}` }]);
}

/** Checks a distribution's parameters (bounds in order, the mode inside them). */
export function checkDistribution(d: Distribution, path: string): void {
  if ('min' in d && 'max' in d && d.min !== undefined && d.max !== undefined && !(d.min < d.max)) throw fail(path, `min (${d.min}) must be below max (${d.max})`);
  if (d.distribution === 'triangular' && !(d.mode >= d.min && d.mode <= d.max)) throw fail(path, `mode (${d.mode}) must lie in [min, max] = [${d.min}, ${d.max}]`);
  if (d.distribution === 'lognormal' && d.min !== undefined && d.min < 0) throw fail(path, `a lognormal draw is positive: min must be >= 0, received ${d.min}`);
}

/**
 * The value of a distribution at cumulative probability `u` in (0, 1): its quantile function.
 *
 * @example
 * quantileOf({ distribution: 'uniform', min: 1, max: 3 }, 0.25)
 * // => 1.5
 */
export function quantileOf(d: Distribution, u: number): number {
  switch (d.distribution) {
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      const split = (c - a) / (b - a);
      return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'normal': {
      const lo = d.min === undefined ? 0 : phi((d.min - d.mean) / d.sd);
      const hi = d.max === undefined ? 1 : phi((d.max - d.mean) / d.sd);
      return d.mean + d.sd * probit(lo + u * (hi - lo));
    }
    case 'lognormal': {
      const z0 = (x: number) => Math.log(x / d.median) / d.sigma;
      const lo = d.min === undefined || d.min === 0 ? 0 : phi(z0(d.min));
      const hi = d.max === undefined ? 1 : phi(z0(d.max));
      return d.median * Math.exp(d.sigma * probit(lo + u * (hi - lo)));
    }
  }
}
