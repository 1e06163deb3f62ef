/**
 * The 2020 county census reconciled: every leaf unit's counts (population, sex, urban/rural, the
 * 19 age groups by sex, residents registered elsewhere) made to add up exactly to their province
 * rows, and so to the national row.
 *
 * Steps, per province and count column:
 * 1. Missing cells of leaves are filled from the province row: the province total less the
 *    leaves that have a value, shared among the missing ones in proportion to their population
 *    (in 2020 there are 9 such cells, each alone in its province and column, so its value is
 *    exact: eight of them are 0, the ninth is 9,691 for 长汀县).
 * 2. What remains is raked: each leaf's value times `province / sum of leaves`. With the leaf
 *    rule of `countyLeaves2020` the factor is exactly 1 in all 31 provinces for the 2020 data, so
 *    raking changes nothing there; it is kept so that a different leaf rule or table still adds up.
 */
import { CENSUS_2020_COUNTIES, COUNTY_CENSUS_AGE_GROUPS, type County2020Numbers, type County2020Text, type CountyCensusTable } from '../../../seeds/census-counties/index.js';
import { ChengzhenError } from '../../errors.js';
import { countyLeaves2020, type CountyLeaves } from './countyLeaves.js';

/**
 * The count columns that are reconciled, in this order: population, sex, urban/rural, the 19 age
 * groups of each sex, and residents registered elsewhere by where.
 *
 * @example
 * RECONCILED_COUNTY_COLUMNS.length;
 * // => 46
 */
export const RECONCILED_COUNTY_COLUMNS = Object.freeze([
  'population', 'male', 'female', 'urban', 'rural',
  ...COUNTY_CENSUS_AGE_GROUPS.map((g) => `male_${g}` as const),
  ...COUNTY_CENSUS_AGE_GROUPS.map((g) => `female_${g}` as const),
  'hukou_elsewhere_same_county', 'hukou_elsewhere_other_county_same_province', 'hukou_elsewhere_other_province',
] as const);

/** One reconciled count column. */
export type ReconciledCountyColumn = (typeof RECONCILED_COUNTY_COLUMNS)[number];

/** What reconciliation did in one province and column. */
export interface CountyReconciliationStep {
  provinceCode: number;
  column: ReconciledCountyColumn;
  /** Leaves whose cell was missing and filled. */
  filledRows: readonly number[];
  /** Sum of the leaves (missing taken as 0) less the province row, before filling and raking. */
  differenceBefore: number;
  /** The raking factor applied after filling (1 when the leaves already add up). */
  rakeFactor: number;
}

/** Leaves with reconciled counts: `values[column][i]` belongs to `leaves.leaves[i]`. */
export interface ReconciledCountyCensus extends CountyLeaves {
  values: Readonly<Record<ReconciledCountyColumn, Float64Array>>;
  /** Only the provinces and columns where a cell was filled or the factor differs from 1. */
  steps: readonly CountyReconciliationStep[];
}

type Table2020 = CountyCensusTable<County2020Text, County2020Numbers>;

/**
 * Reconciles the leaves of the 2020 county census with their province rows (see above).
 *
 * @param table the census table (default: the shipped `CENSUS_2020_COUNTIES`)
 * @param leaves its leaves (default: `countyLeaves2020(table)`)
 * @throws {ChengzhenError} when a province row lacks a value, or its leaves add up to 0 while it
 *   does not
 * @example
 * const c = reconcileCountyCensus2020();
 * c.values.population.reduce((s, v) => s + v, 0);
 * // => 1409778724
 */
export function reconcileCountyCensus2020(table: Table2020 = CENSUS_2020_COUNTIES, leaves: CountyLeaves = countyLeaves2020(table)): ReconciledCountyCensus {
  const n = leaves.leaves.length;
  const values = {} as Record<ReconciledCountyColumn, Float64Array>;
  const steps: CountyReconciliationStep[] = [];
  const byProvince = new Map<number, number[]>();
  leaves.leaves.forEach((leaf, i) => {
    const list = byProvince.get(leaf.provinceCode) ?? [];
    list.push(i);
    byProvince.set(leaf.provinceCode, list);
  });
  const population = table.numbers.population;
  for (const column of RECONCILED_COUNTY_COLUMNS) {
    const source = table.numbers[column];
    const out = new Float64Array(n);
    for (const province of leaves.provinces) {
      const members = byProvince.get(province.code) ?? [];
      const total = source[province.row];
      if (total === null) {
        throw new ChengzhenError([{ code: 'invalid_value', path: ['census2020', province.row, column], message: `census2020[${province.row}].${column} of province ${province.name} is missing` }]);
      }
      let known = 0;
      let missingWeight = 0;
      const filledRows: number[] = [];
      for (const i of members) {
        const v = source[leaves.leaves[i].row];
        if (v === null) {
          filledRows.push(leaves.leaves[i].row);
          missingWeight += population[leaves.leaves[i].row] ?? 0;
        } else {
          out[i] = v;
          known += v;
        }
      }
      const remainder = total - known;
      if (filledRows.length > 0) {
        for (const i of members) {
          if (source[leaves.leaves[i].row] !== null) continue;
          const share = filledRows.length === 1 ? 1 : missingWeight > 0 ? (population[leaves.leaves[i].row] ?? 0) / missingWeight : 1 / filledRows.length;
          out[i] = Math.max(0, remainder) * share;
        }
      }
      let sum = 0;
      for (const i of members) sum += out[i];
      if (sum === 0 && total !== 0) {
        throw new ChengzhenError([{ code: 'constraint', path: ['census2020', province.row, column], message: `census2020: the leaves of province ${province.name} add up to 0 in ${column}, but the province row has ${total}` }]);
      }
      const rakeFactor = sum === 0 ? 1 : total / sum;
      if (rakeFactor !== 1) for (const i of members) out[i] *= rakeFactor;
      if (filledRows.length > 0 || rakeFactor !== 1) {
        steps.push(Object.freeze({ provinceCode: province.code, column, filledRows: Object.freeze(filledRows), differenceBefore: known - total, rakeFactor }));
      }
    }
    values[column] = out;
  }
  return { ...leaves, values: Object.freeze(values), steps: Object.freeze(steps) };
}
