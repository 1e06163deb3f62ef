/**
 * Writes kernel problems and results as the JSON documents of model.md section 6. Numbers are
 * written with JavaScript's shortest round-trip form, so parsing a written problem gives
 * bit-identical arrays and therefore bit-identical results.
 */

import { expandDemographyRows } from '../kernel/demographyRows.js';
import { FLOW_NAMES, type FlowName, type KernelInputs, type KernelProblem, type KernelResult, type MoveMatrix } from '../kernel/types.js';
import { KERNEL_PROBLEM_FORMAT } from '../schema/kernelProblem.js';

/**
 * The format tag of a kernel result document (its `format` field).
 *
 * @example
 * KERNEL_RESULT_FORMAT
 * // => 'chengzhen-kernel-result/1'
 */
export const KERNEL_RESULT_FORMAT = 'chengzhen-kernel-result/1';

/** A sparse matrix as written in a document. */
export interface SparseMatrixJSON {
  sparse: { from: number[]; to: number[]; share: number[] };
}
/** A pooled matrix as written in a document (model.md section 7). */
export interface PooledMatrixJSON {
  pooled: { levels: { group: number[]; share: number[]; weight: number[] }[] };
}
type MatrixJSON = number[] | SparseMatrixJSON | PooledMatrixJSON;

/** A kernel problem document (model.md section 6), ready for `JSON.stringify`. */
export interface KernelProblemJSON {
  format: typeof KERNEL_PROBLEM_FORMAT;
  dims: { regions: string[]; maxAge: number };
  startYear: number;
  years: number;
  population: number[];
  inputs: Record<'sx' | 'sb' | 'fx' | 'srb' | 'm' | 'c' | 'k' | 'q', number[] | number[][]> & {
    D?: MatrixJSON | MatrixJSON[];
    E?: MatrixJSON | MatrixJSON[];
    n?: number[] | number[][];
  };
}

/** A kernel result document (model.md section 6). */
export interface KernelResultJSON {
  format: typeof KERNEL_RESULT_FORMAT;
  regions: string[];
  maxAge: number;
  years: number[];
  population: number[][];
  /**
   * Each flow by step, then by region. `netInternational`, `inMigrants`, `outMigrants` and
   * `netMigration` extend the format's six flows.
   */
  flows: Record<FlowName, number[][]>;
}

const plain = (a: Float64Array): number[] => Array.from(a);

function arrays(list: Float64Array[]): number[] | number[][] {
  return list.length === 1 ? plain(list[0]) : list.map(plain);
}

function identityValues(regions: number): number[] {
  const out = new Array<number>(regions * regions).fill(0);
  for (let i = 0; i < regions; i++) out[i * regions + i] = 1;
  return out;
}

function matrix(m: MoveMatrix, regions: number): MatrixJSON {
  switch (m.kind) {
    case 'identity':
      return identityValues(regions);
    case 'dense':
      return plain(m.values);
    case 'sparse': {
      const from: number[] = [];
      for (let i = 0; i < regions; i++) for (let e = m.rowStart[i]; e < m.rowStart[i + 1]; e++) from.push(i);
      return { sparse: { from, to: Array.from(m.to), share: plain(m.share) } };
    }
    case 'pooled':
      return { pooled: { levels: m.levels.map((l) => ({ group: Array.from(l.group), share: plain(l.share), weight: plain(l.weight) })) } };
  }
}

function matrices(list: MoveMatrix[], regions: number): MatrixJSON | MatrixJSON[] | undefined {
  if (list.length === 1) return list[0].kind === 'identity' ? undefined : matrix(list[0], regions);
  return list.map((m) => matrix(m, regions));
}

/**
 * A kernel problem as its JSON document: constant inputs stay one array, per-year inputs stay
 * lists, identity matrices and absent `n` are left out. A problem whose demography is held by
 * row ({@link KernelInputs.demographyRows}) is written with its demography per region, so the
 * document is that of the same problem in the per-region layout (the format has no rows).
 *
 * @example
 * const doc = kernelProblemToJSON(compileScenario(getPreset('zhejiang-2023').scenario));   // in canonical form
 * JSON.stringify(kernelProblemToJSON(parseKernelProblem(doc))) === JSON.stringify(doc)
 * // => true
 */
export function kernelProblemToJSON(problem: KernelProblem): KernelProblemJSON {
  const R = problem.regions.length;
  const i = problem.inputs;
  // the format holds demography per region: a problem held by row is written expanded
  const d = i.demographyRows === undefined ? i : expandDemographyRows(problem).inputs;
  const inputs: KernelProblemJSON['inputs'] = {
    sx: arrays(d.sx),
    sb: arrays(d.sb),
    fx: arrays(d.fx),
    srb: arrays(d.srb),
    m: arrays(i.m),
    c: arrays(i.c),
    k: arrays(i.k),
    q: arrays(i.q),
  };
  const D = matrices(i.D, R);
  const E = matrices(i.E, R);
  if (D !== undefined) inputs.D = D;
  if (E !== undefined) inputs.E = E;
  if (i.n.length > 0) inputs.n = arrays(i.n);
  return {
    format: KERNEL_PROBLEM_FORMAT,
    dims: { regions: [...problem.regions], maxAge: problem.maxAge },
    startYear: problem.startYear,
    years: problem.years,
    population: plain(problem.population),
    inputs,
  };
}

/**
 * A kernel result as the `chengzhen-kernel-result/1` document.
 *
 * @example
 * const problem = compileScenario(getPreset('zhejiang-2023').scenario);
 * kernelResultToJSON(runKernel(problem)).format
 * // => 'chengzhen-kernel-result/1'
 */
export function kernelResultToJSON(result: KernelResult): KernelResultJSON {
  const R = result.regions.length;
  const steps = result.years.length - 1;
  const flows = {} as Record<FlowName, number[][]>;
  for (const name of FLOW_NAMES) {
    const values = result.flows[name];
    flows[name] = Array.from({ length: steps }, (_, t) => plain(values.subarray(t * R, (t + 1) * R)));
  }
  return {
    format: KERNEL_RESULT_FORMAT,
    regions: [...result.regions],
    maxAge: result.maxAge,
    years: [...result.years],
    population: result.population.map(plain),
    flows,
  };
}
