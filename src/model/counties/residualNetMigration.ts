/**
 * Residual net migration 2010-2020 per matched unit, sex and age: the 2020 population aged x+10
 * less the 2010 population aged x carried forward with a ten-year survival schedule,
 *
 *     resid(x + 10) = P2020(x + 10) - S10(x) * P2010(x),    x = 0 .. A-11,
 *     resid(A)      = P2020(A) - sum_{x >= A-10} S10(x) * P2010(x)      (open group A+),
 *
 * the input for fitting destination weights (counties.md, "Migration between units"). Ages 0-9
 * in 2020 were born during the decade and need births, so they are left at 0 and `firstAge` is 10.
 * Residuals also carry the two censuses' coverage differences: fit to them, do not copy them.
 */
import { CENSUS_2010_COUNTIES, COUNTY_CENSUS_AGE_GROUPS } from '../../../seeds/census-counties/index.js';
import { ChengzhenError } from '../../errors.js';
import { COUNTY_BASE_MAX_AGE, provinceSingleAges2020, ungroupCountyAges, type CountyBase2020 } from './countyBase2020.js';
import type { CensusMatch } from './matchCensus2010.js';

/** A population of one place by sex and single age 0..A (A open). */
export interface BySexAge {
  female: Float64Array;
  male: Float64Array;
}

/** Ten-year survival by sex: index x is the probability that a person aged x survives ten years (x = A: the open group). */
export interface TenYearSurvival {
  female: ArrayLike<number>;
  male: ArrayLike<number>;
}

/** Residual net migration of one place; ages below `firstAge` are 0 (not defined). */
export interface ResidualNetMigration extends BySexAge {
  firstAge: number;
}

/**
 * Residual net migration of one place from its 2010 and 2020 populations by single age.
 *
 * @throws {ChengzhenError} when lengths differ or a survival is outside [0, 1]
 * @example
 * const p2010 = { female: new Float64Array(21).fill(100), male: new Float64Array(21).fill(100) };
 * const p2020 = { female: new Float64Array(21).fill(95), male: new Float64Array(21).fill(95) };
 * const s = { female: new Float64Array(21).fill(0.9), male: new Float64Array(21).fill(0.9) };
 * const r = residualNetMigrationOf(p2010, p2020, s);
 * [r.female[9], r.female[10], r.female[20]];
 * // => [0, 5, -895]
 */
export function residualNetMigrationOf(p2010: BySexAge, p2020: BySexAge, survival10: TenYearSurvival): ResidualNetMigration {
  const A1 = p2020.female.length;
  const issues = [];
  for (const sex of ['female', 'male'] as const) {
    for (const [name, arr] of [['p2010', p2010[sex]], ['p2020', p2020[sex]], ['survival10', survival10[sex]]] as const) {
      if (arr.length !== A1) issues.push({ code: 'wrong_length' as const, path: [name, sex], message: `${name}.${sex} must have ${A1} ages, received ${arr.length}`, received: String(arr.length) });
    }
    for (let x = 0; x < survival10[sex].length; x++) {
      const s = survival10[sex][x];
      if (!(s >= 0 && s <= 1)) issues.push({ code: 'out_of_range' as const, path: ['survival10', sex, x], message: `survival10.${sex}[${x}] must be in [0, 1], received ${s}`, expected: '[0, 1]', received: String(s) });
    }
  }
  if (issues.length > 0) throw new ChengzhenError(issues);
  const A = A1 - 1;
  const out = { female: new Float64Array(A1), male: new Float64Array(A1), firstAge: 10 };
  for (const sex of ['female', 'male'] as const) {
    const s = survival10[sex];
    for (let x = 0; x + 10 < A; x++) out[sex][x + 10] = p2020[sex][x + 10] - s[x] * p2010[sex][x];
    let survivors = 0;
    for (let x = Math.max(0, A - 10); x <= A; x++) survivors += s[x] * p2010[sex][x];
    out[sex][A] = p2020[sex][A] - survivors;
  }
  return out;
}

/** Populations by single age of every matched unit in both years. */
export interface MatchedUnitPopulations {
  /** Per unit, 2010 residents by sex and single age 0..100+. */
  p2010: readonly BySexAge[];
  /** Per unit, 2020 residents by sex and single age 0..100+ (all statuses). */
  p2020: readonly BySexAge[];
}

/**
 * The 2010 and 2020 populations of every matched unit by sex and single age. 2020 from the
 * county base; 2010 from the 2010 leaves' 19 groups split like the 2020 ones, with the province's
 * 2020 population at age x+10 as the cohort weight of age x (the same birth cohorts ten years
 * on) and its 2020 shape over 85..100+ for the open group. A missing 2010 cell (4 in all) is 0. The 2010
 * age groups are used as published: in a few leaves they add up to a little more or less than
 * the leaf's residents (29,994 more in all).
 *
 * @example
 * const m = matchCensus2010();
 * const pops = matchedUnitPopulations(m, countyBase2020());
 * Math.round(pops.p2010.reduce((s, p) => s + p.female.reduce((a, b) => a + b, 0) + p.male.reduce((a, b) => a + b, 0), 0));
 * // => 1332840863
 */
export function matchedUnitPopulations(match: CensusMatch, base: CountyBase2020): MatchedUnitPopulations {
  const A1 = COUNTY_BASE_MAX_AGE + 1;
  const shapes = provinceSingleAges2020();
  const p2020 = match.units.map(() => ({ female: new Float64Array(A1), male: new Float64Array(A1) }));
  const p2010 = match.units.map(() => ({ female: new Float64Array(A1), male: new Float64Array(A1) }));
  match.leaves2020.leaves.forEach((_, r) => {
    const target = p2020[match.unitOf2020[r]];
    for (let h = 0; h < 3; h++) {
      for (const [s, sex] of (['female', 'male'] as const).entries()) {
        const offset = ((r * 3 + h) * 2 + s) * A1;
        for (let a = 0; a < A1; a++) target[sex][a] += base.population[offset + a];
      }
    }
  });
  const groups = new Float64Array(COUNTY_CENSUS_AGE_GROUPS.length);
  const numbers = CENSUS_2010_COUNTIES.numbers;
  match.leaves2010.leaves.forEach((leaf, j) => {
    const shape2020 = shapes.get(leaf.provinceCode) ?? shapes.get(0)!;
    const target = p2010[match.unitOf2010[j]];
    for (const sex of ['female', 'male'] as const) {
      const shape = new Float64Array(A1);
      for (let a = 0; a < A1; a++) shape[a] = a < 85 ? shape2020[sex][Math.min(a + 10, A1 - 1)] : shape2020[sex][a];
      COUNTY_CENSUS_AGE_GROUPS.forEach((g, k) => {
        groups[k] = numbers[`${sex}_${g}`][leaf.row] ?? 0;
      });
      const single = ungroupCountyAges(groups, shape);
      for (let a = 0; a < A1; a++) target[sex][a] += single[a];
    }
  });
  return { p2010, p2020 };
}
