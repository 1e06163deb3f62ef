/** The key figures of a projection: main indicators in the base year and the end year. */

import { indicatorInfo, asIndicatorKey } from '../model/indicatorTable.js';
import { ALL_REGIONS, type Projection } from '../model/projection.js';
import { regionTitle, servicesIn } from './charts.js';

/**
 * The population indicators every key-figures table shows, in order.
 *
 * @example
 * KEY_POPULATION_INDICATORS[4]
 * // => 'residentUrbanisationRate'
 */
export const KEY_POPULATION_INDICATORS = Object.freeze(['population', 'rural', 'migrant', 'hukou', 'residentUrbanisationRate', 'hukouUrbanisationRate', 'urbanisationGap'] as const);

/**
 * The service figures key-figures tables show for each service the projection has.
 *
 * @example
 * KEY_SERVICE_FIGURES.map((figure) => `schoolPlaces.${figure}`)[2]
 * // => 'schoolPlaces.shortfall'
 */
export const KEY_SERVICE_FIGURES = Object.freeze(['demand', 'capacity', 'shortfall', 'coverage'] as const);

/** One indicator's base-year and end-year values, in its unit. */
export interface KeyFigure {
  indicator: string;
  labelEn: string;
  labelZh: string;
  unit: string;
  base: number;
  end: number;
  /** `end - base`, in the unit. */
  change: number;
}

/** The key figures of one region (or of all regions together). */
export interface KeyFigureTable {
  region: string;
  /** e.g. `Zhejiang (浙江)`. */
  title: string;
  baseYear: number;
  endYear: number;
  rows: KeyFigure[];
}

/**
 * Key figures by region: population by status, the urbanisation rates and their gap, and the
 * demand, capacity, shortfall and coverage of each service, at the base year and the end
 * year. One table per region, and one for all regions together when there are several.
 *
 * @example
 * keyFigures(projection)[0].rows[4]
 * // => { indicator: 'residentUrbanisationRate', labelEn: 'Resident urbanisation rate', labelZh: '常住人口城镇化率', unit: 'share (0-1)', base: 0.7217, end: 0.781..., change: 0.059... }
 */
export function keyFigures(projection: Projection): KeyFigureTable[] {
  const keys = [...KEY_POPULATION_INDICATORS, ...servicesIn(projection).flatMap((service) => KEY_SERVICE_FIGURES.map((figure) => `${service}.${figure}`))];
  const regions = projection.regions.length > 1 ? [...projection.regions, ALL_REGIONS] : projection.regions;
  return regions.map((region) => ({
    region,
    title: regionTitle(projection, region),
    baseYear: projection.baseYear,
    endYear: projection.endYear,
    rows: keys.map((key) => {
      const info = indicatorInfo(key)!;
      const { values } = projection.indicator(asIndicatorKey(key), { region });
      const base = values[0];
      const end = values[values.length - 1];
      return { indicator: key, labelEn: info.labelEn, labelZh: info.labelZh, unit: info.unit, base, end, change: end - base };
    }),
  }));
}
