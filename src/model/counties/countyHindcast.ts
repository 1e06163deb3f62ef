/**
 * The county hindcast: the 1,177 units present in both censuses projected from the 2010 census
 * (taken as the end of 2010) to the end of 2020 with the kernel, and compared with the 2020
 * census. The acceptance measure of the county model (counties.md): median and 90th-percentile
 * absolute percentage errors of unit populations, overall and by city tier, and the error of
 * each province's total.
 *
 * Inputs, each year 2011-2020 (the scenario layer's UN demography starts in 2020, so the kernel
 * problem is built here):
 * - mortality: UN WPP 2024 central death rates of 2010-2015 (years 2011-2015) and 2015-2020
 *   (2016-2020) by abridged group, times the census mortality level of the unit's province
 *   (censusLevels); `sx = exp(-m)`, births survive half a year of infant mortality;
 * - fertility: the UN TFR and age pattern of the year, times the unit's general fertility
 *   relative to the nation's in the 2010 census (births of the census year per woman aged 15-49);
 * - sex ratio at birth: the UN's of the year;
 * - migration: rural residents (the 2010 census's rural share) move to towns at a level with the
 *   labour-migration age profile; the movers go to prefecture, province and nation pools with
 *   the shares of the county presets, by weights of one of these kinds (`migration`): `none` (every
 *   mover stays in the unit: demography only), `stocks` (the 2020 stocks of residents registered
 *   elsewhere, as the prior of the fit), `fitted` (fitted to the 2010-2020 residuals: in sample),
 *   `fitted+province` (and each province's remaining residual added to its units), `calibrated`
 *   (the default: residuals at the projection's mortality, out-mover rates by origin province, and
 *   the province levels of net migration and fertility calibrated to the 2020 census; see
 *   {@link HindcastCalibration} for what is in sample).
 */

import { CENSUS_2010_COUNTIES } from '../../../seeds/census-counties/index.js';
import { WPP2024_CHINA_FERTILITY } from '../../../seeds/un-wpp2024/fertility.js';
import { WPP2024_CHINA_MX } from '../../../seeds/un-wpp2024/mortality.js';
import { WPP2024_CHINA_SRB } from '../../../seeds/un-wpp2024/sexRatioAtBirth.js';
import { ChengzhenError } from '../../errors.js';
import { runKernel } from '../../kernel/runKernel.js';
import type { KernelInputs, MoveMatrix } from '../../kernel/types.js';
import { censusLevels } from '../censusLevels.js';
import { labourMigrationAgeProfile } from '../demography/ageProfiles.js';
import { kernelFertility, singleYearAsfr } from '../demography/fertility.js';
import { leafTiers2020, type CityTier } from './cityTiers.js';
import { COUNTY_BASE_MAX_AGE, countyBase2020, type CountyBase2020 } from './countyBase2020.js';
import { fitDestinationWeights } from './destinationWeights.js';
import { matchCensus2010, type CensusMatch } from './matchCensus2010.js';
import { matchedUnitPopulations, residualNetMigrationOf, type BySexAge, type TenYearSurvival } from './residualNetMigration.js';
import { survivalChina2010To2020 } from './countyPresetSeed.js';

/**
 * How the hindcast's movers choose destinations: `none` (they stay in their unit), `stocks` (the
 * prior weights), `fitted` (weights fitted to the residuals), `fitted+province` (fitted weights,
 * and what they leave of each province's residual net migration added as net migrants of its
 * units, in proportion to their residents, with the labour-migration age profile: the province
 * totals are then in sample, the units within a province are not), `calibrated` (see
 * {@link HindcastCalibration}: residuals at the projection's own mortality, out-mover rates fitted
 * by origin province with the weights, and the province levels of net migration, and by default
 * of fertility, calibrated in sample to the 2020 census).
 */
export type HindcastMigration = 'none' | 'stocks' | 'fitted' | 'fitted+province' | 'calibrated';

/** Who moves between units in the `calibrated` hindcast (see {@link CountyHindcastOptions.movers}). */
export type HindcastMovers = 'rural' | 'residents';

/** Province levels of fertility in the `calibrated` hindcast (see {@link CountyHindcastOptions.fertility}). */
export type HindcastFertility = 'census2010' | 'census2010-2020' | 'fitted';

