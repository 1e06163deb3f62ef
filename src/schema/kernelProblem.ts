/**
 * The kernel problem format `chengzhen-kernel/1` (model.md section 6): zod checks the
 * document's structure, fast loops check the numbers, and the cross-field rules of model.md
 * section 2 are checked here, in one place.
 */

import { z } from 'zod';
import { ChengzhenError, formatPath, type ChengzhenIssue } from '../errors.js';
import { shapeLength, type InputShape, type KernelDims } from '../kernel/layout.js';
import type { KernelInputs, KernelProblem, MoveMatrix } from '../kernel/types.js';
import { deepFreeze } from '../deepFreeze.js';
import { LIMITS } from '../limits.js';
import { parseMoveMatrix } from './moveMatrix.js';
import { BIRTHS_PER_WOMAN, cellLabel, IssueList, NET_PERSONS, PERSONS, PROBABILITY, SEX_RATIO, toCheckedArray, type ArrayContext, type Range } from './numericArrays.js';
import { fromZodError } from './zodIssues.js';

/**
 * The format tag of a kernel problem document (its `format` field).
 *
 * @example
 * KERNEL_PROBLEM_FORMAT
 * // => 'chengzhen-kernel/1'
 */
export const KERNEL_PROBLEM_FORMAT = 'chengzhen-kernel/1';

const numericArray = z.custom<unknown[] | Float64Array>((v) => Array.isArray(v) || v instanceof Float64Array, {
  message: 'must be an array of numbers',
});
/**
 * `D` or `E`: a dense array, a sparse `{ sparse: { from, to, share } }`, pools
 * `{ pooled: { levels } }`, or a per-year list of them (checked in moveMatrix).
 */
const matrixInput = z.custom<unknown[] | Float64Array | object>((v) => typeof v === 'object' && v !== null, {
  message: 'must be an array of shares, { sparse: { from, to, share } }, { pooled: { levels } }, or a list of them per year',
});

/**
 * The structure of a kernel problem document. The numbers inside its arrays are checked by
 * {@link parseKernelProblem}, not by this schema, so that million-element arrays stay fast.
 *
 * @example
 * KernelProblemDocumentSchema.safeParse({ format: 'chengzhen-kernel/1' }).success
 * // => false
 */
export const KernelProblemDocumentSchema = z.strictObject({
  format: z.literal(KERNEL_PROBLEM_FORMAT),
  dims: z.strictObject({
    regions: z.array(z.string().min(1).max(200)).min(1).max(LIMITS.maxRegions),
    maxAge: z.number().int().min(1).max(LIMITS.maxAge),
  }),
  startYear: z.number().int().min(LIMITS.minYear).max(LIMITS.maxYear),
  years: z.number().int().min(1).max(LIMITS.maxYears),
  population: numericArray,
  inputs: z.strictObject({
    sx: numericArray,
    sb: numericArray,
    fx: numericArray,
    srb: numericArray,
    m: numericArray,
    c: numericArray,
    k: numericArray,
    q: numericArray,
    D: matrixInput.optional(),
    E: matrixInput.optional(),
    n: numericArray.optional(),
  }),
});
/** A kernel problem document as {@link KernelProblemDocumentSchema} accepts it (its numbers not yet checked). */
export type KernelProblemDocument = z.infer<typeof KernelProblemDocumentSchema>;

/** The shape and allowed range of each array input (model.md section 2; a document holds its demography per region). */
const ARRAY_INPUTS: Record<Exclude<keyof KernelInputs, 'D' | 'E' | 'demographyRows'>, { shape: InputShape; range: Range }> = {
  sx: { shape: 'rhsa', range: PROBABILITY },
  sb: { shape: 'rhs', range: PROBABILITY },
  fx: { shape: 'rha', range: BIRTHS_PER_WOMAN },
  srb: { shape: 'r', range: SEX_RATIO },
  m: { shape: 'rsa', range: PROBABILITY },
  c: { shape: 'r', range: PROBABILITY },
  k: { shape: 'rsa', range: PROBABILITY },
  q: { shape: 'rsa', range: PROBABILITY },
  n: { shape: 'rhsa', range: NET_PERSONS },
};

