/**
 * Movers' matrices seen from a controller: where a vector of movers by origin arrives, and the
 * matrix a housing limit turns `D` into (docs/constraints.md, "Housing-led in-migration").
 * Works on every kind of {@link MoveMatrix}: identity, dense, sparse and pooled.
 */

import type { MoveMatrix, PooledLevel } from '../../kernel/types.js';

/**
 * Arrivals by destination, `out[j] = sum_i x[i] * D[i][j]`.
 *
 * @example
 * Array.from(arrivalsOf({ kind: 'dense', values: Float64Array.of(0.5, 0.5, 0, 1) }, Float64Array.of(10, 20), 2, new Float64Array(2)))
 * // => [5, 25]
 */
export function arrivalsOf(D: MoveMatrix, x: Float64Array, regions: number, out: Float64Array): Float64Array {
  switch (D.kind) {
    case 'identity':
      out.set(x.subarray(0, regions));
      return out;
    case 'dense': {
      out.fill(0);
      const v = D.values;
      for (let i = 0; i < regions; i++) {
        const xi = x[i];
        if (xi === 0) continue;
        for (let j = 0; j < regions; j++) out[j] += xi * v[i * regions + j];
      }
      return out;
    }
    case 'sparse': {
      out.fill(0);
      for (let i = 0; i < regions; i++) {
        const xi = x[i];
        if (xi === 0) continue;
        for (let e = D.rowStart[i]; e < D.rowStart[i + 1]; e++) out[D.to[e]] += xi * D.share[e];
      }
      return out;
    }
    case 'pooled': {
      out.fill(0);
      for (const level of D.levels) {
        const pool = pools(level, x, regions);
        for (let j = 0; j < regions; j++) out[j] += level.weight[j] * pool[level.group[j]];
      }
      return out;
    }
  }
}

/** The pools of one level: `pool[g] = sum_{i in g} share[i] * x[i]`. */
function pools(level: PooledLevel, x: Float64Array, regions: number): Float64Array {
  const pool = new Float64Array(level.groups);
  for (let i = 0; i < regions; i++) pool[level.group[i]] += level.share[i] * x[i];
  return pool;
}

/**
 * For each origin, `out[i] = sum_j D[i][j] * g[j]`: the share of its movers a destination
 * factor `g` lets through.
 *
 * @example
 * Array.from(rowDot({ kind: 'dense', values: Float64Array.of(0.5, 0.5, 0, 1) }, Float64Array.of(1, 0.5), 2, new Float64Array(2)))
 * // => [0.75, 0.5]
 */
export function rowDot(D: MoveMatrix, g: Float64Array, regions: number, out: Float64Array): Float64Array {
  switch (D.kind) {
    case 'identity':
      out.set(g.subarray(0, regions));
      return out;
    case 'dense':
      for (let i = 0; i < regions; i++) {
        let sum = 0;
        for (let j = 0; j < regions; j++) sum += D.values[i * regions + j] * g[j];
        out[i] = sum;
      }
      return out;
    case 'sparse':
      for (let i = 0; i < regions; i++) {
        let sum = 0;
        for (let e = D.rowStart[i]; e < D.rowStart[i + 1]; e++) sum += D.share[e] * g[D.to[e]];
        out[i] = sum;
      }
      return out;
    case 'pooled': {
      out.fill(0);
      for (const level of D.levels) {
        const sums = new Float64Array(level.groups);
        for (let j = 0; j < regions; j++) sums[level.group[j]] += level.weight[j] * g[j];
        for (let i = 0; i < regions; i++) out[i] += level.share[i] * sums[level.group[i]];
      }
      return out;
    }
  }
}

/**
 * For each origin, the smallest `ratio[j]` over the destinations it sends anyone to
 * (`D[i][j] > 0`), or 1 when all of them have a ratio of 1 or more.
 *
 * @example
 * Array.from(minOverDestinations({ kind: 'dense', values: Float64Array.of(0.5, 0.5, 0, 1) }, Float64Array.of(1, 0.5), 2, new Float64Array(2)))
 * // => [0.5, 0.5]
 */
