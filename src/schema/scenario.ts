/**
 * The scenario language: what an analyst writes, in the terms of the plans (an urbanisation
 * trend, a hukou policy, a fertility assumption), compiled to a kernel problem by
 * `compileScenario`. Usable from TypeScript ({@link defineScenario}) and from JSON files
 * ({@link parseScenario}); `chengzhen schema` prints it as JSON Schema for editors.
 *
 * Years: a scenario's `baseYear` population is the population at the end of that year (as
 * Chinese statistics report it: 年末), which is 1 January of the next year in the kernel.
 * Rates for year `t` apply during calendar year `t`, from the end of `t-1` to the end of `t`.
 */

import { ScenarioTargetSchema, targetIssues } from './targets.js';
import { constraintScenarioIssues, ConstraintsSchema } from './constraints.js';
import { z } from 'zod';
import { ChengzhenError, type ChengzhenIssue } from '../errors.js';
import { LIMITS } from '../limits.js';
import { parseFormula } from './formula.js';
import { baseRegionsFast } from './baseRegionsFast.js';
import { putByRegionNumbers, takeByRegionNumbers } from './byRegionFast.js';
import { isPooledDestinations, PooledDestinationsSchema } from './pooledDestinations.js';
import { ScheduleSchema, ShareScheduleSchema } from './schedule.js';
import { deepFreeze } from '../deepFreeze.js';
import { documentIssues } from './documentIssues.js';
import { scenarioIssues } from './scenarioChecks.js';
import { serviceScenarioIssues, ServicesSchema } from './services.js';
import { fromZodError } from './zodIssues.js';
import { RegisteredStocksSchema } from './registered.js';

const share = z.number().min(0).max(1);
/** The most ages a population or profile by single age can list (0 .. LIMITS.maxAge). */
const AGES = LIMITS.maxAge + 1;
/** Fertility of a status relative to the TFR: a factor, at most 10 so that births stay finite. */
const relativeFertility = z.number().min(0).max(10);
/** Persons of one age and sex, or of a region: {@link LIMITS.maxCellPersons} at most. */
const persons = z.number().min(0).max(LIMITS.maxCellPersons);
const regionId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must be a letter followed by letters, digits, _ or - (e.g. "shandong")');

/**
 * City-size tiers of the State Council's 2014 classification (城市规模划分标准), by urban
 * population: megacity above 10 million, supercity 5-10 million, large-1 3-5 million, large-2
 * 1-3 million, medium 0.5-1 million, small below 0.5 million; `province` and `country` for
 * larger units.
 *
 * @example
 * CITY_TIERS[0]
 * // => 'megacity'
 */
export const CITY_TIERS = Object.freeze(['megacity', 'supercity', 'large-1', 'large-2', 'medium', 'small', 'province', 'country'] as const);

/**
 * A region: a country, province, city or county, with an id used everywhere else in the
 * scenario (a letter, then letters, digits, `_` or `-`), English and Chinese names and an
 * optional {@link CITY_TIERS} tier.
 *
 * @example
 * RegionSchema.safeParse({ id: 'zhejiang', nameEn: 'Zhejiang', nameZh: '浙江', tier: 'village' }).success
 * // => false
 */
export const RegionSchema = z.strictObject({
  id: regionId.describe('Short id used everywhere else in the scenario, e.g. "shandong"'),
  nameEn: z.string().min(1).max(200),
  nameZh: z.string().min(1).max(200),
  tier: z.enum(CITY_TIERS).optional().describe('超大城市 megacity (>10m urban), 特大 supercity (5-10m), I/II型大城市 large-1/large-2, 中等 medium, 小 small; province or country for larger units'),
  province: z.string().min(1).max(200).optional().describe('The province the region lies in, for projection.aggregate("province"), e.g. "zhejiang"'),
  prefecture: z.string().min(1).max(200).optional().describe('The prefecture (地级) the region lies in, for projection.aggregate("prefecture"), e.g. "hangzhou"'),
});
/** A region, as {@link RegionSchema} parses it. */
export type Region = z.infer<typeof RegionSchema>;

