/**
 * One step of model.md section 3 worked out by hand. Every input is a dyadic fraction
 * (0.5, 0.25, 0.125, ...) so every product and sum below is exact in double precision and the
 * kernel must reproduce each number to the last bit.
 */

import { describe, expect, it } from 'vitest';
import { createStepScratch, FLOW_NAMES, runKernel, stepInputs, stepInto, type StepFlows } from '../../src/kernel/index.js';
import { parseKernelProblem } from '../../src/schema/kernelProblem.js';
import type { KernelProblemJSON } from '../../src/io/kernelJson.js';

// One region, maxAge 2 (ages 0, 1 and the open group 2+). Arrays of shape r,h,s,a list
// rural female, rural male, migrant female, migrant male, hukou female, hukou male, ages 0..2.
const oneRegion: KernelProblemJSON = {
  format: 'chengzhen-kernel/1',
  dims: { regions: ['only'], maxAge: 2 },
  startYear: 2020,
  years: 1,
  population: [
    8, 16, 32,   8, 16, 16, // rural   F, M
    4, 8, 16,    4, 8, 8, //   migrant F, M
    16, 32, 64,  16, 32, 32, // hukou  F, M
  ],
  inputs: {
    sx: [
      0.75, 0.5, 0.25,     0.5, 0.75, 0.5,
      0.875, 0.75, 0.5,    0.75, 0.625, 0.25,
      1, 0.875, 0.75,      0.875, 0.75, 0.5,
    ],
    // r,h,s: rural F M, migrant F M, hukou F M
    sb: [0.75, 0.5, 1, 0.5, 0.5, 0.25],
    // r,h,a: rural, migrant, hukou, ages 0..2
    fx: [0, 0.25, 0.125, 0, 0.125, 0.0625, 0, 0.0625, 0.03125],
    // 3 boys per girl: girls B/4, boys 3B/4
    srb: [3],
    // r,s,a: female ages 0..2, male ages 0..2
    m: [0.5, 0.25, 0.125, 0.25, 0.5, 0.25],
    c: [0.125],
    k: [0.25, 0.5, 0.25, 0.5, 0.25, 0.125],
    q: [0.25, 0.125, 0.5, 0, 0.25, 0.5],
    n: [
      0, 0, -3,    0, 0, 0,
      0.5, 0, 0,   0, 0, 0,
      0, 0, 0,     0, 2.25, 0,
    ],
  },
};

