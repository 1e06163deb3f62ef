/**
 * The demographic inputs a scenario takes from UN WPP 2024 for one calendar year, cached:
 * projecting many regions, or many Monte Carlo draws, builds each year's life tables once.
 */

import { ChengzhenError } from '../errors.js';
import { NATIONAL_MAX_AGE, NATIONAL_YEARS, nationalYearInputs, type BySex } from './demography/nationalYearInputs.js';

/** What the compiler needs of one year's demography. */
export interface YearDemography {
  sx: BySex<Float64Array>;
  sb: BySex<number>;
  /** Kernel fertility by age for a TFR of 1. */
  fxPerTfr: Float64Array;
  /** The UN TFR of the year. */
  tfr: number;
  srb: number;
  /** Net international migrants by age, persons. */
  netMigration: BySex<Float64Array>;
}

const cache = new Map<string, YearDemography>();
const CACHE_LIMIT = 2000;

/** The cached years, to hand to a worker thread so that it need not build them again. */
export function demographyCacheEntries(): [string, YearDemography][] {
  return [...cache.entries()];
}

/** Fills the cache with entries from {@link demographyCacheEntries} (in a worker thread). */
export function loadDemographyCache(entries: readonly [string, YearDemography][]): void {
  for (const [key, value] of entries) if (cache.size < CACHE_LIMIT) cache.set(key, value);
}

/**
 * UN WPP 2024 inputs of calendar year `year` for China, with death rates multiplied by
 * `mortalityScale`.
 *
 * @throws {ChengzhenError} when the year is outside 2020-2100 or `maxAge` is not 100 (the
 *   UN data end at 100+).
 * @example
 * unDemography(2030, 100).srb
 * // => 1.076
 */
export function unDemography(year: number, maxAge: number, mortalityScale = 1): YearDemography {
  if (maxAge !== NATIONAL_MAX_AGE || year < NATIONAL_YEARS.first || year > NATIONAL_YEARS.last) {
    throw new ChengzhenError([
      {
        code: 'out_of_range',
        path: ['demography'],
        coords: { year },
        message:
          maxAge !== NATIONAL_MAX_AGE
            ? `demography from un-wpp2024 needs maxAge ${NATIONAL_MAX_AGE} (the UN data end at 100+), received maxAge ${maxAge}`
            : `demography from un-wpp2024 covers the years ${NATIONAL_YEARS.first}-${NATIONAL_YEARS.last}, received a step in ${year}`,
        received: String(maxAge !== NATIONAL_MAX_AGE ? maxAge : year),
      },
    ]);
  }
  const key = `${year}:${mortalityScale}`;
  let found = cache.get(key);
  if (!found) {
    const inputs = nationalYearInputs(year, { mortalityScale });
    found = { sx: inputs.sx, sb: inputs.sb, fxPerTfr: inputs.fxPerTfr, tfr: inputs.tfr, srb: inputs.srb, netMigration: inputs.netMigration };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
  }
  return found;
}