/**
 * A value for every region, or per region with an optional default. `what` names the value's
 * forms for messages: `a schedule (a number, { linear }, { points } or { formula })`.
 */
export function perRegion<T extends z.ZodType>(schema: T, what = 'a value') {
  return z.union([schema, z.strictObject({ byRegion: z.record(z.string(), schema), default: schema.optional() })], {
    error: `must be ${what} for every region, or { byRegion: { <region id>: ... }, default: ... }`,
  });
}

/** A schedule for all regions or per region. */
export const RegionScheduleSchema = perRegion(ScheduleSchema, 'a schedule (a number, { linear }, { points } or { formula })');
/** A schedule for all regions, or `{ byRegion, default }` per region. */
export type RegionSchedule = z.infer<typeof RegionScheduleSchema>;
/** A share schedule (0-1) for all regions or per region. */
export const RegionShareScheduleSchema = perRegion(ShareScheduleSchema, 'a share schedule (a number in [0, 1], { linear }, { points } or { formula })');

/** Population by age and sex: from the 2020 census file shipped in seeds/, or given. */
export const PopulationSpecSchema = z.union([
  z.strictObject({
    census2020: z.string().min(1).describe('Province (GB/T 2260 code, Chinese or English name) or "China"; 2020 census by 5-year group, split to single ages'),
    scaleToTotal: z.number().positive().max(LIMITS.maxCellPersons).optional().describe('Rescale every age so the total equals this many persons (e.g. a later year-end total)'),
    rollForward: z.boolean().default(true).describe('For a base year after 2020, carry the census population to the end of the base year with the area\'s published births and deaths of each year (its census levels where none are published), then add the rest of the difference to scaleToTotal as migrants'),
  }),
  z.strictObject({
    ageGroups: z.strictObject({
      starts: z.array(z.number().int().min(0).max(LIMITS.maxAge)).min(2).max(AGES).describe('First age of each group, increasing; the last group is open'),
      female: z.array(persons).max(AGES),
      male: z.array(persons).max(AGES),
    }),
    scaleToTotal: z.number().positive().max(LIMITS.maxCellPersons).optional(),
  }),
  z.strictObject({
    singleAges: z.strictObject({ female: z.array(persons).max(AGES), male: z.array(persons).max(AGES) }).describe('Persons by single age 0..maxAge (last is open)'),
    scaleToTotal: z.number().positive().max(LIMITS.maxCellPersons).optional(),
  }),
], { error: 'must be { census2020: <province> }, { ageGroups: { starts, female, male } } or { singleAges: { female, male } }' });
/** A base population: a 2020 census area, age groups or single ages, by sex. */
export type PopulationSpec = z.infer<typeof PopulationSpecSchema>;
export type PopulationSpecInput = z.input<typeof PopulationSpecSchema>;

/** A value of an age profile by age: relative, so any scale, but bounded so that sums stay finite. */
const profileValue = z.number().min(0).max(LIMITS.maxCellPersons);
const height = profileValue;
/** Rates of rise and fall of a Rogers-Castro curve, per year of age. */
const curveRate = z.number().min(0).max(10);
const peakAge = z.number().min(0).max(LIMITS.maxAge);

/**
 * Parameters of a Rogers-Castro migration schedule (7 parameters, or 11 with the retirement
 * peak `a3`, `alpha3`, `mu3`, `lambda3`): heights `a1`, `a2`, `a3`, `c` >= 0, rates `alpha`,
 * `lambda` in [0, 10], peak ages `mu2`, `mu3` in [0, maxAge]. Unknown names are refused.
 *
 * @example
 * RogersCastroSchema.safeParse({ a1: 0.02, alpha1: 0.1, a2: 0.06, alpha2: 0.1, mu2: 20, lambda2: 0.4, c: 0.003, beta: 1 }).success
 * // => false
 */
