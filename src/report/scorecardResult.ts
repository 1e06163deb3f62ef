/** How a scorecard row reads in a report: met, missed or not judged. */

import type { ScorecardRow } from './reportInput.js';

/** The result of one scorecard row. */
export type ScorecardResult = 'met' | 'missed' | 'not judged';

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
  'not judged': 'Not judged (无法判断)',
});

/**
 * The result of a scorecard row: `met` when `met` is true, `missed` when false, `not judged`
 * when null or absent.
 *
 * @example
 * scorecardResult({ met: null })
 * // => 'not judged'
 */
export function scorecardResult(row: Pick<ScorecardRow, 'met'>): ScorecardResult {
  if (row.met === true) return 'met';
  if (row.met === false) return 'missed';
  return 'not judged';
}

/**
 * One sentence counting results, e.g. for the top of a scorecard.
 *
 * @example
 * scorecardTally([{ met: true }, { met: false }, { met: true }])
 * // => '2 of 3 targets met, 1 missed, 0 not judged'
 */
export function scorecardTally(rows: readonly Pick<ScorecardRow, 'met'>[]): string {
  const count = (result: ScorecardResult) => rows.filter((row) => scorecardResult(row) === result).length;
  return `${count('met')} of ${rows.length} ${rows.length === 1 ? 'target' : 'targets'} met, ${count('missed')} missed, ${count('not judged')} not judged`;
}
