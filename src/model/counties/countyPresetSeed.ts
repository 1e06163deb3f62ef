/**
 * The data of the county presets, computed from the censuses: every 2020 leaf carried to the
 * base year so that the leaves add up to the national base ({@link carryCounties}), its city
 * tier, and the destination weights of its rural-to-urban movers on three pooled levels
 * (prefecture, province, nation) fitted to the 2010-2020 residual net migration
 * ({@link fitDestinationWeights}). `scripts/buildCountyPresetSeed.ts` runs it once and writes
 * `seeds/census-counties/countyPreset2023.ts`; the presets read that file, so that loading them
 * computes nothing. A slow test checks that the file is what this function gives.
 *
 * Pooled levels. Shares (the same for every county, an assumption: the census says where movers
 * live, not where they come from): the national shares of the 2020 residents registered in another
 * township of the same county, in another county of the province and in another province
 * (prefecture, province and nation levels). Prior weights: in the prefecture pool, the county's
 * urban residents; in the province pool, its residents registered in another county of the
 * province; in the nation pool, its residents registered in another province (where people came
 * to). Targets: the county's net migration a year, `lambda` times its 2010-2020 residual net
 * migration (ages 10+ in 2020, survival from the UN life tables at China's census mortality) over
 * ten years, less its population share of the national residual (census coverage and
 * international migration), the unit's residual shared among its 2020 leaves by their residents.
 */

import { COUNTY_CENSUS_AGE_STARTS } from '../../../seeds/census-counties/index.js';
import { CENSUS_2020_POPULATION_BY_AGE } from '../../../seeds/census2020/populationByAge.js';
import { WPP2024_CHINA_MX } from '../../../seeds/un-wpp2024/mortality.js';
import { censusLevels } from '../censusLevels.js';
import { carryCounties, type CarriedCounties } from './carryCounties.js';
import { leafTiers2020, type CityTier } from './cityTiers.js';
import { COUNTY_BASE_MAX_AGE, countyBase2020, type CountyBase2020 } from './countyBase2020.js';
import { fitDestinationWeights } from './destinationWeights.js';
import { matchCensus2010, type CensusMatch } from './matchCensus2010.js';
import { matchedUnitPopulations, residualNetMigrationOf, type TenYearSurvival } from './residualNetMigration.js';

/**
 * The pooled levels of the county presets, in order.
 *
 * @example
 * COUNTY_POOL_LEVELS
 * // => ['prefecture', 'province', 'all']
 */
export const COUNTY_POOL_LEVELS = Object.freeze(['prefecture', 'province', 'all'] as const);

/** The data of the county presets (see the file comment). */
export interface CountyPresetSeed {
  baseYear: number;
  /** Per leaf: scenario region id (`c` + 2020 code, or `z` + prefecture code + `-` + a number for a zone without a code). */
  ids: string[];
  names: string[];
  codes: (number | null)[];
  /** Province (English name of the census, lower case) and prefecture (2020 code) of each leaf. */
  provinces: string[];
  prefectures: number[];
  provinceCodes: number[];
  tiers: CityTier[];
  /** Age groups of `female` and `male` (first ages; the last is open). */
  ageStarts: number[];
  /** Residents at the base year by leaf and age group, whole persons. */
  female: number[][];
  male: number[][];
  residentUrbanisationRate: number[];
  hukouUrbanisationRate: number[];
  /** Shares of a mover sent to the prefecture, province and nation pools (one value for every leaf). */
  shares: number[];
  /** Fitted weights per level and leaf (each group's sum to 1). */
  weights: number[][];
  /** How the data were fitted (see {@link CountyPresetFit}). */
  fit: CountyPresetFit;
}

/** Measures of the fit, for the documentation and the tests. */
export interface CountyPresetFit {
  urbanShift: number;
  hukouShift: number;
  /** Largest relative gap of a leaf's total after raking (see carryCounties). */
  countyTotalGap: number;
  /** The factor on the 2010-2020 residuals in the targets. */
  lambda: number;
  /** Movers a year the weights were fitted for (rural residents x the migration level). */
  movers: number;
  /** Sum over leaves of |target net| a year. */
  targetGross: number;
  /** Sum |fitted - target| / sum |target|, before (prior weights) and after fitting. */
  priorRelativeError: number;
  relativeError: number;
}

