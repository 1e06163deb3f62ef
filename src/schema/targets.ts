/**
 * Targets in a scenario file: the `targets` section, so that any scenario (not only a preset)
 * can be scored. Each target is an outcome (judged met or missed) or a commitment (an input of
 * the scenario, judged for its adequacy against demand). See docs/verdicts.md for the fields.
 */

import { z } from 'zod';
import type { PlanTarget } from '../../seeds/types.js';
import type { ChengzhenIssue } from '../errors.js';

/** The measures a scenario target may name, with the unit of each. */
export const TARGET_MEASURES = {
  residentUrbanisationRate: 'share (0-1)',
  hukouUrbanisationRate: 'share (0-1)',
  residentUrbanisationRateAnnualChange: 'share (0-1) per year',
  population: 'persons',
  doctorsPer1000Residents: 'per 1000 residents',
  childcarePlacesPer1000Residents: 'per 1000 residents',
  preschoolInclusiveShare: 'share (0-1)',
  nursingBedShare: 'share (0-1)',
  schoolPlaces: 'places',
  preschoolPlaces: 'places',
  childcarePlaces: 'places',
  elderlyCareBeds: 'beds',
  clinics: 'clinics',
  rentalHousingUnits: 'units',
  rentalHousingBeds: 'beds',
} as const;

/** A measure a scenario target may name. */
export type TargetMeasure = keyof typeof TARGET_MEASURES;

const measures = Object.keys(TARGET_MEASURES) as [TargetMeasure, ...TargetMeasure[]];

/**
 * One target of a scenario file.
 *
 * @example
 * ScenarioTargetSchema.parse({ kind: 'outcome', indicator: 'residentUrbanisationRate', year: 2028, comparison: 'about', value: 0.7 }).measure
 * // => 'level'
 */
export const ScenarioTargetSchema = z.strictObject({
  id: z.string().min(1).max(200).optional().describe('Stable id (default: indicator-year)'),
  kind: z.enum(['outcome', 'commitment']).describe('outcome: a level the plan hopes for, judged met or missed; commitment: something the scenario does, judged for adequacy'),
  indicator: z.enum(measures).describe('The measure'),
  region: z.string().min(1).optional().describe('Region id (default: all regions together)'),
  year: z.number().int().describe('Year by whose end it applies'),
  fromYear: z.number().int().optional().describe('First year of a cumulative or annual measure'),
  measure: z.enum(['level', 'cumulative', 'annual']).default('level').describe('A level at the year-end, a sum of additions from fromYear, or the additions of the year'),
  comparison: z.enum(['atLeast', 'atMost', 'about']).default('atLeast'),
  value: z.number().finite(),
  tolerance: z.number().min(0).optional().describe('For about: the largest difference still met, in the unit (default 0.005 for shares, 2 % otherwise)'),
  feeds: z.string().optional().describe('For a commitment: the service stock it adds to, e.g. services.schoolPlaces.urbanPlaces'),
  description: z.string().max(1000).optional(),
  source: z.string().max(1000).optional().describe('Document and clause, or data set'),
});
/** A parsed scenario target. */
export type ScenarioTarget = z.output<typeof ScenarioTargetSchema>;

const STOCK_OF: Partial<Record<TargetMeasure, string>> = {
  schoolPlaces: 'services.schoolPlaces.urbanPlaces',
  preschoolPlaces: 'services.preschoolPlaces.places',
  childcarePlaces: 'services.childcarePlaces.places',
  elderlyCareBeds: 'services.elderlyCare.beds',
  nursingBedShare: 'services.elderlyCare.nursingBeds',
  clinics: 'services.healthCare.clinics',
  rentalHousingUnits: 'services.rentalHousing.capacity',
  rentalHousingBeds: 'services.rentalHousing.capacity',
};

/**
 * The plan targets of a scenario's `targets` section, ready for `scorecard()`.
 *
 * @example
 * scenarioTargets([{ kind: 'outcome', indicator: 'residentUrbanisationRate', year: 2028, measure: 'level', comparison: 'about', value: 0.7 }])[0].unit
 * // => 'share (0-1)'
 */
export function scenarioTargets(targets: readonly ScenarioTarget[]): PlanTarget[] {
  return targets.map((t, i): PlanTarget => ({
    id: t.id ?? `${t.indicator}-${t.year}${t.region ? `-${t.region}` : ''}`,
    description: t.description ?? `${t.indicator} ${t.comparison} ${t.value} in ${t.year}`,
    labelZh: t.indicator,
    area: t.region ?? 'all regions',
    region: t.region,
    value: t.value,
    unit: TARGET_MEASURES[t.indicator],
    year: t.year,
    fromYear: t.fromYear,
    kind: t.measure,
    role: t.kind,
    feeds: t.kind === 'commitment' ? (t.feeds ?? STOCK_OF[t.indicator]) : undefined,
    comparison: t.comparison,
    tolerance: t.tolerance,
    topic: 'other',
    indicator: t.indicator,
    source: { document: t.source ?? 'scenario file', clause: `targets[${i}]` },
  }));
}

/**
 * Problems of a `targets` section that need the rest of the scenario: a region that is not one
 * of the scenario's, a fromYear after its year.
 *
 * @example
 * targetIssues([{ kind: 'outcome', indicator: 'population', region: 'mars', year: 2030, measure: 'level', comparison: 'atLeast', value: 1 }], ['china'])[0].message
 * // => 'targets[0].region names the unknown region "mars"'
 */
export function targetIssues(targets: readonly ScenarioTarget[] | undefined, regions: readonly string[]): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  (targets ?? []).forEach((t, i) => {
    if (t.region !== undefined && !regions.includes(t.region)) {
      issues.push({ code: 'invalid_value', path: ['targets', i, 'region'], message: `targets[${i}].region names the unknown region ${JSON.stringify(t.region)}`, expected: `one of ${regions.slice(0, 8).join(', ')}`, received: t.region });
    }
    if (t.fromYear !== undefined && t.fromYear > t.year) {
      issues.push({ code: 'out_of_range', path: ['targets', i, 'fromYear'], message: `targets[${i}].fromYear must be <= year (${t.year}), received ${t.fromYear}`, expected: `<= ${t.year}`, received: String(t.fromYear) });
    }
  });
  return issues;
}