export const RogersCastroSchema = z.strictObject({
  a1: height,
  alpha1: curveRate,
  a2: height,
  alpha2: curveRate,
  mu2: peakAge,
  lambda2: curveRate,
  c: height,
  a3: height.optional(),
  alpha3: curveRate.optional(),
  mu3: peakAge.optional(),
  lambda3: curveRate.optional(),
});

/** A relative age profile: a default by name, Rogers-Castro parameters, or values by single age. */
export const AgeProfileSchema = z.union([
  z.enum(['flat', 'labour-migration', 'hukou-conversion', 'return-migration']),
  z.strictObject({ rogersCastro: RogersCastroSchema }),
  z.strictObject({ byAge: z.array(profileValue).min(1).max(AGES).describe('Relative intensity by single age 0..maxAge, above 0 at some age') }),
], { error: 'must be "flat", "labour-migration", "hukou-conversion", "return-migration", { rogersCastro: { ... } } or { byAge: [...] }' });
/** The age profile of a rate: a named default, Rogers-Castro parameters, or values by single age. */
export type AgeProfile = z.infer<typeof AgeProfileSchema>;

/** Destination shares: `{ from: { to: share } }`, each origin's shares summing to 1. */
export const DestinationsSchema = z.record(z.string(), z.record(z.string(), share));

/** The base population of one region. */
export const BaseRegionSchema = z.strictObject({
  population: PopulationSpecSchema,
  residentUrbanisationRate: share.describe('Urban residents / residents at the end of the base year (常住人口城镇化率), 0-1'),
  hukouUrbanisationRate: share.describe('Residents with local urban hukou / residents (approximates 户籍人口城镇化率), 0-1'),
  statusAgePattern: z
    .strictObject({ rural: AgeProfileSchema.optional(), migrant: AgeProfileSchema.optional(), hukou: AgeProfileSchema.optional() })
    .optional()
    .describe('Seed age patterns for splitting residents into rural / migrant / hukou (defaults documented in basePopulation)'),
  registered: RegisteredStocksSchema.optional().describe(
    'Registered (户籍) stocks at the end of the base year, for the official hukou urbanisation rate (registeredHukouUrbanisationRate): residents registered elsewhere by status, and registrants living outside. One-region scenarios only',
  ),
});

export const DemographySchema = z.strictObject({
  mortality: z
    .strictObject({
      source: z.literal('un-wpp2024').describe('UN WPP 2024 death rates for China (estimates to 2023, medium variant after)'),
      mxScale: RegionScheduleSchema.optional().describe('Multiplies the death rates (1 = the region\'s default level, see demography.levels), e.g. 0.8 for lower mortality'),
    })
    .default({ source: 'un-wpp2024' }),
  fertility: z
    .strictObject({
      tfr: z
        .union([z.literal('un-wpp2024'), RegionScheduleSchema], { error: 'must be "un-wpp2024" or a schedule (for all regions or { byRegion })' })
        .describe('Total fertility rate, births per woman'),
      tfrScale: RegionScheduleSchema.optional().describe('Multiplies the TFR (1 = as given), e.g. to match a region\'s observed births with the UN TFR'),
      pattern: z.literal('un-wpp2024').default('un-wpp2024').describe('Age pattern of fertility (UN percentage distribution by age group)'),
      relativeByStatus: z
        .strictObject({ rural: relativeFertility, migrant: relativeFertility, hukou: relativeFertility })
        .optional()
        .describe('Fertility of each status relative to the TFR (default 1, 1, 1), at most 10'),
    })
    .default({ tfr: 'un-wpp2024', pattern: 'un-wpp2024' }),
  sexRatioAtBirth: z
    .union([z.literal('un-wpp2024'), RegionScheduleSchema], { error: 'must be "un-wpp2024" or a schedule (for all regions or { byRegion })' })
    .default('un-wpp2024')
    .describe('Males per female at birth'),
  netInternationalMigration: z
    .enum(['none', 'un-wpp2024'])
    .default('none')
    .describe('UN WPP 2024 net migration by age and sex for China, shared among regions by population; none for zero'),
  levels: z
    .enum(['census', 'un-national'])
    .optional()
    .describe('Default fertility and mortality levels: census (the default) fits a census area\'s own levels on the UN schedules (docs/demography.md); un-national uses the UN China schedules as they are. mxScale and tfrScale multiply them'),
});