/** Inputs of {@link countyPresetSeed}; the heavy ones default to the shipped censuses. */
export interface CountyPresetSeedInput {
  baseYear: number;
  /** The national base at the end of the base year by sex and single age 0..100 (all statuses). */
  national: { female: ArrayLike<number>; male: ArrayLike<number> };
  residentUrbanisationRate: number;
  hukouUrbanisationRate: number;
  /** Rural-to-urban migration level (share of rural residents a year). */
  migrationLevel: number;
  /** Factor on the 2010-2020 residual net migration (default 1). */
  lambda?: number;
  base?: CountyBase2020;
  match?: CensusMatch;
}

/**
 * Ten-year survival of China from the end of 2010 to the end of 2020: the UN WPP 2024 central
 * death rates of 2010-2015 (years 1-5) and 2015-2020 (years 6-10) by abridged group, at China's
 * census mortality level (censusLevels), `S10(x) = exp(-sum_t m(x + t))` along the cohort.
 *
 * @example
 * const s = survivalChina2010To2020();
 * s.female[20] > 0.99 && s.female[80] < 0.7
 * // => true
 */
export function survivalChina2010To2020(): TenYearSurvival {
  const A = COUNTY_BASE_MAX_AGE;
  const factor = censusLevels('China')?.mortalityFactor ?? 1;
  const starts = WPP2024_CHINA_MX.ageStarts;
  const groupOf = (a: number) => {
    let g = 0;
    while (g + 1 < starts.length && starts[g + 1] <= a) g++;
    return g;
  };
  const out = { female: new Float64Array(A + 1), male: new Float64Array(A + 1) };
  for (const sex of ['female', 'male'] as const) {
    const rates = [2010, 2015].map((period) => WPP2024_CHINA_MX[sex][WPP2024_CHINA_MX.periodStarts.indexOf(period)]);
    for (let x = 0; x <= A; x++) {
      let hazard = 0;
      for (let t = 0; t < 10; t++) hazard += factor * rates[t < 5 ? 0 : 1][groupOf(Math.min(A, x + t))];
      out[sex][x] = Math.exp(-hazard);
    }
  }
  return out;
}

/** 12 significant digits: sums of thousands of shares stay within 1e-9 of the unrounded ones, and the seed file stays small. */
function round12(x: number): number {
  return Number(x.toPrecision(12));
}

function regionIds(base: CountyBase2020): string[] {
  const zones = new Map<number, number>();
  return base.census.leaves.map((leaf) => {
    if (leaf.code !== null) return `c${leaf.code}`;
    const n = (zones.get(leaf.prefectureCode) ?? 0) + 1;
    zones.set(leaf.prefectureCode, n);
    return `z${leaf.prefectureCode}-${n}`;
  });
}

/**
 * The county presets' data (see the file comment). Takes about 10 s (the 2020 base, the 2010
 * match and the fit).
 *
 * @example
 * // scripts/buildCountyPresetSeed.ts runs it with the national preset's base (src/presets/countiesSeed.ts)
 * COUNTY_POOL_LEVELS.length
 * // => 3
 */
