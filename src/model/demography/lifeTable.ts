/**
 * Complete (single-year) period life tables, from single-year or abridged death rates, and the
 * survival inputs of the projection kernel they give.
 *
 * Table columns by age x = 0 .. A (A the open group, 100 by default), radix `l0 = 1`:
 * `qx = mx / (1 + (1 - ax) mx)`, `dx = lx qx`, `l(x+1) = lx - dx`, `Lx = l(x+1) + ax dx`;
 * `ax` is the Andreev-Kingkade value at age 0 ({@link infantSeparationFactor}) and 1/2 at
 * ages 1 .. A-1. In the open group deaths are certain and the force of mortality is taken as
 * constant at `mA`, so `LA = TA = lA / mA`. Then `Tx = Lx + T(x+1)` and `ex = Tx / lx`
 * (Preston, Heuveline and Guillot 2001, chapter 3).
 *
 * Kernel inputs (model.md section 2; demography.md point 2). A person aged a on 1 January is
 * alive on 31 December with probability `sx[a] = L(a+1) / La` for a = 0 .. A-2, as in a
 * stationary population. The kernel puts the survivors of ages A-1 and A together in the open
 * group: `S[A] = P[A-1] sx[A-1] + P[A] sx[A]`. With a constant force `mA` from age A on, the
 * single-year person-years at age A are `L(A, A+1) = lA (1 - exp(-mA)) / mA`, so
 * `sx[A-1] = L(A, A+1) / L(A-1)` (people aged A-1 on 1 January alive, aged A, on 31 December) and
 * `sx[A] = T(A+1) / TA = exp(-mA)` (people in the open group who live one more year). In a
 * stationary population the two add up to `TA` exactly, as they should. A child born during
 * the year survives to its end with probability `sb = L0` (births spread evenly over the year,
 * radix 1).
 *
 * References: S. H. Preston, P. Heuveline and M. Guillot (2001), Demography: Measuring and
 * Modeling Population Processes, Blackwell, chapter 3. E. M. Andreev and W. W. Kingkade (2015),
 * Demographic Research 33(13), 363-390.
 */

import type { ChengzhenIssue } from '../../errors.js';
import { checkNumber, checkNumbers, NON_NEGATIVE_RANGE, POSITIVE_RANGE, throwIfIssues } from './checkInputs.js';
import { infantSeparationFactor, type LifeTableSex } from './infantSeparationFactor.js';
import { fillLifeTable } from './fillLifeTable.js';
import { ABRIDGED_AGE_STARTS, ungroupDeathRates } from './ungroupDeathRates.js';

/** A complete life table by single age 0 .. A (the last open), radix 1, with kernel inputs. */
export interface LifeTable {
  /** The open age group A. */
  maxAge: number;
  /** Central death rate, deaths per person-year. */
  mx: Float64Array;
  /** Probability of dying between x and x+1 (1 in the open group). */
  qx: Float64Array;
  /** Years lived in the interval by those who die in it. */
  ax: Float64Array;
  /** Survivors to exact age x (l0 = 1). */
  lx: Float64Array;
  /** Deaths between x and x+1. */
  dx: Float64Array;
  /** Person-years lived between x and x+1 (from A on in the open group). */
  Lx: Float64Array;
  /** Person-years lived above age x. */
  Tx: Float64Array;
  /** Life expectancy at exact age x, years. */
  ex: Float64Array;
  /** Kernel survival of a person aged a on 1 January to 31 December (see the file comment). */
  sx: Float64Array;
  /** Kernel survival of a child born during the year to 31 December: `L0`. */
  sb: number;
}

/**
 * Builds a complete life table from death rates by single age 0 .. A (the last open).
 *
 * @param mx death rates by single age, deaths per person-year; `mx[A]` is the open group's (> 0)
 * @param sex chooses the infant `a0` rule
 * @throws {ChengzhenError} when a rate is negative or not finite, the open rate is not above 0, a
 *   rate of 2 or more at ages 1 .. A-1 would make `qx` exceed 1, or fewer than 3 ages are given
 * @example
 * lifeTableFromSingleAges([0.01, 0.5, 1], 'male').ex[0]
 * // => 2.37749 (to 5 decimals)
 */