export const MigrationSchema = z.strictObject({
  ruralToUrbanRate: RegionShareScheduleSchema.describe('Annual share of rural residents who move to a city (rural -> migrant), 0-1'),
  ruralToUrbanAgeProfile: AgeProfileSchema.default('labour-migration'),
  reclassificationRate: RegionShareScheduleSchema.default(0).describe('Annual share of rural residents whose place becomes urban and who become urban hukou residents (in-situ urbanisation), 0-1'),
  destinations: z
    .union([PooledDestinationsSchema, DestinationsSchema], { error: 'must be { <from>: { <to>: share } } or { pooled: { levels: [{ group, share, weight }] } }' })
    .optional()
    .describe('Where each region\'s rural-to-urban movers go (default: their own region): shares by origin and destination, or pooled by prefecture, province and nation (docs/pooled-moves.md)'),
  returnRate: RegionShareScheduleSchema.default(0).describe('Annual share of migrants who return to the countryside (migrant -> rural), 0-1'),
  returnAgeProfile: AgeProfileSchema.default('return-migration'),
  returnDestinations: DestinationsSchema.optional().describe('Where each region\'s returners go (default: their own region)'),
  externalNetMigrants: RegionScheduleSchema.default(0).describe(
    'Net migrants from outside the regions modelled (other provinces, for a one-province scenario), persons per year; negative for net out-migration. Added at the end of each year like net international migrants',
  ),
  externalAgeProfile: AgeProfileSchema.default('labour-migration').describe('Age profile of external migrants, applied to the region\'s base-year age structure'),
  externalStatusShares: z
    .strictObject({ rural: share, migrant: share, hukou: share })
    .default({ rural: 0, migrant: 1, hukou: 0 })
    .describe('How external net migrants divide among statuses (default: all urban residents without local hukou); must sum to 1'),
  externalInMigrants: RegionScheduleSchema.default(0).describe(
    'Gross in-migrants from outside the regions modelled (other provinces, for a one-province scenario), persons per year, >= 0: added at the end of each year, by age as externalInAgeProfile, by status as externalInStatusShares. On top of externalNetMigrants',
  ),
  externalInAgeProfile: AgeProfileSchema.default('labour-migration').describe('Ages of gross in-migrants: the profile times China\'s 2020 census residents by age and sex (where they come from), not the region\'s own population'),
  externalInStatusShares: z
    .strictObject({ rural: share, migrant: share, hukou: share })
    .default({ rural: 0, migrant: 1, hukou: 0 })
    .describe('How gross in-migrants divide among statuses (default: all urban residents without local hukou); must sum to 1'),
  externalOutMigrants: RegionScheduleSchema.default(0).describe(
    'Gross out-migrants to outside the regions modelled, persons per year, >= 0: removed at the end of each year from the statuses of externalOutStatusShares, by age as externalOutAgeProfile times the base-year residents of that status. Migrants who go home to another province leave this way',
  ),
  externalOutAgeProfile: AgeProfileSchema.default('return-migration').describe('Age profile of gross out-migrants, applied to the region\'s base-year residents of each status they leave from'),
  externalOutStatusShares: z
    .strictObject({ rural: share, migrant: share, hukou: share })
    .default({ rural: 0, migrant: 1, hukou: 0 })
    .describe('Which statuses gross out-migrants leave from (default: all urban residents without local hukou, i.e. returners who leave the area); must sum to 1'),
});

