/**
 * Builds examples/kernel/two-regions.json: a small two-region kernel problem (an inland
 * province sending rural migrants to a coastal one) with stylised but plausible rates.
 * Every number here is an illustrative assumption, not data.
 *
 * Run: npx tsx examples/kernel/make-two-regions.ts
 */

import { writeFileSync } from 'node:fs';
import { kernelProblemToJSON, type KernelProblem } from '../../src/index.js';

const A = 100;
const A1 = A + 1;
const regions = ['inland', 'coast'];
const R = regions.length;

// Gompertz-Makeham mortality: female lower than male.
const survival = (a: number, s: number) => Math.exp(-(0.0004 + 0.00003 * Math.exp(0.095 * a) * (s === 1 ? 1.4 : 1)));
// Fertility: TFR about 1.1, peaking at 28.
const fertility = (a: number) => (a >= 15 && a <= 49 ? (1.1 / 2.507 / 5.5) * Math.exp(-((a - 28) ** 2) / (2 * 5.5 ** 2)) : 0);
// Rural-to-urban migration peaking at 20, hukou conversion at 28, returns later in life.
const migration = (a: number) => 0.002 + 0.03 * Math.exp(-((a - 20) ** 2) / 50);
const conversion = (a: number) => 0.005 + 0.02 * Math.exp(-((a - 28) ** 2) / 80);
const returning = (a: number) => 0.004 + 0.01 * Math.exp(-((a - 50) ** 2) / 200);

const population = new Float64Array(R * 6 * A1);
const shares = [
  [0.45, 0.15, 0.4],
  [0.2, 0.35, 0.45],
];
const sizes = [60e6, 80e6];
for (let r = 0; r < R; r++)
  for (let h = 0; h < 3; h++)
    for (let s = 0; s < 2; s++)
      for (let a = 0; a <= A; a++) {
        const ageShape = Math.max(0, 1 - a / 95) * (a < 30 ? 0.8 + a / 150 : 1);
        population[((r * 3 + h) * 2 + s) * A1 + a] = Math.round((sizes[r] * shares[r][h] * ageShape) / 2 / 52);
      }

const fill = (length: number, f: (i: number) => number) => Float64Array.from({ length }, (_, i) => f(i));
const problem: KernelProblem = {
  regions,
  maxAge: A,
  startYear: 2024,
  years: 10,
  population,
  inputs: {
    sx: [fill(R * 6 * A1, (i) => survival(i % A1, Math.floor(i / A1) % 2))],
    sb: [fill(R * 6, (i) => (i % 2 === 0 ? 0.996 : 0.995))],
    fx: [fill(R * 3 * A1, (i) => fertility(i % A1))],
    srb: [Float64Array.of(1.1, 1.1)],
    m: [fill(R * 2 * A1, (i) => (i < 2 * A1 ? 1.3 : 0.8) * migration(i % A1))],
    c: [Float64Array.of(0.004, 0.006)],
    k: [fill(R * 2 * A1, (i) => (i < 2 * A1 ? 1.5 : 0.6) * conversion(i % A1))],
    q: [fill(R * 2 * A1, (i) => returning(i % A1))],
    // 40 % of inland movers go to the coast; 15 % of coastal returners go back inland.
    D: [{ kind: 'dense', values: Float64Array.of(0.6, 0.4, 0, 1) }],
    E: [{ kind: 'dense', values: Float64Array.of(1, 0, 0.15, 0.85) }],
    n: [],
  },
};

writeFileSync(new URL('./two-regions.json', import.meta.url), `${JSON.stringify(kernelProblemToJSON(problem))}\n`);
