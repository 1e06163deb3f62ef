/**
 * One validation stage: parseScenario finds every problem of a scenario at once, in the
 * scenario's own paths, bounds what it reports, never throws from safeParse, and hands back
 * a scenario nobody can change after it was checked.
 */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { LIMITS } from '../../src/limits.js';
import { compileScenario } from '../../src/model/compile.js';
import { project } from '../../src/model/project.js';
import { safeParseKernelProblem } from '../../src/schema/kernelProblem.js';
import { parseScenario, safeParseScenario, type Scenario } from '../../src/schema/scenario.js';
import { issueOf, thrownBy } from '../helpers/errors.js';
import { validScenario } from '../reliability/badInputCases.js';

type Loose = Record<string, any>;

function edited(edit: (s: Loose) => void): Loose {
  const s = structuredClone(validScenario()) as Loose;
  edit(s);
  return s;
}

/** A one-region kernel problem with ages 0 and 1+. */
function tinyKernel(startYear: number, years: number, population: ArrayLike<number> = new Array(12).fill(1)) {
  return {
    format: 'chengzhen-kernel/1',
    dims: { regions: ['a'], maxAge: 1 },
    startYear,
    years,
    population,
    inputs: { sx: new Array(12).fill(1), sb: new Array(6).fill(1), fx: new Array(6).fill(0), srb: [1], m: [0, 0, 0, 0], c: [0], k: [0, 0, 0, 0], q: [0, 0, 0, 0] },
  };
}

const paths = (error: ChengzhenError) => error.issues.map((issue) => issue.path.join('.'));

describe('parseScenario(json): every problem at parse time', () => {
  it('reports five bad fields at once, each in the scenario\'s own path', () => {
    const doc = edited((s) => {
      s.migration.ruralToUrbanRate = { formula: '0.02 + 0.5 * (year - 2020)' };
      s.hukou.conversionRate = { linear: { from: [2021, 0.03], to: [2022, 2] } };
      s.base.inland.population.census2020 = 'Atlantis';
      s.hukou.ageProfile = { byAge: [1, 2, 3] };
      s.demography = { mortality: { source: 'un-wpp2024', mxScale: 0 } };
    });
    const error = thrownBy(() => parseScenario(doc));
    expect(paths(error).sort()).toEqual(
      ['base.inland.population.census2020', 'demography.mortality.mxScale', 'hukou.ageProfile.byAge', 'hukou.conversionRate', 'migration.ruralToUrbanRate'].sort(),
    );
  });

  it('mxScale: 0 names demography.mortality.mxScale, not options.mortalityScale', () => {
    const issue = issueOf(() => parseScenario(edited((s) => (s.demography = { mortality: { source: 'un-wpp2024', mxScale: 0 } }))));
    expect(issue.message).toBe('demography.mortality.mxScale[year=2021] must be in (0, 100], received 0');
    expect(issue.message).not.toContain('options');
  });

  it('ageGroups.starts out of order names base.<id>.population.ageGroups.starts, not ageStarts', () => {
    const doc = edited((s) => (s.base.coast.population = { ageGroups: { starts: [0, 0, 60], female: [1, 2, 3], male: [1, 2, 3] } }));
    const issue = issueOf(() => parseScenario(doc));
    expect(issue.path).toEqual(['base', 'coast', 'population', 'ageGroups', 'starts', 1]);
    expect(issue.message).toBe('base.coast.population.ageGroups.starts[1] must be a whole age above 0, received 0');
  });

  it('a per-region schedule with no value for a region and no default is found at parse time', () => {
    const issue = issueOf(() => parseScenario(edited((s) => (s.migration.returnRate = { byRegion: { inland: 0.01 } }))));
    expect(issue).toMatchObject({ path: ['migration', 'returnRate', 'byRegion', 'coast'], message: 'migration.returnRate has no value for region "coast" and no default' });
  });

  it('an all-zero or 1e308 age profile is refused at parse time', () => {
    const zero = issueOf(() => parseScenario(edited((s) => (s.migration.ruralToUrbanAgeProfile = { byAge: new Array(101).fill(0) }))));
    expect(zero.message).toBe('migration.ruralToUrbanAgeProfile.byAge must be above 0 at some age, received 0 at every age');
    const huge = issueOf(() => parseScenario(edited((s) => (s.migration.ruralToUrbanAgeProfile = { byAge: new Array(101).fill(1e308) }))));
    expect(huge.path).toEqual(['migration', 'ruralToUrbanAgeProfile', 'byAge', 0]);
    const flat = issueOf(() => parseScenario(edited((s) => (s.hukou.ageProfile = { rogersCastro: { a1: 0, alpha1: 0.1, a2: 0, alpha2: 0.1, mu2: 20, lambda2: 0.4, c: 0 } }))));
    expect(flat.message).toContain('hukou.ageProfile.rogersCastro must have a height above 0');
  });

  it('refuses unknown keys inside rogersCastro', () => {
    const doc = edited((s) => (s.hukou.ageProfile = { rogersCastro: { a1: 0.02, alpha1: 0.1, a2: 0.06, alpha2: 0.1, mu2: 20, lambda2: 0.4, c: 0.003, beta: 7 } }));
    expect(issueOf(() => parseScenario(doc))).toMatchObject({ code: 'unknown_key', path: ['hukou', 'ageProfile', 'rogersCastro', 'beta'] });
  });

  it('after a successful parse, project() and compileScenario() do not fail on input (the former compile-time cases)', () => {
    const doc = edited((s) => (s.migration.returnRate = { formula: '0.01 + 0.001 * (year - 2020)' }));
    const scenario = parseScenario(doc);
    expect(compileScenario(scenario).years).toBe(2);
    expect(project(scenario).indicator('residentUrbanisationRate').values.every(Number.isFinite)).toBe(true);
  });
});

