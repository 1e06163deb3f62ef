/**
 * Target seeking: the value of one lever that makes an indicator reach a target value in a
 * target year ("what would it take?"), by bracketing and Brent's method.
 */

import { ChengzhenError, describeValue, type ChengzhenIssue } from '../errors.js';
import { project } from '../model/project.js';
import type { Projection } from '../model/projection.js';
import { parseScenario, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { brentRoot } from './brent.js';
import { fixMatchedStocks, leverBounds, leverMode, withLever, type LeverSpec } from './levers.js';
import { asIndicatorKey } from '../model/indicatorTable.js';

/** An indicator's value in one year, for one region or all. */
export interface Target {
  indicator: string;
  year: number;
  value: number;
  /** Region id (default: all regions together). */
  region?: string;
}

/** Options of {@link solveLever}. */
export interface SolveLeverOptions {
  lever: LeverSpec;
  target: Target;
  /** How close the indicator must come to the target, in its unit (default 1e-7 x max(1, |target|)). */
  tolerance?: number;
  /** Default 100. */
  maxIterations?: number;
  /** The range searched (default: the lever's valid range). */
  bounds?: [number, number];
}

/** What {@link solveLever} found. */
export interface SolveLeverResult {
  lever: LeverSpec;
  mode: 'value' | 'scale';
  /** The solved value (mode `value`) or factor on the schedule (mode `scale`). */
  value: number;
  target: Target;
  /** The indicator's value with the solved lever. */
  achieved: number;
  iterations: number;
  /** Projections run. */
  evaluations: number;
  /** The scenario with the solved lever. */
  scenario: Scenario;
}

/**
 * The indicator's value in the target year and region (default: all regions together) of a
 * projection, in the indicator's unit.
 *
 * @throws {ChengzhenError} for an unknown indicator or region, or a year the indicator does
 *   not cover.
 * @example
 * const scenario = defineScenario({
 *   name: 'Town', baseYear: 2023, endYear: 2025,
 *   regions: [{ id: 'town', nameEn: 'Town', nameZh: '镇' }],
 *   base: { town: { population: { census2020: 'Zhejiang', scaleToTotal: 1e5 }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } },
 *   migration: { ruralToUrbanRate: 0.02 },
 *   hukou: { conversionRate: 0.03 },
 * });
 * targetValue(project(scenario), { indicator: 'residentUrbanisationRate', year: 2023 })
 * // => 0.6
 * targetValue(project(scenario), { indicator: 'residentUrbanisationRate', year: 2030 })
 * // => throws ChengzhenError: target.year must be one of the years of residentUrbanisationRate (2023-2025), received 2030
 */
export function targetValue(projection: Projection, target: Omit<Target, 'value'>): number {
  const series = projection.indicator(asIndicatorKey(target.indicator), { region: target.region });
  const i = series.years.indexOf(target.year);
  if (i < 0) {
    throw new ChengzhenError([
      {
        code: 'out_of_range',
        path: ['target', 'year'],
        message: `target.year must be one of the years of ${target.indicator} (${series.years[0]}-${series.years[series.years.length - 1]}), received ${target.year}`,
        received: String(target.year),
      },
    ]);
  }
  return series.values[i];
}

/** Intervals the bounds are scanned in for a sign change. */
const SCAN_POINTS = 8;

function isRateLimit(error: unknown): boolean {
  return error instanceof ChengzhenError && error.issues.every((issue) => issue.code === 'constraint');
}

/** The largest x in [ok, bad) at which `f` still evaluates (by bisection), and f there. */
function feasibleEdge(f: (x: number) => number, ok: number, bad: number): { x: number; fx: number } {
  let fx = f(ok);
  for (let i = 0; i < 30; i++) {
    const mid = 0.5 * (ok + bad);
    try {
      fx = f(mid);
      ok = mid;
    } catch (error) {
      if (!isRateLimit(error)) throw error;
      bad = mid;
    }
  }
  return { x: ok, fx };
}

/**
 * Checks targets (or observations) before anything is projected: an indicator name, a whole
 * year, a finite value. `name` is the option they came in (`target`, `observations`).
 *
 * @throws {ChengzhenError} naming each bad field: `observations[0].value must be a finite
 *   number, received NaN`.
 * @example
 * checkTargets([{ indicator: 'population', year: 2026, value: 1e999 }], 'targets')
 * // => throws ChengzhenError: targets[0].value must be a finite number, received Infinity
 */
export function checkTargets(targets: readonly Target[], name: string, single = false): void {
  const issues: ChengzhenIssue[] = [];
  targets.forEach((t, i) => {
    const at: (string | number)[] = single ? [name] : [name, i];
    const where = single ? name : `${name}[${i}]`;
    if (typeof t?.indicator !== 'string' || t.indicator === '') {
      issues.push({ code: 'invalid_type', path: [...at, 'indicator'], message: `${where}.indicator must be an indicator name, received ${describeValue(t?.indicator)}`, received: describeValue(t?.indicator) });
    }
    if (!Number.isInteger(t?.year)) {
      issues.push({ code: 'invalid_value', path: [...at, 'year'], message: `${where}.year must be a whole year, received ${describeValue(t?.year)}`, expected: 'a whole year', received: describeValue(t?.year) });
    }
    if (typeof t?.value !== 'number' || !Number.isFinite(t.value)) {
      issues.push({ code: 'not_finite', path: [...at, 'value'], message: `${where}.value must be a finite number, received ${describeValue(t?.value)}`, expected: 'a finite number', received: describeValue(t?.value) });
    }
  });
  if (issues.length > 0) throw new ChengzhenError(issues);
}

/**
 * Checks that no lever is named twice (the same path for the same region, or for every
 * region): two entries would multiply factors or silently override each other.
 *
 * @throws {ChengzhenError} `duplicate`, naming the option and both positions.
 * @example
 * checkDistinctLevers([{ path: 'hukou.conversionRate' }, { path: 'hukou.conversionRate' }], 'levers')
 * // => throws ChengzhenError: levers[1] repeats levers[0] (hukou.conversionRate): name each lever once
 */
export function checkDistinctLevers(levers: readonly LeverSpec[], name: string): void {
  const seen = new Map<string, number>();
  const issues: ChengzhenIssue[] = [];
  levers.forEach((lever, i) => {
    const key = `${lever.path}@${lever.region ?? ''}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    const what = lever.region === undefined ? lever.path : `${lever.path} for region ${lever.region}`;
    issues.push({ code: 'duplicate', path: [name, i], message: `${name}[${i}] repeats ${name}[${first}] (${what}): name each lever once`, expected: 'each lever once', received: what });
  });
  if (issues.length > 0) throw new ChengzhenError(issues);
}

/**
 * Finds the lever value (or factor) that makes `target.indicator` equal `target.value` in
 * `target.year`.
 *
 * @throws {ChengzhenError} `unreachable` when no value in the bounds reaches the target
 *   (the message gives the reachable range), `not_converged` when the iteration limit is hit.
 * @example
 * const scenario = getPreset('national-2024-2028').scenario;
 * const solved = solveLever(scenario, {
 *   lever: { path: 'hukou.conversionRate' },
 *   target: { indicator: 'hukouUrbanisationRate', year: 2028, value: 0.55 },
 * });
 * solved.value   // the conversion rate that gives 55 % in 2028
 * // => 0.08434
 */
export function solveLever(input: Scenario | ScenarioInput, options: SolveLeverOptions): SolveLeverResult {
  checkTargets([options.target], 'target', true);
  const scenario = fixMatchedStocks(parseScenario(input));
  const { lever, target } = options;
  const mode = leverMode(scenario, lever);
  const [lo, hi] = options.bounds ?? leverBounds(scenario, lever);
  const tolerance = options.tolerance ?? 1e-7 * Math.max(1, Math.abs(target.value));
  let evaluations = 0;
  const f = (x: number): number => {
    evaluations++;
    return targetValue(project(withLever(scenario, lever, x)), target) - target.value;
  };

  // bracket: a scan from the lower end up; where the age profile pushes a rate past its limit,
  // the scan stops at the largest value that still compiles
  const xs: number[] = [];
  const fs: number[] = [];
  let bracket: [number, number, number, number] | null = null;
  let top = hi;
  for (let i = 0; i <= SCAN_POINTS && bracket === null; i++) {
    let x = lo + ((top - lo) * i) / SCAN_POINTS;
    let fx: number;
    try {
      fx = f(x);
    } catch (error) {
      if (!isRateLimit(error) || xs.length === 0) throw error;
      const edge = feasibleEdge(f, xs[xs.length - 1], x);
      x = edge.x;
      fx = edge.fx;
      top = x;
      i = SCAN_POINTS;
    }
    xs.push(x);
    fs.push(fx);
    if (Math.abs(fx) <= tolerance) {
      return { lever, mode, value: x, target, achieved: fx + target.value, iterations: 0, evaluations, scenario: withLever(scenario, lever, x) };
    }
    const n = xs.length;
    if (n > 1 && Math.sign(fs[n - 1]) !== Math.sign(fs[n - 2])) bracket = [xs[n - 2], xs[n - 1], fs[n - 2], fs[n - 1]];
  }
  const hiUsed = xs[xs.length - 1];
  if (bracket === null) {
    const reached = fs.map((v) => v + target.value);
    const min = Math.min(...reached);
    const max = Math.max(...reached);
    throw new ChengzhenError([
      {
        code: 'unreachable',
        path: ['target', 'value'],
        message: `${target.indicator}${target.region ? `[region=${target.region}]` : ''} in ${target.year} cannot reach ${target.value} by moving ${lever.path}${lever.region ? ` for ${lever.region}` : ''} (${mode}) within [${lo}, ${hiUsed}]${hiUsed < hi ? ' (higher values push an age-specific rate past its limit)' : ''}: it reaches only [${min}, ${max}]`,
        expected: `a target in [${min}, ${max}]`,
        received: String(target.value),
      },
    ]);
  }
  const root = brentRoot(f, bracket[0], bracket[1], { fTolerance: tolerance, maxIterations: options.maxIterations ?? 100 }, bracket[2], bracket[3]);
  return {
    lever,
    mode,
    value: root.x,
    target,
    achieved: root.fx + target.value,
    iterations: root.iterations,
    evaluations,
    scenario: withLever(scenario, lever, root.x),
  };
}
