/**
 * The scorecard: each plan target against the projection. For each target: its value and
 * year, the projected value of the same measure, met or missed, the margin, and (filled in by
 * `solveScorecard`) the lever value that would meet a missed one.
 *
 * Comparisons: `atLeast` is met when projected >= target, `atMost` when projected <= target,
 * `about` when they differ by at most 0.5 percentage points (shares) or 2 % (other units).
 * The margin is projected - target (target - projected for `atMost`), in the target's unit.
 * A target is outside the projection when its year is, or when it counts a change (additions,
 * a rise in the rate) from a year the projection does not cover.
 */

import type { PlanTarget } from '../../seeds/types.js';
import { ALL_REGIONS, type Projection } from './projection.js';

/** What the lever that would meet a missed target must be. */
export interface WhatItWouldTake {
  lever: string;
  mode: 'value' | 'scale';
  /** The lever's value (or factor 1 for a schedule) in the scenario. */
  current: number;
  /** The value (or factor) that meets the target. */
  needed: number;
}

/** One target of the scorecard. */
export interface ScorecardRow {
  id: string;
  description: string;
  labelZh: string;
  document: string;
  clause: string;
  indicator: string | null;
  year: number;
  fromYear?: number;
  kind: PlanTarget['kind'];
  comparison: PlanTarget['comparison'];
  target: number;
  unit: string;
  /** The projected value of the same measure, or null when the projection cannot give it. */
  projected: number | null;
  /** Met (true), missed (false), or not judged (null). */
  met: boolean | null;
  margin: number | null;
  /** Why a target was not judged. */
  status: 'met' | 'missed' | 'not projected' | 'outside the projection';
  note?: string;
  /** Filled in by `solveScorecard` for missed targets that a lever can meet. */
  whatItWouldTake: WhatItWouldTake | null;
}

/**
 * The tolerance of an `about` comparison, in the target's unit: 0.005 (half a percentage
 * point) for shares, 2 % of the target otherwise.
 *
 * @example
 * aboutTolerance(0.7, 'share (0-1)')
 * // => 0.005
 * aboutTolerance(1_000_000, 'persons')
 * // => 20000
 */
export function aboutTolerance(target: number, unit: string): number {
  return unit.startsWith('share') ? 0.005 : 0.02 * Math.abs(target);
}

function valueAt(projection: Projection, key: string, year: number, region: string): number | null {
  if (!projection.indicatorKeys().includes(key)) return null;
  const series = projection.indicator(key, { region });
  const i = series.years.indexOf(year);
  return i < 0 ? null : series.values[i];
}

/** Capacity added over `[from, to]`: capacity at the end of `to` minus at the end of `from - 1`. */
function added(projection: Projection, service: string, from: number, to: number, region: string): number | null {
  const end = valueAt(projection, `${service}.capacity`, to, region);
  const start = valueAt(projection, `${service}.capacity`, from - 1, region);
  return end === null || start === null ? null : end - start;
}

function perThousand(projection: Projection, key: string, year: number, region: string): number | null {
  const value = valueAt(projection, key, year, region);
  const population = valueAt(projection, 'population', year, region);
  return value === null || population === null || population === 0 ? null : (1000 * value) / population;
}

function childrenAged(projection: Projection, year: number, region: string, from: number, to: number): number {
  const p = projection.population({ year, region });
  let sum = 0;
  for (const status of [p.rural, p.migrant, p.hukou]) for (let a = from; a <= to; a++) sum += status.female[a] + status.male[a];
  return sum;
}