export const HukouSchema = z.strictObject({
  conversionRate: RegionShareScheduleSchema.describe('Annual share of migrants (urban residents without local hukou) who obtain it, 0-1'),
  ageProfile: AgeProfileSchema.default('hukou-conversion'),
});

/** A source of the scenario's figures (free text: the plan document and clause, or data set). */
export const ScenarioSourceSchema = z.strictObject({
  document: z.string().min(1),
  clause: z.string().optional(),
  note: z.string().optional(),
});

/**
 * A scenario: regions, base populations and rates, and the schedules of demography,
 * migration, hukou and services (the structure; {@link parseScenario} adds the cross-field
 * checks of model.md section 2).
 *
 * @example
 * ScenarioSchema.safeParse({ name: 'x' }).success
 * // => false
 */
export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('The JSON Schema of this file, for editors (chengzhen schema)'),
  extends: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('A preset id or a scenario file (a path relative to this file) this scenario builds on: its fields override the base\'s as JSON Merge Patch (RFC 7396) does, objects merged, arrays replaced, null deleting (docs/scenarios.md)'),
  name: z.string().min(1).max(200),
  description: z.string().max(10_000).default(''),
  baseYear: z.number().int().min(LIMITS.minYear).max(LIMITS.maxYear).describe('Year whose year-end population is the base'),
  endYear: z.number().int().min(LIMITS.minYear).max(LIMITS.maxYear),
  maxAge: z.number().int().min(1).max(LIMITS.maxAge).default(100),
  regions: z.array(RegionSchema).min(1).max(LIMITS.maxRegions),
  base: z.record(z.string(), BaseRegionSchema).describe('Base population of each region, by region id'),
  demography: DemographySchema.default({
    mortality: { source: 'un-wpp2024' },
    fertility: { tfr: 'un-wpp2024', pattern: 'un-wpp2024' },
    sexRatioAtBirth: 'un-wpp2024',
    netInternationalMigration: 'none',
  }),
  migration: MigrationSchema,
  hukou: HukouSchema,
  services: ServicesSchema.optional(),
  constraints: ConstraintsSchema.optional().describe('Housing, settlement quotas and school places that limit who moves and who settles (docs/constraints.md); each off unless given'),
  sources: z.array(ScenarioSourceSchema).default([]),
  targets: z.array(ScenarioTargetSchema).optional().describe('Plan targets to score the projection against (chengzhen scorecard); see docs/verdicts.md'),
});

/** A scenario as written (defaults not yet filled in). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
/** A validated scenario with defaults filled in. */
export type Scenario = z.output<typeof ScenarioSchema>;

function unknownRegion(path: (string | number)[], id: string, known: Set<string>): ChengzhenIssue {
  const list = [...known].slice(0, 8).join(', ');
  return {
    code: 'invalid_value',
    path,
    message: `${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')} names the unknown region ${JSON.stringify(id)} (regions: ${list}${known.size > 8 ? ', ...' : ''})`,
    expected: `one of the scenario's region ids`,
    received: id,
  };
}

/**
 * Every `{ formula }` schedule of a parsed scenario, checked by the formula sandbox now rather
 * than when it is compiled, so that a scenario that parses holds no formula that is not allowed.
 */
