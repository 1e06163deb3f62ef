/**
 * The 2020 base population of every leaf unit by status, sex and single age 0..100+, in the
 * kernel's layout (model.md section 1), adding up to the province and national census rows.
 *
 * Steps per leaf:
 * 1. Counts reconciled to the province rows (`reconcileCountyCensus2020`).
 * 2. Ages: the 19 groups (0, 1-4, ..., 80-84, 85+) of each sex are split into single ages with the
 *    group-preserving cohort split (`splitAgeGroupsByCohort`), the cohort weights being the
 *    province's own single-age population (its 22 census groups to 100+ split by
 *    `splitAgeGroups`), so the province's birth waves (the 1959-1961 famine gap) carry into its
 *    counties. The open group 85+ is shared over 85..100+ in the proportions of the province's
 *    population at those ages.
 * 3. Status: the leaf's rural residents, migrants and urban hukou residents from
 *    `solveCountyStatusTotals` (national hukou urbanisation 45.4 %), split by age and sex with
 *    `splitByStatus` and its default age patterns.
 *
 * Every step keeps the sums of the one before, so the base adds up to each province's census row
 * by age group and sex, and to its urban and rural totals.
 */
import { CENSUS_2020_POPULATION_BY_AGE } from '../../../seeds/census2020/populationByAge.js';
import { COUNTY_CENSUS_AGE_GROUPS, COUNTY_CENSUS_AGE_STARTS } from '../../../seeds/census-counties/index.js';
import { ChengzhenError } from '../../errors.js';
import { splitAgeGroups } from '../demography/splitAgeGroups.js';
import { splitAgeGroupsByCohort } from '../demography/splitAgeGroupsByCohort.js';
import { splitByStatus } from '../statusSplit.js';
import { HUKOU_URBANISATION_2020, solveCountyStatusTotals } from './countyStatusTotals.js';
import { reconcileCountyCensus2020, type ReconciledCountyCensus } from './reconcileCountyCensus.js';

/**
 * The open age of the county base (100+).
 *
 * @example
 * COUNTY_BASE_MAX_AGE;
 * // => 100
 */
export const COUNTY_BASE_MAX_AGE = 100;

/** The county base: leaves and their population in the kernel layout. */
export interface CountyBase2020 {
  census: ReconciledCountyCensus;
  maxAge: number;
  /** `R*3*2*(A+1)` persons, `index(r, h, s, a) = ((r*3 + h)*2 + s)*(A+1) + a`, r = leaf index. */
  population: Float64Array;
  /** The k of the status rule (see `solveCountyStatusTotals`). */
  urbanFactor: number;
  /** Urban residents without local urban hukou, per leaf. */
  migrant: Float64Array;
  /** Urban residents with local urban hukou, per leaf. */
  hukou: Float64Array;
}

/** Options of `countyBase2020`. */
export interface CountyBase2020Options {
  /** Share of residents who are urban with local hukou, nationally (default 0.454). */
  hukouRate?: number;
  /** Reconciled census (default: `reconcileCountyCensus2020()`). */
  census?: ReconciledCountyCensus;
  /**
   * Relative weights of the three kinds of residents registered elsewhere in H (default 1 each);
   * k is refitted to the national rate, so only the weights' ratios move migrants between units.
   */
  registeredElsewhereWeights?: { sameCounty: number; otherCountySameProvince: number; otherProvince: number };
}

/**
 * Single ages 0..100+ of each province and sex from the census table of 22 groups, keyed by
 * province code (0 for the nation).
 *
 * @example
 * provinceSingleAges2020().get(310000)!.female.length;
 * // => 101
 */
export function provinceSingleAges2020(): Map<number, { female: Float64Array; male: Float64Array }> {
  const out = new Map<number, { female: Float64Array; male: Float64Array }>();
  for (const area of CENSUS_2020_POPULATION_BY_AGE.areas) {
    out.set(area.code, {
      female: splitAgeGroups(area.female, CENSUS_2020_POPULATION_BY_AGE.ageStarts),
      male: splitAgeGroups(area.male, CENSUS_2020_POPULATION_BY_AGE.ageStarts),
    });
  }
  return out;
}

/**
 * Splits a leaf's 19 age groups of one sex into single ages 0..100+ with a province's single-age
 * population as the shape (cohort weights below 85, old-age shares from 85).
 *
 * @example
 * const shape = new Float64Array(101).fill(1);
 * const groups = [1, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 16];
 * const single = ungroupCountyAges(groups, shape);
 * [single.length, single[3], single[100]];
 * // => [101, 1, 1]
 */
