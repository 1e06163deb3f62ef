/**
 * Proportional scaling of a mortality schedule to a given life expectancy at birth: the factor
 * `k` such that the life table of `k * mx` ({@link lifeTableFromSingleAges}) has `e0` equal to
 * the target. Scaling every rate by the same factor keeps the age pattern (a proportional
 * hazards change); `e0` falls steadily as `k` grows, so the factor is found by bisection on
 * `log k` to within 1e-9 years.
 */

import { ChengzhenError, type ChengzhenIssue } from '../../errors.js';
import { checkNumber, checkNumbers, NON_NEGATIVE_RANGE, throwIfIssues } from './checkInputs.js';
import { fillLifeTable } from './fillLifeTable.js';
import { infantSeparationFactor, type LifeTableSex } from './infantSeparationFactor.js';
import { buildLifeTable, lifeTableFromSingleAges, type LifeTable } from './lifeTable.js';

const LOG_BRACKET = 6;
const E0_TOLERANCE = 1e-9;
const MAX_ITERATIONS = 200;

/** The scaled table and its factor. */
export interface ScaledLifeTable {
  /** The factor applied to every death rate. */
  factor: number;
  table: LifeTable;
}

/**
 * Scales single-year death rates so that the life table's `e0` equals `e0Years`.
 *
 * @param mx death rates by single age 0 .. A (the last open), deaths per person-year
 * @param e0Years the target life expectancy at birth, years
 * @throws {ChengzhenError} on bad rates (as {@link lifeTableFromSingleAges}), a target that is not
 *   finite and above 0, or one that no factor in [exp(-6), exp(6)] reaches while every rate at
 *   ages 1 .. A-1 stays below 2 (`not_converged`, with the bracket)
 * @example
 * const m = Array.from({ length: 101 }, (_, x) => 0.0001 * Math.exp(0.09 * x));
 * scaleToLifeExpectancy(m, 80, 'female').table.ex[0]
 * // => 80 (to 1e-9)
 */
export function scaleToLifeExpectancy(mx: ArrayLike<number>, e0Years: number, sex: LifeTableSex): ScaledLifeTable {
  const issues: ChengzhenIssue[] = [];
  checkNumbers(issues, ['mx'], mx, NON_NEGATIVE_RANGE);
  checkNumber(issues, ['e0Years'], e0Years, { min: 0, max: Infinity, exclusiveMin: true });
  throwIfIssues(issues);
  const base = lifeTableFromSingleAges(mx, sex);
  const m = new Float64Array(base.mx.length);
  // e0 alone, in buildLifeTable's arithmetic (ex[0] = T[0] / l[0], T added from the open age
  // down), on columns reused from one factor to the next
  const column = () => new Float64Array(m.length);
  const [qx, ax, lx, dx, Lx] = [column(), column(), column(), column(), column()];
  const e0At = (logK: number): number => {
    const k = Math.exp(logK);
    for (let x = 0; x < m.length; x++) m[x] = base.mx[x] * k;
    fillLifeTable(m, infantSeparationFactor(m[0], sex), qx, ax, lx, dx, Lx);
    let T = 0;
    for (let x = m.length - 1; x >= 0; x--) T += Lx[x];
    return lx[0] > 0 ? T / lx[0] : 0;
  };
  // rates of 2 or more at ages 1 .. A-1 would make qx exceed 1 (ax = 1/2): stay below
  let highest = 0;
  for (let x = 1; x < m.length - 1; x++) highest = Math.max(highest, base.mx[x]);
  let lo = -LOG_BRACKET;
  let hi = highest > 0 ? Math.min(LOG_BRACKET, Math.log(1.999999 / highest)) : LOG_BRACKET;
  const eLo = e0At(lo);
  const eHi = e0At(hi);
  const notReached = (detail: string): ChengzhenError =>
    new ChengzhenError([
      {
        code: 'not_converged',
        path: ['e0Years'],
        message: `no factor in [${Math.exp(lo)}, ${Math.exp(hi)}] gives an e0 of ${e0Years}: ${detail}`,
        expected: `e0 in [${eHi}, ${eLo}]`,
        received: String(e0Years),
      },
    ]);
  if (!(eLo >= e0Years && eHi <= e0Years)) throw notReached(`the factors give e0 from ${eHi} to ${eLo}`);
  let mid = 0;
  let e = NaN;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    mid = (lo + hi) / 2;
    e = e0At(mid);
    if (Math.abs(e - e0Years) < E0_TOLERANCE) break;
    if (e > e0Years) lo = mid;
    else hi = mid;
  }
  if (!(Math.abs(e - e0Years) < E0_TOLERANCE)) throw notReached(`bisection stopped at e0 ${e} after ${MAX_ITERATIONS} iterations`);
  const factor = Math.exp(mid);
  for (let x = 0; x < m.length; x++) m[x] = base.mx[x] * factor;
  return { factor, table: buildLifeTable(m, sex) };
}
