/**
 * One projection step from 1 January t to 1 January t+1, model.md section 3, in its order:
 * 1. survive and age, 2. births, 3. transitions inside each region, 4. moves between
 * regions through `D` and `E`, 5. net international migrants `n`.
 */

import { addMovesInto } from './moves.js';
import type { StepFlows, StepInputs } from './types.js';

/** Scratch buffers of one step, owned by the caller (see {@link createStepScratch}). */
export interface StepScratch {
  /** Rural-to-urban movers by origin, layout r,s,a. */
  mig: Float64Array;
  /** Returners by origin, layout r,s,a. */
  ret: Float64Array;
}

/** Allocates the scratch buffers {@link stepInto} needs for `regions` regions. */
export function createStepScratch(regions: number, maxAge: number): StepScratch {
  const n = regions * 2 * (maxAge + 1);
  return { mig: new Float64Array(n), ret: new Float64Array(n) };
}

/**
 * Projects `P` (year t) one year into `out` (year t+1) and writes the step's flows, one
 * value per region, into `flows`. Allocates nothing.
 *
 * @returns the flat index of the first cell that `n` made negative, or -1 when none did.
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
  const { sx, sb, fx, srb, m, c, k, q, n } = inputs;
  const { mig, ret } = scratch;
  const A = maxAge;
  const A1 = A + 1;
  const sexBlock = 2 * A1;
  const regionStride = 3 * sexBlock;

  for (let r = 0; r < regions; r++) {
    const regionBase = r * regionStride;
    let deaths = 0;
    let births = 0;

    // 1. survive and age; 2. births, from the women at the start of the year
    for (let h = 0; h < 3; h++) {
      const femaleBase = regionBase + h * sexBlock;
      for (let s = 0; s < 2; s++) {
        const base = femaleBase + s * A1;
        out[base] = 0;
        for (let a = 0; a < A - 1; a++) {
          const p = P[base + a];
          const sv = sx[base + a];
          out[base + a + 1] = p * sv;
          deaths += p * (1 - sv);
        }
        const pA1 = P[base + A - 1];
        const pA = P[base + A];
        const sA1 = sx[base + A - 1];
        const sA = sx[base + A];
        out[base + A] = pA1 * sA1 + pA * sA;
        deaths += pA1 * (1 - sA1) + pA * (1 - sA);
      }
      const fxBase = (r * 3 + h) * A1;
      let B = 0;
      for (let a = 0; a < A1; a++) B += fx[fxBase + a] * P[femaleBase + a];
      const ratio = srb[r];
      const girls = B / (1 + ratio);
      const boys = (B * ratio) / (1 + ratio);
      const sbBase = (r * 3 + h) * 2;
      const sbF = sb[sbBase];
      const sbM = sb[sbBase + 1];
      out[femaleBase] = girls * sbF;
      out[femaleBase + A1] = boys * sbM;
      deaths += girls * (1 - sbF) + boys * (1 - sbM);
      births += B;
    }

    // 3. transitions on the survivors at their new age
    const cr = c[r];
    let sumMig = 0;
    let sumIns = 0;
    let sumConv = 0;
    let sumRet = 0;
    for (let s = 0; s < 2; s++) {
      const ruralBase = regionBase + s * A1;
      const migrantBase = ruralBase + sexBlock;
      const hukouBase = migrantBase + sexBlock;
      const rateBase = (r * 2 + s) * A1;
      for (let a = 0; a < A1; a++) {
        const rural = out[ruralBase + a];
        const migrant = out[migrantBase + a];
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
        out[ruralBase + a] = ruralStay > 0 ? rural * ruralStay : 0;
        out[migrantBase + a] = migrantStay > 0 ? migrant * migrantStay : 0;
        out[hukouBase + a] += ins + conv;
        mig[rateBase + a] = moved;
        ret[rateBase + a] = back;
        sumMig += moved;
        sumIns += ins;
        sumConv += conv;
        sumRet += back;
      }
    }

    flows.births[r] = births;
    flows.deaths[r] = deaths;
    flows.ruralToUrban[r] = sumMig;
    flows.reclassified[r] = sumIns;
    flows.conversions[r] = sumConv;
    flows.returns[r] = sumRet;
  }

  // 4. moves between regions
  addMovesInto(inputs.D, mig, out, 1, regions, A1);
  addMovesInto(inputs.E, ret, out, 0, regions, A1);

  // 5. net international migrants
  let firstNegative = -1;
  if (n === null) {
    flows.netInternational.fill(0);
  } else {
    for (let r = 0; r < regions; r++) {
      const regionBase = r * regionStride;
      let sum = 0;
      for (let x = 0; x < regionStride; x++) {
        const add = n[regionBase + x];
        if (add === 0) continue;
        const v = out[regionBase + x] + add;
        out[regionBase + x] = v;
        sum += add;
        if (v < 0 && firstNegative < 0) firstNegative = regionBase + x;
      }
      flows.netInternational[r] = sum;
    }
  }
  return firstNegative;
}
