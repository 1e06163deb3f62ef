/** The notes at the foot of a report: units, year conventions and approximations. */

import { indicatorInfo } from '../model/indicatorTable.js';
import type { ReportInput } from './reportInput.js';

/**
 * The notes of a report, as plain sentences: units and year-ends, the hukou-rate
 * approximation (from the indicator table), services, and what a scorecard margin means
 * when there is a scorecard.
 *
 * @example
 * reportNotes({ projection })[1].startsWith('Hukou urbanisation rate of residents (常住人口中城镇户籍人口比重): hukou / population')
 * // => true
 */
export function reportNotes(input: ReportInput): string[] {
  const hukou = indicatorInfo('hukouUrbanisationRate')!;
  const notes = [
    'Units (单位): populations are residents (常住人口) at the end of each year (年末), in persons; rates are shares of residents shown as percentages, and their changes are in percentage points (pp). Flows (births, moves, conversions) are totals during a year.',
    `${hukou.labelEn} (${hukou.labelZh}): ${hukou.description}`,
    'Services (公共服务): demand follows the standard the scenario sets for the projected residents; capacity is the stock at the end of the year after planned additions; each is counted in the service\'s own unit (places, beds, doctors, clinics). Shortfall = max(0, demand - capacity); coverage = min(1, capacity / demand).',
  ];
  if (input.scorecard && input.scorecard.length > 0) {
    notes.push('Scorecard (目标评估): the margin is how far the projection is from missing a target, in the target\'s unit: positive when met with room to spare, negative when missed.');
  }
  if (input.bands && input.bands.length > 0) {
    notes.push('Uncertainty (不确定性): shaded ranges hold the middle 90 % and 50 % of repeated runs; the line is their median.');
  }
  return notes;
}
