/**
 * Every service on a population small enough to count by hand: two regions, maxAge 70, a few
 * non-zero cells, year-ends 2023-2025. North's population is its 2023 cells times 1, 1.5 and 2;
 * south's stays the same.
 *
 * North in 2023 (3000 residents: 650 rural, 750 migrant, 1600 urban hukou):
 *   hukou F7 100, hukou M14 100, migrant F6 50, migrant M15 70, rural F12 40,
 *   rural M5 10, migrant F3 20, hukou M2 30, migrant F0 10,
 *   migrant F16 200, migrant M59 300, hukou F40 1170, rural M40 500,
 *   migrant M60 100, rural F65 100, hukou F70+ 200.
 *   Ages 6-14: hukou 200, migrant 50 (M15 is 15), rural 40. Ages 3-5: rural 10, migrant 20.
 *   Ages 0-2: hukou 30, migrant 10 (migrant share 1/4). Migrants 16-59: 500.
 *   Aged 60+: 400 (migrant 100: share 1/4); aged 65+: 300 (no migrants).
 * South (1000 residents: 900 urban hukou, 100 migrant): hukou F7 300, migrant M10 100, hukou F40 600.
 */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../../src/errors.js';
import { sameBytes } from '../../helpers/bits.js';
import { computePlannedServices, computePlannedServicesFromSums, computePlannedServicesInPlace, computeServices, servicesAgeSumsInto, servicesAgeSumsLength } from '../../../src/model/services/computeServices.js';
import { planServices } from '../../../src/model/services/planServices.js';
import { SERVICE_FIGURES } from '../../../src/model/services/serviceIndicators.js';
import { parseScenario, type Scenario } from '../../../src/schema/scenario.js';
import { cellIndex, scenarioWith, tinyResult, type Cell } from './tinyResult.js';

const NORTH: Cell[] = [
  ['hukou', 'female', 7, 100],
  ['hukou', 'male', 14, 100],
  ['migrant', 'female', 6, 50],
  ['migrant', 'male', 15, 70],
  ['rural', 'female', 12, 40],
  ['rural', 'male', 5, 10],
  ['migrant', 'female', 3, 20],
  ['hukou', 'male', 2, 30],
  ['migrant', 'female', 0, 10],
  ['migrant', 'female', 16, 200],
  ['migrant', 'male', 59, 300],
  ['hukou', 'female', 40, 1170],
  ['rural', 'male', 40, 500],
  ['migrant', 'male', 60, 100],
  ['rural', 'female', 65, 100],
  ['hukou', 'female', 70, 200],
];
const SOUTH: Cell[] = [
  ['hukou', 'female', 7, 300],
  ['migrant', 'male', 10, 100],
  ['hukou', 'female', 40, 600],
];
const REGIONS = ['north', 'south'];
const YEARS = [2023, 2024, 2025];

const result = () => tinyResult({ regions: REGIONS, maxAge: 70, baseYear: 2023, cells: [NORTH, SOUTH], factors: [[1, 1.5, 2], [1, 1, 1]] });

const SERVICES = {
  schoolPlaces: {
    migrantChildrenPublicSchoolShare: { byRegion: { south: 1 }, default: 0.5 },
    urbanPlaces: { initial: { byRegion: { north: 210, south: 500 } }, additionsPerYear: 20 },
    ruralPlaces: { initial: 50, retirementRate: 0.1 },
  },
  preschoolPlaces: { inclusiveCoverageShare: 0.8, places: { initial: 20 } },
  childcarePlaces: { placesPer1000Residents: { byRegion: { north: 3, south: 5 } }, places: { initial: 10, additionsPerYear: 1 } },
  rentalHousing: { unit: 'units', shareOfWorkingAgeMigrantsInNeed: 0.2, personsPerUnit: 2, capacity: { initial: 40, additionsPerYear: 10 } },
  healthCare: {
    doctorsPer1000Residents: 3.6,
    doctors: { initial: { byRegion: { north: 10, south: 4 } }, growthRate: 0.1, retirementRate: 0.05 },
    residentsPerClinic: 1000,
    clinics: { initial: { byRegion: { north: 3, south: 0 } } },
  },
  elderlyCare: { olderAgeFrom: 60, bedsPer1000Older: 50, nursingBedShare: 0.6, beds: { initial: 10, additionsPerYear: 5 }, nursingBeds: { initial: 6 } },
};

/** One figure of one service in one region (0 north, 1 south, 2 all), by year. */
function pick(series: Map<string, Float64Array>, key: string, region: number): number[] {
  const data = series.get(key);
  if (!data) throw new Error(`no series ${key}`);
  return YEARS.map((_, y) => data[y * 3 + region]);
}

function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value, `index ${i}`).toBeCloseTo(expected[i], 10));
}

const NORTH_R = 0;
const SOUTH_R = 1;
const ALL = 2;

