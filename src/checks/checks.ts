/**
 * Checks: what an analyst expects of a scenario's projection, written down so that it is
 * verified every time (as model checks do for system-dynamics models). A checks file lists
 * expectations, each an indicator for a region and some years, and one bound: at least, at
 * most, or approximately a value within an absolute or relative tolerance.
 */

import { z } from 'zod';
import { ChengzhenError, type ChengzhenIssue } from '../errors.js';
import { LIMITS } from '../limits.js';
import { deepFreeze } from '../deepFreeze.js';
import { documentIssues } from '../schema/documentIssues.js';
import { fromZodError, fromZodIssue } from '../schema/zodIssues.js';
import { INDICATORS, asIndicatorKey } from '../model/indicatorTable.js';
import { ALL_REGIONS, type Projection } from '../model/projection.js';

const year = z.number().int().min(LIMITS.minYear).max(LIMITS.maxYear);
const finite = z.number().finite();

/**
 * One expectation: `indicator` for `region` (default all regions together) in each of `years`
 * (a year, a list, or `{ from, to }`), and exactly one of `atLeast`, `atMost` or
 * `approximately: { value, tolerance }` (absolute, in the indicator's unit) or
 * `approximately: { value, relativeTolerance }` (a share of the value: 0.01 is 1 %).
 *
 * @example
 * CheckSchema.parse({ indicator: 'population', years: 2022, atLeast: 6e7 }).region
 * // => 'all'
 */
export const CheckSchema = z.strictObject({
  id: z.string().min(1).max(200).optional().describe('A name for the check in the table (default: checks[i])'),
  description: z.string().max(1000).optional(),
  indicator: z.string().min(1).max(100).describe('An indicator key (chengzhen run lists them), e.g. residentUrbanisationRate'),
  region: z.string().min(1).max(64).default(ALL_REGIONS).describe('A region id, or all (the default)'),
  years: z.union([year, z.array(year).min(1).max(LIMITS.maxYears + 1), z.strictObject({ from: year, to: year })], { error: 'must be a year, a list of years or { from, to }' }),
  atLeast: finite.optional().describe('The value must be >= this, in the indicator\'s unit (shares 0-1)'),
  atMost: finite.optional().describe('The value must be <= this'),
  approximately: z
    .strictObject({
      value: finite,
      tolerance: z.number().min(0).max(Number.MAX_VALUE).optional().describe('The largest absolute difference that passes, in the unit'),
      relativeTolerance: z.number().min(0).max(1e6).optional().describe('The largest difference that passes as a share of |value| (0.01 is 1 %)'),
    })
    .optional()
    .describe('The value must be within tolerance (or relativeTolerance x |value|) of value; at the tolerance passes'),
  source: z.string().max(1000).optional().describe('Where the expected value comes from'),
});
/** One check as written. */
export type CheckInput = z.input<typeof CheckSchema>;
/** One parsed check. */
export type Check = z.output<typeof CheckSchema>;

/**
 * A checks file: `{ name?, checks: [...] }`.
 *
 * @example
 * ChecksFileSchema.safeParse({ checks: [] }).success
 * // => false
 */
export const ChecksFileSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).max(200).optional(),
  description: z.string().max(10_000).optional(),
  checks: z.array(CheckSchema).min(1).max(10_000),
});
/** A checks file as written. */
export type ChecksFileInput = z.input<typeof ChecksFileSchema>;
/** A parsed checks file. */
export type ChecksFile = z.output<typeof ChecksFileSchema>;

const INDICATOR_KEYS = new Set<string>(INDICATORS.map((i) => i.key));

