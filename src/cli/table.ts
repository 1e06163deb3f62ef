/** Plain-text tables for the terminal: columns padded, numbers right-aligned. */

/**
 * Formats rows as an aligned text table with a header and a rule.
 *
 * @example
 * textTable(['a', 'b'], [['x', '1'], ['yy', '22']])
 * // => 'a   b\n--  --\nx    1\nyy  22'
 */
export function textTable(header: string[], rows: string[][], alignRight: boolean[] = header.map(() => false)): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(widths[i] - width(s));
    return alignRight[i] ? gap + s : s + gap;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A number for people: shares as per cent, large counts with thousands separators. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '-';
  if (unit.startsWith('share')) return `${(value * 100).toFixed(2)} %`;
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(4)).toString();
}