export function minOverDestinations(D: MoveMatrix, ratio: Float64Array, regions: number, out: Float64Array): Float64Array {
  out.fill(1);
  switch (D.kind) {
    case 'identity':
      for (let i = 0; i < regions; i++) out[i] = Math.min(1, ratio[i]);
      return out;
    case 'dense':
      for (let i = 0; i < regions; i++) for (let j = 0; j < regions; j++) if (D.values[i * regions + j] > 0 && ratio[j] < out[i]) out[i] = ratio[j];
      return out;
    case 'sparse':
      for (let i = 0; i < regions; i++) for (let e = D.rowStart[i]; e < D.rowStart[i + 1]; e++) if (D.share[e] > 0 && ratio[D.to[e]] < out[i]) out[i] = ratio[D.to[e]];
      return out;
    case 'pooled':
      for (const level of D.levels) {
        const least = new Float64Array(level.groups).fill(1);
        for (let j = 0; j < regions; j++) if (level.weight[j] > 0 && ratio[j] < least[level.group[j]]) least[level.group[j]] = ratio[j];
        for (let i = 0; i < regions; i++) if (level.share[i] > 0 && least[level.group[i]] < out[i]) out[i] = least[level.group[i]];
      }
      return out;
  }
}

/**
 * The destinations a housing limit closes, and the factor `f[j]` of the movers first meant for
 * `j` that it still takes (1 where it is open).
 */
export interface Closure {
  closed: Uint8Array;
  f: Float64Array;
}

/**
 * The weights with which a closure sends movers: for a dense, sparse or identity matrix one
 * weight per entry (in row order; the identity as its diagonal), for a pooled one the weights
 * of each level. Closed destinations keep `f` of their weight; with `reroute`, what they lose
 * goes to the open destinations of the same row (or pool) in proportion to their weights.
 */
export interface Routed {
  /** The matrix, rows summing to 1 (an origin none of whose movers can go keeps its row). */
  D: MoveMatrix;
  /** For each origin, the share of its movers that still move: `m` is multiplied by it. */
  rho: Float64Array;
  /** For each destination, of its movers held back, the share that went elsewhere (0-1). */
  reroutedShare: Float64Array;
  /** Arrivals by destination of the movers `x` given to {@link routeHousing}. */
  arrivals: Float64Array;
}

/** A dense, sparse or identity matrix as compressed rows. */
function rowsOf(D: Exclude<MoveMatrix, { kind: 'pooled' }>, regions: number): { rowStart: Int32Array; to: Int32Array; share: Float64Array } {
  if (D.kind === 'sparse') return D;
  if (D.kind === 'identity') {
    const rowStart = Int32Array.from({ length: regions + 1 }, (_, i) => i);
    return { rowStart, to: Int32Array.from({ length: regions }, (_, i) => i), share: new Float64Array(regions).fill(1) };
  }
  let links = 0;
  for (let e = 0; e < regions * regions; e++) if (D.values[e] !== 0) links++;
  const rowStart = new Int32Array(regions + 1);
  const to = new Int32Array(links);
  const share = new Float64Array(links);
  let e = 0;
  for (let i = 0; i < regions; i++) {
    for (let j = 0; j < regions; j++) {
      const v = D.values[i * regions + j];
      if (v === 0) continue;
      to[e] = j;
      share[e] = v;
      e++;
    }
    rowStart[i + 1] = e;
  }
  return { rowStart, to, share };
}

/**
 * Routes movers `x` (by origin) through `D` under a closure: the matrix the kernel runs with
 * and the share of each origin's movers that still move.
 *
 * @example
 * // two regions; half of region 0's movers go to region 1, which takes only 40 % of them
 * const D = { kind: 'dense' as const, values: Float64Array.of(0.5, 0.5, 0, 1) };
 * const closure = { closed: Uint8Array.of(0, 1), f: Float64Array.of(1, 0.4) };
 * const stay = routeHousing(D, closure, false, Float64Array.of(100, 0), 2);
 * Array.from(stay.rho)   // region 0: 50 % + 50 % x 0.4 still move
 * // => [0.7, 0.4]
 * Array.from(routeHousing(D, closure, true, Float64Array.of(100, 0), 2).arrivals)   // rerouted to region 0's towns
 * // => [80, 20]
 */
export function routeHousing(D: MoveMatrix, closure: Closure, reroute: boolean, x: Float64Array, regions: number): Routed {
  return D.kind === 'pooled' ? routePooled(D.levels, closure, reroute, x, regions) : routeRows(D, closure, reroute, x, regions);
}