// 1. survive and age: S[0] = 0, S[1] = P[0]sx[0], S[2] = P[1]sx[1] + P[2]sx[2]
//   rural F    S1 = 8*0.75 = 6       S2 = 16*0.5 + 32*0.25 = 8 + 8 = 16      deaths 2 + 8 + 24 = 34
//   rural M    S1 = 8*0.5 = 4        S2 = 16*0.75 + 16*0.5 = 12 + 8 = 20     deaths 4 + 4 + 8 = 16
//   migrant F  S1 = 4*0.875 = 3.5    S2 = 8*0.75 + 16*0.5 = 6 + 8 = 14       deaths 0.5 + 2 + 8 = 10.5
//   migrant M  S1 = 4*0.75 = 3       S2 = 8*0.625 + 8*0.25 = 5 + 2 = 7       deaths 1 + 3 + 6 = 10
//   hukou F    S1 = 16*1 = 16        S2 = 32*0.875 + 64*0.75 = 28 + 48 = 76  deaths 0 + 4 + 16 = 20
//   hukou M    S1 = 16*0.875 = 14    S2 = 32*0.75 + 32*0.5 = 24 + 16 = 40    deaths 2 + 8 + 16 = 26
//   deaths of the living: 34 + 16 + 10.5 + 10 + 20 + 26 = 116.5
// 2. births from the women at the start of the year (P, not S):
//   B rural   = 16*0.25 + 32*0.125 = 4 + 4 = 8      girls 8/4 = 2,     boys 8*3/4 = 6
//   B migrant = 8*0.125 + 16*0.0625 = 1 + 1 = 2     girls 0.5,         boys 1.5
//   B hukou   = 32*0.0625 + 64*0.03125 = 2 + 2 = 4  girls 1,           boys 3
//   births 8 + 2 + 4 = 14
//   S[0]: rural F 2*0.75 = 1.5, rural M 6*0.5 = 3, migrant F 0.5*1 = 0.5, migrant M 1.5*0.5 = 0.75,
//         hukou F 1*0.5 = 0.5, hukou M 3*0.25 = 0.75
//   infant deaths: rural 0.5 + 3, migrant 0 + 0.75, hukou 0.5 + 2.25 = 7; deaths 116.5 + 7 = 123.5
//   S: rural F [1.5, 6, 16]  rural M [3, 4, 20]  migrant F [0.5, 3.5, 14]  migrant M [0.75, 3, 7]
//      hukou F [0.5, 16, 76] hukou M [0.75, 14, 40]
// 3. transitions on S at the new age
//   mig = S_rural*m:  F 1.5*0.5 = 0.75, 6*0.25 = 1.5, 16*0.125 = 2;  M 3*0.25 = 0.75, 4*0.5 = 2, 20*0.25 = 5
//                     ruralToUrban 0.75 + 1.5 + 2 + 0.75 + 2 + 5 = 12
//   ins = S_rural*c:  F 0.1875, 0.75, 2;  M 0.375, 0.5, 2.5;  reclassified 6.3125
//   conv = S_mig*k:   F 0.5*0.25 = 0.125, 3.5*0.5 = 1.75, 14*0.25 = 3.5;  M 0.75*0.5 = 0.375, 3*0.25 = 0.75,
//                     7*0.125 = 0.875;  conversions 7.375
//   ret = S_mig*q:    F 0.5*0.25 = 0.125, 3.5*0.125 = 0.4375, 14*0.5 = 7;  M 0, 3*0.25 = 0.75, 7*0.5 = 3.5;
//                     returns 11.8125
//   rural'   F 1.5-0.75-0.1875 = 0.5625, 6-1.5-0.75 = 3.75, 16-2-2 = 12;  M 3-0.75-0.375 = 1.875, 4-2-0.5 = 1.5,
//            20-5-2.5 = 12.5
//   migrant' F 0.5-0.125-0.125 = 0.25, 3.5-1.75-0.4375 = 1.3125, 14-3.5-7 = 3.5;  M 0.75-0.375-0 = 0.375,
//            3-0.75-0.75 = 1.5, 7-0.875-3.5 = 2.625
//   hukou'   F 0.5+0.1875+0.125 = 0.8125, 16+0.75+1.75 = 18.5, 76+2+3.5 = 81.5;  M 0.75+0.375+0.375 = 1.5,
//            14+0.5+0.75 = 15.25, 40+2.5+0.875 = 43.375
// 4. moves (D and E left out: identity): migrants gain mig, rural gains ret
//   migrant F 0.25+0.75 = 1, 1.3125+1.5 = 2.8125, 3.5+2 = 5.5;  M 0.375+0.75 = 1.125, 1.5+2 = 3.5, 2.625+5 = 7.625
//   rural   F 0.5625+0.125 = 0.6875, 3.75+0.4375 = 4.1875, 12+7 = 19;  M 1.875+0 = 1.875, 1.5+0.75 = 2.25, 12.5+3.5 = 16
// 5. n: rural F age 2 -3 -> 16, migrant F age 0 +0.5 -> 1.5, hukou M age 1 +2.25 -> 17.5; netInternational -0.25
const expectedPopulation = [
  0.6875, 4.1875, 16,   1.875, 2.25, 16,
  1.5, 2.8125, 5.5,     1.125, 3.5, 7.625,
  0.8125, 18.5, 81.5,   1.5, 17.5, 43.375,
];
const expectedFlows = {
  births: 14,
  deaths: 123.5,
  ruralToUrban: 12,
  reclassified: 6.3125,
  conversions: 7.375,
  returns: 11.8125,
  netInternational: -0.25,
  // one region: nobody changes region
  inMigrants: 0,
  outMigrants: 0,
  netMigration: 0,
};

describe('runKernel(problem): one region, maxAge 2, one step by hand', () => {
  const result = runKernel(parseKernelProblem(oneRegion));

  it('keeps the base population as year 2020 and projects 2021', () => {
    expect(result.years).toEqual([2020, 2021]);
    expect(Array.from(result.population[0])).toEqual(oneRegion.population);
  });

  it('gives every cell of the 2021 population exactly', () => {
    expect(Array.from(result.population[1])).toEqual(expectedPopulation);
  });

  it('gives every flow of the step exactly', () => {
    for (const name of FLOW_NAMES) expect({ name, value: Array.from(result.flows[name]) }).toEqual({ name, value: [expectedFlows[name]] });
  });

  it('satisfies sum P(2021) = sum P(2020) + births - deaths + n: 336 + 14 - 123.5 - 0.25 = 226.25', () => {
    const total = (p: Float64Array) => p.reduce((x, y) => x + y, 0);
    expect(total(result.population[0])).toBe(336);
    expect(total(result.population[1])).toBe(226.25);
  });
});

