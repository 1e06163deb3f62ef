/**
 * Solver inputs are checked before anything is projected, each bad one named: targets and
 * observations that are not finite, levers named twice, seeds outside [0, 2^32).
 */

import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/solve/calibrate.js';
import { checkSeed, drawSeed, MAX_SEED, uniformStream } from '../../src/solve/random.js';
import { planSimulation, runSimulationDraws } from '../../src/solve/simulate.js';
import { solveLever } from '../../src/solve/solveLever.js';
import { solveTargets } from '../../src/solve/solveTargets.js';
import { issueOf, thrownBy } from '../helpers/errors.js';
import { twoTowns } from './fixtures.js';

const rate = 'residentUrbanisationRate';

describe('solveLever / solveTargets / calibrate: targets must be finite', () => {
  it('solveLever(scenario, { target: value 1e999 }) names target.value', () => {
    const issue = issueOf(() => solveLever(twoTowns(), { lever: { path: 'hukou.conversionRate' }, target: { indicator: rate, year: 2026, value: 1e999 } }));
    expect(issue).toMatchObject({ code: 'not_finite', path: ['target', 'value'], message: 'target.value must be a finite number, received Infinity' });
  });

  it('solveTargets(scenario, { targets: [NaN] }) names targets[0].value', () => {
    const issue = issueOf(() => solveTargets(twoTowns(), { levers: [{ path: 'hukou.conversionRate' }], targets: [{ indicator: rate, year: 2026, value: Number.NaN }] }));
    expect(issue).toMatchObject({ path: ['targets', 0, 'value'], message: 'targets[0].value must be a finite number, received NaN' });
  });

  it('calibrate with a malformed observation (Number("1.2.3") is NaN) or a fractional year names each field', () => {
    const error = thrownBy(() =>
      calibrate(twoTowns(), {
        levers: [{ path: 'migration.ruralToUrbanRate' }],
        observations: [
          { indicator: rate, year: 2022, value: Number('1.2.3') },
          { indicator: rate, year: 2022.5, value: 0.6 },
        ],
      }),
    );
    expect(error.issues.map((i) => i.message)).toEqual(['observations[0].value must be a finite number, received NaN', 'observations[1].year must be a whole year, received 2022.5']);
  });

  it('calibrate with no observations says so (not "up to undefined")', () => {
    const issue = issueOf(() => calibrate(twoTowns(), { levers: [{ path: 'migration.ruralToUrbanRate' }], observations: [] }));
    expect(issue.message).toBe('calibrate needs at least one observation');
  });
});

describe('the same lever twice is refused', () => {
  it('calibrate(scenario, { levers: [a, a] })', () => {
    const issue = issueOf(() =>
      calibrate(twoTowns(), { levers: [{ path: 'hukou.conversionRate' }, { path: 'hukou.conversionRate' }], observations: [{ indicator: rate, year: 2022, value: 0.6 }] }),
    );
    expect(issue).toMatchObject({ code: 'duplicate', path: ['levers', 1], message: 'levers[1] repeats levers[0] (hukou.conversionRate): name each lever once' });
  });

  it('planSimulation(scenario, { uncertain: [a, a] }) and the same lever per region', () => {
    const d = { distribution: 'uniform', min: 0.01, max: 0.03 } as const;
    const twice = issueOf(() => planSimulation(twoTowns(), { draws: 2, seed: 1, uncertain: [{ lever: { path: 'hukou.conversionRate' }, distribution: d }, { lever: { path: 'hukou.conversionRate' }, distribution: d }] }));
    expect(twice).toMatchObject({ code: 'duplicate', path: ['uncertain', 1] });
    // different regions are different levers
    const plan = planSimulation(twoTowns(), {
      draws: 2,
      seed: 1,
      uncertain: [{ lever: { path: 'hukou.conversionRate', region: 'inland' }, distribution: d }, { lever: { path: 'hukou.conversionRate', region: 'coast' }, distribution: d }],
    });
    expect(plan.uncertain.length).toBe(2);
  });
});

describe(`seeds: whole numbers in [0, MAX_SEED = ${MAX_SEED}]`, () => {
  it('refuses 2^32 + 1 (which would repeat the draws of 1), -1 and 1.5, naming seed', () => {
    for (const seed of [2 ** 32 + 1, 2 ** 32, -1, 1.5]) expect(issueOf(() => checkSeed(seed)).path).toEqual(['seed']);
    expect(issueOf(() => checkSeed(2 ** 32 + 1)).message).toBe('seed must be a whole number in [0, 4294967295], received 4294967297');
    const d = { distribution: 'uniform', min: 0.01, max: 0.03 } as const;
    const plan = planSimulation(twoTowns(), { draws: 1, seed: 1, uncertain: { 'hukou.conversionRate': d } });
    expect(issueOf(() => runSimulationDraws(plan, 2 ** 32 + 1, 0, 1)).path).toEqual(['seed']);
    expect(issueOf(() => planSimulation(twoTowns(), { draws: 1, seed: 2 ** 32 + 1, uncertain: { 'hukou.conversionRate': d } })).path).toEqual(['seed']);
  });

  it('distinct accepted seeds give distinct streams (the mix is a bijection on 32 bits)', () => {
    const seeds = [0, 1, 2, 2 ** 31 - 1, 2 ** 31, MAX_SEED - 1, MAX_SEED];
    for (const draw of [0, 1, 999]) expect(new Set(seeds.map((s) => drawSeed(s, draw))).size).toBe(seeds.length);
    const first = seeds.map((s) => uniformStream(s, 0)());
    expect(new Set(first).size).toBe(seeds.length);
  });
});
