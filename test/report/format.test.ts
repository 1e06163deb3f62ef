import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { axisScale, bilingual, formatChange, formatValue, indicatorLabel, unitZh } from '../../src/report/format.js';
import { escapeHtml } from '../../src/report/escapeHtml.js';

describe('formatValue(value, unit)', () => {
  it('shows shares as percentages with one decimal', () => {
    expect(formatValue(0.72171, 'share (0-1)')).toBe('72.2%');
    expect(formatValue(0.72149, 'share (0-1)')).toBe('72.1%');
    expect(formatValue(1, 'share (0-1)')).toBe('100.0%');
    expect(formatValue(-0, 'share (0-1)')).toBe('0.0%');
  });

  it('shows counts rounded with thousands separators, and rates per 1000 with one decimal', () => {
    expect(formatValue(64567588.4, 'persons')).toBe('64,567,588');
    expect(formatValue(999.5, 'places')).toBe('1,000');
    expect(formatValue(-0.2, 'beds')).toBe('0');
    expect(formatValue(3.14159, 'per 1000 residents')).toBe('3.1');
  });

  it('throws for a value that is not finite', () => {
    expect(() => formatValue(Number.NaN, 'persons')).toThrow(ChengzhenError);
    expect(() => formatValue(Number.POSITIVE_INFINITY, 'persons')).toThrow('value must be a finite number, received Infinity');
  });
});

describe('formatChange(value, unit)', () => {
  it('signs changes, in percentage points for shares', () => {
    expect(formatChange(0.0123, 'share (0-1)')).toBe('+1.2 pp');
    expect(formatChange(-0.069, 'share (0-1)')).toBe('-6.9 pp');
    expect(formatChange(0.0004, 'share (0-1)')).toBe('0.0 pp');
    expect(formatChange(-2500, 'places')).toBe('-2,500');
    expect(formatChange(1_710_713, 'persons')).toBe('+1,710,713');
    expect(formatChange(-0.3, 'persons')).toBe('0');
    expect(formatChange(0.25, 'per 1000 residents')).toBe('+0.3');
  });
});

describe('axisScale(maxAbs, unit)', () => {
  it('uses millions from 10 million and thousands from 10 thousand', () => {
    expect(axisScale(65_000_000, 'persons')).toEqual({ divisor: 1e6, titleEn: 'millions of persons', titleZh: '百万人' });
    expect(axisScale(9_999_999, 'places')).toEqual({ divisor: 1e3, titleEn: 'thousands of places', titleZh: '千个' });
    expect(axisScale(9_999, 'beds')).toEqual({ divisor: 1, titleEn: 'beds', titleZh: '张' });
  });
});

describe('labels', () => {
  it('bilingual(en, zh) and indicatorLabel(key)', () => {
    expect(bilingual('Year', '年份')).toBe('Year (年份)');
    expect(bilingual('Year', undefined)).toBe('Year');
    expect(indicatorLabel('hukouUrbanisationRate')).toBe('Hukou urbanisation rate of residents (常住人口中城镇户籍人口比重)');
    expect(indicatorLabel('schoolPlaces.capacity')).toBe('Urban compulsory school places (ages 6-14): capacity (城镇义务教育学位供给)');
    expect(indicatorLabel('not.a.key')).toBe('not.a.key');
    expect(unitZh('beds or units')).toBe('张（套）');
  });
});

describe('escapeHtml(text)', () => {
  it('escapes the five characters that can start markup or end an attribute', () => {
    expect(escapeHtml('<script>alert("1")</script>')).toBe('&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;');
    expect(escapeHtml("a & 'b'")).toBe('a &amp; &#39;b&#39;');
    expect(escapeHtml('城镇 plain')).toBe('城镇 plain');
  });
});

describe('formatValue(value, unit) for shares per period and ratios', () => {
  it('shows a share per year as per cent and a ratio with one decimal', () => {
    expect(formatValue(0.01, 'share (0-1) per year')).toBe('1.0% per year');
    expect(formatValue(1.115, 'ratio')).toBe('1.1');
  });
});
