/**
 * The one table of indicators that projections, reports and docs read: key, unit, labels in
 * English and Chinese, what it means, and the range its values lie in.
 */

import { CONSTRAINT_INDICATORS, type ConstraintIndicatorKey } from './constraints/indicators.js';
import { deepFreeze } from '../deepFreeze.js';
import { SERVICE_INDICATORS, type ServiceFigure, type ServiceKey } from './services/serviceIndicators.js';
import { REGISTERED_INDICATORS, type RegisteredIndicatorKey } from './registeredIndicators.js';

/** How an indicator is measured: a stock at the end of each year, or a flow during it. */
export type IndicatorKind = 'stock' | 'flow';

/** One row of the indicator table. */
export interface IndicatorInfo {
  key: string;
  unit: 'persons' | 'persons per year' | 'share (0-1)' | 'ratio' | 'places' | 'beds or units' | 'doctors' | 'teachers' | 'clinics' | 'beds' | 'per 1000 residents' | 'regions';
  labelEn: string;
  labelZh: string;
  description: string;
  kind: IndicatorKind;
  /** The range of valid values. */
  limits: readonly [number, number];
}

const P = [0, Infinity] as const;
const SHARE = [0, 1] as const;

/**
 * The population indicators of model.md section 4: stocks at year-ends and flows during
 * years.
 *
 * @example
 * POPULATION_INDICATORS.map((i) => i.key).slice(0, 7)
 * // => ['population', 'rural', 'migrant', 'hukou', 'residentUrbanisationRate', 'hukouUrbanisationRate', 'urbanisationGap']
 */
export const POPULATION_INDICATORS = deepFreeze([
  { key: 'population', unit: 'persons', labelEn: 'Resident population', labelZh: '常住人口', description: 'Residents at the end of the year, all statuses.', kind: 'stock', limits: P },
  { key: 'rural', unit: 'persons', labelEn: 'Rural residents', labelZh: '乡村常住人口', description: 'Residents of rural areas at the end of the year.', kind: 'stock', limits: P },
  { key: 'migrant', unit: 'persons', labelEn: 'Urban residents without local hukou', labelZh: '城镇非户籍常住人口', description: 'Urban residents without local urban hukou (the agricultural transfer population and migrants from other places) at the end of the year.', kind: 'stock', limits: P },
  { key: 'hukou', unit: 'persons', labelEn: 'Urban residents with local hukou', labelZh: '城镇户籍常住人口', description: 'Urban residents holding local urban hukou at the end of the year.', kind: 'stock', limits: P },
  { key: 'residentUrbanisationRate', unit: 'share (0-1)', labelEn: 'Resident urbanisation rate', labelZh: '常住人口城镇化率', description: '(migrant + hukou) / population: the share of residents living in urban areas.', kind: 'stock', limits: SHARE },
  { key: 'hukouUrbanisationRate', unit: 'share (0-1)', labelEn: 'Hukou urbanisation rate of residents', labelZh: '常住人口中城镇户籍人口比重', description: 'hukou / population: residents with local urban hukou over residents. Not the official 户籍人口城镇化率, whose denominator is the registered (hukou) population wherever it lives: that is registeredHukouUrbanisationRate.', kind: 'stock', limits: SHARE },
  { key: 'urbanisationGap', unit: 'share (0-1)', labelEn: 'Gap between resident and hukou urbanisation', labelZh: '两率差距', description: 'residentUrbanisationRate - hukouUrbanisationRate: urban residents without local hukou as a share of residents.', kind: 'stock', limits: SHARE },
  { key: 'births', unit: 'persons per year', labelEn: 'Births', labelZh: '出生人口', description: 'All births during the year (before infant deaths).', kind: 'flow', limits: P },
  { key: 'deaths', unit: 'persons per year', labelEn: 'Deaths', labelZh: '死亡人口', description: 'Deaths during the year, infants born in the year included.', kind: 'flow', limits: P },
  { key: 'ruralToUrban', unit: 'persons per year', labelEn: 'Rural-to-urban movers', labelZh: '农业转移人口', description: 'Rural residents who moved to a city during the year (counted in the region they left).', kind: 'flow', limits: P },
  { key: 'reclassified', unit: 'persons per year', labelEn: 'In-situ urbanisation', labelZh: '就地城镇化', description: 'Rural residents whose place became urban and who became urban hukou residents during the year.', kind: 'flow', limits: P },
  { key: 'conversions', unit: 'persons per year', labelEn: 'Hukou conversions', labelZh: '农业转移人口落户', description: 'Urban residents without local hukou who obtained it during the year.', kind: 'flow', limits: P },
  { key: 'returns', unit: 'persons per year', labelEn: 'Return migrants', labelZh: '返乡人口', description: 'Urban residents without local hukou who returned to the countryside during the year (counted in the region they left).', kind: 'flow', limits: P },
  { key: 'netInternational', unit: 'persons per year', labelEn: 'Net international migration', labelZh: '国际净迁移', description: 'Net international migrants during the year.', kind: 'flow', limits: [-Infinity, Infinity] },
  { key: 'inMigrants', unit: 'persons per year', labelEn: 'In-migrants from other regions', labelZh: '迁入人口', description: 'Movers from other regions who arrived during the year (rural-to-urban movers and returners whose destination is another region), counted in the region they joined.', kind: 'flow', limits: P },
  { key: 'outMigrants', unit: 'persons per year', labelEn: 'Out-migrants to other regions', labelZh: '迁出人口', description: 'Movers who left for another region during the year, counted in the region they left.', kind: 'flow', limits: P },
  { key: 'netMigration', unit: 'persons per year', labelEn: 'Net migration between regions', labelZh: '净迁移人口', description: 'inMigrants - outMigrants: what moves between the regions modelled added to the region during the year (0 over all regions together).', kind: 'flow', limits: [-Infinity, Infinity] },
  { key: 'externalInMigrants', unit: 'persons per year', labelEn: 'Gross in-migrants from outside', labelZh: '外省迁入人口', description: 'Gross in-migrants from outside the regions modelled (other provinces, for a one-province scenario) during the year: migration.externalInMigrants. Listed when the scenario has gross flows.', kind: 'flow', limits: P },
  { key: 'externalOutMigrants', unit: 'persons per year', labelEn: 'Gross out-migrants to outside', labelZh: '迁往外省人口', description: 'Gross out-migrants to outside the regions modelled during the year: migration.externalOutMigrants (returners who leave the area among them). Listed when the scenario has gross flows.', kind: 'flow', limits: P },
] as const satisfies readonly IndicatorInfo[]);

