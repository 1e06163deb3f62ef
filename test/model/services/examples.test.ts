/**
 * The `@example`s in the TSDoc of the services and their schema, run as written.
 */

import { describe, expect, it } from 'vitest';
import { additionsNeeded, capacityPath, serviceFigures } from '../../../src/model/services/capacity.js';
import { SERVICE_FIGURES, SERVICE_INDICATORS, SERVICES } from '../../../src/model/services/serviceIndicators.js';
import {
  CapacityStockSchema,
  ChildcarePlacesSchema,
  ElderlyCareSchema,
  HealthCareSchema,
  PreschoolPlacesSchema,
  RentalHousingSchema,
  SchoolPlacesSchema,
  serviceFieldIssues,
  ServicesSchema,
} from '../../../src/schema/services.js';

describe('documented examples: services', () => {
  it('capacity.ts', () => {
    expect(capacityPath(100, [0, 10, 10], [0, 0.1, 0], [0, 0, 0], ['services', 'x'], [2023, 2024, 2025])).toEqual(Float64Array.of(100, 100, 110));
    expect(additionsNeeded(Float64Array.of(100, 130, 160), Float64Array.of(100, 110, 120), [0, 0, 0], [0, 0, 0], 2)).toEqual(Float64Array.of(20, 40, 40));
    expect(serviceFigures(Float64Array.of(60), Float64Array.of(40), Float64Array.of(80), Float64Array.of(0)).migrantCoverage).toEqual(Float64Array.of(0.5));
  });

  it('serviceIndicators.ts', () => {
    expect(SERVICES.find((s) => s.key === 'doctors')?.labelZh).toBe('执业（助理）医师');
    expect(SERVICE_FIGURES.length).toBe(9);
    expect(SERVICE_INDICATORS.find((i) => i.key === 'schoolPlaces.coverage')?.limits).toEqual([0, 1]);
  });

  it('schema/services.ts', () => {
    expect(CapacityStockSchema.parse({ initial: 4_000_000, additionsPerYear: 80_000 }).retirementRate).toBe(0);
    expect(SchoolPlacesSchema.parse({ migrantChildrenPublicSchoolShare: 0.85, urbanPlaces: { initial: 1e6 } }).urbanPlaces.additionsPerYear).toBe(0);
    expect(PreschoolPlacesSchema.parse({ inclusiveCoverageShare: 0.85, places: { initial: 1e6 } }).inclusiveCoverageShare).toBe(0.85);
    expect(ChildcarePlacesSchema.safeParse({ placesPer1000Residents: 3.1, placesTarget: 1e5, places: { initial: 0 } }).success).toBe(false);
    expect(RentalHousingSchema.parse({ unit: 'beds', shareOfWorkingAgeMigrantsInNeed: 0.1, capacity: { initial: 0 } }).personsPerUnit).toBe(1);
    expect(HealthCareSchema.safeParse({ doctorsPer1000Residents: 3.6, doctors: { initial: 0 }, residentsPerClinic: 2000 }).success).toBe(false);
    expect(ElderlyCareSchema.parse({ bedsTarget: 178_000, beds: { initial: 150_000 } }).olderAgeFrom).toBe(60);
    expect(ServicesSchema.parse({ healthCare: { doctorsPer1000Residents: 3.6, doctors: { initial: 1e5, growthRate: 0.03 } } }).healthCare?.doctors.growthRate).toBe(0.03);
    expect(serviceFieldIssues({ childcarePlaces: { places: { initial: 0, additionsPerYear: 0, growthRate: 0, retirementRate: 0 } } })[0].message).toBe(
      'services.childcarePlaces needs exactly one of placesPer1000Residents and placesTarget, received neither',
    );
  });
});
