/**
 * One projection step from 1 January t to 1 January t+1, model.md section 3, in its order:
 * 1. survive and age, 2. births, 3. transitions inside each region, 4. moves between
 * regions through `D` and `E`, 5. net international migrants `n`.
 */

import { addDenseMovesPairInArena, addDenseMovesPairWasm, type DenseMovesArena } from './denseMovesWasm.js';
import { addMigrationInto, addMovesInto } from './moves.js';
import type { MoveMatrix, StepFlows, StepInputs } from './types.js';

/** Scratch buffers of one step, owned by the caller (see {@link createStepScratch}). */
export interface StepScratch {
  /** Rural-to-urban movers by origin, layout r,s,a. */
  mig: Float64Array;
  /** Returners by origin, layout r,s,a. */
  ret: Float64Array;
  /**
   * Running sums handed between the step's loops: deaths and births of a status, then the
   * movers, reclassified, conversions and returners of a region (four numbers).
   */
  sums: Float64Array;
  /**
   * The non-zero cells of the step's `n`, when prepared for it ({@link planNetInternational});
   * used only while `nPlan.source` is the step's `n`. `runKernelInto` prepares one for each
   * distinct `n` of a run and clears it when the run ends.
   */
  nPlan: NetInternationalPlan | null;
  /**
   * WebAssembly memory holding `mig`, `ret` and the run's populations, when the run has dense
   * `D` and `E` ({@link createDenseMovesArena}): the dense products then work in place.
   */
  arena: DenseMovesArena | null;
}

/** The non-zero cells of one array `n` (layout r,h,s,a), by region and status, ascending. */
export interface NetInternationalPlan {
  /** The array this plan was made from. */
  source: Float64Array;
  /** Entries of region r, status h: `start[r*3+h]` to `start[r*3+h+1]`. */
  start: Int32Array;
  /** Flat index of each entry. */
  cell: Int32Array;
  /** Its value. */
  value: Float64Array;
  /** Sum of region r's entries, added in ascending cell order. */
  sums: Float64Array;
}

/**
 * Lists the non-zero cells of `n` by region and status, with each region's sum, so that a
 * step adds only those cells; the sums are added in the order of the step's own loop, so the
 * step gives the same bits with or without a plan.
 *
 * @example
 * const plan = planNetInternational(Float64Array.of(0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, -2), 1, 1);   // one region, ages 0..1
 * [Array.from(plan.cell), Array.from(plan.sums)]
 * // => [[2, 11], [3]]
 */
export function planNetInternational(n: Float64Array, regions: number, maxAge: number): NetInternationalPlan {
  const sexBlock = 2 * (maxAge + 1);
  const groups = regions * 3;
  let count = 0;
  for (let x = 0; x < groups * sexBlock; x++) if (n[x] !== 0) count++;
  const start = new Int32Array(groups + 1);
  const cell = new Int32Array(count);
  const value = new Float64Array(count);
  const sums = new Float64Array(regions);
  let e = 0;
  for (let g = 0; g < groups; g++) {
    start[g] = e;
    for (let x = g * sexBlock, end = x + sexBlock; x < end; x++) {
      const add = n[x];
      if (add === 0) continue;
      cell[e] = x;
      value[e] = add;
      e++;
    }
  }
  start[groups] = e;
  for (let r = 0; r < regions; r++) {
    let sum = 0;
    for (let i = start[r * 3]; i < start[r * 3 + 3]; i++) sum += value[i];
    sums[r] = sum;
  }
  return { source: n, start, cell, value, sums };
}

/**
 * Allocates the scratch buffers {@link stepInto} needs for `regions` regions and open age
 * `maxAge`: two arrays of `regions*2*(maxAge+1)` numbers.
 *
 * @example
 * createStepScratch(2, 100).mig.length
 * // => 404
 */
export function createStepScratch(regions: number, maxAge: number): StepScratch {
  const n = regions * 2 * (maxAge + 1);
  return { mig: new Float64Array(n), ret: new Float64Array(n), sums: new Float64Array(4), nPlan: null, arena: null };
}

