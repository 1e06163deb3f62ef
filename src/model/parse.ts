/**
 * The one validation stage of a scenario, as the public API offers it: the schema's checks
 * (structure, cross-field rules, every schedule over every year, census areas, age profiles,
 * destination rows, services, targets) and then the checks that need the base populations
 * (the status split of each base, and levers that their age profiles push past a limit). A
 * scenario that parses here compiles and projects without an input error.
 */

import { ChengzhenError } from '../errors.js';
import { safeParseScenario as safeParseStructure, type SafeParseScenario, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { compileInputs } from './compileInputs.js';

/** Scenarios that passed both stages (deep-frozen, so they cannot change afterwards). */
const CHECKED = new WeakSet<object>();

/**
 * Validates a scenario (from JSON or code), fills in its defaults and checks that it compiles:
 * every problem is reported at once with its path, index and allowed range. Never throws: an
 * input that cannot even be read (a getter that throws, a revoked Proxy) is an error result
 * too. The scenario returned is a deep-frozen copy, so nothing can change it after it was
 * checked.
 *
 * @example
 * safeParseScenario({ name: 'x' }).success
 * // => false
 */
export function safeParseScenario(input: unknown): SafeParseScenario {
  const parsed = safeParseStructure(input);
  if (!parsed.success || CHECKED.has(parsed.data)) return parsed;
  try {
    const { issues } = compileInputs(parsed.data);
    if (issues.length > 0) return { success: false, error: new ChengzhenError(issues) };
  } catch (error) {
    if (error instanceof ChengzhenError) return { success: false, error };
    const reason = error instanceof Error ? error.message : String(error);
    return { success: false, error: new ChengzhenError([{ code: 'invalid_value', path: [], message: `the scenario could not be checked: ${reason}` }]) };
  }
  CHECKED.add(parsed.data);
  return parsed;
}

/**
 * Validates a scenario, fills in its defaults and checks that it compiles.
 *
 * @throws {ChengzhenError} naming each bad field: `base.shandong.hukouUrbanisationRate must be
 *   <= residentUrbanisationRate (0.6553), received 0.7`.
 * @example
 * parseScenario(getPreset('zhejiang-2023').scenario).regions.length
 * // => 1
 */
export function parseScenario(input: unknown): Scenario {
  const parsed = safeParseScenario(input);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

/**
 * Writes a scenario in TypeScript with its types checked and inferred, and validates it.
 *
 * @example
 * const s = defineScenario({
 *   name: 'Two towns', baseYear: 2023, endYear: 2030,
 *   regions: [{ id: 'town', nameEn: 'Town', nameZh: '镇' }],
 *   base: { town: { population: { census2020: 'Zhejiang', scaleToTotal: 1e5 }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } },
 *   migration: { ruralToUrbanRate: 0.02 },
 *   hukou: { conversionRate: 0.03 },
 * });
 * s.maxAge
 * // => 100
 */
export function defineScenario(scenario: ScenarioInput): Scenario {
  return parseScenario(scenario);
}
