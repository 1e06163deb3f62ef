/**
 * How many residents of each leaf unit are urban without local urban hukou (status `migrant`):
 * the rule that pins the census's urban/rural split and its residents registered elsewhere
 * (户口登记地在外乡镇街道) to the national hukou urbanisation rate.
 *
 * The census gives, per unit, residents N, urban residents U and residents whose hukou is
 * registered in another township H (same county, another county of the province, another
 * province). It does not give how many of H live in urban areas. Rule (an assumption, documented
 * in docs/counties.md): a resident registered elsewhere lives in the unit's urban area with
 * probability k times the unit's urban share, capped so that no unit has more migrants than
 * urban residents:
 *
 *     M_i = min(U_i, k * H_i * U_i / N_i)
 *
 * with one national k chosen (by bisection) so that the urban residents with local hukou,
 * sum(U_i - M_i), are the national hukou urbanisation rate times the residents: 45.4 % in 2020
 * (Seventh census communique no. 7; the rate is supplied by the Ministry of Public Security).
 * Registered-elsewhere residents in towns are then the migrants; the few urban residents with a
 * local agricultural hukou count as `hukou` here, those with a hukou elsewhere as `migrant`.
 */
import { ChengzhenError } from '../../errors.js';

/**
 * The 2020 national hukou urbanisation rate, share of residents (45.4 %): Seventh census
 * communique no. 7 (the rate supplied by the Ministry of Public Security).
 *
 * @example
 * HUKOU_URBANISATION_2020;
 * // => 0.454
 */
export const HUKOU_URBANISATION_2020 = 0.454;

/** Per-leaf residents, urban residents and residents registered elsewhere (any of the three kinds). */
export interface CountyStatusInputs {
  population: ArrayLike<number>;
  urban: ArrayLike<number>;
  hukouElsewhere: ArrayLike<number>;
}

/** Migrants per leaf and the factor k that gave them. */
export interface CountyStatusTotals {
  /** k of the rule: registered-elsewhere residents in urban areas per registered-elsewhere resident, per unit of urban share. */
  urbanFactor: number;
  /** Urban residents without local urban hukou, per leaf. */
  migrant: Float64Array;
  /** Urban residents with local urban hukou, per leaf (U - M). */
  hukou: Float64Array;
}

/**
 * Migrants per leaf for a given factor k: `min(U, k H U / N)`.
 *
 * @example
 * migrantsForFactor({ population: [100], urban: [60], hukouElsewhere: [50] }, 1)[0];
 * // => 30
 */
export function migrantsForFactor(inputs: CountyStatusInputs, urbanFactor: number): Float64Array {
  const n = inputs.population.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const N = inputs.population[i];
    out[i] = N > 0 ? Math.min(inputs.urban[i], (urbanFactor * inputs.hukouElsewhere[i] * inputs.urban[i]) / N) : 0;
  }
  return out;
}

/**
 * Solves the rule's k so that urban residents with local hukou are `hukouRate` of all residents,
 * and returns the migrants and hukou residents per leaf.
 *
 * @param hukouRate target share of residents who are urban with local hukou (default 0.454)
 * @throws {ChengzhenError} when the rate is outside what the rule can reach: between
 *   `(U - min(U, H-based cap)) / N` and `U / N`
 * @example
 * const t = solveCountyStatusTotals({ population: [100, 100], urban: [80, 40], hukouElsewhere: [40, 10] }, 0.5);
 * [t.migrant[0] + t.migrant[1], Math.round(t.urbanFactor * 1e6) / 1e6];
 * // => [20, 0.555556]
 */
export function solveCountyStatusTotals(inputs: CountyStatusInputs, hukouRate: number = HUKOU_URBANISATION_2020): CountyStatusTotals {
  const n = inputs.population.length;
  let N = 0;
  let U = 0;
  let cap = 0;
  for (let i = 0; i < n; i++) {
    N += inputs.population[i];
    U += inputs.urban[i];
    cap += inputs.population[i] > 0 && inputs.hukouElsewhere[i] > 0 ? inputs.urban[i] : 0;
  }
  const target = U - hukouRate * N;
  if (!(target >= 0 && target <= cap)) {
    throw new ChengzhenError([{
      code: 'out_of_range',
      path: ['hukouRate'],
      message: `hukouRate must be in [${(U - cap) / N}, ${U / N}] for these units, received ${hukouRate}`,
      expected: `[${(U - cap) / N}, ${U / N}]`,
      received: String(hukouRate),
    }]);
  }
  const total = (k: number) => migrantsForFactor(inputs, k).reduce((s, v) => s + v, 0);
  let lo = 0;
  let hi = 1;
  while (total(hi) < target && hi < 1e12) hi *= 2;
  for (let iteration = 0; iteration < 200 && hi - lo > 1e-15 * hi; iteration++) {
    const mid = (lo + hi) / 2;
    if (total(mid) < target) lo = mid;
    else hi = mid;
  }
  const urbanFactor = (lo + hi) / 2;
  const migrant = migrantsForFactor(inputs, urbanFactor);
  // the last bits: scale the uncapped leaves so the national total is exact
  let capped = 0;
  let free = 0;
  for (let i = 0; i < n; i++) {
    if (migrant[i] === inputs.urban[i]) capped += migrant[i];
    else free += migrant[i];
  }
  if (free > 0) {
    const f = (target - capped) / free;
    for (let i = 0; i < n; i++) if (migrant[i] !== inputs.urban[i]) migrant[i] = Math.min(inputs.urban[i], migrant[i] * f);
  }
  const hukou = new Float64Array(n);
  for (let i = 0; i < n; i++) hukou[i] = inputs.urban[i] - migrant[i];
  return { urbanFactor, migrant, hukou };
}