function crossIssues(c: Check, i: number): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  {
    const at = ['checks', i];
    const bounds = (['atLeast', 'atMost', 'approximately'] as const).filter((k) => c[k] !== undefined);
    if (bounds.length !== 1) {
      issues.push({
        code: 'constraint',
        path: at,
        message: `checks[${i}] must have exactly one of atLeast, atMost or approximately, received ${bounds.length === 0 ? 'none' : bounds.join(' and ')}`,
        expected: 'one of atLeast, atMost, approximately',
        received: bounds.join(', ') || 'none',
      });
    }
    const a = c.approximately;
    if (a && (a.tolerance === undefined) === (a.relativeTolerance === undefined)) {
      issues.push({
        code: 'constraint',
        path: [...at, 'approximately'],
        message: `checks[${i}].approximately must have exactly one of tolerance (absolute) or relativeTolerance, received ${a.tolerance === undefined ? 'neither' : 'both'}`,
        expected: 'tolerance or relativeTolerance',
      });
    }
    if (!INDICATOR_KEYS.has(c.indicator)) {
      issues.push({ code: 'invalid_value', path: [...at, 'indicator'], message: `checks[${i}].indicator ${JSON.stringify(c.indicator)} is not an indicator (indicators: ${[...INDICATOR_KEYS].join(', ')})`, received: c.indicator });
    }
    const y = c.years;
    if (typeof y === 'object' && !Array.isArray(y) && y.from > y.to) {
      issues.push({ code: 'out_of_range', path: [...at, 'years', 'to'], message: `checks[${i}].years.to must be >= from (${y.from}), received ${y.to}`, expected: `>= ${y.from}`, received: String(y.to) });
    }
  }
  return issues;
}

/**
 * Validates a checks file, reporting every problem with its path.
 *
 * @throws {ChengzhenError} naming each bad field: `checks[0] must have exactly one of atLeast,
 *   atMost or approximately, received atLeast and atMost`.
 * @example
 * parseChecks({ checks: [{ indicator: 'population', years: [2022, 2028], atLeast: 6e7 }] }).checks[0].years
 * // => [2022, 2028]
 */
export function parseChecks(input: unknown): ChecksFile {
  const shape = documentIssues(input, LIMITS.maxScenarioValues);
  if (shape.length > 0) throw new ChengzhenError(shape);
  // the file's own fields first, then each check on its own, so that every problem of every check is reported at once
  const outer = ChecksFileSchema.extend({ checks: z.array(z.unknown()).min(1).max(10_000) }).safeParse(input, { reportInput: true });
  if (!outer.success) throw new ChengzhenError(fromZodError(outer.error));
  const issues: ChengzhenIssue[] = [];
  const checks: Check[] = [];
  outer.data.checks.forEach((item, i) => {
    const parsed = CheckSchema.safeParse(item, { reportInput: true });
    if (parsed.success) {
      checks.push(parsed.data);
      issues.push(...crossIssues(parsed.data, i));
    } else {
      for (const issue of parsed.error.issues) issues.push(...fromZodIssue({ ...issue, path: ['checks', i, ...issue.path] } as typeof issue));
    }
  });
  if (issues.length > 0) throw new ChengzhenError(issues.slice(0, LIMITS.maxIssues));
  return deepFreeze({ ...outer.data, checks });
}

/** The outcome of one check in one year. */
export interface CheckOutcome {
  /** The check's index in the file. */
  index: number;
  /** Its id, or `checks[i]`. */
  id: string;
  indicator: string;
  region: string;
  year: number;
  unit: string;
  /** The kind of bound. */
  comparison: 'atLeast' | 'atMost' | 'approximately';
  /** The bound or the value expected, in the indicator's unit. */
  value: number;
  /** For `approximately`: the absolute tolerance (a relative one times |value|); null otherwise. */
  tolerance: number | null;
  /** The bound as written: `>= 0.7`, `<= 0.7`, `~ 0.734 +/- 0.0005`, `~ 65770000 +/- 1 %`. */
  expected: string;
  /** The projected value. */
  actual: number;
  status: 'pass' | 'fail';
  /**
   * How far inside the bound the value is, in the indicator's unit: positive or zero passes,
   * negative fails (actual - atLeast; atMost - actual; tolerance - |actual - value|).
   */
  margin: number;
  source?: string;
}

function yearsOf(check: Check): number[] {
  const y = check.years;
  if (typeof y === 'number') return [y];
  if (Array.isArray(y)) return [...y];
  return Array.from({ length: y.to - y.from + 1 }, (_, i) => y.from + i);
}