describe('computeServices(scenario, result, years)', () => {
  const series = computeServices(scenarioWith(REGIONS, 2023, 2025, SERVICES), result(), YEARS);
  const fig = (key: string, region: number) => pick(series, key, region);

  it('lists every figure of every service the scenario defines, in table order', () => {
    const services = ['schoolPlaces', 'ruralSchoolPlaces', 'preschoolPlaces', 'childcarePlaces', 'rentalHousing', 'doctors', 'clinics', 'elderlyCareBeds', 'nursingBeds'];
    expect([...series.keys()]).toEqual(services.flatMap((s) => SERVICE_FIGURES.map((f) => `${s}.${f}`)));
    for (const data of series.values()) expect(data).toHaveLength(YEARS.length * 3);
  });

  it('schoolPlaces: urban hukou children + migrant children x the public-school share, against urban places', () => {
    // north: 200 + 0.5 x 50 = 225 in 2023, x1.5 = 337.5, x2 = 450; places 210 + 20 a year
    expectClose(fig('schoolPlaces.demand', NORTH_R), [225, 337.5, 450]);
    expectClose(fig('schoolPlaces.capacity', NORTH_R), [210, 230, 250]);
    expectClose(fig('schoolPlaces.shortfall', NORTH_R), [15, 107.5, 200]);
    expectClose(fig('schoolPlaces.surplus', NORTH_R), [0, 0, 0]);
    expectClose(fig('schoolPlaces.utilisation', NORTH_R), [225 / 210, 337.5 / 230, 1.8]);
    expectClose(fig('schoolPlaces.coverage', NORTH_R), [210 / 225, 230 / 337.5, 250 / 450]);
    // shortfall in 2025 = 200: 200 / 2 a year from 2023, 200 from 2024, 200 in 2025
    expectClose(fig('schoolPlaces.additionsNeededPerYear', NORTH_R), [100, 200, 200]);
    expectClose(fig('schoolPlaces.migrantDemand', NORTH_R), [25, 37.5, 50]);
    // hukou children first: 210 - 200 = 10 left for 25 migrant children = 0.4; then none left
    expectClose(fig('schoolPlaces.migrantCoverage', NORTH_R), [0.4, 0, 0]);
    // south: share 1 by region: 300 + 100 = 400 against 500, 520, 540
    expectClose(fig('schoolPlaces.demand', SOUTH_R), [400, 400, 400]);
    expectClose(fig('schoolPlaces.surplus', SOUTH_R), [100, 120, 140]);
    expectClose(fig('schoolPlaces.shortfall', SOUTH_R), [0, 0, 0]);
    expectClose(fig('schoolPlaces.utilisation', SOUTH_R), [0.8, 400 / 520, 400 / 540]);
    expectClose(fig('schoolPlaces.coverage', SOUTH_R), [1, 1, 1]);
    expectClose(fig('schoolPlaces.migrantCoverage', SOUTH_R), [1, 1, 1]);
    expectClose(fig('schoolPlaces.additionsNeededPerYear', SOUTH_R), [0, 0, 0]);
  });

  it('ruralSchoolPlaces: rural children 6-14 against rural places that retire 10 % a year', () => {
    // north: 40, 60, 80 against 50, 50 x 0.9 = 45, 45 x 0.9 = 40.5
    expectClose(fig('ruralSchoolPlaces.demand', NORTH_R), [40, 60, 80]);
    expectClose(fig('ruralSchoolPlaces.capacity', NORTH_R), [50, 45, 40.5]);
    expectClose(fig('ruralSchoolPlaces.shortfall', NORTH_R), [0, 15, 39.5]);
    expectClose(fig('ruralSchoolPlaces.surplus', NORTH_R), [10, 0, 0]);
    expectClose(fig('ruralSchoolPlaces.coverage', NORTH_R), [1, 0.75, 40.5 / 80]);
    // shortfall in 2025 = 39.5; from 2023 an extra x in 2024 and 2025 adds 0.9x + x: 39.5 / 1.9
    // check: 45 + 20.789 = 65.789 in 2024, 65.789 x 0.9 + 20.789 = 80 in 2025
    expectClose(fig('ruralSchoolPlaces.additionsNeededPerYear', NORTH_R), [39.5 / 1.9, 39.5, 39.5]);
    expectClose(fig('ruralSchoolPlaces.migrantDemand', NORTH_R), [0, 0, 0]);
    expectClose(fig('ruralSchoolPlaces.migrantCoverage', NORTH_R), [1, 1, 1]);
    // south has no rural children: no demand, coverage 1, utilisation 0
    expectClose(fig('ruralSchoolPlaces.demand', SOUTH_R), [0, 0, 0]);
    expectClose(fig('ruralSchoolPlaces.coverage', SOUTH_R), [1, 1, 1]);
    expectClose(fig('ruralSchoolPlaces.utilisation', SOUTH_R), [0, 0, 0]);
    expectClose(fig('ruralSchoolPlaces.surplus', SOUTH_R), [50, 45, 40.5]);
  });

  it('preschoolPlaces: children 3-5 x the inclusive-coverage share', () => {
    // north: (10 rural + 20 migrant) x 0.8 = 24; locals 8, migrants 16; places 20
    expectClose(fig('preschoolPlaces.demand', NORTH_R), [24, 36, 48]);
    expectClose(fig('preschoolPlaces.migrantDemand', NORTH_R), [16, 24, 32]);
    expectClose(fig('preschoolPlaces.capacity', NORTH_R), [20, 20, 20]);
    expectClose(fig('preschoolPlaces.shortfall', NORTH_R), [4, 16, 28]);
    expectClose(fig('preschoolPlaces.utilisation', NORTH_R), [1.2, 1.8, 2.4]);
    expectClose(fig('preschoolPlaces.coverage', NORTH_R), [20 / 24, 20 / 36, 20 / 48]);
    // left for migrants: 20 - 8 = 12 of 16; 20 - 12 = 8 of 24; 20 - 16 = 4 of 32
    expectClose(fig('preschoolPlaces.migrantCoverage', NORTH_R), [0.75, 1 / 3, 0.125]);
    expectClose(fig('preschoolPlaces.additionsNeededPerYear', NORTH_R), [14, 28, 28]);
    // south: no children 3-5
    expectClose(fig('preschoolPlaces.demand', SOUTH_R), [0, 0, 0]);
    expectClose(fig('preschoolPlaces.surplus', SOUTH_R), [20, 20, 20]);
    expectClose(fig('preschoolPlaces.coverage', SOUTH_R), [1, 1, 1]);
    expectClose(fig('preschoolPlaces.utilisation', SOUTH_R), [0, 0, 0]);
    expectClose(fig('preschoolPlaces.migrantCoverage', SOUTH_R), [1, 1, 1]);
  });

  it('childcarePlaces: places per 1000 residents, migrants\' part by their share of children 0-2', () => {
    // north: 3 x 3000 / 1000 = 9, then 13.5, 18; migrant children 10 of 40: 1/4
    expectClose(fig('childcarePlaces.demand', NORTH_R), [9, 13.5, 18]);
    expectClose(fig('childcarePlaces.migrantDemand', NORTH_R), [2.25, 3.375, 4.5]);
    expectClose(fig('childcarePlaces.capacity', NORTH_R), [10, 11, 12]);
    expectClose(fig('childcarePlaces.shortfall', NORTH_R), [0, 2.5, 6]);
    expectClose(fig('childcarePlaces.surplus', NORTH_R), [1, 0, 0]);
    // 2024: 11 - 10.125 = 0.875 left for 3.375
    expectClose(fig('childcarePlaces.migrantCoverage', NORTH_R), [1, 0.875 / 3.375, 0]);
    expectClose(fig('childcarePlaces.additionsNeededPerYear', NORTH_R), [3, 6, 6]);
    // south: 5 x 1000 / 1000 = 5; no children 0-2, so no migrant part
    expectClose(fig('childcarePlaces.demand', SOUTH_R), [5, 5, 5]);
    expectClose(fig('childcarePlaces.migrantDemand', SOUTH_R), [0, 0, 0]);
    expectClose(fig('childcarePlaces.surplus', SOUTH_R), [5, 6, 7]);
  });

  it('rentalHousing: migrants 16-59 x the share in need / persons per unit', () => {
    // north: 500 x 0.2 / 2 = 50, then 75, 100 units against 40 + 10 a year
    expectClose(fig('rentalHousing.demand', NORTH_R), [50, 75, 100]);
    expectClose(fig('rentalHousing.migrantDemand', NORTH_R), [50, 75, 100]);
    expectClose(fig('rentalHousing.capacity', NORTH_R), [40, 50, 60]);
    expectClose(fig('rentalHousing.shortfall', NORTH_R), [10, 25, 40]);
    expectClose(fig('rentalHousing.coverage', NORTH_R), [0.8, 50 / 75, 0.6]);
    expectClose(fig('rentalHousing.migrantCoverage', NORTH_R), [0.8, 50 / 75, 0.6]);
    expectClose(fig('rentalHousing.utilisation', NORTH_R), [1.25, 1.5, 100 / 60]);
    expectClose(fig('rentalHousing.additionsNeededPerYear', NORTH_R), [20, 40, 40]);
    // south: no migrants of working age
    expectClose(fig('rentalHousing.demand', SOUTH_R), [0, 0, 0]);
    expectClose(fig('rentalHousing.surplus', SOUTH_R), [40, 50, 60]);
  });

  it('doctors: per 1000 residents against a workforce growing 10 % and retiring 5 % a year', () => {
    // north: 3.6 x 3000 / 1000 = 10.8, 16.2, 21.6; migrants 1/4 of residents
    // workforce x 1.05 a year: 10, 10.5, 11.025
    expectClose(fig('doctors.demand', NORTH_R), [10.8, 16.2, 21.6]);
    expectClose(fig('doctors.migrantDemand', NORTH_R), [2.7, 4.05, 5.4]);
    expectClose(fig('doctors.capacity', NORTH_R), [10, 10.5, 11.025]);
    expectClose(fig('doctors.shortfall', NORTH_R), [0.8, 5.7, 10.575]);
    // 2023: 10 - 8.1 = 1.9 left for 2.7
    expectClose(fig('doctors.migrantCoverage', NORTH_R), [1.9 / 2.7, 0, 0]);
    // 2025 shortfall 10.575; from 2023, x added in 2024 grows by 1.05 into 2025: W = 2.05
    expectClose(fig('doctors.additionsNeededPerYear', NORTH_R), [10.575 / 2.05, 10.575, 10.575]);
    // south: 3.6 of which 0.36 migrants, against 4, 4.2, 4.41
    expectClose(fig('doctors.demand', SOUTH_R), [3.6, 3.6, 3.6]);
    expectClose(fig('doctors.migrantDemand', SOUTH_R), [0.36, 0.36, 0.36]);
    expectClose(fig('doctors.surplus', SOUTH_R), [0.4, 0.6, 0.81]);
    expectClose(fig('doctors.additionsNeededPerYear', SOUTH_R), [0, 0, 0]);
  });

  it('clinics: residents / residents per clinic; a region without clinics has utilisation 0 and coverage 0', () => {
    // north: 3000 / 1000 = 3, 4.5, 6 against 3
    expectClose(fig('clinics.demand', NORTH_R), [3, 4.5, 6]);
    expectClose(fig('clinics.shortfall', NORTH_R), [0, 1.5, 3]);
    expectClose(fig('clinics.migrantDemand', NORTH_R), [0.75, 1.125, 1.5]);
    expectClose(fig('clinics.migrantCoverage', NORTH_R), [1, 0, 0]);
    expectClose(fig('clinics.additionsNeededPerYear', NORTH_R), [1.5, 3, 3]);
    // south: 1 clinic needed, none there
    expectClose(fig('clinics.demand', SOUTH_R), [1, 1, 1]);
    expectClose(fig('clinics.capacity', SOUTH_R), [0, 0, 0]);
    expectClose(fig('clinics.shortfall', SOUTH_R), [1, 1, 1]);
    expectClose(fig('clinics.utilisation', SOUTH_R), [0, 0, 0]);
    expectClose(fig('clinics.coverage', SOUTH_R), [0, 0, 0]);
    expectClose(fig('clinics.migrantCoverage', SOUTH_R), [0, 0, 0]);
    expectClose(fig('clinics.additionsNeededPerYear', SOUTH_R), [0.5, 1, 1]);
  });

  it('elderlyCareBeds and nursingBeds: beds per 1000 residents aged 60+, nursing beds a share of them', () => {
    // north: 50 x 400 / 1000 = 20, 30, 40; migrants 100 of the 400 older residents
    expectClose(fig('elderlyCareBeds.demand', NORTH_R), [20, 30, 40]);
    expectClose(fig('elderlyCareBeds.migrantDemand', NORTH_R), [5, 7.5, 10]);
    expectClose(fig('elderlyCareBeds.capacity', NORTH_R), [10, 15, 20]);
    expectClose(fig('elderlyCareBeds.shortfall', NORTH_R), [10, 15, 20]);
    expectClose(fig('elderlyCareBeds.coverage', NORTH_R), [0.5, 0.5, 0.5]);
    expectClose(fig('elderlyCareBeds.migrantCoverage', NORTH_R), [0, 0, 0]);
    expectClose(fig('elderlyCareBeds.additionsNeededPerYear', NORTH_R), [10, 20, 20]);
    // nursing: 0.6 x 20 = 12, 18, 24 against 6
    expectClose(fig('nursingBeds.demand', NORTH_R), [12, 18, 24]);
    expectClose(fig('nursingBeds.migrantDemand', NORTH_R), [3, 4.5, 6]);
    expectClose(fig('nursingBeds.capacity', NORTH_R), [6, 6, 6]);
    expectClose(fig('nursingBeds.shortfall', NORTH_R), [6, 12, 18]);
    expectClose(fig('nursingBeds.additionsNeededPerYear', NORTH_R), [9, 18, 18]);
    // south: no older residents
    expectClose(fig('elderlyCareBeds.demand', SOUTH_R), [0, 0, 0]);
    expectClose(fig('elderlyCareBeds.coverage', SOUTH_R), [1, 1, 1]);
    expectClose(fig('elderlyCareBeds.utilisation', SOUTH_R), [0, 0, 0]);
  });

  it('all regions: sums of demand, capacity, shortfall, surplus, additions; ratios of the sums', () => {
    // school: north short 15, 107.5, 200 while south has 100, 120, 140 spare: both show
    expectClose(fig('schoolPlaces.demand', ALL), [625, 737.5, 850]);
    expectClose(fig('schoolPlaces.capacity', ALL), [710, 750, 790]);
    expectClose(fig('schoolPlaces.shortfall', ALL), [15, 107.5, 200]);
    expectClose(fig('schoolPlaces.surplus', ALL), [100, 120, 140]);
    expectClose(fig('schoolPlaces.utilisation', ALL), [625 / 710, 737.5 / 750, 850 / 790]);
    // coverage: demand met in its own region = 1 - shortfall / demand
    expectClose(fig('schoolPlaces.coverage', ALL), [1 - 15 / 625, 1 - 107.5 / 737.5, 1 - 200 / 850]);
    expectClose(fig('schoolPlaces.additionsNeededPerYear', ALL), [100, 200, 200]);
    expectClose(fig('schoolPlaces.migrantDemand', ALL), [125, 137.5, 150]);
    // migrant coverage weighted by migrant demand: (0.4 x 25 + 1 x 100) / 125 = 0.88
    expectClose(fig('schoolPlaces.migrantCoverage', ALL), [0.88, 100 / 137.5, 100 / 150]);
    // clinics: north 3 + south 0 against 3 + 1 needed; additions 1.5 + 0.5
    expectClose(fig('clinics.coverage', ALL), [0.75, 1 - 2.5 / 5.5, 1 - 4 / 7]);
    expectClose(fig('clinics.utilisation', ALL), [4 / 3, 5.5 / 3, 7 / 3]);
    expectClose(fig('clinics.additionsNeededPerYear', ALL), [2, 4, 4]);
    // preschool: south's zero demand does not change the ratios
    expectClose(fig('preschoolPlaces.utilisation', ALL), [24 / 40, 36 / 40, 48 / 40]);
    expectClose(fig('preschoolPlaces.migrantCoverage', ALL), [0.75, 1 / 3, 0.125]);
  });

  it('keeps surplus - shortfall = capacity - demand in every row, all regions included', () => {
    for (const key of new Set([...series.keys()].map((k) => k.split('.')[0]))) {
      const [d, c, s, u] = ['demand', 'capacity', 'shortfall', 'surplus'].map((f) => series.get(`${key}.${f}`)!);
      d.forEach((_, i) => expect(u[i] - s[i], `${key}[${i}]`).toBeCloseTo(c[i] - d[i], 9));
    }
  });
});

