/**
 * Properties of the services on random small populations and random standards and stocks:
 * figures finite and in range, shortfall and surplus never both positive in a region, no
 * division by zero in a year without demand or capacity, and projections whose population is
 * the same to the bit with and without services.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KernelResult } from '../../../src/kernel/types.js';
import { project } from '../../../src/model/project.js';
import { computeServices } from '../../../src/model/services/computeServices.js';
import { SERVICE_FIGURES } from '../../../src/model/services/serviceIndicators.js';
import type { ScenarioInput } from '../../../src/schema/scenario.js';
import { sameBytes } from '../../helpers/bits.js';
import { cellIndex, scenarioWith, tinyResult, type Cell } from './tinyResult.js';
import { asIndicatorKey } from '../../../src/model/indicatorTable.js';

const MAX_AGE = 70;

/** 0 or an amount from 1e-6 to `max` (a denormal capacity is rejected: see computeServices.test.ts). */
const amount = (max: number) => fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max, noNaN: true }));

/** A stock whose yearly factor 1 + growth - retirement stays in [0, 1.5]. */
const stock = fc.record({
  initial: amount(1e5),
  additionsPerYear: amount(1e3),
  growthRate: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  retirementRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
});

/**
 * Regions, years, a population per region and year (some years empty) and services, with
 * persons and shares drawn by `persons` and `share` (denormal numbers included or not).
 */
function casesWith(persons: fc.Arbitrary<number>, share: fc.Arbitrary<number>) {
  const cell: fc.Arbitrary<Cell> = fc.tuple(fc.constantFrom('rural', 'migrant', 'hukou'), fc.constantFrom('female', 'male'), fc.integer({ min: 0, max: MAX_AGE }), persons);
  const services = fc.record({
    schoolPlaces: fc.record({ migrantChildrenPublicSchoolShare: share, urbanPlaces: stock, ruralPlaces: stock }),
    preschoolPlaces: fc.record({ inclusiveCoverageShare: share, places: stock }),
    childcarePlaces: fc.oneof(
      fc.record({ placesPer1000Residents: fc.double({ min: 0, max: 10, noNaN: true }), places: stock }),
      fc.record({ placesTarget: fc.double({ min: 0, max: 1e4, noNaN: true }), places: stock }),
    ),
    rentalHousing: fc.record({ unit: fc.constantFrom('beds', 'units'), shareOfWorkingAgeMigrantsInNeed: share, personsPerUnit: fc.double({ min: 0.5, max: 4, noNaN: true }), capacity: stock }),
    healthCare: fc.record({ doctorsPer1000Residents: fc.double({ min: 0, max: 10, noNaN: true }), doctors: stock, residentsPerClinic: fc.double({ min: 100, max: 1e4, noNaN: true }), clinics: stock }),
    elderlyCare: fc.record({ olderAgeFrom: fc.constantFrom(60, 65), bedsPer1000Older: fc.double({ min: 0, max: 100, noNaN: true }), nursingBedShare: share, beds: stock, nursingBeds: stock }),
  });
  return fc
    .record({ regions: fc.integer({ min: 1, max: 3 }), years: fc.integer({ min: 2, max: 5 }) })
    .chain(({ regions, years }) =>
      fc.record({
        regions: fc.constant(regions),
        years: fc.constant(years),
        cells: fc.array(fc.array(cell, { maxLength: 25 }), { minLength: regions, maxLength: regions }),
        factors: fc.array(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 2, noNaN: true })), { minLength: years, maxLength: years }), { minLength: regions, maxLength: regions }),
        services,
        closeBy: fc.option(fc.integer({ min: 0, max: years - 1 })),
      }),
    );
}

/** Any doubles, denormal ones included. */
const cases = casesWith(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e5, noNaN: true })), fc.double({ min: 0, max: 1, noNaN: true }));
/** Normal doubles only, so that doubling a number and multiplying commute exactly. */
const normalCases = casesWith(amount(1e5), fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 1e-6, max: 1, noNaN: true })));

type Case = typeof cases extends fc.Arbitrary<infer T> ? T : never;

function setUp(c: Case) {
  const ids = Array.from({ length: c.regions }, (_, r) => `r${r}`);
  const result = tinyResult({ regions: ids, maxAge: MAX_AGE, baseYear: 2023, cells: c.cells, factors: c.factors });
  const years = Array.from({ length: c.years }, (_, y) => 2023 + y);
  const spec = { ...c.services, ...(c.closeBy === null ? {} : { closeShortfallBy: 2023 + c.closeBy }) };
  const scenario = scenarioWith(ids, 2023, 2023 + c.years - 1, spec, MAX_AGE);
  return { result, years, scenario };
}

const serviceKeys = (series: Map<string, Float64Array>) => [...new Set([...series.keys()].map((k) => k.split('.')[0]))];

