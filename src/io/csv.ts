/**
 * CSV text (RFC 4180) of tidy rows: a header of the column names, one line per row, fields
 * quoted only when they hold a comma, quote or line break. Numbers are written in full
 * (shortest round-trip form), so nothing is lost.
 */

function field(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows of plain objects as CSV, columns in the order of `columns` (default: the keys
 * of the first row).
 *
 * @example
 * toCsv([{ year: 2024, region: 'china', value: 0.67 }])
 * // => 'year,region,value\n2024,china,0.67\n'
 */
export function toCsv<T extends object>(rows: readonly T[], columns?: readonly (keyof T & string)[]): string {
  const keys = columns ?? (rows.length > 0 ? (Object.keys(rows[0]) as (keyof T & string)[]) : []);
  const lines = [keys.map(field).join(',')];
  for (const row of rows) lines.push(keys.map((key) => field(row[key])).join(','));
  return `${lines.join('\n')}\n`;
}
