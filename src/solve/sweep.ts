/**
 * Sweeps over levers: the scenario projected at many combinations of lever values, laid out
 * on a grid or by a seeded Latin hypercube, giving a tidy table of the lever values and the
 * outcomes at each point. Point i depends only on the plan, so the table is the same however
 * the points are split into chunks ({@link planSweep}, {@link runSweepPoints},
 * {@link summariseSweep}), on one thread or many machines.
 */

import { ChengzhenError, type ChengzhenIssue } from '../errors.js';
import { indicatorInfo } from '../model/indicatorTable.js';
import { parseScenario, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { fixMatchedStocks, LEVERS, leverBounds, leverMode, withLever, type LeverPath, type LeverSpec } from './levers.js';
import { checkSeed, uniformStream } from './random.js';
import { keptSeries, seriesEvaluator } from './simulate.js';
import { checkDistinctLevers } from './solveLever.js';

/** One lever swept, from `min` to `max` (its value, or the factor on its schedule). */
export interface SweptLever {
  lever: LeverSpec;
  min: number;
  max: number;
}

/** Options of {@link sweep} and {@link planSweep}. */
export interface SweepOptions {
  /** The levers and their ranges: a list, or a record by lever path of `[min, max]` (for every region). */
  levers: SweptLever[] | Partial<Record<LeverPath, readonly [number, number]>>;
  /** `grid` (default): every combination of `steps` values a lever; `lhs`: a Latin hypercube of `points` points. */
  design?: 'grid' | 'lhs';
  /** Grid: values a lever, evenly spaced from min to max (2 to 101, default 5). */
  steps?: number;
  /** Latin hypercube: number of points (1 to {@link MAX_SWEEP_POINTS}, default 20). */
  points?: number;
  /** Latin hypercube: seed, a whole number in [0, 2^32) (default 1). */
  seed?: number;
  /** Indicators kept (default: as `simulate`: population, the urbanisation rates, the gap and migrants, and every service's coverage and shortfall). */
  indicators?: string[];
  /** Regions kept (default: every region, and all together when there are several). */
  regions?: string[];
  /** Years kept (default: the end year). */
  years?: number[];
}

/**
 * The most points one sweep may have.
 *
 * @example
 * MAX_SWEEP_POINTS
 * // => 100000
 */
export const MAX_SWEEP_POINTS = 100_000;

/** A planned sweep: the scenario, the levers, the value of every lever at every point, what is kept. */
export interface SweepPlan {
  scenario: Scenario;
  design: 'grid' | 'lhs';
  seed: number | null;
  levers: (SweptLever & { mode: 'value' | 'scale' })[];
  /** `values[l][i]`: lever l at point i. */
  values: Float64Array[];
  points: number;
  keys: { indicator: string; region: string }[];
  /** Every year of the projection. */
  years: number[];
  /** The indices into `years` kept. */
  keptYears: number[];
}

/** The outcomes of points `from` to `to - 1`: for each kept series, values by point then kept year. */
export interface SweepChunk {
  from: number;
  to: number;
  series: Float64Array[];
}

/** One row of a sweep's tidy table: a point, its lever values, and one outcome. */
export interface SweepRow {
  point: number;
  /** The value (or factor) of each lever at this point, by lever label (`path` or `path@region`). */
  levers: Record<string, number>;
  indicator: string;
  region: string;
  year: number;
  value: number;
  unit: string;
}

/** What {@link sweep} returns. */
export interface SweepResult {
  design: 'grid' | 'lhs';
  seed: number | null;
  points: number;
  levers: { label: string; lever: LeverSpec; min: number; max: number; mode: 'value' | 'scale' }[];
  rows: SweepRow[];
}

function invalid(path: (string | number)[], message: string, expected?: string, received?: string): ChengzhenIssue {
  return { code: 'invalid_value', path, message, ...(expected ? { expected } : {}), ...(received !== undefined ? { received } : {}) };
}

/**
 * The label of a swept lever in a sweep's table: its path, and `@region` when it moves one region.
 *
 * @example
 * leverLabel({ path: 'hukou.conversionRate', region: 'zhejiang' })
 * // => 'hukou.conversionRate@zhejiang'
 */
export function leverLabel(lever: LeverSpec): string {
  return lever.region === undefined ? lever.path : `${lever.path}@${lever.region}`;
}

/**
 * Points of a Latin hypercube in [0, 1)^dims: each dimension cut into `points` equal strata,
 * each stratum holding exactly one point, the strata shuffled and the place inside each stratum
 * drawn from the seeded stream of that dimension. The same seed gives the same points.
 *
 * @example
 * const [a] = latinHypercube(4, 1, 7);
 * Array.from(a, (u) => Math.floor(u * 4)).sort()   // one point in each quarter
 * // => [0, 1, 2, 3]
 */
export function latinHypercube(points: number, dims: number, seed: number): Float64Array[] {
  checkSeed(seed);
  return Array.from({ length: dims }, (_, d) => {
    const uniform = uniformStream(seed, d);
    const strata = Int32Array.from({ length: points }, (_, i) => i);
    for (let i = points - 1; i > 0; i--) {
      const j = Math.min(i, Math.floor(uniform() * (i + 1)));
      const t = strata[i];
      strata[i] = strata[j];
      strata[j] = t;
    }
    const out = new Float64Array(points);
    for (let i = 0; i < points; i++) out[i] = (strata[i] + uniform()) / points;
    return out;
  });
}

/**
 * Validates a sweep and fixes its points and what it keeps, from one projection of the
 * scenario.
 *
 * @throws {ChengzhenError} naming each problem: an unknown lever or one the scenario lacks, a
 *   range outside the lever's (with the range allowed), a design, steps, points or seed out of
 *   range, an indicator, region or year the projection does not have.
 * @example
 * const scenario = defineScenario({
 *   name: 'Town', baseYear: 2023, endYear: 2025,
 *   regions: [{ id: 'town', nameEn: 'Town', nameZh: '镇' }],
 *   base: { town: { population: { census2020: 'Zhejiang', scaleToTotal: 1e5 }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } },
 *   migration: { ruralToUrbanRate: 0.02 },
 *   hukou: { conversionRate: 0.03 },
 * });
 * const plan = planSweep(scenario, { levers: { 'migration.ruralToUrbanRate': [0.01, 0.03], 'hukou.conversionRate': [0, 0.1] }, steps: 3 });
 * plan.points
 * // => 9
 * Array.from(plan.values[0])
 * // => [0.01, 0.01, 0.01, 0.02, 0.02, 0.02, 0.03, 0.03, 0.03]
 */
export function planSweep(input: Scenario | ScenarioInput, options: SweepOptions): SweepPlan {
  const scenario = fixMatchedStocks(parseScenario(input));
  const design = options.design ?? 'grid';
  const issues: ChengzhenIssue[] = [];
  if (design !== 'grid' && design !== 'lhs') issues.push(invalid(['design'], `design must be grid or lhs, received ${String(design)}`, 'grid or lhs', String(design)));
  const swept: SweptLever[] = Array.isArray(options.levers)
    ? options.levers
    : Object.entries(options.levers).map(([path, range]) => ({ lever: { path: path as LeverPath }, min: (range as [number, number])[0], max: (range as [number, number])[1] }));
  if (swept.length === 0) issues.push(invalid(['levers'], 'levers must name at least one lever'));
  if (issues.length > 0) throw new ChengzhenError(issues);
  checkDistinctLevers(
    swept.map((s) => s.lever),
    'levers',
  );
  const levers = swept.map((s, i) => {
    if (!Object.hasOwn(LEVERS, s.lever.path)) {
      issues.push(invalid(['levers', i, 'lever'], `levers[${i}]: ${s.lever.path} is not a lever (levers: ${Object.keys(LEVERS).join(', ')})`, undefined, s.lever.path));
      return null;
    }
    const mode = leverMode(scenario, s.lever);
    const [lo, hi] = leverBounds(scenario, s.lever);
    const what = mode === 'value' ? 'value' : 'factor on its schedule';
    if (!(Number.isFinite(s.min) && Number.isFinite(s.max) && s.min <= s.max)) {
      issues.push(invalid(['levers', i], `levers[${i}] (${s.lever.path}): min and max must be finite numbers with min <= max, received ${s.min} to ${s.max}`, 'min <= max', `${s.min}:${s.max}`));
    } else if (s.min < lo || s.max > hi) {
      issues.push(invalid(['levers', i], `levers[${i}] (${s.lever.path}): the ${what} must stay in [${lo}, ${hi}], received ${s.min} to ${s.max}`, `[${lo}, ${hi}]`, `${s.min}:${s.max}`));
    }
    return { ...s, mode };
  });
  if (issues.length > 0) throw new ChengzhenError(issues);
  const L = levers.length;
  let points: number;
  let values: Float64Array[];
  let seed: number | null = null;
  if (design === 'grid') {
    const steps = options.steps ?? 5;
    if (!Number.isInteger(steps) || steps < 2 || steps > 101) throw new ChengzhenError([invalid(['steps'], `steps must be a whole number in [2, 101], received ${steps}`, '[2, 101]', String(steps))]);
    points = steps ** L;
    if (points > MAX_SWEEP_POINTS) {
      throw new ChengzhenError([invalid(['steps'], `a grid of ${steps} steps over ${L} levers has ${points} points, more than ${MAX_SWEEP_POINTS} (MAX_SWEEP_POINTS); use fewer steps or design lhs`, `at most ${MAX_SWEEP_POINTS} points`, String(points))]);
    }
    // the first lever varies slowest
    values = levers.map((l, i) => {
      const out = new Float64Array(points);
      const inner = steps ** (L - 1 - i);
      for (let p = 0; p < points; p++) {
        const k = Math.floor(p / inner) % steps;
        out[p] = (l!.min * (steps - 1 - k) + l!.max * k) / (steps - 1);
      }
      return out;
    });
  } else {
    points = options.points ?? 20;
    seed = options.seed ?? 1;
    if (!Number.isInteger(points) || points < 1 || points > MAX_SWEEP_POINTS) {
      throw new ChengzhenError([invalid(['points'], `points must be a whole number in [1, ${MAX_SWEEP_POINTS}], received ${points}`, `[1, ${MAX_SWEEP_POINTS}]`, String(points))]);
    }
    const unit = latinHypercube(points, L, seed);
    values = levers.map((l, i) => unit[i].map((u) => l!.min + (l!.max - l!.min) * u));
  }
  const { keys, years } = keptSeries(scenario, options);
  const wanted = options.years ?? [years[years.length - 1]];
  const keptYears = wanted.map((year) => years.indexOf(year));
  keptYears.forEach((y, i) => {
    if (y < 0) issues.push(invalid(['years', i], `years[${i}] must be a year of the projection, ${years[0]} to ${years[years.length - 1]}, received ${wanted[i]}`, `[${years[0]}, ${years[years.length - 1]}]`, String(wanted[i])));
  });
  if (issues.length > 0) throw new ChengzhenError(issues);
  return { scenario, design, seed, levers: levers.map((l) => l!), values, points, keys, years, keptYears };
}

/**
 * Projects points `from` to `to - 1` of a planned sweep.
 *
 * @throws {ChengzhenError} for a range outside the plan's points, or a point whose lever
 *   values the scenario does not allow (naming the point and its values).
 * @example
 * const scenario = defineScenario({
 *   name: 'Town', baseYear: 2023, endYear: 2025,
 *   regions: [{ id: 'town', nameEn: 'Town', nameZh: '镇' }],
 *   base: { town: { population: { census2020: 'Zhejiang', scaleToTotal: 1e5 }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } },
 *   migration: { ruralToUrbanRate: 0.02 },
 *   hukou: { conversionRate: 0.03 },
 * });
 * const plan = planSweep(scenario, { levers: { 'migration.ruralToUrbanRate': [0.01, 0.03] }, steps: 3, indicators: ['residentUrbanisationRate'] });
 * Array.from(runSweepPoints(plan, 0, 3).series[0])   // 2025, at 1, 2 and 3 % a year
 * // => [0.6107, 0.6183, 0.6257]
 */
export function runSweepPoints(plan: SweepPlan, from: number, to: number): SweepChunk {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > plan.points) {
    throw new ChengzhenError([invalid(['points'], `points ${from} to ${to} must be whole numbers with 0 <= from <= to <= ${plan.points}`, `0 <= from <= to <= ${plan.points}`, `${from}..${to}`)]);
  }
  const Y = plan.years.length;
  const K = plan.keptYears.length;
  const n = to - from;
  const evaluate = seriesEvaluator(plan);
  const full = plan.keys.map(() => new Float64Array(Y));
  const series = plan.keys.map(() => new Float64Array(n * K));
  for (let p = from; p < to; p++) {
    let scenario = plan.scenario;
    plan.levers.forEach((l, i) => {
      scenario = withLever(scenario, { ...l.lever, mode: l.mode }, plan.values[i][p]);
    });
    try {
      evaluate(scenario, full, 0);
    } catch (error) {
      if (error instanceof ChengzhenError) {
        const at = plan.levers.map((l, i) => `${leverLabel(l.lever)} = ${plan.values[i][p]}`).join(', ');
        throw new ChengzhenError([{ ...error.issues[0], message: `point ${p} (${at}): ${error.issues[0].message}` }, ...error.issues.slice(1)]);
      }
      throw error;
    }
    full.forEach((values, k) => {
      for (let y = 0; y < K; y++) series[k][(p - from) * K + y] = values[plan.keptYears[y]];
    });
  }
  return { from, to, series };
}

