/**
 * Capacity stocks and the figures derived from demand and capacity (model.md section 5).
 *
 * Stock: `capacity[y] = capacity[y-1] * (1 + growthRate[y] - retirementRate[y]) + additions[y]`
 * from `initial` at the end of the base year.
 *
 * Derived each year: shortfall = max(0, demand - capacity), surplus = max(0, capacity -
 * demand), utilisation = demand / capacity (0 when there is no capacity), coverage =
 * min(1, capacity / demand) (1 when there is no demand), and the additions still needed per
 * year to close the shortfall by a target year.
 */

import { ChengzhenError } from '../../errors.js';

/**
 * Capacity in each year from the stock's parameters, indexed like the projection's years.
 *
 * @throws {ChengzhenError} when growth and retirement would make the stock negative.
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
    const value = out[y - 1] * (1 + growthRate[y] - retirementRate[y]) + additions[y];
    if (!(value >= 0)) {
      throw new ChengzhenError([
        {
          code: 'out_of_range',
          path,
          coords: { year: years[y] },
          message: `${path.join('.')}[year=${years[y]}]: capacity would fall to ${value}; retirements exceed the stock plus growth and additions`,
          expected: 'capacity >= 0',
          received: String(value),
        },
      ]);
    }
    out[y] = value;
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
 * Additions needed in each year from `y + 1` to `target` (the same number each year) for the
 * stock to reach `demand[target]` by `target`, given its growth and retirement; from the target
 * year on, the shortfall of the year itself. Never negative: when the stock will be enough
 * without additions, none are needed.
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
  const T = Math.min(Math.max(target, 0), n - 1);
  for (let y = 0; y < n; y++) {
    if (y >= T) {
      out[y] = Math.max(0, demand[y] - capacity[y]);
      continue;
    }
    // C_T = C_y * prod f + x * sum_t prod_{u>t} f, f = 1 + growth - retirement
    let carried = capacity[y];
    let weight = 0;
    for (let t = y + 1; t <= T; t++) {
      const f = 1 + growthRate[t] - retirementRate[t];
      carried *= f;
      weight = weight * f + 1;
    }
    out[y] = weight > 0 ? Math.max(0, (demand[T] - carried) / weight) : 0;
  }
  return out;
}

/**
 * Derives the figures of one service in one region.
 *
 * `localDemand` is served first and migrants after (the order in which places are allotted in
 * practice), so `migrantCoverage = min(1, max(0, capacity - localDemand) / migrantDemand)`.
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
