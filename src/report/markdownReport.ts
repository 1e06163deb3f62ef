/**
 * A projection as Markdown, for terminals, READMEs and issue threads: the summary, the
 * scorecard and the key figures as tables, and the notes; no charts. Text from the scenario
 * is escaped so it cannot break a table or become HTML.
 */

import { formatChange, formatValue, SHARE_UNIT } from './format.js';
import { keyFigures } from './keyFigures.js';
import { constraintsMarkdown } from './constraintsSection.js';
import { checkReportInput, scorecardSource, type ReportInput, type ScorecardRow } from './reportInput.js';
import { reportNotes } from './reportNotes.js';
import { SCORECARD_RESULT_TEXT, scorecardResult, scorecardTally } from './scorecardResult.js';

/**
 * Escapes text for Markdown: `&`, `<` and `>` as entities (no raw HTML), backslashes and the
 * characters that start emphasis, links or code, and line breaks folded to spaces.
 *
 * @example
 * escapeMarkdown('<b>a|b</b>')
 * // => '&lt;b&gt;a\\|b&lt;/b&gt;'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly string[][]): string {
  return [row(header), row(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(row)].join('\n');
}

function scorecardTable(rows: readonly ScorecardRow[]): string {
  return table(
    ['Target (目标)', 'Year', 'Target value', 'Projected', 'Margin', 'Result (结果)', 'Source (来源)'],
    ['l', 'r', 'r', 'r', 'r', 'l', 'l'],
    rows.map((r) => [
      `${escapeMarkdown(r.description)} (${escapeMarkdown(r.labelZh)})`,
      String(r.year),
      formatValue(r.target, r.unit),
      r.range != null ? `${formatValue(r.range.low, r.unit)}–${formatValue(r.range.high, r.unit)}` : r.projected == null ? '–' : formatValue(r.projected, r.unit),
      r.margin == null ? '–' : formatChange(r.margin, r.unit),
      `${SCORECARD_RESULT_TEXT[scorecardResult(r)]}${scorecardResult(r) === 'not judged' && r.status ? `: ${escapeMarkdown(r.status)}` : ''}`,
      escapeMarkdown(scorecardSource(r)),
    ]),
  );
}

/**
 * The report as Markdown text: title, summary, scorecard (when given), key figures by region
 * and notes.
 *
 * @throws {ChengzhenError} for an invalid scorecard, bands or targets (see {@link checkReportInput}).
 * @example
 * markdownReport({ projection: project(scenario) }).startsWith(`# ${scenario.name}\n`)
 * // => true
 */
export function markdownReport(input: ReportInput): string {
  checkReportInput(input);
  const p = input.projection;
  const s = p.scenario;
  const lines: string[] = [`# ${escapeMarkdown(s.name)}`, '', `chengzhen projection report (城镇化情景预测报告), ${s.baseYear}–${s.endYear}`, '', '## Summary (概要)', ''];
  lines.push(`- Years (年份): ${s.baseYear} (base, year-end population) to ${s.endYear}: ${s.endYear - s.baseYear} years projected`);
  lines.push(`- Regions (地区): ${s.regions.map((r) => `${escapeMarkdown(r.nameEn)} (${escapeMarkdown(r.nameZh)}) \`${r.id}\``).join(', ')}`);
  if (s.description.trim() !== '') lines.push(`- Description (说明): ${escapeMarkdown(s.description.trim())}`);
  if (s.sources.length === 0) lines.push('- Sources (来源): none given');
  else {
    lines.push('- Sources (来源):');
    for (const src of s.sources) lines.push(`  - ${escapeMarkdown(src.document)}${src.clause ? `, ${escapeMarkdown(src.clause)}` : ''}${src.note ? ` (${escapeMarkdown(src.note)})` : ''}`);
  }
  if (input.scorecard && input.scorecard.length > 0) {
    lines.push('', '## Scorecard (目标评估)', '', `${scorecardTally(input.scorecard)}.`, '', scorecardTable(input.scorecard));
  }
  lines.push('', '## Key figures (主要指标)');
  for (const t of keyFigures(p)) {
    lines.push(
      '',
      `### ${escapeMarkdown(t.title)}`,
      '',
      table(
        ['Indicator (指标)', 'Unit', String(t.baseYear), String(t.endYear), 'Change'],
        ['l', 'l', 'r', 'r', 'r'],
        t.rows.map((r) => [`${r.labelEn} (${r.labelZh})`, r.unit === SHARE_UNIT ? '%' : r.unit, formatValue(r.base, r.unit), formatValue(r.end, r.unit), formatChange(r.change, r.unit)]),
      ),
    );
  }
  lines.push(...constraintsMarkdown(p));
  lines.push('', '## Notes (注释)', '');
  reportNotes(input).forEach((note, i) => lines.push(`${i + 1}. ${escapeMarkdown(note)}`));
  return `${lines.join('\n')}\n`;
}