/**
 * Survives and ages one status of one region, both sexes (model.md section 3 step 1), writing
 * ages 1..A of `out`; age 0 is left to the births. Adds the deaths of the living of this status
 * to `sums[0]` in the order female ages 0..A, then male, and writes the status's births
 * `sum_a fx[a] * P[female][a]` (ages ascending, model.md section 3 step 2) to `sums[1]`: the two
 * sums run in one pass, each in its own order, so the bits are those of separate passes. Four
 * ages a turn, their numbers read before any is written: the engine then checks each array
 * once a turn rather than at every read.
 * `sx` is read from `sxBase` (the status's cells, or its row's), `P` and `out` from `statusBase`.
 */
function surviveStatusInto(P: Float64Array, sx: Float64Array, sxBase: number, fx: Float64Array, fxBase: number, out: Float64Array, statusBase: number, A: number, sums: Float64Array): void {
  const A1 = A + 1;
  let deaths = sums[0];
  // women: deaths and births together
  {
    const base = statusBase;
    const sxAt = sxBase;
    let B = 0;
    let a = 0;
    for (; a + 4 <= A - 1; a += 4) {
      const i = base + a;
      const j = sxAt + a;
      const f = fxBase + a;
      const p0 = P[i];
      const p1 = P[i + 1];
      const p2 = P[i + 2];
      const p3 = P[i + 3];
      const s0 = sx[j];
      const s1 = sx[j + 1];
      const s2 = sx[j + 2];
      const s3 = sx[j + 3];
      const f0 = fx[f];
      const f1 = fx[f + 1];
      const f2 = fx[f + 2];
      const f3 = fx[f + 3];
      deaths += p0 * (1 - s0);
      deaths += p1 * (1 - s1);
      deaths += p2 * (1 - s2);
      deaths += p3 * (1 - s3);
      B += f0 * p0;
      B += f1 * p1;
      B += f2 * p2;
      B += f3 * p3;
      out[i + 1] = p0 * s0;
      out[i + 2] = p1 * s1;
      out[i + 3] = p2 * s2;
      out[i + 4] = p3 * s3;
    }
    for (; a < A - 1; a++) {
      const p = P[base + a];
      const sv = sx[sxAt + a];
      out[base + a + 1] = p * sv;
      deaths += p * (1 - sv);
      B += fx[fxBase + a] * p;
    }
    const pA1 = P[base + A - 1];
    const pA = P[base + A];
    const sA1 = sx[sxAt + A - 1];
    const sA = sx[sxAt + A];
    out[base + A] = pA1 * sA1 + pA * sA;
    deaths += pA1 * (1 - sA1) + pA * (1 - sA);
    B += fx[fxBase + A - 1] * pA1;
    B += fx[fxBase + A] * pA;
    sums[1] = B;
  }
  // men
  {
    const base = statusBase + A1;
    const sxAt = sxBase + A1;
    let a = 0;
    for (; a + 4 <= A - 1; a += 4) {
      const i = base + a;
      const j = sxAt + a;
      const p0 = P[i];
      const p1 = P[i + 1];
      const p2 = P[i + 2];
      const p3 = P[i + 3];
      const s0 = sx[j];
      const s1 = sx[j + 1];
      const s2 = sx[j + 2];
      const s3 = sx[j + 3];
      deaths += p0 * (1 - s0);
      deaths += p1 * (1 - s1);
      deaths += p2 * (1 - s2);
      deaths += p3 * (1 - s3);
      out[i + 1] = p0 * s0;
      out[i + 2] = p1 * s1;
      out[i + 3] = p2 * s2;
      out[i + 4] = p3 * s3;
    }
    for (; a < A - 1; a++) {
      const p = P[base + a];
      const sv = sx[sxAt + a];
      out[base + a + 1] = p * sv;
      deaths += p * (1 - sv);
    }
    const pA1 = P[base + A - 1];
    const pA = P[base + A];
    const sA1 = sx[sxAt + A - 1];
    const sA = sx[sxAt + A];
    out[base + A] = pA1 * sA1 + pA * sA;
    deaths += pA1 * (1 - sA1) + pA * (1 - sA);
  }
  sums[0] = deaths;
}

/**
 * The transitions of one sex of one region at each age (model.md section 3 step 3), from the
 * survivors in `out` (rural from `ruralBase`, migrants and hukou one and two `sexBlock`s on),
 * written back in place; the movers and returners by age into `mig` and `ret` from `rateBase`
 * (where `m`, `k` and `q` are read). Adds the movers, the reclassified, the conversions and the
 * returners to `sums[0..3]`, each age after age. With identity `D` or `E` the movers rejoin
 * their own region here (model.md section 3 step 4), in the sum `addMovesInto` would make. (Two
 * ages a turn measured no faster here: one age a turn keeps the code the engine compiles small.)
 */
