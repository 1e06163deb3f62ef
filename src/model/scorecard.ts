/**
 * The scorecard: each plan target against the projection. Targets are of two roles:
 * - an *outcome* (a rate, a per-1000 ratio, a share the plan hopes for) is judged: its value and
 *   year, the projected value of the same measure, met or missed, the margin, the tolerance of an
 *   `about` target, and (filled in by `solveScorecard`) the lever value that would meet a missed
 *   one;
 * - a *commitment* (places built, beds added) is an input of the scenario, so it is never met or
 *   missed: it gets an adequacy verdict instead, the demand of the service it feeds in the target
 *   year against the capacity with the commitment, the coverage, the shortfall or surplus, and the
 *   additions a year over the commitment's period that would close the shortfall.
 *
 * Comparisons: `atLeast` is met when projected >= target, `atMost` when projected <= target,
 * `about` when they differ by at most the tolerance, 0.5 percentage points (shares) or 2 % (other
 * units). The margin is projected - target (target - projected for `atMost`), in the target's
 * unit; `marginText` says it in the indicator's own unit (percentage points for rates, points
 * per year for rises).
 * A target is outside the projection when its year is, or when it counts a change (additions,
 * a rise in the rate) from a year the projection does not cover.
 *
 * A measure the model brackets rather than pins (the inclusive share of kindergarten
 * enrolment, whose value depends on which children take which places) is judged over its
 * range: met when the end least favourable to the target meets it, missed when the most
 * favourable end misses it, `uncertain` (met: null) when the target lies within the range; the
 * row shows both ends (`range`) and its `projected` value and margin are the least favourable
 * end's.
 */

import type { PlanTarget, TargetRole } from '../../seeds/types.js';
import { ALL_REGIONS, type Projection } from './projection.js';
import { SERVICES, serviceAtStockPath } from './services/serviceIndicators.js';
import { asIndicatorKey } from './indicatorTable.js';
import { inclusiveShareRange } from './services/inclusiveShare.js';

/** What the lever that would meet a missed target must be. */
export interface WhatItWouldTake {
  lever: string;
  mode: 'value' | 'scale';
  /** The lever's value (or factor 1 for a schedule) in the scenario. */
  current: number;
  /** The value (or factor) that meets the target. */
  needed: number;
}

/**
 * The adequacy verdict of a commitment: the service it feeds, in the target year.
 * `additionsPerYearToClose` spreads the shortfall over the years of the commitment's period
 * (from its first year, or the year after the base, to the target year).
 */
export interface Adequacy {
  /** The service (`rentalHousing`) whose stock the commitment feeds. */
  service: string;
  unit: string;
  year: number;
  /** Demand in the target year, by the scenario's standard. */
  demand: number;
  /** Capacity in the target year, the commitment included. */
  capacity: number;
  /** min(1, capacity / demand); 1 with no demand. */
  coverage: number;
  shortfall: number;
  surplus: number;
  /** Years over which more additions could be made: the commitment's period within the projection. */
  years: number;
  /** Additions a year, beyond the commitment, that would close the shortfall by the target year. */
  additionsPerYearToClose: number;
  /** The verdict in one sentence. */
  text: string;
}

/**
 * The two ends of a measure the model brackets rather than pins: the inclusive share of
 * kindergarten enrolment (学前教育普惠率) depends on which children take which places, which
 * the data does not say.
 */
