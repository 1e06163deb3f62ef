/**
 * The report's constraints section (docs/constraints.md): for each constraint of the scenario,
 * the regions and years where it binds and how many people it held back, re-routed or left
 * behind. Empty when the scenario has no constraints.
 */

import type { Projection } from '../model/projection.js';
import { escapeHtml } from './escapeHtml.js';
import { formatValue } from './format.js';

/** One row of the constraints table: a constraint binding in one region and year. */
export interface ConstraintRow {
  constraint: 'housing' | 'settlementQuota' | 'schoolAccess';
  labelEn: string;
  labelZh: string;
  region: string;
  year: number;
  /** Persons held back in the year: movers kept out (housing), conversions refused (quota), migrant children without a public place (school). */
  heldBack: number;
  /** Movers sent to other destinations (housing with spill "reroute"), else 0. */
  rerouted: number;
  /** Children who stayed in their origin, counted there (school with leftBehind), else 0. */
  leftBehind: number;
}

const CONSTRAINTS = [
  { constraint: 'housing', labelEn: 'Housing', labelZh: '住房', binds: 'housing.binds', heldBack: 'housing.heldBack', rerouted: 'housing.rerouted', leftBehind: null },
  { constraint: 'settlementQuota', labelEn: 'Settlement quota', labelZh: '落户指标', binds: 'settlementQuota.binds', heldBack: 'settlementQuota.heldBack', rerouted: null, leftBehind: null },
  { constraint: 'schoolAccess', labelEn: 'School places', labelZh: '学位', binds: 'schoolAccess.binds', heldBack: 'schoolAccess.withoutPublicPlace', rerouted: null, leftBehind: 'schoolAccess.leftBehind' },
] as const;

/**
 * The most rows the report's constraints table shows; the rest are counted in its summary.
 *
 * @example
 * MAX_CONSTRAINT_ROWS
 * // => 40
 */
export const MAX_CONSTRAINT_ROWS = 40;

/**
 * Rows of the constraints table: every region (not the total) and projected year where a
 * constraint binds, or left children behind, in the order housing, quota, school; region;
 * year.
 *
 * @example
 * const scenario = { ...getPreset('shanghai-2024-2028').scenario, constraints: { settlementQuota: { persons: 100000 } } };
 * const first = constraintRows(project(scenario))[0];
 * [first.constraint, first.region, first.year, Math.round(first.heldBack)]   // conversions beyond the quota in 2024
 * // => ['settlementQuota', 'shanghai', 2024, 89462]
 */
export function constraintRows(projection: Projection): ConstraintRow[] {
  const rows: ConstraintRow[] = [];
  const keys = new Set(projection.indicatorKeys());
  for (const c of CONSTRAINTS) {
    if (!keys.has(c.binds)) continue;
    for (const region of projection.regions) {
      const binds = projection.indicator(c.binds, { region }).values;
      const held = projection.indicator(c.heldBack, { region }).values;
      const rerouted = c.rerouted && keys.has(c.rerouted) ? projection.indicator(c.rerouted, { region }).values : null;
      const left = c.leftBehind && keys.has(c.leftBehind) ? projection.indicator(c.leftBehind, { region }).values : null;
      projection.years.forEach((year, y) => {
        if (y === 0) return;
        const leftBehind = left ? left[y] : 0;
        if (binds[y] === 0 && leftBehind === 0) return;
        rows.push({ constraint: c.constraint, labelEn: c.labelEn, labelZh: c.labelZh, region, year, heldBack: held[y], rerouted: rerouted ? rerouted[y] : 0, leftBehind });
      });
    }
  }
  return rows;
}

function summary(projection: Projection, rows: ConstraintRow[]): string {
  if (rows.length === 0) return 'No constraint binds in any region or year.';
  const more = rows.length > MAX_CONSTRAINT_ROWS ? ` The first ${MAX_CONSTRAINT_ROWS} of ${rows.length} rows are shown.` : '';
  return `Where a constraint binds (${rows.length} region-years of ${projection.regions.length * (projection.years.length - 1)}); persons per year.${more}`;
}

const person = (v: number) => formatValue(v, 'persons');

/**
 * The constraints section as Markdown lines (heading, summary, table), or no lines when the
 * scenario has no constraints.
 *
 * @example
 * constraintsMarkdown(project(getPreset('shanghai-2024-2028').scenario))
 * // => []
 */
export function constraintsMarkdown(projection: Projection): string[] {
  if (!projection.scenario.constraints) return [];
  const rows = constraintRows(projection);
  const lines = ['', '## Constraints (约束)', '', summary(projection, rows)];
  if (rows.length === 0) return lines;
  lines.push('', '| Constraint (约束) | Region | Year | Held back | Re-routed | Left behind |', '| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of rows.slice(0, MAX_CONSTRAINT_ROWS)) lines.push(`| ${r.labelEn} (${r.labelZh}) | ${r.region} | ${r.year} | ${person(r.heldBack)} | ${person(r.rerouted)} | ${person(r.leftBehind)} |`);
  return lines;
}

/**
 * The constraints section as HTML, or '' when the scenario has no constraints.
 *
 * @example
 * constraintsHtml(project(getPreset('shanghai-2024-2028').scenario))
 * // => ''
 */
export function constraintsHtml(projection: Projection): string {
  if (!projection.scenario.constraints) return '';
  const rows = constraintRows(projection);
  const body = rows
    .slice(0, MAX_CONSTRAINT_ROWS)
    .map((r) => `<tr><td>${escapeHtml(r.labelEn)} <span lang="zh-Hans">(${escapeHtml(r.labelZh)})</span></td><td>${escapeHtml(r.region)}</td><td class="num">${r.year}</td><td class="num">${person(r.heldBack)}</td><td class="num">${person(r.rerouted)}</td><td class="num">${person(r.leftBehind)}</td></tr>`)
    .join('\n');
  const table =
    rows.length === 0
      ? ''
      : `\n<table class="constraints">\n<thead><tr><th>Constraint</th><th>Region</th><th class="num">Year</th><th class="num">Held back</th><th class="num">Re-routed</th><th class="num">Left behind</th></tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
  return `<section id="constraints">\n<h2>Constraints <span lang="zh-Hans">(约束)</span></h2>\n<p>${escapeHtml(summary(projection, rows))}</p>${table}\n</section>`;
}
