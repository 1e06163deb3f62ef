import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carryCounties } from '../../../src/model/counties/carryCounties.js';

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, v) => s + v, 0);

describe('carryCounties', () => {
  it('ages the cohorts, keeps the youngest ages, and rakes to the national margin (hand-computed)', () => {
    // one county, one sex pair, ages 0..2 (2 open); 2020: female [10, 20, 30], male [10, 20, 30]
    const c = carryCounties({
      population2020: Float64Array.from([10, 20, 30, 10, 20, 30]),
      urbanShare2020: [0.5],
      hukouShareOfUrban2020: [0.5],
      years: 1,
      national: { female: [10, 10, 50], male: [10, 10, 50] },
      residentUrbanisationRate: 0.5,
      hukouUrbanisationRate: 0.25,
    });
    // after a year: age 0 keeps 10, age 1 = the 10 aged 0, open 2 = 20 + 30; with one county the margin is the answer
    expect(Array.from(c.population)).toEqual([10, 10, 50, 10, 10, 50]);
    expect(c.residentUrbanisationRate[0]).toBeCloseTo(0.5, 12);
    expect(c.hukouUrbanisationRate[0]).toBeCloseTo(0.25, 12);
    expect(c.urbanShift).toBeCloseTo(0, 9);
  });

  it('adds up to the national margin cell by cell and to the national rates; each county keeps its 2020 share; hukou <= urban', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 8, maxLength: 8 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.double({ min: 0.05, max: 0.95, noNaN: true })), { minLength: 2, maxLength: 6 }),
        fc.double({ min: 0.3, max: 0.7, noNaN: true }),
        (counties, urbanRate) => {
          const A1 = 4;
          const population2020 = Float64Array.from(counties.flatMap((c) => c[0]));
          const national = { female: [0, 0, 0, 0], male: [0, 0, 0, 0] };
          // national margin: the sum of the counties aged one year, times 1.1
          for (const [cells] of counties) {
            for (let s = 0; s < 2; s++) {
              const sex = s === 0 ? national.female : national.male;
              for (let a = 0; a < A1; a++) sex[Math.min(A1 - 1, a + 1)] += 1.1 * cells[s * A1 + a];
              sex[0] += 1.1 * cells[s * A1];
            }
          }
          const c = carryCounties({
            population2020,
            urbanShare2020: counties.map((x) => x[1]),
            hukouShareOfUrban2020: counties.map((x) => x[2]),
            years: 1,
            national,
            residentUrbanisationRate: urbanRate,
            hukouUrbanisationRate: urbanRate * 0.6,
            iterations: 500,
          });
          const R = counties.length;
          for (let s = 0; s < 2; s++) {
            for (let a = 0; a < A1; a++) {
              let cell = 0;
              for (let r = 0; r < R; r++) cell += c.population[(r * 2 + s) * A1 + a];
              const want = (s === 0 ? national.female : national.male)[a];
              expect(Math.abs(cell - want)).toBeLessThanOrEqual(1e-9 * want);
            }
          }
          const total = sum(c.total);
          let urban = 0;
          let hukou = 0;
          for (let r = 0; r < R; r++) {
            urban += c.residentUrbanisationRate[r] * c.total[r];
            hukou += c.hukouUrbanisationRate[r] * c.total[r];
            expect(c.hukouUrbanisationRate[r]).toBeLessThanOrEqual(c.residentUrbanisationRate[r]);
          }
          expect(urban / total).toBeCloseTo(urbanRate, 9);
          expect(hukou / total).toBeCloseTo(urbanRate * 0.6, 9);
          // the margin is consistent with the counties' shares, so the county totals are met too
          expect(c.countyTotalGap).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 60, seed: 15 },
    );
  });

  it('refuses shares outside [0, 1], naming each', () => {
    expect(() =>
      carryCounties({ population2020: new Float64Array(4), urbanShare2020: [1.2], hukouShareOfUrban2020: [-0.1], years: 1, national: { female: [1, 1], male: [1, 1] }, residentUrbanisationRate: 0.5, hukouUrbanisationRate: 0.2 }),
    ).toThrow('urbanShare2020[0] must be in [0, 1], received 1.2\nhukouShareOfUrban2020[0] must be in [0, 1], received -0.1');
  });
});
