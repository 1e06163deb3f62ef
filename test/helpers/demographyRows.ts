/** Problems whose demography is held by row (`demographyRows`), made from per-region ones. */

import type { KernelProblem } from '../../src/kernel/types.js';
import { seededRandom } from './randomKernelDoc.js';

/** Cells of one row of each table, for open age A. */
const cellsPerRow = (maxAge: number) => ({ sx: 6 * (maxAge + 1), sb: 6, fx: 3 * (maxAge + 1), srb: 1 });

/**
 * The problem with its demography held by row: the rows are the tables of the first `rows`
 * regions (of each step), and each region takes a row drawn from `seed`, one draw for all steps
 * or one per step.
 */
export function groupedDemography(problem: KernelProblem, rows: number, seed: number, perYear: boolean): KernelProblem {
  const rand = seededRandom(seed);
  const R = problem.regions.length;
  const cells = cellsPerRow(problem.maxAge);
  const inputs = { ...problem.inputs };
  for (const key of ['sx', 'sb', 'fx', 'srb'] as const) inputs[key] = problem.inputs[key].map((table) => table.slice(0, rows * cells[key]));
  const draw = () => Int32Array.from({ length: R }, () => Math.floor(rand() * rows));
  inputs.demographyRows = perYear ? Array.from({ length: problem.years }, draw) : [draw()];
  return { ...problem, inputs };
}