function transitionsInto(
  out: Float64Array,
  ruralBase: number,
  sexBlock: number,
  m: Float64Array,
  k: Float64Array,
  q: Float64Array,
  mig: Float64Array,
  ret: Float64Array,
  rateBase: number,
  A1: number,
  cr: number,
  stayD: boolean,
  stayE: boolean,
  sums: Float64Array,
): void {
  const migrantBase = ruralBase + sexBlock;
  const hukouBase = migrantBase + sexBlock;
  let sumMig = sums[0];
  let sumIns = sums[1];
  let sumConv = sums[2];
  let sumRet = sums[3];
  for (let a = 0; a < A1; a++) {
    const rural = out[ruralBase + a];
    const migrant = out[migrantBase + a];
    const hukou = out[hukouBase + a];
    const mv = m[rateBase + a];
    const kv = k[rateBase + a];
    const qv = q[rateBase + a];
    const moved = rural * mv;
    const ins = rural * cr;
    const conv = migrant * kv;
    const back = migrant * qv;
    // The stayers' shares are 1-m-c and 1-k-q (validated >= 0); taking them directly keeps
    // a population of exactly zero stayers at zero rather than at minus a rounding error.
    const ruralStay = 1 - mv - cr;
    const migrantStay = 1 - kv - qv;
    const ruralLeft = ruralStay > 0 ? rural * ruralStay : 0;
    const migrantLeft = migrantStay > 0 ? migrant * migrantStay : 0;
    out[ruralBase + a] = stayE ? ruralLeft + back : ruralLeft;
    out[migrantBase + a] = stayD ? migrantLeft + moved : migrantLeft;
    out[hukouBase + a] = hukou + (ins + conv);
    mig[rateBase + a] = moved;
    ret[rateBase + a] = back;
    sumMig += moved;
    sumIns += ins;
    sumConv += conv;
    sumRet += back;
  }
  sums[0] = sumMig;
  sums[1] = sumIns;
  sums[2] = sumConv;
  sums[3] = sumRet;
}

/**
 * Steps 1, 2, 3 and the first part of 5 of {@link stepInto} for every region: survival and
 * births, the transitions, and the net international migrants of the statuses no move reaches.
 *
 * @returns the flat index of the first cell that `n` made negative, or -1.
 */
