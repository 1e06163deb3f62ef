/**
 * China by county, 2024-2028 and on to 2035: the national plan (国发〔2024〕17号) on the 2,987 leaf
 * units of the 2020 census (counties, districts, county-level cities, development zones and the
 * prefectures without counties), and its trend twin.
 *
 * Base (the end of 2023): each unit's 2020 census residents carried to the end of 2023 and raked so
 * that the units add up to the national preset's base by sex and single age, its urban and hukou
 * shares shifted so that they add up to the national 66.16 % and 48.3 %
 * (src/model/counties/carryCounties.ts). Demography: the UN WPP 2024 schedules at the census
 * levels of each unit's province. Migration: the national rural-to-urban level in every unit,
 * the movers pooled by prefecture, province and nation with destination weights fitted to the
 * 2010-2020 residual net migration (src/model/counties/destinationWeights.ts). Hukou conversion:
 * a rate per unit from its city tier ({@link COUNTY_SETTLEMENT}), the settlement rules of the
 * plan's 二(二)1 by city size, scaled so that the national conversion flow at the base equals the
 * national preset's.
 *
 * The data come from `seeds/census-counties/countyPreset2023.ts`, written by
 * `scripts/buildCountyPresetSeed.ts`; building the preset computes only the per-tier rates.
 */

import { COUNTY_PRESET_2023 } from '../../seeds/census-counties/countyPreset2023.js';
import { CENSUS_2020_COUNTIES_SOURCE } from '../../seeds/census-counties/index.js';
import { PLAN_NATIONAL_2024 } from '../../seeds/plans/national-2024.js';
import type { CitedValue } from '../../seeds/types.js';
import { deepFreeze } from '../deepFreeze.js';
import { censusLevels } from '../model/censusLevels.js';
import type { CityTier } from '../model/counties/cityTiers.js';
import type { CountyPresetSeed } from '../model/counties/countyPresetSeed.js';
import type { ScenarioInput } from '../schema/scenario.js';
import { withCommitments, type PolicyAssumption } from './commitments.js';
import { FigureBook } from './figureBook.js';
import { MIGRANT_CHILDREN_PUBLIC_SCHOOL_SHARE } from './sharedFigures.js';
import { NATIONAL_2024_2028, NATIONAL_2024_2028_TREND, NATIONAL_CALIBRATION } from './national.js';
import type { Preset } from './types.js';

/** The settlement rule of one city tier: the plan's rule, and the conversion rates relative to the open tiers. */
export interface TierSettlement {
  /** The rule of 国发〔2024〕17号 二(二)1 for cities of the tier (城区常住人口). */
  rule: 'no limits' | 'eased limits' | 'points system';
  /** Hukou conversion relative to a tier without limits, 2021-2023 (trend twin). */
  trendRelative: number;
  /** Whether the plan raises the tier's conversion (settlement opened or eased). */
  planRaises: boolean;
}

/**
 * Settlement by city tier (国发〔2024〕17号 二(二)1): cities under 3 million urban residents lift
 * settlement limits, 3-5 million ease them, 5 million and over (超大, 特大) keep points systems
 * (积分落户) and are asked to drop annual quotas. The relative rates of the trend twin are an
 * assumption: the points systems of the largest cities let about half as many migrants settle a
 * year as the open cities, eased cities three quarters (no conversion rates by city are published).
 * A region's rate is addressable by its id in `hukou.conversionRate.byRegion`, and its tier is in
 * `regions[i].tier`, so a per-city quota can replace the rate of the units of one city.
 *
 * @example
 * COUNTY_SETTLEMENT.megacity.rule
 * // => 'points system'
 */