/** Options of {@link countyHindcast}. */
export interface CountyHindcastOptions {
  migration?: HindcastMigration;
  /**
   * Rural-to-urban migration level (share of rural residents a year). Default 0.0275: the mean
   * yearly fall of China's rural residents 2010-2020, ln(671.13 / 509.79) / 10 (NBS, 2010 and
   * 2020 year-end; an assumption: the fall also holds natural change and reclassification).
   * With `calibrated` it is the floor of every province's out-mover rate.
   */
  migrationLevel?: number;
  /**
   * `calibrated` only: the province levels of fertility (default `fitted`).
   * - `census2010`: the units' 2010 census fertility (out of sample: no 2020 figure);
   * - `census2010-2020`: the same, moving linearly over the decade to each province's 2020 level
   *   (children aged 0 per woman aged 15-49 in the 2020 census, relative to the nation's; only the
   *   2020 infants are in sample);
   * - `fitted`: the 2010 level times a factor by province, fitted so that the province's projected
   *   children aged 0-9 in 2020 are the census's (in sample: the province totals are then met by
   *   construction, the units are not).
   */
  fertility?: HindcastFertility;
  /**
   * `calibrated` only: who moves between units (default `residents`). The kernel moves only rural
   * residents between regions (rural-to-urban movers); with `residents` the hindcast starts every
   * resident in the rural status, so that urban residents move between units too (from a city's old
   * centre to its outer districts, out of declining mining towns), at the same number of movers
   * nationally (2.75 % of the 2010 rural residents is 1.37 % of all residents). The hindcast's statuses
   * then mean nothing; it scores residents only. `rural`: as the other variants.
   */
  movers?: HindcastMovers;
  /** `calibrated` only: passes of the province calibration, each one projection (default 6). */
  passes?: number;
  base?: CountyBase2020;
  match?: CensusMatch;
}

/**
 * What the `calibrated` variant fitted, by province (all in sample: fitted to the 2010 and 2020
 * censuses the hindcast is scored on).
 *
 * 1. Ten-year residuals of every unit at the survival the projection uses (the UN death rates at
 *    its province's census mortality), not the nation's.
 * 2. Out-mover rates by origin province: each province's movers (all its residents, or its rural
 *    residents with `movers: 'rural'`) move at `moverRate` a year (at least the national level),
 *    raised with the destination weights until the units of the province that lost people can
 *    send away what they lost (the weights alone cannot make a unit lose more than its movers).
 * 3. Province net migration: `netMigrants` a year (what the pooled moves leave of the province's
 *    residual, then corrected pass after pass until the province's projected residents aged 10
 *    and over in 2020 are the census's: the residual method at the province level). It is shared
 *    among the province's units by 2010 census figures only: a loss in proportion to their rural
 *    residents, a gain in proportion to their residents not registered there (residents less
 *    registered population, at least 0) plus 2 % of their residents; within a unit, by its cells
 *    at the end of each year times the labour-migration age profile.
 * 4. Province fertility (`fertility: 'fitted'`): `fertilityFactor` on the units' 2010 census
 *    fertility, corrected until the province's projected children aged 0-9 are the census's
 *    (births of the decade, and children who moved with their parents). With `census2010-2020`
 *    `fertilityTrend` is the province's 2020 level over its 2010 level (the factor reached in
 *    2020, linearly from 1 in 2010).
 *
 * The units within a province are not calibrated: their errors are the test.
 */
export interface HindcastCalibration {
  fertility: HindcastFertility;
  movers: HindcastMovers;
  /** The national out-mover rate, the floor of the provinces' (share of the movers a year). */
  nationalMoverRate: number;
  provinces: { code: number; moverRate: number; fertilityFactor: number; fertilityTrend: number; netMigrants: number }[];
  /** Projections run (each pass corrects the province levels once). */
  passes: number;
  /** Relative error of the fitted weights against the unit targets (sum |fitted - target| / sum |target|). */
  weightFitError: number;
  /** The largest |projected / census - 1| of a province's residents aged 10+ and aged 0-9 after the last pass. */
  provinceErrors: { aged10Plus: number; aged0To9: number };
}

