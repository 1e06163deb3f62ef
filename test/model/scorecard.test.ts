/**
 * scorecard(projection, targets): hand-made plan targets against China as one region,
 * 2020-2025, with school places (100 million at the end of 2020, 500,000 added a year),
 * doctors (4 million growing 2 % a year) and elderly care beds (8 million, 100,000 added a
 * year, of them 4 million nursing beds with 200,000 added a year), and the documented results of two presets, pinned to 4 decimals so that a change in
 * the model shows up here.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanTarget } from '../../seeds/types.js';
import { project } from '../../src/model/project.js';
import type { Projection } from '../../src/model/projection.js';
import { aboutTolerance, marginText, scorecard, type ScorecardRow } from '../../src/model/scorecard.js';
import { getPreset } from '../../src/presets/index.js';
import type { ScenarioInput } from '../../src/schema/scenario.js';
import { asIndicatorKey } from '../../src/model/indicatorTable.js';

const scenario: ScenarioInput = {
  name: 'China with services, 2020-2025',
  baseYear: 2020,
  endYear: 2025,
  regions: [{ id: 'china', nameEn: 'China', nameZh: '中国', tier: 'country' }],
  base: { china: { population: { census2020: 'China' }, residentUrbanisationRate: 0.6389, hukouUrbanisationRate: 0.454 } },
  demography: { mortality: { source: 'un-wpp2024' }, fertility: { tfr: 'un-wpp2024' }, netInternationalMigration: 'un-wpp2024' },
  migration: { ruralToUrbanRate: 0.02, returnRate: 0.005 },
  hukou: { conversionRate: 0.04 },
  services: {
    schoolPlaces: { migrantChildrenPublicSchoolShare: 0.9, urbanPlaces: { initial: 100_000_000, additionsPerYear: 500_000 } },
    healthCare: { doctorsPer1000Residents: 3.4, doctors: { initial: 4_000_000, growthRate: 0.02 } },
    elderlyCare: {
      bedsTarget: 8_500_000,
      beds: { initial: 8_000_000, additionsPerYear: 100_000 },
      nursingBedShare: 0.6,
      nursingBeds: { initial: 4_000_000, additionsPerYear: 200_000 },
    },
  },
};

let projection: Projection;
const at = (key: string, year: number) => {
  const s = projection.indicator(asIndicatorKey(key));
  return s.values[s.years.indexOf(year)];
};

beforeAll(() => {
  projection = project(scenario);
});

/** A target with everything a test does not care about filled in. */
function target(fields: Partial<PlanTarget> & Pick<PlanTarget, 'id' | 'value' | 'year'>): PlanTarget {
  return {
    description: `test target ${fields.id}`,
    labelZh: '测试',
    area: 'China',
    unit: 'share (0-1)',
    kind: 'level',
    role: 'outcome',
    comparison: 'atLeast',
    topic: 'urbanisation',
    indicator: 'residentUrbanisationRate',
    source: { document: 'TEST-DOC', clause: '二(一)' },
    ...fields,
  };
}

const one = (t: PlanTarget): ScorecardRow => scorecard(projection, [t])[0];

