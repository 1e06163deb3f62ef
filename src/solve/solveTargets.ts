/**
 * Several levers against several targets at once: a bounded least-squares fit by the
 * Levenberg-Marquardt method (the `ml-levenberg-marquardt` package), with each residual
 * divided by its target's scale so that rates and counts weigh alike. Calibration to an
 * observed series is the same problem with observations as targets.
 */

import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { ChengzhenError } from '../errors.js';
import { project } from '../model/project.js';
import { parseScenario, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { fixMatchedStocks, leverBounds, leverMode, withLever, type LeverSpec } from './levers.js';
import { checkDistinctLevers, checkTargets, targetValue, type Target } from './solveLever.js';

/** Options of {@link solveTargets}. */
export interface SolveTargetsOptions {
  levers: LeverSpec[];
  targets: Target[];
  /** Starting values (default: 1 for factors; the lever's current value for values). */
  initial?: number[];
  /** Bounds per lever (default: each lever's valid range). */
  bounds?: [number, number][];
  /**
   * Scale of each target's residual (default: the target value, or 1 when it is 0), so the
   * fit minimises the sum of squared relative errors.
   */
  scales?: number[];
  /** Default 100. */
  maxIterations?: number;
}

/** One target with its fitted value and residual. */
export interface TargetResidual extends Target {
  fitted: number;
  /** fitted - value, in the indicator's unit. */
  residual: number;
}

/** What {@link solveTargets} found. */
export interface SolveTargetsResult {
  levers: { lever: LeverSpec; mode: 'value' | 'scale'; value: number; bounds: [number, number] }[];
  residuals: TargetResidual[];
  /** Root mean square of the scaled residuals. */
  rmse: number;
  iterations: number;
  evaluations: number;
  scenario: Scenario;
}

function applyLevers(scenario: Scenario, levers: LeverSpec[], values: ArrayLike<number>): Scenario {
  let s = scenario;
  levers.forEach((lever, i) => {
    s = withLever(s, lever, values[i]);
  });
  return s;
}

/**
 * Fits several levers to several targets by bounded least squares.
 *
 * @throws {ChengzhenError} for unknown levers or targets outside the projection.
 * @example
 * const fit = solveTargets(getPreset('national-2024-2028').scenario, {
 *   levers: [{ path: 'migration.ruralToUrbanRate' }, { path: 'hukou.conversionRate' }],
 *   targets: [
 *     { indicator: 'residentUrbanisationRate', year: 2028, value: 0.7 },
 *     { indicator: 'hukouUrbanisationRate', year: 2028, value: 0.55 },
 *   ],
 * });
 * fit.levers.map((l) => l.value)
 * // => [0.02262, 0.08316]
 * fit.residuals.map((r) => Math.abs(r.residual) < 1e-9)
 * // => [true, true]
 */
export function solveTargets(input: Scenario | ScenarioInput, options: SolveTargetsOptions): SolveTargetsResult {
  const { levers, targets } = options;
  if (levers.length === 0 || targets.length === 0) {
    throw new ChengzhenError([{ code: 'invalid_value', path: [levers.length === 0 ? 'levers' : 'targets'], message: 'solveTargets needs at least one lever and one target' }]);
  }
  checkTargets(targets, 'targets');
  checkDistinctLevers(levers, 'levers');
  const scenario = fixMatchedStocks(parseScenario(input));
  const bounds = options.bounds ?? levers.map((lever) => leverBounds(scenario, lever));
  const modes = levers.map((lever) => leverMode(scenario, lever));
  const initial =
    options.initial ??
    levers.map((lever, i) => {
      if (modes[i] === 'scale') return 1;
      const path = lever.path.split('.');
      let v: unknown = scenario;
      for (const p of path) v = (v as Record<string, unknown>)[p];
      const value = typeof v === 'number' ? v : 0.5 * (bounds[i][0] + bounds[i][1]);
      return Math.min(Math.max(value, bounds[i][0]), bounds[i][1]);
    });
  const scales = options.scales ?? targets.map((t) => (t.value !== 0 ? Math.abs(t.value) : 1));

  let evaluations = 0;
  const cache = new Map<string, number[]>();
  const fittedFor = (params: ArrayLike<number>): number[] => {
    const key = Array.from(params).join(',');
    let fitted = cache.get(key);
    if (!fitted) {
      evaluations++;
      const projection = project(applyLevers(scenario, levers, params));
      fitted = targets.map((t) => targetValue(projection, t));
      cache.set(key, fitted);
    }
    return fitted;
  };
  // the fit runs on each lever mapped to [0, 1] over its bounds, so that levers of very
  // different sizes (a rate of 0.02, a flow of 300,000 persons) are stepped alike
  const toUnit = (values: ArrayLike<number>) => Array.from(values, (v, i) => (v - bounds[i][0]) / (bounds[i][1] - bounds[i][0]));
  const fromUnit = (u: ArrayLike<number>) => Array.from(u, (v, i) => bounds[i][0] + v * (bounds[i][1] - bounds[i][0]));
  // the fitting package needs at least two points: a single target is given twice (same minimum)
  const points = targets.length > 1 ? targets.map((_, i) => i) : [0, 0];
  const fit = levenbergMarquardt(
    { x: points, y: points.map((i) => targets[i].value / scales[i]) },
    (params) => {
      const fitted = fittedFor(fromUnit(params));
      return (i) => fitted[i] / scales[i];
    },
    {
      initialValues: toUnit(initial),
      minValues: levers.map(() => 0),
      maxValues: levers.map(() => 1),
      gradientDifference: 1e-7,
      centralDifference: true,
      damping: 1e-3,
      maxIterations: options.maxIterations ?? 100,
      errorTolerance: 1e-14,
    },
  );
  const values = fromUnit(fit.parameterValues);
  const fitted = fittedFor(values);
  const residuals = targets.map((t, i) => ({ ...t, fitted: fitted[i], residual: fitted[i] - t.value }));
  const rmse = Math.sqrt(residuals.reduce((s, r, i) => s + (r.residual / scales[i]) ** 2, 0) / residuals.length);
  return {
    levers: levers.map((lever, i) => ({ lever, mode: modes[i], value: values[i], bounds: bounds[i] })),
    residuals,
    rmse,
    iterations: fit.iterations,
    evaluations,
    scenario: applyLevers(scenario, levers, values),
  };
}
