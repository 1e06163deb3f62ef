/**
 * Exported data is immutable (style.md point 20): nothing a caller does to what chengzhen
 * exports may change what the next caller gets. One test per export.
 */

import { describe, expect, it } from 'vitest';
import { CENSUS_2020_AGE_GROUP_STARTS, CENSUS_2020_AGE_GROUPS } from '../../seeds/index.js';
import { deepFreeze } from '../../src/deepFreeze.js';
import { CITY_TIERS, FORMULA_CONSTANTS, FORMULA_FUNCTIONS, LEVERS, LIMITS, project } from '../../src/index.js';
import * as presets from '../../src/presets/index.js';
import { getPreset } from '../../src/presets/index.js';

/** Every object or array reachable from `value` that is not frozen, by path. */
function unfrozen(value: unknown, path = '(root)'): string[] {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return [];
  const own = Object.isFrozen(value) ? [] : [path];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => unfrozen(v, `${path}.${k}`))];
}

describe('deepFreeze(value)', () => {
  it('freezes every level, returns the value and leaves typed arrays alone', () => {
    const data = { a: [{ b: 1 }], t: new Float64Array(2) };
    expect(deepFreeze(data)).toBe(data);
    expect(unfrozen(data)).toEqual([]);
    expect(() => {
      (data.a[0] as { b: number }).b = 2;
    }).toThrow(TypeError);
  });
});

describe('getPreset(id): a caller cannot change a preset for the next caller', () => {
  it("getPreset('zhejiang-2023').scenario.migration.ruralToUrbanRate = 0.001 throws and changes nothing", () => {
    const before = getPreset('zhejiang-2023').scenario.migration.ruralToUrbanRate;
    expect(() => {
      (getPreset('zhejiang-2023').scenario.migration as { ruralToUrbanRate: unknown }).ruralToUrbanRate = 0.001;
    }).toThrow(TypeError);
    expect(getPreset('zhejiang-2023').scenario.migration.ruralToUrbanRate).toEqual(before);
  });

  for (const preset of presets.PRESETS) {
    it(`${preset.id} is deep-frozen`, () => expect(unfrozen(getPreset(preset.id))).toEqual([]));
  }

  it('PRESETS, the calibrations and the hindcast tables are deep-frozen', () => {
    for (const name of ['PRESETS', 'NATIONAL_CALIBRATION', 'SHANGHAI_CALIBRATION', 'SHANDONG_CALIBRATION', 'ZHEJIANG_CALIBRATION', 'HINDCAST_AREAS', 'HINDCAST_MEASURES'] as const) {
      expect(unfrozen(presets[name]), name).toEqual([]);
    }
  });
});

describe('seeds: census, plans and observations are deep-frozen', () => {
  const data = {
    CENSUS_2020_POPULATION_BY_AGE: presets.CENSUS_2020_POPULATION_BY_AGE,
    CENSUS_2020_PROVINCES: presets.CENSUS_2020_PROVINCES,
    CENSUS_2020_AGE_GROUPS,
    CENSUS_2020_AGE_GROUP_STARTS,
    PLAN_DOCUMENTS: presets.PLAN_DOCUMENTS,
    PLAN_NATIONAL_2024: presets.PLAN_NATIONAL_2024,
    PLAN_SHANGHAI_2024: presets.PLAN_SHANGHAI_2024,
    PLAN_SHANGHAI_14FYP: presets.PLAN_SHANGHAI_14FYP,
    PLAN_SHANDONG_2021: presets.PLAN_SHANDONG_2021,
    PLAN_ZHEJIANG_2023: presets.PLAN_ZHEJIANG_2023,
    OBSERVED_URBANISATION: presets.OBSERVED_URBANISATION,
    OBSERVED_SERVICES: presets.OBSERVED_SERVICES,
  };
  for (const [name, value] of Object.entries(data)) {
    it(`${name} is deep-frozen`, () => expect(unfrozen(value)).toEqual([]));
  }

  it('changing a census array throws, and the next projection is unchanged', () => {
    const china = presets.CENSUS_2020_POPULATION_BY_AGE.areas[0];
    const scenario = getPreset('zhejiang-2023').scenario;
    const before = project(scenario).indicator('population').values[0];
    expect(() => {
      (china.female as number[])[20] = 0;
    }).toThrow(TypeError);
    expect(project(scenario).indicator('population').values[0]).toBe(before);
  });
});

describe('LIMITS, LEVERS and the lists of the scenario language are frozen', () => {
  it('LIMITS cannot be raised', () => {
    expect(() => {
      (LIMITS as { maxRegions: number }).maxRegions = 1e9;
    }).toThrow(TypeError);
    expect(LIMITS.maxRegions).toBe(10_000);
  });

  it('LEVERS cannot be widened', () => {
    expect(unfrozen(LEVERS)).toEqual([]);
    expect(() => {
      (LEVERS['hukou.conversionRate'] as { max: number }).max = 5;
    }).toThrow(TypeError);
  });

  it('CITY_TIERS, FORMULA_FUNCTIONS and FORMULA_CONSTANTS are frozen', () => {
    for (const list of [CITY_TIERS, FORMULA_FUNCTIONS, FORMULA_CONSTANTS]) expect(Object.isFrozen(list)).toBe(true);
  });
});