export function ungroupCountyAges(groups: ArrayLike<number>, provinceShape: ArrayLike<number>): Float64Array {
  const A = COUNTY_BASE_MAX_AGE;
  const open = COUNTY_CENSUS_AGE_STARTS[COUNTY_CENSUS_AGE_STARTS.length - 1];
  const cohorts = new Float64Array(open);
  for (let a = 0; a < open; a++) cohorts[a] = provinceShape[a];
  const split = splitAgeGroupsByCohort(groups, COUNTY_CENSUS_AGE_STARTS, cohorts);
  const out = new Float64Array(A + 1);
  out.set(split.subarray(0, open), 0);
  let old = 0;
  for (let a = open; a <= A; a++) old += provinceShape[a];
  const last = split[open];
  for (let a = open; a <= A; a++) out[a] = old > 0 ? (last * provinceShape[a]) / old : a === open ? last : 0;
  return out;
}

/**
 * Builds the 2020 base of every leaf unit (see above).
 *
 * @throws {ChengzhenError} when a leaf's province has no census age table, or the hukou rate
 *   cannot be reached
 * @example
 * const base = countyBase2020();
 * Math.round(base.population.reduce((s, v) => s + v, 0));
 * // => 1409778724
 */
export function countyBase2020(options: CountyBase2020Options = {}): CountyBase2020 {
  const census = options.census ?? reconcileCountyCensus2020();
  const v = census.values;
  const R = census.leaves.length;
  const A1 = COUNTY_BASE_MAX_AGE + 1;
  const w = options.registeredElsewhereWeights ?? { sameCounty: 1, otherCountySameProvince: 1, otherProvince: 1 };
  const bad = Object.entries(w).filter(([, x]) => !(x >= 0 && x < Infinity));
  if (bad.length > 0 || w.sameCounty + w.otherCountySameProvince + w.otherProvince === 0) {
    throw new ChengzhenError(
      (bad.length > 0 ? bad : [['sameCounty', 0]]).map(([key, x]) => ({
        code: 'out_of_range' as const,
        path: ['registeredElsewhereWeights', key],
        message: `registeredElsewhereWeights.${key} must be finite and >= 0, and the weights not all 0, received ${x}`,
        received: String(x),
      })),
    );
  }
  const hukouElsewhere = new Float64Array(R);
  for (let i = 0; i < R; i++) {
    hukouElsewhere[i] = w.sameCounty * v.hukou_elsewhere_same_county[i] + w.otherCountySameProvince * v.hukou_elsewhere_other_county_same_province[i] + w.otherProvince * v.hukou_elsewhere_other_province[i];
  }
  const totals = solveCountyStatusTotals({ population: v.population, urban: v.urban, hukouElsewhere }, options.hukouRate ?? HUKOU_URBANISATION_2020);
  const shapes = provinceSingleAges2020();
  const population = new Float64Array(R * 3 * 2 * A1);
  const groups = new Float64Array(COUNTY_CENSUS_AGE_GROUPS.length);
  for (let r = 0; r < R; r++) {
    const leaf = census.leaves[r];
    const shape = shapes.get(leaf.provinceCode);
    if (shape === undefined) {
      throw new ChengzhenError([{ code: 'invalid_value', path: ['counties', leaf.id, 'provinceCode'], message: `counties[${leaf.id}].provinceCode has no census age table, received ${leaf.provinceCode}` }]);
    }
    const bySex: { female: Float64Array; male: Float64Array } = { female: new Float64Array(A1), male: new Float64Array(A1) };
    for (const sex of ['female', 'male'] as const) {
      COUNTY_CENSUS_AGE_GROUPS.forEach((g, j) => {
        groups[j] = v[`${sex}_${g}`][r];
      });
      bySex[sex] = ungroupCountyAges(groups, shape[sex]);
    }
    const N = v.population[r];
    if (!(N > 0)) continue;
    const split = splitByStatus(bySex, v.urban[r] / N, totals.hukou[r] / N, undefined, ['counties', leaf.id]);
    const statuses = [split.rural, split.migrant, split.hukou];
    for (let h = 0; h < 3; h++) {
      population.set(statuses[h].female, ((r * 3 + h) * 2) * A1);
      population.set(statuses[h].male, ((r * 3 + h) * 2 + 1) * A1);
    }
  }
  return { census, maxAge: COUNTY_BASE_MAX_AGE, population, urbanFactor: totals.urbanFactor, migrant: totals.migrant, hukou: totals.hukou };
}
