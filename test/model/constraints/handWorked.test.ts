/**
 * Two-region cases worked by hand, one per constraint. Every problem has ages 0..1, survival
 * 1 and no births, so the survivors of a status are all aged 1 at the year's end and number
 * the cells of both ages at its start: a region with 500 rural persons in each of its four
 * cells has 2000 rural survivors, and m = 0.1 moves 200 of them.
 */

import { describe, expect, it } from 'vitest';
import { parseKernelProblem } from '../../../src/schema/kernelProblem.js';
import { runKernel } from '../../../src/kernel/runKernel.js';
import type { KernelResult } from '../../../src/kernel/types.js';
import { runConstrainedKernel } from '../../../src/model/constraints/controller.js';
import { ConstraintsSchema, type ConstraintsInput } from '../../../src/schema/constraints.js';

const A1 = 2;
/** Cells of region r, status h (0 rural, 1 migrant, 2 hukou): [female 0, female 1, male 0, male 1]. */
type Cells = Record<string, [number, number, number, number]>;

function population(cells: Cells): number[] {
  const out = new Array<number>(2 * 3 * 2 * A1).fill(0);
  for (const [key, values] of Object.entries(cells)) {
    const [r, h] = key.split('').map(Number);
    values.forEach((v, i) => {
      out[(r * 3 + h) * 2 * A1 + i] = v;
    });
  }
  return out;
}

function problem(cells: Cells, rates: { m?: [number, number]; k?: [number, number]; D?: number[]; n?: number[] }) {
  const byRegion = (v: [number, number]) => [v[0], v[0], v[0], v[0], v[1], v[1], v[1], v[1]];
  return parseKernelProblem({
    format: 'chengzhen-kernel/1',
    dims: { regions: ['a', 'b'], maxAge: 1 },
    startYear: 2024,
    years: 1,
    population: population(cells),
    inputs: {
      sx: new Array(24).fill(1),
      sb: new Array(12).fill(1),
      fx: new Array(12).fill(0),
      srb: [1.05, 1.05],
      m: byRegion(rates.m ?? [0, 0]),
      c: [0, 0],
      k: byRegion(rates.k ?? [0, 0]),
      q: new Array(8).fill(0),
      ...(rates.D ? { D: rates.D } : {}),
      ...(rates.n ? { n: rates.n } : {}),
    },
  });
}

const run = (p: ReturnType<typeof problem>, c: ConstraintsInput, tiers: (string | undefined)[] = []) => runConstrainedKernel(p, ConstraintsSchema.parse(c), tiers);
/** Persons of region r and status h at the end of the run. */
function total(result: KernelResult, r: number, h: number): number {
  const P = result.population[result.population.length - 1];
  let sum = 0;
  for (let x = 0; x < 2 * A1; x++) sum += P[(r * 3 + h) * 2 * A1 + x];
  return sum;
}
/** A series value of region r (2 = both) in the first projected year. */
const at = (series: Map<string, Float64Array>, key: string, r: number) => series.get(key)![1 * 3 + r];

// a: 2000 rural persons, m = 0.1: 200 movers, half to a's own towns, half to b.
// b: 400 migrants already there; housing for 450: room for 50 of the 100 meant for b.
const housingCase = problem({ '00': [500, 500, 500, 500], '11': [100, 100, 100, 100] }, { m: [0.1, 0], D: [0.5, 0.5, 0, 1] });
const housing = (spill: 'stay' | 'reroute'): ConstraintsInput => ({ housing: { spill, ages: { from: 0, to: 1 }, capacity: { initial: { byRegion: { b: 450 } } } } });

