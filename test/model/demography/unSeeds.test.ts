import { describe, expect, it } from 'vitest';
import {
  WPP2024_CHINA_E0_5X5,
  WPP2024_CHINA_FERTILITY,
  WPP2024_CHINA_MX,
  WPP2024_CHINA_NET_MIGRATION_AGE,
  WPP2024_CHINA_POP_AGE5,
  WPP2024_CHINA_SRB,
  WPP2024_CHINA_TOTAL_POP,
  WPP2024_CHINA_VITAL,
} from '../../../seeds/un-wpp2024/index.js';
import { WUP2018_CHINA_URBAN } from '../../../seeds/un-wup2018.js';

// The UN data the demography helpers are built on: shapes, provenance and the identities the
// published tables satisfy.
const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

describe('seeds/un-wpp2024 and seeds/un-wup2018', () => {
  it('cite repository, path and a full commit for every table', () => {
    const seeds = [WPP2024_CHINA_MX, WPP2024_CHINA_E0_5X5, WPP2024_CHINA_FERTILITY, WPP2024_CHINA_SRB, WPP2024_CHINA_POP_AGE5, WPP2024_CHINA_TOTAL_POP, WPP2024_CHINA_VITAL, WPP2024_CHINA_NET_MIGRATION_AGE, WUP2018_CHINA_URBAN];
    for (const seed of seeds) {
      expect(seed.source.citation).toMatch(/United Nations/);
      expect(seed.source.repository).toMatch(/^[\w-]+\/[\w-]+$/);
      expect(seed.source.path).toBeTruthy();
      expect(seed.source.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('hold 30 periods of 22 abridged death rates per sex, all above 0', () => {
    for (const sex of ['female', 'male', 'both'] as const) {
      expect(WPP2024_CHINA_MX[sex]).toHaveLength(30);
      for (const row of WPP2024_CHINA_MX[sex]) {
        expect(row).toHaveLength(22);
        expect(row.every((m) => m > 0)).toBe(true);
      }
    }
    expect(WPP2024_CHINA_E0_5X5.values.both[WPP2024_CHINA_E0_5X5.periodStarts.indexOf(2020)]).toBe(78.095);
  });

  it('add the 5-year age groups up to the mid-year totals (mean of two 1 January figures)', () => {
    const pop = WPP2024_CHINA_POP_AGE5;
    pop.years.forEach((year, i) => {
      const total = sum(pop.female[i]) + sum(pop.male[i]);
      expect(Math.abs(total - WPP2024_CHINA_TOTAL_POP.jul1Approx[year - WPP2024_CHINA_TOTAL_POP.firstYear])).toBeLessThan(0.01);
    });
    // README check: 1,426,106 thousand in mid-2020
    expect(Math.round(sum(pop.female[14]) + sum(pop.male[14]))).toBe(1426106);
  });

  it('give fertility patterns that add up to 100 % and TFRs of the vital indicators', () => {
    WPP2024_CHINA_FERTILITY.pasfrPercent.forEach((row) => expect(Math.abs(sum(row) - 100)).toBeLessThan(0.01));
    expect(WPP2024_CHINA_FERTILITY.tfr).toHaveLength(151);
    expect(WPP2024_CHINA_FERTILITY.tfr[2021 - 1950]).toBe(1.11744);
    expect(WPP2024_CHINA_SRB.values[2030 - 1950]).toBe(1.076);
  });

  it('balance births - deaths + net migration = population change every year (to 0.02 thousand)', () => {
    const v = WPP2024_CHINA_VITAL;
    for (let i = 0; i < v.birthsThousands.length; i++) {
      expect(Math.abs(v.birthsThousands[i] - v.deathsThousands[i] + v.netMigrationThousands[i] - v.popChangeThousands[i])).toBeLessThan(0.021);
    }
  });

  it('add net migration by age up to the annual totals (ages rounded to 0.001 thousand)', () => {
    const n = WPP2024_CHINA_NET_MIGRATION_AGE;
    expect(n.female).toHaveLength(n.lastYear - n.firstYear + 1);
    n.female.forEach((row, i) => {
      expect(row).toHaveLength(101);
      const total = WPP2024_CHINA_VITAL.netMigrationThousands[n.firstYear + i - WPP2024_CHINA_VITAL.firstYear];
      expect(Math.abs(sum(row) + sum(n.male[i]) - total)).toBeLessThan(0.2);
    });
  });

  it('split the WUP 2018 population into urban and rural, 61.428 % urban in 2020', () => {
    const w = WUP2018_CHINA_URBAN;
    w.totalThousands.forEach((total, i) => {
      expect(w.urbanThousands[i] + w.ruralThousands[i]).toBe(total);
      expect(Math.abs((100 * w.urbanThousands[i]) / total - w.percentUrban[i])).toBeLessThan(0.002);
    });
    expect(w.percentUrban[2020 - w.firstYear]).toBe(61.428);
  });
});