describe('safeParseScenario / safeParseKernelProblem never throw', () => {
  const throwing = () => {
    const doc = validScenario() as Loose;
    Object.defineProperty(doc, 'name', { enumerable: true, get: () => { throw new Error('boom'); } });
    return doc;
  };
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };

  it('a throwing getter is an error result', () => {
    const parsed = safeParseScenario(throwing());
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0].message).toBe('the scenario could not be read: boom');
    const kernel = safeParseKernelProblem(throwing());
    expect(kernel.success).toBe(false);
  });

  it('a revoked Proxy is an error result', () => {
    expect(safeParseScenario(revoked()).success).toBe(false);
    expect(safeParseKernelProblem(revoked()).success).toBe(false);
    expect(thrownBy(() => parseScenario(revoked())).issues[0].message).toMatch(/^the scenario could not be read: /);
  });
});

describe('a parsed scenario cannot be changed behind the validator\'s back', () => {
  it('is deep-frozen: adding regions or writing a string rate throws and project() still sees the checked scenario', () => {
    const scenario = parseScenario(validScenario()) as Loose;
    expect(Object.isFrozen(scenario)).toBe(true);
    expect(Object.isFrozen(scenario.regions)).toBe(true);
    expect(Object.isFrozen(scenario.base.inland.population)).toBe(true);
    expect(() => scenario.regions.push({ id: 'extra', nameEn: 'x', nameZh: 'x' })).toThrow(TypeError);
    expect(() => {
      scenario.migration.ruralToUrbanRate = '0.5';
    }).toThrow(TypeError);
    expect(project(scenario as Scenario).regions).toEqual(['inland', 'coast']);
  });

  it('does not share objects with its input: changing the input afterwards changes nothing', () => {
    const doc = validScenario() as Loose;
    const scenario = parseScenario(doc);
    doc.migration.ruralToUrbanRate = 'x';
    doc.regions.push({ id: 'later', nameEn: 'Later', nameZh: '后' });
    expect(scenario.migration.ruralToUrbanRate).toBe(0.02);
    expect(scenario.regions.length).toBe(2);
  });

  it('a parsed kernel problem is frozen and holds its own arrays', () => {
    const population = new Float64Array(12).fill(1);
    const parsed = safeParseKernelProblem(tinyKernel(2020, 1, population));
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(Object.isFrozen(parsed.data)).toBe(true);
    expect(Object.isFrozen(parsed.data.inputs.sx)).toBe(true);
    population[0] = 1e300;
    expect(parsed.data.population[0]).toBe(1);
  });
});

describe(`parseKernelProblem(json): ends by LIMITS.maxYear (${LIMITS.maxYear})`, () => {
  it('refuses a problem that runs past 2300 and takes one that ends there', () => {
    const doc = tinyKernel;
    expect(safeParseKernelProblem(doc(2200, 100)).success).toBe(true);
    const late = safeParseKernelProblem(doc(2250, 100));
    expect(late.success).toBe(false);
    if (!late.success) expect(late.error.issues[0]).toMatchObject({ path: ['years'], message: 'years must end the projection by 2300 (LIMITS.maxYear): startYear 2250 + years must be <= 2300, received 100' });
  });
});

describe("indicatorSeries(indicators, 'constructor'): own keys only", () => {
  it('gives a ChengzhenError naming the indicator, not a RangeError', async () => {
    const { runKernel, kernelIndicators, indicatorSeries } = await import('../../src/kernel/index.js');
    const problem = safeParseKernelProblem(tinyKernel(2020, 1));
    if (!problem.success) throw problem.error;
    const indicators = kernelIndicators(runKernel(problem.data));
    const issue = issueOf(() => indicatorSeries(indicators, 'constructor' as 'migrant'));
    expect(issue).toMatchObject({ code: 'invalid_value', path: ['name'] });
    expect(issue.message).toMatch(/^"constructor" is not a kernel indicator/);
  });
});
