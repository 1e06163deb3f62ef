/**
 * solveLever(scenario, { lever, target }): each solved lever is checked by projecting the
 * returned scenario again and reading the target indicator, which must be within the
 * tolerance (default 1e-7 x max(1, |target|)). Scenarios: China as one region from the 2020
 * census, and two towns for a per-region schedule.
 *
 * School places: the shortfall is zero for every addition above the one that closes it, so
 * `schoolPlaces.shortfall = 0` has no sign change and no unique root. Utilisation (demand /
 * capacity) falls strictly as places are added and equals 1 exactly when the shortfall
 * closes, so the target is `schoolPlaces.utilisation = 1` in 2027: above 1 with no additions
 * (1.053), near 0 with the most the lever allows. The services module computes the same
 * number on its own (`schoolPlaces.additionsNeededPerYear` in the base year with
 * `closeShortfallBy: 2027`), which the solved value must match.
 */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { project } from '../../src/model/project.js';
import type { ScenarioInput } from '../../src/schema/scenario.js';
import { solveLever, targetValue, type Target } from '../../src/solve/solveLever.js';
import { chinaFrom2020, twoTowns } from './fixtures.js';
import { issueOf } from '../helpers/errors.js';

/** The target indicator in a fresh projection of `scenario`. */
function reached(scenario: ScenarioInput, target: Target): number {
  return targetValue(project(scenario), target);
}

const tolerance = (target: Target) => 1e-7 * Math.max(1, Math.abs(target.value));

/** China 2020-2027 with 85 million urban school places at the end of 2020 and none added. */
function chinaSchools(): ScenarioInput {
  return {
    ...chinaFrom2020(2027),
    services: {
      closeShortfallBy: 2027,
      schoolPlaces: { migrantChildrenPublicSchoolShare: 0.858, urbanPlaces: { initial: 85_000_000, additionsPerYear: 0 } },
    },
  };
}