/**
 * Joins chunks (in any order, covering every point once) into the sweep's tidy table: one row
 * per point, kept series and kept year, in the order point, indicator, region, year.
 *
 * @throws {ChengzhenError} when the chunks miss a point or cover one twice.
 * @example
 * const scenario = defineScenario({
 *   name: 'Town', baseYear: 2023, endYear: 2025,
 *   regions: [{ id: 'town', nameEn: 'Town', nameZh: '镇' }],
 *   base: { town: { population: { census2020: 'Zhejiang', scaleToTotal: 1e5 }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } },
 *   migration: { ruralToUrbanRate: 0.02 },
 *   hukou: { conversionRate: 0.03 },
 * });
 * const plan = planSweep(scenario, { levers: { 'migration.ruralToUrbanRate': [0.01, 0.03] }, steps: 3, indicators: ['residentUrbanisationRate'] });
 * const table = summariseSweep(plan, [runSweepPoints(plan, 2, 3), runSweepPoints(plan, 0, 2)]);
 * table.rows[2]
 * // => { point: 2, levers: { 'migration.ruralToUrbanRate': 0.03 }, indicator: 'residentUrbanisationRate', region: 'town', year: 2025, value: 0.6257, unit: 'share (0-1)' }
 */
export function summariseSweep(plan: SweepPlan, chunks: SweepChunk[]): SweepResult {
  const ordered = [...chunks].sort((a, b) => a.from - b.from);
  let expected = 0;
  for (const c of ordered) {
    if (c.from !== expected) {
      throw new ChengzhenError([invalid(['chunks'], `the chunks must cover points 0 to ${plan.points - 1} once each: point ${expected} is ${c.from > expected ? 'missing' : 'covered twice'}`)]);
    }
    expected = c.to;
  }
  if (expected !== plan.points) throw new ChengzhenError([invalid(['chunks'], `the chunks must cover points 0 to ${plan.points - 1} once each: points from ${expected} are missing`)]);
  const K = plan.keptYears.length;
  const labels = plan.levers.map((l) => leverLabel(l.lever));
  const units = plan.keys.map((key) => indicatorInfo(key.indicator)?.unit ?? '');
  const rows: SweepRow[] = [];
  for (const c of ordered) {
    for (let p = c.from; p < c.to; p++) {
      const levers: Record<string, number> = {};
      labels.forEach((label, i) => {
        levers[label] = plan.values[i][p];
      });
      plan.keys.forEach((key, k) => {
        for (let y = 0; y < K; y++) {
          rows.push({ point: p, levers, indicator: key.indicator, region: key.region, year: plan.years[plan.keptYears[y]], value: c.series[k][(p - c.from) * K + y], unit: units[k] });
        }
      });
    }
  }
  return {
    design: plan.design,
    seed: plan.seed,
    points: plan.points,
    levers: plan.levers.map((l, i) => ({ label: labels[i], lever: l.lever, min: l.min, max: l.max, mode: l.mode })),
    rows,
  };
}

/**
 * Projects the scenario at every point of a grid or a seeded Latin hypercube over the levers
 * and returns a tidy table of lever values and outcomes (by default every kept indicator in
 * the end year).
 *
 * @throws {ChengzhenError} for invalid options, naming each field (see {@link planSweep}).
 * @example
 * const result = sweep(getPreset('national-2024-2028').scenario, {
 *   levers: { 'migration.ruralToUrbanRate': [0.01, 0.03], 'hukou.conversionRate': [0.01, 0.05] },
 *   design: 'lhs', points: 8, seed: 1, indicators: ['residentUrbanisationRate'],
 * });
 * [result.points, result.rows.length]
 * // => [8, 8]
 */
export function sweep(input: Scenario | ScenarioInput, options: SweepOptions): SweepResult {
  const plan = planSweep(input, options);
  return summariseSweep(plan, [runSweepPoints(plan, 0, plan.points)]);
}