describe('computeServices(scenario, result, years): properties', () => {
  it('every figure is finite; counts >= 0; coverage and migrantCoverage in [0, 1]; shortfall x surplus = 0 in each region', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { result, years, scenario } = setUp(c);
        const series = computeServices(scenario, result, years);
        const width = c.regions + 1;
        expect(serviceKeys(series)).toHaveLength(9);
        for (const key of serviceKeys(series)) {
          const f = Object.fromEntries(SERVICE_FIGURES.map((name) => [name, series.get(`${key}.${name}`)!]));
          for (let i = 0; i < years.length * width; i++) {
            const where = `${key}[${i}]`;
            for (const name of SERVICE_FIGURES) expect(Number.isFinite(f[name][i]), `${where}.${name} = ${f[name][i]}`).toBe(true);
            for (const name of ['demand', 'capacity', 'shortfall', 'surplus', 'utilisation', 'additionsNeededPerYear', 'migrantDemand'] as const) {
              expect(f[name][i], `${where}.${name}`).toBeGreaterThanOrEqual(0);
            }
            expect(f.coverage[i], where).toBeLessThanOrEqual(1);
            expect(f.coverage[i], where).toBeGreaterThanOrEqual(0);
            expect(f.migrantCoverage[i], where).toBeLessThanOrEqual(1);
            expect(f.migrantCoverage[i], where).toBeGreaterThanOrEqual(0);
            expect(f.migrantDemand[i], where).toBeLessThanOrEqual(f.demand[i] * (1 + 1e-12));
            expect(f.shortfall[i], where).toBeLessThanOrEqual(f.demand[i]);
            const scale = Math.max(1, f.demand[i], f.capacity[i]);
            expect(Math.abs(f.surplus[i] - f.shortfall[i] - (f.capacity[i] - f.demand[i])), where).toBeLessThanOrEqual(1e-9 * scale);
            if (i % width < c.regions) expect(f.shortfall[i] * f.surplus[i], where).toBe(0);
            if (f.demand[i] === 0) {
              expect(f.coverage[i], where).toBe(1);
              expect(f.utilisation[i], where).toBe(0);
              expect(f.shortfall[i], where).toBe(0);
            }
            if (f.capacity[i] === 0) expect(f.utilisation[i], where).toBe(0);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('doubling migrant children 6-14 doubles school migrant demand exactly and leaves hukou and rural demand alone', () => {
    fc.assert(
      fc.property(normalCases, (c) => {
        const { result, years, scenario } = setUp(c);
        const doubled: KernelResult = { ...result, population: result.population.map((p) => Float64Array.from(p)) };
        for (const P of doubled.population) {
          for (let r = 0; r < c.regions; r++) for (const sex of ['female', 'male'] as const) for (let a = 6; a <= 14; a++) P[cellIndex(MAX_AGE, r, 'migrant', sex, a)] *= 2;
        }
        const a = computeServices(scenario, result, years);
        const b = computeServices(scenario, doubled, years);
        const migrantA = a.get('schoolPlaces.migrantDemand')!;
        expect(b.get('schoolPlaces.migrantDemand')).toEqual(migrantA.map((v) => 2 * v));
        const demandA = a.get('schoolPlaces.demand')!;
        const demandB = b.get('schoolPlaces.demand')!;
        demandA.forEach((d, i) => expect(demandB[i] - 2 * migrantA[i]).toBeCloseTo(d - migrantA[i], 6));
        for (const f of SERVICE_FIGURES) expect(b.get(`ruralSchoolPlaces.${f}`)).toEqual(a.get(`ruralSchoolPlaces.${f}`));
        expect(b.get('schoolPlaces.capacity')).toEqual(a.get('schoolPlaces.capacity'));
      }),
      { numRuns: 50 },
    );
  });
});

describe('project(scenario): services never change the population', () => {
  it('gives the same population to the bit with and without services', () => {
    const scenario: ScenarioInput = {
      name: 'Zhejiang with services',
      baseYear: 2020,
      endYear: 2023,
      regions: [{ id: 'zhejiang', nameEn: 'Zhejiang', nameZh: '浙江' }],
      base: { zhejiang: { population: { census2020: 'Zhejiang' }, residentUrbanisationRate: 0.72, hukouUrbanisationRate: 0.5 } },
      migration: { ruralToUrbanRate: 0.02 },
      hukou: { conversionRate: 0.03 },
    };
    const withServices: ScenarioInput = {
      ...scenario,
      services: {
        schoolPlaces: { migrantChildrenPublicSchoolShare: 0.85, urbanPlaces: { initial: 4e6, additionsPerYear: 8e4 } },
        elderlyCare: { bedsPer1000Older: 40, beds: { initial: 4e5 } },
      },
    };
    const a = project(scenario);
    const b = project(withServices);
    expect(b.indicator('schoolPlaces.demand').values[0]).toBeGreaterThan(0);
    expect(() => a.indicator('schoolPlaces.demand')).toThrow('indicator "schoolPlaces.demand" is not one of');
    a.result.population.forEach((p, y) => expect(sameBytes(p, b.result.population[y]), `year ${y}`).toBe(true));
    for (const key of a.indicatorKeys()) {
      expect(b.indicator(asIndicatorKey(key)).values, key).toEqual(a.indicator(asIndicatorKey(key)).values);
    }
  });
});
