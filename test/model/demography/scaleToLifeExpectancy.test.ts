import { describe, expect, it } from 'vitest';
import { lifeTableFromSingleAges } from '../../../src/model/demography/lifeTable.js';
import { scaleToLifeExpectancy } from '../../../src/model/demography/scaleToLifeExpectancy.js';

describe('scaleToLifeExpectancy(mx, e0Years, sex)', () => {
  const gompertz = Array.from({ length: 101 }, (_, x) => 0.0001 * Math.exp(0.09 * x));

  it('finds the factor whose life table has the target e0, to 1e-9 years', () => {
    const { factor, table } = scaleToLifeExpectancy(gompertz, 80, 'female');
    expect(Math.abs(table.ex[0] - 80)).toBeLessThan(1e-9);
    expect(Math.abs(lifeTableFromSingleAges(gompertz.map((m) => m * factor), 'female').ex[0] - 80)).toBeLessThan(1e-9);
    // a Gompertz curve scaled by k is the same curve shifted by ln(k)/0.09 years: e0 above the
    // unscaled table's means k < 1
    expect(lifeTableFromSingleAges(gompertz, 'female').ex[0]).toBeLessThan(80);
    expect(factor).toBeLessThan(1);
  });

  it('returns a factor of 1 for the table own e0', () => {
    const e0 = lifeTableFromSingleAges(gompertz, 'male').ex[0];
    expect(scaleToLifeExpectancy(gompertz, e0, 'male').factor).toBeCloseTo(1, 9);
  });

  it('throws not_converged with the bracket for an unreachable e0', () => {
    try {
      scaleToLifeExpectancy(gompertz, 5000, 'male');
      expect.unreachable();
    } catch (e) {
      expect((e as { issues: { code: string }[] }).issues[0].code).toBe('not_converged');
    }
    expect(() => scaleToLifeExpectancy(gompertz, 0, 'male')).toThrow('e0Years must be a number > 0, received 0');
  });
});
