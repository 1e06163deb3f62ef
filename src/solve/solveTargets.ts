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
import { leverBounds, leverMode, withLever, type LeverSpec } from './levers.js';
import { targetValue, type Target } from './solveLever.js';

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
 * const fit = solveTargets(scenario, {
 *   levers: [{ path: 'migration.ruralToUrbanRate' }, { path: 'hukou.conversionRate' }],
 *   targets: [
 *     { indicator: 'residentUrbanisationRate', year: 2028, value: 0.7 },
 *     { indicator: 'hukouUrbanisationRate', year: 2028, value: 0.55 },
 *   ],
 * });
 * fit.residuals.map((r) => r.residual)   // both near 0
 */
export function solveTargets(input: Scenario | ScenarioInput, options: SolveTargetsOptions): SolveTargetsResult {
  const scenario = parseScenario(input);
  const { levers, targets } = options;
  if (levers.length === 0 || targets.length === 0) {
    throw new ChengzhenError([{ code: 'invalid_value', path: [levers.length === 0 ? 'levers' : 'targets'], message: 'solveTargets needs at least one lever and one target' }]);
  }
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
  const widths = bounds.map(([lo, hi]) => hi - lo);
  const fit = levenbergMarquardt(
    { x: targets.map((_, i) => i), y: targets.map((t, i) => t.value / scales[i]) },
    (params) => {
      const fitted = fittedFor(params);
      return (i) => fitted[i] / scales[i];
    },
    {
      initialValues: initial,
      minValues: bounds.map((b) => b[0]),
      maxValues: bounds.map((b) => b[1]),
      gradientDifference: widths.map((w) => 1e-6 * Math.max(w, 1e-9)),
      centralDifference: true,
      damping: 1e-3,
      maxIterations: options.maxIterations ?? 100,
      errorTolerance: 1e-14,
    },
  );
  const values = fit.parameterValues;
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
