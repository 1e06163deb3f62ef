import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../../src/errors.js';
import { monotoneCubicSpline, splineValue } from '../../../src/model/demography/monotoneCubicSpline.js';
import { propertyRuns } from '../../helpers/properties.js';

describe('monotoneCubicSpline(x, y)', () => {
  it('passes through every knot', () => {
    const x = [0, 1, 2.5, 4, 7];
    const y = [1, 3, 2, 2, 9];
    const spline = monotoneCubicSpline(x, y);
    x.forEach((xk, k) => expect(splineValue(spline, xk)).toBeCloseTo(y[k], 14));
  });

  it('reproduces a straight line exactly', () => {
    const spline = monotoneCubicSpline([0, 1, 3, 6], [1, 3, 7, 13]);
    for (const t of [0.3, 1.7, 2.2, 5.9]) expect(splineValue(spline, t)).toBeCloseTo(1 + 2 * t, 13);
  });

  it('takes the three-point slope inside and zero slope where the data turn', () => {
    // knots 0, 1, 2 with values 0, 1, 4: secants 1 and 3, centred slope (1*1 + 1*3)/2 = 2,
    // within the Hyman limit 3*min(1, 3) = 3
    expect(monotoneCubicSpline([0, 1, 2], [0, 1, 4]).slopes[1]).toBe(2);
    // a peak at the middle knot: secants +1 and -1, slope 0
    expect(monotoneCubicSpline([0, 1, 2], [0, 1, 0]).slopes[1]).toBe(0);
    // a step 0, 0, 1, 1: the slopes at the flat ends of the step are 0, so nothing overshoots
    const step = monotoneCubicSpline([0, 1, 2, 3], [0, 0, 1, 1]);
    expect(Array.from(step.slopes)).toEqual([0, 0, 0, 0]);
    expect(splineValue(step, 1.5)).toBe(0.5);
  });

  it('is monotone between knots wherever the data are (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 12 }), (steps) => {
        const x = steps.map((_, k) => k * 1.5 + (k % 2) * 0.25);
        let sum = 0;
        const y = steps.map((s) => (sum += s));
        const spline = monotoneCubicSpline(x, y);
        let previous = -Infinity;
        for (let t = x[0]; t <= x[x.length - 1]; t += 0.05) {
          const v = splineValue(spline, t);
          expect(v).toBeGreaterThanOrEqual(previous - 1e-9 * Math.max(1, Math.abs(v)));
          previous = v;
        }
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  it('goes on as a straight line outside the knots', () => {
    const spline = monotoneCubicSpline([0, 1], [2, 4]);
    expect(splineValue(spline, 0.25)).toBe(2.5);
    expect(splineValue(spline, 3)).toBe(8);
    expect(splineValue(spline, -1)).toBe(0);
  });

  it('throws on knots that do not rise, with the index', () => {
    expect(() => monotoneCubicSpline([0, 2, 2], [1, 2, 3])).toThrow(ChengzhenError);
    try {
      monotoneCubicSpline([0, 2, 2], [1, 2, 3]);
    } catch (e) {
      expect((e as ChengzhenError).issues[0]).toMatchObject({ path: ['x', 2], message: 'x[2] must be above x[1] = 2, received 2' });
    }
  });

  it('throws on non-finite values and on fewer than 2 knots', () => {
    expect(() => monotoneCubicSpline([0, 1], [0, NaN])).toThrow('y[1] must be a finite number, received NaN');
    expect(() => monotoneCubicSpline([0], [0])).toThrow('x must hold at least 2 knots, received 1');
  });
});
