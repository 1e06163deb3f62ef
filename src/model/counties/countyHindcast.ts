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
 *   the shares of the county presets, by weights of one of three kinds (`migration`): `none` (every
 *   mover stays in the unit: demography only), `stocks` (the 2020 stocks of residents registered
 *   elsewhere, as the prior of the fit), `fitted` (fitted to the 2010-2020 residuals: in sample).
 */

import { CENSUS_2010_COUNTIES } from '../../../seeds/census-counties/index.js';
import { WPP2024_CHINA_FERTILITY } from '../../../seeds/un-wpp2024/fertility.js';
import { WPP2024_CHINA_MX } from '../../../seeds/un-wpp2024/mortality.js';
import { WPP2024_CHINA_SRB } from '../../../seeds/un-wpp2024/sexRatioAtBirth.js';
import { runKernel } from '../../kernel/runKernel.js';
import type { KernelInputs, MoveMatrix } from '../../kernel/types.js';
import { censusLevels } from '../censusLevels.js';
import { labourMigrationAgeProfile } from '../demography/ageProfiles.js';
import { kernelFertility, singleYearAsfr } from '../demography/fertility.js';
import { leafTiers2020, type CityTier } from './cityTiers.js';
import { COUNTY_BASE_MAX_AGE, countyBase2020, type CountyBase2020 } from './countyBase2020.js';
import { fitDestinationWeights } from './destinationWeights.js';
import { matchCensus2010, type CensusMatch } from './matchCensus2010.js';
import { matchedUnitPopulations, residualNetMigrationOf } from './residualNetMigration.js';
import { survivalChina2010To2020 } from './countyPresetSeed.js';

/**
 * How the hindcast's movers choose destinations: `none` (they stay in their unit), `stocks` (the
 * prior weights), `fitted` (weights fitted to the residuals), `fitted+province` (fitted weights,
 * and what they leave of each province's residual net migration added as net migrants of its
 * units, in proportion to their residents, with the labour-migration age profile: the province
 * totals are then in sample, the units within a province are not).
 */
export type HindcastMigration = 'none' | 'stocks' | 'fitted' | 'fitted+province';

/** Options of {@link countyHindcast}. */
export interface CountyHindcastOptions {
  migration?: HindcastMigration;
  /**
   * Rural-to-urban migration level (share of rural residents a year). Default 0.0275: the mean
   * yearly fall of China's rural residents 2010-2020, ln(671.13 / 509.79) / 10 (NBS, 2010 and
   * 2020 year-end; an assumption: the fall also holds natural change and reclassification).
   */
  migrationLevel?: number;
  base?: CountyBase2020;
  match?: CensusMatch;
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

/** The hindcast: every unit, the summaries and the province totals. */
export interface CountyHindcast {
  migration: HindcastMigration;
  units: HindcastUnit[];
  overall: HindcastErrorSummary;
  byTier: Record<string, HindcastErrorSummary>;
  /** Province totals: census 2020, projected, error. */
  provinces: { code: number; census2020: number; projected2020: number; error: number }[];
}

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

/**
 * Projects the 2010 units to 2020 and compares with the 2020 census (see the file comment).
 * About 10-20 s (the 2020 base and the match dominate).
 *
 * @example
 * // const h = countyHindcast({ migration: 'fitted' }); h.overall.medianAbsolute
 * summariseErrors([0.1]).units
 * // => 1
 */
export function countyHindcast(options: CountyHindcastOptions = {}): CountyHindcast {
  const migration = options.migration ?? 'fitted';
  const level = options.migrationLevel ?? Math.log(671.13 / 509.79) / 10;
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
  const fertilityFactor = Float64Array.from(women, (w, u) => (w > 0 && births2010[u] > 0 ? births2010[u] / w / (allBirths / allWomen) : 1));
  const mortalityFactor = Float64Array.from(province, (code) => censusLevels(String(code))?.mortalityFactor ?? 1);

  // base population: rural and (as hukou, not moved) urban residents
  const population = new Float64Array(U * 6 * A1);
  for (let u = 0; u < U; u++) {
    for (let s = 0; s < 2; s++) {
      const p = s === 0 ? pops.p2010[u].female : pops.p2010[u].male;
      for (let a = 0; a < A1; a++) {
        population[((u * 3 + 0) * 2 + s) * A1 + a] = p[a] * (1 - urbanShare[u]);
        population[((u * 3 + 2) * 2 + s) * A1 + a] = p[a] * urbanShare[u];
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
        const v = population[((u * 3) * 2 + s) * A1 + a];
        weighted += v * profile[a];
        people += v;
      }
    }
  }
  const mRate = Float64Array.from(profile, (w) => (level * w * people) / weighted);
  const m = new Float64Array(U * 2 * A1);
  for (let u = 0; u < U; u++) for (let s = 0; s < 2; s++) m.set(mRate, (u * 2 + s) * A1);

  let D: MoveMatrix = { kind: 'identity' };
  /** Net migrants a year per unit, added by cell (fitted+province only). */
  const remainder = new Float64Array(U);
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
    const urban2010 = Float64Array.from(pops.p2010, (p, u) => (p.female.reduce((x, y) => x + y, 0) + p.male.reduce((x, y) => x + y, 0)) * urbanShare[u]);
    const priors = [urban2010, otherCounty, otherProvince];
    const movers = Float64Array.from(pops.p2010, (p, u) => level * (p.female.reduce((x, y) => x + y, 0) + p.male.reduce((x, y) => x + y, 0)) * (1 - urbanShare[u]));
    const survival = survivalChina2010To2020();
    const residual = pops.p2010.map((p2010, u) => {
      const r = residualNetMigrationOf(p2010, pops.p2020[u], survival);
      let sum = 0;
      for (let a = r.firstAge; a < A1; a++) sum += r.female[a] + r.male[a];
      return sum;
    });
    const size = pops.p2010.map((p) => p.female.reduce((x, y) => x + y, 0) + p.male.reduce((x, y) => x + y, 0));
    const residualAll = residual.reduce((x, y) => x + y, 0);
    const sizeAll = size.reduce((x, y) => x + y, 0);
    const target = Float64Array.from(residual, (r, u) => r / 10 - (residualAll * size[u]) / sizeAll / 10);
    const fit = fitDestinationWeights(
      groups.map((group, l) => ({ group, share: new Float64Array(U).fill(shares[l]), prior: priors[l] })),
      movers,
      target,
      { iterations: migration === 'stocks' ? 0 : 200 },
    );
    if (migration === 'fitted+province') {
      const byProvince = new Map<number, { left: number; size: number }>();
      for (let u = 0; u < U; u++) {
        const p = byProvince.get(province[u]) ?? { left: 0, size: 0 };
        p.left += residual[u] / 10 - fit.net[u];
        p.size += size[u];
        byProvince.set(province[u], p);
      }
      for (let u = 0; u < U; u++) {
        const p = byProvince.get(province[u])!;
        remainder[u] = (p.left * size[u]) / p.size;
      }
    }
    D = { kind: 'pooled', levels: groups.map((group, l) => ({ group, share: new Float64Array(U).fill(shares[l]), weight: fit.weight[l], groups: Math.max(...group) + 1 })) };
  }

