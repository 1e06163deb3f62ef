/**
 * A simulation's summary does not depend on how its draws are chunked: one chunk and seven
 * chunks (of uneven sizes, given in any order) give bit-identical bands and lever values, on
 * the lean path (kernel indicators only) and on the full one (services kept).
 */

import { mean, quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { bandsSummary, compilesFromDrawBase, drawBase, planSimulation, runSimulationDraws, runSimulationDrawsInto, simulate, simulationColumns, simulationResult, summariseColumns, summariseSimulation, useDrawBase, type QuantileBand, type SimulationPlan, type SimulationResult } from '../../src/solve/simulate.js';
import { markLeverCopyParsed } from '../../src/schema/scenario.js';
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

describe('runSimulationDraws: a rate that changes from year to year', () => {
  it('scales each year\'s level as projecting the draw in full does', () => {
    const preset = getPreset('national-2024-2028').scenario;
    const scenario = { ...preset, migration: { ...preset.migration, ruralToUrbanRate: { points: [[2024, 0.015], [2030, 0.022], [2035, 0.018]] } } } as typeof preset;
    const uncertain = [{ lever: { path: 'migration.ruralToUrbanRate', mode: 'scale' }, distribution: { distribution: 'uniform', min: 0.6, max: 1.3 } }] as const;
    const plan = planSimulation(scenario, { draws: 2, seed: 3, uncertain: [...uncertain], indicators: ['population', 'residentUrbanisationRate', 'schoolPlaces.coverage'] });
    const chunk = runSimulationDraws(plan, 3, 0, 2);
    const Y = plan.years.length;
    for (let d = 0; d < 2; d++) {
      const projection = project(withLever(plan.scenario, uncertain[0].lever, chunk.leverValues[0][d]));
      plan.keys.forEach((key, k) => {
        const values = Float64Array.from(projection.indicator(asIndicatorKey(key.indicator), { region: key.region }).values);
        expect(firstBitDifference(chunk.series[k].subarray(d * Y, (d + 1) * Y), values), `${key.indicator}, draw ${d}`).toBe(-1);
      });
    }
  });
});

describe('summariseSimulation: the quantiles of the values sorted as numbers', () => {
  it('gives the mean and quantiles of Array.prototype.sort\'s order, bit for bit, for series rising, falling, noisy, shuffled, with -0 and NaN', () => {
    const draws = 400;
    const plan = planSimulation(twoTowns(), { draws, seed: 5, uncertain, indicators: ['population'] });
    const Y = plan.years.length;
    const lever = Float64Array.from({ length: draws }, (_, d) => ((d * 7919) % draws) / draws);
    // a column of each kind, by year: rising and falling with the lever, rising up to rounding,
    // shuffled, flat, with -0, with NaN
    const kinds = [
      (x: number) => 1e6 * x,
      (x: number) => 5 - 3 * x,
      (x: number, d: number) => 1.4e9 + x * 1e-7 + (d % 3) * 2.384185791015625e-7,
      (_x: number, d: number) => Math.sin(d * 12.9898) * 43758.5453,
      () => 0.25,
      (x: number) => (x < 0.5 ? -0 : x),
      (x: number, d: number) => (d === 7 ? Number.NaN : x),
    ];
    const series = plan.keys.map(() => {
      const values = new Float64Array(draws * Y);
      for (let d = 0; d < draws; d++) for (let y = 0; y < Y; y++) values[d * Y + y] = kinds[y % kinds.length](lever[d], d);
      return values;
    });
    const sim = summariseSimulation(plan, 5, draws, [{ from: 0, to: draws, leverValues: [lever], series }]);
    plan.keys.forEach((key, k) => {
      for (let y = 0; y < Y; y++) {
        const sorted = Array.from({ length: draws }, (_, d) => series[k][d * Y + y]).sort((a, b) => a - b);
        const band = sim.bands.find((b) => b.indicator === key.indicator && b.region === key.region && b.year === plan.years[y])!;
        const expected = { mean: mean(sorted), q05: quantileSorted(sorted, 0.05), q25: quantileSorted(sorted, 0.25), q50: quantileSorted(sorted, 0.5), q75: quantileSorted(sorted, 0.75), q95: quantileSorted(sorted, 0.95) };
        for (const [q, value] of Object.entries(expected)) expect(Object.is(band[q as keyof typeof expected], value), `${key.region} ${plan.years[y]} ${q}: ${band[q as keyof typeof expected]} vs ${value}`).toBe(true);
      }
    });
  });
});

describe('useDrawBase(scenario, base): the draws of another thread', () => {
  it('gives the draws bit for bit from a structured clone of the scenario and of its draw base', () => {
    const plan = planSimulation(getPreset('national-2024-2028').scenario, { draws: 4, seed: 9, uncertain });
    expect(compilesFromDrawBase(plan)).toBe(true);
    const here = runSimulationDraws(plan, 9, 0, 4);
    // as a worker thread receives them
    const scenario = markLeverCopyParsed(structuredClone(plan.scenario));
    useDrawBase(scenario, structuredClone(drawBase(plan.scenario)));
    const there = runSimulationDraws({ ...plan, scenario }, 9, 0, 4);
    here.series.forEach((values, k) => expect(firstBitDifference(there.series[k], values), plan.keys[k].indicator).toBe(-1));
    expect(compilesFromDrawBase({ ...plan, uncertain: [{ lever: { path: 'migration.externalNetMigrants' }, distribution: uncertain['migration.ruralToUrbanRate'] }] })).toBe(false);
  });
});

describe('runSimulationDrawsInto and bandsSummary: the columns threads share', () => {
  /** A hash of the bands and lever values, to compare runs bit for bit. */
  const hash = (sim: SimulationResult) => createHash('sha256').update(JSON.stringify(sim.bands)).update(new Uint8Array(sim.levers[0].values.buffer)).digest('hex');

  it('gives the bands of simulate whatever the ranges, their order, and the order the series are summarised in', () => {
    const scenario = getPreset('national-2024-2028').scenario;
    const draws = 300;
    const options = { draws, seed: 9, uncertain: { 'migration.ruralToUrbanRate': { distribution: 'normal', mean: 0.019, sd: 0.002, min: 0 } } } as const;
    const whole = simulate(scenario, options);
    const plan = planSimulation(scenario, options);
    const cuts: [number, number][][] = [
      [[0, draws]],
      [[150, 300], [0, 150]],
      [[0, 1], [299, 300], [1, 17], [17, 160], [160, 299]],
      Array.from({ length: draws }, (_, d) => [draws - 1 - d, draws - d] as [number, number]),
    ];
    for (const ranges of cuts) {
      const columns = simulationColumns(plan, draws);
      for (const [from, to] of ranges) runSimulationDrawsInto(plan, 9, from, to, columns);
      // the series summarised in reverse, as two threads would share them
      const bands: QuantileBand[][] = [];
      const summary = bandsSummary(plan, columns);
      for (let k = plan.keys.length - 1; k >= 0; k--) bands[k] = summary.bandsOf(k);
      const sim = simulationResult(plan, 9, columns, bands.flat());
      expect(hash(sim), JSON.stringify(ranges.slice(0, 5))).toBe(hash(whole));
    }
    expect(hash(summariseColumns(plan, 9, (() => {
      const columns = simulationColumns(plan, draws);
      runSimulationDrawsInto(plan, 9, 0, draws, columns);
      return columns;
    })()))).toBe(hash(whole));
    expect(whole.bands.find((b) => b.indicator === 'residentUrbanisationRate' && b.year === 2028)?.q50).toBeCloseTo(0.6944, 4);
  });

  it('refuses draws outside the columns', () => {
    const plan = planSimulation(twoTowns(), { draws: 4, seed: 1, uncertain });
    expect(() => runSimulationDrawsInto(plan, 1, 2, 5, simulationColumns(plan, 4))).toThrow("draws 2 to 5 must be within the columns' 4 draws");
  });
});
