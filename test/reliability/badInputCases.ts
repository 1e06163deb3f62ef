/**
 * Malformed scenario and kernel problem documents, each with the field its error must name
 * (`issues[0].path`) and a fragment of that message. Documents are built fresh by a
 * function, so that a case cannot leak into the next; those that need own `__proto__` or
 * `constructor` keys are built with `JSON.parse`, as a file would be.
 *
 * `stage: 'compile'` marks scenarios that parse but cannot be compiled (since every check of
 * a scenario runs at parse time, there are none left); `stage: 'run'` a kernel problem that parses but removes more
 * people than there are. `cli: true` marks the cases also run through the command line (their
 * document must survive `JSON.stringify`).
 */

import type { KernelProblemJSON } from '../../src/io/kernelJson.js';
import { LIMITS } from '../../src/limits.js';
import type { ScenarioInput } from '../../src/schema/scenario.js';
import { filled, uniformKernelDoc } from '../helpers/kernelDocs.js';

export interface BadInputCase {
  name: string;
  document: () => unknown;
  /** The document as file text, when `JSON.stringify` cannot write it (nested too deeply). */
  json?: () => string;
  /** `issues[0].path` of the error. */
  path: (string | number)[];
  /** A fragment of `issues[0].message`. */
  message: string;
  stage?: 'parse' | 'compile' | 'run';
  cli?: boolean;
}

type Loose = Record<string, any>;

/** A small valid scenario: two regions from the 2020 census, two years. */
export function validScenario(): ScenarioInput {
  return {
    name: 'Two towns',
    baseYear: 2020,
    endYear: 2022,
    regions: [
      { id: 'inland', nameEn: 'Inland', nameZh: '内陆' },
      { id: 'coast', nameEn: 'Coast', nameZh: '沿海' },
    ],
    base: {
      inland: { population: { census2020: 'Henan', scaleToTotal: 1e6 }, residentUrbanisationRate: 0.55, hukouUrbanisationRate: 0.35 },
      coast: { population: { census2020: 'Guangdong', scaleToTotal: 1e6 }, residentUrbanisationRate: 0.74, hukouUrbanisationRate: 0.5 },
    },
    migration: { ruralToUrbanRate: 0.02, destinations: { inland: { inland: 0.8, coast: 0.2 } } },
    hukou: { conversionRate: 0.03 },
  };
}

/** The valid scenario changed by `edit`. */
function scenario(edit: (s: Loose) => void): () => unknown {
  return () => {
    const s = structuredClone(validScenario()) as Loose;
    edit(s);
    return s;
  };
}

/** A document as file text with `from` replaced by `to`, and parsed as a file would be. */
function edited(valid: () => unknown, from: string, to: () => string): Pick<BadInputCase, 'document' | 'json'> {
  const json = () => {
    const text = JSON.stringify(valid());
    if (!text.includes(from)) throw new Error(`the document has no ${from}`);
    return text.replace(from, to());
  };
  return { json, document: () => JSON.parse(json()) as unknown };
}

/** The valid scenario as JSON text with `from` replaced by `to`. */
function scenarioText(from: string, to: string | (() => string)): Pick<BadInputCase, 'document' | 'json'> {
  return edited(validScenario, from, typeof to === 'string' ? () => to : to);
}

/** A valid kernel problem: regions north and south, maxAge 2 (36 population cells), 2 years. */
export function validKernelDoc(): KernelProblemJSON {
  return uniformKernelDoc({ regions: ['north', 'south'], maxAge: 2, years: 2, startYear: 2020 });
}

function kernel(edit: (d: Loose) => void): () => unknown {
  return () => {
    const d = structuredClone(validKernelDoc()) as Loose;
    edit(d);
    return d;
  };
}

/** The valid kernel problem as JSON text with `from` replaced by `to`. */
function kernelText(from: string, to: string | (() => string)): Pick<BadInputCase, 'document' | 'json'> {
  return edited(validKernelDoc, from, typeof to === 'string' ? () => to : to);
}