/** True when an input is given per year (a list of arrays or matrices) rather than once. */
function isPerYear(value: unknown): value is unknown[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const first: unknown = value[0];
  return Array.isArray(first) || first instanceof Float64Array || (typeof first === 'object' && first !== null);
}

interface Frame {
  dims: KernelDims;
  regionIds: readonly string[];
  startYear: number;
  years: number;
}

/** Splits an input into its yearly parts, checking that a per-year list has one per step. */
function yearlyParts(value: unknown, path: (string | number)[], frame: Frame, issues: IssueList): { value: unknown; path: (string | number)[]; year?: number }[] {
  if (!isPerYear(value)) return [{ value, path }];
  if (value.length !== frame.years) {
    issues.add({
      code: 'wrong_length',
      path,
      message: `${formatPath(path)} is given per year and must have one entry per step (${frame.years}), received ${value.length}`,
      expected: `${frame.years} entries`,
      received: String(value.length),
    });
    return [];
  }
  return value.map((v, t) => ({ value: v, path: [...path, t], year: frame.startYear + t }));
}

function parseArrayInput(name: keyof typeof ARRAY_INPUTS, value: unknown, frame: Frame, issues: IssueList): Float64Array[] {
  const { shape, range } = ARRAY_INPUTS[name];
  const length = shapeLength(shape, frame.dims);
  return yearlyParts(value, ['inputs', name], frame, issues).map((part) => {
    const context: ArrayContext = { path: part.path, shape, dims: frame.dims, regionIds: frame.regionIds, year: part.year };
    return toCheckedArray(part.value, length, range, context, issues);
  });
}

function parseMatrixInput(name: 'D' | 'E', value: unknown, frame: Frame, issues: IssueList): MoveMatrix[] {
  if (value === undefined) return [{ kind: 'identity' }];
  return yearlyParts(value, ['inputs', name], frame, issues).map((part) =>
    parseMoveMatrix(part.value, { path: part.path, shape: 'rr', dims: frame.dims, regionIds: frame.regionIds, year: part.year }, issues),
  );
}

/**
 * Checks `a + b <= 1` cell by cell for every step (model.md section 2: `m + c <= 1`,
 * `k + q <= 1`). `b` may be per region (`c`) or per region, sex and age (`q`).
 */
function checkSumAtMostOne(
  names: [string, string],
  a: Float64Array[],
  b: Float64Array[],
  bPerRegion: boolean,
  frame: Frame,
  issues: IssueList,
): void {
  const steps = a.length === 1 && b.length === 1 ? 1 : frame.years;
  const perRegion = 2 * (frame.dims.maxAge + 1);
  for (let t = 0; t < steps && !issues.full; t++) {
    const at = a.length === 1 ? a[0] : a[t];
    const bt = b.length === 1 ? b[0] : b[t];
    for (let i = 0; i < at.length; i++) {
      const bv = bPerRegion ? bt[Math.floor(i / perRegion)] : bt[i];
      if (at[i] + bv <= 1) continue;
      const year = steps === 1 ? undefined : frame.startYear + t;
      const { coords, label } = cellLabel({ path: ['inputs', names[0]], shape: 'rsa', dims: frame.dims, regionIds: frame.regionIds, year }, i);
      const other = bPerRegion
        ? `inputs.${names[1]}[region=${coords.region}]`
        : cellLabel({ path: ['inputs', names[1]], shape: 'rsa', dims: frame.dims, regionIds: frame.regionIds, year }, i).label;
      issues.add({
        code: 'constraint',
        path: ['inputs', names[0], ...(a.length === 1 ? [] : [t]), i],
        coords,
        message: `${label} + ${other} must be <= 1, received ${at[i]} + ${bv} = ${at[i] + bv}`,
        expected: `${names[0]} + ${names[1]} <= 1`,
        received: String(at[i] + bv),
      });
      if (issues.full) return;
    }
  }
}