describe('housing-led in-migration, worked by hand', () => {
  it('without a binding limit, gives the kernel\'s result bit for bit', () => {
    const loose = run(housingCase, { housing: { ages: { from: 0, to: 1 }, capacity: { initial: { byRegion: { b: 1000 } } } } });
    const plain = runKernel(housingCase);
    expect(loose.result.population[1]).toEqual(plain.population[1]);
    expect(at(loose.series, 'housing.binds', 1)).toBe(0);
  });

  it('spill "stay": b takes 50 of its 100; the other 50 stay rural in a', () => {
    const { result, series } = run(housingCase, housing('stay'));
    // b: f = 50 / 100 = 0.5; a's movers: 0.5 + 0.5 x 0.5 = 75 % of 200 = 150, of whom 100 in a, 50 in b
    expect(result.flows.ruralToUrban[0]).toBeCloseTo(150, 9);
    expect(total(result, 0, 0)).toBeCloseTo(1850, 9);
    expect(total(result, 0, 1)).toBeCloseTo(100, 9);
    expect(total(result, 1, 1)).toBeCloseTo(450, 9); // exactly the housing
    expect(at(series, 'housing.binds', 1)).toBe(1);
    expect(at(series, 'housing.binds', 0)).toBe(0);
    expect(at(series, 'housing.heldBack', 1)).toBeCloseTo(50, 9);
    expect(at(series, 'housing.rerouted', 1)).toBe(0);
  });

  it('spill "reroute": the 50 b cannot house go to a\'s own towns', () => {
    const { result, series } = run(housingCase, housing('reroute'));
    // a's row: b keeps 0.5 x 0.5 = 0.25, the lost 0.25 goes to a (the only open destination): 0.75
    expect(result.flows.ruralToUrban[0]).toBeCloseTo(200, 9);
    expect(total(result, 0, 0)).toBeCloseTo(1800, 9);
    expect(total(result, 0, 1)).toBeCloseTo(150, 9);
    expect(total(result, 1, 1)).toBeCloseTo(450, 9);
    expect(at(series, 'housing.heldBack', 1)).toBeCloseTo(50, 9);
    expect(at(series, 'housing.rerouted', 1)).toBeCloseTo(50, 9);
  });

  it('counts only the share in need, with persons per unit: 0.5 in need, 2 persons a unit', () => {
    // places: 250 units x 2 = 500 persons; occupied 0.5 x 400 = 200; room 300 persons in need;
    // demand 0.5 x 100 = 50 in need: does not bind. With 120 units: places 240, room 40, f = 40/50
    const c = (units: number): ConstraintsInput => ({ housing: { shareInNeed: 0.5, personsPerUnit: 2, unit: 'units', ages: { from: 0, to: 1 }, capacity: { initial: { byRegion: { b: units } } } } });
    expect(at(run(housingCase, c(250)).series, 'housing.binds', 1)).toBe(0);
    const tight = run(housingCase, c(120));
    expect(total(tight.result, 1, 1)).toBeCloseTo(400 + 100 * 0.8, 9);
    expect(at(tight.series, 'housing.heldBack', 1)).toBeCloseTo(20, 9);
  });

  it('holds back outside arrivals too, which cannot be rerouted', () => {
    // b gets 40 outside migrants (10 a cell) and 100 movers from a; room 50: f = 50 / 140
    const n = new Array<number>(24).fill(0);
    for (let x = 0; x < 4; x++) n[(1 * 3 + 1) * 4 + x] = 10;
    const p = problem({ '00': [500, 500, 500, 500], '11': [100, 100, 100, 100] }, { m: [0.1, 0], D: [0.5, 0.5, 0, 1], n });
    const { result, series } = run(p, housing('stay'));
    expect(total(result, 1, 1)).toBeCloseTo(450, 9);
    expect(at(series, 'housing.heldBack', 1)).toBeCloseTo(140 - 50, 9);
    expect(result.flows.netInternational[1]).toBeCloseTo((40 * 50) / 140, 9);
  });
});

describe('errors in a constrained year', () => {
  it('are the kernel\'s: outside migrants removing more people than a cell holds', () => {
    const n = new Array<number>(24).fill(0);
    n[(1 * 3 + 1) * 4 + 1] = -1000; // b's migrant women aged 1: 200 at the year's end
    const p = problem({ '00': [500, 500, 500, 500], '11': [100, 100, 100, 100] }, { m: [0.1, 0], D: [0.5, 0.5, 0, 1], n });
    expect(() => run(p, housing('stay'))).toThrow(/inputs\.n\[year=2024, region=b, status=migrant, sex=female, age=1\] removes more people than there are/);
  });
});

