import { describe, expect, it } from 'vitest';
import { OBSERVED_URBANISATION } from '../../seeds/observed/urbanisation.js';
import { OBSERVED_SERVICES } from '../../seeds/observed/services.js';

const RELIABILITY = ['official', 'mirror of official', 'news', 'aggregator'];

function urbanisation(area: string, year: number) {
  const row = OBSERVED_URBANISATION.find((r) => r.area === area && r.year === year);
  if (row === undefined) throw new Error(`no row ${area} ${year}`);
  return row;
}

describe('OBSERVED_URBANISATION', () => {
  it('has one row per area and year, 2020-2024, for four areas', () => {
    expect(OBSERVED_URBANISATION).toHaveLength(20);
    const keys = OBSERVED_URBANISATION.map((r) => `${r.area} ${r.year}`);
    expect(new Set(keys).size).toBe(20);
    expect([...new Set(OBSERVED_URBANISATION.map((r) => r.area))]).toEqual(['China', 'Shanghai', 'Shandong', 'Zhejiang']);
    for (const r of OBSERVED_URBANISATION) expect(r.basis).toBe(r.year === 2020 ? 'census 1 Nov' : 'year end');
  });

  it('matches hand-checked published rates, as 0-1 shares', () => {
    expect(urbanisation('China', 2024).residentUrbanisationRate).toBe(0.67);
    expect(urbanisation('China', 2020).residentUrbanisationRate).toBe(0.6389);
    expect(urbanisation('China', 2023).hukouUrbanisationRate).toBe(0.483);
    expect(urbanisation('Zhejiang', 2023).residentUrbanisationRate).toBe(0.742);
    expect(urbanisation('Shandong', 2023).residentUrbanisationRate).toBe(0.6553);
    expect(urbanisation('Shanghai', 2020).residentUrbanisationRate).toBe(0.893);
  });

  it('converts counts of 10,000 persons to persons', () => {
    expect(urbanisation('China', 2020).residentPopulation).toBe(1_411_780_000);
    expect(urbanisation('China', 2024).residentPopulation).toBe(1_408_280_000);
    expect(urbanisation('Shanghai', 2024).residentPopulation).toBe(24_802_600);
    expect(urbanisation('Shandong', 2020).residentPopulation).toBe(101_527_500);
    expect(urbanisation('China', 2021).births).toBe(10_620_000);
    expect(urbanisation('Shandong', 2021).deaths).toBe(748_300);
    expect(urbanisation('China', 2023).birthsPer1000Residents).toBe(6.39);
  });

  it('keeps figures not found as null rather than zero', () => {
    expect(urbanisation('China', 2022).hukouUrbanisationRate).toBeNull();
    expect(urbanisation('Shanghai', 2023).residentUrbanisationRate).toBeNull();
    expect(urbanisation('Shanghai', 2023).births).toBeNull();
    expect(urbanisation('Zhejiang', 2024).deathsPer1000Residents).toBeNull();
    expect(OBSERVED_URBANISATION.filter((r) => r.hukouUrbanisationRate !== null)).toHaveLength(3);
  });

  it('has shares in [0, 1], positive finite counts and a cited source on every row', () => {
    for (const r of OBSERVED_URBANISATION) {
      for (const share of [r.residentUrbanisationRate, r.hukouUrbanisationRate]) {
        if (share !== null) {
          expect(share).toBeGreaterThan(0);
          expect(share).toBeLessThanOrEqual(1);
        }
      }
      for (const count of [r.residentPopulation, r.births, r.deaths]) {
        if (count !== null) {
          expect(Number.isInteger(count)).toBe(true);
          expect(count).toBeGreaterThan(0);
        }
      }
      expect(RELIABILITY).toContain(r.reliability);
      expect(r.source.citation.trim()).not.toBe('');
    }
  });

  it('has birth rates consistent with births and population (births / population within 0.3 per 1000)', () => {
    for (const r of OBSERVED_URBANISATION) {
      if (r.births !== null && r.residentPopulation !== null && r.birthsPer1000Residents !== null) {
        expect(Math.abs((1000 * r.births) / r.residentPopulation - r.birthsPer1000Residents), `${r.area} ${r.year}`).toBeLessThan(0.3);
      }
    }
  });
});

describe('OBSERVED_SERVICES', () => {
  it('matches hand-checked values', () => {
    expect(OBSERVED_SERVICES).toHaveLength(19);
    const value = (area: string, year: number, indicator: string) =>
      OBSERVED_SERVICES.find((r) => r.area === area && r.year === year && r.indicator === indicator)?.value;
    expect(value('China', 2024, 'doctorsPer1000Residents')).toBe(3.61);
    expect(value('China', 2023, 'healthBedsPer1000Residents')).toBe(7.23);
    expect(value('China', 2020, 'migrantWorkerChildrenInCompulsoryEducation')).toBe(14_297_300);
    expect(value('Shanghai', 2021, 'affordableRentalUnitsPlanned2021To2025')).toBe(470_000);
    expect(value('Shandong', 2023, 'affordableRentalUnitsPlanned')).toBe(83_881);
    expect(value('Zhejiang', 2020, 'floatingPopulation')).toBe(25_557_450);
  });

  it('has positive finite values, a unit fitting the indicator and a cited source', () => {
    for (const r of OBSERVED_SERVICES) {
      expect(Number.isFinite(r.value)).toBe(true);
      expect(r.value).toBeGreaterThan(0);
      expect(r.unit).toBe(r.indicator.includes('Per1000') ? 'per 1000 residents' : r.indicator.includes('Units') ? 'units' : 'persons');
      expect(RELIABILITY).toContain(r.reliability);
      expect(r.source.citation.trim()).not.toBe('');
    }
  });
});

describe('documented examples', () => {
  it('OBSERVED_URBANISATION and OBSERVED_SERVICES lookups of the TSDoc examples', () => {
    expect(OBSERVED_URBANISATION.find((r) => r.area === 'China' && r.year === 2024)?.residentUrbanisationRate).toBe(0.67);
    expect(OBSERVED_SERVICES.find((r) => r.indicator === 'doctorsPer1000Residents' && r.year === 2024)?.value).toBe(3.61);
  });
});
