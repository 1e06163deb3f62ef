/**
 * project(scenario) on China as one region from the 2020 census with UN WPP 2024 mortality,
 * fertility and net international migration: every indicator finite and non-negative (net
 * international migration may be negative) to 2035, the base year reproducing the scenario's
 * rates exactly, and the population accounting closing every year.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { POPULATION_INDICATORS } from '../../src/model/indicatorTable.js';
import { project } from '../../src/model/project.js';
import type { Projection } from '../../src/model/projection.js';
import { nationalInput, smallTwoRegions } from './fixtures/scenarios.js';
import { asIndicatorKey } from '../../src/model/indicatorTable.js';

let china: Projection;

beforeAll(() => {
  china = project(nationalInput);
});

describe('project(scenario): China, one region, 2020-2035', () => {
  it('has year-ends 2020..2035 and the one region', () => {
    expect(china.years).toEqual(Array.from({ length: 16 }, (_, i) => 2020 + i));
    expect([china.baseYear, china.endYear]).toEqual([2020, 2035]);
    expect(china.regions).toEqual(['china']);
  });

  it('gives every population indicator, finite and non-negative except net international migration', () => {
    // migration between regions is listed only when there are several regions, gross flows from
    // and to outside only when the scenario has them
    const betweenRegions = ['inMigrants', 'outMigrants', 'netMigration', 'externalInMigrants', 'externalOutMigrants'];
    expect(china.indicatorKeys()).toEqual(expect.arrayContaining(POPULATION_INDICATORS.map((i) => i.key).filter((k) => !betweenRegions.includes(k))));
    for (const key of china.indicatorKeys()) {
      for (const region of ['china', 'all']) {
        const { values } = china.indicator(asIndicatorKey(key), { region });
        expect({ key, region, allFinite: values.every(Number.isFinite) }).toEqual({ key, region, allFinite: true });
        if (key !== 'netInternational') expect({ key, region, min: Math.min(...values) >= 0 }).toEqual({ key, region, min: true });
      }
    }
    // UN WPP 2024 has net emigration from China in these years
    expect(Math.max(...china.indicator('netInternational').values)).toBeLessThan(0);
  });

  it('keeps shares in [0, 1]', () => {
    for (const key of ['residentUrbanisationRate', 'hukouUrbanisationRate', 'urbanisationGap']) {
      for (const v of china.indicator(asIndicatorKey(key)).values) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });

  it('starts from the census population and the scenario rates, to 1e-12', () => {
    const at2020 = (key: string) => china.indicator(asIndicatorKey(key)).values[0];
    expect(Math.abs(at2020('population') / 1_409_778_724 - 1)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(at2020('residentUrbanisationRate') - 0.6389)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(at2020('hukouUrbanisationRate') - 0.454)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(at2020('urbanisationGap') - (0.6389 - 0.454))).toBeLessThanOrEqual(1e-12);
  });

  it('closes the accounting each year: P(t) = P(t-1) + births - deaths + net international', () => {
    const population = china.indicator('population').values;
    const births = china.indicator('births').values;
    const deaths = china.indicator('deaths').values;
    const net = china.indicator('netInternational').values;
    for (let t = 0; t < births.length; t++) {
      const expected = population[t] + births[t] - deaths[t] + net[t];
      expect(Math.abs(population[t + 1] / expected - 1)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('keeps the stocks consistent: rural + migrant + hukou = population, rates = shares of it', () => {
    const [population, rural, migrant, hukou, resident, hukouRate] = ['population', 'rural', 'migrant', 'hukou', 'residentUrbanisationRate', 'hukouUrbanisationRate'].map(
      (key) => china.indicator(asIndicatorKey(key)).values,
    );
    population.forEach((p, y) => {
      expect(Math.abs((rural[y] + migrant[y] + hukou[y]) / p - 1)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(resident[y] - (migrant[y] + hukou[y]) / p)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(hukouRate[y] - hukou[y] / p)).toBeLessThanOrEqual(1e-12);
    });
  });

  it('urbanises: the resident rate rises every year', () => {
    const rate = china.indicator('residentUrbanisationRate').values;
    for (let t = 1; t < rate.length; t++) expect(rate[t]).toBeGreaterThan(rate[t - 1]);
  });
});

describe('project(scenario): rejections', () => {
  it('throws a ChengzhenError naming the field for an invalid scenario', () => {
    const s = smallTwoRegions();
    let thrown: unknown;
    try {
      project({ ...s, hukou: { conversionRate: { formula: '1.5 - 0.1 * (2021 - year)' } } });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ChengzhenError);
    expect((thrown as ChengzhenError).message).toMatchInlineSnapshot(`"hukou.conversionRate[year=2021] must be in [0, 1], received 1.5"`);
  });
});
