/**
 * The compiler's demography by row: regions with the same mortality, fertility and sex ratio at
 * birth share one row (the counties of one province share their province's); a problem of many
 * regions holds its demography by row and projects as its per-region layout does, bit for bit,
 * while a small one keeps the per-region layout.
 */

import { describe, expect, it } from 'vitest';
import { kernelProblemToJSON } from '../../src/io/kernelJson.js';
import { expandDemographyRows, expandDemographyRowsInto } from '../../src/kernel/demographyRows.js';
import { runKernel } from '../../src/kernel/runKernel.js';
import { compileScenario, demographyRowInputs, fillDemographyRowsWithRoom, groupedDemography, planCompilation } from '../../src/model/compile.js';
import { project, projectIndicators } from '../../src/model/project.js';
import type { ScenarioInput } from '../../src/schema/scenario.js';
import { firstBitDifference } from '../helpers/bits.js';
import { expectBitIdentical } from '../helpers/kernelResults.js';
import { smallTwoRegions } from './fixtures/scenarios.js';

/** Towns in three provinces (mortality 0.9, 1 and 1.2), one of them with its own TFR, movers pooled by province and nation; `ownTfr` gives every town its own. */
function towns(count: number, ownTfr = false): ScenarioInput {
  const ids = Array.from({ length: count }, (_, r) => `t${r}`);
  const province = (r: number) => ['p0', 'p1', 'p2'][r % 3];
  // raw weights normalised within each group
  const weights = (raw: (r: number) => number, group: (r: number) => string) => {
    const sums = new Map<string, number>();
    ids.forEach((_, r) => sums.set(group(r), (sums.get(group(r)) ?? 0) + raw(r)));
    return { byRegion: Object.fromEntries(ids.map((id, r) => [id, raw(r) / sums.get(group(r))!])) };
  };
  return {
    name: `${count} towns`,
    baseYear: 2020,
    endYear: 2024,
    regions: ids.map((id, r) => ({ id, nameEn: id, nameZh: id, province: province(r) })),
    base: Object.fromEntries(
      ids.map((id, r) => [
        id,
        {
          population: { ageGroups: { starts: [0, 15, 30, 45, 60, 75], female: [900 + r, 1000, 1100, 1000, 800, 400], male: [950, 1040 + r, 1080, 990, 760, 330] } },
          residentUrbanisationRate: 0.5 + (r % 5) / 20,
          hukouUrbanisationRate: 0.3 + (r % 3) / 20,
        },
      ]),
    ),
    migration: {
      ruralToUrbanRate: 0.02,
      destinations: {
        pooled: {
          levels: [
            { group: 'province', share: 0.7, weight: weights((r) => 1 + (r % 4), province) },
            { group: 'all', share: 0.3, weight: weights((r) => 1 + (r % 7), () => 'all') },
          ],
        },
      },
    },
    hukou: { conversionRate: 0.03 },
    demography: {
      mortality: { source: 'un-wpp2024', mxScale: { byRegion: Object.fromEntries(ids.map((id, r) => [id, [0.9, 1, 1.2][r % 3]])) } },
      fertility: { tfr: 'un-wpp2024', tfrScale: ownTfr ? { byRegion: Object.fromEntries(ids.map((id, r) => [id, 0.8 + r / 100])) } : { byRegion: { t5: 1.3 }, default: 1 } },
      netInternationalMigration: 'none',
    },
  };
}

describe('compileScenario(scenario): demography by row', () => {
  const input = towns(70);
  const problem = compileScenario(input);

  it('holds 70 towns in 4 rows: three provinces, and the town with its own TFR', () => {
    const rows = problem.inputs.demographyRows;
    expect(rows).toHaveLength(1);
    expect(Array.from(rows![0].subarray(0, 9))).toEqual([0, 1, 2, 0, 1, 3, 0, 1, 2]);
    for (const sx of problem.inputs.sx) expect(sx.length).toBe(4 * 6 * 101);
    expect(problem.inputs.srb[0].length).toBe(4);
  });

  it('projects as its per-region layout does, bit for bit, and writes the same kernel JSON', () => {
    const expanded = expandDemographyRows(problem);
    expectBitIdentical(runKernel(problem), runKernel(expanded));
    const json = (p: typeof problem) => JSON.stringify(kernelProblemToJSON(p));
    expect(json(problem)).toBe(json(expanded));
  });

  it('gives projectIndicators the stocks and flows of project(), bit for bit', () => {
    const full = project(input).kernel;
    const only = projectIndicators(input).kernel;
    for (const [name, values] of Object.entries(full.stocks)) expect({ name, at: firstBitDifference(only.stocks[name as keyof typeof full.stocks], values) }).toEqual({ name, at: -1 });
    for (const [name, values] of Object.entries(full.flows)) expect({ name, at: firstBitDifference(only.flows[name as keyof typeof full.flows], values) }).toEqual({ name, at: -1 });
  });

  it('keeps a small problem per region: two towns', () => {
    const small = compileScenario(smallTwoRegions());
    expect(small.inputs.demographyRows).toBeUndefined();
    expect(small.inputs.sx[0].length).toBe(2 * 6 * 101);
  });
});