/** How many numbers one year's `D` or `E` holds once parsed: R x R dense, its links, or 3R per pooled level. */
function matrixCells(value: unknown, regions: number): number {
  if (Array.isArray(value) || value instanceof Float64Array) return regions * regions;
  const levels = (value as { pooled?: { levels?: unknown } } | null)?.pooled?.levels;
  if (Array.isArray(levels)) return 3 * regions * levels.length;
  const from = (value as { sparse?: { from?: unknown } } | null)?.sparse?.from;
  return Array.isArray(from) || from instanceof Float64Array ? from.length : 0;
}

/**
 * Checks, from the dimensions and the per-year lists alone, that the parsed problem will hold
 * at most {@link LIMITS.maxInputCells} numbers, before any array is converted.
 */
function checkInputCells(doc: KernelProblemDocument, frame: Frame, issues: IssueList): void {
  const parts: [string, number][] = [['population', shapeLength('rhsa', frame.dims)]];
  for (const name of Object.keys(ARRAY_INPUTS) as (keyof typeof ARRAY_INPUTS)[]) {
    const value: unknown = doc.inputs[name];
    if (value === undefined) continue;
    parts.push([name, shapeLength(ARRAY_INPUTS[name].shape, frame.dims) * (isPerYear(value) ? frame.years : 1)]);
  }
  for (const name of ['D', 'E'] as const) {
    const value: unknown = doc.inputs[name];
    if (value === undefined) continue;
    const list = isPerYear(value) ? value.slice(0, frame.years) : [value];
    parts.push([name, list.reduce<number>((sum, m) => sum + matrixCells(m, frame.dims.regions), 0)]);
  }
  const total = parts.reduce((sum, [, cells]) => sum + cells, 0);
  if (total <= LIMITS.maxInputCells) return;
  const listed = parts
    .filter(([, cells]) => cells > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, cells]) => `${name} ${cells}`)
    .join(', ');
  issues.add({
    code: 'too_large',
    path: ['inputs'],
    message: `inputs must hold at most ${LIMITS.maxInputCells} numbers with the population (LIMITS.maxInputCells; an input given per year counts once per year), received ${total} (${listed}): give inputs that do not change as one array, or fewer years or regions`,
    expected: `at most ${LIMITS.maxInputCells} numbers`,
    received: String(total),
  });
}

/** Result of {@link safeParseKernelProblem}. */
export type SafeParseKernelProblem = { success: true; data: KernelProblem } | { success: false; error: ChengzhenError };

/**
 * Validates a kernel problem document (model.md section 6), as parsed from JSON or built in
 * code (numeric arrays may be plain arrays or `Float64Array`s), and returns it with typed
 * arrays, deep-frozen (its typed arrays are fresh copies no caller holds). Never throws, not
 * even for an input that throws when read: returns the error instead. The projection must end
 * by {@link LIMITS.maxYear}.
 *
 * @example
 * const parsed = safeParseKernelProblem({ format: 'chengzhen-kernel/1' });
 * parsed.success ? parsed.data : parsed.error.issues[0].message
 * // => 'dims is required'
 */
export function safeParseKernelProblem(json: unknown): SafeParseKernelProblem {
  try {
    const parsed = parseDocument(json);
    if (parsed.success) deepFreeze(parsed.data);
    return parsed;
  } catch (error) {
    if (error instanceof ChengzhenError) return { success: false, error };
    const reason = error instanceof Error ? error.message : String(error);
    return {
      success: false,
      error: new ChengzhenError([{ code: 'invalid_type', path: [], message: `the kernel problem could not be read: ${reason}`, expected: 'plain data (JSON)', received: 'a value that throws when read' }]),
    };
  }
}

