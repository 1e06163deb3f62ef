import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import {
  FLOW_NAMES,
  STOCK_INDICATORS,
  createKernelWorkspace,
  indicatorSeries,
  kernelIndicators,
  runKernel,
  runKernelIndicators,
  type KernelIndicators,
} from '../../src/kernel/index.js';
import { parseKernelProblem } from '../../src/schema/kernelProblem.js';
import type { KernelProblemJSON } from '../../src/io/kernelJson.js';
import { firstBitDifference } from '../helpers/bits.js';
import { filled } from '../helpers/kernelDocs.js';
import { kernelDocArbitrary } from '../helpers/randomKernelDoc.js';
import { accurateSum } from '../helpers/sums.js';

// Three regions x, y, z, maxAge 1, everyone a woman aged 1, nobody dies or is born.
// x: rural 30, migrant 10, hukou 60; m 0.5, k 0.5. y: rural 75, migrant 25, nothing moves. z: empty.
const cell = (r: number, h: number) => ((r * 3 + h) * 2 + 0) * 2 + 1;
const population = filled(36, 0);
population[cell(0, 0)] = 30;
population[cell(0, 1)] = 10;
population[cell(0, 2)] = 60;
population[cell(1, 0)] = 75;
population[cell(1, 1)] = 25;
const threeRegions: KernelProblemJSON = {
  format: 'chengzhen-kernel/1',
  dims: { regions: ['x', 'y', 'z'], maxAge: 1 },
  startYear: 2020,
  years: 1,
  population,
  inputs: {
    sx: filled(36, 1),
    sb: filled(18, 1),
    fx: filled(18, 0),
    srb: [1, 1, 1],
    m: [...filled(4, 0.5), ...filled(8, 0)],
    c: [0, 0, 0],
    k: [...filled(4, 0.5), ...filled(8, 0)],
    q: filled(12, 0),
  },
};
// 2021, x: 15 of the 30 rural move to the city (migrants 10 - 5 converted + 15 = 20), hukou 60 + 5 = 65.
// Totals 2020: rural 105, migrant 35, hukou 60, population 200; 2021: rural 90, migrant 45, hukou 65.

