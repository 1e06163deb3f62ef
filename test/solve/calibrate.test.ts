/**
 * solveTargets(scenario, { levers, targets }) and calibrate(scenario, { levers, observations,
 * upTo }) on China as one region from the 2020 census.
 *
 * Synthetic data: the resident and hukou urbanisation rates of 2021-2023 projected with a
 * rural-to-urban migration level of 0.021 and a hukou conversion level of 0.045; the fit starts
 * from 0.02 and 0.03 and must recover them. The fit stops once the sum of squared relative
 * residuals is below 1e-14 (relative residuals of about 3e-8), which pins the migration level
 * to about 1e-8 and the conversion level, to which the rates are less sensitive, to about
 * 1e-6 (measured: 1.1e-6 with all six observations); the stated tolerance is 1e-7 relative for
 * the migration level and 1e-5 for the conversion level.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { project } from '../../src/model/project.js';
import type { ScenarioInput } from '../../src/schema/scenario.js';
import { calibrate } from '../../src/solve/calibrate.js';
import type { LeverSpec } from '../../src/solve/levers.js';
import { targetValue, type Target } from '../../src/solve/solveLever.js';
import { solveTargets } from '../../src/solve/solveTargets.js';
import { chinaFrom2020 } from './fixtures.js';

const TRUE_MIGRATION = 0.021;
const TRUE_CONVERSION = 0.045;
const LEVERS: LeverSpec[] = [{ path: 'migration.ruralToUrbanRate' }, { path: 'hukou.conversionRate' }];

/** The rates of 2021-2023 projected with the true levers. */
let synthetic: Target[];

beforeAll(() => {
  const truth = project(chinaFrom2020(2023, { ruralToUrbanRate: TRUE_MIGRATION, conversionRate: TRUE_CONVERSION }));
  synthetic = ['residentUrbanisationRate', 'hukouUrbanisationRate'].flatMap((indicator) =>
    [2021, 2022, 2023].map((year) => ({ indicator, year, value: targetValue(truth, { indicator, year }) })),
  );
});

const start = (): ScenarioInput => chinaFrom2020(2023, { ruralToUrbanRate: 0.02, conversionRate: 0.03 });
const relative = (value: number, truth: number) => Math.abs(value / truth - 1);

describe('solveTargets(scenario, { levers, targets })', () => {
  it('meets a resident rate of 70 % and a hukou rate of 55 % in 2028 with the migration and conversion levels together', () => {
    const targets = [
      { indicator: 'residentUrbanisationRate', year: 2028, value: 0.7 },
      { indicator: 'hukouUrbanisationRate', year: 2028, value: 0.55 },
    ];
    const fit = solveTargets(chinaFrom2020(2028), { levers: LEVERS, targets });
    expect(fit.levers.map((l) => l.mode)).toEqual(['value', 'value']);
    expect(fit.scenario.migration.ruralToUrbanRate).toBe(fit.levers[0].value);
    expect(fit.scenario.hukou.conversionRate).toBe(fit.levers[1].value);
    // a fresh projection of the solved scenario meets both, to the fit's stopping rule (sum
    // of squared relative residuals below 1e-14, so each within 1e-7 relative)
    const check = project(fit.scenario);
    for (const [i, t] of targets.entries()) {
      const value = targetValue(check, t);
      expect(Math.abs(value - t.value)).toBeLessThan(1e-7 * t.value);
      expect(fit.residuals[i].fitted).toBe(value);
      expect(fit.residuals[i].residual).toBe(value - t.value);
    }
    expect(fit.rmse).toBeLessThan(1e-7);
    // hukou 55 % needs more conversion than the 4 % that gives 51 %
    expect(fit.levers[1].value).toBeGreaterThan(0.06);
    for (const l of fit.levers) expect(l.value).toBeGreaterThanOrEqual(l.bounds[0]);
  });

  it('refuses an empty list of levers or targets', () => {
    const target = { indicator: 'residentUrbanisationRate', year: 2022, value: 0.65 };
    expect(() => solveTargets(start(), { levers: [], targets: [target] })).toThrow(/solveTargets needs at least one lever and one target/);
    try {
      solveTargets(start(), { levers: LEVERS, targets: [] });
      expect.unreachable();
    } catch (error) {
      expect((error as ChengzhenError).issues[0].path).toEqual(['targets']);
    }
  });
});

