/**
 * The registered (户籍) stocks carried beside the kernel: hand-computed years, the invariants
 * of the accounting (0 <= X_s <= R_s, a region without stocks elsewhere or outside gives the
 * resident-based rate bit for bit), and the error when the leavers take more than there is.
 */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { carryRegisteredStocks, type RegisteredCarryInput } from '../../src/model/registeredStocks.js';

/** One year: 100 of each status, then the flows below and these year-end stocks. */
const YEAR: RegisteredCarryInput = {
  rural: [100, 95],
  migrant: [100, 115],
  hukou: [100, 102],
  births: [6],
  deaths: [3],
  ruralToUrban: [10],
  returns: [5],
  arrivals: { rural: [2], migrant: [8] },
  leavers: { rural: [4], migrant: [6], hukou: [3] },
};
const START = { residentsRegisteredElsewhere: { rural: 10, migrant: 40 }, registrantsOutside: 20, registrantsOutsideUrbanShare: 0.5 };

describe('carryRegisteredStocks(start, input)', () => {
  it('the base year: registered = R - X + Y, the official rate (H + Yu) / registered', () => {
    const s = carryRegisteredStocks(START, YEAR);
    expect(s.residentsRegisteredElsewhere[0]).toBe(50);
    expect(s.registrantsOutside[0]).toBe(20);
    expect(s.registeredPopulation[0]).toBe(270); // 300 - 50 + 20
    expect(s.registeredHukouUrbanisationRate[0]).toBe(110 / 270); // (100 + 10) / 270
  });

  it('one year by hand: each status keeps its share through its own events, arrivals are all registered elsewhere', () => {
    // x_r = 0.1, x_m = 0.4; leavers registered elsewhere in the status's share
    // X_r = 0.1 * (95 - 2 - 5 + 4) - 0.1 * 4 + 2 + 0.4 * 5 = 12.8
    // X_m = 0.4 * (115 - 8 - 10 + 6) - 0.4 * 6 + 8 + 0.1 * 10 = 47.8
    // Y = 20 * (1 + 3/300) + (0.9 * 4 + 0.6 * 6) + 3 = 30.4; Yu = 10 * 1.01 + 3 = 13.1
    const s = carryRegisteredStocks(START, YEAR);
    expect(s.residentsRegisteredElsewhere[1]).toBeCloseTo(12.8 + 47.8, 12);
    expect(s.registrantsOutside[1]).toBeCloseTo(30.4, 12);
    expect(s.registeredPopulation[1]).toBeCloseTo(312 - 60.6 + 30.4, 12);
    expect(s.registeredHukouUrbanisationRate[1]).toBeCloseTo((102 + 13.1) / 281.8, 12);
  });

  it('leaversRegisteredElsewhereShare 1: the leavers of rural and migrant all leave X, none join Y', () => {
    // X_r = 0.1 * 92 - 4 + 2 + 0.4 * 5 = 9.2; X_m = 0.4 * 103 - 6 + 8 + 0.1 * 10 = 44.2; Y = 20.2 + 3
    const s = carryRegisteredStocks({ ...START, leaversRegisteredElsewhereShare: 1 }, YEAR);
    expect(s.residentsRegisteredElsewhere[1]).toBeCloseTo(9.2 + 44.2, 12);
    expect(s.registrantsOutside[1]).toBeCloseTo(23.2, 12);
  });

  it('throws naming region, status and year when the leavers registered elsewhere outnumber them', () => {
    // X_m = 0.01 * (115 - 10 + 6) - 6 + 0.1 * 10 = -3.89 without arrivals
    const few = { ...START, residentsRegisteredElsewhere: { rural: 10, migrant: 1 }, leaversRegisteredElsewhereShare: 1 };
    const noArrivals = { ...YEAR, arrivals: { rural: [0], migrant: [0] } };
    expect(() => carryRegisteredStocks(few, noArrivals, 'shandong', 2020)).toThrow(ChengzhenError);
    expect(() => carryRegisteredStocks(few, noArrivals, 'shandong', 2020)).toThrowErrorMatchingInlineSnapshot(
      `[ChengzhenError: base.shandong.registered.leaversRegisteredElsewhereShare takes more migrant residents registered elsewhere in year 2021 than there are (-4 would be left): lower it or the out-flows]`,
    );
  });

  it('with no stocks elsewhere or outside and no flows with outside, the official rate is hukou / residents, bit for bit', () => {
    const none = { residentsRegisteredElsewhere: { rural: 0, migrant: 0 }, registrantsOutside: 0, registrantsOutsideUrbanShare: 0 };
    const closed = { ...YEAR, arrivals: { rural: [0], migrant: [0] }, leavers: { rural: [0], migrant: [0], hukou: [0] } };
    const s = carryRegisteredStocks(none, closed);
    expect(Array.from(s.registeredPopulation)).toEqual([300, 312]);
    expect(Array.from(s.registeredHukouUrbanisationRate)).toEqual([100 / 300, 102 / 312]);
    expect(Array.from(s.residentsRegisteredElsewhere)).toEqual([0, 0]);
  });

  it('arrivals from outside join X, local leavers join Y, even from empty stocks', () => {
    const none = { residentsRegisteredElsewhere: { rural: 0, migrant: 0 }, registrantsOutside: 0, registrantsOutsideUrbanShare: 0 };
    const s = carryRegisteredStocks(none, YEAR);
    expect(s.residentsRegisteredElsewhere[1]).toBe(10); // 2 + 8 arrivals
    expect(s.registrantsOutside[1]).toBe(13); // 4 + 6 + 3 leavers, all local
  });

  it('invariant: 0 <= X_s <= R_s every year over consistent random flows, and X_s = R_s stays so without local registrants', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let run = 0; run < 50; run++) {
      const years = 20;
      const rural = [1000 * (1 + random())];
      const migrant = [1000 * (1 + random())];
      const hukou = [1000 * (1 + random())];
      const flows = { births: [] as number[], deaths: [] as number[], ruralToUrban: [] as number[], returns: [] as number[], ar: [] as number[], am: [] as number[], lr: [] as number[], lm: [] as number[], lh: [] as number[] };
      for (let t = 0; t < years; t++) {
        const [r, m, h] = [rural[t], migrant[t], hukou[t]];
        const f = (x: number, share: number) => x * share * random();
        const dr = f(r, 0.02), dm = f(m, 0.02), dh = f(h, 0.02);
        const br = f(r, 0.02), bm = f(m, 0.02), bh = f(h, 0.02);
        const moveUp = f(r - dr, 0.05), moveDown = f(m - dm, 0.02), conv = f(m - dm - moveDown, 0.05);
        const ar = 50 * random(), am = 100 * random();
        const lr = f(r - dr - moveUp, 0.05), lm = f(m - dm - moveDown - conv, 0.05), lh = f(h - dh, 0.02);
        rural.push(r - dr + br - moveUp + moveDown + ar - lr);
        migrant.push(m - dm + bm - moveDown - conv + moveUp + am - lm);
        hukou.push(h - dh + bh + conv - lh);
        flows.births.push(br + bm + bh);
        flows.deaths.push(dr + dm + dh);
        flows.ruralToUrban.push(moveUp);
        flows.returns.push(moveDown);
        flows.ar.push(ar); flows.am.push(am); flows.lr.push(lr); flows.lm.push(lm); flows.lh.push(lh);
      }
      const input: RegisteredCarryInput = {
        rural, migrant, hukou, births: flows.births, deaths: flows.deaths, ruralToUrban: flows.ruralToUrban, returns: flows.returns,
        arrivals: { rural: flows.ar, migrant: flows.am }, leavers: { rural: flows.lr, migrant: flows.lm, hukou: flows.lh },
      };
      const start = { residentsRegisteredElsewhere: { rural: rural[0] * random(), migrant: migrant[0] * random() }, registrantsOutside: 500 * random(), registrantsOutsideUrbanShare: random() };
      const s = carryRegisteredStocks(start, input);
      for (let t = 0; t <= years; t++) {
        const R = rural[t] + migrant[t] + hukou[t];
        expect(s.residentsRegisteredElsewhere[t]).toBeGreaterThanOrEqual(0);
        expect(s.residentsRegisteredElsewhere[t]).toBeLessThanOrEqual((rural[t] + migrant[t]) * (1 + 1e-12));
        expect(s.registrantsOutside[t]).toBeGreaterThanOrEqual(0);
        expect(s.registeredPopulation[t]).toBeCloseTo(R - s.residentsRegisteredElsewhere[t] + s.registrantsOutside[t], 8);
        expect(s.registeredHukouUrbanisationRate[t]).toBeGreaterThan(0);
        expect(s.registeredHukouUrbanisationRate[t]).toBeLessThanOrEqual(1);
      }
      // everyone in rural and migrant registered elsewhere: they stay so (x_s = 1 throughout)
      const all = carryRegisteredStocks({ residentsRegisteredElsewhere: { rural: rural[0], migrant: migrant[0] }, registrantsOutside: 0, registrantsOutsideUrbanShare: 0 }, input);
      for (let t = 0; t <= years; t++) expect(all.residentsRegisteredElsewhere[t] / (rural[t] + migrant[t])).toBeCloseTo(1, 10);
    }
  });
});
