/**
 * compileScenario: a scenario written in TypeScript and the same scenario read from JSON
 * (examples/scenarios/two-regions.json) compile and project identically, bit for bit; the
 * kernel problem survives kernelProblemToJSON + JSON + parseKernelProblem bit for bit; and the
 * compiled rates are the scenario's levels, year by year, in the base year's age structure.
 */

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelProblemToJSON } from '../../src/io/kernelJson.js';
import { runKernel } from '../../src/kernel/runKernel.js';
import type { KernelProblem, } from '../../src/kernel/types.js';
import { compileScenario } from '../../src/model/compile.js';
import { project } from '../../src/model/project.js';
import type { Projection } from '../../src/model/projection.js';
import { parseKernelProblem } from '../../src/schema/kernelProblem.js';
import { defineScenario, parseScenario, type Scenario } from '../../src/schema/scenario.js';
import { firstBitDifference } from '../helpers/bits.js';
import { accurateSum } from '../helpers/sums.js';
import { smallTwoRegions, twoRegionsInput } from './fixtures/scenarios.js';
import { thrownBy } from '../helpers/errors.js';
import { expectBitIdentical } from '../helpers/kernelResults.js';

const EXAMPLE = new URL('../../examples/scenarios/two-regions.json', import.meta.url);

/** `sum_{s,a} rate[r,s,a] P[r,h,s,a] / sum_{s,a} P[r,h,s,a]`: the level a rate by age amounts to. */
function level(problem: KernelProblem, rate: Float64Array, r: number, h: number): number {
  const A1 = problem.maxAge + 1;
  let moved = 0;
  let people = 0;
  for (let s = 0; s < 2; s++) {
    for (let a = 0; a < A1; a++) {
      const p = problem.population[((r * 3 + h) * 2 + s) * A1 + a];
      moved += rate[(r * 2 + s) * A1 + a] * p;
      people += p;
    }
  }
  return moved / people;
}

let fromTs: Scenario;
let fromJson: Scenario;
let problem: KernelProblem;
let tsProjection: Projection;
let jsonProjection: Projection;