/** The checks' indicators, regions and years that the projection does not have, every one listed. */
function projectionIssues(projection: Projection, checks: readonly Check[]): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  const keys = new Set(projection.indicatorKeys());
  checks.forEach((c, i) => {
    if (!keys.has(c.indicator)) {
      issues.push({ code: 'invalid_value', path: ['checks', i, 'indicator'], message: `checks[${i}].indicator ${JSON.stringify(c.indicator)} is not projected by this scenario (it has ${[...keys].join(', ')})`, received: c.indicator });
      return;
    }
    if (c.region !== ALL_REGIONS && !projection.regions.includes(c.region)) {
      issues.push({ code: 'invalid_value', path: ['checks', i, 'region'], message: `checks[${i}].region ${JSON.stringify(c.region)} is not a region of the scenario (regions: ${[...projection.regions.slice(0, 8), ALL_REGIONS].join(', ')})`, received: c.region });
      return;
    }
    const have = projection.indicator(asIndicatorKey(c.indicator), { region: c.region }).years;
    const missing = yearsOf(c).filter((y) => !have.includes(y));
    if (missing.length > 0) {
      issues.push({
        code: 'out_of_range',
        path: ['checks', i, 'years'],
        message: `checks[${i}].years must be years the projection has for ${c.indicator}, in [${have[0]}, ${have[have.length - 1]}], received ${missing.join(', ')}`,
        expected: `[${have[0]}, ${have[have.length - 1]}]`,
        received: missing.join(', '),
      });
    }
  });
  return issues;
}

type Judged = Pick<CheckOutcome, 'comparison' | 'value' | 'tolerance' | 'expected' | 'margin'>;

function judge(check: Check, actual: number): Judged {
  if (check.atLeast !== undefined) return { comparison: 'atLeast', value: check.atLeast, tolerance: null, expected: `>= ${check.atLeast}`, margin: actual - check.atLeast };
  if (check.atMost !== undefined) return { comparison: 'atMost', value: check.atMost, tolerance: null, expected: `<= ${check.atMost}`, margin: check.atMost - actual };
  const a = check.approximately!;
  const tolerance = a.tolerance ?? a.relativeTolerance! * Math.abs(a.value);
  const expected = a.tolerance !== undefined ? `~ ${a.value} +/- ${a.tolerance}` : `~ ${a.value} +/- ${a.relativeTolerance! * 100} %`;
  return { comparison: 'approximately', value: a.value, tolerance, expected, margin: tolerance - Math.abs(actual - a.value) };
}

/**
 * Runs `checks` (a checks file, parsed or not, or its parsed checks) on a projection: one
 * outcome for each check and year, in order, with the projected value.
 *
 * @throws {ChengzhenError} for a checks file that does not validate, and naming every
 *   indicator, region or year the projection does not have.
 * @example
 * const projection = project(getPreset('zhejiang-2023').scenario);
 * const [outcome] = runChecks(projection, { checks: [{ indicator: 'residentUrbanisationRate', years: 2022, approximately: { value: 0.734, tolerance: 0.0005 } }] });
 * [outcome.status, outcome.actual]
 * // => ['pass', 0.734]
 */
export function runChecks(projection: Projection, checks: ChecksFileInput | readonly Check[]): CheckOutcome[] {
  const list: readonly Check[] = Array.isArray(checks) ? checks : parseChecks(checks).checks;
  const issues = projectionIssues(projection, list);
  if (issues.length > 0) throw new ChengzhenError(issues);
  const outcomes: CheckOutcome[] = [];
  list.forEach((check, index) => {
    const series = projection.indicator(asIndicatorKey(check.indicator), { region: check.region });
    for (const y of yearsOf(check)) {
      const actual = series.values[series.years.indexOf(y)];
      const judged = judge(check, actual);
      outcomes.push({
        index,
        id: check.id ?? `checks[${index}]`,
        indicator: check.indicator,
        region: check.region,
        year: y,
        unit: series.unit,
        ...judged,
        actual,
        status: judged.margin >= 0 ? 'pass' : 'fail',
        ...(check.source === undefined ? {} : { source: check.source }),
      });
    }
  });
  return outcomes;
}