function formulaIssues(s: Scenario): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  // a node's path is built from its parents only for a formula: a scenario of thousands of
  // regions has hundreds of thousands of values and a handful of formulas
  interface Node {
    value: object;
    parent: Node | null;
    key: string | number;
  }
  const pathOf = (node: Node): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let at: Node | null = node; at !== null && at.parent !== null; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const stack: Node[] = [{ value: s, parent: null, key: '' }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const value = node.value;
    if (Array.isArray(value)) {
      // only objects can hold a formula: numbers and strings are not walked into
      for (let i = value.length - 1; i >= 0; i--) {
        const child: unknown = value[i];
        if (typeof child === 'object' && child !== null) stack.push({ value: child, parent: node, key: i });
      }
      continue;
    }
    const formula = (value as { formula?: unknown }).formula;
    if (typeof formula === 'string') {
      try {
        parseFormula(formula, [...pathOf(node), 'formula']);
      } catch (error) {
        if (!(error instanceof ChengzhenError)) throw error;
        issues.push(...error.issues);
      }
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const child: unknown = (value as Record<string, unknown>)[keys[i]];
      if (typeof child === 'object' && child !== null) stack.push({ value: child, parent: node, key: keys[i] });
    }
  }
  return issues;
}

/** Cross-field checks: region ids unique and known, hukou <= resident rate, years in order, size. */
function crossCheck(s: Scenario): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  const ids = new Set<string>();
  s.regions.forEach((r, i) => {
    if (r.id === 'all') {
      issues.push({ code: 'invalid_value', path: ['regions', i, 'id'], message: `regions[${i}].id must not be "all": it names all regions together`, received: r.id });
    }
    if (ids.has(r.id)) issues.push({ code: 'duplicate', path: ['regions', i, 'id'], message: `regions[${i}].id repeats the region id ${JSON.stringify(r.id)}`, received: r.id });
    ids.add(r.id);
  });
  if (s.endYear <= s.baseYear) {
    issues.push({ code: 'out_of_range', path: ['endYear'], message: `endYear must be after baseYear (${s.baseYear}), received ${s.endYear}`, expected: `> ${s.baseYear}`, received: String(s.endYear) });
  } else if (s.endYear - s.baseYear > LIMITS.maxYears) {
    issues.push({ code: 'too_large', path: ['endYear'], message: `endYear must be at most ${LIMITS.maxYears} years after baseYear, received ${s.endYear}`, received: String(s.endYear) });
  } else {
    const years = s.endYear - s.baseYear;
    const cells = s.regions.length * 6 * (s.maxAge + 1) * (years + 1);
    if (cells > LIMITS.maxProjectionCells) {
      const sizes = `${s.regions.length} regions x 6 x ${s.maxAge + 1} ages x ${years + 1} years = ${cells}`;
      issues.push({
        code: 'too_large',
        path: ['endYear'],
        message: `endYear must keep the projection within ${LIMITS.maxProjectionCells} population cells (LIMITS.maxProjectionCells), received ${s.endYear}: ${sizes}; project fewer years or regions`,
        expected: `at most ${LIMITS.maxProjectionCells} cells`,
        received: String(cells),
      });
    }
  }
  for (const id of Object.keys(s.base)) if (!ids.has(id)) issues.push(unknownRegion(['base', id], id, ids));
  for (const r of s.regions) {
    // own keys only: a region named "constructor" must not find Object's
    const b = Object.hasOwn(s.base, r.id) ? s.base[r.id] : undefined;
    if (!b) {
      issues.push({ code: 'invalid_value', path: ['base', r.id], message: `base.${r.id} is required: every region needs a base population`, received: 'nothing' });
    } else if (b.hukouUrbanisationRate > b.residentUrbanisationRate) {
      issues.push({
        code: 'constraint',
        path: ['base', r.id, 'hukouUrbanisationRate'],
        message: `base.${r.id}.hukouUrbanisationRate must be <= residentUrbanisationRate (${b.residentUrbanisationRate}), received ${b.hukouUrbanisationRate}`,
        expected: `<= ${b.residentUrbanisationRate}`,
        received: String(b.hukouUrbanisationRate),
      });
    }
  }
  const checkByRegion = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'object' && value !== null && 'byRegion' in value) {
      for (const id of Object.keys((value as { byRegion: object }).byRegion)) if (!ids.has(id)) issues.push(unknownRegion([...path, 'byRegion', id], id, ids));
    }
  };
  const checkMatrix = (m: Scenario['migration']['destinations'], path: (string | number)[]) => {
    if (!m) return;
    if (isPooledDestinations(m)) {
      m.pooled.levels.forEach((level, l) => {
        checkByRegion(level.share, [...path, 'pooled', 'levels', l, 'share']);
        checkByRegion(level.weight, [...path, 'pooled', 'levels', l, 'weight']);
      });
      return;
    }
    for (const [from, row] of Object.entries(m)) {
      if (!ids.has(from)) issues.push(unknownRegion([...path, from], from, ids));
      for (const to of Object.keys(row)) if (!ids.has(to)) issues.push(unknownRegion([...path, from, to], to, ids));
    }
  };
  checkByRegion(s.demography.mortality.mxScale, ['demography', 'mortality', 'mxScale']);
  checkByRegion(s.demography.fertility.tfr, ['demography', 'fertility', 'tfr']);
  checkByRegion(s.demography.fertility.tfrScale, ['demography', 'fertility', 'tfrScale']);
  checkByRegion(s.demography.sexRatioAtBirth, ['demography', 'sexRatioAtBirth']);
  checkByRegion(s.migration.ruralToUrbanRate, ['migration', 'ruralToUrbanRate']);
  checkByRegion(s.migration.reclassificationRate, ['migration', 'reclassificationRate']);
  checkByRegion(s.migration.returnRate, ['migration', 'returnRate']);
  checkByRegion(s.migration.externalNetMigrants, ['migration', 'externalNetMigrants']);
  checkByRegion(s.migration.externalInMigrants, ['migration', 'externalInMigrants']);
  checkByRegion(s.migration.externalOutMigrants, ['migration', 'externalOutMigrants']);
  for (const field of ['externalStatusShares', 'externalInStatusShares', 'externalOutStatusShares'] as const) {
    const shares = s.migration[field];
    const shareSum = shares.rural + shares.migrant + shares.hukou;
    if (Math.abs(shareSum - 1) > 1e-9) {
      issues.push({
        code: 'constraint',
        path: ['migration', field],
        message: `migration.${field} must sum to 1, received ${shareSum}`,
        expected: 'rural + migrant + hukou = 1',
        received: String(shareSum),
      });
    }
  }
  checkByRegion(s.hukou.conversionRate, ['hukou', 'conversionRate']);
  checkMatrix(s.migration.destinations, ['migration', 'destinations']);
  checkMatrix(s.migration.returnDestinations, ['migration', 'returnDestinations']);
  issues.push(...formulaIssues(s));
  issues.push(...targetIssues(s.targets, s.regions.map((r) => r.id)));
  issues.push(...serviceScenarioIssues(s.services, s.regions.map((r) => r.id), s.baseYear, s.endYear));
  issues.push(...constraintScenarioIssues(s.constraints, s.regions.map((r) => r.id)));
  return issues;
}