describe('computeServices(scenario, result, years): other standards', () => {
  it('childcarePlaces.placesTarget and elderlyCare.bedsTarget for residents aged 65+', () => {
    const scenario = scenarioWith(REGIONS, 2023, 2025, {
      childcarePlaces: { placesTarget: { points: [[2023, 100], [2025, 200]] }, places: { initial: 100 } },
      elderlyCare: { olderAgeFrom: 65, bedsTarget: { byRegion: { north: 30, south: 0 } }, beds: { initial: 30 } },
    });
    const series = computeServices(scenario, result(), YEARS);
    // the target: 100, 150, 200 in each region; north's migrants are 1/4 of its children 0-2
    expectClose(pick(series, 'childcarePlaces.demand', NORTH_R), [100, 150, 200]);
    expectClose(pick(series, 'childcarePlaces.migrantDemand', NORTH_R), [25, 37.5, 50]);
    expectClose(pick(series, 'childcarePlaces.shortfall', ALL), [0, 100, 200]);
    // north's 65+ are 100 rural and 200 hukou: no migrant part; south needs no beds
    expectClose(pick(series, 'elderlyCareBeds.demand', NORTH_R), [30, 30, 30]);
    expectClose(pick(series, 'elderlyCareBeds.migrantDemand', NORTH_R), [0, 0, 0]);
    expectClose(pick(series, 'elderlyCareBeds.migrantCoverage', ALL), [1, 1, 1]);
    expectClose(pick(series, 'elderlyCareBeds.surplus', SOUTH_R), [30, 30, 30]);
    expect(series.has('nursingBeds.demand')).toBe(false);
    expect(series.has('schoolPlaces.demand')).toBe(false);
  });

  it('closeShortfallBy: additions spread up to that year, the year\'s own shortfall after it', () => {
    const scenario = scenarioWith(REGIONS, 2023, 2025, { rentalHousing: SERVICES.rentalHousing, closeShortfallBy: 2024 });
    const series = computeServices(scenario, result(), YEARS);
    // north: shortfall 2024 = 25, needed in 2024 alone seen from 2023; 2025's own is 40
    expectClose(pick(series, 'rentalHousing.additionsNeededPerYear', NORTH_R), [25, 25, 40]);
  });

  it('returns an empty map for a scenario without services', () => {
    expect(computeServices(scenarioWith(REGIONS, 2023, 2025, {}), result(), YEARS).size).toBe(0);
  });

  it('reads the population without changing it', () => {
    const r = result();
    const before = r.population.map((p) => Float64Array.from(p));
    computeServices(scenarioWith(REGIONS, 2023, 2025, SERVICES), r, YEARS);
    r.population.forEach((p, y) => expect(p).toEqual(before[y]));
  });
});