describe('solveLever(scenario, { lever, target })', () => {
  it('finds the hukou conversion level that brings the national hukou urbanisation rate to 52 % in 2028', () => {
    const target = { indicator: 'hukouUrbanisationRate', year: 2028, value: 0.52 };
    const solved = solveLever(chinaFrom2020(2028), { lever: { path: 'hukou.conversionRate' }, target });
    expect(solved.mode).toBe('value');
    expect(solved.scenario.hukou.conversionRate).toBe(solved.value);
    // 4 % a year gives 51.2 % in 2028, so a little more is needed
    expect(solved.value).toBeGreaterThan(0.04);
    expect(solved.value).toBeLessThan(0.05);
    expect(Math.abs(reached(solved.scenario, target) - 0.52)).toBeLessThanOrEqual(tolerance(target));
    expect(solved.achieved).toBe(reached(solved.scenario, target));
    expect(solved.evaluations).toBeGreaterThan(solved.iterations);
  });

  it('finds the rural-to-urban migration level that brings the resident rate to 70 % in 2029', () => {
    const target = { indicator: 'residentUrbanisationRate', year: 2029, value: 0.7 };
    const solved = solveLever(chinaFrom2020(2029), { lever: { path: 'migration.ruralToUrbanRate' }, target });
    // 2 % a year gives 70.19 % in 2029: a little less is needed
    expect(solved.value).toBeGreaterThan(0.018);
    expect(solved.value).toBeLessThan(0.02);
    expect(Math.abs(reached(solved.scenario, target) - 0.7)).toBeLessThanOrEqual(tolerance(target));
    // and 70 % is not reached one year earlier
    expect(reached(solved.scenario, { ...target, year: 2028 })).toBeLessThan(0.7);
  });

  it('finds the yearly school places that close the 2027 shortfall, as the services module computes it', () => {
    const scenario = chinaSchools();
    const before = project(scenario);
    expect(targetValue(before, { indicator: 'schoolPlaces.utilisation', year: 2027 })).toBeGreaterThan(1.05);
    const needed = targetValue(before, { indicator: 'schoolPlaces.additionsNeededPerYear', year: 2020 });
    const target = { indicator: 'schoolPlaces.utilisation', year: 2027, value: 1 };
    const solved = solveLever(scenario, { lever: { path: 'services.schoolPlaces.urbanPlaces.additionsPerYear' }, target });
    expect(solved.mode).toBe('value');
    const after = project(solved.scenario);
    expect(Math.abs(targetValue(after, target) - 1)).toBeLessThanOrEqual(tolerance(target));
    // demand 89.75 million in 2027: 85 million + 7 x additions, to within a few places
    expect(Math.abs(solved.value - needed)).toBeLessThan(10);
    expect(solved.value).toBeCloseTo(678_712, -1);
    expect(targetValue(after, { indicator: 'schoolPlaces.shortfall', year: 2027 })).toBeLessThan(10);
    // the places go in from 2021: 2026 still falls short
    expect(targetValue(after, { indicator: 'schoolPlaces.shortfall', year: 2026 })).toBeGreaterThan(1e6);
  });

  it("finds the factor on one town's migration schedule that gives that town 65 % urban in 2027", () => {
    const target = { indicator: 'residentUrbanisationRate', region: 'inland', year: 2027, value: 0.65 };
    const solved = solveLever(twoTowns(), { lever: { path: 'migration.ruralToUrbanRate', region: 'inland' }, target });
    expect(solved.mode).toBe('scale');
    const rate = solved.scenario.migration.ruralToUrbanRate as { byRegion: Record<string, unknown> };
    expect(rate.byRegion.inland).toEqual({ linear: { from: [2021, 0.03], to: [2030, 0.02] }, scale: solved.value });
    expect(rate.byRegion.coast).toBe(0.025);
    expect(Math.abs(reached(solved.scenario, target) - 0.65)).toBeLessThanOrEqual(tolerance(target));
  });

  it('stops within a looser tolerance when one is given', () => {
    const target = { indicator: 'residentUrbanisationRate', year: 2029, value: 0.7 };
    const loose = solveLever(chinaFrom2020(2029), { lever: { path: 'migration.ruralToUrbanRate' }, target, tolerance: 1e-3 });
    expect(Math.abs(reached(loose.scenario, target) - 0.7)).toBeLessThanOrEqual(1e-3);
  });

  it('throws not_converged when the iteration limit is too small', () => {
    const target = { indicator: 'residentUrbanisationRate', year: 2029, value: 0.7 };
    const issue = issueOf(() => solveLever(chinaFrom2020(2029), { lever: { path: 'migration.ruralToUrbanRate' }, target, maxIterations: 1 }));
    expect(issue.code).toBe('not_converged');
    expect(issue.message).toMatch(/^root finding did not converge in 1 iterations: the root lies in \[/);
  });

  it('throws unreachable with the range the lever reaches, up to the largest level the age profile allows', () => {
    const target = { indicator: 'hukouUrbanisationRate', year: 2028, value: 0.95 };
    const issue = issueOf(() => solveLever(chinaFrom2020(2028), { lever: { path: 'hukou.conversionRate' }, target }));
    expect(issue.code).toBe('unreachable');
    expect(issue.received).toBe('0.95');
    const m = /within \[0, ([^\]]+)\] \(higher values push an age-specific rate past its limit\): it reaches only \[([^,]+), ([^\]]+)\]$/.exec(issue.message);
    expect(m).not.toBeNull();
    const [edge, min, max] = [Number(m![1]), Number(m![2]), Number(m![3])];
    expect(issue.message.startsWith('hukouUrbanisationRate in 2028 cannot reach 0.95 by moving hukou.conversionRate (value) within [0, ')).toBe(true);
    expect(issue.expected).toBe(`a target in [${min}, ${max}]`);
    // the ends of the range are the rate with no conversion and with the largest level allowed
    expect(min).toBe(reached({ ...chinaFrom2020(2028), hukou: { conversionRate: 0 } }, target));
    expect(max).toBe(reached({ ...chinaFrom2020(2028), hukou: { conversionRate: edge } }, target));
    expect(max).toBeGreaterThan(0.6);
    expect(max).toBeLessThan(0.95);
    // a level of 1 is refused by the kernel's rate limit; the edge is just below that limit
    expect(() => project({ ...chinaFrom2020(2028), hukou: { conversionRate: 1 } })).toThrow(ChengzhenError);
    expect(() => project({ ...chinaFrom2020(2028), hukou: { conversionRate: edge * (1 + 1e-6) } })).toThrow(ChengzhenError);
  });

  it('throws unreachable within bounds that are given', () => {
    const target = { indicator: 'residentUrbanisationRate', year: 2029, value: 0.7 };
    const issue = issueOf(() => solveLever(chinaFrom2020(2029), { lever: { path: 'migration.ruralToUrbanRate' }, target, bounds: [0, 0.01] }));
    expect(issue.code).toBe('unreachable');
    const low = reached({ ...chinaFrom2020(2029), migration: { ruralToUrbanRate: 0, returnRate: 0.005 } }, target);
    const high = reached({ ...chinaFrom2020(2029), migration: { ruralToUrbanRate: 0.01, returnRate: 0.005 } }, target);
    expect(issue.message).toBe(
      `residentUrbanisationRate in 2029 cannot reach 0.7 by moving migration.ruralToUrbanRate (value) within [0, 0.01]: it reaches only [${low}, ${high}]`,
    );
  });

  it('refuses a target year outside the projection', () => {
    const issue = issueOf(() =>
      solveLever(chinaFrom2020(2025), { lever: { path: 'migration.ruralToUrbanRate' }, target: { indicator: 'residentUrbanisationRate', year: 2030, value: 0.7 } }),
    );
    expect(issue.code).toBe('out_of_range');
    expect(issue.message).toBe('target.year must be one of the years of residentUrbanisationRate (2020-2025), received 2030');
  });
});