/** The projected value of a target's measure, or null with the reason. */
function projectedValue(projection: Projection, t: PlanTarget, region: string): { value: number | null; note?: string } {
  const from = t.fromYear ?? t.year;
  const amount = (service: string) => (t.kind === 'level' ? valueAt(projection, `${service}.capacity`, t.year, region) : added(projection, service, t.kind === 'annual' ? t.year : from, t.year, region));
  const rentalUnit = projection.scenario.services?.rentalHousing?.unit;
  switch (t.indicator) {
    case 'residentUrbanisationRate':
    case 'hukouUrbanisationRate':
    case 'population':
      return { value: valueAt(projection, t.indicator, t.year, region) };
    case 'residentUrbanisationRateAnnualChange': {
      const end = valueAt(projection, 'residentUrbanisationRate', t.year, region);
      const start = valueAt(projection, 'residentUrbanisationRate', from - 1, region);
      return { value: end === null || start === null ? null : (end - start) / (t.year - from + 1) };
    }
    case 'doctorsPer1000Residents':
      return { value: perThousand(projection, 'doctors.capacity', t.year, region) };
    case 'childcarePlacesPer1000Residents':
      return { value: perThousand(projection, 'childcarePlaces.capacity', t.year, region) };
    case 'elderlyCareBeds':
      return { value: amount('elderlyCareBeds') };
    case 'schoolPlaces':
      return { value: amount('schoolPlaces'), note: t.kind === 'level' ? undefined : 'places added: the scenario\'s planned additions' };
    case 'childcarePlaces':
      return { value: amount('childcarePlaces') };
    case 'clinics':
      return { value: amount('clinics') };
    case 'rentalHousingUnits':
    case 'rentalHousingBeds': {
      const wanted = t.indicator === 'rentalHousingUnits' ? 'units' : 'beds';
      if (rentalUnit !== wanted) return { value: null, note: `the scenario counts rental housing in ${rentalUnit ?? 'no unit'}, the target in ${wanted}` };
      return { value: amount('rentalHousing') };
    }
    case 'nursingBedShare': {
      const nursing = valueAt(projection, 'nursingBeds.capacity', t.year, region);
      const beds = valueAt(projection, 'elderlyCareBeds.capacity', t.year, region);
      if (nursing === null || beds === null) return { value: null };
      if (beds <= 0) return { value: null, note: 'there are no elderly care beds to take a share of' };
      return { value: nursing / beds, note: 'nursing beds / elderly care beds' };
    }
    case 'preschoolInclusiveShare': {
      const places = valueAt(projection, 'preschoolPlaces.capacity', t.year, region);
      if (places === null || !projection.years.includes(t.year)) return { value: null };
      const children = childrenAged(projection, t.year, region, 3, 5);
      return { value: children > 0 ? Math.min(1, places / children) : null, note: 'inclusive places / children aged 3-5 (at most 1)' };
    }
    default:
      return { value: null, note: 'the model has no measure of this target' };
  }
}

/**
 * The first year whose change a target counts (additions or a rise in the rate), or null for a
 * level. The projection must start before it: its base year's value is where the change starts.
 */
function firstYearCounted(t: PlanTarget): number | null {
  if (t.indicator === 'residentUrbanisationRateAnnualChange' || t.kind === 'cumulative') return t.fromYear ?? t.year;
  if (t.kind === 'annual') return t.year;
  return null;
}

function judge(t: PlanTarget, projected: number): { met: boolean; margin: number } {
  const margin = t.comparison === 'atMost' ? t.value - projected : projected - t.value;
  if (t.comparison === 'about') return { met: Math.abs(margin) <= aboutTolerance(t.value, t.unit), margin };
  return { met: margin >= -1e-12 * Math.max(1, Math.abs(t.value)), margin };
}

/**
 * Scores plan targets against a projection (all regions together unless `region` is given).
 *
 * @example
 * const preset = getPreset('zhejiang-2023');
 * scorecard(project(preset.scenario), preset.targets)[0].status
 * // => 'met'
 */
export function scorecard(projection: Projection, targets: readonly PlanTarget[], options: { region?: string } = {}): ScorecardRow[] {
  const region = options.region ?? ALL_REGIONS;
  return targets.map((t): ScorecardRow => {
    const row: ScorecardRow = {
      id: t.id,
      description: t.description,
      labelZh: t.labelZh,
      document: t.source.document,
      clause: t.source.clause,
      indicator: t.indicator ?? null,
      year: t.year,
      fromYear: t.fromYear,
      kind: t.kind,
      comparison: t.comparison,
      target: t.value,
      unit: t.unit,
      projected: null,
      met: null,
      margin: null,
      status: 'not projected',
      whatItWouldTake: null,
    };
    if (t.year < projection.baseYear || t.year > projection.endYear) {
      return { ...row, status: 'outside the projection', note: `the projection covers ${projection.baseYear}-${projection.endYear}` };
    }
    const first = firstYearCounted(t);
    if (first !== null && first <= projection.baseYear) {
      return {
        ...row,
        status: 'outside the projection',
        note: `the target counts from ${first}, and the projection starts from the end of ${projection.baseYear} (it has no change during ${first}${first < projection.baseYear ? `-${projection.baseYear}` : ''})`,
      };
    }
    const { value, note } = projectedValue(projection, t, region);
    if (value === null) return { ...row, note: note ?? 'the scenario has no service for this target' };
    const { met, margin } = judge(t, value);
    return { ...row, projected: value, met, margin, status: met ? 'met' : 'missed', note };
  });
}
