/**
 * Shape-preserving cubic Hermite interpolation.
 *
 * Between knots `x[k] < x[k+1]` the curve is the cubic Hermite polynomial through
 * `(x[k], y[k])` and `(x[k+1], y[k+1])` with slopes `d[k]`, `d[k+1]`. The slopes start from the
 * three-point (parabolic) estimate, which makes the curve third-order accurate on smooth data,
 * and are then passed through the Hyman (1983) filter: a slope is set to 0 where the data turn
 * (the secants on either side differ in sign) and limited to `3 * min(|secant left|, |secant right|)`
 * elsewhere. With these limits the curve is monotone wherever the data are (Fritsch and Carlson
 * 1980; de Boor and Swartz 1977), so it never overshoots, and so a spline of a cumulative count
 * never gives a negative count.
 *
 * References: F. N. Fritsch and R. E. Carlson (1980), Monotone piecewise cubic interpolation,
 * SIAM J. Numer. Anal. 17(2), 238-246. J. M. Hyman (1983), Accurate monotonicity preserving
 * cubic interpolation, SIAM J. Sci. Stat. Comput. 4(4), 645-654.
 */

import { checkNumbers, FINITE_RANGE, throwIfIssues } from './checkInputs.js';
import type { ChengzhenIssue } from '../../errors.js';

/** Knots, values and slopes of a cubic Hermite interpolant. */
export interface MonotoneCubicSpline {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly slopes: Float64Array;
}

/**
 * Builds the Hyman-filtered cubic Hermite interpolant through `(x[k], y[k])`.
 *
 * @param x knots, strictly increasing, at least 2
 * @param y values at the knots
 * @throws {ChengzhenError} when the knots are fewer than 2, not strictly increasing, or any
 *   number is not finite
 * @example
 * const spline = monotoneCubicSpline([0, 1, 2], [0, 1, 4]);
 * splineValue(spline, 1)
 * // => 1
 */
export function monotoneCubicSpline(x: ArrayLike<number>, y: ArrayLike<number>): MonotoneCubicSpline {
  const issues: ChengzhenIssue[] = [];
  checkNumbers(issues, ['x'], x, FINITE_RANGE);
  checkNumbers(issues, ['y'], y, FINITE_RANGE, x.length);
  if (issues.length === 0 && x.length < 2) {
    issues.push({ code: 'wrong_length', path: ['x'], message: `x must hold at least 2 knots, received ${x.length}`, expected: 'at least 2 knots', received: `an array of ${x.length}` });
  }
  for (let k = 1; issues.length === 0 && k < x.length; k++) {
    if (x[k] > x[k - 1]) continue;
    issues.push({ code: 'invalid_value', path: ['x', k], message: `x[${k}] must be above x[${k - 1}] = ${x[k - 1]}, received ${x[k]}`, expected: `> ${x[k - 1]}`, received: String(x[k]) });
  }
  throwIfIssues(issues);

  const n = x.length;
  const X = Float64Array.from(x);
  const Y = Float64Array.from(y);
  const d = new Float64Array(n);
  monotoneSlopesInto(X, Y, n, new Float64Array(n - 1), new Float64Array(n - 1), d);
  return { x: X, y: Y, slopes: d };
}

/**
 * The slopes of {@link monotoneCubicSpline} through the first `n` knots (at least 2) of `x`
 * and `y`, written into `d`, with `h` and `secant` (at least `n - 1` long) as scratch: no
 * checks and no allocation, for callers that have checked their knots and fit many splines.
 *
 * @example
 * const d = new Float64Array(3);
 * monotoneSlopesInto(Float64Array.of(0, 1, 2), Float64Array.of(0, 1, 4), 3, new Float64Array(2), new Float64Array(2), d);
 * Array.from(d)
 * // => [0, 2, 4]
 */
export function monotoneSlopesInto(x: ArrayLike<number>, y: ArrayLike<number>, n: number, h: Float64Array, secant: Float64Array, d: Float64Array): void {
  for (let k = 0; k < n - 1; k++) {
    h[k] = x[k + 1] - x[k];
    secant[k] = (y[k + 1] - y[k]) / h[k];
  }
  if (n === 2) {
    d[0] = secant[0];
    d[1] = secant[0];
    return;
  }
  // three-point estimates: centred inside, one-sided at the ends
  for (let k = 1; k < n - 1; k++) d[k] = (h[k] * secant[k - 1] + h[k - 1] * secant[k]) / (h[k - 1] + h[k]);
  d[0] = ((2 * h[0] + h[1]) * secant[0] - h[0] * secant[1]) / (h[0] + h[1]);
  const e = n - 2;
  d[n - 1] = ((2 * h[e] + h[e - 1]) * secant[e] - h[e] * secant[e - 1]) / (h[e] + h[e - 1]);

  // Hyman filter
  for (let k = 0; k < n; k++) {
    const left = k > 0 ? secant[k - 1] : secant[0];
    const right = k < n - 1 ? secant[k] : secant[n - 2];
    if (left * right <= 0) {
      d[k] = 0;
      continue;
    }
    const sign = right > 0 ? 1 : -1;
    const limit = 3 * Math.min(Math.abs(left), Math.abs(right));
    d[k] = sign * Math.min(Math.max(0, sign * d[k]), limit);
  }
}

/**
 * Value of the interpolant at `t`. Outside the knots the curve goes on as a straight line with
 * the end slope.
 *
 * @example
 * splineValue(monotoneCubicSpline([0, 1], [2, 4]), 0.25)
 * // => 2.5
 */
export function splineValue(spline: MonotoneCubicSpline, t: number): number {
  const { x, y, slopes } = spline;
  const n = x.length;
  if (t <= x[0]) return y[0] + slopes[0] * (t - x[0]);
  if (t >= x[n - 1]) return y[n - 1] + slopes[n - 1] * (t - x[n - 1]);
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= t) lo = mid;
    else hi = mid;
  }
  const h = x[hi] - x[lo];
  const s = (t - x[lo]) / h;
  const s2 = s * s;
  const s3 = s2 * s;
  return (
    (2 * s3 - 3 * s2 + 1) * y[lo] + (s3 - 2 * s2 + s) * h * slopes[lo] + (-2 * s3 + 3 * s2) * y[hi] + (s3 - s2) * h * slopes[hi]
  );
}
