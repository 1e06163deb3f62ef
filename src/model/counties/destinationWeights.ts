/**
 * Destination weights of pooled moves fitted by iterative proportional fitting (counties.md,
 * "Migration between units"): the weights a region has in each level's pool, starting from a
 * prior (the stocks of residents registered elsewhere: where people come to), scaled until each
 * region receives the arrivals its target net migration asks for.
 *
 * With movers `X_j` leaving region j each year, shares `a_l[j]` of them going to the pool of j's
 * group at level l, and weights `w_l[j]`, region j receives
 *
 *     in_j = sum_l w_l[j] * pool_l[g_l[j]],      pool_l[g] = sum_{i in g} a_l[i] X_i
 *
 * (its own movers who land back in it included) and its net migration is `in_j - X_j`. The fit
 * asks `in_j = X_j + net_j` (at least a small positive floor): every pass multiplies `w_l[j]` by
 * `wanted_j / in_j` on every level and renormalises each group's weights to sum to 1, the
 * classical IPF / gravity-model balancing (as the Greater London Authority fits its
 * origin-destination flows). A region that wants more than every pool it can draw on can give
 * stays short: the fit reports the error instead of forcing it.
 */

import { ChengzhenError } from '../../errors.js';

/** One level of the pooled structure, before fitting. */
export interface WeightLevel {
  /** Group of every region at this level (0..groups-1). */
  group: Int32Array;
  /** Share of every region's movers sent to this level's pool. */
  share: ArrayLike<number>;
  /** Prior weight of every region in its group's pool (any scale, >= 0). */
  prior: ArrayLike<number>;
}

/** The fitted weights and how well they fit. */
export interface FittedWeights {
  /** Weights by level, each group's summing to 1 (a group whose prior is all 0 starts from equal weights). */
  weight: Float64Array[];
  /** Net migration each region gets with the fitted weights (`in - X`). */
  net: Float64Array;
  /** Passes run. */
  iterations: number;
  /** Sum of |net - target| over the sum of |target|: 0 is a perfect fit. */
  relativeError: number;
  /** The same before fitting (with the prior weights). */
  priorRelativeError: number;
}

/** Each group's weights scaled to sum to 1; a group whose weights are all 0 gets equal weights. */
function normalise(weight: Float64Array, group: Int32Array, groups: number): void {
  const sum = new Float64Array(groups);
  const count = new Float64Array(groups);
  for (let r = 0; r < weight.length; r++) {
    sum[group[r]] += weight[r];
    count[group[r]] += 1;
  }
  for (let r = 0; r < weight.length; r++) weight[r] = sum[group[r]] > 0 ? weight[r] / sum[group[r]] : 1 / count[group[r]];
}

function arrivals(levels: readonly WeightLevel[], weight: readonly Float64Array[], movers: ArrayLike<number>, groups: readonly number[]): Float64Array {
  const R = movers.length;
  const got = new Float64Array(R);
  levels.forEach((level, l) => {
    const pool = new Float64Array(groups[l]);
    for (let i = 0; i < R; i++) pool[level.group[i]] += level.share[i] * movers[i];
    for (let j = 0; j < R; j++) got[j] += weight[l][j] * pool[level.group[j]];
  });
  return got;
}

function errorOf(net: Float64Array, target: ArrayLike<number>): number {
  let e = 0;
  let t = 0;
  for (let j = 0; j < net.length; j++) {
    e += Math.abs(net[j] - target[j]);
    t += Math.abs(target[j]);
  }
  return t > 0 ? e / t : 0;
}

/**
 * Fits the weights (see the file comment).
 *
 * @throws {ChengzhenError} when the arrays do not have one value per region
 * @example
 * // two regions in one pool, each sending 100 movers; region 0 should gain 50, region 1 lose 50
 * const fit = fitDestinationWeights([{ group: Int32Array.from([0, 0]), share: [1, 1], prior: [1, 1] }], [100, 100], [50, -50]);
 * Array.from(fit.weight[0], (w) => Math.round(w * 100) / 100)
 * // => [0.75, 0.25]
 */
export function fitDestinationWeights(
  levels: readonly WeightLevel[],
  movers: ArrayLike<number>,
  targetNet: ArrayLike<number>,
  options: { iterations?: number; floor?: number } = {},
): FittedWeights {
  const R = movers.length;
  const bad = levels.flatMap((level, l) =>
    level.group.length !== R || level.share.length !== R || level.prior.length !== R
      ? [{ code: 'wrong_length' as const, path: ['levels', l], message: `levels[${l}] must have one group, share and prior per region (${R})`, received: `${level.group.length}, ${level.share.length}, ${level.prior.length}` }]
      : [],
  );
  if (targetNet.length !== R) bad.push({ code: 'wrong_length', path: ['levels', 0], message: `targetNet must have one value per region (${R})`, received: String(targetNet.length) });
  if (bad.length > 0) throw new ChengzhenError(bad);
  const groups = levels.map((level) => {
    let g = 0;
    for (let r = 0; r < R; r++) g = Math.max(g, level.group[r] + 1);
    return g;
  });
  const weight = levels.map((level, l) => {
    const w = Float64Array.from(level.prior);
    normalise(w, level.group, groups[l]);
    return w;
  });
  const floor = options.floor ?? 1e-6;
  const wanted = new Float64Array(R);
  for (let j = 0; j < R; j++) wanted[j] = Math.max(floor * movers[j], movers[j] + targetNet[j]);
  const badPrior = levels.flatMap((level, l) => Array.from(level.prior).flatMap((p, r) => (p >= 0 && p < Infinity ? [] : [{ code: 'out_of_range' as const, path: ['levels', l, 'prior', r], message: `levels[${l}].prior[${r}] must be finite and >= 0, received ${p}`, received: String(p) }])));
  if (badPrior.length > 0) throw new ChengzhenError(badPrior);
  const netOf = () => {
    const got = arrivals(levels, weight, movers, groups);
    for (let j = 0; j < R; j++) got[j] -= movers[j];
    return got;
  };
  const priorRelativeError = errorOf(netOf(), targetNet);
  const iterations = options.iterations ?? 200;
  for (let it = 0; it < iterations; it++) {
    const got = arrivals(levels, weight, movers, groups);
    for (let l = 0; l < levels.length; l++) {
      for (let j = 0; j < R; j++) if (got[j] > 0) weight[l][j] *= wanted[j] / got[j];
      normalise(weight[l], levels[l].group, groups[l]);
    }
  }
  const net = netOf();
  return { weight, net, iterations, relativeError: errorOf(net, targetNet), priorRelativeError };
}