function routeRows(D: Exclude<MoveMatrix, { kind: 'pooled' }>, closure: Closure, reroute: boolean, x: Float64Array, regions: number): Routed {
  const { closed, f } = closure;
  const rows = rowsOf(D, regions);
  const weight = new Float64Array(rows.share.length);
  const rho = new Float64Array(regions);
  const lostAll = new Float64Array(regions);
  const reroutedAll = new Float64Array(regions);
  const arrivals = new Float64Array(regions);
  for (let i = 0; i < regions; i++) {
    let lost = 0;
    let open = 0;
    for (let e = rows.rowStart[i]; e < rows.rowStart[i + 1]; e++) {
      const j = rows.to[e];
      if (closed[j]) lost += rows.share[e] * (1 - f[j]);
      else open += rows.share[e];
    }
    const spread = reroute && open > 0;
    let sum = 0;
    for (let e = rows.rowStart[i]; e < rows.rowStart[i + 1]; e++) {
      const j = rows.to[e];
      // share + lost x (share / open): the ratio is <= 1, so a tiny open share cannot overflow
      const w = closed[j] ? rows.share[e] * f[j] : spread ? rows.share[e] + lost * Math.min(1, rows.share[e] / open) : rows.share[e];
      weight[e] = w;
      sum += w;
      arrivals[j] += x[i] * w;
      if (closed[j]) {
        const held = x[i] * rows.share[e] * (1 - f[j]);
        lostAll[j] += held;
        if (reroute && open > 0) reroutedAll[j] += held;
      }
    }
    rho[i] = Math.min(1, sum);
  }
  const matrix = rowsMatrix(D, rows, weight, rho, regions);
  const reroutedShare = Float64Array.from(lostAll, (v, j) => (v > 0 ? reroutedAll[j] / v : 0));
  return { D: matrix, rho, reroutedShare, arrivals };
}

/** The routed weights as a matrix of the original's kind, each row divided by its sum. */
function rowsMatrix(D: Exclude<MoveMatrix, { kind: 'pooled' }>, rows: ReturnType<typeof rowsOf>, weight: Float64Array, rho: Float64Array, regions: number): MoveMatrix {
  if (D.kind === 'identity') return D;
  const share = new Float64Array(weight.length);
  for (let i = 0; i < regions; i++) {
    for (let e = rows.rowStart[i]; e < rows.rowStart[i + 1]; e++) share[e] = rho[i] > 0 ? weight[e] / rho[i] : rows.share[e];
  }
  if (D.kind === 'sparse') return { kind: 'sparse', rowStart: D.rowStart, to: D.to, share };
  const values = new Float64Array(regions * regions);
  for (let i = 0; i < regions; i++) for (let e = rows.rowStart[i]; e < rows.rowStart[i + 1]; e++) values[i * regions + rows.to[e]] = share[e];
  return { kind: 'dense', values };
}

function routePooled(levels: PooledLevel[], closure: Closure, reroute: boolean, x: Float64Array, regions: number): Routed {
  const { closed, f } = closure;
  const rho = new Float64Array(regions);
  const arrivals = new Float64Array(regions);
  const lostAll = new Float64Array(regions);
  const reroutedAll = new Float64Array(regions);
  const kept: { weight: Float64Array; total: Float64Array }[] = [];
  for (const level of levels) {
    const G = level.groups;
    const lost = new Float64Array(G);
    const open = new Float64Array(G);
    for (let j = 0; j < regions; j++) {
      const g = level.group[j];
      if (closed[j]) lost[g] += level.weight[j] * (1 - f[j]);
      else open[g] += level.weight[j];
    }
    const weight = new Float64Array(regions);
    const total = new Float64Array(G);
    for (let j = 0; j < regions; j++) {
      const g = level.group[j];
      const w = closed[j] ? level.weight[j] * f[j] : reroute && open[g] > 0 ? level.weight[j] + lost[g] * Math.min(1, level.weight[j] / open[g]) : level.weight[j];
      weight[j] = w;
      total[g] += w;
    }
    const pool = pools(level, x, regions);
    for (let j = 0; j < regions; j++) {
      const g = level.group[j];
      arrivals[j] += weight[j] * pool[g];
      if (closed[j]) {
        const held = level.weight[j] * (1 - f[j]) * pool[g];
        lostAll[j] += held;
        if (reroute && open[g] > 0) reroutedAll[j] += held;
      }
    }
    for (let i = 0; i < regions; i++) rho[i] += level.share[i] * Math.min(1, total[level.group[i]]);
    kept.push({ weight, total });
  }
  const out: PooledLevel[] = levels.map((level, l) => {
    const { weight, total } = kept[l];
    const share = new Float64Array(regions);
    const w = new Float64Array(regions);
    for (let i = 0; i < regions; i++) share[i] = rho[i] > 0 ? (level.share[i] * Math.min(1, total[level.group[i]])) / rho[i] : level.share[i];
    for (let j = 0; j < regions; j++) w[j] = total[level.group[j]] > 0 ? weight[j] / total[level.group[j]] : level.weight[j];
    return { group: level.group, share, weight: w, groups: level.groups };
  });
  for (let i = 0; i < regions; i++) rho[i] = Math.min(1, rho[i]);
  const reroutedShare = Float64Array.from(lostAll, (v, j) => (v > 0 ? reroutedAll[j] / v : 0));
  return { D: { kind: 'pooled', levels: out }, rho, reroutedShare, arrivals };
}
