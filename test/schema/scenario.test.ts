/**
 * The scenario schema: defineScenario and parseScenario fill in the documented defaults;
 * bad scenarios are rejected with every problem listed, each naming its field; the input and
 * output types are what the docs say.
 */

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ChengzhenError } from '../../src/errors.js';
import { defineScenario, parseScenario, safeParseScenario, type SafeParseScenario, type Scenario, type ScenarioInput } from '../../src/schema/scenario.js';
import { nationalInput, smallTwoRegions, twoRegionsInput } from '../model/fixtures/scenarios.js';

/** The issues of a scenario that must fail, checked against the throwing twin. */
function issuesOf(input: unknown) {
  const parsed = safeParseScenario(input);
  expect(parsed.success).toBe(false);
  if (parsed.success) return [];
  expect(() => parseScenario(input)).toThrow(parsed.error.message);
  return parsed.error.issues;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('defineScenario(scenario)', () => {
  it('fills in the defaults', () => {
    const s = defineScenario(smallTwoRegions());
    expect(s.description).toBe('');
    expect(s.maxAge).toBe(100);
    expect(s.sources).toEqual([]);
    expect(s.demography).toEqual({
      mortality: { source: 'un-wpp2024' },
      fertility: { tfr: 'un-wpp2024', pattern: 'un-wpp2024' },
      sexRatioAtBirth: 'un-wpp2024',
      netInternationalMigration: 'none',
    });
    expect(s.migration).toMatchObject({ ruralToUrbanAgeProfile: 'labour-migration', reclassificationRate: 0, returnRate: 0, returnAgeProfile: 'return-migration' });
    expect(s.hukou.ageProfile).toBe('hukou-conversion');
  });

  it('does not change the scenario given', () => {
    const input = deepFreeze(smallTwoRegions());
    expect(defineScenario(input).regions).toEqual(smallTwoRegions().regions);
    expect(input).toEqual(smallTwoRegions());
  });

  it('accepts the example and the national scenario', () => {
    expect(defineScenario(twoRegionsInput).regions.map((r) => r.id)).toEqual(['henan', 'guangdong']);
    expect(defineScenario(nationalInput).demography.netInternationalMigration).toBe('un-wpp2024');
  });
});

describe('parseScenario(json) and safeParseScenario(json)', () => {
  it('give the same scenario as defineScenario for the same JSON', () => {
    const json = JSON.parse(JSON.stringify(smallTwoRegions())) as unknown;
    expect(parseScenario(json)).toEqual(defineScenario(smallTwoRegions()));
    expect(safeParseScenario(json)).toEqual({ success: true, data: defineScenario(smallTwoRegions()) });
  });

  it('never throw from the safe twin, whatever the input', () => {
    for (const input of [null, undefined, 1, 'scenario', [], {}, { name: 'x' }]) expect(safeParseScenario(input).success).toBe(false);
  });

  it('name each missing required field', () => {
    expect(issuesOf({ name: 'x' }).map((i) => i.message)).toEqual([
      'baseYear is required',
      'endYear is required',
      'regions is required',
      'base is required',
      'migration is required',
      'hukou is required',
    ]);
  });

  it('reject unknown keys at any depth', () => {
    const s = smallTwoRegions();
    expect(issuesOf({ ...s, colour: 'red' })).toMatchObject([{ code: 'unknown_key', path: ['colour'], message: 'colour is not a known field' }]);
    expect(issuesOf({ ...s, hukou: { ...s.hukou, conversionrate: 0.1 } })[0].message).toBe('hukou.conversionrate is not a known field');
  });

  it('reject rates outside [0, 1] and region ids that are not identifiers', () => {
    const s = smallTwoRegions();
    expect(issuesOf({ ...s, base: { ...s.base, coast: { ...s.base.coast, residentUrbanisationRate: 1.2 } } })[0].message).toBe(
      'base.coast.residentUrbanisationRate must be <= 1, received 1.2',
    );
    const badId = issuesOf({ ...s, regions: [{ ...s.regions[0], id: '1st' }, s.regions[1]] });
    expect(badId[0].path).toEqual(['regions', 0, 'id']);
  });

  it('list every cross-field problem at once: duplicates, unknown regions, hukou above resident, years out of order', () => {
    const s = smallTwoRegions();
    const issues = issuesOf({
      ...s,
      endYear: 2020,
      base: { ...s.base, coast: { ...s.base.coast, hukouUrbanisationRate: 0.8 } },
      migration: {
        ...s.migration,
        returnRate: { byRegion: { ocean: 0.01 }, default: 0 },
        destinations: { inland: { inland: 0.5, ocean: 0.5 }, ocean: { inland: 1 } },
        returnDestinations: { coast: { mars: 1 } },
      },
      demography: { fertility: { tfr: { byRegion: { atlantis: 1.2 } } } },
    });
    expect(issues.map((i) => i.message)).toEqual([
      'endYear must be after baseYear (2020), received 2020',
      'base.coast.hukouUrbanisationRate must be <= residentUrbanisationRate (0.74), received 0.8',
      'demography.fertility.tfr.byRegion.atlantis names the unknown region "atlantis" (regions: inland, coast)',
      'migration.returnRate.byRegion.ocean names the unknown region "ocean" (regions: inland, coast)',
      'migration.destinations.inland.ocean names the unknown region "ocean" (regions: inland, coast)',
      'migration.destinations.ocean names the unknown region "ocean" (regions: inland, coast)',
      'migration.returnDestinations.coast.mars names the unknown region "mars" (regions: inland, coast)',
    ]);
  });

  it('reject a duplicate region id and a region without a base population', () => {
    const s = smallTwoRegions();
    const issues = issuesOf({ ...s, regions: [...s.regions, { id: 'inland', nameEn: 'Again', nameZh: '再' }] });
    expect(issues).toMatchObject([{ code: 'duplicate', path: ['regions', 2, 'id'], message: 'regions[2].id repeats the region id "inland"' }]);
    const missing = issuesOf({ ...s, base: { inland: s.base.inland } });
    expect(missing).toMatchObject([{ path: ['base', 'coast'], message: 'base.coast is required: every region needs a base population' }]);
  });
});

describe('types', () => {
  it('defineScenario takes a ScenarioInput and returns a Scenario', () => {
    expectTypeOf(defineScenario).parameter(0).toEqualTypeOf<ScenarioInput>();
    expectTypeOf(defineScenario).returns.toEqualTypeOf<Scenario>();
    expectTypeOf(parseScenario).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseScenario).returns.toEqualTypeOf<Scenario>();
  });

  it('has defaults optional in the input and filled in the output', () => {
    expectTypeOf<ScenarioInput['maxAge']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Scenario['maxAge']>().toEqualTypeOf<number>();
    expectTypeOf<Scenario['description']>().toEqualTypeOf<string>();
    expectTypeOf<Scenario['migration']['returnAgeProfile']>().not.toBeUndefined();
    expectTypeOf<Scenario['demography']['netInternationalMigration']>().toEqualTypeOf<'none' | 'un-wpp2024'>();
    expectTypeOf<ScenarioInput>().toHaveProperty('demography');
    expectTypeOf<Scenario['regions'][number]['tier']>().toEqualTypeOf<
      'megacity' | 'supercity' | 'large-1' | 'large-2' | 'medium' | 'small' | 'province' | 'country' | undefined
    >();
  });

  it('safeParseScenario returns a success/error union', () => {
    const parsed = safeParseScenario({});
    expectTypeOf(parsed).toEqualTypeOf<SafeParseScenario>();
    if (parsed.success) expectTypeOf(parsed.data).toEqualTypeOf<Scenario>();
    else expectTypeOf(parsed.error).toEqualTypeOf<ChengzhenError>();
  });

  it('checks a scenario literal: a misspelt key or a wrong value type does not compile', () => {
    const s = smallTwoRegions();
    // @ts-expect-error conversionrate is not a field
    expect(safeParseScenario({ ...s, hukou: { conversionrate: 0.03 } } satisfies ScenarioInput).success).toBe(false);
    // @ts-expect-error a rate is a schedule, not text
    expect(safeParseScenario({ ...s, migration: { ruralToUrbanRate: '2%' } } satisfies ScenarioInput).success).toBe(false);
  });
});
