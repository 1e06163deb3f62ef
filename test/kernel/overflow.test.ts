import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { runKernel, runKernelIndicators } from '../../src/kernel/index.js';
import { LIMITS } from '../../src/limits.js';
import { parseKernelProblem } from '../../src/schema/kernelProblem.js';

function growing(years: number) {
  // every woman has 10 children a year and nobody dies: the population grows without bound
  return parseKernelProblem({
    format: 'chengzhen-kernel/1',
    dims: { regions: ['a'], maxAge: 2 },
    startYear: 1800,
    years,
    population: new Array(18).fill(1e12),
    inputs: { sx: new Array(18).fill(1), sb: new Array(6).fill(1), fx: new Array(9).fill(10), srb: [1], m: new Array(6).fill(0), c: [0], k: new Array(6).fill(0), q: new Array(6).fill(0) },
  });
}

describe('runKernel(problem): overflow and size', () => {
  it('throws not_finite naming the year and region where the population overflows, never returning Infinity', () => {
    const error = (() => {
      try {
        runKernelIndicators(growing(490));
      } catch (e) {
        return e as ChengzhenError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ChengzhenError);
    expect(error!.issues[0].code).toBe('not_finite');
    expect(error!.issues[0].message).toMatch(/^the projection overflowed in year=\d{4}, region=a/);
  });

  it('runs the same problem over a few years with finite results', () => {
    const result = runKernel(growing(5));
    for (const p of result.population) for (const v of p) expect(Number.isFinite(v)).toBe(true);
  });

  it('refuses to keep a result above LIMITS.maxResultCells before allocating it', () => {
    const regions = Array.from({ length: 2000 }, (_, i) => `r${i}`);
    const problem = { ...growing(1), regions, maxAge: 100, years: 200 };
    expect(() => runKernel(problem)).toThrowError(new RegExp(`within ${LIMITS.maxResultCells} population cells`));
  });
});