describe('calibrate(scenario, { levers, observations, upTo })', () => {
  it('recovers the levers the data were generated with', () => {
    const fit = calibrate(start(), { levers: LEVERS, observations: synthetic });
    expect(relative(fit.levers[0].value, TRUE_MIGRATION)).toBeLessThan(1e-7);
    expect(relative(fit.levers[1].value, TRUE_CONVERSION)).toBeLessThan(1e-5);
    expect(fit.heldOut).toEqual([]);
    expect(fit.quality.n).toBe(6);
    expect(fit.quality.maxAbsoluteError).toBeLessThan(1e-7);
  });

  it('uses only the observations up to the cut-off and reports the others as held out', () => {
    const fit = calibrate(start(), { levers: LEVERS, observations: synthetic, upTo: 2022 });
    expect(fit.quality.n).toBe(4);
    expect(fit.residuals.map((r) => `${r.indicator}@${r.year}`)).toEqual([
      'residentUrbanisationRate@2021',
      'residentUrbanisationRate@2022',
      'hukouUrbanisationRate@2021',
      'hukouUrbanisationRate@2022',
    ]);
    expect(fit.heldOut).toEqual(synthetic.filter((o) => o.year === 2023));
    // two years still identify both levers
    expect(relative(fit.levers[0].value, TRUE_MIGRATION)).toBeLessThan(1e-7);
    expect(relative(fit.levers[1].value, TRUE_CONVERSION)).toBeLessThan(1e-5);
  });

  it('refuses a cut-off that leaves no observation', () => {
    try {
      calibrate(start(), { levers: LEVERS, observations: synthetic, upTo: 2020 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChengzhenError);
      expect((error as ChengzhenError).issues[0]).toMatchObject({ code: 'invalid_value', path: ['observations'], message: 'calibrate has no observations up to 2020', received: '6' });
    }
  });

  it('reports n, mean and largest absolute error and relative RMSE consistent with its residuals, at the least-squares minimum', () => {
    // one lever cannot follow rates pushed off the synthetic path by +0.2, -0.2 and +0.1 points
    const resident = synthetic.filter((o) => o.indicator === 'residentUrbanisationRate');
    const noisy = resident.map((o, i) => ({ ...o, value: o.value + [0.002, -0.002, 0.001][i] }));
    const lever: LeverSpec[] = [{ path: 'migration.ruralToUrbanRate' }];
    const fit = calibrate(start(), { levers: lever, observations: noisy });
    const check = project(fit.scenario);
    const errors = noisy.map((o) => targetValue(check, o) - o.value);
    expect(fit.residuals.map((r) => r.residual)).toEqual(errors);
    const abs = errors.map(Math.abs);
    expect(fit.quality.n).toBe(3);
    expect(fit.quality.meanAbsoluteError).toBeCloseTo((abs[0] + abs[1] + abs[2]) / 3, 15);
    expect(fit.quality.maxAbsoluteError).toBe(Math.max(...abs));
    const relRmse = Math.sqrt(errors.reduce((s, e, i) => s + (e / noisy[i].value) ** 2, 0) / 3);
    expect(fit.quality.relativeRmse).toBeCloseTo(relRmse, 15);
    expect(fit.quality.maxAbsoluteError).toBeGreaterThan(5e-4);
    // the fitted level minimises the sum of squared relative errors: a step either way is worse
    const sse = (level: number) => {
      const p = project(chinaFrom2020(2023, { ruralToUrbanRate: level, conversionRate: 0.03 }));
      return noisy.reduce((s, o) => s + ((targetValue(p, o) - o.value) / o.value) ** 2, 0);
    };
    const best = fit.levers[0].value;
    expect(sse(best)).toBeLessThan(sse(best * 1.001));
    expect(sse(best)).toBeLessThan(sse(best * 0.999));
  });
});
