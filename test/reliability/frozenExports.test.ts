/**
 * Exported data is immutable (style.md point 20): nothing a caller does to what chengzhen
 * exports may change what the next caller gets. One test per export.
 */

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as seeds from '../../seeds/index.js';
import { deepFreeze } from '../../src/deepFreeze.js';
import * as core from '../../src/index.js';
import { CITY_TIERS, FORMULA_CONSTANTS, FORMULA_FUNCTIONS, LEVERS, LIMITS, project } from '../../src/index.js';
import * as kernel from '../../src/kernel/index.js';
import * as node from '../../src/node/index.js';
import * as presets from '../../src/presets/index.js';
import * as report from '../../src/report/index.js';
import { getPreset } from '../../src/presets/index.js';

/** Every object or array reachable from `value` that is not frozen, by path (each object once). */
function unfrozen(value: unknown, path = '(root)', seen = new Set<unknown>()): string[] {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || seen.has(value)) return [];
  seen.add(value);
  const own = Object.isFrozen(value) ? [] : [path];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => unfrozen(v, `${path}.${k}`, seen))];
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

describe('every exported value of every entry point is deep-frozen', () => {
  // Zod schemas are validators, not data: zod fills their internals lazily on first use, so
  // they cannot be frozen without breaking validation. They are listed here by name so that a
  // new exported object is either frozen or added to this list on purpose.
  const VALIDATORS = new Set(['KernelProblemDocumentSchema', 'ScenarioSchema', 'RegionSchema', 'ServicesSchema', 'CapacityStockSchema', 'ScheduleSchema', 'DistributionSchema', 'ConstraintsSchema', 'HousingConstraintSchema', 'SettlementQuotaSchema', 'SchoolAccessSchema', 'CheckSchema', 'ChecksFileSchema', 'RegisteredStocksSchema']);
  const entryPoints = { 'chengzhen': core, 'chengzhen/kernel': kernel, 'chengzhen/presets': presets, 'chengzhen/report': report, 'chengzhen/node': node, seeds };

  it('the validators left out are zod schemas, and nothing else is left out', () => {
    for (const [name, value] of Object.entries(core)) {
      if (VALIDATORS.has(name)) expect(value, name).toBeInstanceOf(z.ZodType);
      else if (value instanceof z.ZodType) expect.fail(`${name} is a zod schema not listed in VALIDATORS`);
    }
  });

  for (const [entry, module] of Object.entries(entryPoints)) {
    const values = Object.entries(module).filter(([name, value]) => typeof value !== 'function' && !VALIDATORS.has(name));
    it(`${entry}: ${values.length} exported values, each deep-frozen`, () => {
      expect(values.length).toBeGreaterThan(0);
      for (const [name, value] of values) expect(unfrozen(value, name), `${entry} ${name}`).toEqual([]);
    });
  }

  it('the named data sets are among them: INDICATORS, SERVICES, ARROW_COLUMNS, CENSUS_PROVINCES, OBSERVED_CHINA_VITAL_2020', () => {
    for (const value of [core.INDICATORS, core.SERVICES, core.ARROW_COLUMNS, seeds.CENSUS_PROVINCES, seeds.OBSERVED_CHINA_VITAL_2020]) {
      expect(Object.isFrozen(value)).toBe(true);
      expect(unfrozen(value)).toEqual([]);
    }
    expect(() => {
      (core.INDICATORS[0] as { unit: string }).unit = 'bananas';
    }).toThrow(TypeError);
    expect(() => {
      (seeds.CENSUS_PROVINCES[0] as unknown as Record<string, unknown>).name = 'x';
    }).toThrow(TypeError);
    expect(() => {
      (core.ARROW_COLUMNS as unknown as string[]).push('extra');
    }).toThrow(TypeError);
  });

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
