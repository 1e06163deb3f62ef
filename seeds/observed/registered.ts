/**
 * Published registered (户籍) populations: persons whose hukou is registered in the area,
 * wherever they live, at the end of a year. Only what a checkable copy gives: the other
 * provinces' registered populations of 2020 are estimated from the censuses
 * (src/model/registeredBase.ts).
 *
 * Provenance: as `seeds/observed/urbanisation.ts` (the same Shanghai 2020 row and copy).
 */
import type { DataSource } from '../types.js';

/** One published registered population. */
export interface ObservedRegisteredPopulation {
  area: 'Shanghai';
  year: number;
  /** Persons registered in the area at the end of the year. */
  registeredPopulation: number;
  source: DataSource;
}

/**
 * Published registered populations by area and year.
 *
 * @example
 * OBSERVED_REGISTERED_POPULATION.find((r) => r.area === 'Shanghai' && r.year === 2020)?.registeredPopulation
 * // => 14391200
 */
export const OBSERVED_REGISTERED_POPULATION: readonly ObservedRegisteredPopulation[] = [
  {
    area: 'Shanghai',
    year: 2020,
    registeredPopulation: 14_391_200,
    source: {
      citation: 'Shanghai seventh census press release and 2020 year-end figures: registered hukou population 1439.12 (10k) at the end of 2020',
      notes: 'mirror of official (as the Shanghai 2020 row of seeds/observed/urbanisation.ts)',
    },
  },
];
