/**
 * The constraints' indicators (docs/constraints.md): where and when each constraint binds and
 * how many people it held back, re-routed or left behind. Flows of a year are stored at its
 * year-end; the base year holds 0.
 */

import { deepFreeze } from '../../deepFreeze.js';
import type { IndicatorInfo } from '../indicatorTable.js';

const P = [0, Infinity] as const;

/**
 * The constraint indicators, in table order. `binds` counts regions (0 or 1 for one region,
 * the number of regions where it binds for a group).
 *
 * @example
 * CONSTRAINT_INDICATORS.map((i) => i.key).slice(0, 3)
 * // => ['housing.binds', 'housing.heldBack', 'housing.rerouted']
 */
export const CONSTRAINT_INDICATORS = deepFreeze([
  { key: 'housing.binds', unit: 'regions', labelEn: 'Housing limits in-migration', labelZh: '住房约束迁入', description: 'Regions where housing for migrants limited the movers who could arrive during the year (1 for a region where it binds).', kind: 'stock', limits: P },
  { key: 'housing.heldBack', unit: 'persons per year', labelEn: 'Movers held back by housing', labelZh: '因住房未能迁入', description: 'Movers (and outside migrants) meant for the region who could not arrive for lack of housing during the year, counted at the destination; those re-routed included.', kind: 'stock', limits: P },
  { key: 'housing.rerouted', unit: 'persons per year', labelEn: 'Movers re-routed by housing', labelZh: '因住房改迁他地', description: 'Of the movers held back, those who went to other destinations of their origin instead (spill "reroute"), counted at the destination they could not reach.', kind: 'stock', limits: P },
  { key: 'settlementQuota.binds', unit: 'regions', labelEn: 'Settlement quota binds', labelZh: '落户指标约束', description: 'Regions where the settlement quota capped hukou conversions during the year.', kind: 'stock', limits: P },
  { key: 'settlementQuota.heldBack', unit: 'persons per year', labelEn: 'Conversions held back by the quota', labelZh: '超出指标未落户', description: 'Hukou conversions the rates would have granted beyond the quota during the year.', kind: 'stock', limits: P },
  { key: 'schoolAccess.binds', unit: 'regions', labelEn: 'School places run out for migrant children', labelZh: '随迁子女学位不足', description: 'Regions where public school places left for migrant children fall short of the share the region means to serve, at the end of the year.', kind: 'stock', limits: P },
  { key: 'schoolAccess.publicSchoolShare', unit: 'share (0-1)', labelEn: 'Migrant children in public schools', labelZh: '随迁子女公办学校就读比例', description: 'Share of migrant children of school age with a public school place at the end of the year: the intended share, lower where places (after local children) run out.', kind: 'stock', limits: [0, 1] },
  { key: 'schoolAccess.withoutPublicPlace', unit: 'persons', labelEn: 'Migrant children without the intended public place', labelZh: '未获公办学位的随迁子女', description: 'Migrant children of school age the region means to serve in public schools who have no place, at the end of the year.', kind: 'stock', limits: P },
  { key: 'schoolAccess.leftBehind', unit: 'persons per year', labelEn: 'Children left behind', labelZh: '留守儿童（新增）', description: 'Children of school age among rural-to-urban movers who stayed in their origin during the year because their destination had no school place for them, counted in the origin.', kind: 'stock', limits: P },
] as const satisfies readonly IndicatorInfo[]);

/** The key of an indicator a constraint adds, one of {@link CONSTRAINT_INDICATORS}. */
export type ConstraintIndicatorKey = (typeof CONSTRAINT_INDICATORS)[number]['key'];