describe('scorecard(projection, targets)', () => {
  it('copies the target and its source into the row', () => {
    const row = one(target({ id: 'r', value: 0.6, year: 2024, fromYear: undefined }));
    expect(row).toMatchObject({
      id: 'r',
      description: 'test target r',
      labelZh: '测试',
      document: 'TEST-DOC',
      clause: '二(一)',
      indicator: 'residentUrbanisationRate',
      year: 2024,
      kind: 'level',
      comparison: 'atLeast',
      target: 0.6,
      unit: 'share (0-1)',
      whatItWouldTake: null,
    });
  });

  it('meets atLeast when projected >= target, with margin projected - target', () => {
    const projected = at('residentUrbanisationRate', 2024);
    expect(projected).toBeGreaterThan(0.66);
    const met = one(target({ id: 'a', value: 0.66, year: 2024 }));
    expect(met).toMatchObject({ projected, met: true, status: 'met' });
    expect(met.margin).toBe(projected - 0.66);
    const missed = one(target({ id: 'b', value: 0.7, year: 2024 }));
    expect(missed).toMatchObject({ projected, met: false, status: 'missed' });
    expect(missed.margin).toBe(projected - 0.7);
    expect(missed.margin).toBeLessThan(0);
    // exactly on the target counts as met
    expect(one(target({ id: 'c', value: projected, year: 2024 })).status).toBe('met');
  });

  it('meets atMost when projected <= target, with margin target - projected', () => {
    const projected = at('hukouUrbanisationRate', 2024);
    const missed = one(target({ id: 'h', indicator: 'hukouUrbanisationRate', comparison: 'atMost', value: 0.4, year: 2024 }));
    expect(missed).toMatchObject({ projected, met: false, status: 'missed' });
    expect(missed.margin).toBe(0.4 - projected);
    const met = one(target({ id: 'h2', indicator: 'hukouUrbanisationRate', comparison: 'atMost', value: 0.6, year: 2024 }));
    expect(met.met).toBe(true);
    expect(met.margin).toBe(0.6 - projected);
  });

  it('meets about within 0.5 points for shares and 2 % for other units', () => {
    expect(aboutTolerance(0.7, 'share (0-1)')).toBe(0.005);
    expect(aboutTolerance(1e9, 'persons')).toBe(2e7);
    const rate = at('residentUrbanisationRate', 2025);
    expect(one(target({ id: 'u1', comparison: 'about', value: rate + 0.0049, year: 2025 })).met).toBe(true);
    expect(one(target({ id: 'u2', comparison: 'about', value: rate - 0.0049, year: 2025 })).met).toBe(true);
    const far = one(target({ id: 'u3', comparison: 'about', value: rate + 0.0051, year: 2025 }));
    expect(far.met).toBe(false);
    expect(far.margin).toBeCloseTo(-0.0051, 15);
    const population = at('population', 2025);
    const people = (value: number) => target({ id: 'p', indicator: 'population', unit: 'persons', comparison: 'about', topic: 'population', value, year: 2025 });
    expect(one(people(population * 1.019)).met).toBe(true);
    expect(one(people(population * 1.021)).met).toBe(false);
    expect(one(people(population / 1.019)).met).toBe(true);
  });

  it('measures the resident rate\'s yearly rise as (rate at the end year - rate before the first) / years', () => {
    const rise = (at('residentUrbanisationRate', 2023) - at('residentUrbanisationRate', 2020)) / 3;
    expect(rise).toBeGreaterThan(0.007);
    const row = one(
      target({ id: 'rise', indicator: 'residentUrbanisationRateAnnualChange', unit: 'share (0-1) per year', kind: 'annual', comparison: 'about', value: 0.01, fromYear: 2021, year: 2023 }),
    );
    expect(row.projected).toBe(rise);
    expect(row.margin).toBe(rise - 0.01);
    expect(row.status).toBe('met');
  });

  it('measures doctors per 1000 residents from the doctor stock and the population', () => {
    const doctors2025 = 4_000_000 * 1.02 ** 5;
    expect(at('doctors.capacity', 2025)).toBeCloseTo(doctors2025, 4);
    const row = one(target({ id: 'd', indicator: 'doctorsPer1000Residents', unit: 'per 1000 residents', topic: 'health', value: 3.2, year: 2025 }));
    expect(row.projected).toBeCloseTo((1000 * doctors2025) / at('population', 2025), 10);
    expect(row.projected).toBeGreaterThan(3.1);
    expect(row.projected).toBeLessThan(3.2);
    expect(row.status).toBe('missed');
  });

  it('counts cumulative additions from the end of the year before the period, and annual ones in the target year', () => {
    const cumulative = one(target({ id: 's', indicator: 'schoolPlaces', unit: 'places', kind: 'cumulative', topic: 'education', value: 1_500_000, fromYear: 2021, year: 2023 }));
    expect(cumulative.projected).toBeCloseTo(1_500_000, 6);
    expect(cumulative.status).toBe('met');
    const tooMany = one(target({ id: 's2', indicator: 'schoolPlaces', unit: 'places', kind: 'cumulative', topic: 'education', value: 1_600_000, fromYear: 2021, year: 2023 }));
    expect(tooMany.margin).toBeCloseTo(-100_000, 6);
    expect(tooMany.status).toBe('missed');
    const annual = one(target({ id: 's3', indicator: 'schoolPlaces', unit: 'places', kind: 'annual', topic: 'education', value: 500_000, year: 2024 }));
    expect(annual.projected).toBeCloseTo(500_000, 6);
    expect(annual.note).toBe("places added: the scenario's planned additions");
    const beds = one(target({ id: 'b', indicator: 'elderlyCareBeds', unit: 'beds', topic: 'elderlyCare', value: 8_500_000, year: 2025 }));
    expect(beds.projected).toBe(8_500_000);
    expect(beds.status).toBe('met');
    const bedsAdded = one(target({ id: 'b2', indicator: 'elderlyCareBeds', unit: 'beds', kind: 'cumulative', topic: 'elderlyCare', value: 250_000, fromYear: 2022, year: 2025 }));
    expect(bedsAdded.projected).toBe(400_000);
  });

  it('measures the nursing bed share as nursing beds / elderly care beds', () => {
    // (4 million + 5 x 200,000) / (8 million + 5 x 100,000) = 5 / 8.5
    const row = one(target({ id: 'nb', indicator: 'nursingBedShare', topic: 'elderlyCare', value: 0.6, year: 2025 }));
    expect(row.projected).toBeCloseTo(5 / 8.5, 12);
    expect(row.status).toBe('missed');
    expect(row.note).toBe('nursing beds / elderly care beds');
  });

  it('marks targets outside the projection, by year or by a period starting at or before the base year', () => {
    for (const year of [2019, 2030]) {
      expect(one(target({ id: 'o', value: 0.7, year }))).toMatchObject({ status: 'outside the projection', met: null, margin: null, projected: null, note: 'the projection covers 2020-2025' });
    }
    const early = one(target({ id: 'e', indicator: 'schoolPlaces', unit: 'places', kind: 'cumulative', topic: 'education', value: 1e6, fromYear: 2020, year: 2022 }));
    expect(early).toMatchObject({ status: 'outside the projection', projected: null, met: null });
    expect(early.note).toBe('the target counts from 2020, and the projection starts from the end of 2020 (it has no change during 2020)');
    const rise = one(target({ id: 'r', indicator: 'residentUrbanisationRateAnnualChange', unit: 'share (0-1) per year', kind: 'annual', value: 0.01, fromYear: 2019, year: 2022 }));
    expect(rise.status).toBe('outside the projection');
    expect(rise.note).toBe('the target counts from 2019, and the projection starts from the end of 2020 (it has no change during 2019-2020)');
  });

  it('marks targets the projection cannot measure as not projected, saying why', () => {
    const rows = scorecard(projection, [
      target({ id: 'n1', indicator: undefined, notModelledBecause: 'transport', topic: 'other', value: 10, unit: 'km', year: 2023 }),
      target({ id: 'n2', indicator: 'childcarePlaces', unit: 'places', topic: 'childcare', value: 1e6, year: 2023 }),
      target({ id: 'n3', indicator: 'rentalHousingUnits', unit: 'units', topic: 'housing', value: 1e5, year: 2023 }),
      target({ id: 'n4', indicator: 'clinics', unit: 'clinics', kind: 'annual', topic: 'health', value: 500, year: 2023 }),
    ]);
    expect(rows.map((r) => [r.status, r.projected, r.met, r.margin])).toEqual(Array(4).fill(['not projected', null, null, null]));
    expect(rows.map((r) => r.note)).toEqual([
      'the model has no measure of this target',
      'the scenario has no service for this target',
      'the scenario counts rental housing in no unit, the target in units',
      'the scenario has no service for this target',
    ]);
  });

  it('gives a commitment an adequacy verdict, never met or missed: demand and capacity in the target year, coverage, shortfall, additions a year to close it', () => {
    const bedsTarget = target({ id: 'cb', role: 'commitment', feeds: 'services.elderlyCare.beds', indicator: 'elderlyCareBeds', unit: 'beds', topic: 'elderlyCare', kind: 'cumulative', value: 300_000, fromYear: 2023, year: 2025 });
    const row = one(bedsTarget);
    expect(row).toMatchObject({ role: 'commitment', status: 'commitment', met: null, margin: null, projected: null });
    // 8 million + 5 x 100,000 beds against a standard of 8.5 million: covered exactly; the capacity is the scenario's
    expect(row.adequacy).toMatchObject({ service: 'elderlyCareBeds', year: 2025, years: 3 });
    expect(row.adequacy!.capacity).toBeCloseTo(8_500_000, 6);
    expect(row.adequacy!.demand).toBe(8_500_000);
    // nursing beds: 60 % of 8.5 million = 5.1 million needed, 5 million there: 100,000 short, a third of it a year over 2023-2025
    const nursing = one(target({ id: 'cn', role: 'commitment', feeds: 'services.elderlyCare.nursingBeds', indicator: 'nursingBedShare', topic: 'elderlyCare', value: 0.6, fromYear: 2023, kind: 'cumulative', year: 2025 }));
    expect(nursing.adequacy!.shortfall).toBeCloseTo(100_000, 4);
    expect(nursing.adequacy!.coverage).toBeCloseTo(5 / 5.1, 12);
    expect(nursing.adequacy!.additionsPerYearToClose).toBeCloseTo(100_000 / 3, 4);
    expect(nursing.adequacy!.text).toBe('capacity covers 98 % of the demand in 2025 (5,000,000 of 5,100,000 beds); 100,000 more would close it (33,333 a year over 3 years)');
    // a commitment to a stock the scenario does not have is not projected
    const none = one(target({ id: 'cc', role: 'commitment', feeds: 'services.childcarePlaces.places', indicator: 'childcarePlaces', unit: 'places', value: 1000, year: 2024 }));
    expect(none).toMatchObject({ status: 'not projected', met: null, adequacy: null, note: 'the scenario has no services.childcarePlaces.places' });
  });

  it('says the margin in the indicator\'s unit (percentage points for rates, per year for rises) and shows the tolerance of about targets', () => {
    expect(marginText(-0.0004, 'share (0-1)')).toBe('-0.04 percentage points');
    expect(marginText(0.0123, 'share (0-1) per year')).toBe('+1.23 percentage points per year');
    expect(marginText(-0.171, 'per 1000 residents')).toBe('-0.171 per 1000 residents');
    const rate = at('residentUrbanisationRate', 2025);
    const row = one(target({ id: 'tol', comparison: 'about', value: rate + 0.004, year: 2025 }));
    expect(row).toMatchObject({ status: 'met', tolerance: 0.005, marginText: '-0.40 percentage points' });
    // a target's own tolerance replaces the default
    expect(one(target({ id: 'tol2', comparison: 'about', tolerance: 0.001, value: rate + 0.004, year: 2025 }))).toMatchObject({ status: 'missed', tolerance: 0.001 });
    expect(one(target({ id: 'tol3', value: 0.5, year: 2025 })).tolerance).toBeNull();
  });

  it('scores one region when asked, and refuses an unknown one', () => {
    const t = target({ id: 'reg', value: 0.6, year: 2024 });
    expect(scorecard(projection, [t], { region: 'china' })[0].projected).toBe(at('residentUrbanisationRate', 2024));
    expect(() => scorecard(projection, [t], { region: 'mars' })).toThrow(/region "mars" is not in the projection/);
  });
});

