/**
 * takeByRegionNumbers / putByRegionNumbers: per-region numbers read with plain loops give the
 * schema's output (every preset parses to what the schema alone gives), leave the input as it
 * was, and leave a map with a bad value to the schema, which reports it.
 */

import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/deepFreeze.js';
import { PRESETS } from '../../src/presets/index.js';
import { putByRegionNumbers, takeByRegionNumbers } from '../../src/schema/byRegionFast.js';
import { safeParseScenario, ScenarioSchema } from '../../src/schema/scenario.js';
import { smallTwoRegions } from '../model/fixtures/scenarios.js';

/** Keys (in order) and values, -0 told apart from 0. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([k, v]) => [k, shape(v)]);
  return Object.is(value, -0) ? '-0' : value;
}

describe('takeByRegionNumbers(input), putByRegionNumbers(output, taken)', () => {
  it.each(PRESETS.map((p) => [p.id]))('%s parses to what the schema alone gives', (id) => {
    const scenario = PRESETS.find((p) => p.id === id)!.scenario;
    const parsed = safeParseScenario(scenario);
    expect(parsed.success).toBe(true);
    expect(shape(parsed.success ? parsed.data : null)).toEqual(shape(ScenarioSchema.parse(scenario)));
  });

  it('takes the maps of numbers, leaves the input as it was, and puts fresh copies back', () => {
    const input = deepFreeze({
      ...smallTwoRegions(),
      hukou: { conversionRate: { byRegion: { inland: 0.02, coast: -0 }, default: 0.01 } },
      migration: {
        ruralToUrbanRate: 0.02,
        destinations: { pooled: { levels: [{ group: 'all', share: 1, weight: { byRegion: { inland: 0.25, coast: 0.75 } } }] } },
      },
    });
    const before = JSON.stringify(input);
    const { input: light, taken } = takeByRegionNumbers(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(taken.map((t) => t.path.join('.'))).toEqual(['hukou.conversionRate', 'migration.destinations.pooled.levels.0.weight']);
    const output = ScenarioSchema.parse(light);
    expect(output.hukou.conversionRate).toEqual({ byRegion: {}, default: 0.01 });
    putByRegionNumbers(output, taken);
    expect(shape(output)).toEqual(shape(ScenarioSchema.parse(input)));
    expect(Object.is((output.hukou.conversionRate as { byRegion: Record<string, number> }).byRegion.coast, -0)).toBe(true);
  });

  it('leaves a map with a value out of range, or not a number, to the schema, which reports it', () => {
    for (const value of [1.5, Number.NaN, '0.1', null]) {
      const input = { ...smallTwoRegions(), hukou: { conversionRate: { byRegion: { inland: 0.02, coast: value } } } };
      expect(takeByRegionNumbers(input).taken).toEqual([]);
      const parsed = safeParseScenario(input);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(parsed.error.issues.map((i) => i.path.join('.'))).toContain('hukou.conversionRate.byRegion.coast');
    }
  });
});
