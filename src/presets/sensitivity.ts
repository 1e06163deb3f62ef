/**
 * How a plan preset's verdicts depend on the lever values assumed for policies without a
 * number: the outcome rows of its scorecard at the low and the high value of each assumption.
 */

import { project } from '../model/project.js';
import { scorecard } from '../model/scorecard.js';
import { withCommitments } from './commitments.js';
import type { Preset } from './types.js';

/** One outcome at the low, assumed and high value of one assumption. */
export interface SensitivityRow {
  /** The lever path assumed (`hukou.conversionRate`). */
  path: string;
  /** The target id of the outcome. */
  target: string;
  low: { value: number; projected: number | null; status: string };
  assumed: { value: number; projected: number | null; status: string };
  high: { value: number; projected: number | null; status: string };
}

/**
 * For each policy assumption of a plan preset and each outcome target, the projected value and
 * verdict at the assumption's low, assumed and high value (the other assumptions held). An empty
 * list for a preset without assumptions.
 *
 * @example
 * const rows = policySensitivity(getPreset('zhejiang-2023'));
 * [rows[0].path, rows[0].target, rows[0].low.status, rows[0].high.status]
 * // => ['hukou.conversionRate', 'resident-urbanisation-rate-2023', 'met', 'met']
 */
export function policySensitivity(preset: Preset): SensitivityRow[] {
  const assumptions = preset.assumptions ?? [];
  const outcomes = preset.targets.filter((t) => t.role === 'outcome');
  const rows: SensitivityRow[] = [];
  for (const a of assumptions) {
    const at = (value: number) => {
      const varied = withCommitments(preset, [], [{ ...a, figure: { ...a.figure, value } }]);
      return scorecard(project(varied.scenario), outcomes);
    };
    const [low, assumed, high] = [at(a.low), at(a.figure.value), at(a.high)];
    outcomes.forEach((t, i) => {
      const cell = (card: typeof low, value: number) => ({ value, projected: card[i].projected, status: card[i].status });
      rows.push({ path: a.path, target: t.id, low: cell(low, a.low), assumed: cell(assumed, a.figure.value), high: cell(high, a.high) });
    });
  }
  return rows;
}