describe('scorecard(project(preset.scenario), preset.targets): documented results', () => {
  it('zhejiang-2023-trend: 73.97 % in 2023 against the 73.5 % target: met (published outcome 74.2 %)', () => {
    const preset = getPreset('zhejiang-2023-trend');
    const row = scorecard(project(preset.scenario), preset.targets).find((r) => r.id === 'resident-urbanisation-rate-2023')!;
    expect(row).toMatchObject({ target: 0.735, year: 2023, comparison: 'atLeast', status: 'met' });
    expect(row.projected).toBeCloseTo(0.7397, 4);
  });

  it('shandong-2021-2023-trend: 65.92 % in 2023 against the 66 % target: missed (published outcome 65.53 %)', () => {
    const preset = getPreset('shandong-2021-2023-trend');
    const rows = scorecard(project(preset.scenario), preset.targets);
    const level = rows.find((r) => r.id === 'resident-urbanisation-rate-2023')!;
    expect(level).toMatchObject({ target: 0.66, year: 2023, comparison: 'atLeast', status: 'missed' });
    expect(level.projected).toBeCloseTo(0.6592, 4);
    // the plan's "about 1 point a year" over 2021-2023: 0.96 points a year, within half a point
    const rise = rows.find((r) => r.id === 'resident-urbanisation-rate-annual-rise')!;
    expect(rise.status).toBe('met');
    expect(rise.projected).toBeCloseTo(0.0096, 4);
  });
});
