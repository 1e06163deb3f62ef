/**
 * Gross flows from and to outside the regions modelled (migration.externalInMigrants and
 * externalOutMigrants): where the compiler puts them (by age, sex and status), that the
 * kernel's accounting then balances with in - out, the indicators that report them, and the
 * parse-time checks that name every problem with its field, index and allowed range.
 */

import { describe, expect, it } from 'vitest';
import { runKernel } from '../../src/kernel/runKernel.js';
import { ageProfileFor } from '../../src/model/ageProfileFor.js';
import { populationByAge } from '../../src/model/basePopulation.js';
import { compileScenario } from '../../src/model/compile.js';
import { project } from '../../src/model/project.js';
import { safeParseScenario } from '../../src/index.js';
import type { ScenarioInput } from '../../src/schema/scenario.js';
import { thrownBy } from '../helpers/errors.js';

const A = 100;
const ages = (f: (a: number) => number) => Array.from({ length: A + 1 }, (_, a) => f(a));

/** One region of ages 0-100, 1000 persons at each age and sex; rates off so only the flows move people. */
function scenario(migration: Partial<ScenarioInput['migration']>): ScenarioInput {
  return {
    name: 'gross flows',
    baseYear: 2020,
    endYear: 2023,
    maxAge: A,
    regions: [{ id: 'p', nameEn: 'P', nameZh: '省', tier: 'province' }],
    base: { p: { population: { singleAges: { female: ages(() => 1000), male: ages(() => 1000) } }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.3 } },
    demography: { mortality: { source: 'un-wpp2024' }, fertility: { tfr: 'un-wpp2024' }, netInternationalMigration: 'none', levels: 'un-national' },
    migration: { ruralToUrbanRate: 0, ...migration },
    hukou: { conversionRate: 0 },
  };
}

const A1 = A + 1;
const cell = (h: number, s: number, a: number) => (h * 2 + s) * A1 + a;

describe('compileScenario: gross in- and out-migrants', () => {
  const s = scenario({
    externalInMigrants: 3000,
    externalInStatusShares: { rural: 0.25, migrant: 0.75, hukou: 0 },
    externalOutMigrants: 1200,
    externalOutAgeProfile: 'flat',
    externalOutStatusShares: { rural: 0, migrant: 0.5, hukou: 0.5 },
  });
  const problem = compileScenario(s);
  const n = problem.inputs.n[0];

  it('adds in-migrants by the in-profile times China\'s 2020 residents, split by the status shares', () => {
    const profile = { female: ageProfileFor('labour-migration', A, [], 'female'), male: ageProfileFor('labour-migration', A, [], 'male') };
    const origin = populationByAge({ census2020: 'China' }, A, [], 2020);
    let sum = 0;
    for (let a = 0; a < A1; a++) sum += profile.female[a] * origin.female[a] + profile.male[a] * origin.male[a];
    // rural residents take no out-migrants here, so their n is the in-flow alone
    for (const a of [0, 7, 20]) {
      expect(n[cell(0, 0, a)]).toBeCloseTo((3000 * 0.25 * profile.female[a] * origin.female[a]) / sum, 9);
      expect(n[cell(0, 1, a)]).toBeCloseTo((3000 * 0.25 * profile.male[a] * origin.male[a]) / sum, 9);
    }
  });

  it('removes out-migrants from the statuses given, by the profile times their base-year residents', () => {
    const problemIn = compileScenario(scenario({ externalInMigrants: 3000, externalInStatusShares: { rural: 0.25, migrant: 0.75, hukou: 0 } }));
    const P = problem.population;
    // a flat profile: 1200 * 0.5 from each of the two statuses, in proportion to its residents by sex and age
    for (const h of [1, 2]) {
      let residents = 0;
      for (let x = 0; x < 2 * A1; x++) residents += P[cell(h, 0, 0) + x];
      for (const a of [0, 10, 20]) expect(n[cell(h, 0, a)] - problemIn.inputs.n[0][cell(h, 0, a)]).toBeCloseTo((-600 * P[cell(h, 0, a)]) / residents, 9);
    }
  });

  it('moves in - out persons in all, every year', () => {
    for (const year of problem.inputs.n) {
      let total = 0;
      for (const v of year) total += v;
      expect(total).toBeCloseTo(3000 - 1200, 6);
    }
  });

  it('keeps the accounting identity: the change in residents is births - deaths + in - out', () => {
    const projection = project(s);
    const population = projection.indicator('population').values;
    const births = projection.indicator('births').values;
    const deaths = projection.indicator('deaths').values;
    for (let t = 0; t < 3; t++) expect(population[t + 1] - population[t]).toBeCloseTo(births[t] - deaths[t] + 1800, 4);
  });

  it('reports the gross flows as indicators, listed only when the scenario has them', () => {
    const projection = project(s);
    expect(projection.indicator('externalInMigrants').values).toEqual([3000, 3000, 3000]);
    expect(projection.indicator('externalOutMigrants', { region: 'p' })).toMatchObject({ years: [2021, 2022, 2023], values: [1200, 1200, 1200], unit: 'persons per year' });
    expect(projection.indicatorKeys()).toContain('externalInMigrants');
    expect(project(scenario({})).indicatorKeys()).not.toContain('externalOutMigrants');
    expect(project(scenario({})).indicator('externalOutMigrants').values).toEqual([0, 0, 0]);
  });

  it('is what the kernel runs: no cell empties in this short run', () => {
    expect(() => runKernel(problem)).not.toThrow();
  });
});

