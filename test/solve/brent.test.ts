/**
 * brentRoot(f, a, b, options): roots known in closed form or to full precision (sqrt 2, the
 * Dottie number, Wallis's cubic x^3 - 2x - 5), the bracket and finiteness errors, the
 * not_converged error with a bracket that really holds the root, and stopping on |f|.
 */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { brentRoot } from '../../src/solve/brent.js';
import { issueOf } from '../helpers/errors.js';

/** The fixed point of cos (the Dottie number), to double precision. */
const DOTTIE = 0.7390851332151607;
/** The real root of x^3 - 2x - 5 (Wallis, 1685), to double precision. */
const WALLIS = 2.0945514815423265;

/** The bracket `[lo, hi]` a not_converged message names. */
function bracketOf(message: string): [number, number] {
  const m = /the root lies in \[([^,]+), ([^\]]+)\]/.exec(message);
  if (m === null) throw new Error(`no bracket in ${message}`);
  return [Number(m[1]), Number(m[2])];
}

describe('brentRoot(f, a, b, options)', () => {
  it('finds sqrt 2 as the root of x^2 - 2 on [0, 2] to 1e-14', () => {
    const r = brentRoot((x) => x * x - 2, 0, 2, { xTolerance: 1e-14 });
    expect(Math.abs(r.x - Math.SQRT2)).toBeLessThan(1e-14);
    expect(r.fx).toBe(r.x * r.x - 2);
    expect(r.iterations).toBeGreaterThan(0);
    expect(r.iterations).toBeLessThan(20);
  });

  it('finds the same root with the ends given the other way round', () => {
    const r = brentRoot((x) => x * x - 2, 2, 0, { xTolerance: 1e-14 });
    expect(Math.abs(r.x - Math.SQRT2)).toBeLessThan(1e-14);
  });

  it('finds the Dottie number as the root of cos x - x on [0, 1]', () => {
    const r = brentRoot((x) => Math.cos(x) - x, 0, 1);
    expect(Math.abs(r.x - DOTTIE)).toBeLessThan(1e-12);
    expect(Math.abs(r.fx)).toBeLessThan(1e-12);
  });

  it("finds the root of Wallis's cubic x^3 - 2x - 5 on [2, 3]", () => {
    const r = brentRoot((x) => x ** 3 - 2 * x - 5, 2, 3);
    expect(Math.abs(r.x - WALLIS)).toBeLessThan(1e-12);
  });

  it('converges much faster than bisection (at most 12 evaluations where bisection needs 40)', () => {
    let calls = 0;
    const r = brentRoot((x) => {
      calls++;
      return Math.exp(x) - 10;
    }, -5, 10);
    expect(Math.abs(r.x - Math.LN10)).toBeLessThan(1e-11);
    expect(calls).toBeLessThanOrEqual(12);
  });

  it('returns an end at once when f is 0 there', () => {
    expect(brentRoot((x) => x - 1, 1, 3)).toEqual({ x: 1, fx: 0, iterations: 0 });
    expect(brentRoot((x) => x - 3, 1, 3)).toEqual({ x: 3, fx: 0, iterations: 0 });
  });

  it('uses the f(a) and f(b) it is given instead of calling f at the ends', () => {
    const seen: number[] = [];
    brentRoot((x) => {
      seen.push(x);
      return x * x - 2;
    }, 0, 2, {}, -2, 2);
    expect(seen).not.toContain(0);
    expect(seen).not.toContain(2);
  });

  it('stops as soon as |f(x)| <= fTolerance, in fewer iterations', () => {
    const f = (x: number) => Math.cos(x) - x;
    const loose = brentRoot(f, 0, 1, { fTolerance: 1e-3 });
    const tight = brentRoot(f, 0, 1);
    expect(Math.abs(loose.fx)).toBeLessThanOrEqual(1e-3);
    expect(loose.fx).toBe(f(loose.x));
    expect(loose.iterations).toBeLessThan(tight.iterations);
    // the loose answer is not the exact root: the tolerance really stopped it early
    expect(Math.abs(loose.x - DOTTIE)).toBeGreaterThan(1e-9);
  });

  it('throws invalid_value when the ends do not bracket a root', () => {
    const issue = issueOf(() => brentRoot((x) => x * x - 2, 2, 3));
    expect(issue.code).toBe('invalid_value');
    expect(issue.path).toEqual(['bracket']);
    expect(issue.message).toBe('[2, 3] does not bracket a root: f(a) = 2 and f(b) = 7 have the same sign');
    expect(issue.received).toBe('[2, 3]');
  });

  it('throws invalid_value when f is not a finite number at an end or inside the bracket', () => {
    const atEnd = issueOf(() => brentRoot((x) => (x < 0.5 ? Number.NaN : x - 1.5), 0, 2));
    expect(atEnd.code).toBe('invalid_value');
    expect(atEnd.message).toBe('f(0) must be a finite number, received NaN');
    const inside = issueOf(() => brentRoot((x) => (x > 0.9 && x < 1.1 ? Number.NaN : x - 1), 0, 3));
    expect(inside.code).toBe('invalid_value');
    expect(inside.message).toMatch(/^f\(1(\.\d+)?\) must be a finite number, received NaN$/);
    const infinite = issueOf(() => brentRoot((x) => (x === 0 ? -Infinity : x - 0.5), 0, 1));
    expect(infinite.received).toBe('-Infinity');
  });

  it('throws not_converged with the iteration count and a bracket that holds the root', () => {
    const issue = issueOf(() => brentRoot((x) => Math.cos(x) - x, 0, 1, { maxIterations: 2 }));
    expect(issue.code).toBe('not_converged');
    expect(issue.message).toMatch(/^root finding did not converge in 2 iterations: the root lies in \[/);
    expect(issue.expected).toBe('convergence within 2 iterations');
    expect(issue.received).toMatch(/ after 2 iterations$/);
    const [lo, hi] = bracketOf(issue.message);
    expect(lo).toBeLessThan(DOTTIE);
    expect(hi).toBeGreaterThan(DOTTIE);
    expect(hi - lo).toBeLessThan(1);
  });

  it('names a bracket holding the root whatever iteration it stops at', () => {
    const cases: [string, (x: number) => number, number, number, number][] = [
      ['x^2 - 2', (x) => x * x - 2, 0, 2, Math.SQRT2],
      ['cos x - x', (x) => Math.cos(x) - x, 0, 1, DOTTIE],
      ['x^3 - 2x - 5', (x) => x ** 3 - 2 * x - 5, 2, 3, WALLIS],
      ['atan(x - 1)', (x) => Math.atan(x - 1), -20, 30, 1],
      ['exp x - 10', (x) => Math.exp(x) - 10, -5, 10, Math.LN10],
    ];
    const wrong: string[] = [];
    for (const [name, f, a, b, root] of cases) {
      for (let maxIterations = 1; maxIterations <= 10; maxIterations++) {
        try {
          brentRoot(f, a, b, { maxIterations });
        } catch (error) {
          const [lo, hi] = bracketOf((error as ChengzhenError).issues[0].message);
          if (!(lo <= root && root <= hi)) wrong.push(`${name} after ${maxIterations}: [${lo}, ${hi}]`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
