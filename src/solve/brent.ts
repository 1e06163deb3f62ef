/**
 * Brent's method for a root of a continuous function on a bracket where it changes sign
 * (Brent, R. P. 1973, Algorithms for Minimization without Derivatives, ch. 4; the form of
 * Press et al., Numerical Recipes, 3rd ed., section 9.3). It combines bisection, the secant
 * step and inverse quadratic interpolation, and never leaves the bracket, so it converges
 * whenever bisection would, usually much faster.
 */

import { ChengzhenError } from '../errors.js';

/** Options of {@link brentRoot}. */
export interface BrentOptions {
  /** Stop when |f(x)| is at most this (default 0: only the bracket width stops it). */
  fTolerance?: number;
  /** Stop when the bracket is narrower than this (default 1e-12 times the first bracket's width). */
  xTolerance?: number;
  /** Default 100. */
  maxIterations?: number;
}

/** A root and how it was found. */
export interface BrentResult {
  x: number;
  fx: number;
  iterations: number;
}

/**
 * Finds `x` in `[a, b]` with `f(x) = 0`, given `f(a)` and `f(b)` of opposite signs.
 *
 * @throws {ChengzhenError} `invalid_value` when the ends do not bracket a root or `f` gives a
 *   value that is not a finite number, and `not_converged` (with the last bracket and the
 *   iteration count) when the iteration limit is reached first.
 * @example
 * brentRoot((x) => x * x - 2, 0, 2, { xTolerance: 1e-14 }).x
 * // => 1.4142135623730951 (within 1e-14)
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, options: BrentOptions = {}, fa = f(a), fb = f(b)): BrentResult {
  const fTol = options.fTolerance ?? 0;
  const maxIterations = options.maxIterations ?? 100;
  const xTol = options.xTolerance ?? 1e-12 * Math.abs(b - a);
  checkFinite(a, fa);
  checkFinite(b, fb);
  if (fa === 0) return { x: a, fx: fa, iterations: 0 };
  if (fb === 0) return { x: b, fx: fb, iterations: 0 };
  if (Math.sign(fa) === Math.sign(fb)) {
    throw new ChengzhenError([
      { code: 'invalid_value', path: ['bracket'], message: `[${a}, ${b}] does not bracket a root: f(a) = ${fa} and f(b) = ${fb} have the same sign`, received: `[${a}, ${b}]` },
    ]);
  }
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * xTol;
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tol || Math.abs(fb) <= fTol || fb === 0) return { x: b, fx: fb, iterations: iteration };
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // inverse quadratic interpolation (secant when a == c)
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * half * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : half > 0 ? tol : -tol;
    fb = f(b);
    checkFinite(b, fb);
  }
  // the last step moved b: the root lies between b and whichever of c and the previous b (now
  // a) has the other sign
  const other = Math.sign(fb) === Math.sign(fc) ? a : c;
  const lo = Math.min(b, other);
  const hi = Math.max(b, other);
  throw new ChengzhenError([
    {
      code: 'not_converged',
      path: ['solve'],
      message: `root finding did not converge in ${maxIterations} iterations: the root lies in [${lo}, ${hi}], f(${b}) = ${fb}`,
      expected: `convergence within ${maxIterations} iterations`,
      received: `bracket [${lo}, ${hi}] after ${maxIterations} iterations`,
    },
  ]);
}

/** A root cannot be sought through a value that is not a finite number. */
function checkFinite(x: number, fx: number): void {
  if (Number.isFinite(fx)) return;
  throw new ChengzhenError([
    { code: 'invalid_value', path: ['f'], message: `f(${x}) must be a finite number, received ${fx}`, expected: 'a finite number', received: String(fx) },
  ]);
}