describe('computeServices(scenario, result, years): doubling migrant children', () => {
  it('doubles the migrant part of school demand and changes nothing else of schooling', () => {
    const base = result();
    const doubled = result();
    for (const P of doubled.population) {
      for (let r = 0; r < 2; r++) for (const sex of ['female', 'male'] as const) for (let a = 6; a <= 14; a++) P[cellIndex(70, r, 'migrant', sex, a)] *= 2;
    }
    const scenario = scenarioWith(REGIONS, 2023, 2025, { schoolPlaces: SERVICES.schoolPlaces, preschoolPlaces: SERVICES.preschoolPlaces, rentalHousing: SERVICES.rentalHousing });
    const a = computeServices(scenario, base, YEARS);
    const b = computeServices(scenario, doubled, YEARS);
    // north migrant part 25 -> 50 (x1, x1.5, x2 over the years), south 100 -> 200
    expectClose(pick(b, 'schoolPlaces.migrantDemand', NORTH_R), [50, 75, 100]);
    expectClose(pick(b, 'schoolPlaces.migrantDemand', SOUTH_R), [200, 200, 200]);
    const migrantA = a.get('schoolPlaces.migrantDemand')!;
    const migrantB = b.get('schoolPlaces.migrantDemand')!;
    migrantA.forEach((v, i) => expect(migrantB[i]).toBe(2 * v));
    // the local part (hukou children) is unchanged
    const localA = a.get('schoolPlaces.demand')!.map((v, i) => v - migrantA[i]);
    const localB = b.get('schoolPlaces.demand')!.map((v, i) => v - migrantB[i]);
    expect(localB).toEqual(localA);
    // capacity, rural schooling, preschool and rental housing are untouched
    for (const key of ['schoolPlaces.capacity', ...SERVICE_FIGURES.flatMap((f) => [`ruralSchoolPlaces.${f}`, `preschoolPlaces.${f}`, `rentalHousing.${f}`])]) {
      expect(b.get(key), key).toEqual(a.get(key));
    }
  });
});

