/**
 * Demography held by row ({@link KernelInputs.demographyRows}): the tables `sx`, `sb`, `fx` and
 * `srb` of a step written once per distinct row rather than once per region, with the row of
 * each region beside them. Thousands of counties whose demography is that of their province
 * then share a few dozen rows. A storage form of the same problem: {@link expandDemographyRows}
 * writes the per-region layout, which gives the same results bit for bit.
 *
 * Sizes for rows `n` and open age A: `sx` is `n * 6 * (A+1)` (per row: status, sex, age, as a
 * region's population), `sb` is `n * 6` (status, sex), `fx` is `n * 3 * (A+1)` (status, age),
 * `srb` is `n`.
 */

import { ChengzhenError, type ChengzhenIssue } from '../errors.js';
import { LIMITS } from '../limits.js';
import { stepEntry, type KernelInputs, type KernelProblem } from './types.js';

/** The demography tables of one step: by region, or by row with {@link KernelInputs.demographyRows}. */
export interface DemographyTables {
  sx: Float64Array;
  sb: Float64Array;
  fx: Float64Array;
  srb: Float64Array;
}

/** Zeroed demography tables for `count` regions (or rows) of open age `maxAge`. */
export function createDemographyTables(count: number, maxAge: number): DemographyTables {
  const A1 = maxAge + 1;
  return { sx: new Float64Array(count * 6 * A1), sb: new Float64Array(count * 6), fx: new Float64Array(count * 3 * A1), srb: new Float64Array(count) };
}

/**
 * Checks the rows of a problem whose demography is held by row: `demographyRows` has one array
 * or one per step, each of one integer per region in `[0, rows - 1]`, where a step's `rows` is
 * the number of rows its `sx` holds, and `sb`, `fx` and `srb` hold as many. Every problem is
 * reported at once, naming the field, the step, the region and the allowed range. A problem
 * without `demographyRows` passes.
 *
 * @throws {ChengzhenError} `wrong_length` for a list or array of the wrong size, `out_of_range`
 *   for a row outside its step's tables.
 * @example
 * const fill = (length: number, value: number) => new Array<number>(length).fill(value);
 * const problem = parseKernelProblem({   // two regions, ages 0..2
 *   format: 'chengzhen-kernel/1', dims: { regions: ['north', 'south'], maxAge: 2 }, startYear: 2020, years: 1,
 *   population: fill(36, 100),
 *   inputs: { sx: fill(36, 0.99), sb: fill(12, 1), fx: fill(18, 0.1), srb: [1.05, 1.05], m: fill(12, 0.1), c: [0, 0], k: fill(12, 0), q: fill(12, 0) },
 * });
 * const i = problem.inputs;   // one row, the demography of north, for both regions
 * const grouped = { ...problem, inputs: { ...i, sx: [i.sx[0].slice(0, 18)], sb: [i.sb[0].slice(0, 6)], fx: [i.fx[0].slice(0, 9)], srb: [i.srb[0].slice(0, 1)], demographyRows: [Int32Array.of(0, 0)] } };
 * checkDemographyRows(grouped)
 * // => undefined
 * checkDemographyRows({ ...grouped, inputs: { ...grouped.inputs, demographyRows: [Int32Array.of(0, 1)] } })
 * // => throws ChengzhenError: inputs.demographyRows[region=south] must be a row in [0, 0], received 1
 */
export function checkDemographyRows(problem: KernelProblem): void {
  const issues = demographyRowsIssues(problem);
  if (issues.length > 0) throw new ChengzhenError(issues);
}

/** The issues {@link checkDemographyRows} throws. */
function demographyRowsIssues(problem: KernelProblem): ChengzhenIssue[] {
  const { inputs, years, regions } = problem;
  const list = inputs.demographyRows;
  if (list === undefined) return [];
  const issues: ChengzhenIssue[] = [];
  const R = regions.length;
  const A1 = problem.maxAge + 1;
  if (list.length !== 1 && list.length !== years) {
    return [{ code: 'wrong_length', path: ['inputs', 'demographyRows'], message: `inputs.demographyRows must hold 1 array or one per step (${years}), received ${list.length}`, expected: `1 or ${years} arrays`, received: String(list.length) }];
  }
  const tables = ['sx', 'sb', 'fx', 'srb'] as const;
  const cellsPerRow = { sx: 6 * A1, sb: 6, fx: 3 * A1, srb: 1 };
  // a step is checked when its rows or tables are not those of the step before
  const steps = Math.max(list.length, ...tables.map((key) => inputs[key].length));
  for (let t = 0; t < steps && issues.length < LIMITS.maxIssues; t++) {
    const perYear = (key: keyof KernelInputs) => inputs[key]!.length > 1;
    const at = (key: keyof KernelInputs) => (perYear(key) ? ['inputs', key, t] : ['inputs', key]);
    const yearText = (key: keyof KernelInputs) => (perYear(key) ? `year=${problem.startYear + t}, ` : '');
    const rows = stepEntry(list, t);
    if (!(rows instanceof Int32Array) || rows.length !== R) {
      const received = rows instanceof Int32Array ? `${rows.length} numbers` : typeof rows;
      issues.push({ code: 'wrong_length', path: at('demographyRows'), message: `${at('demographyRows').join('.')} must be an Int32Array of ${R} rows, one per region, received ${received}`, expected: `an Int32Array of ${R} numbers`, received });
      continue;
    }
    const sxLength = stepEntry(inputs.sx, t).length;
    const count = sxLength / cellsPerRow.sx;
    if (!(Number.isInteger(count) && count >= 1)) {
      issues.push({ code: 'wrong_length', path: at('sx'), message: `${at('sx').join('.')} must hold whole rows of ${cellsPerRow.sx} numbers (status, sex, age), received ${sxLength}`, expected: `a multiple of ${cellsPerRow.sx}`, received: String(sxLength) });
      continue;
    }
    let sizes = true;
    for (const key of tables) {
      const length = stepEntry(inputs[key], t).length;
      if (length === count * cellsPerRow[key]) continue;
      sizes = false;
      issues.push({ code: 'wrong_length', path: at(key), message: `${at(key).join('.')} must hold ${count} rows of ${cellsPerRow[key]} (the rows of sx), received ${length} numbers`, expected: `${count * cellsPerRow[key]} numbers`, received: String(length) });
    }
    if (!sizes) continue;
    for (let r = 0; r < R && issues.length < LIMITS.maxIssues; r++) {
      const row = rows[r];
      if (row >= 0 && row < count) continue;
      const path = [...at('demographyRows'), r];
      issues.push({
        code: 'out_of_range',
        path,
        coords: { ...(perYear('demographyRows') ? { year: problem.startYear + t } : {}), region: regions[r] },
        message: `inputs.demographyRows[${yearText('demographyRows')}region=${regions[r]}] must be a row in [0, ${count - 1}], received ${row}`,
        expected: `[0, ${count - 1}]`,
        received: String(row),
      });
    }
  }
  return issues;
}