describe('kernelIndicators(result) on three regions by hand', () => {
  const ind = kernelIndicators(runKernel(parseKernelProblem(threeRegions)));
  // index r = 0..2 a region, 3 all regions; stocks yearIndex*4 + r
  const at = (name: (typeof STOCK_INDICATORS)[number], year: number, r: number) => ind.stocks[name][year * 4 + r];

  it('counts each status and the population per region and in total', () => {
    expect([0, 1, 2, 3].map((r) => [at('rural', 0, r), at('migrant', 0, r), at('hukou', 0, r), at('population', 0, r)])).toEqual([
      [30, 10, 60, 100],
      [75, 25, 0, 100],
      [0, 0, 0, 0],
      [105, 35, 60, 200],
    ]);
    expect([0, 1, 2, 3].map((r) => [at('rural', 1, r), at('migrant', 1, r), at('hukou', 1, r), at('population', 1, r)])).toEqual([
      [15, 20, 65, 100],
      [75, 25, 0, 100],
      [0, 0, 0, 0],
      [90, 45, 65, 200],
    ]);
  });

  it('gives resident and hukou urbanisation rates and their gap', () => {
    // x 2020: (10 + 60)/100 = 0.7, 60/100 = 0.6, gap 0.1; 2021: 0.85, 0.65, 0.2
    expect(at('residentUrbanisationRate', 0, 0)).toBe(0.7);
    expect(at('hukouUrbanisationRate', 0, 0)).toBe(0.6);
    expect(at('urbanisationGap', 0, 0)).toBeCloseTo(0.1, 15);
    expect(at('residentUrbanisationRate', 1, 0)).toBe(0.85);
    expect(at('hukouUrbanisationRate', 1, 0)).toBe(0.65);
    expect(at('urbanisationGap', 1, 0)).toBeCloseTo(0.2, 15);
    // y: 25/100 resident, no hukou
    expect([at('residentUrbanisationRate', 0, 1), at('hukouUrbanisationRate', 0, 1), at('urbanisationGap', 0, 1)]).toEqual([0.25, 0, 0.25]);
    // all regions 2020: 95/200 = 0.475, 60/200 = 0.3; 2021: 110/200 = 0.55, 65/200 = 0.325
    expect([at('residentUrbanisationRate', 0, 3), at('hukouUrbanisationRate', 0, 3)]).toEqual([0.475, 0.3]);
    expect([at('residentUrbanisationRate', 1, 3), at('hukouUrbanisationRate', 1, 3)]).toEqual([0.55, 0.325]);
    expect(at('urbanisationGap', 1, 3)).toBeCloseTo(0.225, 15);
  });

  it('reports rates of 0 for an empty region, never NaN', () => {
    expect(STOCK_INDICATORS.map((name) => at(name, 1, 2))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives the flows per region and in total', () => {
    // flows indexed step*4 + r
    expect(Array.from(ind.flows.ruralToUrban)).toEqual([15, 0, 0, 15]);
    expect(Array.from(ind.flows.conversions)).toEqual([5, 0, 0, 5]);
    expect(Array.from(ind.flows.deaths)).toEqual([0, 0, 0, 0]);
  });

  it('lists the regions and the years', () => {
    expect(ind.regions).toEqual(['x', 'y', 'z']);
    expect(ind.years).toEqual([2020, 2021]);
  });
});

describe('indicatorSeries(indicators, name, region)', () => {
  const ind = kernelIndicators(runKernel(parseKernelProblem(threeRegions)));

  it('gives one region by id and by index', () => {
    expect(indicatorSeries(ind, 'migrant', 'x')).toEqual([10, 20]);
    expect(indicatorSeries(ind, 'migrant', 0)).toEqual([10, 20]);
    expect(indicatorSeries(ind, 'hukouUrbanisationRate', 'y')).toEqual([0, 0]);
  });

  it('gives all regions together by default and at index R', () => {
    expect(indicatorSeries(ind, 'population')).toEqual([200, 200]);
    expect(indicatorSeries(ind, 'residentUrbanisationRate', 3)).toEqual([0.475, 0.55]);
  });

  it('gives flows by step, one fewer than the years', () => {
    expect(indicatorSeries(ind, 'ruralToUrban')).toEqual([15]);
    expect(indicatorSeries(ind, 'conversions', 'x')).toEqual([5]);
  });

  it('throws for an unknown region id, a negative, too large or fractional index', () => {
    const error = (region: string | number) => {
      try {
        indicatorSeries(ind, 'population', region);
      } catch (e) {
        expect(e).toBeInstanceOf(ChengzhenError);
        return (e as ChengzhenError).issues[0];
      }
      throw new Error(`no error for ${region}`);
    };
    expect(error('w')).toMatchInlineSnapshot(`
      {
        "code": "invalid_value",
        "expected": "a region id or an index in [0, 3]",
        "message": "region "w" is not one of the 3 regions (x, y, z)",
        "path": [
          "region",
        ],
        "received": "w",
      }
    `);
    expect(error(4).message).toMatchInlineSnapshot(`"region 4 is not one of the 3 regions (x, y, z)"`);
    expect(error(-1).received).toBe('-1');
    expect(error(0.5).received).toBe('0.5');
  });
});

describe('runKernelIndicators(problem)', () => {
  const sameIndicators = (a: KernelIndicators, b: KernelIndicators): string | null => {
    if (JSON.stringify([a.regions, a.years]) !== JSON.stringify([b.regions, b.years])) return 'regions or years';
    for (const name of STOCK_INDICATORS) if (firstBitDifference(a.stocks[name], b.stocks[name]) !== -1) return name;
    for (const name of FLOW_NAMES) if (firstBitDifference(a.flows[name], b.flows[name]) !== -1) return name;
    return null;
  };

  it('equals kernelIndicators(runKernel(problem)) exactly', () => {
    fc.assert(
      fc.property(kernelDocArbitrary({ regions: [1, 5], maxAge: [2, 6], years: [1, 6] }), (doc) => {
        const problem = parseKernelProblem(doc);
        const difference = sameIndicators(runKernelIndicators(problem), kernelIndicators(runKernel(problem)));
        if (difference !== null) throw new Error(`${difference} differs`);
      }),
      { seed: 16_180, numRuns: 100 },
    );
  });

  it('gives the same indicators with a reused workspace', () => {
    const problem = parseKernelProblem(threeRegions);
    const workspace = createKernelWorkspace(3, 1);
    expect(sameIndicators(runKernelIndicators(problem, workspace), runKernelIndicators(problem, workspace))).toBeNull();
    expect(sameIndicators(runKernelIndicators(problem, workspace), kernelIndicators(runKernel(problem)))).toBeNull();
  });

  it('gives totals equal to the sum of the regions, and total rates from the totals', () => {
    fc.assert(
      fc.property(kernelDocArbitrary({ regions: [1, 5], maxAge: [2, 6], years: [1, 6] }), (doc) => {
        const ind = runKernelIndicators(parseKernelProblem(doc));
        const R = ind.regions.length;
        const check = (values: Float64Array, rows: number, name: string) => {
          for (let row = 0; row < rows; row++) {
            const regions = Array.from(values.subarray(row * (R + 1), row * (R + 1) + R));
            const total = values[row * (R + 1) + R];
            const sum = accurateSum(regions);
            if (!(Math.abs(total - sum) <= 1e-14 * Math.max(1, Math.abs(sum)))) throw new Error(`${name} row ${row}: total ${total}, sum ${sum}`);
          }
        };
        for (const name of ['population', 'rural', 'migrant', 'hukou'] as const) check(ind.stocks[name], ind.years.length, name);
        for (const name of FLOW_NAMES) check(ind.flows[name], ind.years.length - 1, name);
        ind.years.forEach((_, y) => {
          const total = y * (R + 1) + R;
          const pop = ind.stocks.population[total];
          const resident = pop > 0 ? (ind.stocks.migrant[total] + ind.stocks.hukou[total]) / pop : 0;
          if (!(Math.abs(ind.stocks.residentUrbanisationRate[total] - resident) <= 1e-15)) throw new Error(`resident rate of year ${y}`);
          for (const name of STOCK_INDICATORS) {
            for (let r = 0; r <= R; r++) {
              const v = ind.stocks[name][y * (R + 1) + r];
              if (!Number.isFinite(v)) throw new Error(`${name} is ${v}`);
            }
          }
        });
      }),
      { seed: 16_181, numRuns: 100 },
    );
  });
});
