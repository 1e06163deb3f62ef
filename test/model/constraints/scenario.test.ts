/**
 * Constraints in scenarios: validation (every problem at once, with its path), the tidy
 * table, the accounting identity of a projection, and the solvers and simulations with a
 * constraint on.
 */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../../src/errors.js';
import { project } from '../../../src/model/project.js';
import { parseScenario, type ScenarioInput } from '../../../src/schema/scenario.js';
import { simulate } from '../../../src/solve/simulate.js';
import { solveLever } from '../../../src/solve/solveLever.js';
import { twoTowns } from '../../solve/fixtures.js';

function issues(fn: () => unknown): ChengzhenError['issues'] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ChengzhenError);
    return (error as ChengzhenError).issues;
  }
  throw new Error('expected a ChengzhenError');
}

/** Two towns, housing limited to what is there plus 2,000 beds a year, a quota for the megacity (the coast). */
function constrainedTowns(): ScenarioInput {
  const s = twoTowns();
  return {
    ...s,
    regions: [{ ...s.regions[0], tier: 'large-2' }, { ...s.regions[1], tier: 'megacity' }],
    migration: { ...s.migration, destinations: { inland: { inland: 0.6, coast: 0.4 } } },
    constraints: {
      housing: { spill: 'reroute', shareInNeed: 0.3, capacity: { initial: 'matchDemand', additionsPerYear: 2000 } },
      settlementQuota: { persons: { byTier: { megacity: 3000 } } },
    },
  };
}

describe('constraints in a scenario', () => {
  it('are off by default: a scenario without them projects as before', () => {
    const s = twoTowns();
    expect(project({ ...s, constraints: {} }).result.population.at(-1)).toEqual(project(s).result.population.at(-1));
  });

  it('report every problem at once, each with its path', () => {
    const found = issues(() =>
      parseScenario({
        ...twoTowns(),
        constraints: {
          housing: { spill: 'elsewhere', capacity: { initial: -1 }, ages: { from: 30, to: 20 } },
          settlementQuota: { persons: { byTier: { village: 10 }, byRegion: { nowhere: 5 } } },
          schoolAccess: { migrantChildrenPublicSchoolShare: 2, places: { initial: 0 } },
        },
      }),
    );
    const paths = found.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['constraints.housing.spill', 'constraints.housing.capacity.initial', 'constraints.housing.ages', 'constraints.schoolAccess.migrantChildrenPublicSchoolShare']),
    );
    expect(found.length).toBeGreaterThanOrEqual(5);
    const unknown = issues(() => parseScenario({ ...twoTowns(), constraints: { settlementQuota: { persons: { byRegion: { nowhere: 5 } } } } }));
    expect(unknown[0].message).toBe('constraints.settlementQuota.persons.byRegion.nowhere names the unknown region "nowhere"');
  });

  it('report schedule values out of range by year and path when projected', () => {
    const found = issues(() => project({ ...twoTowns(), constraints: { housing: { personsPerUnit: { linear: { from: [2024, 1], to: [2026, -1] } }, capacity: { initial: 10 } } } }));
    expect(found[0].message).toMatch(/^constraints\.housing\.personsPerUnit\[year=2025\] must be in \(0, Infinity\], received 0$/);
    expect(found.length).toBe(1); // a value for every region is reported once
  });

  it('show in the tidy table, where they bind and by how much, and keep the accounting identity', () => {
    const p = project(constrainedTowns());
    const rows = p.table({ indicators: ['settlementQuota.binds', 'settlementQuota.heldBack', 'housing.binds'] });
    expect(rows.filter((r) => r.indicator === 'settlementQuota.binds' && r.region === 'coast' && r.year > 2020).every((r) => r.value === 1)).toBe(true);
    expect(p.indicator('conversions', { region: 'coast' }).values.every((v) => Math.abs(v - 3000) < 1e-6)).toBe(true);
    expect(p.indicator('settlementQuota.binds', { region: 'inland' }).values.every((v) => v === 0)).toBe(true);
    const pop = p.indicator('population').values;
    const births = p.indicator('births').values;
    const deaths = p.indicator('deaths').values;
    for (let t = 0; t < births.length; t++) expect(Math.abs(pop[t + 1] - (pop[t] + births[t] - deaths[t])) / pop[t + 1]).toBeLessThan(1e-12);
  });

  it('work with the solvers: the migration level that brings the coast to 76 % urban in 2027 under its housing', () => {
    const target = { indicator: 'residentUrbanisationRate', year: 2027, value: 0.76, region: 'coast' };
    const solved = solveLever(constrainedTowns(), { lever: { path: 'migration.ruralToUrbanRate', region: 'coast' }, target });
    const reached = project(solved.scenario).indicator('residentUrbanisationRate', { region: 'coast' }).values.at(-1)!;
    expect(Math.abs(reached - 0.76)).toBeLessThanOrEqual(1e-7);
    // the housing binds on the way: part of the movers meant for the coast went elsewhere
    expect(project(solved.scenario).indicator('housing.heldBack', { region: 'coast' }).values.some((v) => v > 0)).toBe(true);
  });

  it('work with simulations: the same seed gives the same bands, all finite', () => {
    const options = { draws: 4, seed: 7, uncertain: [{ lever: { path: 'migration.ruralToUrbanRate' as const, region: 'coast' }, distribution: { distribution: 'uniform' as const, min: 0.01, max: 0.04 } }], indicators: ['population', 'housing.heldBack'] };
    const a = simulate(constrainedTowns(), options);
    const b = simulate(constrainedTowns(), options);
    expect(a.bands).toEqual(b.bands);
    expect(a.bands.length).toBeGreaterThan(0);
    for (const band of a.bands) for (const v of Object.values(band)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });
});
