import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { project } from '../../src/model/project.js';
import { parseScenario, type Scenario } from '../../src/schema/scenario.js';
import { drawFrom } from '../../src/solve/distributions.js';
import { drawSeed, uniformStream } from '../../src/solve/random.js';
import { planSimulation, runSimulationDraws, simulate, summariseSimulation, type SimulateOptions } from '../../src/solve/simulate.js';

let scenario: Scenario;
beforeAll(() => {
  scenario = parseScenario({
    name: 'Zhejiang, uncertain levers',
    baseYear: 2020,
    endYear: 2026,
    regions: [{ id: 'zhejiang', nameEn: 'Zhejiang', nameZh: '浙江' }],
    base: { zhejiang: { population: { census2020: 'Zhejiang' }, residentUrbanisationRate: 0.7217, hukouUrbanisationRate: 0.4 } },
    migration: { ruralToUrbanRate: 0.02, returnRate: 0.005 },
    hukou: { conversionRate: 0.05 },
  });
});

const options = (draws: number, seed = 11): SimulateOptions => ({
  draws,
  seed,
  uncertain: {
    'migration.ruralToUrbanRate': { distribution: 'normal', mean: 0.02, sd: 0.004, min: 0, max: 0.1 },
    'hukou.conversionRate': { distribution: 'triangular', min: 0.03, mode: 0.05, max: 0.08 },
  },
});

