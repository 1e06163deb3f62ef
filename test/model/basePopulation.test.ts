/**
 * populationByAge and basePopulation: residents by single age from the 2020 census shipped in
 * seeds/ (age-group totals kept), from age groups or single ages, folded to maxAge, rescaled;
 * then split by status.
 */

import { describe, expect, it } from 'vitest';
import { CENSUS_2020_POPULATION_BY_AGE } from '../../seeds/census2020/populationByAge.js';
import { basePopulation, populationByAge } from '../../src/model/basePopulation.js';
import { carryCensus } from '../../src/model/carryCensus.js';
import { defineScenario } from '../../src/schema/scenario.js';
import { accurateSum } from '../helpers/sums.js';
import { smallTwoRegions } from './fixtures/scenarios.js';
import { thrownBy } from '../helpers/errors.js';

const PATH = ['base', 'x', 'population'];
/** A validated census spec (defaults filled in, as parseScenario leaves it). */
const census = (area: string, extra: { scaleToTotal?: number } = {}) => ({ census2020: area, rollForward: true, ...extra });
const sumOf = (p: { female: Float64Array; male: Float64Array }) => accurateSum(p.female) + accurateSum(p.male);

describe('populationByAge(spec, maxAge, path)', () => {
  it('census2020: Shanghai has 24,870,895 residents', () => {
    expect(sumOf(populationByAge(census('Shanghai'), 100, PATH))).toBeCloseTo(24_870_895, 5);
  });

  it('census2020: keeps every census age group of Henan, by sex', () => {
    const henan = CENSUS_2020_POPULATION_BY_AGE.areas.find((a) => a.nameEn === 'Henan')!;
    const starts = CENSUS_2020_POPULATION_BY_AGE.ageStarts;
    const split = populationByAge(census('Henan'), 100, PATH);
    for (const sex of ['female', 'male'] as const) {
      expect(split[sex]).toHaveLength(101);
      starts.forEach((start, g) => {
        const end = g + 1 < starts.length ? starts[g + 1] : 101;
        expect(accurateSum(split[sex].subarray(start, end))).toBeCloseTo(henan[sex][g], 5);
      });
      for (const v of split[sex]) expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  it('census2020: finds an area by English or Chinese name, code, or "China"', () => {
    const byName = populationByAge(census('Henan'), 100, PATH);
    expect(populationByAge(census('河南'), 100, PATH)).toEqual(byName);
    expect(populationByAge(census('410000'), 100, PATH)).toEqual(byName);
    expect(populationByAge(census(' henan '), 100, PATH)).toEqual(byName);
    expect(sumOf(populationByAge(census('china'), 100, PATH))).toBeCloseTo(1_409_778_724, 4);
  });

  it('folds ages above maxAge into the open group', () => {
    const full = populationByAge(census('Henan'), 100, PATH);
    const short = populationByAge(census('Henan'), 80, PATH);
    expect(short.female).toHaveLength(81);
    expect(short.female[79]).toBe(full.female[79]);
    expect(short.male[80]).toBeCloseTo(accurateSum(full.male.subarray(80)), 6);
    expect(sumOf(short)).toBeCloseTo(sumOf(full), 5);
  });

  it('rescales to scaleToTotal, keeping the age shape', () => {
    const full = populationByAge(census('Henan'), 100, PATH);
    const scaled = populationByAge(census('Henan', { scaleToTotal: 1e6 }), 100, PATH);
    expect(sumOf(scaled)).toBeCloseTo(1e6, 6);
    expect(scaled.male[30] / scaled.female[30]).toBeCloseTo(full.male[30] / full.female[30], 12);
  });

  it('ageGroups: keeps group totals; groups starting above 0 leave the younger ages empty', () => {
    const spec = { ageGroups: { starts: [15, 65], female: [500, 100], male: [400, 50] } };
    const p = populationByAge(spec, 100, PATH);
    expect(p.female.subarray(0, 15).every((v) => v === 0)).toBe(true);
    expect(accurateSum(p.female.subarray(15, 65))).toBeCloseTo(500, 9);
    expect(accurateSum(p.male.subarray(65))).toBeCloseTo(50, 9);
  });

  it('singleAges: taken as given', () => {
    const female = Array.from({ length: 3 }, (_, a) => a + 1);
    expect(populationByAge({ singleAges: { female, male: [0, 0, 5] } }, 2, PATH)).toEqual({ female: Float64Array.of(1, 2, 3), male: Float64Array.of(0, 0, 5) });
  });

  it('rejects an unknown area, arrays of the wrong length, and rescaling nobody', () => {
    expect(thrownBy(() => populationByAge(census('Atlantis'), 100, PATH)).message).toMatchInlineSnapshot(
      `"base.x.population.census2020 names no area of the 2020 census: "Atlantis" (use "China", a province code such as 370000, or a name such as Shandong or 山东)"`,
    );
    expect(thrownBy(() => populationByAge({ singleAges: { female: [1, 2], male: [1, 2, 3] } }, 2, PATH)).message).toMatchInlineSnapshot(
      `"base.x.population.singleAges.female must have one value per age 0..2 (3), received 2"`,
    );
    expect(thrownBy(() => populationByAge({ ageGroups: { starts: [0, 50], female: [1], male: [1, 2] } }, 100, PATH)).issues[0].path).toEqual([...PATH, 'ageGroups', 'female']);
    expect(thrownBy(() => populationByAge({ singleAges: { female: [0, 0], male: [0, 0] }, scaleToTotal: 10 }, 1, PATH)).issues[0].path).toEqual([...PATH, 'scaleToTotal']);
  });
});

describe('basePopulation(scenario, id, path)', () => {
  it('with flat status patterns gives every age and sex the same status shares', () => {
    const s = smallTwoRegions();
    const scenario = defineScenario({
      ...s,
      base: { ...s.base, coast: { ...s.base.coast, statusAgePattern: { rural: 'flat', migrant: 'flat', hukou: 'flat' } } },
    });
    const p = basePopulation(scenario, 'coast', ['base', 'coast']);
    for (const a of [0, 25, 90]) {
      const all = p.rural.male[a] + p.migrant.male[a] + p.hukou.male[a];
      expect(p.rural.male[a] / all).toBeCloseTo(1 - 0.74, 12);
      expect(p.hukou.male[a] / all).toBeCloseTo(0.5, 12);
    }
  });

  it('takes a status pattern given by age and rejects one of the wrong length', () => {
    const s = smallTwoRegions();
    const byAge = Array.from({ length: 101 }, (_, a) => (a >= 18 && a < 60 ? 1 : 0.1));
    const scenario = defineScenario({ ...s, base: { ...s.base, coast: { ...s.base.coast, statusAgePattern: { migrant: { byAge } } } } });
    const p = basePopulation(scenario, 'coast', ['base', 'coast']);
    const share = (a: number) => p.migrant.female[a] / (p.rural.female[a] + p.migrant.female[a] + p.hukou.female[a]);
    expect(share(30)).toBeGreaterThan(5 * share(10));
    // found when the scenario is parsed, before any base population is built
    expect(thrownBy(() => defineScenario({ ...s, base: { ...s.base, coast: { ...s.base.coast, statusAgePattern: { migrant: { byAge: [1, 2] } } } } })).message).toMatchInlineSnapshot(
      `"base.coast.statusAgePattern.migrant.byAge must have one value per age 0..100 (101), received 2"`,
    );
  });
});

describe('populationByAge({ census2020, scaleToTotal }, 100, path, baseYear): bases that follow what happened', () => {
  const share65 = (p: { female: Float64Array; male: Float64Array }) => {
    let all = 0;
    let old = 0;
    for (let a = 0; a <= 100; a++) {
      all += p.female[a] + p.male[a];
      if (a >= 65) old += p.female[a] + p.male[a];
    }
    return old / all;
  };

  it('China at the end of 2023: aged 65+ within 0.3 points of the official 15.4 % (NBS 2023 communique: 21,676 of 140,967 10k)', () => {
    const p = populationByAge({ census2020: 'China', scaleToTotal: 1_409_670_000 }, 100, ['base'], 2023);
    expect(accurateSum([...p.female, ...p.male])).toBeCloseTo(1_409_670_000, 0);
    expect(Math.abs(share65(p) - 0.154)).toBeLessThanOrEqual(0.003);
  });

  it('Shanghai at the end of 2023: age 0 within 5 % of the base year\'s births', () => {
    const start = populationByAge({ census2020: 'Shanghai' }, 100, ['base'], 2020);
    const births2023 = carryCensus(310000, start, 2023, 100).years.at(-1)!.births;
    const p = populationByAge({ census2020: 'Shanghai', scaleToTotal: 24_874_500 }, 100, ['base'], 2023);
    expect(Math.abs((p.female[0] + p.male[0]) / births2023 - 1)).toBeLessThan(0.05);
  });

  it('adds what the carried population lacks to the total as migrants of working age: the old and the newborn keep their carried counts', () => {
    const start = populationByAge({ census2020: 'Zhejiang' }, 100, ['base'], 2020);
    const carried = carryCensus(330000, start, 2022, 100).population;
    const p = populationByAge({ census2020: 'Zhejiang', scaleToTotal: 65_770_000 }, 100, ['base'], 2022);
    expect(accurateSum([...p.female, ...p.male])).toBeCloseTo(65_770_000, 0);
    expect(p.female[90] / carried.female[90]).toBeCloseTo(1, 2);
    expect(p.female[25] / carried.female[25]).toBeGreaterThan(1.01);
  });
});

describe('carryCensus(code, population, to, maxAge)', () => {
  it('China 2021-2023: the published births and deaths, taken to the census residents (NBS communiques)', () => {
    const start = populationByAge({ census2020: 'China' }, 100, ['base'], 2020);
    const { years } = carryCensus(0, start, 2023, 100);
    const ratio = 1_409_778_724 / 1_411_780_000;
    const published = { 2021: [10_620_000, 10_140_000], 2022: [9_560_000, 10_410_000], 2023: [9_020_000, 11_100_000] } as const;
    for (const y of years) {
      const [births, deaths] = published[y.year as 2021 | 2022 | 2023];
      expect({ year: y.year, births: y.births / (births * ratio), deaths: y.deaths / (deaths * ratio) }).toEqual({ year: y.year, births: expect.closeTo(1, 6), deaths: expect.closeTo(1, 6) });
      expect(y.birthsPublished && y.deathsPublished).toBe(true);
    }
  });

  it('Shanghai 2022: nothing published, so the census levels are used and the year says so', () => {
    const start = populationByAge({ census2020: 'Shanghai' }, 100, ['base'], 2020);
    const [y2021, y2022] = carryCensus(310000, start, 2022, 100).years;
    expect(y2021).toMatchObject({ year: 2021, birthsPublished: true, deathsPublished: true });
    expect(y2021.births).toBeCloseTo(116_000, 0);
    expect(y2022).toMatchObject({ year: 2022, birthsPublished: false, deathsPublished: false });
  });
});