/** One unit's result. */
export interface HindcastUnit {
  id: string;
  tier: CityTier;
  provinceCode: number;
  census2010: number;
  census2020: number;
  projected2020: number;
  /** (projected - census) / census. */
  error: number;
}

/** Error summary of a group of units. */
export interface HindcastErrorSummary {
  units: number;
  /** Median and 90th percentile of |error|. */
  medianAbsolute: number;
  p90Absolute: number;
}

/** One province's totals: census 2020, projected, error; and the same for its children aged 0-9. */
export interface HindcastProvince {
  code: number;
  census2020: number;
  projected2020: number;
  error: number;
  /** Residents aged 0-9 in 2020 (born during the decade): census and projected. */
  census0To9: number;
  projected0To9: number;
}

/** The hindcast: every unit, the summaries and the province totals. */
export interface CountyHindcast {
  migration: HindcastMigration;
  units: HindcastUnit[];
  overall: HindcastErrorSummary;
  byTier: Record<string, HindcastErrorSummary>;
  provinces: HindcastProvince[];
  /** What was calibrated (the `calibrated` variant), else null. */
  calibration: HindcastCalibration | null;
  /** The projected end-2020 population of the units, kernel layout (unit, status, sex, age 0..100+). */
  population2020: Float64Array;
}

/** Highest out-mover rate a province may get (share of its movers a year). */
const MAX_MOVER_RATE = 0.1;

/** Share of its residents a unit weighs, on top of its 2010 residents registered elsewhere, in its province's net gains (calibrated). */
const GAIN_FLOOR = 0.02;

function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * The summary of `errors` (median and 90th percentile of their absolute values).
 *
 * @example
 * summariseErrors([0.1, -0.2, 0.05, 0])
 * // => { units: 4, medianAbsolute: 0.07500000000000001, p90Absolute: 0.17000000000000004 }
 */
export function summariseErrors(errors: readonly number[]): HindcastErrorSummary {
  const sorted = errors.map(Math.abs).sort((a, b) => a - b);
  return { units: errors.length, medianAbsolute: quantile(sorted, 0.5), p90Absolute: quantile(sorted, 0.9) };
}

/** Index of the UN abridged age group holding single age `a`. */
function unGroupOf(a: number): number {
  const starts = WPP2024_CHINA_MX.ageStarts;
  let g = 0;
  while (g + 1 < starts.length && starts[g + 1] <= a) g++;
  return g;
}

/** UN WPP 2024 death rates of the period holding `year` (2011-2015: 2010-2015, 2016-2020: 2015-2020), by sex. */
function deathRates(year: number): [readonly number[], readonly number[]] {
  const period = WPP2024_CHINA_MX.periodStarts.indexOf(year <= 2015 ? 2010 : 2015);
  return [WPP2024_CHINA_MX.female[period], WPP2024_CHINA_MX.male[period]];
}

/**
 * Ten-year survival 2010 -> 2020 at `factor` times the UN death rates, as the projection applies
 * them year by year (age x at the end of 2010 survives 2011 at the rate of age x, 2012 at x+1 ...,
 * the open group at its own rate).
 */
function tenYearSurvival(factor: number): TenYearSurvival {
  const A = COUNTY_BASE_MAX_AGE;
  const out = { female: new Float64Array(A + 1), male: new Float64Array(A + 1) };
  for (let x = 0; x <= A; x++) {
    let female = 0;
    let male = 0;
    for (let t = 0; t < 10; t++) {
      const [f, m] = deathRates(2011 + t);
      const g = unGroupOf(Math.min(A, x + t));
      female += factor * f[g];
      male += factor * m[g];
    }
    out.female[x] = Math.exp(-female);
    out.male[x] = Math.exp(-male);
  }
  return out;
}

const sumOf = (p: BySexAge) => {
  let s = 0;
  for (let a = 0; a < p.female.length; a++) s += p.female[a] + p.male[a];
  return s;
};

/**
 * Projects the 2010 units to 2020 and compares with the 2020 census (see the file comment).
 * About 10-20 s (the 2020 base and the match dominate; `calibrated` runs one projection a pass).
 *
 * @example
 * // const h = countyHindcast({ migration: 'calibrated' }); h.overall.medianAbsolute
 * summariseErrors([0.1]).units
 * // => 1
 */
