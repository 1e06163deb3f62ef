/**
 * Capacity stocks and the figures derived from demand and capacity (model.md section 5).
 *
 * Stock: `capacity[y] = capacity[y-1] * f[y] + additions[y]` with `f[y] = 1 + growthRate[y] -
 * retirementRate[y]`, from `initial` at the end of the base year (index 0).
 *
 * Derived each year: shortfall = max(0, demand - capacity), surplus = max(0, capacity -
 * demand), utilisation = demand / capacity (0 when there is no capacity), coverage =
 * min(1, capacity / demand) (1 when there is no demand), and the additions still needed per
 * year, beyond those planned, to close the shortfall of a target year by that year.
 */

import { ChengzhenError, formatPath } from '../../errors.js';

/**
 * Capacity in each year from the stock's parameters, indexed like the projection's years
 * (index 0 is the base year, whose capacity is `initial`; the rates and additions of index 0
 * are not used).
 *
 * @throws {ChengzhenError} when `1 + growthRate - retirementRate` is negative in a year (the
 *   stock would turn negative), naming the stock and the year.
 * @example
 * capacityPath(100, [0, 10, 10], [0, 0.1, 0], [0, 0, 0], ['services', 'x'], [2023, 2024, 2025])
 * // => Float64Array [100, 100, 110]
 */
export function capacityPath(
  initial: number,
  additions: readonly number[],
  retirementRate: readonly number[],
  growthRate: readonly number[],
  path: (string | number)[],
  years: readonly number[],
): Float64Array {
  const out = new Float64Array(years.length);
  out[0] = initial;
  for (let y = 1; y < years.length; y++) {
    const f = 1 + growthRate[y] - retirementRate[y];
    if (!(f >= 0)) {
      throw new ChengzhenError([
        {
          code: 'out_of_range',
          path: [...path, 'growthRate'],
          coords: { year: years[y] },
          message: `${formatPath(path)}[year=${years[y]}]: 1 + growthRate - retirementRate must be >= 0 (a stock cannot lose more than all of itself), received 1 + ${growthRate[y]} - ${retirementRate[y]} = ${f}`,
          expected: '1 + growthRate - retirementRate >= 0',
          received: String(f),
        },
      ]);
    }
    out[y] = out[y - 1] * f + additions[y];
  }
  return out;
}

/** The figures derived from one region's demand and capacity by year. */
export interface ServiceFigures {
  demand: Float64Array;
  capacity: Float64Array;
  shortfall: Float64Array;
  surplus: Float64Array;
  utilisation: Float64Array;
  coverage: Float64Array;
  additionsNeededPerYear: Float64Array;
  migrantDemand: Float64Array;
  migrantCoverage: Float64Array;
}

/**
 * Additions still needed each year, on top of the planned ones, to close the shortfall of the
 * target year `T` (an index into the years) by `T`.
 *
 * For `y < T`: the same extra amount `x` added in each year `y+1 .. T` grows and retires with
 * the stock, so it adds `x * W` to the capacity of `T`, with
 * `W = sum_{t=y+1..T} prod_{u=t+1..T} f[u]` and `f[u] = 1 + growthRate[u] - retirementRate[u]`
 * (`W = T - y` when nothing grows or retires). Hence `x = shortfall[T] / W`. For `y >= T`: the
 * shortfall of year `y` itself (what would have to be added at once). Never negative; zero
 * when the planned stock is enough.
 *
 * @throws {ChengzhenError} when `target` is not an index of the years.
 * @example
 * additionsNeeded(Float64Array.of(100, 130, 160), Float64Array.of(100, 110, 120), [0, 0, 0], [0, 0, 0], 2)
 * // => Float64Array [20, 40, 40]
 */
export function additionsNeeded(
  demand: Float64Array,
  capacity: Float64Array,
  growthRate: readonly number[],
  retirementRate: readonly number[],
  target: number,
): Float64Array {
  const n = demand.length;
  const out = new Float64Array(n);
  const T = target;
  if (!Number.isInteger(T) || T < 0 || T >= n) {
    throw new ChengzhenError([{ code: 'out_of_range', path: ['target'], message: `target must be a year index in [0, ${n - 1}], received ${T}`, expected: `[0, ${n - 1}]`, received: String(T) }]);
  }
  const shortfallT = Math.max(0, demand[T] - capacity[T]);
  // O(n^2) over at most a few hundred years
  for (let y = 0; y < n; y++) {
    if (y >= T) {
      out[y] = Math.max(0, demand[y] - capacity[y]);
      continue;
    }
    let weight = 0;
    for (let t = y + 1; t <= T; t++) weight = weight * (1 + growthRate[t] - retirementRate[t]) + 1;
    // weight >= 1 because every f >= 0 (capacityPath checks it)
    out[y] = shortfallT / weight;
  }
  return out;
}

/**
 * Derives the figures of one service in one region, year by year.
 *
 * `localDemand` is served first and migrants after (the order in which places are allotted in
 * practice), so `migrantCoverage = min(1, max(0, capacity - localDemand) / migrantDemand)`,
 * and 1 when there is no migrant demand. With no demand, coverage is 1 and utilisation 0; with
 * no capacity, utilisation is 0 (read it with coverage, which is then 0 if there is demand).
 *
 * @example
 * serviceFigures(Float64Array.of(60), Float64Array.of(40), Float64Array.of(80), Float64Array.of(0)).migrantCoverage
 * // => Float64Array [0.5]
 */
export function serviceFigures(
  localDemand: Float64Array,
  migrantDemand: Float64Array,
  capacity: Float64Array,
  additions: Float64Array,
): ServiceFigures {
  const n = capacity.length;
  const demand = new Float64Array(n);
  const shortfall = new Float64Array(n);
  const surplus = new Float64Array(n);
  const utilisation = new Float64Array(n);
  const coverage = new Float64Array(n);
  const migrantCoverage = new Float64Array(n);
  for (let y = 0; y < n; y++) {
    const d = localDemand[y] + migrantDemand[y];
    const c = capacity[y];
    demand[y] = d;
    shortfall[y] = d > c ? d - c : 0;
    surplus[y] = c > d ? c - d : 0;
    utilisation[y] = c > 0 ? d / c : 0;
    coverage[y] = d > 0 ? Math.min(1, c / d) : 1;
    const left = c - localDemand[y];
    migrantCoverage[y] = migrantDemand[y] > 0 ? Math.min(1, Math.max(0, left) / migrantDemand[y]) : 1;
  }
  return { demand, capacity, shortfall, surplus, utilisation, coverage, additionsNeededPerYear: additions, migrantDemand: Float64Array.from(migrantDemand), migrantCoverage };
}
