/**
 * The columns of a single-year life table with radix 1, written into arrays the caller owns;
 * shared by `lifeTable` and `ungroupDeathRates`, which recomputes them many times.
 * Formulas as in lifeTable.ts: `qx = mx / (1 + (1 - ax) mx)`, `ax` = `a0` at age 0 and 1/2
 * above, and the open group `LA = lA / mA`.
 */

/** Fills qx, ax, lx, dx and Lx from m (no checks); the last age is open. */
export function fillLifeTable(
  m: Float64Array,
  a0: number,
  qx: Float64Array,
  ax: Float64Array,
  lx: Float64Array,
  dx: Float64Array,
  Lx: Float64Array,
): void {
  const A = m.length - 1;
  let l = 1;
  for (let x = 0; x < A; x++) {
    const a = x === 0 ? a0 : 0.5;
    const q = m[x] / (1 + (1 - a) * m[x]);
    const d = l * q;
    ax[x] = a;
    qx[x] = q;
    lx[x] = l;
    dx[x] = d;
    Lx[x] = l - d + a * d;
    l -= d;
  }
  lx[A] = l;
  qx[A] = 1;
  dx[A] = l;
  ax[A] = 1 / m[A];
  Lx[A] = l / m[A];
}
