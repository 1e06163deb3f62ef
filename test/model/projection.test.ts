/**
 * The Projection API: series for one region or all (stocks from the base year, flows from the
 * year after), tidy rows in a fixed order with units, populations by status, sex and age that
 * add up to the indicators, and errors that name what is unknown.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorInfo, isIndicatorKey, POPULATION_INDICATORS } from '../../src/model/indicatorTable.js';
import { project } from '../../src/model/project.js';
import { ALL_REGIONS, type Projection } from '../../src/model/projection.js';
import type { PopulationByStatus } from '../../src/model/statusSplit.js';
import { accurateSum } from '../helpers/sums.js';
import { smallTwoRegions } from './fixtures/scenarios.js';
import { thrownBy } from '../helpers/errors.js';
import { asIndicatorKey } from '../../src/model/indicatorTable.js';

const STOCKS = ['population', 'rural', 'migrant', 'hukou', 'residentUrbanisationRate', 'hukouUrbanisationRate', 'urbanisationGap'];
const FLOWS = ['births', 'deaths', 'ruralToUrban', 'reclassified', 'conversions', 'returns', 'netInternational', 'inMigrants', 'outMigrants', 'netMigration'];
const BETWEEN = ['inMigrants', 'outMigrants', 'netMigration'];

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
      const series = two.indicator(asIndicatorKey(key), { region: 'coast' });
      expect(series.years).toEqual([2021, 2022]);
      expect(series.values).toHaveLength(2);
      expect(series.unit).toBe('persons per year');
    }
  });

  it('without a region gives all regions together, the sum of the regions for counts', () => {
    for (const key of [...STOCKS.slice(0, 4), ...FLOWS]) {
      const all = two.indicator(asIndicatorKey(key));
      expect(all.region).toBe(ALL_REGIONS);
      const inland = two.indicator(asIndicatorKey(key), { region: 'inland' }).values;
      const coast = two.indicator(asIndicatorKey(key), { region: 'coast' }).values;
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

  it('types its keys: a misspelt key does not compile, and is refused at run time', () => {
    // @ts-expect-error 'shcoolPlaces' is not a service: the key does not compile
    expect(() => two.indicator('shcoolPlaces.demand')).toThrow(/indicator "shcoolPlaces.demand" is not one of/);
    // @ts-expect-error 'demnd' is not a service figure
    expect(() => two.indicator('schoolPlaces.demnd')).toThrow(/indicator "schoolPlaces.demnd"/);
    expect([isIndicatorKey('schoolPlaces.demand'), isIndicatorKey('housing.heldBack'), isIndicatorKey('shcoolPlaces.demand')]).toEqual([true, true, false]);
  });

  it('rejects an unknown indicator, listing the known ones', () => {
    const error = thrownBy(() => two.indicator(asIndicatorKey('gdp')));
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: ['indicator'], received: 'gdp' });
    expect(error.message).toMatchInlineSnapshot(
      `"indicator "gdp" is not one of population, rural, migrant, hukou, residentUrbanisationRate, hukouUrbanisationRate, urbanisationGap, births, deaths, ruralToUrban, reclassified, conversions, returns, netInternational, inMigrants, outMigrants, netMigration"`,
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
    // the gross flows from and to outside are listed only when the scenario has them
    expect(two.indicatorKeys()).toEqual(POPULATION_INDICATORS.map((i) => i.key).filter((k) => k !== 'externalInMigrants' && k !== 'externalOutMigrants'));
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
    expect(rows.at(-1)).toMatchObject({ indicator: 'netMigration', region: 'all', year: 2022, unit: 'persons per year' });
    const order = [...STOCKS, ...FLOWS];
    for (let i = 1; i < rows.length; i++) expect(order.indexOf(rows[i].indicator)).toBeGreaterThanOrEqual(order.indexOf(rows[i - 1].indicator));
  });

  it('gives each row the unit of the indicator table and the value of indicator()', () => {
    for (const row of two.table()) {
      expect(row.unit).toBe(indicatorInfo(row.indicator)!.unit);
      const series = two.indicator(asIndicatorKey(row.indicator), { region: row.region });
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
    // nor migration between regions, always 0 with one region
    expect(one.table()).toHaveLength(STOCKS.length * 2 + FLOWS.length - BETWEEN.length);
    expect(one.indicator('netMigration').values).toEqual([0]);
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

describe('projection.indicator(inMigrants | outMigrants | netMigration)', () => {
  it('shows the movers from inland to the coast: a fifth of inland rural-to-urban movers leave and arrive', () => {
    for (let t = 0; t < 2; t++) {
      const movers = two.indicator('ruralToUrban', { region: 'inland' }).values[t];
      const out = two.indicator('outMigrants', { region: 'inland' }).values[t];
      const arrived = two.indicator('inMigrants', { region: 'coast' }).values[t];
      expect(movers).toBeGreaterThan(1000);
      expect(close(out, 0.2 * movers)).toBe(true);
      expect(close(arrived, 0.2 * movers)).toBe(true);
      expect(two.indicator('outMigrants', { region: 'coast' }).values[t]).toBe(0); // the coast's movers stay
      expect(two.indicator('inMigrants', { region: 'inland' }).values[t]).toBe(0);
      expect(close(two.indicator('netMigration', { region: 'coast' }).values[t], arrived)).toBe(true);
      expect(close(two.indicator('netMigration', { region: 'inland' }).values[t], -out)).toBe(true);
      expect(Math.abs(two.indicator('netMigration').values[t])).toBeLessThanOrEqual(1e-9 * out);
    }
  });

  it('appears in the tidy rows of a run with several regions', () => {
    const rows = two.table({ indicators: ['netMigration'], regions: ['coast'] });
    expect(rows.map((r) => [r.year, r.region, r.indicator, r.unit])).toEqual([
      [2021, 'coast', 'netMigration', 'persons per year'],
      [2022, 'coast', 'netMigration', 'persons per year'],
    ]);
    expect(rows[0].value).toBeGreaterThan(200);
  });
});

describe('projection.aggregate(by)', () => {
  let three: Projection;
  beforeAll(() => {
    const s = smallTwoRegions();
    three = project({
      ...s,
      regions: [
        { ...s.regions[0], province: 'west', prefecture: 'w1', tier: 'medium' as const },
        { ...s.regions[1], province: 'east', prefecture: 'e1', tier: 'large-2' as const },
        { id: 'hills', nameEn: 'Hills', nameZh: '山区', province: 'west', prefecture: 'w2', tier: 'medium' as const },
      ],
      base: { ...s.base, hills: { population: { census2020: 'Guizhou', scaleToTotal: 5e5 }, residentUrbanisationRate: 0.4, hukouUrbanisationRate: 0.2 } },
      migration: { ...s.migration, destinations: { inland: { inland: 0.8, coast: 0.2 }, hills: { hills: 0.5, inland: 0.25, coast: 0.25 } } },
      services: { schoolPlaces: { migrantChildrenPublicSchoolShare: 0.85, urbanPlaces: { initial: 6e4 } } },
    });
  });

  it('sums counts exactly over the members of each group, in order of first appearance', () => {
    const west = three.aggregate('province');
    expect(west.regions).toEqual(['west', 'east']);
    expect(west.membersOf('west')).toEqual(['inland', 'hills']);
    for (const key of ['population', 'rural', 'migrant', 'hukou', 'births', 'deaths', 'ruralToUrban', 'inMigrants', 'schoolPlaces.demand', 'schoolPlaces.shortfall']) {
      const inland = three.indicator(asIndicatorKey(key), { region: 'inland' }).values;
      const hills = three.indicator(asIndicatorKey(key), { region: 'hills' }).values;
      const coast = three.indicator(asIndicatorKey(key), { region: 'coast' }).values;
      expect({ key, v: west.indicator(asIndicatorKey(key), { region: 'west' }).values }).toEqual({ key, v: inland.map((v, i) => v + hills[i]) });
      expect({ key, v: west.indicator(asIndicatorKey(key), { region: 'east' }).values }).toEqual({ key, v: coast });
      expect({ key, v: west.indicator(asIndicatorKey(key)).values }).toEqual({ key, v: three.indicator(asIndicatorKey(key)).values });
    }
  });

  it('recomputes rates from the summed counts, not as a mean of the members\' rates', () => {
    const agg = three.aggregate('tier');
    expect(agg.regions).toEqual(['medium', 'large-2']);
    const pop = agg.indicator('population', { region: 'medium' }).values;
    const urban = ['migrant', 'hukou'].map((k) => agg.indicator(asIndicatorKey(k), { region: 'medium' }).values);
    const rate = agg.indicator('residentUrbanisationRate', { region: 'medium' }).values;
    rate.forEach((v, y) => expect(v).toBe((urban[0][y] + urban[1][y]) / pop[y]));
    const mean = (three.indicator('residentUrbanisationRate', { region: 'inland' }).values[0] + three.indicator('residentUrbanisationRate', { region: 'hills' }).values[0]) / 2;
    expect(Math.abs(rate[0] - mean)).toBeGreaterThan(0.01); // inland has twice the people of the hills
    const demand = agg.indicator('schoolPlaces.demand', { region: 'medium' }).values;
    const shortfall = agg.indicator('schoolPlaces.shortfall', { region: 'medium' }).values;
    agg.indicator('schoolPlaces.coverage', { region: 'medium' }).values.forEach((v, y) => expect(v).toBe(demand[y] > 0 ? 1 - shortfall[y] / demand[y] : 1));
  });

  it('nets out moves between members: a group holding every region has net migration 0 to rounding', () => {
    const agg = three.aggregate(() => 'nation');
    expect(agg.regions).toEqual(['nation']);
    const moved = agg.indicator('inMigrants', { region: 'nation' }).values[0];
    expect(moved).toBeGreaterThan(1000);
    expect(Math.abs(agg.indicator('netMigration', { region: 'nation' }).values[0])).toBeLessThanOrEqual(1e-9 * moved);
    expect(agg.table({ indicators: ['population'] }).map((r) => r.region)).toEqual(['nation', 'nation', 'nation']);
  });

  it('gives each group the tidy rows of a projection, all last', () => {
    const rows = three.aggregate('prefecture').table({ indicators: ['population'] });
    expect(rows.map((r) => `${r.region} ${r.year}`)).toEqual(['w1 2020', 'w1 2021', 'w1 2022', 'e1 2020', 'e1 2021', 'e1 2022', 'w2 2020', 'w2 2021', 'w2 2022', 'all 2020', 'all 2021', 'all 2022']);
  });

  it('names every region without the attribute, and an unknown group', () => {
    const error = thrownBy(() => two.aggregate('province'));
    expect(error.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "regions[0].province is required to aggregate by province (region "inland" has none)",
        "regions[1].province is required to aggregate by province (region "coast" has none)",
      ]
    `);
    expect(thrownBy(() => three.aggregate('province').indicator('population', { region: 'north' })).message).toMatchInlineSnapshot(`"group "north" is not in the aggregate (groups: west, east, or all)"`);
    expect(thrownBy(() => three.aggregate(() => 'all')).issues).toHaveLength(3);
  });
});
