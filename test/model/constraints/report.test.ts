/** The report's constraints section: rows where a constraint binds, in Markdown and HTML. */

import { describe, expect, it } from 'vitest';
import { project } from '../../../src/model/project.js';
import { getPreset } from '../../../src/presets/index.js';
import { constraintRows, constraintsHtml, constraintsMarkdown } from '../../../src/report/constraintsSection.js';
import { htmlReport } from '../../../src/report/htmlReport.js';
import { markdownReport } from '../../../src/report/markdownReport.js';

const shanghai = getPreset('shanghai-2024-2028').scenario;
const quota = project({ ...shanghai, constraints: { settlementQuota: { persons: 100_000 } } });

describe('the constraints section', () => {
  it('lists each region and year where a constraint binds, with the people held back', () => {
    const rows = constraintRows(quota);
    expect(rows.map((r) => r.year)).toEqual([2024, 2025, 2026, 2027, 2028]);
    // conversions the rates would grant minus the quota, as the projection records them
    const held = quota.indicator('settlementQuota.heldBack', { region: 'shanghai' }).values.slice(1);
    expect(rows.map((r) => r.heldBack)).toEqual(held);
    expect(quota.indicator('conversions').values.every((v) => Math.abs(v - 100_000) < 1e-6)).toBe(true);
  });

  it('is in the Markdown and HTML reports only when the scenario has constraints', async () => {
    expect(markdownReport({ projection: quota })).toContain('## Constraints (约束)\n\nWhere a constraint binds (5 region-years of 5); persons per year.');
    expect(markdownReport({ projection: quota })).toContain('| Settlement quota (落户指标) | shanghai | 2024 |');
    expect(constraintsMarkdown(project(shanghai))).toEqual([]);
    const html = await htmlReport({ projection: quota });
    expect(html).toContain('<section id="constraints">');
    expect(constraintsHtml(project(shanghai))).toBe('');
  });

  it('says so when nothing binds', () => {
    const loose = project({ ...shanghai, constraints: { settlementQuota: { persons: 1e9 } } });
    expect(constraintsMarkdown(loose)).toEqual(['', '## Constraints (约束)', '', 'No constraint binds in any region or year.']);
  });
});