describe('drawFrom(distribution, uniform)', () => {
  const fixed = (...us: number[]) => {
    let i = 0;
    return () => us[i++ % us.length];
  };

  it('inverts uniform and triangular at hand-computed points', () => {
    expect(drawFrom({ distribution: 'uniform', min: 1, max: 3 }, fixed(0.25))).toBe(1.5);
    // triangular(0, 1, 3): F(1) = 1/3; u = 0.5 > 1/3: 3 - sqrt(0.5 * 3 * 2) = 3 - sqrt(3)
    expect(drawFrom({ distribution: 'triangular', min: 0, mode: 1, max: 3 }, fixed(0.5))).toBeCloseTo(3 - Math.sqrt(3), 12);
    // u = 1/6 < 1/3: 0 + sqrt(1/6 * 3 * 1) = sqrt(0.5)
    expect(drawFrom({ distribution: 'triangular', min: 0, mode: 1, max: 3 }, fixed(1 / 6))).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('draws a normal by Box-Muller: u1 = e^-2, u2 = 0 gives mean + 2 sd', () => {
    // sqrt(-2 ln e^-2) cos(0) = 2
    expect(drawFrom({ distribution: 'normal', mean: 5, sd: 3 }, fixed(Math.exp(-2), 0))).toBeCloseTo(11, 12);
    expect(drawFrom({ distribution: 'lognormal', median: 2, sigma: 0.5 }, fixed(Math.exp(-2), 0))).toBeCloseTo(2 * Math.E, 12);
  });

  it('redraws a truncated normal outside its bounds instead of clamping', () => {
    // the first pair gives mean + 2 sd = 11 > max 10; the second pair (e^-0.5, 0.5) gives 5 + 3 * 1 * cos(pi) = 2
    const x = drawFrom({ distribution: 'normal', mean: 5, sd: 3, max: 10 }, fixed(Math.exp(-2), 0, Math.exp(-0.5), 0.5));
    expect(x).toBeCloseTo(2, 12);
  });

  it('has the stated mean and spread over many draws', () => {
    const u = uniformStream(3, 0);
    const xs = Array.from({ length: 20000 }, () => drawFrom({ distribution: 'normal', mean: 0.02, sd: 0.004 }, u));
    const m = xs.reduce((s, v) => s + v, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(m - 0.02)).toBeLessThan(0.0001);
    expect(Math.abs(sd - 0.004)).toBeLessThan(0.0001);
  });

  it('fails clearly when the truncation leaves no probability', () => {
    expect(() => drawFrom({ distribution: 'normal', mean: 0, sd: 1, min: 50, max: 51 }, uniformStream(1, 1))).toThrowError(/fell outside \[50, 51\] 100000 times/);
  });
});

describe('uniformStream(seed, draw)', () => {
  it('gives the same numbers for the same seed and draw, and others otherwise', () => {
    const a = uniformStream(42, 7);
    const b = uniformStream(42, 7);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(uniformStream(42, 8)()).not.toBe(first[0]);
    expect(uniformStream(43, 7)()).not.toBe(first[0]);
    expect(drawSeed(1, 0)).not.toBe(drawSeed(1, 1));
    for (const u of first) expect(u > 0 && u < 1).toBe(true);
  });
});

describe('simulate(scenario, options)', () => {
  it('gives identical bands for the same seed, and different ones for another seed', () => {
    const a = simulate(scenario, options(60));
    const b = simulate(scenario, options(60));
    expect(b.bands).toEqual(a.bands);
    const c = simulate(scenario, options(60, 12));
    expect(c.bands).not.toEqual(a.bands);
  });

  it('gives the same bands however the draws are split into chunks', () => {
    const whole = simulate(scenario, options(40));
    const plan = planSimulation(scenario, options(40));
    const chunks = [runSimulationDraws(plan, 11, 25, 40), runSimulationDraws(plan, 11, 0, 10), runSimulationDraws(plan, 11, 10, 25)];
    expect(summariseSimulation(plan, 11, 40, chunks).bands).toEqual(whole.bands);
  });

  it('orders its quantiles and puts the median near the deterministic run', () => {
    const sim = simulate(scenario, options(200));
    for (const b of sim.bands) {
      expect(b.q05).toBeLessThanOrEqual(b.q25);
      expect(b.q25).toBeLessThanOrEqual(b.q50);
      expect(b.q50).toBeLessThanOrEqual(b.q75);
      expect(b.q75).toBeLessThanOrEqual(b.q95);
      for (const v of [b.mean, b.q05, b.q95]) expect(Number.isFinite(v)).toBe(true);
    }
    const deterministic = project(scenario).indicator('residentUrbanisationRate').values;
    const median = sim.bands.filter((b) => b.indicator === 'residentUrbanisationRate').map((b) => b.q50);
    median.forEach((m, y) => expect(Math.abs(m - deterministic[y])).toBeLessThan(0.002));
    // the base year is not uncertain
    const base = sim.bands.find((b) => b.indicator === 'residentUrbanisationRate' && b.year === 2020)!;
    expect(base.q95 - base.q05).toBeLessThan(1e-12);
    // later years are
    const last = sim.bands.find((b) => b.indicator === 'residentUrbanisationRate' && b.year === 2026)!;
    expect(last.q95 - last.q05).toBeGreaterThan(0.001);
  });

  it('records each lever draw, within its distribution', () => {
    const sim = simulate(scenario, options(100));
    const conversion = sim.levers.find((l) => l.lever.path === 'hukou.conversionRate')!;
    expect(conversion.mode).toBe('value');
    for (const v of conversion.values) {
      expect(v).toBeGreaterThanOrEqual(0.03);
      expect(v).toBeLessThanOrEqual(0.08);
    }
  });

  it('rejects bad options naming the field', () => {
    expect(() => simulate(scenario, { ...options(0) })).toThrowError(/draws must be a whole number in \[1, 1000000\], received 0/);
    expect(() => simulate(scenario, { ...options(5), seed: 1.5 })).toThrowError(/seed must be a whole number/);
    expect(() => simulate(scenario, { ...options(5), uncertain: { 'not.a.lever': { distribution: 'uniform', min: 0, max: 1 } } as never })).toThrowError(ChengzhenError);
    expect(() =>
      simulate(scenario, { ...options(5), uncertain: { 'hukou.conversionRate': { distribution: 'triangular', min: 0.03, mode: 0.2, max: 0.08 } } }),
    ).toThrowError(/mode \(0.2\) must lie in \[min, max\]/);
    expect(() => simulate(scenario, { ...options(5), indicators: ['nope'] })).toThrowError(/indicator "nope" is not in the projection/);
  });
});

describe('simulateParallel (chengzhen/node, built)', () => {
  const built = resolve(__dirname, '../../dist/node.js');
  it.skipIf(!existsSync(built))('gives the same bands on worker threads as in one thread', async () => {
    const { simulateParallel } = (await import(pathToFileURL(built).href)) as typeof import('../../src/node/index.js');
    const one = simulate(scenario, options(30));
    const threaded = await simulateParallel(scenario, { ...options(30), threads: 2 });
    expect(threaded.bands).toEqual(one.bands);
    expect(Array.from(threaded.levers[0].values)).toEqual(Array.from(one.levers[0].values));
  }, 120_000);
});