export const COUNTY_SETTLEMENT: Readonly<Record<Exclude<CityTier, 'province' | 'country'>, TierSettlement>> = deepFreeze({
  megacity: { rule: 'points system', trendRelative: 0.5, planRaises: false },
  supercity: { rule: 'points system', trendRelative: 0.5, planRaises: false },
  'large-1': { rule: 'eased limits', trendRelative: 0.75, planRaises: true },
  'large-2': { rule: 'no limits', trendRelative: 1, planRaises: true },
  medium: { rule: 'no limits', trendRelative: 1, planRaises: true },
  small: { rule: 'no limits', trendRelative: 1, planRaises: true },
});

/** Migrants (urban residents without local hukou) of each unit at the base. */
function migrantsAtBase(seed: CountyPresetSeed): Float64Array {
  return Float64Array.from(seed.ids, (_, r) => {
    let total = 0;
    for (let g = 0; g < seed.ageStarts.length; g++) total += seed.female[r][g] + seed.male[r][g];
    return total * (seed.residentUrbanisationRate[r] - seed.hukouUrbanisationRate[r]);
  });
}

/** Conversion rates by tier and the scale that makes the national flow at the base `national x migrants`. */
export interface CountyConversionRates {
  byTier: Record<string, number>;
  /** The migrant-weighted mean rate (the national level it reproduces). */
  mean: number;
}

/**
 * Conversion rates by tier: the trend twin's are `c x trendRelative` with `c` such that the
 * migrant-weighted mean is the national trend level; the plan's keep the points-system tiers at
 * their trend rate and scale the others by one factor so that the mean is the national plan's
 * assumed level.
 *
 * @example
 * const rates = countyConversionRates('trend');
 * Math.round(rates.mean * 1e4) / 1e4
 * // => 0.0556
 */
export function countyConversionRates(kind: 'plan' | 'trend', seed: CountyPresetSeed = COUNTY_PRESET_2023): CountyConversionRates {
  const migrants = migrantsAtBase(seed);
  const byTierMigrants = new Map<string, number>();
  seed.tiers.forEach((tier, r) => byTierMigrants.set(tier, (byTierMigrants.get(tier) ?? 0) + migrants[r]));
  let all = 0;
  for (const m of byTierMigrants.values()) all += m;
  const tiers = Object.entries(COUNTY_SETTLEMENT);
  let weighted = 0;
  for (const [tier, rule] of tiers) weighted += rule.trendRelative * (byTierMigrants.get(tier) ?? 0);
  const trendLevel = NATIONAL_CALIBRATION.fitted[1];
  const c = (trendLevel * all) / weighted;
  const byTier: Record<string, number> = {};
  for (const [tier, rule] of tiers) byTier[tier] = c * rule.trendRelative;
  if (kind === 'plan') {
    const planLevel = NATIONAL_2024_2028.scenario.hukou?.conversionRate as number;
    let kept = 0;
    let raised = 0;
    for (const [tier, rule] of tiers) {
      const flow = byTier[tier] * (byTierMigrants.get(tier) ?? 0);
      if (rule.planRaises) raised += flow;
      else kept += flow;
    }
    const f = (planLevel * all - kept) / raised;
    for (const [tier, rule] of tiers) if (rule.planRaises) byTier[tier] *= f;
  }
  let mean = 0;
  for (const [tier, rate] of Object.entries(byTier)) mean += (rate * (byTierMigrants.get(tier) ?? 0)) / all;
  return { byTier, mean };
}

const COUNTY_CENSUS: CitedValue<unknown>['source'] = {
  citation: `${CENSUS_2020_COUNTIES_SOURCE.citation}; carried to the end of 2023 and raked to the national preset's base (scripts/buildCountyPresetSeed.ts, src/model/counties/carryCounties.ts, docs/counties.md)`,
  repository: CENSUS_2020_COUNTIES_SOURCE.repository,
};

