/**
 * Constraints that push back on the projection (docs/constraints.md): housing that limits
 * in-migration, quotas that cap hukou conversions, school places that decide whether migrant
 * children come along. Each is optional and off unless given. Unlike services, which only read
 * the population, a constraint changes the rates of each year from the state at its start.
 */

import { z } from 'zod';
import type { ChengzhenIssue } from '../errors.js';
import { LIMITS } from '../limits.js';
import { unknownByRegionIssues } from './regionValues.js';
import { ScheduleSchema, ShareScheduleSchema } from './schedule.js';
import { CapacityStockSchema } from './services.js';

const perRegionError = (what: string) => ({ error: `must be ${what} for every region, or { byRegion: { <region id>: ... }, default: ... }` });
const perRegionSchedule = z.union(
  [ScheduleSchema, z.strictObject({ byRegion: z.record(z.string(), ScheduleSchema), default: ScheduleSchema.optional() })],
  perRegionError('a schedule (a number, { linear }, { points } or { formula })'),
);
const perRegionShareSchedule = z.union(
  [ShareScheduleSchema, z.strictObject({ byRegion: z.record(z.string(), ShareScheduleSchema), default: ShareScheduleSchema.optional() })],
  perRegionError('a share schedule (a number in [0, 1], { linear }, { points } or { formula })'),
);

/** An age range in completed years, `from <= to`. */
const AgeRangeSchema = z
  .strictObject({ from: z.number().int().min(0).max(LIMITS.maxAge), to: z.number().int().min(0).max(LIMITS.maxAge) })
  .refine((r) => r.from <= r.to, { message: 'needs from <= to' });

/** The city tiers a quota may be given for (城区常住人口 tiers of 国发〔2014〕51号). */
const QUOTA_TIERS = ['megacity', 'supercity', 'large-1', 'large-2', 'medium', 'small'] as const;

/**
 * Housing-led in-migration: the persons a housing stock can take (`capacity` x
 * `personsPerUnit`) limit how many movers in need of it (`shareInNeed` of those aged `ages`)
 * may arrive in a region each year. Regions without a capacity value are not limited.
 *
 * @example
 * HousingConstraintSchema.parse({ capacity: { initial: 1000 } }).spill
 * // => 'stay'
 */
export const HousingConstraintSchema = z.strictObject({
  spill: z.enum(['stay', 'reroute']).default('stay').describe('Movers who find no housing stay where they are ("stay"), or go to the other destinations of their origin\'s row or pool ("reroute"); those a reroute cannot place stay'),
  unit: z.enum(['beds', 'units']).default('beds').describe('What the stock counts: dormitory or builder beds, or rental units'),
  personsPerUnit: perRegionSchedule.default(1).describe('Persons housed per bed or unit, > 0'),
  shareInNeed: perRegionShareSchedule.default(1).describe('Share of migrants of the ages below who live in this housing, and of arrivals who need it, 0-1'),
  ages: AgeRangeSchema.default({ from: 16, to: 59 }).describe('Ages (at the end of the year) of the people who need the housing'),
  external: z.boolean().default(true).describe('Whether net migrants from outside the regions (migration.externalNetMigrants and net international migrants) who arrive as migrants are limited too; they cannot be rerouted'),
  capacity: CapacityStockSchema.describe('The stock in beds or units; "matchDemand" starts it at the base year\'s occupants. A region with no value (byRegion without default) is not limited'),
});

/**
 * A quota in persons per year for every region, or per region and per city tier (region
 * `tier`), with a default; a region that none of them names has no quota.
 */
const QuotaValuesSchema = z.union(
  [
    ScheduleSchema,
    z.strictObject({
      byRegion: z.record(z.string(), ScheduleSchema).optional(),
      byTier: z.partialRecord(z.enum(QUOTA_TIERS), ScheduleSchema).optional(),
      default: ScheduleSchema.optional(),
    }),
  ],
  { error: 'must be a schedule of persons per year for every region, or { byRegion, byTier, default }' },
);

/**
 * Settlement quotas: hukou conversions of a region in a year at most `persons`; when the
 * conversion rates would grant more, every age and sex is scaled by the same factor.
 *
 * @example
 * SettlementQuotaSchema.safeParse({ persons: { byTier: { megacity: 100000 } } }).success
 * // => true
 */
export const SettlementQuotaSchema = z.strictObject({
  persons: QuotaValuesSchema.describe('Conversions allowed per year (persons >= 0): one schedule, or { byRegion, byTier: { megacity, supercity, ... }, default }; byRegion first, then the region\'s tier, then default'),
});

/**
 * School access: urban public school places for children aged `ages`; local (hukou) children
 * are served first, migrant children share what is left up to `migrantChildrenPublicSchoolShare`.
 * With `leftBehind`, children who would need a place that is not there stay in their origin.
 *
 * @example
 * SchoolAccessSchema.parse({ migrantChildrenPublicSchoolShare: 0.85, places: { initial: 1e6 } }).leftBehind
 * // => false
 */
export const SchoolAccessSchema = z.strictObject({
  ages: AgeRangeSchema.default({ from: 6, to: 14 }).describe('School ages (compulsory education: 6-14)'),
  migrantChildrenPublicSchoolShare: perRegionShareSchedule.describe('Share of migrant children the region means to serve in public schools, 0-1'),
  places: CapacityStockSchema.describe('Urban public school places; "matchDemand" starts them at the base year\'s demand. A region with no value is not limited'),
  leftBehind: z.boolean().default(false).describe('Children of school age among rural-to-urban movers stay in their origin (留守儿童) when their destination has no place for them'),
});

/**
 * The constraints of a scenario; each is optional and off unless given.
 *
 * @example
 * ConstraintsSchema.parse({}).housing
 * // => undefined
 */
export const ConstraintsSchema = z.strictObject({
  housing: HousingConstraintSchema.optional(),
  settlementQuota: SettlementQuotaSchema.optional(),
  schoolAccess: SchoolAccessSchema.optional(),
});
/** The parsed constraints of a scenario (defaults filled in). */
export type Constraints = z.infer<typeof ConstraintsSchema>;
/** The constraints as written. */
export type ConstraintsInput = z.input<typeof ConstraintsSchema>;

/**
 * Problems of the constraints that need the rest of the scenario: a `byRegion` naming an
 * unknown region. Each names its path.
 *
 * @example
 * constraintScenarioIssues({ settlementQuota: { persons: { byRegion: { x: 1 } } } }, ['a'])[0].message
 * // => 'constraints.settlementQuota.persons.byRegion.x names the unknown region "x"'
 */
export function constraintScenarioIssues(constraints: unknown, regionIds: readonly string[]): ChengzhenIssue[] {
  return unknownByRegionIssues(constraints, ['constraints'], regionIds);
}
