/**
 * Types of the kernel. The short symbols of model.md section 2 live here and in the other
 * files of `kernel/` only:
 *
 * | symbol | shape | meaning |
 * |---|---|---|
 * | `sx` | r,h,s,a | survival from the start to the end of the year |
 * | `sb` | r,h,s | survival of a child born during the year to the year's end |
 * | `fx` | r,h,a | births per woman aged a at the start of the year |
 * | `srb` | r | sex ratio at birth, males per female |
 * | `m` | r,s,a | rural -> migrant (rural-to-urban migration) |
 * | `c` | r | rural -> hukou (in-situ urbanisation, reclassification) |
 * | `k` | r,s,a | migrant -> hukou (hukou conversion) |
 * | `q` | r,s,a | migrant -> rural (return migration) |
 * | `D` | R x R | destinations of rural-to-urban movers, rows sum to 1 (dense, sparse or pooled) |
 * | `E` | R x R | destinations of returners, rows sum to 1 (dense, sparse or pooled) |
 * | `n` | r,h,s,a | net international migrants added at the end of the step |
 *
 * `sx`, `sb`, `fx` and `srb` may instead be held by row ({@link KernelInputs.demographyRows}):
 * the same tables with a row in the place of a region, shared by every region that has it.
 */

import type { KernelDims } from './layout.js';

/** The movers' matrix `D` or `E` of one step: identity, dense row-major, sparse rows, or pools. */
export type MoveMatrix =
  | { kind: 'identity' }
  | { kind: 'dense'; values: Float64Array }
  | SparseMoveMatrix
  | PooledMoveMatrix;

/**
 * One level of a pooled matrix (model.md section 7): region r belongs to group `group[r]`,
 * sends `share[r]` of its movers to that group's pool and receives `weight[r]` of it.
 */
export interface PooledLevel {
  group: Int32Array;
  share: Float64Array;
  weight: Float64Array;
  /** One more than the largest group number: the number of pools of the level. */
  groups: number;
}

/**
 * A pooled matrix (model.md section 7), the dense equivalent of which is
 * `D[i][j] = sum_l share_l[i] * weight_l[j] * (group_l[i] == group_l[j])`, held and applied
 * in O(R) numbers per level.
 */
export interface PooledMoveMatrix {
  kind: 'pooled';
  levels: PooledLevel[];
}

/**
 * A sparse matrix in compressed rows: the entries of row `i` are
 * `to[rowStart[i] .. rowStart[i+1]-1]` with shares `share[...]`, columns ascending.
 */
export interface SparseMoveMatrix {
  kind: 'sparse';
  rowStart: Int32Array;
  to: Int32Array;
  share: Float64Array;
}

/**
 * Every input of the kernel, each either one array for all years (a list of length 1) or one
 * array per step (a list of length `years`).
 */
export interface KernelInputs {
  sx: Float64Array[];
  sb: Float64Array[];
  fx: Float64Array[];
  srb: Float64Array[];
  m: Float64Array[];
  c: Float64Array[];
  k: Float64Array[];
  q: Float64Array[];
  D: MoveMatrix[];
  E: MoveMatrix[];
  /** Empty when no net international migration was given (zeros). */
  n: Float64Array[];
  /**
   * When given, `sx`, `sb`, `fx` and `srb` hold rows rather than regions, and region `r` of
   * step `t` has the demography of row `demographyRows[t][r]` (a list of length 1 or `years`,
   * each of length R): `sx[t]` is then `rows * 6 * (A+1)` numbers laid out as one region's
   * population (status, sex, age), `sb[t]` is `rows * 6`, `fx[t]` is `rows * 3 * (A+1)` and
   * `srb[t]` is `rows`. A storage form only: the step reads region r's cells from its row,
   * the same numbers as the per-region layout would hold, so the results are the same bit for
   * bit ({@link expandDemographyRows} writes the per-region layout). Regions that share their
   * demography (the counties of one province) then share one row.
   */
  demographyRows?: Int32Array[];
}

/** The inputs of one step, picked from {@link KernelInputs} for one year. */
export interface StepInputs {
  sx: Float64Array;
  sb: Float64Array;
  fx: Float64Array;
  srb: Float64Array;
  m: Float64Array;
  c: Float64Array;
  k: Float64Array;
  q: Float64Array;
  D: MoveMatrix;
  E: MoveMatrix;
  n: Float64Array | null;
  /** The row of each region in `sx`, `sb`, `fx` and `srb` ({@link KernelInputs.demographyRows}); absent or null when they are per region. */
  demographyRows?: Int32Array | null;
}

/**
 * The entry of a per-year input list (`KernelInputs`) for step `t`: its one entry when the
 * input is the same every year.
 *
 * @example
 * [stepEntry(['a'], 3), stepEntry(['a', 'b'], 1)]
 * // => ['a', 'b']
 */
export function stepEntry<X>(list: readonly X[], t: number): X {
  return list.length === 1 ? list[0] : list[t];
}

/** A validated kernel problem (model.md section 6), ready to run. */
export interface KernelProblem {
  /** Region ids, in layout order. */
  regions: string[];
  /** The open age group A. */
  maxAge: number;
  /** Calendar year of the base population (1 January). */
  startYear: number;
  /** Number of one-year steps. */
  years: number;
  /** Base population, layout of model.md section 1. */
  population: Float64Array;
  inputs: KernelInputs;
}

/**
 * Names of the flows, each counted per step and region (persons per step). `inMigrants` and
 * `outMigrants` are the movers of `D` and `E` that change region, counted in the region they
 * join and in the region they leave; `netMigration` is in minus out.
 *
 * @example
 * FLOW_NAMES.length
 * // => 10
 */
export const FLOW_NAMES = Object.freeze([
  'births',
  'deaths',
  'ruralToUrban',
  'reclassified',
  'conversions',
  'returns',
  'netInternational',
  'inMigrants',
  'outMigrants',
  'netMigration',
] as const);
/** The name of a flow, one of {@link FLOW_NAMES}. */
export type FlowName = (typeof FLOW_NAMES)[number];

/** The flows of one step, one array of length R each (the region people leave, except `inMigrants`). */
export type StepFlows = Record<FlowName, Float64Array>;

/** The result of a kernel run. */
export interface KernelResult {
  regions: string[];
  maxAge: number;
  /** `startYear .. startYear + years`. */
  years: number[];
  /** One population per year, layout of model.md section 1. */
  population: Float64Array[];
  /** Each flow as a `years*R` array, indexed `step*R + region`. */
  flows: Record<FlowName, Float64Array>;
}

/**
 * Dimensions of a problem: its number of regions and its open age group.
 *
 * @example
 * problemDims({ regions: ['north', 'south'], maxAge: 100 })
 * // => { regions: 2, maxAge: 100 }
 */
export function problemDims(problem: Pick<KernelProblem, 'regions' | 'maxAge'>): KernelDims {
  return { regions: problem.regions.length, maxAge: problem.maxAge };
}
