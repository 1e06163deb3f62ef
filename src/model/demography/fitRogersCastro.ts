/**
 * Least-squares fit of the Rogers-Castro schedule ({@link rogersCastro}) to observed rates by
 * age, by the Levenberg-Marquardt method (npm package `ml-levenberg-marquardt`) with the exact
 * Jacobian. The fit works on the logarithms of the heights and slopes, which keeps them
 * positive and puts parameters of very different size (0.003 and 20) on a common footing; the
 * peak positions `mu` stay as they are. It minimises `sum w_i (rate_i - m(age_i))^2`.
 */

import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { ChengzhenError, type ChengzhenIssue } from '../../errors.js';
import { checkNumber, checkNumbers, FINITE_RANGE, POSITIVE_RANGE, throwIfIssues } from './checkInputs.js';
import {
  checkRogersCastroParameters,
  ROGERS_CASTRO_PARAMETERS,
  ROGERS_CASTRO_STANDARD,
  rogersCastroAt,
  type RogersCastroParameters,
} from './rogersCastro.js';

/** Options of {@link fitRogersCastro}. */
export interface FitRogersCastroOptions {
  /** 7 parameters (no retirement peak) or 11 (with it). */
  form: 7 | 11;
  /**
   * Where the search starts, every height and slope > 0. Defaults: the standard schedule
   * ({@link ROGERS_CASTRO_STANDARD}), plus a retirement peak a3 = 0.0003, alpha3 = 0.6,
   * mu3 = 60, lambda3 = 0.5 for the 11-parameter form.
   */
  initial?: RogersCastroParameters;
  /** A weight per age (> 0), default 1. */
  weights?: ArrayLike<number>;
  /** Levenberg-Marquardt iterations, default 1000. */
  maxIterations?: number;
}

/** A fitted schedule. */
export interface RogersCastroFit {
  parameters: RogersCastroParameters;
  /** `sum w_i (rate_i - m(age_i))^2` at the fitted parameters. */
  residualSumOfSquares: number;
  iterations: number;
}

/** The default start of the retirement peak. */
const RETIREMENT_START = { a3: 0.0003, alpha3: 0.6, mu3: 60, lambda3: 0.5 } as const;

const LOG_MIN = Math.log(1e-12);
const LOG_MAX = Math.log(1e3);

function isPosition(name: string): boolean {
  return name === 'mu2' || name === 'mu3';
}

/**
 * Fits a 7- or 11-parameter Rogers-Castro schedule to rates by age.
 *
 * @param ages ages in years
 * @param rates observed rates at those ages, same length, at least as many as the parameters
 * @throws {ChengzhenError} on mismatched lengths, too few points, non-finite numbers, weights
 *   that are not > 0, an initial height or slope that is not > 0, or a fit that ends on a
 *   non-finite error (`not_converged`)
 * @example
 * const ages = Array.from({ length: 81 }, (_, x) => x);
 * fitRogersCastro(ages, rogersCastro(ages, ROGERS_CASTRO_STANDARD), { form: 7 }).parameters.mu2
 * // => 20 (to about 1e-6)
 */
export function fitRogersCastro(ages: ArrayLike<number>, rates: ArrayLike<number>, options: FitRogersCastroOptions): RogersCastroFit {
  const form = options.form;
  const names = ROGERS_CASTRO_PARAMETERS[form];
  const issues: ChengzhenIssue[] = [];
  if (names === undefined) {
    issues.push({ code: 'invalid_value', path: ['options', 'form'], message: `options.form must be 7 or 11, received ${String(form)}`, expected: '7 or 11', received: String(form) });
    throwIfIssues(issues);
  }
  checkNumbers(issues, ['ages'], ages, FINITE_RANGE);
  checkNumbers(issues, ['rates'], rates, FINITE_RANGE, ages.length);
  if (options.weights !== undefined) checkNumbers(issues, ['options', 'weights'], options.weights, POSITIVE_RANGE, ages.length);
  if (issues.length === 0 && ages.length < names.length) {
    issues.push({ code: 'wrong_length', path: ['ages'], message: `ages must hold at least ${names.length} points for the ${form}-parameter form, received ${ages.length}`, expected: `at least ${names.length} points`, received: `an array of ${ages.length}` });
  }
  const initial: RogersCastroParameters = options.initial ?? (form === 11 ? { ...ROGERS_CASTRO_STANDARD, ...RETIREMENT_START } : { ...ROGERS_CASTRO_STANDARD });
  const start: RogersCastroParameters = form === 11 ? { ...RETIREMENT_START, ...initial } : { ...initial, a3: undefined, alpha3: undefined, mu3: undefined, lambda3: undefined };
  checkRogersCastroParameters(issues, ['options', 'initial'], start);
  for (const name of names) {
    if (isPosition(name) || issues.length > 0) continue;
    checkNumber(issues, ['options', 'initial', name], start[name], POSITIVE_RANGE);
  }
  throwIfIssues(issues);

  const theta = names.map((name) => (isPosition(name) ? (start[name] as number) : Math.log(start[name] as number)));
  const toParameters = (t: ArrayLike<number>): RogersCastroParameters => {
    const p = {} as Record<string, number>;
    names.forEach((name, i) => (p[name] = isPosition(name) ? t[i] : Math.exp(t[i])));
    return p as unknown as RogersCastroParameters;
  };
  const model = (t: number[]) => {
    const p = toParameters(t);
    return (x: number) => rogersCastroAt(p, x);
  };
  const jacobian = (t: number[]) => {
    const p = toParameters(t);
    return (x: number) => rogersCastroGradient(p, x, form);
  };

  const result = levenbergMarquardt({ x: ages, y: rates }, model, {
    initialValues: theta,
    weights: options.weights ?? 1,
    jacobianFunction: jacobian,
    maxIterations: options.maxIterations ?? 1000,
    errorTolerance: 0,
    damping: 1e-3,
    minValues: names.map((name) => (isPosition(name) ? -50 : LOG_MIN)),
    maxValues: names.map((name) => (isPosition(name) ? 150 : LOG_MAX)),
  });
  if (!Number.isFinite(result.parameterError)) {
    throw new ChengzhenError([
      {
        code: 'not_converged',
        path: ['rates'],
        message: `the Rogers-Castro fit ended on a non-finite error after ${result.iterations} iterations`,
        expected: 'a finite residual sum of squares',
        received: String(result.parameterError),
      },
    ]);
  }
  return { parameters: toParameters(result.parameterValues), residualSumOfSquares: result.parameterError, iterations: result.iterations };
}

/** Partial derivatives of m(x) with respect to the fitted coordinates (logs, and mu as is). */
function rogersCastroGradient(p: RogersCastroParameters, x: number, form: 7 | 11): number[] {
  const child = p.a1 * Math.exp(-p.alpha1 * x);
  const out = [child, -x * p.alpha1 * child, ...peakGradient(p.a2, p.alpha2, p.mu2, p.lambda2, x)];
  if (form === 11) out.push(...peakGradient(p.a3 as number, p.alpha3 as number, p.mu3 as number, p.lambda3 as number, x));
  out.push(p.c);
  return out;
}

/** d/d(log a), d/d(log alpha), d/d(mu), d/d(log lambda) of `a exp(-alpha u - exp(-lambda u))`, u = x - mu. */
function peakGradient(a: number, alpha: number, mu: number, lambda: number, x: number): number[] {
  const u = x - mu;
  const e = Math.exp(-lambda * u);
  const g = a * Math.exp(-alpha * u - e);
  return [g, -u * alpha * g, g * (alpha - lambda * e), g * u * e * lambda];
}