describe('planCompilation(scenario).fillDemographyRows(t, out)', () => {
  it('writes rows that expand to what fillDemography writes, bit for bit, in every step', () => {
    const plan = planCompilation(towns(70));
    const R = plan.regions.length;
    const A1 = plan.maxAge + 1;
    const tables = () => ({ sx: new Float64Array(R * 6 * A1), sb: new Float64Array(R * 6), fx: new Float64Array(R * 3 * A1), srb: new Float64Array(R) });
    for (let t = 0; t < plan.steps; t++) {
      const byRow = { ...tables(), rows: new Int32Array(R), n: null };
      expect(plan.fillDemographyRows(t, byRow)).toBe(4);
      const expanded = tables();
      expandDemographyRowsInto(byRow.rows, byRow, expanded, plan.maxAge);
      const perRegion = { ...tables(), n: null };
      plan.fillDemography(t, perRegion);
      for (const key of ['sx', 'sb', 'fx', 'srb'] as const) expect({ key, t, at: firstBitDifference(expanded[key], perRegion[key]) }).toEqual({ key, t, at: -1 });
    }
  });
});

describe('fillDemographyRowsWithRoom(plan, t, out)', () => {
  it('counts the rows past the room of the tables without writing them, then makes room: 4 rows in room for 2', () => {
    const plan = planCompilation(towns(70));
    const out = demographyRowInputs(2, 70, plan.maxAge, false);
    expect(plan.fillDemographyRows(0, out)).toBe(4);
    expect(out.srb.length).toBe(2);
    expect(fillDemographyRowsWithRoom(plan, 0, out)).toBe(4);
    expect(out.srb.length).toBe(4);
    const full = demographyRowInputs(70, 70, plan.maxAge, false);
    plan.fillDemographyRows(0, full);
    expect(firstBitDifference(out.sx, full.sx.subarray(0, out.sx.length))).toBe(-1);
    expect(Array.from(out.rows)).toEqual(Array.from(full.rows));
  });

  it('gives 70 towns with a TFR each 70 rows, more than the first room: the problem keeps them per region', () => {
    const input = towns(70, true);
    const problem = compileScenario(input);
    expect(problem.inputs.demographyRows).toBeUndefined();
    const full = project(input).kernel;
    const only = projectIndicators(input).kernel;
    for (const [name, values] of Object.entries(full.stocks)) expect({ name, at: firstBitDifference(only.stocks[name as keyof typeof full.stocks], values) }).toEqual({ name, at: -1 });
  });
});

describe('projectIndicators(scenario), one run after another', () => {
  it('gives each run its own numbers when the arrays of the run before are reused (70 towns by row, then per region, then by row)', () => {
    for (const input of [towns(70), towns(70, true), { ...towns(70), migration: { ...towns(70).migration, ruralToUrbanRate: 0.03 } }]) {
      const full = project(input).kernel;
      const only = projectIndicators(input).kernel;
      for (const [name, values] of Object.entries(full.flows)) expect({ name, at: firstBitDifference(only.flows[name as keyof typeof full.flows], values) }).toEqual({ name, at: -1 });
      for (const [name, values] of Object.entries(full.stocks)) expect({ name, at: firstBitDifference(only.stocks[name as keyof typeof full.stocks], values) }).toEqual({ name, at: -1 });
    }
  });
});

describe('project(scenario) with constraints, demography by row', () => {
  it('runs the controller on the rows: a quota that never binds gives the populations of the run without it, bit for bit', () => {
    const input = towns(70);
    const free = project(input).result;
    const loose = project({ ...input, constraints: { settlementQuota: { persons: 1e9 } } }).result;
    free.population.forEach((p, y) => expect({ y, at: firstBitDifference(loose.population[y], p) }).toEqual({ y, at: -1 }));
  });
});

describe('groupedDemography(rows, regions)', () => {
  it('holds by row when that at least halves the tables of 64 regions or more', () => {
    expect(groupedDemography(31, 2987)).toBe(true);
    expect(groupedDemography(32, 64)).toBe(true);
    expect(groupedDemography(33, 64)).toBe(false);
    expect(groupedDemography(1, 63)).toBe(false);
  });
});