function regionsInto(
  regions: number,
  A: number,
  P: Float64Array,
  inputs: StepInputs,
  rows: Int32Array | null,
  out: Float64Array,
  scratch: StepScratch,
  flows: StepFlows,
  plan: NetInternationalPlan | null,
  stayD: boolean,
  stayE: boolean,
): number {
  const { sx, sb, fx, srb, m, c, k, q, n } = inputs;
  const { mig, ret, sums } = scratch;
  const A1 = A + 1;
  const sexBlock = 2 * A1;
  const regionStride = 3 * sexBlock;
  let firstNegative = -1;
  for (let r = 0; r < regions; r++) {
    const regionBase = r * regionStride;
    const row = rows === null ? r : rows[r];
    const ratio = srb[row];
    let deaths = 0;
    let births = 0;

    // 1. survive and age; 2. births, from the women at the start of the year: rural, migrant,
    // hukou (the deaths in that order, each status's newborns after its survivors)
    for (let h = 0; h < 3; h++) {
      const statusBase = regionBase + h * sexBlock;
      sums[0] = deaths;
      surviveStatusInto(P, sx, row * regionStride + h * sexBlock, fx, (row * 3 + h) * A1, out, statusBase, A, sums);
      deaths = sums[0];
      const B = sums[1];
      const girls = B / (1 + ratio);
      const boys = (B * ratio) / (1 + ratio);
      const sbF = sb[(row * 3 + h) * 2];
      const sbM = sb[(row * 3 + h) * 2 + 1];
      out[statusBase] = girls * sbF;
      out[statusBase + A1] = boys * sbM;
      deaths += girls * (1 - sbF) + boys * (1 - sbM);
      births += B;
    }

    // 3. the transitions at each age, from the survivors of all three statuses
    const cr = c[r];
    sums.fill(0, 0, 4);
    transitionsInto(out, regionBase, sexBlock, m, k, q, mig, ret, r * 2 * A1, A1, cr, stayD, stayE, sums);
    transitionsInto(out, regionBase + A1, sexBlock, m, k, q, mig, ret, (r * 2 + 1) * A1, A1, cr, stayD, stayE, sums);
    const sumMig = sums[0];
    const sumIns = sums[1];
    const sumConv = sums[2];
    const sumRet = sums[3];

    // 5. net international migrants, while the region is in cache: added to the statuses no
    // move reaches (hukou, and rural or migrants when E or D is identity), the others after the
    // moves; the sum over the region runs over all of n in order either way
    if (plan !== null) {
      const { start, cell, value } = plan;
      for (let h = 0; h < 3; h++) {
        if (!(h === 2 || (h === 0 ? stayE : stayD))) continue;
        for (let e = start[r * 3 + h], end = start[r * 3 + h + 1]; e < end; e++) {
          const x = cell[e];
          const v = out[x] + value[e];
          out[x] = v;
          if (v < 0 && (firstNegative < 0 || x < firstNegative)) firstNegative = x;
        }
      }
      flows.netInternational[r] = plan.sums[r];
    } else if (n !== null) {
      let sum = 0;
      for (let h = 0; h < 3; h++) {
        const now = h === 2 || (h === 0 ? stayE : stayD);
        const start = regionBase + h * sexBlock;
        for (let x = start, end = start + sexBlock; x < end; x++) {
          const add = n[x];
          if (add === 0) continue;
          sum += add;
          if (!now) continue;
          const v = out[x] + add;
          out[x] = v;
          if (v < 0 && (firstNegative < 0 || x < firstNegative)) firstNegative = x;
        }
      }
      flows.netInternational[r] = sum;
    }

    flows.births[r] = births;
    flows.deaths[r] = deaths;
    flows.ruralToUrban[r] = sumMig;
    flows.reclassified[r] = sumIns;
    flows.conversions[r] = sumConv;
    flows.returns[r] = sumRet;
  }
  return firstNegative;
}

/**
 * Projects `P` (year t) one year into `out` (year t+1) and writes the step's flows, one
 * value per region, into `flows`. Allocates nothing.
 *
 * The survivors and newborns of each status are computed first, then the transitions of
 * step 3 age by age, which need all three statuses at one age. Every sum is added in the
 * order of the plain reading of model.md (statuses, then sexes, then ages). With identity
 * `D` or `E`, the movers rejoin their own region in the transitions' loop. With
 * `inputs.demographyRows`, region r reads `sx`, `sb`, `fx` and `srb` from its row.
 *
 * @returns the flat index of the first cell that `n` made negative, or -1 when none did.
 * @example
 * const fill = (length: number, value: number) => new Array<number>(length).fill(value);
 * const problem = parseKernelProblem({   // one region, ages 0..2, 100 people a cell, 10 % move to town
 *   format: 'chengzhen-kernel/1', dims: { regions: ['town'], maxAge: 2 }, startYear: 2020, years: 1,
 *   population: fill(18, 100),
 *   inputs: { sx: fill(18, 1), sb: fill(6, 1), fx: fill(9, 0), srb: [1.05], m: fill(6, 0.1), c: [0], k: fill(6, 0), q: fill(6, 0) },
 * });
 * const ws = createKernelWorkspace(1, 2);
 * stepInto(1, 2, problem.population, stepInputs(problem, 0), ws.next, ws.scratch, ws.flows)
 * // => -1
 * Array.from(ws.next.subarray(0, 3))   // rural women aged 0, 1, 2: no births, 10 % of 100 and of 200 left
 * // => [0, 90, 180]
 * ws.flows.ruralToUrban[0]
 * // => 60
 */