/**
 * Scenarios this module validated, so that passing one on (project -> compile) does not
 * validate it again. Every one is deep-frozen, so it cannot change after it was checked.
 */
const PARSED = new WeakSet<object>();

/**
 * Marks a copy of a parsed scenario, changed only in one lever's value, as parsed, so that
 * solvers and simulations do not validate the whole scenario again for every evaluation. The
 * lever's values are still checked against their ranges when the scenario is compiled. The
 * copy is frozen like every parsed scenario. For solvers only: it is not part of the public API.
 */
export function markLeverCopyParsed(copy: Scenario): Scenario {
  PARSED.add(deepFreeze(copy));
  return copy;
}

/** Result of {@link safeParseScenario}. */
export type SafeParseScenario = { success: true; data: Scenario } | { success: false; error: ChengzhenError };

/** Issues in order, each message once (a formula's fault is found by two checks). */
function distinct(issues: readonly ChengzhenIssue[]): ChengzhenIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => !seen.has(issue.message) && seen.add(issue.message) !== undefined);
}

function parseIssues(input: unknown): { issues: ChengzhenIssue[]; data?: Scenario } {
  const shape = documentIssues(input, LIMITS.maxScenarioValues);
  if (shape.length > 0) return { issues: shape };
  if (typeof input === 'object' && input !== null && Object.hasOwn(input, 'extends')) {
    const message = 'extends must be resolved before a scenario is validated: resolveScenario(document, { load }) applies it (the command line does)';
    return { issues: [{ code: 'invalid_value', path: ['extends'], message, received: String((input as { extends: unknown }).extends) }] };
  }
  // a base of thousands of regions in the common form, and per-region numbers, are read with
  // plain loops, the rest by the schema; on any problem the schema reads it all, so the issues
  // are the schema's
  const base = typeof input === 'object' && input !== null && Object.hasOwn(input, 'base') ? baseRegionsFast((input as { base: unknown }).base) : null;
  const light = takeByRegionNumbers(base === null ? input : { ...(input as object), base: {} });
  const fast = base !== null || light.taken.length > 0;
  let parsed = ScenarioSchema.safeParse(fast ? light.input : input, { reportInput: true });
  const fromLight = fast && parsed.success;
  if (!parsed.success && fast) parsed = ScenarioSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { issues: fromZodError(parsed.error) };
  if (fromLight) {
    if (base !== null) parsed.data.base = base;
    putByRegionNumbers(parsed.data, light.taken);
  }
  const issues = crossCheck(parsed.data);
  if (issues.length === 0) issues.push(...scenarioIssues(parsed.data));
  return { issues: distinct(issues), data: parsed.data };
}