describe('parse-time checks of the gross flows', () => {
  it('names every problem of the flows\' fields at once: shares that do not sum to 1, an unknown region', () => {
    const result = safeParseScenario(
      scenario({
        externalOutMigrants: { byRegion: { q: 10 } },
        externalInStatusShares: { rural: 0.5, migrant: 0.6, hukou: 0 },
        externalOutStatusShares: { rural: 0, migrant: 0.2, hukou: 0.2 },
      }),
    );
    const issues = result.success ? [] : result.error.issues;
    expect(issues.map((i) => i.path.join('.'))).toEqual(['migration.externalOutMigrants.byRegion.q', 'migration.externalInStatusShares', 'migration.externalOutStatusShares']);
    expect(issues[1].message).toBe('migration.externalInStatusShares must sum to 1, received 1.1');
    expect(issues[2].message).toBe('migration.externalOutStatusShares must sum to 1, received 0.4');
  });

  it('names every value out of range and every bad profile, with its year and allowed range', () => {
    const result = safeParseScenario(
      scenario({
        externalInMigrants: { points: [[2021, 10], [2023, -5]], interpolation: 'step' },
        externalOutMigrants: 2e9,
        externalInAgeProfile: { byAge: [1, 2] },
        externalOutAgeProfile: { byAge: ages(() => 0) },
      }),
    );
    const issues = result.success ? [] : result.error.issues;
    expect(issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['migration.externalInAgeProfile.byAge', 'migration.externalOutAgeProfile.byAge']),
    );
    const byPath = (path: string) => issues.filter((i) => i.path.join('.').startsWith(path)).map((i) => i.message);
    expect(byPath('migration.externalInMigrants')).toEqual(['migration.externalInMigrants[year=2023] must be in [0, 1000000000], received -5']);
    expect(byPath('migration.externalOutMigrants')).toEqual(['migration.externalOutMigrants[year=2021] must be in [0, 1000000000], received 2000000000']);
    expect(byPath('migration.externalInAgeProfile')[0]).toMatch(/one value per age 0..100 \(101\), received 2/);
    expect(byPath('migration.externalOutAgeProfile')[0]).toMatch(/must be above 0 at some age/);
  });

  it('refuses out-migrants drawn from a status with no one at the profile\'s ages, naming region and year', () => {
    const noRural: ScenarioInput = { ...scenario({ externalOutMigrants: { points: [[2022, 0], [2023, 100]], interpolation: 'step' }, externalOutStatusShares: { rural: 1, migrant: 0, hukou: 0 } }) };
    noRural.base = { p: { population: { singleAges: { female: ages(() => 1000), male: ages(() => 1000) } }, residentUrbanisationRate: 1, hukouUrbanisationRate: 0.3 } };
    const error = thrownBy(() => compileScenario(noRural));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: 'constraint', path: ['migration', 'externalOutStatusShares', 'rural'], coords: { region: 'p', year: 2023 }, received: '1' });
  });
});
