import { describe, expect, it } from 'vitest';
import { decodeIndex, populationIndex, shapeLength } from '../../src/kernel/index.js';

describe('populationIndex(dims, r, h, s, a)', () => {
  it('puts age fastest: ((r*3 + h)*2 + s)*(A+1) + a', () => {
    // ((1*3 + 2)*2 + 0)*101 + 30 = 10*101 + 30 = 1040
    expect(populationIndex({ regions: 2, maxAge: 100 }, 1, 2, 0, 30)).toBe(1040);
    expect(populationIndex({ regions: 1, maxAge: 2 }, 0, 1, 1, 2)).toBe(11);
  });
});

describe('decodeIndex(shape, dims, index)', () => {
  it('decodes a population index into region, status, sex and age', () => {
    expect(decodeIndex('rhsa', { regions: 2, maxAge: 100 }, 1040)).toEqual({ region: 1, status: 2, sex: 0, age: 30 });
  });

  it('inverts populationIndex for every cell of a small layout', () => {
    const dims = { regions: 3, maxAge: 4 };
    for (let r = 0; r < 3; r++)
      for (let h = 0; h < 3; h++)
        for (let s = 0; s < 2; s++)
          for (let a = 0; a <= 4; a++) expect(decodeIndex('rhsa', dims, populationIndex(dims, r, h, s, a))).toEqual({ region: r, status: h, sex: s, age: a });
  });

  it('decodes the other shapes in their own axis order', () => {
    const dims = { regions: 2, maxAge: 2 };
    // r,h,s: (1*3 + 2)*2 + 1 = 11
    expect(decodeIndex('rhs', dims, 11)).toEqual({ region: 1, status: 2, sex: 1 });
    // r,h,a: (1*3 + 0)*3 + 2 = 11
    expect(decodeIndex('rha', dims, 11)).toEqual({ region: 1, status: 0, age: 2 });
    // r,s,a: (1*2 + 0)*3 + 1 = 7
    expect(decodeIndex('rsa', dims, 7)).toEqual({ region: 1, sex: 0, age: 1 });
    expect(decodeIndex('r', dims, 1)).toEqual({ region: 1 });
    // i,j row-major: 1*2 + 0 = 2
    expect(decodeIndex('rr', dims, 2)).toEqual({ from: 1, to: 0 });
  });
});

describe('shapeLength(shape, dims)', () => {
  it('gives R*606 cells for a population of 101 ages', () => {
    const dims = { regions: 31, maxAge: 100 };
    expect(['rhsa', 'rhs', 'rha', 'rsa', 'r', 'rr'].map((shape) => shapeLength(shape as Parameters<typeof shapeLength>[0], dims))).toEqual([
      31 * 606,
      31 * 6,
      31 * 303,
      31 * 202,
      31,
      31 * 31,
    ]);
  });
});