export type PopulationIndicatorKey = (typeof POPULATION_INDICATORS)[number]['key'];

/**
 * The key of any indicator a projection gives: a population indicator, a service's figure
 * (`service.figure`, such as `schoolPlaces.shortfall`) or a constraint's series. A typo such as
 * `'shcoolPlaces.demand'` does not compile.
 */
export type IndicatorKey = PopulationIndicatorKey | RegisteredIndicatorKey | `${ServiceKey}.${ServiceFigure}` | ConstraintIndicatorKey;

/**
 * True when `key` names an indicator of the table: narrows a string read at run time (a
 * command-line argument, a checks file) to an {@link IndicatorKey}.
 *
 * @example
 * isIndicatorKey('schoolPlaces.shortfall')
 * // => true
 */
export function isIndicatorKey(key: string): key is IndicatorKey {
  return byKey.has(key);
}

/**
 * A key read at run time (a checks file, a target, a command-line argument) as an
 * {@link IndicatorKey}, unchecked: the projection reports an unknown key when asked for it,
 * naming it. Code that writes a key should write it as a literal, which the compiler checks.
 *
 * @example
 * asIndicatorKey(['schoolPlaces', 'shortfall'].join('.'))
 * // => 'schoolPlaces.shortfall'
 */
export function asIndicatorKey(key: string): IndicatorKey {
  return key as IndicatorKey;
}

/**
 * Every indicator, in table order: the population indicators, the registered population's, then the services'.
 *
 * @example
 * INDICATORS.find((i) => i.key === 'urbanisationGap')?.unit
 * // => 'share (0-1)'
 */
export const INDICATORS: readonly IndicatorInfo[] = deepFreeze([...POPULATION_INDICATORS, ...REGISTERED_INDICATORS, ...SERVICE_INDICATORS, ...CONSTRAINT_INDICATORS]);

const byKey = new Map<string, IndicatorInfo>(INDICATORS.map((info) => [info.key, info]));

/**
 * The row of the indicator table for `key`, or undefined.
 *
 * @example
 * indicatorInfo('residentUrbanisationRate')?.labelZh
 * // => '常住人口城镇化率'
 */
export function indicatorInfo(key: string): IndicatorInfo | undefined {
  return byKey.get(key);
}
