/**
 * "The limit": one streaming pass per year over as many bytes as the kernel must read and
 * write for that year (read the population P and the step's inputs, write the next
 * population S), as a plain typed-array loop. A kernel step cannot move its data faster than
 * this, so the kernel's time as a multiple of this pass says how much room is left.
 */

import type { KernelProblem, MoveMatrix, StepInputs } from '../src/kernel/types.js';
import { stepInputs } from '../src/kernel/runKernel.js';

/** The bytes one step of a problem must read and write. */
export interface StepTraffic {
  /** Population cells, R*6*(A+1). */
  cells: number;
  /** Bytes read from P and written to S. */
  populationBytes: number;
  /** Bytes of the step's inputs: cell-sized (`sx`, `n`) and the rest (rates, `D`, `E`). */
  cellInputBytes: number;
  otherInputBytes: number;
  /** All bytes of one step. */
  totalBytes: number;
}

function matrixBytes(m: MoveMatrix): number {
  switch (m.kind) {
    case 'identity':
      return 0;
    case 'dense':
      return m.values.byteLength;
    case 'sparse':
      return m.rowStart.byteLength + m.to.byteLength + m.share.byteLength;
    case 'pooled':
      return m.levels.reduce((sum, l) => sum + l.group.byteLength + l.share.byteLength + l.weight.byteLength, 0);
  }
}

/** Bytes step `t` of `problem` must read and write (the first step when `t` is left out). */
export function stepTraffic(problem: KernelProblem, t = 0): StepTraffic {
  const inputs: StepInputs = stepInputs(problem, t);
  const cells = problem.population.length;
  const cellInputBytes = inputs.sx.byteLength + (inputs.n ? inputs.n.byteLength : 0);
  const otherInputBytes =
    inputs.sb.byteLength +
    inputs.fx.byteLength +
    inputs.srb.byteLength +
    inputs.m.byteLength +
    inputs.c.byteLength +
    inputs.k.byteLength +
    inputs.q.byteLength +
    matrixBytes(inputs.D) +
    matrixBytes(inputs.E);
  const populationBytes = 2 * cells * 8;
  return { cells, populationBytes, cellInputBytes, otherInputBytes, totalBytes: populationBytes + cellInputBytes + otherInputBytes };
}

/** Arrays of the same total size as a problem's per-step traffic, and a pass over them. */
export interface StreamingPass {
  traffic: StepTraffic;
  years: number;
  /** Runs `years` passes; returns a value that depends on every byte read. */
  run(): number;
}

/**
 * Builds the streaming pass of a problem: per year, `S[i] = P[i]*X[i] + N[i]` over the cells
 * (read P, `sx` and `n`, write S) and a four-way sum over an array as large as the other
 * inputs (rates and matrices).
 */
export function createStreamingPass(problem: KernelProblem): StreamingPass {
  const traffic = stepTraffic(problem);
  const cells = traffic.cells;
  const P = Float64Array.from(problem.population);
  const S = new Float64Array(cells);
  const X = Float64Array.from(problem.inputs.sx[0]);
  const N = problem.inputs.n.length > 0 ? Float64Array.from(problem.inputs.n[0]) : null;
  const rest = new Float64Array(Math.ceil(traffic.otherInputBytes / 8)).fill(0.5);
  const years = problem.years;
  return {
    traffic,
    years,
    run() {
      // every year reads the same P and writes the same S: the values never drift towards
      // subnormal numbers, which would slow the loop for reasons that have nothing to do with memory
      let total = 0;
      for (let y = 0; y < years; y++) {
        if (N) {
          for (let i = 0; i < cells; i++) S[i] = P[i] * X[i] + N[i];
        } else {
          for (let i = 0; i < cells; i++) S[i] = P[i] * X[i];
        }
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        const n = rest.length;
        let i = 0;
        for (; i + 4 <= n; i += 4) {
          s0 += rest[i];
          s1 += rest[i + 1];
          s2 += rest[i + 2];
          s3 += rest[i + 3];
        }
        for (; i < n; i++) s0 += rest[i];
        total += s0 + s1 + s2 + s3 + S[y];
      }
      return total;
    },
  };
}
