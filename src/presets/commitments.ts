/**
 * A plan preset is its trend twin plus the plan's commitments: the service stocks it adds to
 * and the policies it adopts. A commitment with a number is cited from the plan; a policy
 * without a number (open settlement, the settlement tiers) is an assumed lever value with its
 * reason and a low and a high value, so that the verdicts' sensitivity to it can be shown.
 */

import type { CitedValue } from '../../seeds/types.js';
import type { Preset } from './types.js';

/** A commitment the plan preset carries: a value at a scenario path, cited. */
export interface Commitment {
  /** Path in the scenario: `services.rentalHousing.capacity.additionsPerYear`, `hukou.conversionRate`. */
  path: string;
  figure: CitedValue<unknown>;
}

/** A policy the plan adopts without a number, and the lever value assumed for it. */
export interface PolicyAssumption {
  /** The lever path in the scenario (`hukou.conversionRate`). */
  path: string;
  /** The value assumed, with the reason (an assumption figure). */
  figure: CitedValue<number>;
  /** The range the verdicts' sensitivity is shown over. */
  low: number;
  high: number;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    at[part] = typeof next === 'object' && next !== null ? { ...(next as Record<string, unknown>) } : {};
    at = at[part] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]] = value;
}

/**
 * The value at a dotted path of a scenario, or undefined.
 *
 * @example
 * valueAtPath({ hukou: { conversionRate: 0.05 } }, 'hukou.conversionRate')
 * // => 0.05
 */
export function valueAtPath(scenario: unknown, path: string): unknown {
  let at: unknown = scenario;
  for (const part of path.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/**
 * `preset` (built like its trend twin) with the commitments and policy assumptions set, each
 * figure recorded in its provenance. The preset's other objects are copied, not changed.
 *
 * @example
 * const base = getPreset('zhejiang-2023-trend');
 * const plan = withCommitments(base, [], [{ path: 'hukou.conversionRate', low: 0.05, high: 0.08, figure: { value: 0.065, unit: 'share', assumption: 'test' } }]);
 * [plan.scenario.hukou?.conversionRate, base.scenario.hukou?.conversionRate]
 * // => [0.065, 0.05]
 */
export function withCommitments(preset: Preset, commitments: readonly Commitment[], assumptions: readonly PolicyAssumption[]): Preset {
  const scenario = { ...preset.scenario } as Record<string, unknown>;
  const figures = { ...preset.figures };
  for (const c of commitments) {
    setPath(scenario, c.path, c.figure.value);
    figures[c.path] = c.figure;
  }
  for (const a of assumptions) {
    setPath(scenario, a.path, a.figure.value);
    figures[a.path] = a.figure as CitedValue<unknown>;
  }
  return { ...preset, scenario: scenario as Preset['scenario'], figures, commitments: [...commitments], assumptions: [...assumptions] };
}
