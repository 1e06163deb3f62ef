/**
 * Capacity stocks, additions still needed and the derived figures, worked out by hand.
 */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../../src/errors.js';
import { additionsNeeded, capacityPath, serviceFigures } from '../../../src/model/services/capacity.js';

const F = (...values: number[]) => Float64Array.from(values);

describe('capacityPath(initial, additions, retirementRate, growthRate, path, years)', () => {
  it('starts from initial in the base year and applies retirements and additions after it', () => {
    // 2024: 100 * (1 + 0 - 0.1) + 10 = 100; 2025: 100 * 1 + 10 = 110
    expect(capacityPath(100, [0, 10, 10], [0, 0.1, 0], [0, 0, 0], ['services', 'x'], [2023, 2024, 2025])).toEqual(F(100, 100, 110));
  });

  it('grows the stock by growthRate - retirementRate, additions on top', () => {
    // f = 1 + 0.03 - 0.01 = 1.02; 2024: 1000 * 1.02 + 50 = 1070; 2025: 1070 * 1.02 + 50 = 1141.4
    const c = capacityPath(1000, [999, 50, 50], [0.01, 0.01, 0.01], [0.03, 0.03, 0.03], ['s'], [2023, 2024, 2025]);
    expect(c[0]).toBe(1000);
    expect(c[1]).toBeCloseTo(1070, 10);
    expect(c[2]).toBeCloseTo(1141.4, 10);
  });

  it('retires the whole stock when retirementRate is 1, keeping only that year\'s additions', () => {
    expect(capacityPath(100, [0, 5, 7], [0, 1, 1], [0, 0, 0], ['s'], [2023, 2024, 2025])).toEqual(F(100, 5, 7));
  });

  it('throws naming the stock and the year when 1 + growthRate - retirementRate < 0', () => {
    let error: unknown;
    try {
      capacityPath(0, [0, 0, 0], [0, 0, 0.75], [0, 0, -0.5], ['services', 'healthCare', 'doctors'], [2023, 2024, 2025]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChengzhenError);
    const issue = (error as ChengzhenError).issues[0];
    expect(issue).toMatchObject({ code: 'out_of_range', path: ['services', 'healthCare', 'doctors', 'growthRate'], coords: { year: 2025 } });
    expect(issue.message).toMatchInlineSnapshot(
      `"services.healthCare.doctors[year=2025]: 1 + growthRate - retirementRate must be >= 0 (a stock cannot lose more than all of itself), received 1 + -0.5 - 0.75 = -0.25"`,
    );
  });
});

describe('additionsNeeded(demand, capacity, growthRate, retirementRate, target)', () => {
  it('spreads the target year\'s shortfall over the years left when nothing grows or retires', () => {
    // shortfall in 2025 (index 2) = 160 - 120 = 40: from 2023, 40 / 2 = 20 a year; from 2024, 40;
    // in 2025 itself, its own shortfall 40
    expect(additionsNeeded(F(100, 130, 160), F(100, 110, 120), [0, 0, 0], [0, 0, 0], 2)).toEqual(F(20, 40, 40));
  });

  it('is zero when the planned additions close the gap by the target year', () => {
    // 100 + 10 a year reaches the demand of 130 in the target year: nothing more is needed,
    // although 2023 alone has a shortfall of 30
    expect(additionsNeeded(F(130, 130, 130, 130), F(100, 110, 120, 130), [0, 0, 0, 0], [0, 0, 0, 0], 3)).toEqual(F(0, 0, 0, 0));
  });

  it('weights each year\'s extra additions by the growth and retirement still to come', () => {
    const growth = [0.1, 0.1, 0.1, 0.1];
    const retirement = [0.05, 0.05, 0.05, 0.05];
    // f = 1.05; planned additions 5 a year: C = 100, 110, 120.5, 131.525
    const capacity = capacityPath(100, [0, 5, 5, 5], retirement, growth, ['s'], [2020, 2021, 2022, 2023]);
    expect(capacity[3]).toBeCloseTo(131.525, 10);
    const demand = F(100, 120, 150, 200);
    // shortfall in 2023: 200 - 131.525 = 68.475
    // from 2020: W = f^2 + f + 1 = 1.1025 + 1.05 + 1 = 3.1525, x = 68.475 / 3.1525 = 21.72085646...
    // from 2021: W = f + 1 = 2.05, x = 68.475 / 2.05 = 33.40243902...
    // from 2022: W = 1, x = 68.475; in 2023: the shortfall 68.475
    const x = additionsNeeded(demand, capacity, growth, retirement, 3);
    expect(x[0]).toBeCloseTo(21.720856463124504, 9);
    expect(x[1]).toBeCloseTo(33.40243902439024, 9);
    expect(x[2]).toBeCloseTo(68.475, 9);
    expect(x[3]).toBeCloseTo(68.475, 9);
    // adding x[0] on top of the plan in 2021, 2022 and 2023 reaches exactly the 2023 demand
    const withExtra = capacityPath(100, [0, 5 + x[0], 5 + x[0], 5 + x[0]], retirement, growth, ['s'], [2020, 2021, 2022, 2023]);
    expect(withExtra[3]).toBeCloseTo(200, 9);
    // and so does adding x[1] in 2022 and 2023 from the 2021 stock
    expect((capacity[1] * 1.05 + 5 + x[1]) * 1.05 + 5 + x[1]).toBeCloseTo(200, 9);
  });

  it('gives each year its own shortfall from the target year on', () => {
    // target 2024 (index 1): 2023 needs the 2024 shortfall 10 at once; 2025 its own 25
    expect(additionsNeeded(F(100, 120, 145), F(100, 110, 120), [0, 0, 0], [0, 0, 0], 1)).toEqual(F(10, 10, 25));
  });

  it('throws for a target that is not an index of the years', () => {
    expect(() => additionsNeeded(F(1, 2), F(1, 1), [0, 0], [0, 0], 2)).toThrow('target must be a year index in [0, 1], received 2');
  });
});

describe('serviceFigures(localDemand, migrantDemand, capacity, additions)', () => {
  it('derives shortfall, surplus, utilisation, coverage and locals-first migrant coverage', () => {
    // year 0: demand 60 + 40 = 100 against 80: shortfall 20, utilisation 1.25, coverage 0.8,
    //   migrants get 80 - 60 = 20 of their 40: 0.5
    // year 1: demand 100 against 150: surplus 50, utilisation 2/3, coverage 1, migrants 1
    // year 2: demand 90 + 10 = 100 against 50: locals alone exceed capacity, migrants 0
    const f = serviceFigures(F(60, 60, 90), F(40, 40, 10), F(80, 150, 50), F(7, 8, 9));
    expect(f.demand).toEqual(F(100, 100, 100));
    expect(f.capacity).toEqual(F(80, 150, 50));
    expect(f.shortfall).toEqual(F(20, 0, 50));
    expect(f.surplus).toEqual(F(0, 50, 0));
    expect(f.utilisation).toEqual(F(1.25, 100 / 150, 2));
    expect(f.coverage).toEqual(F(0.8, 1, 0.5));
    expect(f.migrantDemand).toEqual(F(40, 40, 10));
    expect(f.migrantCoverage).toEqual(F(0.5, 1, 0));
    expect(f.additionsNeededPerYear).toEqual(F(7, 8, 9));
  });

  it('reports a year without demand as coverage 1 and utilisation 0, and one without capacity as utilisation 0 and coverage 0', () => {
    // year 0: no demand, 30 places; year 1: no demand, no places; year 2: 12 demanded, no places
    const f = serviceFigures(F(0, 0, 8), F(0, 0, 4), F(30, 0, 0), F(0, 0, 0));
    expect(f.utilisation).toEqual(F(0, 0, 0));
    expect(f.coverage).toEqual(F(1, 1, 0));
    expect(f.migrantCoverage).toEqual(F(1, 1, 0));
    expect(f.shortfall).toEqual(F(0, 0, 12));
    expect(f.surplus).toEqual(F(30, 0, 0));
  });
});