describe('computePlannedServices(plan, result, figures)', () => {
  const MATCHED = { ...SERVICES, teachers: { pupilsPerTeacher: 15, teachers: { initial: 'matchDemand', additionsPerYear: 1, growthRate: 0.02 } } };
  const scenario = scenarioWith(REGIONS, 2023, 2025, MATCHED);
  const issuesOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof ChengzhenError) return error.issues;
      throw error;
    }
    throw new Error('no error');
  };

  it('gives the numbers of computeServices bit for bit, matched stocks included, and only the figures asked for', () => {
    const full = computeServices(scenario, result(), YEARS);
    const plan = planServices(scenario, YEARS, 70)!;
    expect(plan.perRegion[0].map((s) => s.key)).toEqual(['schoolPlaces', 'ruralSchoolPlaces', 'teachers', 'preschoolPlaces', 'childcarePlaces', 'rentalHousing', 'doctors', 'clinics', 'elderlyCareBeds', 'nursingBeds']);
    expect(computePlannedServices(plan, result())).toEqual(full);
    const some = computePlannedServices(plan, result(), ['coverage', 'migrantCoverage', 'additionsNeededPerYear']);
    expect([...some.keys()].slice(0, 3)).toEqual(['schoolPlaces.coverage', 'schoolPlaces.additionsNeededPerYear', 'schoolPlaces.migrantCoverage']);
    expect(some.size).toBe(30);
    for (const [key, values] of some) expect(values, key).toEqual(full.get(key));
  });

  it('computes again from another population with the same plan', () => {
    const plan = planServices(scenario, YEARS, 70)!;
    const other = tinyResult({ regions: REGIONS, maxAge: 70, baseYear: 2023, cells: [SOUTH, NORTH], factors: [[1, 2, 3], [1, 1, 0.5]] });
    computePlannedServices(plan, result(), ['shortfall']);
    expect(computePlannedServices(plan, other, ['shortfall', 'capacity'])).toEqual(new Map([...computeServices(scenario, other, YEARS)].filter(([key]) => /\.(shortfall|capacity)$/.test(key))));
  });

  it('in place: the same numbers in the buffers kept with the plan (the same map and arrays from call to call), which the copies do not share', () => {
    const plan = planServices(scenario, YEARS, 70)!;
    const other = tinyResult({ regions: REGIONS, maxAge: 70, baseYear: 2023, cells: [SOUTH, NORTH], factors: [[1, 2, 3], [1, 1, 0.5]] });
    const figures = ['shortfall', 'coverage'] as const;
    const first = computePlannedServicesInPlace(plan, result(), figures);
    const wanted = computePlannedServices(plan, result(), figures);
    expect(new Map([...first].map(([key, values]) => [key, values.slice()]))).toEqual(wanted);
    const copy = computePlannedServices(plan, result(), figures);
    const second = computePlannedServicesInPlace(plan, other, figures);
    expect(second).toBe(first);
    expect(second.get('schoolPlaces.shortfall')).toBe(first.get('schoolPlaces.shortfall'));
    expect(new Map([...second].map(([key, values]) => [key, values.slice()]))).toEqual(computePlannedServices(plan, other, figures));
    // the copy kept its numbers though the buffers were overwritten
    expect(copy).toEqual(wanted);
    expect(second.get('schoolPlaces.shortfall')).not.toEqual(wanted.get('schoolPlaces.shortfall'));
  });

  it('from the age sums written year by year (servicesAgeSumsInto): the same numbers, bit for bit, without the populations', () => {
    const plan = planServices(scenario, YEARS, 70)!;
    const other = tinyResult({ regions: REGIONS, maxAge: 70, baseYear: 2023, cells: [SOUTH, NORTH], factors: [[1, 2, 3], [1, 1, 0.5]] });
    expect(servicesAgeSumsLength(plan)).toBe(REGIONS.length * plan.ranges.length * 3 * YEARS.length);
    const table = new Float64Array(servicesAgeSumsLength(plan));
    // the years in any order: each writes its own places
    for (const y of [2, 0, 1]) servicesAgeSumsInto(plan, other.population[y], y, table);
    const fromSums = new Map([...computePlannedServicesFromSums(plan, table, ['shortfall', 'coverage', 'migrantDemand'])].map(([key, values]) => [key, values.slice()]));
    const wanted = computePlannedServices(plan, other, ['shortfall', 'coverage', 'migrantDemand']);
    expect(fromSums.size).toBe(wanted.size);
    for (const [key, values] of wanted) expect(sameBytes(fromSums.get(key)!, values), key).toBe(true);
    // by hand: the sum of region 0's rural residents aged 6-14 in the base year (women's ages, then men's)
    const k = plan.ranges.findIndex((r) => r.from === 6 && r.to === 14);
    const A1 = 71;
    let rural = 0;
    for (let s = 0; s < 2; s++) for (let a = 6; a <= 14; a++) rural += other.population[0][s * A1 + a];
    expect(table[(0 * plan.ranges.length + k) * 3 * YEARS.length + 0]).toBe(rural);
  });

  it('checks every service for a capacity too small to divide by, kept or not', () => {
    const services = { ...SERVICES, healthCare: { doctorsPer1000Residents: 3.6, doctors: { initial: { byRegion: { north: 10, south: 5e-324 } } } } };
    const plan = planServices(scenarioWith(REGIONS, 2023, 2025, services), YEARS, 70)!;
    expect(issuesOf(() => computePlannedServices(plan, result(), ['coverage']))[0].message).toBe(
      'doctors.utilisation[year=2023, region=south]: demand / capacity = 3.6 / 5e-324 is not a finite number; a capacity must be 0 or large enough to divide by',
    );
  });

  it('planServices(scenario, years, maxAge) is null without services, plans none for empty ones, and names a bad field before any population', () => {
    const { services: _, ...without } = scenarioWith(REGIONS, 2023, 2025, {});
    expect(planServices(without, YEARS, 70)).toBeNull();
    expect(computePlannedServices(planServices(scenarioWith(REGIONS, 2023, 2025, {}), YEARS, 70)!, result()).size).toBe(0);
    const services = { preschoolPlaces: { inclusiveCoverageShare: 0.8, places: { initial: 20, retirementRate: { points: [[2024, 0.1], [2025, 2]], interpolation: 'step' } } } };
    expect(issuesOf(() => planServices(scenarioWith(REGIONS, 2023, 2025, services), YEARS, 70))[0].message).toBe('services.preschoolPlaces.places.retirementRate[year=2025] must be in [0, 1], received 2');
  });
});