  // demography by year
  const starts = WPP2024_CHINA_MX.ageStarts;
  const groupOf = (a: number) => {
    let g = 0;
    while (g + 1 < starts.length && starts[g + 1] <= a) g++;
    return g;
  };
  // one step at a time: the remainder of fitted+province is shared by the cells of the year's start
  let current: Float64Array = population;
  for (let year = 2011; year <= 2020; year++) {
    const period = WPP2024_CHINA_MX.periodStarts.indexOf(year <= 2015 ? 2010 : 2015);
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
        const sxs = [WPP2024_CHINA_MX.female[period], WPP2024_CHINA_MX.male[period]].map((mx) => Float64Array.from({ length: A1 }, (_, a) => Math.exp(-mortalityFactor[u] * mx[groupOf(a)])));
        d = {
          sx: sxs,
          sb: [WPP2024_CHINA_MX.female[period][0], WPP2024_CHINA_MX.male[period][0]].map((m0) => Math.exp(-0.5 * mortalityFactor[u] * m0)),
          fx: kernelFertility(asfr, sxs[0]),
        };
        byFactor.set(mortalityFactor[u], d);
      }
      for (let h = 0; h < 3; h++) {
        for (let s = 0; s < 2; s++) {
          sx.set(d.sx[s], ((u * 3 + h) * 2 + s) * A1);
          sb[(u * 3 + h) * 2 + s] = d.sb[s];
        }
        for (let a = 0; a < A1; a++) fx[(u * 3 + h) * A1 + a] = d.fx[a] * fertilityFactor[u];
      }
    }
    const n: Float64Array[] = [];
    if (migration === 'fitted+province') {
      const cells = new Float64Array(U * 6 * A1);
      for (let u = 0; u < U; u++) {
        let w = 0;
        for (let x = 0; x < 6 * A1; x++) w += current[u * 6 * A1 + x] * profile[x % A1];
        if (!(w > 0)) continue;
        for (let x = 0; x < 6 * A1; x++) cells[u * 6 * A1 + x] = (remainder[u] * current[u * 6 * A1 + x] * profile[x % A1]) / w;
      }
      n.push(cells);
    }
    const inputs: KernelInputs = { sx: [sx], sb: [sb], fx: [fx], srb: [srb], m: [m], c: [new Float64Array(U)], k: [new Float64Array(U * 2 * A1)], q: [new Float64Array(U * 2 * A1)], D: [D], E: [{ kind: 'identity' }], n };
    const step = runKernel({ regions: match.units.map((x) => x.id), maxAge: A, startYear: year, years: 1, population: current, inputs });
    current = step.population[1];
  }
  const last = current;

  const units: HindcastUnit[] = match.units.map((unit, u) => {
    let projected = 0;
    for (let x = 0; x < 6 * A1; x++) projected += last[u * 6 * A1 + x];
    const c2020 = pops.p2020[u].female.reduce((x, y) => x + y, 0) + pops.p2020[u].male.reduce((x, y) => x + y, 0);
    const c2010 = pops.p2010[u].female.reduce((x, y) => x + y, 0) + pops.p2010[u].male.reduce((x, y) => x + y, 0);
    return { id: unit.id, tier: tier[u], provinceCode: province[u], census2010: c2010, census2020: c2020, projected2020: projected, error: projected / c2020 - 1 };
  });
  const byTier: Record<string, HindcastErrorSummary> = {};
  for (const t of ['megacity', 'supercity', 'large-1', 'large-2', 'medium', 'small']) byTier[t] = summariseErrors(units.filter((x) => x.tier === t).map((x) => x.error));
  const provinceTotals = new Map<number, { census2020: number; projected2020: number }>();
  for (const x of units) {
    const p = provinceTotals.get(x.provinceCode) ?? { census2020: 0, projected2020: 0 };
    p.census2020 += x.census2020;
    p.projected2020 += x.projected2020;
    provinceTotals.set(x.provinceCode, p);
  }
  const provinces = [...provinceTotals].sort((a, b) => a[0] - b[0]).map(([code, p]) => ({ code, ...p, error: p.projected2020 / p.census2020 - 1 }));
  return { migration, units, overall: summariseErrors(units.map((x) => x.error)), byTier, provinces };
}