/** School places per unit at the base: not in the county census, so set to the base year's demand. */
function SCHOOLS_AT_BASE(where: 'urban' | 'rural'): CitedValue<string> {
  return {
    value: 'matchDemand',
    unit: 'places',
    assumption: `The ${where} compulsory school places of each unit at the end of 2023 are not in the data (the county census counts people, not places): they are set equal to that year's demand, and no additions are assumed, so a unit's shortfall or surplus in a later year is the change in its ${where} children 6-14 that schools would have to follow (国发〔2024〕17号 asks that teachers and schools follow the resident population).`,
  };
}

function nameEnOf(seed: CountyPresetSeed, r: number): string {
  const code = seed.codes[r];
  return code === null ? `Zone ${seed.ids[r].slice(1)} of prefecture ${seed.prefectures[r]}` : `Unit ${code}`;
}

function build(kind: 'plan' | 'trend', seed: CountyPresetSeed = COUNTY_PRESET_2023): Preset {
  const book = new FigureBook();
  const national = NATIONAL_2024_2028_TREND.scenario;
  const nationalFigures = NATIONAL_2024_2028_TREND.figures;
  const ids = seed.ids;
  const base: NonNullable<ScenarioInput['base']> = {};
  const mxScale: Record<string, number> = {};
  const tfrScale: Record<string, number> = {};
  const levels = new Map<number, { mortalityFactor: number; fertilityFactor: number }>();
  ids.forEach((id, r) => {
    base[id] = {
      population: { ageGroups: { starts: seed.ageStarts, female: seed.female[r], male: seed.male[r] } },
      residentUrbanisationRate: seed.residentUrbanisationRate[r],
      hukouUrbanisationRate: seed.hukouUrbanisationRate[r],
    };
    const code = seed.provinceCodes[r];
    let level = levels.get(code);
    if (!level) {
      const found = censusLevels(String(code));
      level = { mortalityFactor: found?.mortalityFactor ?? 1, fertilityFactor: found?.fertilityFactor ?? 1 };
      levels.set(code, level);
    }
    mxScale[id] = level.mortalityFactor;
    tfrScale[id] = level.fertilityFactor;
  });
  const rates = countyConversionRates(kind, seed);
  const conversion: Record<string, number> = {};
  ids.forEach((id, r) => {
    conversion[id] = rates.byTier[seed.tiers[r]];
  });
  const weightsOf = (l: number) => Object.fromEntries(ids.map((id, r) => [id, seed.weights[l][r]]));
  const levelNames = ['prefecture', 'province', 'all'] as const;
  const tierRates = Object.entries(rates.byTier)
    .map(([tier, rate]) => `${tier} ${(rate * 100).toFixed(2)} %`)
    .join(', ');
  const settlementText =
    kind === 'plan'
      ? `国发〔2024〕17号 二(二)1 lifts settlement limits in cities under 3 million urban residents, eases them at 3-5 million and keeps points systems at 5 million and over, without a number. Assumed: the points-system tiers (超大, 特大) keep their trend rates; the other tiers' rates rise by one factor so that the migrant-weighted national mean at the base is the national plan preset's assumed ${(rates.mean * 100).toFixed(1)} %. Rates: ${tierRates}.`
      : `The 2021-2023 national conversion level (${(NATIONAL_CALIBRATION.fitted[1] * 100).toFixed(2)} %, fitted in the national preset) shared among the tiers by the relative rates of COUNTY_SETTLEMENT (points systems 0.5, eased 0.75, open 1), scaled so that the migrant-weighted mean at the base is the national level. Rates: ${tierRates}.`;
  const scenario: ScenarioInput = {
    name: kind === 'plan' ? 'China by county: the 2024-2028 action plan' : 'China by county: recent trends (2021-2023) continued',
    description:
      kind === 'plan'
        ? 'The national action plan (国发〔2024〕17号) on the 2,987 units of the 2020 county census: settlement rules by city tier (二(二)1), migration between counties pooled by prefecture, province and nation.'
        : 'The 2,987 units of the 2020 county census from the end of 2023 with the national 2021-2023 levels of migration and hukou conversion, conversion shared among city tiers by their settlement rules.',
    baseYear: national.baseYear,
    endYear: national.endYear,
    regions: ids.map((id, r) => ({
      id,
      nameEn: nameEnOf(seed, r),
      nameZh: seed.names[r],
      tier: seed.tiers[r],
      province: seed.provinces[r],
      prefecture: String(seed.prefectures[r]),
    })),
    base: book.cite('base', {
      value: base,
      unit: 'residents by age group and sex; urban and hukou shares of residents',
      source: COUNTY_CENSUS as CitedValue<unknown>['source'] & object,
    }),
    demography: {
      mortality: {
        source: book.cite('demography.mortality.source', nationalFigures['demography.mortality.source'] as CitedValue<'un-wpp2024'>),
        mxScale: book.cite('demography.mortality.mxScale', {
          value: { byRegion: mxScale },
          unit: 'factor on the UN death rates',
          source: { citation: "The census mortality level of each unit's province (src/model/censusLevels.ts, docs/demography.md): 2010 census deaths relative to China, national level from the 2020 NBS deaths" },
        }),
      },
      fertility: {
        tfr: book.cite('demography.fertility.tfr', nationalFigures['demography.fertility.tfr'] as CitedValue<'un-wpp2024'>),
        tfrScale: book.cite('demography.fertility.tfrScale', {
          value: { byRegion: tfrScale },
          unit: 'factor on the UN TFR',
          source: { citation: "The census fertility level of each unit's province (src/model/censusLevels.ts, docs/demography.md): 2020 census children aged 0 over the births of the UN rates" },
        }),
      },
      levels: book.cite('demography.levels', { value: 'un-national' as const, unit: 'choice', assumption: 'The units are not census areas: their levels come from their province through mxScale and tfrScale, on the UN national schedules.' }),
      sexRatioAtBirth: book.cite('demography.sexRatioAtBirth', nationalFigures['demography.sexRatioAtBirth'] as CitedValue<'un-wpp2024'>),
      netInternationalMigration: book.cite('demography.netInternationalMigration', {
        value: 'none' as const,
        unit: 'data set',
        assumption:
          "Left out: the UN WPP 2024 net international migration of China (about -0.1 % of residents over 2024-2035) is shared among regions in proportion to their base-year cells by status, sex and age, which in units with almost no rural residents removes more children than a cell holds once the cohorts have aged; the national preset keeps it, so the county total falls short of the national one by that much.",
      }),
    },
    migration: {
      ruralToUrbanRate: book.cite('migration.ruralToUrbanRate', nationalFigures['migration.ruralToUrbanRate'] as CitedValue<number>),
      reclassificationRate: book.cite('migration.reclassificationRate', nationalFigures['migration.reclassificationRate'] as CitedValue<number>),
      returnRate: book.cite('migration.returnRate', nationalFigures['migration.returnRate'] as CitedValue<number>),
      destinations: book.cite('migration.destinations', {
        value: { pooled: { levels: levelNames.map((group, l) => ({ group, share: seed.shares[l], weight: { byRegion: weightsOf(l) } })) } },
        unit: 'shares of movers by pool; weights of units in their pool',
        assumption: `Shares (every unit alike): the national shares of the 2020 residents registered in another township of the same county, another county of the province and another province (${seed.shares.map((s) => (s * 100).toFixed(1)).join(' %, ')} %), as prefecture, province and nation pools. Weights: from the 2020 stocks of those residents by where they live, fitted by iterative proportional fitting so that each unit's net migration a year is ${seed.fit.lambda} times its 2010-2020 census residual (error ${(seed.fit.relativeError * 100).toFixed(0)} % of the gross target, ${(seed.fit.priorRelativeError * 100).toFixed(0)} % before fitting; docs/counties.md).`,
      }),
    },
    hukou: {
      conversionRate: book.cite('hukou.conversionRate', kind === 'plan'
        ? { value: { byRegion: conversion }, unit: 'share of migrants per year', assumption: settlementText }
        : { value: { byRegion: conversion }, unit: 'share of migrants per year', assumption: settlementText }),
    },
    services: {
      schoolPlaces: {
        migrantChildrenPublicSchoolShare: book.cite('services.schoolPlaces.migrantChildrenPublicSchoolShare', MIGRANT_CHILDREN_PUBLIC_SCHOOL_SHARE),
        urbanPlaces: { initial: book.cite('services.schoolPlaces.urbanPlaces.initial', SCHOOLS_AT_BASE('urban')) as 'matchDemand' },
        ruralPlaces: { initial: book.cite('services.schoolPlaces.ruralPlaces.initial', SCHOOLS_AT_BASE('rural')) as 'matchDemand' },
      },
    },
    sources: [
      { document: '国发〔2024〕17号', clause: '二(二)1', note: 'settlement limits by city size: lifted under 3 million urban residents, eased at 3-5 million, points systems at 5 million and over' },
      { document: '国发〔2024〕17号', clause: '一', note: 'resident urbanisation rate close to 70 % after five years (end of 2028)' },
      { document: '中国人口普查分县资料-2020 and -2010 (leiii/census, MIT)', note: 'units, base population, registered-elsewhere stocks, 2010-2020 residuals' },
      { document: 'UN World Population Prospects 2024', note: 'mortality, fertility, sex ratio at birth, net international migration' },
    ],
  };
  const preset: Preset = {
    id: kind === 'plan' ? 'china-counties-2024-2028' : 'china-counties-2024-2028-trend',
    title: kind === 'plan' ? 'China by county: the 2024 five-year action plan' : 'China by county: 2021-2023 trends continued',
    titleZh: kind === 'plan' ? '全国分县：以人为本的新型城镇化五年行动计划' : '全国分县：延续2021—2023年趋势',
    area: 'China',
    kind,
    twin: kind === 'plan' ? 'china-counties-2024-2028-trend' : 'china-counties-2024-2028',
    documents: [PLAN_NATIONAL_2024],
    scenario,
    figures: book.figures,
    targets: PLAN_NATIONAL_2024.targets.filter((t) => t.indicator !== undefined),
    notes: [
      'At the base the units add up to the national preset: residents by sex and five-year age group, urban residents and hukou residents (to whole-person rounding of the groups).',
      'Hukou conversion is a rate per unit by its city tier (regions[i].tier, from 2020 城区人口): the plan keeps points systems (积分落户) in cities of 5 million and over and lifts or eases limits below.',
      'Rural-to-urban movers go to pools of their prefecture, province and the nation; a unit\'s weights in each pool are fitted to the 2010-2020 county change. Returners return within their unit.',
      'Hukou rates are hukou / residents; the official rate divides by the registered population.',
    ],
  };
  if (kind === 'plan') {
    const assumption: PolicyAssumption = {
      path: 'hukou.conversionRate',
      figure: { value: { byRegion: conversion } as unknown as number, unit: 'share of migrants per year', assumption: settlementText },
      low: 0,
      high: 0,
    };
    // the policy is recorded with its tier rates; its sensitivity range is that of the national plan preset
    const national = NATIONAL_2024_2028.assumptions?.[0];
    return withCommitments(preset, [], [{ ...assumption, low: national?.low ?? 0, high: national?.high ?? 0 }]);
  }
  return preset;
}

/**
 * China by county with the national plan's settlement tiers.
 *
 * @example
 * CHINA_COUNTIES_2024_2028.scenario.regions.length
 * // => 2987
 */
export const CHINA_COUNTIES_2024_2028: Preset = build('plan');
/**
 * China by county with 2021-2023 trends continued.
 *
 * @example
 * CHINA_COUNTIES_2024_2028_TREND.twin
 * // => 'china-counties-2024-2028'
 */
export const CHINA_COUNTIES_2024_2028_TREND: Preset = build('trend');