beforeAll(() => {
  fromTs = defineScenario(twoRegionsInput);
  fromJson = parseScenario(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
  problem = compileScenario(fromTs);
  tsProjection = project(fromTs);
  jsonProjection = project(fromJson);
});

describe('examples/scenarios/two-regions.json and its TypeScript twin', () => {
  it('parse to the same scenario, defaults filled in', () => {
    expect(fromJson).toEqual(fromTs);
    expect(fromTs.maxAge).toBe(100);
    expect(fromTs.migration.ruralToUrbanAgeProfile).toBe('labour-migration');
  });

  it('project to bit-identical indicators and populations', () => {
    expectBitIdentical(tsProjection.result, jsonProjection.result);
    const a = tsProjection.table();
    const b = jsonProjection.table();
    expect(a.length).toBe(b.length);
    expect(a.length).toBeGreaterThan(0);
    const differing = a.filter((row, i) => !Object.is(row.value, b[i].value) || row.indicator !== b[i].indicator || row.year !== b[i].year || row.region !== b[i].region);
    expect(differing).toEqual([]);
  });
});

describe('compileScenario(scenario)', () => {
  it('starts the kernel on 1 January after the base year and runs to the end year', () => {
    expect(problem.regions).toEqual(['henan', 'guangdong']);
    expect([problem.startYear, problem.years, problem.maxAge]).toEqual([2021, 15, 100]);
    expect(problem.population.length).toBe(2 * 6 * 101);
  });

  it('starts from the 2020 census populations (Henan 99,365,519; Guangdong 126,012,510)', () => {
    const perRegion = 6 * 101;
    expect(accurateSum(problem.population.subarray(0, perRegion))).toBeCloseTo(99_365_519, 5);
    expect(accurateSum(problem.population.subarray(perRegion))).toBeCloseTo(126_012_510, 5);
  });

  it('accepts the validated scenario and the input alike', () => {
    expectBitIdentical(runKernel(compileScenario(twoRegionsInput)), tsProjection.result);
  });

  it('spreads each level over ages so that, on the base population, it moves exactly that share', () => {
    const henan = 0;
    const guangdong = 1;
    const m = (year: number) => problem.inputs.m[year - 2021];
    const k = (year: number) => problem.inputs.k[year - 2021];
    // linear 0.03 (2021) -> 0.02 (2035): 0.025 in 2028
    expect(level(problem, m(2021), henan, 0)).toBeCloseTo(0.03, 14);
    expect(level(problem, m(2028), henan, 0)).toBeCloseTo(0.025, 14);
    expect(level(problem, m(2035), henan, 0)).toBeCloseTo(0.02, 14);
    // step 0.025 from 2021, 0.02 from 2026, 0.015 from 2031
    expect(level(problem, m(2025), guangdong, 0)).toBeCloseTo(0.025, 14);
    expect(level(problem, m(2026), guangdong, 0)).toBeCloseTo(0.02, 14);
    expect(level(problem, m(2035), guangdong, 0)).toBeCloseTo(0.015, 14);
    // formula 0.04 + 0.002 (year - 2021), on migrants
    expect(level(problem, k(2030), henan, 1)).toBeCloseTo(0.058, 14);
    // linear points 0.02 (2021), 0.03 (2030), 0.035 (2035)
    expect(level(problem, k(2025), guangdong, 1)).toBeCloseTo(0.02 + (0.01 * 4) / 9, 14);
    expect(level(problem, k(2033), guangdong, 1)).toBeCloseTo(0.033, 14);
    // a constant in-situ rate is kept as one array for every year
    expect(problem.inputs.c).toEqual([Float64Array.of(0.002, 0.002)]);
  });

  it('writes the destination shares as the D and E matrices', () => {
    expect(problem.inputs.D).toEqual([{ kind: 'dense', values: Float64Array.of(0.75, 0.25, 0, 1) }]);
    expect(problem.inputs.E).toEqual([{ kind: 'dense', values: Float64Array.of(1, 0, 0.5, 0.5) }]);
  });

  it('rejects destination shares that do not sum to 1', () => {
    const s = smallTwoRegions();
    const error = thrownBy(() => compileScenario({ ...s, migration: { ...s.migration, destinations: { inland: { inland: 0.8, coast: 0.1 } } } }));
    expect(error.issues[0]).toMatchObject({ code: 'row_sum', path: ['migration', 'destinations', 'inland'] });
    expect(error.message).toMatchInlineSnapshot(`"migration.destinations.inland: the shares must sum to 1, received 0.9"`);
  });

  it('rejects a level that the age profile pushes above 1, naming lever, year, region, sex and age', () => {
    const s = smallTwoRegions();
    const error = thrownBy(() => compileScenario({ ...s, migration: { ...s.migration, ruralToUrbanRate: 0.5 } }));
    expect(error.issues[0]).toMatchObject({ code: 'constraint', path: ['migration', 'ruralToUrbanRate'], coords: { year: 2021, region: 'inland', sex: 'female' } });
    expect(error.issues.length).toBeLessThanOrEqual(20);
  });
});

describe('compileScenario(scenario) through the kernel problem format', () => {
  it('passes parseKernelProblem after kernelProblemToJSON and a JSON round trip', () => {
    const parsed = parseKernelProblem(JSON.parse(JSON.stringify(kernelProblemToJSON(problem))));
    expect(parsed.regions).toEqual(problem.regions);
    expect([parsed.startYear, parsed.years, parsed.maxAge]).toEqual([problem.startYear, problem.years, problem.maxAge]);
    expect(firstBitDifference(parsed.population, problem.population)).toBe(-1);
    for (const key of ['sx', 'sb', 'fx', 'srb', 'm', 'c', 'k', 'q', 'n'] as const) {
      expect({ key, lengths: parsed.inputs[key].length }).toEqual({ key, lengths: problem.inputs[key].length });
      parsed.inputs[key].forEach((values, t) => expect({ key, t, at: firstBitDifference(values, problem.inputs[key][t]) }).toEqual({ key, t, at: -1 }));
    }
  });

  it('gives bit-identical kernel results after the round trip', () => {
    const parsed = parseKernelProblem(JSON.parse(JSON.stringify(kernelProblemToJSON(problem))));
    expectBitIdentical(runKernel(parsed), tsProjection.result);
  });
});