export function countyHindcast(options: CountyHindcastOptions = {}): CountyHindcast {
  const migration = options.migration ?? 'calibrated';
  const level = options.migrationLevel ?? Math.log(671.13 / 509.79) / 10;
  const calibrated = migration === 'calibrated';
  const fertility = options.fertility ?? 'fitted';
  const movers = options.movers ?? 'residents';
  const calibrateFertility = calibrated && fertility === 'fitted';
  const passes = calibrated ? (options.passes ?? 6) : 1;
  const bad = [];
  if (!(level > 0 && level <= MAX_MOVER_RATE)) bad.push({ code: 'out_of_range' as const, path: ['migrationLevel'], message: `migrationLevel must be in (0, ${MAX_MOVER_RATE}], received ${level}`, expected: `(0, ${MAX_MOVER_RATE}]`, received: String(level) });
  if (!(Number.isInteger(passes) && passes >= 1 && passes <= 50)) bad.push({ code: 'out_of_range' as const, path: ['passes'], message: `passes must be a whole number in [1, 50], received ${passes}`, expected: '[1, 50]', received: String(passes) });
  if (bad.length > 0) throw new ChengzhenError(bad);
  const base = options.base ?? countyBase2020();
  const census = base.census;
  const match = options.match ?? matchCensus2010(census);
  const pops = matchedUnitPopulations(match, base);
  const U = match.units.length;
  const A = COUNTY_BASE_MAX_AGE;
  const A1 = A + 1;
  const n2010 = CENSUS_2010_COUNTIES.numbers;
  const leaves2010 = match.leaves2010.leaves;
  const tiers2020 = leafTiers2020(census);

  // per unit: its largest 2020 leaf's tier, prefecture and province; 2010 urban share and births
  const tier: CityTier[] = [];
  const prefecture: number[] = [];
  const province: number[] = [];
  const urbanShare = new Float64Array(U);
  const births2010 = new Float64Array(U);
  match.units.forEach((unit, u) => {
    let best = unit.leaves2020[0];
    for (const r of unit.leaves2020) if (census.values.population[r] > census.values.population[best]) best = r;
    tier.push(tiers2020[best]);
    prefecture.push(census.leaves[best].prefectureCode);
    province.push(census.leaves[best].provinceCode);
    let pop = 0;
    let urban = 0;
    for (const j of unit.leaves2010) {
      const row = leaves2010[j].row;
      const p = n2010.population[row] ?? 0;
      pop += p;
      urban += n2010.urban[row] ?? 0;
      births2010[u] += ((n2010.births_per_1000[row] ?? 0) * p) / 1000;
    }
    urbanShare[u] = pop > 0 ? Math.min(1, urban / pop) : 0;
  });
  const provinceCodes = [...new Set(province)].sort((a, b) => a - b);
  const provinceIndex = new Map(provinceCodes.map((code, i) => [code, i]));
  const P = provinceCodes.length;
  const provinceOf = Int32Array.from(province, (code) => provinceIndex.get(code)!);
  // general fertility relative to the nation's: births of the census year per woman 15-49 in 2010
  // (the provinces' 2020 census levels on top of it fit worse: median 4.7 % and Xinjiang -6.6 %)
  const women = new Float64Array(U);
  let allWomen = 0;
  let allBirths = 0;
  for (let u = 0; u < U; u++) {
    for (let a = 15; a < 50; a++) women[u] += pops.p2010[u].female[a];
    allWomen += women[u];
    allBirths += births2010[u];
  }
  const fertility2010 = Float64Array.from(women, (w, u) => (w > 0 && births2010[u] > 0 ? births2010[u] / w / (allBirths / allWomen) : 1));
  const mortalityFactor = Float64Array.from(province, (code) => censusLevels(String(code))?.mortalityFactor ?? 1);
  const size = Float64Array.from(pops.p2010, sumOf);
  const size2020 = Float64Array.from(pops.p2020, sumOf);

  // who may move between units: rural residents, or (calibrated, movers 'residents') every resident, the kernel's
  // rural status then standing for all of them (the hindcast scores residents, not their status)
  const everyone = calibrated && movers === 'residents';
  const moverShare = Float64Array.from(urbanShare, (x) => (everyone ? 1 : 1 - x));
  let ruralAll = 0;
  for (let u = 0; u < U; u++) ruralAll += size[u] * (1 - urbanShare[u]);
  /** The national out-mover rate of the movers: the rural level, or the same movers as a share of all residents. */
  const moverLevel = everyone ? (level * ruralAll) / size.reduce((x, y) => x + y, 0) : level;
  // base population: the movers (rural status) and the others (as hukou, not moved)
  const population = new Float64Array(U * 6 * A1);
  for (let u = 0; u < U; u++) {
    for (let s = 0; s < 2; s++) {
      const p = s === 0 ? pops.p2010[u].female : pops.p2010[u].male;
      for (let a = 0; a < A1; a++) {
        population[((u * 3 + 0) * 2 + s) * A1 + a] = p[a] * moverShare[u];
        population[((u * 3 + 2) * 2 + s) * A1 + a] = p[a] * (1 - moverShare[u]);
      }
    }
  }

  // migration: level x labour-migration profile, normalised on the nation's rural residents
  const profile = labourMigrationAgeProfile(A);
  let weighted = 0;
  let people = 0;
  for (let u = 0; u < U; u++) {
    for (let s = 0; s < 2; s++) {
      for (let a = 0; a < A1; a++) {
        const v = population[(u * 3 * 2 + s) * A1 + a];
        weighted += v * profile[a];
        people += v;
      }
    }
  }
  const mShape = Float64Array.from(profile, (w) => (w * people) / weighted);
  /** Out-mover rate of every province (share of rural residents a year). */
  const moverRate = new Float64Array(P).fill(moverLevel);

  // residual net migration (ages 10+ in 2020) of every unit, at the national survival or, calibrated, the projection's
  const survivalByFactor = new Map<number, TenYearSurvival>();
  const chinaSurvival = survivalChina2010To2020();
  const residual = pops.p2010.map((p2010, u) => {
    let survival = chinaSurvival;
    if (calibrated) {
      survival = survivalByFactor.get(mortalityFactor[u]) ?? tenYearSurvival(mortalityFactor[u]);
      survivalByFactor.set(mortalityFactor[u], survival);
    }
    const r = residualNetMigrationOf(p2010, pops.p2020[u], survival);
    let sum = 0;
    for (let a = r.firstAge; a < A1; a++) sum += r.female[a] + r.male[a];
    return sum;
  });

  let D: MoveMatrix = { kind: 'identity' };
  /** Net migrants a year per province, added to its units by residents (fitted+province, calibrated). */
  const provinceNet = new Float64Array(P);
  let weightFitError = 0;
  if (migration !== 'none') {
    const numbering = (keys: number[]) => {
      const seen = new Map<number, number>();
      return Int32Array.from(keys, (k) => {
        if (!seen.has(k)) seen.set(k, seen.size);
        return seen.get(k)!;
      });
    };
    const groups = [numbering(prefecture), numbering(province), new Int32Array(U)];
    const v = census.values;
    const stock = (column: Float64Array) => {
      const out = new Float64Array(U);
      match.units.forEach((unit, u) => {
        for (const r of unit.leaves2020) out[u] += column[r];
      });
      return out;
    };
    const sameCounty = stock(v.hukou_elsewhere_same_county);
    const otherCounty = stock(v.hukou_elsewhere_other_county_same_province);
    const otherProvince = stock(v.hukou_elsewhere_other_province);
    let hs = 0;
    let hc = 0;
    let hp = 0;
    for (let u = 0; u < U; u++) {
      hs += sameCounty[u];
      hc += otherCounty[u];
      hp += otherProvince[u];
    }
    const shares = [hs / (hs + hc + hp), hc / (hs + hc + hp), hp / (hs + hc + hp)];
    const urban2010 = Float64Array.from(size, (x, u) => x * urbanShare[u]);
    const priors = [urban2010, otherCounty, otherProvince];
    const residualAll = residual.reduce((x, y) => x + y, 0);
    const sizeAll = size.reduce((x, y) => x + y, 0);
    const target = Float64Array.from(residual, (r, u) => r / 10 - (residualAll * size[u]) / sizeAll / 10);
    const weightLevels = groups.map((group, l) => ({ group, share: new Float64Array(U).fill(shares[l]), prior: priors[l] }));
    const fitWeights = () => {
      // movers a year: the rate times the decade's mean rural residents (the rural part shrinking at the rate), calibrated;
      // the 2010 rural residents otherwise
      const movers = Float64Array.from(size, (x, u) => {
        const r = moverRate[provinceOf[u]];
        return r * x * moverShare[u] * (calibrated ? (1 - Math.exp(-10 * r)) / (10 * r) : 1);
      });
      return fitDestinationWeights(weightLevels, movers, target, { iterations: migration === 'stocks' ? 0 : 200 });
    };
    let fit = fitWeights();
    if (calibrated) {
      // out-mover rates by origin province: raise a province's rate while its losing units lose less than their targets
      for (let round = 0; round < 12; round++) {
        const wanted = new Float64Array(P);
        const got = new Float64Array(P);
        for (let u = 0; u < U; u++) {
          if (target[u] >= 0) continue;
          wanted[provinceOf[u]] -= target[u];
          got[provinceOf[u]] += Math.max(0, -fit.net[u]);
        }
        let changed = false;
        for (let p = 0; p < P; p++) {
          if (wanted[p] > 1.001 * got[p]) {
            moverRate[p] = Math.min(MAX_MOVER_RATE, (moverRate[p] * wanted[p]) / Math.max(got[p], 1e-9 * wanted[p]));
            changed = true;
          }
        }
        if (!changed) break;
        fit = fitWeights();
      }
    }
    weightFitError = fit.relativeError;
    if (migration === 'fitted+province' || calibrated) {
      for (let u = 0; u < U; u++) provinceNet[provinceOf[u]] += residual[u] / 10 - fit.net[u];
    }
    D = { kind: 'pooled', levels: groups.map((group, l) => ({ group, share: new Float64Array(U).fill(shares[l]), weight: fit.weight[l], groups: Math.max(...group) + 1 })) };
  }
  const m = new Float64Array(U * 2 * A1);
  for (let u = 0; u < U; u++) {
    const scale = moverRate[provinceOf[u]] / level;
    for (let s = 0; s < 2; s++) for (let a = 0; a < A1; a++) m[(u * 2 + s) * A1 + a] = level * mShape[a] * scale;
  }
  // where a province's remaining net migration goes (calibrated): losses in proportion to the units' 2010 rural
  // residents, gains in proportion to their 2010 residents not registered there (residents less 户籍人口, at least 0)
  // plus 2 % of their residents (an assumption, so that every unit takes some); both from the 2010 census
  const lossWeight = Float64Array.from(size, (x, u) => x * (1 - urbanShare[u]));
  const gainWeight = new Float64Array(U);
  match.units.forEach((unit, u) => {
    let unregistered = 0;
    for (const j of unit.leaves2010) {
      const row = leaves2010[j].row;
      const registered = n2010.registered_population[row];
      if (registered !== null && registered !== undefined) unregistered += (n2010.population[row] ?? 0) - registered;
    }
    gainWeight[u] = Math.max(0, unregistered) + GAIN_FLOOR * size[u];
  });
  const lossSum = new Float64Array(P);
  const gainSum = new Float64Array(P);
  for (let u = 0; u < U; u++) {
    lossSum[provinceOf[u]] += lossWeight[u];
    gainSum[provinceOf[u]] += gainWeight[u];
  }
  const provinceSize = new Float64Array(P);
  for (let u = 0; u < U; u++) provinceSize[provinceOf[u]] += size[u];
  /** Share of unit u in its province's net migrants (a loss or a gain). */
  const unitNetShare = (u: number, losing: boolean) => {
    const p = provinceOf[u];
    if (!calibrated) return size[u] / provinceSize[p];
    return losing ? lossWeight[u] / lossSum[p] : gainWeight[u] / gainSum[p];
  };

  // census 2020 by province: residents aged 0-9 and 10+
  const census0To9 = new Float64Array(P);
  const census10Plus = new Float64Array(P);
  for (let u = 0; u < U; u++) {
    for (let a = 0; a < A1; a++) {
      const x = pops.p2020[u].female[a] + pops.p2020[u].male[a];
      if (a < 10) census0To9[provinceOf[u]] += x;
      else census10Plus[provinceOf[u]] += x;
    }
  }

  const fertilityFactor = new Float64Array(P).fill(1);
  const fertilityTrend = new Float64Array(P).fill(1);
  if (calibrated && fertility === 'census2010-2020') {
    // general fertility relative to the nation's in both censuses, by province: 2020 from the children aged 0
    const births10 = new Float64Array(P);
    const women10 = new Float64Array(P);
    const births20 = new Float64Array(P);
    const women20 = new Float64Array(P);
    for (let u = 0; u < U; u++) {
      const p = provinceOf[u];
      births10[p] += births2010[u];
      women10[p] += women[u];
      births20[p] += pops.p2020[u].female[0] + pops.p2020[u].male[0];
      for (let a = 15; a < 50; a++) women20[p] += pops.p2020[u].female[a];
    }
    const rate = (b: Float64Array, w: Float64Array, p: number) => b[p] / w[p] / (b.reduce((x, y) => x + y, 0) / w.reduce((x, y) => x + y, 0));
    for (let p = 0; p < P; p++) fertilityTrend[p] = rate(births20, women20, p) / rate(births10, women10, p);
  }
  const addsNet = migration === 'fitted+province' || calibrated;
  /** One projection 2011-2020 with the current province levels; the end-2020 population. */
  const projectOnce = (): Float64Array => {
    let current: Float64Array = population;
    for (let year = 2011; year <= 2020; year++) {
      const [femaleMx, maleMx] = deathRates(year);
      const fIndex = year - WPP2024_CHINA_FERTILITY.firstYear;
      const asfr = singleYearAsfr(WPP2024_CHINA_FERTILITY.tfr[fIndex], WPP2024_CHINA_FERTILITY.pasfrPercent[fIndex], { ageStarts: WPP2024_CHINA_FERTILITY.ageStarts, maxAge: A });
      const sx = new Float64Array(U * 6 * A1);
      const sb = new Float64Array(U * 6);
      const fx = new Float64Array(U * 3 * A1);
      const srb = new Float64Array(U).fill(WPP2024_CHINA_SRB.values[year - WPP2024_CHINA_SRB.firstYear]);
      const byFactor = new Map<number, { sx: Float64Array[]; sb: number[]; fx: Float64Array }>();
      for (let u = 0; u < U; u++) {
        let d = byFactor.get(mortalityFactor[u]);
        if (!d) {
          const sxs = [femaleMx, maleMx].map((mx) => Float64Array.from({ length: A1 }, (_, a) => Math.exp(-mortalityFactor[u] * mx[unGroupOf(a)])));
          d = {
            sx: sxs,
            sb: [femaleMx[0], maleMx[0]].map((m0) => Math.exp(-0.5 * mortalityFactor[u] * m0)),
            fx: kernelFertility(asfr, sxs[0]),
          };
          byFactor.set(mortalityFactor[u], d);
        }
        const f = fertility2010[u] * fertilityFactor[provinceOf[u]] * (1 + ((fertilityTrend[provinceOf[u]] - 1) * (year - 2010)) / 10);
        for (let h = 0; h < 3; h++) {
          for (let s = 0; s < 2; s++) {
            sx.set(d.sx[s], ((u * 3 + h) * 2 + s) * A1);
            sb[(u * 3 + h) * 2 + s] = d.sb[s];
          }
          for (let a = 0; a < A1; a++) fx[(u * 3 + h) * A1 + a] = d.fx[a] * f;
        }
      }
      const inputs: KernelInputs = { sx: [sx], sb: [sb], fx: [fx], srb: [srb], m: [m], c: [new Float64Array(U)], k: [new Float64Array(U * 2 * A1)], q: [new Float64Array(U * 2 * A1)], D: [D], E: [{ kind: 'identity' }], n: [] };
      const step = runKernel({ regions: match.units.map((x) => x.id), maxAge: A, startYear: year, years: 1, population: current, inputs });
      current = step.population[1];
      if (addsNet) {
        // the province's net migrants of the year shared among its units (unitNetShare), each unit's among its cells at
        // the year's end x the labour-migration profile, added at the end of the step as the kernel adds its input n
        // (from the cells at the year's end, so that a loss never removes more than a cell holds after the year's moves)
        for (let u = 0; u < U; u++) {
          const p = provinceOf[u];
          const net = provinceNet[p] * unitNetShare(u, provinceNet[p] < 0);
          let w = 0;
          for (let x = 0; x < 6 * A1; x++) w += current[u * 6 * A1 + x] * profile[x % A1];
          if (!(w > 0)) continue;
          for (let x = 0; x < 6 * A1; x++) {
            const o = u * 6 * A1 + x;
            current[o] += (net * current[o] * profile[x % A1]) / w;
            if (current[o] < 0) {
              const at = { year, unit: match.units[u].id, cell: x };
              throw new ChengzhenError([{ code: 'negative_population', path: ['provinceNet', provinceCodes[p]], message: `the net migrants of province ${provinceCodes[p]} remove more people than unit ${at.unit} holds in ${year} (cell ${x}): ${current[o]}`, received: String(current[o]) }]);
            }
          }
        }
      }
    }
    return current;
  };
  /** Projected residents aged 0-9 and 10+ by province. */
  const byAge = (last: Float64Array) => {
    const young = new Float64Array(P);
    const old = new Float64Array(P);
    for (let u = 0; u < U; u++) {
      for (let hs = 0; hs < 6; hs++) {
        const o = (u * 6 + hs) * A1;
        for (let a = 0; a < A1; a++) {
          if (a < 10) young[provinceOf[u]] += last[o + a];
          else old[provinceOf[u]] += last[o + a];
        }
      }
    }
    return { young, old };
  };

  let last = projectOnce();
  let provinceErrors = { aged10Plus: 0, aged0To9: 0 };
  for (let pass = 1; pass < passes; pass++) {
    // province levels corrected on the last projection: net migration on ages 10+, fertility on ages 0-9
    const { young, old } = byAge(last);
    for (let p = 0; p < P; p++) {
      provinceNet[p] -= (old[p] - census10Plus[p]) / 10;
      if (calibrateFertility && young[p] > 0) fertilityFactor[p] *= census0To9[p] / young[p];
    }
    last = projectOnce();
  }
  if (calibrated) {
    const { young, old } = byAge(last);
    for (let p = 0; p < P; p++) {
      provinceErrors = {
        aged10Plus: Math.max(provinceErrors.aged10Plus, Math.abs(old[p] / census10Plus[p] - 1)),
        aged0To9: Math.max(provinceErrors.aged0To9, Math.abs(young[p] / census0To9[p] - 1)),
      };
    }
  }

  const units: HindcastUnit[] = match.units.map((unit, u) => {
    let projected = 0;
    for (let x = 0; x < 6 * A1; x++) projected += last[u * 6 * A1 + x];
    return { id: unit.id, tier: tier[u], provinceCode: province[u], census2010: size[u], census2020: size2020[u], projected2020: projected, error: projected / size2020[u] - 1 };
  });
  const byTier: Record<string, HindcastErrorSummary> = {};
  for (const t of ['megacity', 'supercity', 'large-1', 'large-2', 'medium', 'small']) byTier[t] = summariseErrors(units.filter((x) => x.tier === t).map((x) => x.error));
  const { young } = byAge(last);
  const provinces: HindcastProvince[] = provinceCodes.map((code, p) => {
    let census2020 = 0;
    let projected2020 = 0;
    for (const x of units) {
      if (x.provinceCode !== code) continue;
      census2020 += x.census2020;
      projected2020 += x.projected2020;
    }
    return { code, census2020, projected2020, error: projected2020 / census2020 - 1, census0To9: census0To9[p], projected0To9: young[p] };
  });
  const calibration: HindcastCalibration | null = calibrated
    ? {
        fertility,
        movers,
        nationalMoverRate: moverLevel,
        provinces: provinceCodes.map((code, p) => ({ code, moverRate: moverRate[p], fertilityFactor: fertilityFactor[p], fertilityTrend: fertilityTrend[p], netMigrants: provinceNet[p] })),
        passes,
        weightFitError,
        provinceErrors,
      }
    : null;
  return { migration, units, overall: summariseErrors(units.map((x) => x.error)), byTier, provinces, calibration, population2020: last };
}