describe('stepInto(regions, maxAge, P, inputs, out, scratch, flows)', () => {
  it('writes the same step into caller-owned buffers and leaves the movers in scratch', () => {
    const problem = parseKernelProblem(oneRegion);
    const out = new Float64Array(18).fill(NaN);
    const scratch = createStepScratch(1, 2);
    const flows = Object.fromEntries(FLOW_NAMES.map((name) => [name, new Float64Array(1)])) as StepFlows;
    const negative = stepInto(1, 2, problem.population, stepInputs(problem, 0), out, scratch, flows);
    expect(negative).toBe(-1);
    expect(Array.from(out)).toEqual(expectedPopulation);
    // mig and ret by origin, layout r,s,a (see the comments above)
    expect(Array.from(scratch.mig)).toEqual([0.75, 1.5, 2, 0.75, 2, 5]);
    expect(Array.from(scratch.ret)).toEqual([0.125, 0.4375, 7, 0, 0.75, 3.5]);
    expect(flows.returns[0]).toBe(11.8125);
  });

  it('returns the index of the first cell n makes negative: rural F age 2 holds 19 before n', () => {
    const problem = parseKernelProblem({ ...oneRegion, inputs: { ...oneRegion.inputs, n: oneRegion.inputs.n!.map((v, i) => (i === 2 ? -19.5 : v)) } });
    const out = new Float64Array(18);
    const flows = Object.fromEntries(FLOW_NAMES.map((name) => [name, new Float64Array(1)])) as StepFlows;
    expect(stepInto(1, 2, problem.population, stepInputs(problem, 0), out, createStepScratch(1, 2), flows)).toBe(2);
    expect(out[2]).toBe(-0.5);
  });
});

describe('births: B = sum fx*P_female at the start of the year, split by srb, survived by sb', () => {
  // One region, maxAge 1, only rural women aged 1 (10 of them) with fx 1 at age 1: B = 10.
  // srb 1.5: girls 10/2.5 = 4, boys 10*1.5/2.5 = 6; sb female 0.5, male 0.75:
  // surviving girls 2, boys 4.5; infant deaths 2 + 1.5 = 3.5; the mothers all die (sx 0): deaths 13.5.
  const doc: KernelProblemJSON = {
    format: 'chengzhen-kernel/1',
    dims: { regions: ['only'], maxAge: 1 },
    startYear: 2030,
    years: 1,
    population: [0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    inputs: {
      sx: new Array(12).fill(0),
      sb: [0.5, 0.75, 1, 1, 1, 1],
      fx: [0, 1, 0, 0, 0, 0],
      srb: [1.5],
      m: [0, 0, 0, 0],
      c: [0],
      k: [0, 0, 0, 0],
      q: [0, 0, 0, 0],
    },
  };
  const result = runKernel(parseKernelProblem(doc));

  it('puts 2 girls and 4.5 boys at age 0 of the mothers status', () => {
    expect(Array.from(result.population[1])).toEqual([2, 0, 4.5, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('counts all 10 births and the infant deaths among the deaths', () => {
    expect(result.flows.births[0]).toBe(10);
    expect(result.flows.deaths[0]).toBe(13.5);
  });

  it('gives migrant mothers migrant children and hukou mothers hukou children', () => {
    // 10 migrant women and 20 hukou women aged 1, fx 0.5: B migrant 5, B hukou 10, srb 1.5, sb 1
    const mixed = parseKernelProblem({
      ...doc,
      population: [0, 0, 0, 0, 0, 10, 0, 0, 0, 20, 0, 0],
      inputs: { ...doc.inputs, sb: [1, 1, 1, 1, 1, 1], fx: [0, 0, 0, 0.5, 0, 0.5] },
    });
    expect(Array.from(runKernel(mixed).population[1])).toEqual([0, 0, 0, 0, 2, 0, 3, 0, 4, 0, 6, 0]);
  });
});

describe('survival and ageing: the open age group', () => {
  it('merges the last two ages: S[A] = P[A-1]sx[A-1] + P[A]sx[A]', () => {
    // maxAge 1: S[1] = P[0]sx[0] + P[1]sx[1] = 8*0.5 + 4*0.25 = 5; S[0] = births = 0
    const doc: KernelProblemJSON = {
      format: 'chengzhen-kernel/1',
      dims: { regions: ['only'], maxAge: 1 },
      startYear: 2030,
      years: 1,
      population: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 4],
      inputs: {
        sx: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5, 0.25],
        sb: [1, 1, 1, 1, 1, 1],
        fx: [0, 0, 0, 0, 0, 0],
        srb: [1],
        m: [0, 0, 0, 0],
        c: [0],
        k: [0, 0, 0, 0],
        q: [0, 0, 0, 0],
      },
    };
    const result = runKernel(parseKernelProblem(doc));
    expect(Array.from(result.population[1])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5]);
    // deaths 8*0.5 + 4*0.75 = 7
    expect(result.flows.deaths[0]).toBe(7);
  });
});
