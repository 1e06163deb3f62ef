/**
 * The registered (户籍) population of a region, carried a year at a time beside the kernel from
 * the stocks and flows it reports, for the official hukou urbanisation rate (户籍人口城镇化率).
 *
 * Two stocks besides the residents:
 * - `X_s`, residents of status s (rural or migrant) whose hukou is registered outside the region.
 *   Within a status they share every event of the year in proportion (births, whose children
 *   are registered where their parents are; deaths; hukou conversions and in-situ
 *   urbanisation; leavers to outside): with `x_s = X_s / R_s` at the start of the year,
 *
 *       X_s(t+1) = x_s * (R_s(t+1) - A_s - T_s) + A_s + x_o * T_s
 *
 *   where `R_s(t+1)` is the status's year-end residents, `A_s` the arrivals from outside into
 *   it (gross in-migrants and a positive net: all registered elsewhere) and `T_s` the moves
 *   into it from the other status o (rural-to-urban movers into migrant, returners into
 *   rural), which bring the registered-elsewhere share of where they came from.
 * - `Y`, persons registered in the region who live outside it, `Yu` of them with urban hukou.
 *   Local registrants among the leavers join them (`(1 - x_s)` of the leavers of status s, or
 *   `1 - leaversRegisteredElsewhereShare` where the scenario gives it, the registered-elsewhere
 *   part then leaving `X_s`; all leavers of the hukou status, with urban hukou); both change by the region's crude rate of
 *   natural increase of the year (births minus deaths over residents), an assumption: their
 *   children are registered at home and they die at the region's rate.
 * Arrivals into the hukou status from outside are new registrants (hukou moved in): they
 * change neither stock. International migrants (`netInternational`) are shared like the
 * status's own events.
 *
 * Then, with `H` the urban residents with local hukou:
 *
 *     registeredPopulation             = R - X + Y
 *     registeredHukouUrbanisationRate  = (H + Yu) / (R - X + Y)
 */

import { ChengzhenError } from '../errors.js';

/** The series a carry reads, for one region: year-end stocks by year index 0..T, flows by step 0..T-1. */
export interface RegisteredCarryInput {
  rural: ArrayLike<number>;
  migrant: ArrayLike<number>;
  hukou: ArrayLike<number>;
  births: ArrayLike<number>;
  deaths: ArrayLike<number>;
  /** Rural-to-urban movers (rural -> migrant) of each step. */
  ruralToUrban: ArrayLike<number>;
  /** Returners (migrant -> rural) of each step. */
  returns: ArrayLike<number>;
  /** Arrivals from outside of each step, by status. */
  arrivals: { rural: ArrayLike<number>; migrant: ArrayLike<number> };
  /** Leavers to outside of each step, by status. */
  leavers: { rural: ArrayLike<number>; migrant: ArrayLike<number>; hukou: ArrayLike<number> };
}

/** The registered stocks and the official rate of one region, by year index 0..T. */
export interface RegisteredSeries {
  /** Residents registered outside the region (`X`), all statuses. */
  residentsRegisteredElsewhere: Float64Array;
  /** Registrants living outside the region (`Y`). */
  registrantsOutside: Float64Array;
  /** `R - X + Y`. */
  registeredPopulation: Float64Array;
  /** `(H + Yu) / (R - X + Y)`, 0-1; 0 for an empty registered population. */
  registeredHukouUrbanisationRate: Float64Array;
}

/** The stocks at the end of the base year (`RegisteredStocks` of the scenario). */
export interface RegisteredStart {
  residentsRegisteredElsewhere: { rural: number; migrant: number };
  registrantsOutside: number;
  registrantsOutsideUrbanShare: number;
  /** Share of the rural and migrant leavers registered elsewhere; default their share of the status. */
  leaversRegisteredElsewhereShare?: number;
}

