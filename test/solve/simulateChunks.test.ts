/**
 * A simulation's summary does not depend on how its draws are chunked: one chunk and seven
 * chunks (of uneven sizes, given in any order) give bit-identical bands and lever values, on
 * the lean path (kernel indicators only) and on the full one (services kept).
 */

import { describe, expect, it } from 'vitest';
import { planSimulation, runSimulationDraws, summariseSimulation, type SimulationPlan } from '../../src/solve/simulate.js';
import { project } from '../../src/model/project.js';
import { withLever } from '../../src/solve/levers.js';
import { firstBitDifference } from '../helpers/bits.js';
import { chinaFrom2020, twoTowns } from './fixtures.js';
import { asIndicatorKey } from '../../src/model/indicatorTable.js';
import { getPreset } from '../../src/presets/index.js';

const uncertain = { 'migration.ruralToUrbanRate': { distribution: 'uniform', min: 0.005, max: 0.03 } } as const;

function oneVersusSeven(plan: SimulationPlan, seed: number, draws: number) {
  const one = summariseSimulation(plan, seed, draws, [runSimulationDraws(plan, seed, 0, draws)]);
  const cuts = [0, 1, 2, 5, 9, 10, 17, draws];
  const chunks = cuts.slice(0, -1).map((from, i) => runSimulationDraws(plan, seed, from, cuts[i + 1]));
  const seven = summariseSimulation(plan, seed, draws, [chunks[3], chunks[0], chunks[6], chunks[2], chunks[5], chunks[1], chunks[4]]);
  return { one, seven };
}

describe('summariseSimulation: 1 chunk against 7 chunks', () => {
  it('gives bit-identical bands and lever values (two regions, a lever of one region)', () => {
    const plan = planSimulation(twoTowns(), { draws: 24, seed: 5, uncertain: [{ lever: { path: 'migration.ruralToUrbanRate', region: 'coast' }, distribution: uncertain['migration.ruralToUrbanRate'] }] });
    const { one, seven } = oneVersusSeven(plan, 5, 24);
    expect(seven.bands.length).toBe(one.bands.length);
    one.bands.forEach((band, i) => {
      for (const q of ['mean', 'q05', 'q25', 'q50', 'q75', 'q95'] as const) expect(Object.is(seven.bands[i][q], band[q])).toBe(true);
    });
    expect(firstBitDifference(seven.levers[0].values, one.levers[0].values)).toBe(-1);
  });

  it('gives the values of projecting each draw in full (the lean path keeps the same numbers)', () => {
    const scenario = chinaFrom2020(2024);
    const plan = planSimulation(scenario, { draws: 3, seed: 2, uncertain, indicators: ['residentUrbanisationRate', 'births', 'population'] });
    const chunk = runSimulationDraws(plan, 2, 0, 3);
    const Y = plan.years.length;
    for (let d = 0; d < 3; d++) {
      const projection = project(withLever(plan.scenario, { path: 'migration.ruralToUrbanRate' }, chunk.leverValues[0][d]));
      plan.keys.forEach((key, k) => {
        const values = projection.indicator(asIndicatorKey(key.indicator), { region: key.region }).values;
        const padded = values.length === Y ? values : [0, ...values];
        expect(Array.from(chunk.series[k].subarray(d * Y, (d + 1) * Y))).toEqual(padded);
      });
    }
  });
});

describe('runSimulationDraws: a draw recompiles only the rates its levers move', () => {
  // every series of the national preset (the kernel's and the services'), 3 draws, for rate
  // levers (recompiled alone), a service lever (one kernel run for all draws) and a lever that
  // compiles in full, against projecting each draw's scenario in full
  const cases = [
    { 'migration.reclassificationRate': { distribution: 'uniform', min: 0, max: 0.01 }, 'hukou.conversionRate': { distribution: 'uniform', min: 0.01, max: 0.05 } },
    { 'migration.returnRate': { distribution: 'uniform', min: 0.001, max: 0.01 } },
    { 'services.healthCare.doctors.additionsPerYear': { distribution: 'uniform', min: 0, max: 1e5 } },
    { 'migration.externalNetMigrants': { distribution: 'uniform', min: -1e5, max: 1e5 } },
  ] as const;
  it.each(cases.map((c) => [Object.keys(c).join(', '), c] as const))('%s: the values of projecting each draw in full', (_name, uncertain) => {
    const plan = planSimulation(getPreset('national-2024-2028').scenario, { draws: 3, seed: 4, uncertain });
    expect(plan.keys.some((k) => k.indicator.endsWith('.coverage'))).toBe(true);
    const chunk = runSimulationDraws(plan, 4, 0, 3);
    const Y = plan.years.length;
    for (let d = 0; d < 3; d++) {
      let scenario = plan.scenario;
      plan.uncertain.forEach((u, i) => {
        scenario = withLever(scenario, u.lever, chunk.leverValues[i][d]);
      });
      const projection = project(scenario);
      plan.keys.forEach((key, k) => {
        const values = projection.indicator(asIndicatorKey(key.indicator), { region: key.region }).values;
        const padded = values.length === Y ? values : [0, ...values];
        expect(firstBitDifference(chunk.series[k].subarray(d * Y, (d + 1) * Y), Float64Array.from(padded)), `${key.indicator}, draw ${d}`).toBe(-1);
      });
    }
  });

  it('throws the compiler\'s error, naming the draw, for a draw whose rates pass their limits', () => {
    const plan = planSimulation(getPreset('national-2024-2028').scenario, { draws: 2, seed: 1, uncertain: { 'migration.ruralToUrbanRate': { distribution: 'uniform', min: 0.9, max: 0.99 } } });
    expect(() => runSimulationDraws(plan, 1, 0, 2)).toThrow(/^draw 0 \(migration\.ruralToUrbanRate = 0\.9\d+\): migration\.ruralToUrbanRate\[region=china\] is too high from 2024/);
  });
});