export function countyPresetSeed(input: CountyPresetSeedInput): CountyPresetSeed {
  const base = input.base ?? countyBase2020();
  const census = base.census;
  const v = census.values;
  const R = census.leaves.length;
  const A1 = COUNTY_BASE_MAX_AGE + 1;
  // 1. residents by leaf, sex and age; carried to the base year
  const population2020 = new Float64Array(R * 2 * A1);
  for (let r = 0; r < R; r++) {
    for (let h = 0; h < 3; h++) {
      for (let s = 0; s < 2; s++) {
        const from = ((r * 3 + h) * 2 + s) * A1;
        for (let a = 0; a < A1; a++) population2020[(r * 2 + s) * A1 + a] += base.population[from + a];
      }
    }
  }
  const carried: CarriedCounties = carryCounties({
    population2020,
    urbanShare2020: Float64Array.from(v.urban, (u, r) => (v.population[r] > 0 ? u / v.population[r] : 0)),
    hukouShareOfUrban2020: Float64Array.from(base.hukou, (h, r) => (v.urban[r] > 0 ? h / v.urban[r] : 0)),
    years: input.baseYear - 2020,
    national: input.national,
    residentUrbanisationRate: input.residentUrbanisationRate,
    hukouUrbanisationRate: input.hukouUrbanisationRate,
  });
  const starts = [...COUNTY_CENSUS_AGE_STARTS];
  const grouped = (s: number) =>
    Array.from({ length: R }, (_, r) =>
      starts.map((start, g) => {
        const end = g + 1 < starts.length ? starts[g + 1] : A1;
        let sum = 0;
        for (let a = start; a < end; a++) sum += carried.population[(r * 2 + s) * A1 + a];
        return Math.round(sum);
      }),
    );

  // 2. targets: the 2010-2020 residual net migration of each matched unit, shared among its leaves
  const match = input.match ?? matchCensus2010(census);
  const pops = matchedUnitPopulations(match, base);
  const survival = survivalChina2010To2020();
  const unitResidual = pops.p2010.map((p2010, u) => {
    const r = residualNetMigrationOf(p2010, pops.p2020[u], survival);
    let sum = 0;
    for (let a = r.firstAge; a < A1; a++) sum += r.female[a] + r.male[a];
    return sum;
  });
  const unitPopulation = new Float64Array(match.units.length);
  for (let r = 0; r < R; r++) unitPopulation[match.unitOf2020[r]] += v.population[r];
  let residualAll = 0;
  let populationAll = 0;
  for (let u = 0; u < unitResidual.length; u++) {
    residualAll += unitResidual[u];
    populationAll += unitPopulation[u];
  }
  const lambda = input.lambda ?? 1;
  const target = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    const u = match.unitOf2020[r];
    const share = unitPopulation[u] > 0 ? v.population[r] / unitPopulation[u] : 0;
    const yearly = (unitResidual[u] * share) / 10 - (residualAll * v.population[r]) / populationAll / 10;
    target[r] = (lambda * yearly * carried.total[r]) / v.population[r];
  }

  // 3. pooled levels and the fit
  const sameCounty = v.hukou_elsewhere_same_county;
  const otherCounty = v.hukou_elsewhere_other_county_same_province;
  const otherProvince = v.hukou_elsewhere_other_province;
  let hs = 0;
  let hc = 0;
  let hp = 0;
  for (let r = 0; r < R; r++) {
    hs += sameCounty[r];
    hc += otherCounty[r];
    hp += otherProvince[r];
  }
  const shares = [hs / (hs + hc + hp), hc / (hs + hc + hp), hp / (hs + hc + hp)];
  const numbering = (keys: number[]) => {
    const seen = new Map<number, number>();
    return Int32Array.from(keys, (k) => {
      let g = seen.get(k);
      if (g === undefined) {
        g = seen.size;
        seen.set(k, g);
      }
      return g;
    });
  };
  const leaves = census.leaves;
  const groups = [numbering(leaves.map((l) => l.prefectureCode)), numbering(leaves.map((l) => l.provinceCode)), new Int32Array(R)];
  const urbanNow = Float64Array.from(carried.total, (t, r) => t * carried.residentUrbanisationRate[r]);
  const priors = [urbanNow, otherCounty, otherProvince];
  const movers = Float64Array.from(carried.total, (t, r) => input.migrationLevel * t * (1 - carried.residentUrbanisationRate[r]));
  const fit = fitDestinationWeights(
    groups.map((group, l) => ({ group, share: new Float64Array(R).fill(shares[l]), prior: priors[l] })),
    movers,
    target,
  );
  let moversAll = 0;
  let targetGross = 0;
  for (let r = 0; r < R; r++) {
    moversAll += movers[r];
    targetGross += Math.abs(target[r]);
  }
  const provinceName = new Map(CENSUS_2020_POPULATION_BY_AGE.areas.map((a) => [a.code, a.nameEn.toLowerCase()]));
  const tiers = leafTiers2020(census);
  return {
    baseYear: input.baseYear,
    ids: regionIds(base),
    names: leaves.map((l) => l.name),
    codes: leaves.map((l) => l.code),
    provinces: leaves.map((l) => provinceName.get(l.provinceCode) ?? String(l.provinceCode)),
    prefectures: leaves.map((l) => l.prefectureCode),
    provinceCodes: leaves.map((l) => l.provinceCode),
    tiers: [...tiers],
    ageStarts: starts,
    female: grouped(0),
    male: grouped(1),
    residentUrbanisationRate: Array.from(carried.residentUrbanisationRate, round12),
    hukouUrbanisationRate: Array.from(carried.hukouUrbanisationRate, (h, r) => Math.min(round12(h), round12(carried.residentUrbanisationRate[r]))),
    shares,
    weights: fit.weight.map((w) => Array.from(w, round12)),
    fit: {
      urbanShift: carried.urbanShift,
      hukouShift: carried.hukouShift,
      countyTotalGap: carried.countyTotalGap,
      lambda,
      movers: moversAll,
      targetGross,
      priorRelativeError: fit.priorRelativeError,
      relativeError: fit.relativeError,
    },
  };
}