export interface ProjectedRange {
  low: number;
  high: number;
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
  /** An outcome (judged met or missed) or a commitment (an input: judged for adequacy). */
  role: TargetRole;
  comparison: PlanTarget['comparison'];
  target: number;
  unit: string;
  /**
   * The projected value of an outcome's measure, or null (always null for a commitment, an
   * input). For a measure with a `range`, the end least favourable to the target (the low end
   * of an at-least target): the value a "met" rests on.
   */
  projected: number | null;
  /** For a measure the model brackets, both ends of the projected range; null otherwise. */
  range: ProjectedRange | null;
  /** Met (true), missed (false), or not judged (null; always null for a commitment, and for an `uncertain` range). */
  met: boolean | null;
  margin: number | null;
  /** The margin in the indicator's own unit: `+0.96 percentage points`, `-0.04 percentage points per year`, `+1,200 places`. */
  marginText: string | null;
  /** The tolerance of an `about` target, in the target's unit (null otherwise). */
  tolerance: number | null;
  /**
   * `met` or `missed` (for a range: met at its least favourable end, missed at its most
   * favourable end), `uncertain` when the target lies within the projected range, `commitment`
   * for a commitment assessed for adequacy; otherwise why a target was not judged.
   */
  status: 'met' | 'missed' | 'uncertain' | 'commitment' | 'not projected' | 'outside the projection';
  /** For a commitment: the demand it serves and whether the capacity with it covers that. */
  adequacy: Adequacy | null;
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

/**
 * A margin in the indicator's own unit: percentage points for shares, points per year for a
 * yearly rise, the target's unit otherwise.
 *
 * @example
 * marginText(-0.0004, 'share (0-1) per year')
 * // => '-0.04 percentage points per year'
 * marginText(1234.4, 'places')
 * // => '+1,234 places'
 */
export function marginText(margin: number, unit: string): string {
  const sign = margin < 0 ? '-' : '+';
  if (unit.startsWith('share')) {
    const points = Math.abs(margin) * 100;
    return `${sign}${points.toFixed(2)} percentage points${unit.endsWith('per year') ? ' per year' : ''}`;
  }
  const m = Math.abs(margin);
  const digits = m >= 100 ? 0 : m >= 1 ? 2 : 3;
  return `${sign}${m.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${unit}`;
}

function round(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** The adequacy of a commitment that feeds a service stock, or null with the reason. */
function adequacy(projection: Projection, t: PlanTarget, region: string): { adequacy: Adequacy | null; note?: string } {
  const service = t.feeds === undefined ? undefined : serviceAtStockPath(t.feeds);
  if (service === undefined) return { adequacy: null, note: t.feeds === undefined ? 'the commitment names no scenario path it feeds' : `${t.feeds} is not a service stock the scorecard can assess` };
  const demand = valueAt(projection, `${service}.demand`, t.year, region);
  const capacity = valueAt(projection, `${service}.capacity`, t.year, region);
  if (demand === null || capacity === null) return { adequacy: null, note: `the scenario has no ${t.feeds}` };
  const shortfall = Math.max(0, demand - capacity);
  const surplus = Math.max(0, capacity - demand);
  const coverage = demand > 0 ? Math.min(1, capacity / demand) : 1;
  const first = Math.max(t.kind === 'level' ? projection.baseYear + 1 : (t.fromYear ?? t.year), projection.baseYear + 1);
  const years = Math.max(1, t.year - first + 1);
  const unit = service === 'rentalHousing' ? (projection.scenario.services?.rentalHousing?.unit ?? 'units') : SERVICES.find((s) => s.key === service)!.unit;
  const text =
    shortfall > 0
      ? `capacity covers ${(coverage * 100).toFixed(0)} % of the demand in ${t.year} (${round(capacity)} of ${round(demand)} ${unit}); ${round(shortfall)} more would close it (${round(shortfall / years)} a year over ${years} ${years === 1 ? 'year' : 'years'})`
      : `capacity covers the demand in ${t.year} (${round(capacity)} for ${round(demand)} ${unit}), a surplus of ${round(surplus)}`;
  return { adequacy: { service, unit, year: t.year, demand, capacity, coverage, shortfall, surplus, years, additionsPerYearToClose: shortfall / years, text } };
}

function valueAt(projection: Projection, key: string, year: number, region: string): number | null {
  if (!projection.indicatorKeys().includes(key)) return null;
  const series = projection.indicator(asIndicatorKey(key), { region });
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

/**
 * A projected measure: one value, or for a measure the model brackets (the inclusive share of
 * kindergarten enrolment) the low and high ends of its range, with `value` the low end.
 */
interface Measured {
  value: number | null;
  range?: ProjectedRange;
  note?: string;
}

/** Children aged `from..to`: local (rural and urban hukou) and migrant. */
function childrenAged(projection: Projection, year: number, region: string, from: number, to: number): { local: number; migrant: number } {
  const p = projection.population({ year, region });
  const sum = (status: typeof p.rural) => {
    let s = 0;
    for (let a = from; a <= to; a++) s += status.female[a] + status.male[a];
    return s;
  };
  return { local: sum(p.rural) + sum(p.hukou), migrant: sum(p.migrant) };
}

/**
 * 学前教育普惠率: children in inclusive kindergartens over children in all kindergartens, as a
 * range (see {@link inclusiveShareRange}): fill-first at the high end, migrant children placed in
 * the other kindergartens first at the low end. Without the places of other kindergartens the
 * share cannot be judged: inclusive places over children would call a stock set to its own
 * demand "100 %".
 */
function preschoolInclusiveShare(projection: Projection, year: number, region: string): Measured {
  const inclusive = valueAt(projection, 'preschoolPlaces.capacity', year, region);
  if (inclusive === null) return { value: null };
  const other = valueAt(projection, 'otherPreschoolPlaces.capacity', year, region);
  if (other === null) return { value: null, note: 'the inclusive share of enrolment needs the places of other kindergartens too (services.preschoolPlaces.otherPlaces)' };
  const children = childrenAged(projection, year, region, 3, 5);
  const range = inclusiveShareRange(inclusive, other, children.local, children.migrant);
  if (range === null) return { value: null, note: 'no child aged 3-5 is enrolled' };
  return {
    value: range.low,
    range: { low: range.low, high: range.high },
    note: 'children in inclusive places / children in all kindergarten places (children aged 3-5 up to the places); low: migrant children placed in other kindergartens first, high: every child fills inclusive places first',
  };
}

/** The projected value of a target's measure, or null with the reason. */
function projectedValue(projection: Projection, t: PlanTarget, region: string): Measured {
  const from = t.fromYear ?? t.year;
  const amount = (service: string) => (t.kind === 'level' ? valueAt(projection, `${service}.capacity`, t.year, region) : added(projection, service, t.kind === 'annual' ? t.year : from, t.year, region));
  const rentalUnit = projection.scenario.services?.rentalHousing?.unit;
  switch (t.indicator) {
    case 'hukouUrbanisationRate': {
      // 户籍人口城镇化率 is over the registered population: judged on it where the scenario carries registered stocks
      const official = valueAt(projection, 'registeredHukouUrbanisationRate', t.year, region);
      if (official !== null) return { value: official, note: 'the official rate: urban-hukou persons over the registered population (registeredHukouUrbanisationRate)' };
      return { value: valueAt(projection, t.indicator, t.year, region) };
    }
    case 'residentUrbanisationRate':
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
    case 'preschoolInclusiveShare':
      return preschoolInclusiveShare(projection, t.year, region);
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
  if (t.comparison === 'about') return { met: Math.abs(margin) <= (t.tolerance ?? aboutTolerance(t.value, t.unit)), margin };
  return { met: margin >= -1e-12 * Math.max(1, Math.abs(t.value)), margin };
}

/**
 * Judges a projected range: met when its least favourable end meets the target, missed when
 * its most favourable end misses it, uncertain otherwise. `projected` and `margin` are those of
 * the least favourable end (for an `about` target: the end farther from the target, and the
 * range misses when it lies wholly outside the tolerance).
 */
function judgeRange(t: PlanTarget, range: ProjectedRange): { status: 'met' | 'missed' | 'uncertain'; projected: number; margin: number } {
  if (t.comparison === 'about') {
    const tolerance = t.tolerance ?? aboutTolerance(t.value, t.unit);
    const far = Math.abs(range.low - t.value) >= Math.abs(range.high - t.value) ? range.low : range.high;
    const apart = range.low > t.value + tolerance || range.high < t.value - tolerance;
    const { met, margin } = judge(t, far);
    return { status: met ? 'met' : apart ? 'missed' : 'uncertain', projected: far, margin };
  }
  const [worst, best] = t.comparison === 'atMost' ? [range.high, range.low] : [range.low, range.high];
  const { met, margin } = judge(t, worst);
  return { status: met ? 'met' : judge(t, best).met ? 'uncertain' : 'missed', projected: worst, margin };
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
  return targets.map((t): ScorecardRow => {
    const region = t.region ?? options.region ?? ALL_REGIONS;
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
      role: t.role,
      comparison: t.comparison,
      target: t.value,
      unit: t.unit,
      projected: null,
      range: null,
      met: null,
      margin: null,
      marginText: null,
      tolerance: t.comparison === 'about' && t.role === 'outcome' ? (t.tolerance ?? aboutTolerance(t.value, t.unit)) : null,
      status: 'not projected',
      adequacy: null,
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
    if (t.role === 'commitment') {
      const verdict = adequacy(projection, t, region);
      if (verdict.adequacy === null) return { ...row, note: verdict.note };
      return { ...row, status: 'commitment', adequacy: verdict.adequacy, note: verdict.adequacy.text };
    }
    const { value, range, note } = projectedValue(projection, t, region);
    if (value === null) return { ...row, note: note ?? 'the scenario has no service for this target' };
    if (range !== undefined) {
      const verdict = judgeRange(t, range);
      const met = verdict.status === 'uncertain' ? null : verdict.status === 'met';
      return { ...row, projected: verdict.projected, range, met, margin: verdict.margin, marginText: marginText(verdict.margin, t.unit), status: verdict.status, note };
    }
    const { met, margin } = judge(t, value);
    return { ...row, projected: value, met, margin, marginText: marginText(margin, t.unit), status: met ? 'met' : 'missed', note };
  });
}