export function stepInto(
  regions: number,
  maxAge: number,
  P: Float64Array,
  inputs: StepInputs,
  out: Float64Array,
  scratch: StepScratch,
  flows: StepFlows,
): number {
  const n = inputs.n;
  // the row of each region in sx, sb, fx and srb, when they are held by row
  const rows = inputs.demographyRows ?? null;
  const { mig, ret } = scratch;
  const A = maxAge;
  const stayD = inputs.D.kind === 'identity';
  const stayE = inputs.E.kind === 'identity';
  const plan = n !== null && scratch.nPlan !== null && scratch.nPlan.source === n ? scratch.nPlan : null;
  // steps 1, 2, 3 and the first part of 5, region by region, in a function with that one loop:
  // code the engine compiles while the loop runs then holds no path its first regions did not
  // reach (the moves below, which it would have to compile again)
  const firstNegative = regionsInto(regions, A, P, inputs, rows, out, scratch, flows, plan, stayD, stayE);
  return movesIntoStep(regions, maxAge, inputs.D, inputs.E, n, mig, ret, scratch.arena, out, flows, plan, firstNegative);
}

/**
 * The end of a year step, once every region has survived, aged, had its births and made its
 * transitions into `out` (`stepInto`'s region loop, or the WebAssembly step's): step 4, the
 * moves between regions of the movers `mig` through `D` and of the returners `ret` through
 * `E` (identity moves were made in the region loop), the in- and out-migrants and net
 * migration, and step 5's net international migrants `n` of the statuses the moves reached.
 * `plan` is `n` planned by cell (null: read `n` whole, the same bits). Allocates nothing.
 *
 * @returns the flat index of the first cell that `n` made negative, `firstNegative` when that
 *   came first, or -1 when none did.
 */
export function movesIntoStep(
  regions: number,
  maxAge: number,
  D: MoveMatrix,
  E: MoveMatrix,
  n: Float64Array | null,
  mig: Float64Array,
  ret: Float64Array,
  arena: StepScratch['arena'],
  out: Float64Array,
  flows: StepFlows,
  plan: NetInternationalPlan | null,
  firstNegative: number,
): number {
  const A1 = maxAge + 1;
  const sexBlock = 2 * A1;
  const regionStride = 3 * sexBlock;
  const stayD = D.kind === 'identity';
  const stayE = E.kind === 'identity';

  // 4. moves between regions (identity moves were made in the region loop), and who changed region
  if (
    D.kind === 'dense' &&
    E.kind === 'dense' &&
    regions >= 4 &&
    ((arena !== null && arena.movers === mig && arena.returners === ret && addDenseMovesPairInArena(arena, D.values, E.values, out, regionStride)) ||
      addDenseMovesPairWasm(D.values, mig, E.values, ret, out, regions, sexBlock, regionStride))
  ) {
    // both products in one pass (the same sums as addMovesInto): in place in the run's
    // WebAssembly memory, or with one copy of the population in and out
  } else {
    if (!stayD) addMovesInto(D, mig, out, 1, regions, A1);
    if (!stayE) addMovesInto(E, ret, out, 0, regions, A1);
  }
  const { inMigrants, outMigrants, netMigration } = flows;
  inMigrants.fill(0);
  outMigrants.fill(0);
  addMigrationInto(D, flows.ruralToUrban, inMigrants, outMigrants, regions);
  addMigrationInto(E, flows.returns, inMigrants, outMigrants, regions);
  for (let r = 0; r < regions; r++) netMigration[r] = inMigrants[r] - outMigrants[r];

  // 5. net international migrants of the statuses the moves reached
  if (n === null) {
    flows.netInternational.fill(0);
  } else if (plan !== null && (!stayD || !stayE)) {
    const { start, cell, value } = plan;
    for (let r = 0; r < regions; r++) {
      for (let h = 0; h < 2; h++) {
        if (h === 0 ? stayE : stayD) continue;
        for (let e = start[r * 3 + h], end = start[r * 3 + h + 1]; e < end; e++) {
          const x = cell[e];
          const v = out[x] + value[e];
          out[x] = v;
          if (v < 0 && (firstNegative < 0 || x < firstNegative)) firstNegative = x;
        }
      }
    }
  } else if (!stayD || !stayE) {
    for (let r = 0; r < regions; r++) {
      for (let h = 0; h < 2; h++) {
        if (h === 0 ? stayE : stayD) continue;
        const start = r * regionStride + h * sexBlock;
        for (let x = start, end = start + sexBlock; x < end; x++) {
          const add = n[x];
          if (add === 0) continue;
          const v = out[x] + add;
          out[x] = v;
          if (v < 0 && (firstNegative < 0 || x < firstNegative)) firstNegative = x;
        }
      }
    }
  }
  return firstNegative;
}