describe('settlement quotas, worked by hand', () => {
  // a and b: 400 migrants each, k = 0.1: 40 conversions each without a quota
  const p = problem({ '01': [100, 100, 100, 100], '11': [100, 100, 100, 100] }, { k: [0.1, 0.1] });

  it('caps conversions at the quota, by region and by tier, scaling every age and sex alike', () => {
    const { result, series } = run(p, { settlementQuota: { persons: { byRegion: { a: 30 }, byTier: { megacity: 25 } } } }, [undefined, 'megacity']);
    expect(result.flows.conversions[0]).toBeCloseTo(30, 9);
    expect(result.flows.conversions[1]).toBeCloseTo(25, 9);
    expect(at(series, 'settlementQuota.heldBack', 0)).toBeCloseTo(10, 9);
    expect(at(series, 'settlementQuota.heldBack', 1)).toBeCloseTo(15, 9);
    expect(at(series, 'settlementQuota.binds', 2)).toBe(2);
    // proportional: the 200 women and 200 men (all aged 1 at the year's end) convert 15 each
    const P = result.population[1];
    expect(P[(0 * 3 + 2) * 4 + 1]).toBeCloseTo(15, 9);
    expect(P[(0 * 3 + 2) * 4 + 3]).toBeCloseTo(15, 9);
  });

  it('leaves a region without a quota value alone, and a quota above the conversions', () => {
    const { result, series } = run(p, { settlementQuota: { persons: { byTier: { megacity: 100 } } } }, [undefined, 'megacity']);
    expect(result.flows.conversions[0]).toBeCloseTo(40, 9);
    expect(result.flows.conversions[1]).toBeCloseTo(40, 9);
    expect(at(series, 'settlementQuota.binds', 2)).toBe(0);
  });
});

describe('school access, worked by hand', () => {
  // a: 2000 rural children, m = 0.1: 200 children move, all to b (school age 1).
  // b: 300 local (hukou) children and 100 migrant children, 450 places: 50 left for newcomers
  const cells: Cells = { '00': [500, 500, 500, 500], '11': [0, 50, 0, 50], '12': [0, 150, 0, 150] };
  const p = problem(cells, { m: [0.1, 0], D: [0, 1, 0, 1] });
  const school = (leftBehind: boolean): ConstraintsInput => ({ schoolAccess: { ages: { from: 1, to: 1 }, migrantChildrenPublicSchoolShare: 1, places: { initial: { byRegion: { b: 450 } } }, leftBehind } });

  it('without left-behind children, the public school share falls to 150 / 300', () => {
    const { result, series } = run(p, school(false));
    expect(total(result, 1, 1)).toBeCloseTo(300, 9);
    expect(at(series, 'schoolAccess.publicSchoolShare', 1)).toBeCloseTo(0.5, 12);
    expect(at(series, 'schoolAccess.withoutPublicPlace', 1)).toBeCloseTo(150, 9);
    expect(at(series, 'schoolAccess.binds', 1)).toBe(1);
    expect(series.get('schoolAccess.publicSchoolShare')![1]).toBe(1); // base year: 100 migrant children, 150 places left
    expect(series.has('schoolAccess.leftBehind')).toBe(false);
  });

  it('with left-behind children, 50 come and 150 stay in a, counted there', () => {
    const { result, series } = run(p, school(true));
    expect(result.flows.ruralToUrban[0]).toBeCloseTo(50, 9);
    expect(total(result, 0, 0)).toBeCloseTo(1950, 9);
    expect(total(result, 1, 1)).toBeCloseTo(150, 9);
    expect(at(series, 'schoolAccess.leftBehind', 0)).toBeCloseTo(150, 9);
    expect(at(series, 'schoolAccess.leftBehind', 1)).toBe(0);
    expect(at(series, 'schoolAccess.publicSchoolShare', 1)).toBeCloseTo(1, 12);
    expect(at(series, 'schoolAccess.binds', 1)).toBe(0);
  });
});
