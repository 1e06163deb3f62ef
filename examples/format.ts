/**
 * Number formats and a plain-text table for the examples, so that each example reads as its
 * story rather than as string padding.
 */

/** A share (0-1) as a percentage: `pct(0.6592)` is `65.92 %`. */
export function pct(share: number, digits = 2): string {
  return `${(100 * share).toFixed(digits)} %`;
}

/**
 * A difference of shares in percentage points: `points(-0.0008)` is `-0.08 points`,
 * `points(-0.0008, { signed: false })` is `0.08 points`.
 */
export function points(difference: number, options: { signed?: boolean; digits?: number } = {}): string {
  const digits = options.digits ?? 2;
  const value = Math.abs(difference) < 0.5 * 10 ** -(digits + 2) ? 0 : difference;
  if (options.signed === false) return `${(100 * Math.abs(value)).toFixed(digits)} points`;
  return `${value > 0 ? '+' : ''}${(100 * value).toFixed(digits)} points`;
}

/** A count with thousands separators: `count(120000)` is `120,000`. */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A count in millions: `millions(24_874_500)` is `24.87 m`. */
export function millions(value: number, digits = 2): string {
  return `${(value / 1e6).toFixed(digits)} m`;
}

/** A ratio with fixed decimals: `ratio(0.62847)` is `0.628`. */
export function ratio(value: number, digits = 3): string {
  return value.toFixed(digits);
}

/** A heading underlined with `=`. */
export function heading(text: string): string {
  return `${text}\n${'='.repeat(columns(text))}`;
}

/** A value in its unit: shares as percentages, rates per 1000 with two decimals, counts in full. */
export function inUnit(value: number, unit: string): string {
  if (unit.startsWith('share')) return pct(value);
  if (unit.startsWith('per 1000')) return value.toFixed(2);
  return count(value);
}

/** The columns a text takes in a terminal: Chinese characters take two. */
function columns(text: string): number {
  return [...text].length + [...text].filter((c) => c.charCodeAt(0) > 0x2e80).length;
}

/**
 * Prints a table: a header row, a rule, and the rows. Columns of numbers are right-aligned,
 * columns of words (any cell starting with a letter) left-aligned. Cells are strings already
 * formatted with their units; Chinese characters count as two columns.
 */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(columns(h), ...rows.map((r) => columns(r[c]))));
  const words = header.map((_, c) => c === 0 || rows.some((r) => /^[^\d+\-.]/.test(r[c])));
  const pad = (text: string, c: number) => (words[c] ? text + ' '.repeat(widths[c] - columns(text)) : ' '.repeat(widths[c] - columns(text)) + text);
  console.log(header.map(pad).join('  ').trimEnd());
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(row.map(pad).join('  ').trimEnd());
}

/** Text wrapped to lines of at most `width` characters, each line after the first indented. */
export function wrap(text: string, width = 96, indent = '    '): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && columns(line) + 1 + columns(word) > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** Where a preset figure comes from, in one line: the document and clause, the data set, or the assumption. */
export function provenance(figure: { source?: { document?: string; clause?: string; note?: string; citation?: string; notes?: string }; assumption?: string }): string {
  if (figure.assumption !== undefined) return `assumption: ${figure.assumption}`;
  const s = figure.source ?? {};
  if (s.document !== undefined) return `source: ${s.document} ${s.clause ?? ''}${s.note ? `: ${s.note}` : ''}`;
  return `source: ${s.citation ?? 'not given'}${s.notes ? ` (${s.notes})` : ''}`;
}