/**
 * Writes the demography of one step by region from its rows: region r's cells of `out` are
 * row `rows[r]`'s cells of `from` (out's arrays sized for R regions, from's for the rows).
 *
 * @example
 * const from = { sx: new Float64Array(12).fill(0.9), sb: Float64Array.of(1, 1, 1, 1, 1, 1), fx: new Float64Array(6), srb: Float64Array.of(1.06) };   // one row, ages 0..1
 * const out = { sx: new Float64Array(24), sb: new Float64Array(12), fx: new Float64Array(12), srb: new Float64Array(2) };   // two regions
 * expandDemographyRowsInto(Int32Array.of(0, 0), from, out, 1);
 * [out.sx[23], out.srb[1]]
 * // => [0.9, 1.06]
 */
export function expandDemographyRowsInto(rows: Int32Array, from: DemographyTables, out: DemographyTables, maxAge: number): void {
  const A1 = maxAge + 1;
  const sxCells = 6 * A1;
  const fxCells = 3 * A1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    out.sx.set(from.sx.subarray(row * sxCells, (row + 1) * sxCells), r * sxCells);
    out.fx.set(from.fx.subarray(row * fxCells, (row + 1) * fxCells), r * fxCells);
    for (let x = 0; x < 6; x++) out.sb[r * 6 + x] = from.sb[row * 6 + x];
    out.srb[r] = from.srb[row];
  }
}

/**
 * The same problem with its demography per region (the layout of model.md section 2): what a
 * problem held by row ({@link KernelInputs.demographyRows}) stands for. A problem without rows
 * is returned as it is. Each step gets its own arrays, or one set for all steps when neither
 * the rows nor the tables change from step to step.
 *
 * @throws {ChengzhenError} as {@link checkDemographyRows}, for rows that do not fit their tables.
 * @example
 * const fill = (length: number, value: number) => new Array<number>(length).fill(value);
 * const problem = parseKernelProblem({   // two regions, ages 0..2
 *   format: 'chengzhen-kernel/1', dims: { regions: ['north', 'south'], maxAge: 2 }, startYear: 2020, years: 1,
 *   population: fill(36, 100),
 *   inputs: { sx: fill(36, 0.99), sb: fill(12, 1), fx: fill(18, 0.1), srb: [1.05, 1.05], m: fill(12, 0.1), c: [0, 0], k: fill(12, 0), q: fill(12, 0) },
 * });
 * const i = problem.inputs;   // one row, the demography of north, for both regions
 * const grouped = { ...problem, inputs: { ...i, sx: [i.sx[0].slice(0, 18)], sb: [i.sb[0].slice(0, 6)], fx: [i.fx[0].slice(0, 9)], srb: [i.srb[0].slice(0, 1)], demographyRows: [Int32Array.of(0, 0)] } };
 * expandDemographyRows(grouped).inputs.sx[0].length
 * // => 36
 * const [a, b] = [runKernel(grouped).population[1], runKernel(problem).population[1]];
 * a.every((v, x) => Object.is(v, b[x]))   // the same bits
 * // => true
 */
export function expandDemographyRows(problem: KernelProblem): KernelProblem {
  const list = problem.inputs.demographyRows;
  if (list === undefined) return problem;
  checkDemographyRows(problem);
  const i = problem.inputs;
  const R = problem.regions.length;
  const steps = Math.max(list.length, i.sx.length, i.sb.length, i.fx.length, i.srb.length);
  const tables: DemographyTables[] = [];
  for (let t = 0; t < steps; t++) {
    const out = createDemographyTables(R, problem.maxAge);
    expandDemographyRowsInto(stepEntry(list, t), { sx: stepEntry(i.sx, t), sb: stepEntry(i.sb, t), fx: stepEntry(i.fx, t), srb: stepEntry(i.srb, t) }, out, problem.maxAge);
    tables.push(out);
  }
  const rest: KernelInputs = { ...i };
  delete rest.demographyRows;
  return {
    ...problem,
    inputs: { ...rest, sx: tables.map((x) => x.sx), sb: tables.map((x) => x.sb), fx: tables.map((x) => x.fx), srb: tables.map((x) => x.srb) },
  };
}
