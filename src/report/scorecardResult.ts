/** How a scorecard row reads in a report: met, missed, uncertain or not judged. */

import type { ScorecardRow } from './reportInput.js';

/** The result of one scorecard row. */
export type ScorecardResult = 'met' | 'missed' | 'uncertain' | 'not judged';

/**
 * Each result's text in English and Chinese.
 *
 * @example
 * SCORECARD_RESULT_TEXT.missed
 * // => 'Missed (未达成)'
 */
export const SCORECARD_RESULT_TEXT: Readonly<Record<ScorecardResult, string>> = Object.freeze({
  met: 'Met (达成)',
  missed: 'Missed (未达成)',
  uncertain: 'Uncertain (不确定)',
  'not judged': 'Not judged (无法判断)',
});

/**
 * The result of a scorecard row: `met` when `met` is true, `missed` when false, `uncertain`
 * when its status is `uncertain` (the target lies within the range the model projects), `not
 * judged` otherwise.
 *
 * @example
 * scorecardResult({ met: null })
 * // => 'not judged'
 * scorecardResult({ met: null, status: 'uncertain' })
 * // => 'uncertain'
 */
export function scorecardResult(row: Pick<ScorecardRow, 'met' | 'status'>): ScorecardResult {
  if (row.met === true) return 'met';
  if (row.met === false) return 'missed';
  if (row.status === 'uncertain') return 'uncertain';
  return 'not judged';
}

/**
 * One sentence counting results, e.g. for the top of a scorecard; uncertain rows are counted
 * when there are any.
 *
 * @example
 * scorecardTally([{ met: true }, { met: false }, { met: true }])
 * // => '2 of 3 targets met, 1 missed, 0 not judged'
 * scorecardTally([{ met: true }, { met: null, status: 'uncertain' }])
 * // => '1 of 2 targets met, 0 missed, 1 uncertain, 0 not judged'
 */
export function scorecardTally(rows: readonly Pick<ScorecardRow, 'met' | 'status'>[]): string {
  const count = (result: ScorecardResult) => rows.filter((row) => scorecardResult(row) === result).length;
  const uncertain = count('uncertain');
  return `${count('met')} of ${rows.length} ${rows.length === 1 ? 'target' : 'targets'} met, ${count('missed')} missed, ${uncertain > 0 ? `${uncertain} uncertain, ` : ''}${count('not judged')} not judged`;
}