/** `[[[...1...]]]` or `{"x":{"x":...1...}}`, `depth` levels deep, as JSON text. */
export function nestedText(depth: number, kind: 'array' | 'object'): string {
  const open = kind === 'array' ? '[' : '{"x":';
  const close = kind === 'array' ? ']' : '}';
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

/** The same value made by JSON.parse, as a file would. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): unknown {
  return JSON.parse(nestedText(depth, kind));
}

function withArray(length: number, value: unknown): unknown[] {
  return new Array<unknown>(length).fill(value);
}

function floatsWith(length: number, fill: number, at: number, value: number): Float64Array {
  const out = new Float64Array(length).fill(fill);
  out[at] = value;
  return out;
}

const SHARE_SCHEDULE = 'must be a share schedule (a number in [0, 1], { linear }, { points } or { formula }) for every region, or { byRegion';
const ALLOWED = 'which is not allowed';

export const SCENARIO_CASES: BadInputCase[] = [
  // whole documents of the wrong kind
  { name: 'null', document: () => null, path: [], message: '(root) must be an object, received null', cli: true },
  { name: 'an array', document: () => [], path: [], message: '(root) must be an object, received an array of 0', cli: true },
  { name: 'a string', document: () => 'scenario', path: [], message: '(root) must be an object, received "scenario"' },
  { name: 'an empty object', document: () => ({}), path: ['name'], message: 'name is required', cli: true },
  // missing fields, wrong types, strings where numbers belong
  { name: 'no migration', document: scenario((s) => delete s.migration), path: ['migration'], message: 'migration is required', cli: true },
  { name: 'an empty migration object', document: scenario((s) => (s.migration = {})), path: ['migration', 'ruralToUrbanRate'], message: 'migration.ruralToUrbanRate is required' },
  { name: 'hukou null', document: scenario((s) => (s.hukou = null)), path: ['hukou'], message: 'hukou must be an object, received null' },
  { name: 'a number as name', document: scenario((s) => (s.name = 42)), path: ['name'], message: 'name must be a string, received 42' },
  { name: 'baseYear as a string', document: scenario((s) => (s.baseYear = '2020')), path: ['baseYear'], message: 'baseYear must be a number, received "2020"', cli: true },
  { name: 'baseYear "NaN" as a string', document: scenario((s) => (s.baseYear = 'NaN')), path: ['baseYear'], message: 'baseYear must be a number, received "NaN"' },
  { name: 'baseYear NaN as a number', document: scenario((s) => (s.baseYear = NaN)), path: ['baseYear'], message: 'baseYear must be a number, received NaN' },
  { name: 'endYear Infinity as a number', document: scenario((s) => (s.endYear = Infinity)), path: ['endYear'], message: 'endYear must be a number, received Infinity' },
  { name: 'endYear "Infinity" as a string', document: scenario((s) => (s.endYear = 'Infinity')), path: ['endYear'], message: 'endYear must be a number, received "Infinity"' },
  { name: 'baseYear not whole', document: scenario((s) => (s.baseYear = 2020.5)), path: ['baseYear'], message: 'baseYear must be an integer, received 2020.5' },
  { name: 'baseYear before 1800', document: scenario((s) => (s.baseYear = 1700)), path: ['baseYear'], message: 'baseYear must be >= 1800, received 1700' },
  { name: 'years reversed', document: scenario((s) => Object.assign(s, { baseYear: 2030, endYear: 2020 })), path: ['endYear'], message: 'endYear must be after baseYear (2030), received 2020', cli: true },
  { name: 'no year to project', document: scenario((s) => (s.endYear = 2020)), path: ['endYear'], message: 'endYear must be after baseYear (2020), received 2020' },
  { name: 'maxAge far above the limit', document: scenario((s) => (s.maxAge = 1000)), path: ['maxAge'], message: `maxAge must be <= ${LIMITS.maxAge}, received 1000` },
  { name: 'scaleToTotal as a string', document: scenario((s) => (s.base.inland.population.scaleToTotal = '1e6')), path: ['base', 'inland', 'population', 'scaleToTotal'], message: 'must be a number, received "1e6"' },
  { name: 'scaleToTotal 0', document: scenario((s) => (s.base.inland.population.scaleToTotal = 0)), path: ['base', 'inland', 'population', 'scaleToTotal'], message: 'must be > 0, received 0' },
  // regions
  { name: 'no regions', document: scenario((s) => (s.regions = [])), path: ['regions'], message: 'regions must be an array of >= 1 items, received 0 items', cli: true },
  {
    name: '20,000 regions',
    document: scenario((s) => (s.regions = Array.from({ length: 20_000 }, (_, i) => ({ id: `r${i}`, nameEn: `R${i}`, nameZh: '区' })))),
    path: ['regions'],
    message: `regions must be an array of <= ${LIMITS.maxRegions} items, received 20000 items`,
    cli: true,
  },
  { name: 'a repeated region id', document: scenario((s) => (s.regions[1].id = 'inland')), path: ['regions', 1, 'id'], message: 'regions[1].id repeats the region id "inland"', cli: true },
  { name: 'the reserved region id all', document: scenario((s) => (s.regions[0].id = 'all')), path: ['regions', 0, 'id'], message: 'regions[0].id must not be "all"' },
  { name: 'a region id with a space', document: scenario((s) => (s.regions[0].id = 'in land')), path: ['regions', 0, 'id'], message: 'must be a letter followed by letters, digits, _ or -' },
  { name: 'an empty region id', document: scenario((s) => (s.regions[0].id = '')), path: ['regions', 0, 'id'], message: 'regions[0].id must be a text of >= 1 characters' },
  { name: 'a region as a number', document: scenario((s) => (s.regions[0] = 7)), path: ['regions', 0], message: 'regions[0] must be an object, received 7' },
  { name: 'a region named constructor without a base', document: scenario((s) => {
      s.regions[0].id = 'constructor';
      delete s.base.inland;
      delete s.migration.destinations;
    }),
    path: ['base', 'constructor'], message: 'base.constructor is required' },
  { name: 'a region without a base', document: scenario((s) => delete s.base.coast), path: ['base', 'coast'], message: 'base.coast is required: every region needs a base population', cli: true },
  { name: 'a base for an unknown region', document: scenario((s) => (s.base.nowhere = s.base.coast)), path: ['base', 'nowhere'], message: 'base.nowhere names the unknown region "nowhere"' },
  // keys that name the prototype, as JSON.parse makes them (own properties)
  { name: '__proto__ at the top', ...scenarioText('{"name"', '{"__proto__":{"polluted":true},"name"'), path: ['__proto__'], message: '__proto__ is not allowed', cli: true },
  { name: '__proto__ in base', ...scenarioText('"base":{', '"base":{"__proto__":{"polluted":true},'), path: ['base', '__proto__'], message: 'base.__proto__ is not allowed', cli: true },
  {
    name: '__proto__ in byRegion',
    ...scenarioText('"ruralToUrbanRate":0.02', '"ruralToUrbanRate":{"byRegion":{"__proto__":{"polluted":true},"inland":0.02},"default":0.01}'),
    path: ['migration', 'ruralToUrbanRate', 'byRegion', '__proto__'],
    message: 'migration.ruralToUrbanRate.byRegion.__proto__ is not allowed',
  },
  { name: '__proto__ in a destinations row', ...scenarioText('"inland":{"inland":0.8', '"inland":{"__proto__":{"polluted":true},"inland":0.8'), path: ['migration', 'destinations', 'inland', '__proto__'], message: 'is not allowed' },
  { name: 'constructor at the top', ...scenarioText('{"name"', '{"constructor":{"prototype":{"polluted":true}},"name"'), path: ['constructor'], message: 'constructor is not a known field', cli: true },
  {
    name: 'prototype as a region in base',
    ...scenarioText('"base":{', '"base":{"prototype":{"population":{"census2020":"Henan"},"residentUrbanisationRate":0.5,"hukouUrbanisationRate":0.3},'),
    path: ['base', 'prototype'],
    message: 'base.prototype names the unknown region "prototype"',
  },
  { name: 'constructor in a region', ...scenarioText('"nameZh":"沿海"', '"nameZh":"沿海","constructor":{"name":"x"}'), path: ['regions', 1, 'constructor'], message: 'regions[1].constructor is not a known field' },
  // rates out of range, NaN and Infinity
  { name: 'a rate above 1', document: scenario((s) => (s.migration.ruralToUrbanRate = 1.5)), path: ['migration', 'ruralToUrbanRate'], message: 'migration.ruralToUrbanRate must be <= 1, received 1.5', cli: true },
  { name: 'a negative rate', document: scenario((s) => (s.hukou.conversionRate = -0.03)), path: ['hukou', 'conversionRate'], message: 'hukou.conversionRate must be >= 0, received -0.03' },
  { name: 'a rate as a string', document: scenario((s) => (s.migration.ruralToUrbanRate = '0.02')), path: ['migration', 'ruralToUrbanRate'], message: `${SHARE_SCHEDULE}`, cli: true },
  { name: 'a rate "NaN" as a string', document: scenario((s) => (s.migration.ruralToUrbanRate = 'NaN')), path: ['migration', 'ruralToUrbanRate'], message: 'received "NaN"' },
  { name: 'a rate NaN as a number', document: scenario((s) => (s.migration.ruralToUrbanRate = NaN)), path: ['migration', 'ruralToUrbanRate'], message: 'received NaN' },
  { name: 'a rate Infinity as a number', document: scenario((s) => (s.migration.returnRate = Infinity)), path: ['migration', 'returnRate'], message: 'received Infinity' },
  { name: 'a rate -Infinity in byRegion', document: scenario((s) => (s.hukou.conversionRate = { byRegion: { inland: -Infinity, coast: 0.02 } })), path: ['hukou', 'conversionRate', 'byRegion', 'inland'], message: 'received -Infinity' },
  { name: 'a rate above 1 in byRegion', document: scenario((s) => (s.hukou.conversionRate = { byRegion: { inland: 2, coast: 0.02 } })), path: ['hukou', 'conversionRate', 'byRegion', 'inland'], message: 'must be <= 1, received 2' },
  { name: 'a resident rate of 2', document: scenario((s) => (s.base.coast.residentUrbanisationRate = 2)), path: ['base', 'coast', 'residentUrbanisationRate'], message: 'must be <= 1, received 2' },
  { name: 'hukou rate above the resident rate', document: scenario((s) => (s.base.coast.hukouUrbanisationRate = 0.9)), path: ['base', 'coast', 'hukouUrbanisationRate'], message: 'must be <= residentUrbanisationRate (0.74), received 0.9', cli: true },
  { name: 'external status shares summing to 1.5', document: scenario((s) => (s.migration.externalStatusShares = { rural: 0.5, migrant: 0.5, hukou: 0.5 })), path: ['migration', 'externalStatusShares'], message: 'must sum to 1, received 1.5' },
  { name: 'a schedule of a wrong form', document: scenario((s) => (s.migration.returnRate = { linear: { from: [2020, 0.1] } })), path: ['migration', 'returnRate', 'linear', 'to'], message: 'migration.returnRate.linear.to is required' },
  { name: 'a schedule value as a string', document: scenario((s) => (s.migration.returnRate = { points: [[2021, '0.1']] })), path: ['migration', 'returnRate', 'points', 0, 1], message: 'must be a number, received "0.1"' },
  { name: '2,000 schedule points', document: scenario((s) => (s.migration.returnRate = { points: Array.from({ length: 2000 }, (_, i) => [2021 + i, 0.01]) })), path: ['migration', 'returnRate', 'points'], message: 'must be an array of <= 1000 items' },
  { name: 'points out of order', document: scenario((s) => (s.migration.returnRate = { points: [[2022, 0.01], [2021, 0.02]] })), path: ['migration', 'returnRate', 'points', 1], message: 'must come after the point before it (year 2022), received year 2021', cli: true },
  { name: 'a formula giving a rate below 0', document: scenario((s) => (s.migration.returnRate = { formula: '0.01 - 0.05 * (year - 2020)' })), path: ['migration', 'returnRate'], message: 'migration.returnRate[year=2021] must be in [0, 1], received -0.04' },
  { name: 'a byRegion naming an unknown region', document: scenario((s) => (s.migration.returnRate = { byRegion: { atlantis: 0.01 }, default: 0 })), path: ['migration', 'returnRate', 'byRegion', 'atlantis'], message: 'names the unknown region "atlantis"' },
  // destinations: the scenario's sparse matrix
  { name: 'destinations to an unknown region', document: scenario((s) => (s.migration.destinations = { inland: { inland: 0.8, atlantis: 0.2 } })), path: ['migration', 'destinations', 'inland', 'atlantis'], message: 'names the unknown region "atlantis"', cli: true },
  { name: 'destinations from an unknown region', document: scenario((s) => (s.migration.destinations = { atlantis: { inland: 1 } })), path: ['migration', 'destinations', 'atlantis'], message: 'names the unknown region "atlantis"' },
  { name: 'a destination share of 1.2', document: scenario((s) => (s.migration.destinations = { inland: { inland: -0.2, coast: 1.2 } })), path: ['migration', 'destinations', 'inland', 'inland'], message: 'must be >= 0, received -0.2' },
  { name: 'destinations not summing to 1', document: scenario((s) => (s.migration.destinations = { inland: { inland: 0.5, coast: 0.2 } })), path: ['migration', 'destinations', 'inland'], message: 'the shares must sum to 1, received 0.7', cli: true },
  // populations
  { name: 'an unknown census area', document: scenario((s) => (s.base.inland.population.census2020 = 'Atlantis')), path: ['base', 'inland', 'population', 'census2020'], message: 'Atlantis', cli: true },
  { name: 'a population of no known form', document: scenario((s) => (s.base.inland.population = { x: 1 })), path: ['base', 'inland', 'population'], message: 'must be { census2020: <province> }, { ageGroups: { starts, female, male } } or { singleAges: { female, male } }' },
  { name: 'single ages without male', document: scenario((s) => (s.base.inland.population = { singleAges: { female: filled(101, 1) } })), path: ['base', 'inland', 'population', 'singleAges', 'male'], message: 'singleAges.male is required' },
  { name: 'single ages of 200 entries', document: scenario((s) => (s.base.inland.population = { singleAges: { female: filled(200, 1), male: filled(200, 1) } })), path: ['base', 'inland', 'population', 'singleAges', 'female'], message: `must be an array of <= ${LIMITS.maxAge + 1} items, received 200 items` },
  { name: 'single ages with a negative count', document: scenario((s) => (s.base.inland.population = { singleAges: { female: [...filled(100, 1), -5], male: filled(101, 1) } })), path: ['base', 'inland', 'population', 'singleAges', 'female', 100], message: 'must be >= 0, received -5' },
  {
    name: 'a population of 10 million numbers',
    document: scenario((s) => (s.base.inland.population = { singleAges: { female: withArray(10_000_000, 1), male: filled(101, 1) } })),
    path: ['base', 'inland', 'population', 'singleAges', 'female'],
    message: `base.inland.population.singleAges.female holds 10000000 items, and the document more than the ${LIMITS.maxScenarioValues} values it may hold`,
  },
  { name: 'a million bad sources', document: scenario((s) => (s.sources = withArray(1_000_000, 5))), path: ['sources'], message: `sources holds 1000000 items, and the document more than the ${LIMITS.maxScenarioValues} values it may hold` },
  {
    name: '10,000 regions for 500 years',
    document: scenario((s) => {
      const ids = Array.from({ length: LIMITS.maxRegions }, (_, i) => `r${i}`);
      s.regions = ids.map((id) => ({ id, nameEn: id, nameZh: '区' }));
      s.base = Object.fromEntries(ids.map((id) => [id, { population: { census2020: 'Henan', scaleToTotal: 1000 }, residentUrbanisationRate: 0.5, hukouUrbanisationRate: 0.3 }]));
      s.baseYear = LIMITS.maxYear - LIMITS.maxYears;
      s.endYear = LIMITS.maxYear;
      delete s.migration.destinations;
    }),
    path: ['endYear'],
    message: `endYear must keep the projection within ${LIMITS.maxProjectionCells} population cells (LIMITS.maxProjectionCells), received 2300: 10000 regions x 6 x 101 ages x 501 years = 3036060000`,
  },
  { name: 'single ages of 1e307 persons', document: scenario((s) => (s.base.inland.population = { singleAges: { female: filled(101, 1e307), male: filled(101, 1) } })), path: ['base', 'inland', 'population', 'singleAges', 'female', 0], message: `must be <= ${LIMITS.maxCellPersons}, received 1e+307` },
  { name: 'scaleToTotal 1e300', document: scenario((s) => (s.base.inland.population.scaleToTotal = 1e300)), path: ['base', 'inland', 'population', 'scaleToTotal'], message: `must be <= ${LIMITS.maxCellPersons}, received 1e+300`, cli: true },
  { name: 'status fertility 1e300 times the TFR', document: scenario((s) => (s.demography = { fertility: { tfr: 'un-wpp2024', relativeByStatus: { rural: 1e300, migrant: 1, hukou: 1 } } })), path: ['demography', 'fertility', 'relativeByStatus', 'rural'], message: 'must be <= 10, received 1e+300' },
  { name: 'an age profile of 200 ages', document: scenario((s) => (s.hukou.ageProfile = { byAge: filled(200, 1) })), path: ['hukou', 'ageProfile', 'byAge'], message: `must be an array of <= ${LIMITS.maxAge + 1} items` },
  { name: 'an unknown age profile', document: scenario((s) => (s.hukou.ageProfile = 'everyone')), path: ['hukou', 'ageProfile'], message: 'must be "flat", "labour-migration", "hukou-conversion", "return-migration"' },
  // formulas that try to reach outside the sandbox
  { name: 'formula import({}, {override: true})', document: scenario((s) => (s.hukou.conversionRate = { formula: 'import({}, {override: true})' })), path: ['hukou', 'conversionRate', 'formula'], message: `calls import, ${ALLOWED}`, cli: true },
  { name: 'formula createUnit("x")', document: scenario((s) => (s.hukou.conversionRate = { formula: 'createUnit("x")' })), path: ['hukou', 'conversionRate', 'formula'], message: `calls createUnit, ${ALLOWED}`, cli: true },
  { name: 'formula evaluate("1")', document: scenario((s) => (s.migration.returnRate = { formula: 'evaluate("1")' })), path: ['migration', 'returnRate', 'formula'], message: `calls evaluate, ${ALLOWED}` },
  { name: 'formula parse("1")', document: scenario((s) => (s.migration.returnRate = { byRegion: { inland: { formula: 'parse("1")' } }, default: 0 })), path: ['migration', 'returnRate', 'byRegion', 'inland', 'formula'], message: `calls parse, ${ALLOWED}` },
  { name: 'formula reaching a constructor', document: scenario((s) => (s.migration.returnRate = { formula: 'cos.constructor("return process")' })), path: ['migration', 'returnRate', 'formula'], message: 'calls something that is not a plain function name' },
  { name: 'formula reading a property', document: scenario((s) => (s.migration.returnRate = { formula: 'year.constructor' })), path: ['migration', 'returnRate', 'formula'], message: 'uses accessor syntax, which is not allowed' },
  { name: 'formula that does not parse', document: scenario((s) => (s.migration.returnRate = { formula: 'cos.constructor("return process")()' })), path: ['migration', 'returnRate', 'formula'], message: 'does not parse' },
  { name: 'formula assigning', document: scenario((s) => (s.migration.returnRate = { formula: 'year = 1' })), path: ['migration', 'returnRate', 'formula'], message: 'uses assignment syntax, which is not allowed' },
  { name: 'formula defining a function', document: scenario((s) => (s.migration.returnRate = { formula: 'f(x) = x' })), path: ['migration', 'returnRate', 'formula'], message: `${ALLOWED}` },
  { name: 'formula with a string', document: scenario((s) => (s.migration.returnRate = { formula: '"0.01"' })), path: ['migration', 'returnRate', 'formula'], message: 'may use only numbers' },
  { name: 'formula of 13,333 characters', document: scenario((s) => (s.migration.returnRate = { formula: `0${' + 0'.repeat(3333)}` })), path: ['migration', 'returnRate', 'formula'], message: 'is longer than 500 characters (13333)' },
  { name: 'formula nesting brackets 10,000 deep', document: scenario((s) => (s.migration.returnRate = { formula: `${'('.repeat(10_000)}0${')'.repeat(10_000)}` })), path: ['migration', 'returnRate', 'formula'], message: 'is longer than 500 characters' },
  { name: 'formula nesting brackets 200 deep', document: scenario((s) => (s.migration.returnRate = { formula: `${'('.repeat(200)}0${')'.repeat(200)}` })), path: ['migration', 'returnRate', 'formula'], message: 'nests brackets 200 deep, more than the 128 allowed' },
  { name: 'formula as a number', document: scenario((s) => (s.migration.returnRate = { formula: 5 })), path: ['migration', 'returnRate', 'formula'], message: 'must be a string, received 5' },
  { name: 'formula in a service', document: scenario((s) => (s.services = { healthCare: { doctorsPer1000Residents: { formula: 'import({}, {override: true})' }, doctors: { initial: 0 } } })), path: ['services', 'healthCare', 'doctorsPer1000Residents', 'formula'], message: `calls import, ${ALLOWED}` },
  // deep nesting where a value belongs (JSON.parse builds it; validation must not recurse into it)
  { name: 'name nested 10,000 arrays deep', ...scenarioText('"name":"Two towns"', () => `"name":${nestedText(10_000, 'array')}`), path: ['name'], message: 'name must be a string, received an array of 1', cli: true },
  { name: 'a rate nested 10,000 objects deep', ...scenarioText('"ruralToUrbanRate":0.02', () => `"ruralToUrbanRate":${nestedText(10_000, 'object')}`), path: ['migration', 'ruralToUrbanRate'], message: SHARE_SCHEDULE, cli: true },
  { name: 'an unknown key holding 100,000 levels', document: scenario((s) => (s.extra = deeplyNested(100_000, 'object'))), path: ['extra'], message: 'extra is not a known field' },
  { name: 'destinations nested 10,000 deep', document: scenario((s) => (s.migration.destinations = deeplyNested(10_000, 'object'))), path: ['migration', 'destinations', 'x', 'x'], message: 'must be a number, received an object' },
  // services
  { name: 'a service share of 1.5', document: scenario((s) => (s.services = { preschoolPlaces: { inclusiveCoverageShare: 1.5, places: { initial: 0 } } })), path: ['services', 'preschoolPlaces', 'inclusiveCoverageShare'], message: 'must be <= 1, received 1.5' },
  { name: 'an unknown service', document: scenario((s) => (s.services = { spaceports: {} })), path: ['services', 'spaceports'], message: 'services.spaceports is not a known field' },
  { name: 'a capacity as a string', document: scenario((s) => (s.services = { healthCare: { doctorsPer1000Residents: 3.6, doctors: { initial: 'many' } } })), path: ['services', 'healthCare', 'doctors', 'initial'], message: 'received "many"' },
];

export const KERNEL_CASES: BadInputCase[] = [
  // whole documents of the wrong kind
  { name: 'null', document: () => null, path: [], message: '(root) must be an object, received null', cli: true },
  { name: 'an array', document: () => [1, 2, 3], path: [], message: '(root) must be an object, received an array of 3' },
  { name: 'an empty object', document: () => ({}), path: ['format'], message: 'format must be "chengzhen-kernel/1", received nothing', cli: true },
  { name: 'another format', document: kernel((d) => (d.format = 'chengzhen-kernel/2')), path: ['format'], message: 'format must be "chengzhen-kernel/1", received "chengzhen-kernel/2"', cli: true },
  { name: 'no dims', document: kernel((d) => delete d.dims), path: ['dims'], message: 'dims is required' },
  { name: 'empty inputs', document: kernel((d) => (d.inputs = {})), path: ['inputs', 'sx'], message: 'inputs.sx is required', cli: true },
  { name: 'an unknown input', document: kernel((d) => (d.inputs.z = [1])), path: ['inputs', 'z'], message: 'inputs.z is not a known field' },
  // dims, years
  { name: 'no regions', document: kernel((d) => (d.dims.regions = [])), path: ['dims', 'regions'], message: 'dims.regions must be an array of >= 1 items, received 0 items' },
  { name: '20,000 regions', document: kernel((d) => (d.dims.regions = Array.from({ length: 20_000 }, (_, i) => `r${i}`))), path: ['dims', 'regions'], message: `dims.regions must be an array of <= ${LIMITS.maxRegions} items, received 20000 items`, cli: true },
  { name: 'a repeated region id', document: kernel((d) => (d.dims.regions = ['north', 'north'])), path: ['dims', 'regions', 1], message: 'dims.regions[1] repeats the region id "north"', cli: true },
  { name: 'a region id as a number', document: kernel((d) => (d.dims.regions = ['north', 2])), path: ['dims', 'regions', 1], message: 'dims.regions[1] must be a string, received 2' },
  { name: 'a region id of 201 characters', document: kernel((d) => (d.dims.regions = ['north', 'x'.repeat(201)])), path: ['dims', 'regions', 1], message: 'must be a text of <= 200 characters' },
  { name: 'maxAge 0', document: kernel((d) => (d.dims.maxAge = 0)), path: ['dims', 'maxAge'], message: 'dims.maxAge must be >= 1, received 0' },
  { name: 'maxAge above the limit', document: kernel((d) => (d.dims.maxAge = LIMITS.maxAge + 1)), path: ['dims', 'maxAge'], message: `dims.maxAge must be <= ${LIMITS.maxAge}, received ${LIMITS.maxAge + 1}` },
  { name: 'maxAge not whole', document: kernel((d) => (d.dims.maxAge = 2.5)), path: ['dims', 'maxAge'], message: 'dims.maxAge must be an integer, received 2.5' },
  { name: 'years 0', document: kernel((d) => (d.years = 0)), path: ['years'], message: 'years must be >= 1, received 0' },
  { name: 'years above the limit', document: kernel((d) => (d.years = LIMITS.maxYears + 1)), path: ['years'], message: `years must be <= ${LIMITS.maxYears}, received ${LIMITS.maxYears + 1}`, cli: true },
  { name: 'years as a string', document: kernel((d) => (d.years = '2')), path: ['years'], message: 'years must be a number, received "2"', cli: true },
  { name: 'startYear NaN as a number', document: kernel((d) => (d.startYear = NaN)), path: ['startYear'], message: 'startYear must be a number, received NaN' },
  { name: 'startYear -Infinity as a number', document: kernel((d) => (d.startYear = -Infinity)), path: ['startYear'], message: 'startYear must be a number, received -Infinity' },
  { name: 'startYear after 2300', document: kernel((d) => (d.startYear = 2400)), path: ['startYear'], message: 'startYear must be <= 2300, received 2400' },
  // the population
  { name: 'a population as a string', document: kernel((d) => (d.population = '100')), path: ['population'], message: 'population must be an array of numbers, received "100"', cli: true },
  { name: 'an empty population', document: kernel((d) => (d.population = [])), path: ['population'], message: 'population must have 36 numbers (2 regions x 3 statuses x 2 sexes x 3 ages), received 0', cli: true },
  { name: 'a population of 10 million numbers', document: kernel((d) => (d.population = withArray(10_000_000, 1))), path: ['population'], message: 'population must have 36 numbers (2 regions x 3 statuses x 2 sexes x 3 ages), received 10000000' },
  { name: 'a population Float64Array of 10 million', document: kernel((d) => (d.population = new Float64Array(10_000_000))), path: ['population'], message: 'population must have 36 numbers (2 regions x 3 statuses x 2 sexes x 3 ages), received 10000000' },
  { name: 'a population with NaN', document: kernel((d) => (d.population[5] = NaN)), path: ['population', 5], message: 'population[region=north, status=rural, sex=male, age=2] must be a finite number >= 0, received NaN' },
  { name: 'a population with "NaN" as a string', document: kernel((d) => (d.population[0] = 'NaN')), path: ['population', 0], message: 'must be a finite number >= 0, received "NaN"', cli: true },
  { name: 'a population with "Infinity" as a string', document: kernel((d) => (d.population[1] = 'Infinity')), path: ['population', 1], message: 'received "Infinity"' },
  { name: 'a population Float64Array with Infinity', document: kernel((d) => (d.population = floatsWith(36, 100, 3, Infinity))), path: ['population', 3], message: 'population[region=north, status=rural, sex=male, age=0] must be a finite number >= 0, received Infinity' },
  { name: 'a population Float64Array with NaN', document: kernel((d) => (d.population = floatsWith(36, 100, 35, NaN))), path: ['population', 35], message: 'population[region=south, status=hukou, sex=male, age=2] must be a finite number >= 0, received NaN' },
  { name: 'a negative population', document: kernel((d) => (d.population[7] = -1)), path: ['population', 7], message: 'must be >= 0, received -1', cli: true },
  { name: 'a population with null', document: kernel((d) => (d.population[2] = null)), path: ['population', 2], message: 'must be a finite number >= 0, received null', cli: true },
  { name: 'a population nested 10,000 arrays deep', ...kernelText(`"population":${JSON.stringify(filled(36, 100))}`, () => `"population":${nestedText(10_000, 'array')}`), path: ['population'], message: 'population must have 36 numbers', cli: true },
  // rates
  { name: 'a survival probability of 1.02', document: kernel((d) => (d.inputs.sx[17] = 1.02)), path: ['inputs', 'sx', 17], message: 'inputs.sx[region=north, status=hukou, sex=male, age=2] must be in [0, 1], received 1.02', cli: true },
  { name: 'a survival Float64Array with NaN', document: kernel((d) => (d.inputs.sx = floatsWith(36, 0.99, 0, NaN))), path: ['inputs', 'sx', 0], message: `must be a finite number in [0, 1], received NaN` },
  { name: 'a survival Float64Array with -Infinity', document: kernel((d) => (d.inputs.sx = floatsWith(36, 0.99, 1, -Infinity))), path: ['inputs', 'sx', 1], message: 'received -Infinity' },
  { name: 'a population of 1e308 in one cell', document: kernel((d) => (d.population[4] = 1e308)), path: ['population', 4], message: `population[region=north, status=rural, sex=male, age=1] must be <= ${LIMITS.maxCellPersons}, received 1e+308`, cli: true },
  { name: 'fertility of 1e308', document: kernel((d) => (d.inputs.fx[0] = 1e308)), path: ['inputs', 'fx', 0], message: `must be <= ${LIMITS.maxBirthsPerWoman}, received 1e+308` },
  { name: 'a sex ratio of 1e308', document: kernel((d) => (d.inputs.srb[0] = 1e308)), path: ['inputs', 'srb', 0], message: `inputs.srb[region=north] must be <= ${LIMITS.maxSexRatioAtBirth}, received 1e+308` },
  { name: 'n of -2e12 in one cell', document: kernel((d) => (d.inputs.n = [...filled(35, 0), -2e12])), path: ['inputs', 'n', 35], message: `must be >= -${LIMITS.maxCellPersons}, received -2000000000000` },
  { name: 'negative fertility', document: kernel((d) => (d.inputs.fx[4] = -0.1)), path: ['inputs', 'fx', 4], message: 'must be >= 0, received -0.1' },
  { name: 'a sex ratio of 0', document: kernel((d) => (d.inputs.srb[1] = 0)), path: ['inputs', 'srb', 1], message: 'inputs.srb[region=south] must be > 0, received 0' },
  { name: 'a migration rate as a string', document: kernel((d) => (d.inputs.m[0] = '0.02')), path: ['inputs', 'm', 0], message: 'inputs.m[region=north, sex=female, age=0] must be a finite number in [0, 1], received "0.02"' },
  { name: 'm + c above 1', document: kernel((d) => (d.inputs.c = [0.99, 0.01])), path: ['inputs', 'm', 0], message: 'inputs.m[region=north, sex=female, age=0] + inputs.c[region=north] must be <= 1', cli: true },
  { name: 'k + q above 1', document: kernel((d) => (d.inputs.q[11] = 0.96)), path: ['inputs', 'k', 11], message: 'inputs.k[region=south, sex=male, age=2] + inputs.q[region=south, sex=male, age=2] must be <= 1' },
  { name: 'n with NaN', document: kernel((d) => (d.inputs.n = floatsWith(36, 0, 9, NaN))), path: ['inputs', 'n', 9], message: 'must be a finite number, received NaN' },
  { name: 'n removing more people than there are', document: kernel((d) => (d.inputs.n = [-1000, ...filled(35, 0)])), path: ['inputs', 'n', 0], message: 'removes more people than there are', stage: 'run', cli: true },
  // per-year inputs
  { name: 'a per-year input with one year of two', document: kernel((d) => (d.inputs.sx = [filled(36, 0.99)])), path: ['inputs', 'sx'], message: 'inputs.sx is given per year and must have one entry per step (2), received 1', cli: true },
  { name: 'a per-year input with a bad year', document: kernel((d) => (d.inputs.m = [filled(12, 0.02), filled(12, 1.5)])), path: ['inputs', 'm', 1, 0], message: 'inputs.m[1][year=2021, region=north, sex=female, age=0] must be in [0, 1], received 1.5' },
  {
    name: 'per-year inputs past the cell limit, one shared array',
    document: () => {
      const regions = Array.from({ length: LIMITS.maxRegions }, (_, i) => `r${i}`);
      const perRegion = new Float64Array(regions.length * 6 * 101);
      const years = LIMITS.maxYears;
      return {
        format: 'chengzhen-kernel/1',
        dims: { regions, maxAge: 100 },
        startYear: LIMITS.minYear,
        years,
        population: perRegion,
        inputs: { sx: new Array<Float64Array>(years).fill(perRegion), sb: [0.9], fx: [0], srb: [1], m: [0], c: [0], k: [0], q: [0] },
      };
    },
    path: ['inputs'],
    message: `inputs must hold at most ${LIMITS.maxInputCells} numbers with the population (LIMITS.maxInputCells; an input given per year counts once per year), received 3045230000 (sx 3030000000, population 6060000, fx 3030000`,
  },
  // the movers' matrices: dense shape, rows, sparse links
  { name: 'D of the wrong shape', document: kernel((d) => (d.inputs.D = [1, 0, 0])), path: ['inputs', 'D'], message: 'inputs.D must have 4 numbers (2 origins x 2 destinations), received 3', cli: true },
  { name: 'a row of D not summing to 1', document: kernel((d) => (d.inputs.D = [0.5, 0.4, 0, 1])), path: ['inputs', 'D', 0], message: 'inputs.D[from=north]: the row must sum to 1 (within 1e-9), received 0.9', cli: true },
  { name: 'D as a string', document: kernel((d) => (d.inputs.D = 'identity')), path: ['inputs', 'D'], message: 'inputs.D must be an array of shares, { sparse: { from, to, share } }, { pooled: { levels } }, or a list of them per year, received "identity"' },
  { name: 'E with a share above 1', document: kernel((d) => (d.inputs.E = [1.5, -0.5, 0, 1])), path: ['inputs', 'E', 0], message: 'inputs.E[from=north, to=north] must be in [0, 1], received 1.5' },
  { name: 'a sparse link to a region that does not exist', document: kernel((d) => (d.inputs.D = { sparse: { from: [0, 1], to: [5, 1], share: [1, 1] } })), path: ['inputs', 'D', 'sparse', 'to', 0], message: 'inputs.D.sparse.to[0] must be a region index in [0, 1], received 5', cli: true },
  { name: 'a sparse link from a negative region', document: kernel((d) => (d.inputs.D = { sparse: { from: [-1, 1], to: [0, 1], share: [1, 1] } })), path: ['inputs', 'D', 'sparse', 'from', 0], message: 'must be a region index in [0, 1], received -1' },
  { name: 'a sparse link from region 0.5', document: kernel((d) => (d.inputs.D = { sparse: { from: [0.5, 1], to: [0, 1], share: [1, 1] } })), path: ['inputs', 'D', 'sparse', 'from', 0], message: 'must be a region index in [0, 1] (a whole number), received 0.5' },
  { name: 'sparse lists of different lengths', document: kernel((d) => (d.inputs.D = { sparse: { from: [0, 1], to: [0], share: [1, 1] } })), path: ['inputs', 'D', 'sparse', 'to'], message: 'inputs.D.sparse.to must have 2 numbers (as many as inputs.D.sparse.from), received 1' },
  { name: 'a sparse link listed twice', document: kernel((d) => (d.inputs.D = { sparse: { from: [0, 0, 1], to: [0, 0, 1], share: [0.5, 0.5, 1] } })), path: ['inputs', 'D', 'sparse', 'from', 1], message: 'inputs.D[from=north, to=north] is listed more than once' },
  { name: 'a sparse row not summing to 1', document: kernel((d) => (d.inputs.E = { sparse: { from: [0, 1], to: [1, 1], share: [0.3, 1] } })), path: ['inputs', 'E', 0], message: 'inputs.E[from=north]: the row must sum to 1 (within 1e-9), received 0.3' },
  { name: 'sparse from as a string', document: kernel((d) => (d.inputs.D = { sparse: { from: 'x', to: [0], share: [1] } })), path: ['inputs', 'D', 'sparse', 'from'], message: 'inputs.D.sparse.from must be an array of 0 numbers, received "x"' },
  { name: 'a sparse matrix with an extra key', document: kernel((d) => (d.inputs.D = { sparse: { from: [0, 1], to: [0, 1], share: [1, 1] }, dense: [] })), path: ['inputs', 'D'], message: 'inputs.D must be an array of 4 shares, { sparse: { from, to, share } } or { pooled: { levels } }, received an object with keys ["sparse","dense"]' },
  { name: 'D nested 10,000 objects deep', ...kernelText('"inputs":{', () => `"inputs":{"D":${nestedText(10_000, 'object')},`), path: ['inputs', 'D'], message: 'received an object with keys ["x"]', cli: true },
  { name: 'dims nested 10,000 objects deep', document: kernel((d) => (d.dims = deeplyNested(10_000, 'object'))), path: ['dims', 'regions'], message: 'dims.regions is required' },
  // keys that name the prototype, as JSON.parse makes them
  { name: '__proto__ at the top', ...kernelText('{"format"', '{"__proto__":{"polluted":true},"format"'), path: ['__proto__'], message: '__proto__ is not a known field', cli: true },
  { name: '__proto__ in dims', ...kernelText('"dims":{', '"dims":{"__proto__":{"polluted":true},'), path: ['dims', '__proto__'], message: 'dims.__proto__ is not a known field' },
  { name: '__proto__ in a sparse matrix', document: kernel((d) => (d.inputs.D = JSON.parse('{"sparse":{"from":[0,1],"to":[0,1],"share":[1,1]},"__proto__":{"polluted":true}}'))), path: ['inputs', 'D'], message: 'received an object with keys ["sparse","__proto__"]', cli: true },
  { name: 'constructor in inputs', ...kernelText('"inputs":{', '"inputs":{"constructor":{"prototype":{"polluted":true}},'), path: ['inputs', 'constructor'], message: 'inputs.constructor is not a known field', cli: true },
  { name: 'prototype at the top', ...kernelText('{"format"', '{"prototype":{"polluted":true},"format"'), path: ['prototype'], message: 'prototype is not a known field' },
];
