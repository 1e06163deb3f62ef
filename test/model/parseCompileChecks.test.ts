/**
 * The one validation stage finds what used to be found only when compiling: an infeasible
 * status split of a base and a lever that its age profile pushes past its limit are parse
 * errors, reported together with the schema's problems of other regions, each with its path,
 * region, sex, age and the highest level allowed. project() then reports the same problems at
 * once when given the scenario unparsed.
 */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { compileInputs } from '../../src/model/compileInputs.js';
import { parseScenario, safeParseScenario } from '../../src/index.js';
import { project } from '../../src/model/project.js';
import { parseScenario as parseStructure } from '../../src/schema/scenario.js';
import { anyThrownBy } from '../helpers/errors.js';
import { twoRegionsInput } from './fixtures/scenarios.js';

type Loose = Record<string, any>;

/** two-regions with a migrant status pattern only at age 0 in Guangdong (no way to reach 24 % migrants). */
function infeasibleSplit(): Loose {
  const s = structuredClone(twoRegionsInput) as Loose;
  s.base.guangdong.statusAgePattern = { migrant: { byAge: [1, ...new Array(100).fill(0)] } };
  return s;
}

/** ...and Henan's rural-to-urban level so high that its age profile passes 1 - reclassificationRate. */
function alsoTooHigh(): Loose {
  const s = infeasibleSplit();
  s.migration.ruralToUrbanRate.byRegion.henan = 0.5;
  return s;
}

describe('parse finds what compile used to find, all at once', () => {
  it('the structure alone passes (the schema stage cannot see these problems)', () => {
    expect(() => parseStructure(alsoTooHigh())).not.toThrow();
  });

  it('safeParseScenario reports the infeasible split of guangdong and henan\'s rate above its limit together', () => {
    const parsed = safeParseScenario(alsoTooHigh());
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const issues = parsed.error.issues;
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ code: 'not_converged', path: ['base', 'guangdong', 'statusAgePattern', 'rural'] });
    expect(issues[0].message).toMatch(/^base\.guangdong\.statusAgePattern\.rural cannot give the rural total [\d.e+]+ the rates ask for \(the closest fit gives [\d.e+]+\)/);
    expect(issues[1]).toMatchObject({ code: 'constraint', path: ['migration', 'ruralToUrbanRate'], coords: { year: 2021, region: 'henan' }, received: '0.5' });
    expect(issues[1].message).toMatch(/^migration\.ruralToUrbanRate\[region=henan\] is too high from 2021: the level 0\.5 times the age profile gives a rural-to-urban migration rate of [\d.]+ at (fe)?male age \d+, above 1 - reclassificationRate = 0\.998; with this age profile the level can be at most [\d.]+$/);
  });

  it('the highest level allowed is the limit over the profile\'s peak weight: at that level the scenario parses', () => {
    const s = alsoTooHigh();
    delete s.base.guangdong.statusAgePattern;
    const issue = (safeParseScenario(s) as { error: ChengzhenError }).error.issues[0];
    const allowed = Number(/at most ([\d.e-]+)$/.exec(issue.message)![1]);
    expect(allowed).toBeGreaterThan(0.03);
    expect(allowed).toBeLessThan(0.5);
    s.migration.ruralToUrbanRate.byRegion.henan = allowed * (1 - 1e-9);
    expect(safeParseScenario(s).success).toBe(true);
    s.migration.ruralToUrbanRate.byRegion.henan = allowed * (1 + 1e-6);
    expect(safeParseScenario(s).success).toBe(false);
  });

  it('a hukou conversion level its profile pushes past 1 - the return rate is named with its region and sex and age', () => {
    const s = structuredClone(twoRegionsInput) as Loose;
    s.hukou.conversionRate.byRegion.guangdong = 0.6;
    const issues = (safeParseScenario(s) as { error: ChengzhenError }).error.issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'constraint', path: ['hukou', 'conversionRate'], coords: { year: 2021, region: 'guangdong' } });
    expect(issues[0].message).toContain('above 1 - the return rate at that age');
  });

  it('parseScenario throws them, and project() of the unparsed scenario throws the same issues', () => {
    const fromParse = anyThrownBy(() => parseScenario(alsoTooHigh())) as ChengzhenError;
    const fromProject = anyThrownBy(() => project(alsoTooHigh() as never)) as ChengzhenError;
    expect(fromParse).toBeInstanceOf(ChengzhenError);
    expect(fromProject).toBeInstanceOf(ChengzhenError);
    expect(fromProject.issues).toEqual(fromParse.issues);
  });

  it('two regions with the same infeasible base each get their own issue', () => {
    const s = infeasibleSplit();
    s.base.henan = structuredClone(s.base.guangdong);
    const issues = (safeParseScenario(s) as { error: ChengzhenError }).error.issues;
    expect(issues.map((i) => i.path.slice(0, 2).join('.'))).toEqual(['base.henan', 'base.guangdong']);
  });

  it('regions written with the same base get the same split', () => {
    const s = structuredClone(twoRegionsInput) as Loose;
    s.base.henan = structuredClone(s.base.guangdong);
    const { bases } = compileInputs(parseScenario(s));
    expect(bases[0].migrant.female).toEqual(bases[1].migrant.female);
    expect(bases[0].hukou.male).toEqual(bases[1].hukou.male);
  });

  it('a valid scenario has no compile input issues, and what parses projects', () => {
    const scenario = parseScenario(twoRegionsInput);
    expect(compileInputs(scenario).issues).toEqual([]);
    expect(project(scenario).indicator('population').values.every((v) => v > 0)).toBe(true);
  });
});
