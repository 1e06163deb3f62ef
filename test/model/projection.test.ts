/**
 * The Projection API: series for one region or all (stocks from the base year, flows from the
 * year after), tidy rows in a fixed order with units, populations by status, sex and age that
 * add up to the indicators, and errors that name what is unknown.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { indicatorInfo, POPULATION_INDICATORS } from '../../src/model/indicatorTable.js';
import { project } from '../../src/model/project.js';
import { ALL_REGIONS, type Projection } from '../../src/model/projection.js';
import type { PopulationByStatus } from '../../src/model/statusSplit.js';
import { accurateSum } from '../helpers/sums.js';
import { smallTwoRegions } from './fixtures/scenarios.js';
import { thrownBy } from '../helpers/errors.js';

const STOCKS = ['population', 'rural', 'migrant', 'hukou', 'residentUrbanisationRate', 'hukouUrbanisationRate', 'urbanisationGap'];
const FLOWS = ['births', 'deaths', 'ruralToUrban', 'reclassified', 'conversions', 'returns', 'netInternational'];

let two: Projection;
let one: Projection;

function total(p: PopulationByStatus, status?: 'rural' | 'migrant' | 'hukou'): number {
  const parts = status ? [p[status]] : [p.rural, p.migrant, p.hukou];
  return parts.reduce((sum, part) => sum + accurateSum(part.female) + accurateSum(part.male), 0);
}

function close(a: number, b: number, relative = 1e-12): boolean {
  return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b));
}

beforeAll(() => {
  two = project({ ...smallTwoRegions(), migration: { ...smallTwoRegions().migration, returnRate: 0.01, reclassificationRate: 0.001 } });
  const s = smallTwoRegions();
  one = project({ ...s, endYear: 2021, regions: [s.regions[0]], base: { inland: s.base.inland }, migration: { ruralToUrbanRate: 0.02 } });
});

describe('projection.indicator(key, { region })', () => {
  it('gives a stock from the base year to the end year, with its unit', () => {
    const series = two.indicator('population', { region: 'inland' });
    expect(series.key).toBe('population');
    expect(series.region).toBe('inland');
    expect(series.unit).toBe('persons');
    expect(series.years).toEqual([2020, 2021, 2022]);
    expect(series.values).toHaveLength(3);
    expect(series.values[0]).toBeCloseTo(1e6, 6);
  });

  it('gives a flow from the year after the base year', () => {
    for (const key of FLOWS) {
      const series = two.indicator(key, { region: 'coast' });
      expect(series.years).toEqual([2021, 2022]);
      expect(series.values).toHaveLength(2);
      expect(series.unit).toBe('persons per year');
    }
  });

  it('without a region gives all regions together, the sum of the regions for counts', () => {
    for (const key of [...STOCKS.slice(0, 4), ...FLOWS]) {
      const all = two.indicator(key);
      expect(all.region).toBe(ALL_REGIONS);
      const inland = two.indicator(key, { region: 'inland' }).values;
      const coast = two.indicator(key, { region: 'coast' }).values;
      all.values.forEach((v, i) => expect({ key, i, ok: close(v, inland[i] + coast[i]) }).toEqual({ key, i, ok: true }));
    }
  });

  it('gives rates of all regions as shares of the summed stocks', () => {
    const pop = two.indicator('population').values;
    const migrant = two.indicator('migrant').values;
    const hukou = two.indicator('hukou').values;
    const resident = two.indicator('residentUrbanisationRate');
    expect(resident.unit).toBe('share (0-1)');
    resident.values.forEach((v, y) => expect(close(v, (migrant[y] + hukou[y]) / pop[y])).toBe(true));
  });

  it('moves people between the regions: in the first year the coast gains a fifth of the inland movers', () => {
    const s = smallTwoRegions();
    const stay = project({ ...s, migration: { ...s.migration, returnRate: 0.01, reclassificationRate: 0.001, destinations: undefined } });
    const movers = two.indicator('ruralToUrban', { region: 'inland' }).values[0];
    const gained = two.indicator('migrant', { region: 'coast' }).values[1] - stay.indicator('migrant', { region: 'coast' }).values[1];
    const lost = stay.indicator('migrant', { region: 'inland' }).values[1] - two.indicator('migrant', { region: 'inland' }).values[1];
    expect(movers).toBeGreaterThan(1000);
    expect(Math.abs(gained - 0.2 * movers)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(lost - 0.2 * movers)).toBeLessThanOrEqual(1e-6);
    expect(stay.indicator('population').values[1]).toBeCloseTo(two.indicator('population').values[1], 6);
  });

  it('rejects an unknown indicator, listing the known ones', () => {
    const error = thrownBy(() => two.indicator('gdp'));
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: ['indicator'], received: 'gdp' });
    expect(error.message).toMatchInlineSnapshot(
      `"indicator "gdp" is not one of population, rural, migrant, hukou, residentUrbanisationRate, hukouUrbanisationRate, urbanisationGap, births, deaths, ruralToUrban, reclassified, conversions, returns, netInternational"`,
    );
  });

  it('rejects an unknown region, listing the known ones', () => {
    const error = thrownBy(() => two.indicator('population', { region: 'ocean' }));
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: ['region'], received: 'ocean' });
    expect(error.message).toMatchInlineSnapshot(`"region "ocean" is not in the projection (regions: inland, coast, or all)"`);
  });
});

describe('projection.indicatorKeys()', () => {
  it('lists the population indicators in table order when the scenario has no services', () => {
    expect(two.indicatorKeys()).toEqual(POPULATION_INDICATORS.map((i) => i.key));
    expect(two.indicatorKeys()).toEqual([...STOCKS, ...FLOWS]);
  });
});

describe('projection.table(options)', () => {
  it('orders rows by indicator, then region (all last), then year', () => {
    const rows = two.table();
    const expectedCount = STOCKS.length * 3 * 3 + FLOWS.length * 3 * 2;
    expect(rows).toHaveLength(expectedCount);
    expect(rows.slice(0, 4).map((r) => [r.indicator, r.region, r.year])).toEqual([
      ['population', 'inland', 2020],
      ['population', 'inland', 2021],
      ['population', 'inland', 2022],
      ['population', 'coast', 2020],
    ]);
    expect(rows.slice(6, 9).map((r) => r.region)).toEqual(['all', 'all', 'all']);
    expect(rows.at(-1)).toMatchObject({ indicator: 'netInternational', region: 'all', year: 2022, value: 0, unit: 'persons per year' });
    const order = [...STOCKS, ...FLOWS];
    for (let i = 1; i < rows.length; i++) expect(order.indexOf(rows[i].indicator)).toBeGreaterThanOrEqual(order.indexOf(rows[i - 1].indicator));
  });

  it('gives each row the unit of the indicator table and the value of indicator()', () => {
    for (const row of two.table()) {
      expect(row.unit).toBe(indicatorInfo(row.indicator)!.unit);
      const series = two.indicator(row.indicator, { region: row.region });
      expect(Object.is(series.values[series.years.indexOf(row.year)], row.value)).toBe(true);
    }
  });

  it('keeps the keys of a tidy row only', () => {
    expect(Object.keys(two.table()[0])).toEqual(['year', 'region', 'indicator', 'value', 'unit']);
  });

  it('picks indicators and regions', () => {
    const rows = two.table({ indicators: ['births', 'population'], regions: ['coast'] });
    expect(rows.map((r) => `${r.indicator} ${r.region} ${r.year}`)).toEqual([
      'births coast 2021',
      'births coast 2022',
      'population coast 2020',
      'population coast 2021',
      'population coast 2022',
    ]);
  });

  it('leaves out the all-regions rows when there is one region', () => {
    const regions = new Set(one.table().map((r) => r.region));
    expect([...regions]).toEqual(['inland']);
    expect(one.table()).toHaveLength(STOCKS.length * 2 + FLOWS.length);
  });

  it('rejects an unknown indicator or region', () => {
    expect(thrownBy(() => two.table({ indicators: ['gdp'] })).issues[0].path).toEqual(['indicator']);
    expect(thrownBy(() => two.table({ regions: ['ocean'] })).issues[0].path).toEqual(['region']);
  });
});

describe('projection.population({ year, region })', () => {
  it('adds up to the population, rural, migrant and hukou indicators in every year and region', () => {
    for (const region of ['inland', 'coast', ALL_REGIONS]) {
      for (const year of two.years) {
        const p = two.population({ year, region });
        const y = two.years.indexOf(year);
        expect(close(total(p), two.indicator('population', { region }).values[y])).toBe(true);
        for (const status of ['rural', 'migrant', 'hukou'] as const) expect(close(total(p, status), two.indicator(status, { region }).values[y])).toBe(true);
      }
    }
  });

  it('defaults to all regions, which is the sum of the regions age by age', () => {
    const all = two.population({ year: 2022 });
    const inland = two.population({ year: 2022, region: 'inland' });
    const coast = two.population({ year: 2022, region: 'coast' });
    for (let a = 0; a <= 100; a++) expect(all.migrant.male[a]).toBe(inland.migrant.male[a] + coast.migrant.male[a]);
    expect(all.hukou.female).toHaveLength(101);
  });

  it('returns fresh arrays: changing them does not change the projection', () => {
    const before = two.indicator('population', { region: 'coast' }).values[1];
    two.population({ year: 2021, region: 'coast' }).rural.female.fill(0);
    expect(total(two.population({ year: 2021, region: 'coast' }))).toBeCloseTo(before, 4);
  });

  it('rejects a year outside the projection and an unknown region', () => {
    expect(thrownBy(() => two.population({ year: 2019 })).message).toMatchInlineSnapshot(`"year must be in [2020, 2022], received 2019"`);
    expect(thrownBy(() => two.population({ year: 2023 })).issues[0]).toMatchObject({ code: 'out_of_range', path: ['year'], received: '2023' });
    expect(thrownBy(() => two.population({ year: 2020.5 })).issues[0].path).toEqual(['year']);
    expect(thrownBy(() => two.population({ year: 2021, region: 'ocean' })).issues[0].path).toEqual(['region']);
  });
});

describe('projection.toKernelProblem()', () => {
  it('is the problem the kernel ran: it starts on 1 January after the base year', () => {
    const problem = two.toKernelProblem();
    expect([problem.startYear, problem.years]).toEqual([2021, 2]);
    expect(problem.regions).toEqual(two.regions);
  });
});
