/**
 * Numbers and labels as reports show them: shares as percentages, counts with thousands
 * separators, labels in English with the Chinese in parentheses, axis units scaled to
 * thousands or millions.
 */

import { ChengzhenError } from '../errors.js';
import { indicatorInfo } from '../model/indicatorTable.js';

/**
 * The unit of shares in the indicator table; shown as percentages.
 *
 * @example
 * formatValue(0.5, SHARE_UNIT)
 * // => '50.0%'
 */
export const SHARE_UNIT = 'share (0-1)';

/** Chinese for each unit of the indicator table (shares are shown as %). */
const UNIT_ZH: Record<string, string> = {
  persons: '人',
  'persons per year': '人/年',
  'share (0-1)': '%',
  places: '个',
  'beds or units': '张（套）',
  doctors: '人',
  teachers: '人',
  clinics: '个',
  beds: '张',
  'per 1000 residents': '每千人',
};

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const GROUPED_1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * English with the Chinese in parentheses, or the English alone when there is no Chinese.
 *
 * @example
 * bilingual('Resident urbanisation rate', '常住人口城镇化率')
 * // => 'Resident urbanisation rate (常住人口城镇化率)'
 */
export function bilingual(en: string, zh: string | undefined): string {
  return zh ? `${en} (${zh})` : en;
}

/**
 * The bilingual label of an indicator from the indicator table (the key itself when unknown).
 *
 * @example
 * indicatorLabel('hukouUrbanisationRate')
 * // => 'Hukou urbanisation rate of residents (常住人口中城镇户籍人口比重)'
 */
export function indicatorLabel(key: string): string {
  const info = indicatorInfo(key);
  return info ? bilingual(info.labelEn, info.labelZh) : key;
}

/**
 * The Chinese for a unit of the indicator table, or undefined.
 *
 * @example
 * unitZh('beds')
 * // => '张'
 */
export function unitZh(unit: string): string | undefined {
  return UNIT_ZH[unit];
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) {
    throw new ChengzhenError([{ code: 'not_finite', path: [what], message: `${what} must be a finite number, received ${String(value)}`, received: String(value) }]);
  }
}

/** A share (0-1) or a share per some period (`share (0-1) per year`): shown as per cent. */
function isShareUnit(unit: string): boolean {
  return unit.startsWith(SHARE_UNIT);
}

/** Rounds away -0 so that "-0" is never shown. */
const plain = (value: number): number => (Object.is(value, -0) ? 0 : value);

/**
 * A value in its unit as a table shows it: shares as percentages with one decimal, rates per
 * 1000 with one decimal, counts rounded to whole numbers with thousands separators.
 *
 * @throws {ChengzhenError} for a value that is not finite.
 * @example
 * formatValue(0.72171, 'share (0-1)')
 * // => '72.2%'
 * formatValue(64567588.4, 'persons')
 * // => '64,567,588'
 */
export function formatValue(value: number, unit: string): string {
  assertFinite(value, 'value');
  if (isShareUnit(unit)) return `${GROUPED_1.format(plain(Math.round(value * 1000) / 10))}%${unit === SHARE_UNIT ? '' : unit.slice(SHARE_UNIT.length)}`;
  if (unit === 'per 1000 residents' || unit === 'ratio') return GROUPED_1.format(plain(value));
  return GROUPED.format(plain(Math.round(value)));
}

/**
 * A signed difference in its unit: percentage points for shares, a signed count otherwise.
 *
 * @throws {ChengzhenError} for a value that is not finite.
 * @example
 * formatChange(0.0123, 'share (0-1)')
 * // => '+1.2 pp'
 * formatChange(-2500, 'places')
 * // => '-2,500'
 */
export function formatChange(value: number, unit: string): string {
  assertFinite(value, 'change');
  const magnitude = isShareUnit(unit) ? GROUPED_1.format(Math.round(Math.abs(value) * 1000) / 10) : unit === 'per 1000 residents' ? GROUPED_1.format(Math.abs(value)) : GROUPED.format(Math.round(Math.abs(value)));
  const zero = /^[0.]+$/.test(magnitude);
  const sign = zero ? '' : value < 0 ? '-' : '+';
  return `${sign}${magnitude}${unit === SHARE_UNIT ? ' pp' : ''}`;
}

/** How a chart axis shows counts: divide by `divisor`, title with the scaled unit. */
export interface AxisScale {
  divisor: number;
  titleEn: string;
  titleZh: string;
}

/**
 * The axis scale for counts whose largest absolute value is `maxAbs`: millions from 10
 * million, thousands from 10 thousand, the unit itself below.
 *
 * @example
 * axisScale(65_000_000, 'persons')
 * // => { divisor: 1000000, titleEn: 'millions of persons', titleZh: '百万人' }
 */
export function axisScale(maxAbs: number, unit: string): AxisScale {
  const zh = UNIT_ZH[unit] ?? '';
  if (maxAbs >= 1e7) return { divisor: 1e6, titleEn: `millions of ${unit}`, titleZh: `百万${zh}` };
  if (maxAbs >= 1e4) return { divisor: 1e3, titleEn: `thousands of ${unit}`, titleZh: `千${zh}` };
  return { divisor: 1, titleEn: unit, titleZh: zh };
}
