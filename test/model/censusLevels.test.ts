/**
 * censusLevels(area): the default fertility and mortality of China and each province
 * reproduce the census-year births and deaths they were fitted to, and the provinces add up
 * to the nation. Sources: 2020 census Table 1-5 (children aged 0, women by age); 2010 census
 * county yearbook province rows (deaths per 1000, leiii/census); NBS 2020 communique (deaths).
 */

import { describe, expect, it } from 'vitest';
import { CENSUS_2020_POPULATION_BY_AGE } from '../../seeds/census2020/populationByAge.js';
import { CENSUS_PROVINCES } from '../../seeds/census-provinces/provinces.js';
import { OBSERVED_CHINA_VITAL_2020 } from '../../seeds/observed/vital2020.js';
import {
  BIRTHS_ALIVE_AT_YEAR_END_2020,
  censusLevels,
  censusLevelsTable,
  unBirthRate2020,
  unDeathRate2010,
  unDeathRate2020, censusOtherProvinceFlows, OTHER_PROVINCE_EXIT_RATE } from '../../src/model/censusLevels.js';
import { project } from '../../src/model/project.js';

const STARTS = CENSUS_2020_POPULATION_BY_AGE.ageStarts;
const area2020 = (code: number) => CENSUS_2020_POPULATION_BY_AGE.areas.find((a) => a.code === code)!;

/** Births the default fertility gives the census women: the UN 2020 rates times the factor. */
function defaultBirths(code: number): number {
  const a = area2020(code);
  let births = 0;
  for (let g = 0; g < STARTS.length; g++) births += a.female[g] * unBirthRate2020(STARTS[g]) * censusLevels(String(code))!.fertilityFactor;
  return births;
}

function deathsAt(female: readonly number[], male: readonly number[], rate: typeof unDeathRate2010, factor: number): number {
  let deaths = 0;
  for (let g = 0; g < female.length; g++) deaths += (female[g] * rate('female', g) + male[g] * rate('male', g)) * factor;
  return deaths;
}

const national = censusLevels('China')!;
/** The 2010 census ratio of deaths to UN deaths for the 31 provinces together, to undo the national level. */
const ratio2010 = (() => {
  let d = 0;
  let e = 0;
  for (const p of CENSUS_PROVINCES) {
    d += (p.deathsPer1000Residents2010 * p.population2010) / 1000;
    e += deathsAt(p.female2010, p.male2010, unDeathRate2010, 1);
  }
  return d / e;
})();

describe('censusLevels(province): each province reproduces its census-year births and deaths', () => {
  it.each(CENSUS_PROVINCES.map((p) => [p.nameEn, p.code] as const))('%s: 2020 children aged 0 and 2010 census deaths (1e-9 relative)', (_name, code) => {
    const levels = censusLevels(String(code))!;
    const p = CENSUS_PROVINCES.find((x) => x.code === code)!;
    // births of the census year, survived to the census, are the children aged 0 counted
    const age0 = area2020(code).female[0] + area2020(code).male[0];
    expect(defaultBirths(code) * BIRTHS_ALIVE_AT_YEAR_END_2020 / age0).toBeCloseTo(1, 9);
    // deaths the province's relative level gives its 2010 age structure, at the 2010 national ratio
    const deaths2010 = (p.deathsPer1000Residents2010 * p.population2010) / 1000;
    const modelled = deathsAt(p.female2010, p.male2010, unDeathRate2010, (levels.mortalityFactor / national.mortalityFactor) * ratio2010);
    expect(modelled / deaths2010).toBeCloseTo(1, 9);
    expect(levels.fertilityFactor).toBeGreaterThan(0.3);
    expect(levels.fertilityFactor).toBeLessThan(2);
    expect(levels.mortalityFactor).toBeGreaterThan(0.4);
    expect(levels.mortalityFactor).toBeLessThan(1.5);
  });
});

describe('censusLevels: the provinces add up to the nation', () => {
  it('the provinces\' census-year births sum to the national births (census Table 1-5 children aged 0)', () => {
    const sum = CENSUS_PROVINCES.reduce((s, p) => s + defaultBirths(p.code), 0);
    expect(sum / defaultBirths(0)).toBeCloseTo(1, 9);
    expect(defaultBirths(0) * BIRTHS_ALIVE_AT_YEAR_END_2020).toBeCloseTo(11_988_057, 0);
  });

  it('the national level gives the NBS 2020 deaths (9.98 million, taken to the census residents)', () => {
    const china = area2020(0);
    const residents = china.female.reduce((s, v) => s + v, 0) + china.male.reduce((s, v) => s + v, 0);
    const deaths = deathsAt(china.female, china.male, unDeathRate2020, national.mortalityFactor);
    expect(deaths).toBeCloseTo((OBSERVED_CHINA_VITAL_2020.deaths * residents) / OBSERVED_CHINA_VITAL_2020.residentPopulation, 3);
    expect(national.mortalityFactor).toBeCloseTo(0.864, 3);
  });

  it('the provinces\' 2020 deaths at their own levels sum to the national 2020 deaths within 2 %', () => {
    let sum = 0;
    for (const p of CENSUS_PROVINCES) sum += deathsAt(area2020(p.code).female, area2020(p.code).male, unDeathRate2020, censusLevels(String(p.code))!.mortalityFactor);
    const nation = deathsAt(area2020(0).female, area2020(0).male, unDeathRate2020, national.mortalityFactor);
    expect(Math.abs(sum / nation - 1)).toBeLessThan(0.02);
  });

  it('the provinces\' 2010 census deaths sum to the national figure of the table', () => {
    const sum = CENSUS_PROVINCES.reduce((s, p) => s + (p.deathsPer1000Residents2010 * p.population2010) / 1000, 0);
    expect(sum).toBeCloseTo(national.censusYearDeaths2010, 3);
    expect(censusLevelsTable()).toHaveLength(32);
  });
});

