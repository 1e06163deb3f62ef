/** The hindcast's options are checked before any work, every problem named at once. */
import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../../src/errors.js';
import { countyHindcast } from '../../../src/model/counties/countyHindcast.js';

describe('countyHindcast options', () => {
  it('refuses a mover level outside (0, 0.1] and passes that are not a whole number in [1, 50], naming both', () => {
    let caught: unknown;
    try {
      countyHindcast({ migration: 'calibrated', migrationLevel: -0.01, passes: 0.5 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ChengzhenError);
    const issues = (caught as ChengzhenError).issues;
    expect(issues.map((i) => i.path)).toEqual([['migrationLevel'], ['passes']]);
    expect(issues[0].message).toBe('migrationLevel must be in (0, 0.1], received -0.01');
    expect(issues[1].message).toBe('passes must be a whole number in [1, 50], received 0.5');
  });

  it('refuses a level above the cap even without calibration', () => {
    expect(() => countyHindcast({ migration: 'none', migrationLevel: 0.2 })).toThrow('migrationLevel must be in (0, 0.1], received 0.2');
  });
});