export function lifeTableFromSingleAges(mx: ArrayLike<number>, sex: LifeTableSex): LifeTable {
  const issues: ChengzhenIssue[] = [];
  checkNumbers(issues, ['mx'], mx, NON_NEGATIVE_RANGE);
  if (issues.length === 0 && mx.length < 3) {
    issues.push({ code: 'wrong_length', path: ['mx'], message: `mx must hold at least 3 ages, received ${mx.length}`, expected: 'at least 3 ages', received: `an array of ${mx.length}` });
  }
  if (issues.length === 0) {
    const A = mx.length - 1;
    checkNumber(issues, ['mx', A], mx[A], POSITIVE_RANGE, 'the open age group');
    for (let x = 1; x < A; x++) {
      if (mx[x] < 2) continue;
      issues.push({ code: 'out_of_range', path: ['mx', x], message: `mx[${x}] must be below 2 so that qx stays below 1 with ax = 1/2, received ${mx[x]}`, expected: '< 2', received: String(mx[x]) });
      break;
    }
  }
  throwIfIssues(issues);
  return buildLifeTable(Float64Array.from(mx), sex);
}

/** The table of {@link lifeTableFromSingleAges} on checked rates; `m` is kept as `mx`. */
export function buildLifeTable(m: Float64Array, sex: LifeTableSex): LifeTable {
  const A = m.length - 1;
  const n = A + 1;
  const qx = new Float64Array(n);
  const ax = new Float64Array(n);
  const lx = new Float64Array(n);
  const dx = new Float64Array(n);
  const Lx = new Float64Array(n);
  const Tx = new Float64Array(n);
  const ex = new Float64Array(n);
  fillLifeTable(m, infantSeparationFactor(m[0], sex), qx, ax, lx, dx, Lx);
  let T = 0;
  for (let x = A; x >= 0; x--) {
    T += Lx[x];
    Tx[x] = T;
    ex[x] = lx[x] > 0 ? T / lx[x] : 0;
  }
  const mA = m[A];
  const sx = new Float64Array(n);
  for (let x = 0; x < A - 1; x++) sx[x] = Lx[x] > 0 ? Lx[x + 1] / Lx[x] : 0;
  const firstYearOfOpen = (lx[A] * -Math.expm1(-mA)) / mA;
  sx[A - 1] = Lx[A - 1] > 0 ? firstYearOfOpen / Lx[A - 1] : 0;
  sx[A] = Math.exp(-mA);
  return { maxAge: A, mx: m, qx, ax, lx, dx, Lx, Tx, ex, sx, sb: Lx[0] };
}

/**
 * Builds a complete life table from death rates by age group, by default the abridged groups
 * 0, 1-4, 5-9, ..., 95-99, 100+ of UN WPP: the rates are first ungrouped smoothly by
 * {@link ungroupDeathRates}, so each group's life-table death rate is the published one.
 *
 * @param rates death rate of each group, deaths per person-year
 * @throws {ChengzhenError} as {@link ungroupDeathRates} and {@link lifeTableFromSingleAges}
 * @example
 * // UN WPP 2024, China, females, 2020-2025
 * lifeTable(WPP2024_CHINA_MX.female[14], { sex: 'female' }).ex[0]
 * // => 81.008 (UN WPP 2024 e0: 81.0101)
 */
export function lifeTable(rates: ArrayLike<number>, options: { sex: LifeTableSex; ageStarts?: ArrayLike<number> }): LifeTable {
  const m = ungroupDeathRates(rates, options.ageStarts ?? ABRIDGED_AGE_STARTS, options.sex);
  return lifeTableFromSingleAges(m, options.sex);
}