describe('censusLevels(area): lookup', () => {
  it('finds an area by English or Chinese name or code, and nothing for an unknown name', () => {
    expect(censusLevels('上海')).toBe(censusLevels('Shanghai'));
    expect(censusLevels('310000')).toBe(censusLevels('shanghai'));
    expect(censusLevels('Atlantis')).toBeNull();
    expect(censusLevels('Shanghai')!.fertilityFactor).toBeCloseTo(0.5115, 4);
    expect(censusLevels('Shanghai')!.mortalityFactor).toBeCloseTo(0.612, 3);
  });

  it('the levels are frozen', () => {
    expect(Object.isFrozen(censusLevelsTable())).toBe(true);
    expect(Object.isFrozen(censusLevels('Zhejiang'))).toBe(true);
  });
});

describe('Projection.demographicLevels', () => {
  const scenario = (population: object) => ({
    name: 'x',
    baseYear: 2020,
    endYear: 2021,
    regions: [{ id: 'r', nameEn: 'R', nameZh: 'R' }],
    base: { r: { population, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } },
    migration: { ruralToUrbanRate: 0 },
    hukou: { conversionRate: 0 },
  });

  it('a province gets its census levels without being asked, and the births follow them', () => {
    const own = project(scenario({ census2020: 'Guangdong' }) as never);
    const national = project({ ...scenario({ census2020: 'Guangdong' }), demography: { levels: 'un-national' } } as never);
    expect(own.demographicLevels[0]).toMatchObject({ region: 'r', fitted: 'census' });
    expect(own.demographicLevels[0].fertilityFactor).toBe(censusLevels('Guangdong')!.fertilityFactor);
    const births = (p: typeof own) => p.indicator('births').values.at(-1)!;
    expect(births(own) / births(national)).toBeCloseTo(censusLevels('Guangdong')!.fertilityFactor, 2);
    expect(national.demographicLevels[0].fitted).toBe('none');
  });

  it('says that nothing was fitted for a base population that is not a census area', () => {
    const p = project(scenario({ ageGroups: { starts: [0, 50], female: [100, 50], male: [100, 50] } }) as never);
    expect(p.demographicLevels[0]).toMatchObject({ fitted: 'none', fertilityFactor: 1, mortalityFactor: 1 });
    expect(p.demographicLevels[0].note).toMatch(/^nothing fitted/);
  });
});

describe('censusOtherProvinceFlows(area): the census stock registered in another province', () => {
  it('gives every province its 2020 stock, a rural share in [0, 1] and a tenth of the stock as the gross out-flow', () => {
    for (const p of CENSUS_PROVINCES) {
      const f = censusOtherProvinceFlows(p.nameEn)!;
      expect(f.stock2020).toBe(p.hukouElsewhere2020.otherProvince);
      expect(f.ruralShare).toBe(p.otherProvinceRuralShare2020);
      expect({ name: p.nameEn, inRange: f.ruralShare >= 0 && f.ruralShare <= 1 }).toEqual({ name: p.nameEn, inRange: true });
      expect(f.grossOut).toBeCloseTo(f.stock2020 * OTHER_PROVINCE_EXIT_RATE, 6);
    }
    expect(censusOtherProvinceFlows('China')).toBeNull();
  });

  it('Shanghai: 10,479,652 registered elsewhere, 42.1 % of its 24,870,895 residents, 11.6 % of them rural (under its 10.7 % rural share of all residents)', () => {
    const f = censusOtherProvinceFlows('上海')!;
    expect(f.stock2020).toBe(10_479_652);
    expect(f.shareOfResidents).toBeCloseTo(10_479_652 / 24_870_895, 12);
    expect(f.ruralShare).toBe(0.1164);
  });

  it('the provinces\' stocks add up to the 2020 census figure of 124,837,153 inter-provincial migrants', () => {
    const total = CENSUS_PROVINCES.reduce((s, p) => s + p.hukouElsewhere2020.otherProvince, 0);
    // NBS, 7th census communique no. 7: 跨省流动人口为124837153人
    expect(total).toBe(124_837_153);
  });
});