describe('computeServices(scenario, result, years): bad input', () => {
  const issuesOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ChengzhenError);
      return (error as ChengzhenError).issues;
    }
    throw new Error('expected a ChengzhenError');
  };

  it('names a retirement rate above 1 with the year', () => {
    const services = { preschoolPlaces: { inclusiveCoverageShare: 0.8, places: { initial: 20, retirementRate: { points: [[2024, 0.1], [2025, 2]], interpolation: 'step' } } } };
    const issues = issuesOf(() => computeServices(scenarioWith(REGIONS, 2023, 2025, services), result(), YEARS));
    expect(issues[0]).toMatchObject({ code: 'out_of_range', path: ['services', 'preschoolPlaces', 'places', 'retirementRate'], coords: { year: 2025 }, received: '2' });
    expect(issues[0].message).toBe('services.preschoolPlaces.places.retirementRate[year=2025] must be in [0, 1], received 2');
  });

  it('names a share out of [0, 1] for one region', () => {
    const services = { schoolPlaces: { ...SERVICES.schoolPlaces, migrantChildrenPublicSchoolShare: { byRegion: { south: { points: [[2023, 1], [2025, 1.4]] } }, default: 0.5 } } };
    const issues = issuesOf(() => computeServices(scenarioWith(REGIONS, 2023, 2025, services), result(), YEARS));
    // 2024 lies halfway between 1 and 1.4
    expect(issues[0].message).toBe('services.schoolPlaces.migrantChildrenPublicSchoolShare.byRegion.south[year=2024] must be in [0, 1], received 1.2');
  });

  it('rejects closeShortfallBy outside the years and an unknown region, both at once, when the scenario is parsed', () => {
    const services = { rentalHousing: { ...SERVICES.rentalHousing, shareOfWorkingAgeMigrantsInNeed: { byRegion: { sout: 0.1 }, default: 0.2 } }, closeShortfallBy: 2030 };
    const small = tinyResult({ regions: REGIONS, maxAge: 50, baseYear: 2023, cells: [[], []], factors: [[1, 1, 1], [1, 1, 1]] });
    const issues = issuesOf(() => computeServices(scenarioWith(REGIONS, 2023, 2025, services, 50), small, YEARS));
    expect(issues.map((i) => i.message)).toEqual([
      'services.closeShortfallBy must be a projected year in [2023, 2025], received 2030',
      'services.rentalHousing.shareOfWorkingAgeMigrantsInNeed.byRegion.sout names the unknown region "sout"',
    ]);
    expect(issues.map((i) => i.path)).toEqual([
      ['services', 'closeShortfallBy'],
      ['services', 'rentalHousing', 'shareOfWorkingAgeMigrantsInNeed', 'byRegion', 'sout'],
    ]);
  });

  it('rejects a maxAge below the age older residents start at', () => {
    const small = tinyResult({ regions: REGIONS, maxAge: 62, baseYear: 2023, cells: [[], []], factors: [[1, 1, 1], [1, 1, 1]] });
    const services = { elderlyCare: { olderAgeFrom: 65, bedsTarget: 10, beds: { initial: 0 } } };
    expect(issuesOf(() => computeServices(scenarioWith(REGIONS, 2023, 2025, services, 62), small, YEARS))[0].message).toBe(
      'maxAge must be >= 65 for services.elderlyCare (residents aged 65+), received 62',
    );
  });

  it('rejects a capacity so near zero that utilisation would overflow', () => {
    const services = { healthCare: { doctorsPer1000Residents: 3.6, doctors: { initial: { byRegion: { north: 10, south: 5e-324 } } } } };
    const issues = issuesOf(() => computeServices(scenarioWith(REGIONS, 2023, 2025, services), result(), YEARS));
    expect(issues[0]).toMatchObject({ code: 'not_finite', path: ['services', 'healthCare', 'doctors'], coords: { year: 2023, region: 'south' } });
    expect(issues[0].message).toBe(
      'doctors.utilisation[year=2023, region=south]: demand / capacity = 3.6 / 5e-324 is not a finite number; a capacity must be 0 or large enough to divide by',
    );
  });

  it('rejects years that do not match the result', () => {
    expect(issuesOf(() => computeServices(scenarioWith(REGIONS, 2023, 2025, SERVICES), result(), [2023, 2024]))[0].message).toBe(
      'years must list one year per population of the result (3), received 2',
    );
  });

  it('checks the two-field rules again for services built without parseScenario', () => {
    const scenario: Scenario = scenarioWith(REGIONS, 2023, 2025, { childcarePlaces: SERVICES.childcarePlaces });
    const built: Scenario = { ...scenario, services: { childcarePlaces: { ...scenario.services!.childcarePlaces!, placesTarget: 5 } } };
    expect(issuesOf(() => computeServices(built, result(), YEARS))[0]).toMatchObject({
      path: ['services', 'childcarePlaces'],
      message: 'services.childcarePlaces needs exactly one of placesPer1000Residents and placesTarget, received both',
    });
  });
});