const shareOf = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/**
 * Carries a region's registered stocks from its base year (see the file comment for the
 * accounting). Pure: reads the series, returns new arrays. `region` and `firstYear` (the base
 * year) name where an error happened.
 *
 * @throws {ChengzhenError} when a given `leaversRegisteredElsewhereShare` takes more residents
 *   registered elsewhere than there are, naming the region, status and year.
 * @example
 * // 100 rural, 100 migrant (40 registered elsewhere), 100 hukou; 10 arrive as migrants; nothing else happens
 * const s = carryRegisteredStocks(
 *   { residentsRegisteredElsewhere: { rural: 0, migrant: 40 }, registrantsOutside: 20, registrantsOutsideUrbanShare: 0.5 },
 *   { rural: [100, 100], migrant: [100, 110], hukou: [100, 100], births: [0], deaths: [0], ruralToUrban: [0], returns: [0],
 *     arrivals: { rural: [0], migrant: [10] }, leavers: { rural: [0], migrant: [0], hukou: [0] } },
 * );
 * [s.residentsRegisteredElsewhere[1], s.registeredPopulation[1], s.registeredHukouUrbanisationRate[0]]   // 40 + 10; 310 - 50 + 20; (100 + 10) / 280
 * // => [50, 280, 0.39285714285714285]
 */
export function carryRegisteredStocks(start: RegisteredStart, input: RegisteredCarryInput, region = 'region', firstYear = 0): RegisteredSeries {
  const years = input.rural.length;
  const X = new Float64Array(years);
  const Y = new Float64Array(years);
  const registered = new Float64Array(years);
  const rate = new Float64Array(years);
  let xr = start.residentsRegisteredElsewhere.rural;
  let xm = start.residentsRegisteredElsewhere.migrant;
  let y = start.registrantsOutside;
  let yu = start.registrantsOutside * start.registrantsOutsideUrbanShare;
  for (let t = 0; ; t++) {
    const residents = input.rural[t] + input.migrant[t] + input.hukou[t];
    X[t] = xr + xm;
    Y[t] = y;
    registered[t] = residents - X[t] + y;
    rate[t] = shareOf(input.hukou[t] + yu, registered[t]);
    if (t === years - 1) break;
    const shareRural = shareOf(xr, input.rural[t]);
    const shareMigrant = shareOf(xm, input.migrant[t]);
    const inRural = input.arrivals.rural[t];
    const inMigrant = input.arrivals.migrant[t];
    const toRural = input.returns[t];
    const toMigrant = input.ruralToUrban[t];
    const natural = 1 + shareOf(input.births[t] - input.deaths[t], residents);
    const leaveRural = input.leavers.rural[t];
    const leaveMigrant = input.leavers.migrant[t];
    // leavers registered elsewhere: their share of the status, or the share the scenario gives
    const phiRural = start.leaversRegisteredElsewhereShare ?? shareRural;
    const phiMigrant = start.leaversRegisteredElsewhereShare ?? shareMigrant;
    const localLeavers = (1 - phiRural) * leaveRural + (1 - phiMigrant) * leaveMigrant;
    xr = shareRural * (input.rural[t + 1] - inRural - toRural + leaveRural) - phiRural * leaveRural + inRural + shareMigrant * toRural;
    xm = shareMigrant * (input.migrant[t + 1] - inMigrant - toMigrant + leaveMigrant) - phiMigrant * leaveMigrant + inMigrant + shareRural * toMigrant;
    if (xr < 0 || xm < 0) {
      const status = xr < 0 ? 'rural' : 'migrant';
      throw new ChengzhenError([
        {
          code: 'out_of_range',
          path: ['base', region, 'registered', 'leaversRegisteredElsewhereShare'],
          message: `base.${region}.registered.leaversRegisteredElsewhereShare takes more ${status} residents registered elsewhere in year ${firstYear + t + 1} than there are (${Math.round(xr < 0 ? xr : xm)} would be left): lower it or the out-flows`,
          expected: 'leavers registered elsewhere <= residents registered elsewhere',
          received: String(start.leaversRegisteredElsewhereShare),
        },
      ]);
    }
    y = y * natural + localLeavers + input.leavers.hukou[t];
    yu = yu * natural + input.leavers.hukou[t];
  }
  return { residentsRegisteredElsewhere: X, registrantsOutside: Y, registeredPopulation: registered, registeredHukouUrbanisationRate: rate };
}
