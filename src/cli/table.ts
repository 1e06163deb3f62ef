/** Plain-text tables for the terminal and the one formatter of their numbers: columns padded, numbers right-aligned. */

import { SHARE_UNIT } from '../report/format.js';

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

const SIGNIFICANT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Whether `unit` is a share (0-1), shown as per cent (the unit names of the indicator table). */
const isShare = (unit: string): boolean => unit.startsWith(SHARE_UNIT);

/** Without the sign of a zero, so that "-0" is never shown. */
const unsigned = (text: string): string => (/^-[0.,]*$/.test(text) ? text.slice(1) : text);

/**
 * The one number formatter of the terminal, for a number without a unit (a lever's value or
 * factor): four significant digits, thousands separators, never an exponent.
 *
 * @example
 * formatNumber(0.02274783545406929)
 * // => '0.02275'
 * formatNumber(679700.4)
 * // => '679,700'
 */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '-';
  if (Math.abs(value) >= 1e4) return unsigned(WHOLE.format(value));
  return unsigned(SIGNIFICANT.format(value));
}

/**
 * A value in its unit (from the indicator table): shares as per cent with two decimals,
 * counts of 1,000 and more as whole numbers with thousands separators, others by
 * {@link formatNumber}; '-' for null or a number that is not finite.
 *
 * @example
 * formatValue(0.72171, 'share (0-1)')
 * // => '72.17 %'
 * formatValue(64567588.4, 'persons')
 * // => '64,567,588'
 */
export function formatValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '-';
  if (isShare(unit)) return `${unsigned(TWO_DECIMALS.format(value * 100))} %`;
  return formatNumber(value);
}

/**
 * A signed difference in its unit: percentage points ("pts") for shares, a signed number
 * otherwise. Differences too small to show are shown as zero, without a sign.
 *
 * @example
 * formatDifference(-0.0123, 'share (0-1)')
 * // => '-1.23 pts'
 * formatDifference(-2.3e-9, 'share (0-1)')
 * // => '0.00 pts'
 * formatDifference(2500, 'places')
 * // => '+2,500'
 */
export function formatDifference(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '-';
  const magnitude = isShare(unit) ? `${TWO_DECIMALS.format(Math.abs(value) * 100)} pts` : formatNumber(Math.abs(value));
  const zero = /^[0.,]+( pts)?$/.test(magnitude);
  return `${zero ? '' : value < 0 ? '-' : '+'}${magnitude}`;
}

/**
 * A ratio as a signed per cent with two decimals (a relative error).
 *
 * @example
 * formatPercentChange(-0.01234)
 * // => '-1.23 %'
 */
export function formatPercentChange(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '-';
  const magnitude = TWO_DECIMALS.format(Math.abs(value) * 100);
  return `${/^[0.,]+$/.test(magnitude) ? '' : value < 0 ? '-' : '+'}${magnitude} %`;
}