describe('parseScenario(input): services', () => {
  const input = (services: unknown) => ({
    name: 'x',
    baseYear: 2023,
    endYear: 2025,
    regions: [{ id: 'north', nameEn: 'North', nameZh: '北' }],
    base: { north: { population: { census2020: 'Zhejiang' }, residentUrbanisationRate: 0.7, hukouUrbanisationRate: 0.5 } },
    migration: { ruralToUrbanRate: 0.01 },
    hukou: { conversionRate: 0.02 },
    services,
  });
  const messages = (services: unknown) => {
    try {
      parseScenario(input(services));
    } catch (error) {
      return (error as ChengzhenError).issues.map((i) => i.message);
    }
    return [];
  };

  it('names a service given two standards, or a standard without its stock', () => {
    expect(messages({ childcarePlaces: { placesPer1000Residents: 3.1, placesTarget: 1e5, places: { initial: 0 } } })).toEqual([
      'services.childcarePlaces needs exactly one of placesPer1000Residents and placesTarget, received both',
    ]);
    expect(messages({ elderlyCare: { beds: { initial: 0 }, nursingBedShare: 0.6 } })).toEqual([
      'services.elderlyCare needs exactly one of bedsPer1000Older and bedsTarget, received neither',
      'services.elderlyCare needs both nursingBedShare and nursingBeds or neither, received only nursingBedShare',
    ]);
    expect(messages({ healthCare: { doctorsPer1000Residents: 3.6, doctors: { initial: 0 }, clinics: { initial: 0 } } })).toEqual([
      'services.healthCare needs both residentsPerClinic and clinics or neither, received only clinics',
    ]);
  });

  it('names a share given as a number out of [0, 1]', () => {
    expect(messages({ schoolPlaces: { migrantChildrenPublicSchoolShare: 0.5, urbanPlaces: { initial: 1, retirementRate: 2 } } })).toMatchInlineSnapshot(`
      [
        "services.schoolPlaces.urbanPlaces.retirementRate must be <= 1, received 2",
      ]
    `);
  });

  it('names unknown fields and negative stocks', () => {
    expect(messages({ preschoolPlaces: { inclusiveCoverageShare: 0.85, places: { initial: -1 }, extra: 1 } })).toEqual([
      'services.preschoolPlaces.places.initial must be >= 0, received -1',
      'services.preschoolPlaces.extra is not a known field',
    ]);
  });
});
