/**
 * Calibration: levers fitted to an observed series by bounded least squares, with data up to
 * a cut-off year only when asked (so a hindcast is scored on years the fit never saw).
 */

import { ChengzhenError } from '../errors.js';
import type { Scenario, ScenarioInput } from '../schema/scenario.js';
import type { LeverSpec } from './levers.js';
import { checkDistinctLevers, checkTargets, type Target } from './solveLever.js';
import { solveTargets, type SolveTargetsResult } from './solveTargets.js';

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  levers: LeverSpec[];
  /** Observed values: an indicator in a year (and region), as targets. */
  observations: Target[];
  /** Use only observations up to this year (default: all). */
  upTo?: number;
  bounds?: [number, number][];
  initial?: number[];
  maxIterations?: number;
}

/** Fit quality of a calibration, over the observations used. */
export interface CalibrationQuality {
  /** Observations used. */
  n: number;
  /** Mean absolute error, in the indicators' units. */
  meanAbsoluteError: number;
  /** Largest absolute error, in the indicators' units. */
  maxAbsoluteError: number;
  /** Root mean square of the relative errors (residual / observed). */
  relativeRmse: number;
}

/** What {@link calibrate} found: the fitted levers and residuals, the fit's quality and the observations held out. */
export interface CalibrateResult extends SolveTargetsResult {
  quality: CalibrationQuality;
  /** The observations left out by `upTo`. */
  heldOut: Target[];
}

/**
 * Fits levers to observations.
 *
 * @throws {ChengzhenError} when there is no observation or none is left after the cut-off,
 *   an observation is not a finite value in a whole year, or a lever is named twice.
 * @example
 * const fit = calibrate(NATIONAL_CALIBRATION.scenario, {   // China from the 2020 census
 *   levers: [{ path: 'migration.ruralToUrbanRate' }],
 *   observations: [{ indicator: 'residentUrbanisationRate', year: 2022, value: 0.6522 }],
 * });
 * fit.levers[0].value   // the rural-to-urban migration level that reproduces 2022
 * // => 0.0173
 */
export function calibrate(scenario: Scenario | ScenarioInput, options: CalibrateOptions): CalibrateResult {
  if (options.observations.length === 0) {
    throw new ChengzhenError([{ code: 'invalid_value', path: ['observations'], message: 'calibrate needs at least one observation', expected: 'one or more observations', received: 'none' }]);
  }
  checkTargets(options.observations, 'observations');
  checkDistinctLevers(options.levers, 'levers');
  const used = options.observations.filter((o) => options.upTo === undefined || o.year <= options.upTo);
  const heldOut = options.observations.filter((o) => options.upTo !== undefined && o.year > options.upTo);
  if (used.length === 0) {
    throw new ChengzhenError([
      { code: 'invalid_value', path: ['observations'], message: `calibrate has no observations up to ${options.upTo}`, received: String(options.observations.length) },
    ]);
  }
  const fit = solveTargets(scenario, {
    levers: options.levers,
    targets: used,
    bounds: options.bounds,
    initial: options.initial,
    maxIterations: options.maxIterations,
  });
  const abs = fit.residuals.map((r) => Math.abs(r.residual));
  return {
    ...fit,
    heldOut,
    quality: {
      n: used.length,
      meanAbsoluteError: abs.reduce((s, v) => s + v, 0) / abs.length,
      maxAbsoluteError: Math.max(...abs),
      relativeRmse: fit.rmse,
    },
  };
}