/** {@link safeParseKernelProblem} without its guard against inputs that throw when read. */
function parseDocument(json: unknown): SafeParseKernelProblem {
  const structure = KernelProblemDocumentSchema.safeParse(json, { reportInput: true });
  if (!structure.success) return { success: false, error: new ChengzhenError(fromZodError(structure.error)) };
  const doc = structure.data;
  const issues = new IssueList();
  if (doc.startYear + doc.years > LIMITS.maxYear) {
    issues.add({
      code: 'out_of_range',
      path: ['years'],
      message: `years must end the projection by ${LIMITS.maxYear} (LIMITS.maxYear): startYear ${doc.startYear} + years must be <= ${LIMITS.maxYear}, received ${doc.years}`,
      expected: `<= ${LIMITS.maxYear - doc.startYear}`,
      received: String(doc.years),
    });
    return { success: false, error: new ChengzhenError(issues.issues) };
  }
  const seen = new Set<string>();
  doc.dims.regions.forEach((id, i) => {
    if (seen.has(id)) {
      issues.add({ code: 'duplicate', path: ['dims', 'regions', i], message: `dims.regions[${i}] repeats the region id ${JSON.stringify(id)}`, received: id });
    }
    seen.add(id);
  });
  if (issues.length > 0) return { success: false, error: new ChengzhenError(issues.issues) };

  const frame: Frame = {
    dims: { regions: doc.dims.regions.length, maxAge: doc.dims.maxAge },
    regionIds: doc.dims.regions,
    startYear: doc.startYear,
    years: doc.years,
  };
  checkInputCells(doc, frame, issues);
  if (issues.length > 0) return { success: false, error: new ChengzhenError(issues.issues) };
  const cells = shapeLength('rhsa', frame.dims);
  const population = toCheckedArray(
    doc.population,
    cells,
    PERSONS,
    { path: ['population'], shape: 'rhsa', dims: frame.dims, regionIds: frame.regionIds },
    issues,
  );
  const i = doc.inputs;
  const inputs: KernelInputs = {
    sx: parseArrayInput('sx', i.sx, frame, issues),
    sb: parseArrayInput('sb', i.sb, frame, issues),
    fx: parseArrayInput('fx', i.fx, frame, issues),
    srb: parseArrayInput('srb', i.srb, frame, issues),
    m: parseArrayInput('m', i.m, frame, issues),
    c: parseArrayInput('c', i.c, frame, issues),
    k: parseArrayInput('k', i.k, frame, issues),
    q: parseArrayInput('q', i.q, frame, issues),
    D: parseMatrixInput('D', i.D, frame, issues),
    E: parseMatrixInput('E', i.E, frame, issues),
    n: i.n === undefined ? [] : parseArrayInput('n', i.n, frame, issues),
  };
  if (issues.length === 0) {
    checkSumAtMostOne(['m', 'c'], inputs.m, inputs.c, true, frame, issues);
    checkSumAtMostOne(['k', 'q'], inputs.k, inputs.q, false, frame, issues);
  }
  if (issues.length > 0) return { success: false, error: new ChengzhenError(issues.issues) };
  return {
    success: true,
    data: { regions: [...doc.dims.regions], maxAge: doc.dims.maxAge, startYear: doc.startYear, years: doc.years, population, inputs },
  };
}

/**
 * Validates a kernel problem document and returns it with typed arrays, ready for
 * {@link runKernel}.
 *
 * @throws {ChengzhenError} naming every bad field, with flat indices decoded into
 *   region, status, sex and age: `inputs.m[region=north, sex=female, age=17] must be in
 *   [0, 1], received 1.02`.
 * @example
 * const problem = parseKernelProblem(JSON.parse(text));
 * problem.regions
 * // => ['north', 'south']
 */
export function parseKernelProblem(json: unknown): KernelProblem {
  const parsed = safeParseKernelProblem(json);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

export type { ChengzhenIssue };