/**
 * Validates a scenario (from JSON or code) and fills in its defaults. Never throws: an input
 * that cannot even be read (a getter that throws, a revoked Proxy) is an error result too.
 * The scenario returned is a deep-frozen copy, so nothing can change it after it was checked.
 *
 * @example
 * safeParseScenario({ name: 'x' }).success
 * // => false
 */
export function safeParseScenario(input: unknown): SafeParseScenario {
  try {
    if (typeof input === 'object' && input !== null && PARSED.has(input)) return { success: true, data: input as Scenario };
    const { issues, data } = parseIssues(input);
    if (issues.length > 0 || data === undefined) return { success: false, error: new ChengzhenError(issues) };
    PARSED.add(deepFreeze(data));
    return { success: true, data };
  } catch (error) {
    if (error instanceof ChengzhenError) return { success: false, error };
    const reason = error instanceof Error ? error.message : String(error);
    return {
      success: false,
      error: new ChengzhenError([{ code: 'invalid_type', path: [], message: `the scenario could not be read: ${reason}`, expected: 'plain data (JSON)', received: 'a value that throws when read' }]),
    };
  }
}

/**
 * Validates a scenario and fills in its defaults.
 *
 * @throws {ChengzhenError} naming each bad field: `base.shandong.hukouUrbanisationRate must be
 *   <= residentUrbanisationRate (0.6553), received 0.7`.
 * @example
 * parseScenario(JSON.parse(text)).regions.length
 * // => 1
 */
export function parseScenario(input: unknown): Scenario {
  const parsed = safeParseScenario(input);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

/**
 * Writes a scenario in TypeScript with its types checked and inferred, and validates it.
 *
 * @example
 * const s = defineScenario({
 *   name: 'Two towns', baseYear: 2023, endYear: 2030,
 *   regions: [{ id: 'town', nameEn: 'Town', nameZh: '镇' }],
 *   base: { town: { population: { census2020: 'Zhejiang', scaleToTotal: 1e5 }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } },
 *   migration: { ruralToUrbanRate: 0.02 },
 *   hukou: { conversionRate: 0.03 },
 * });
 * s.maxAge
 * // => 100
 */
export function defineScenario(scenario: ScenarioInput): Scenario {
  return parseScenario(scenario);
}
