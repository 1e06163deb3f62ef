/**
 * The demographic inputs a scenario takes from UN WPP 2024 for one calendar year, cached:
 * projecting many regions, or many Monte Carlo draws, builds each year's life tables once.
 */

import { WPP2024_CHINA_FERTILITY } from '../../seeds/un-wpp2024/fertility.js';
import { ChengzhenError } from '../errors.js';
import { kernelFertilityOfChecked, singleYearAsfr } from './demography/fertility.js';
import { fillLifeTable } from './demography/fillLifeTable.js';
import { infantSeparationFactor } from './demography/infantSeparationFactor.js';
import { lifeTableFromSingleAges } from './demography/lifeTable.js';
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
  /** Death rates by single age of the year's life tables, before any scale. */
  mx?: BySex<Float64Array>;
}

/** Years at the UN's own mortality, and years with death rates scaled, keyed `year:scale`. */
const cache = new Map<string, YearDemography>();
const scaled = new Map<string, YearDemography>();
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
  const base = baseYearDemography(year);
  if (mortalityScale === 1) return base;
  const key = `${year}:${mortalityScale}`;
  let found = scaled.get(key);
  if (!found) {
    found = scaleMortality(base, year, mortalityScale);
    // oldest first out, so a long run of distinct scales does not empty the cache at once
    if (scaled.size >= CACHE_LIMIT) scaled.delete(scaled.keys().next().value as string);
    scaled.set(key, found);
  }
  return found;
}

/** The year's demography at the UN's own mortality, built once per year. */
function baseYearDemography(year: number): YearDemography {
  const key = `${year}:1`;
  let found = cache.get(key);
  if (!found) {
    const inputs = nationalYearInputs(year);
    found = {
      sx: inputs.sx,
      sb: inputs.sb,
      fxPerTfr: inputs.fxPerTfr,
      tfr: inputs.tfr,
      srb: inputs.srb,
      netMigration: inputs.netMigration,
      mx: { female: inputs.lifeTables.female.mx, male: inputs.lifeTables.male.mx },
    };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
  }
  return found;
}

/**
 * The year's demography with every death rate multiplied by `scale`: only the life tables
 * (and the kernel fertility, which uses women's survival) change, so only they are rebuilt,
 * from the year's single-age rates (as `nationalYearInputs` does with `mortalityScale`),
 * rather than the whole year from the UN's 5-year data.
 */
function scaleMortality(base: YearDemography, year: number, scale: number): YearDemography {
  const mx = base.mx as BySex<Float64Array>;
  const female = survival(times(mx.female, scale), 'female');
  const male = survival(times(mx.male, scale), 'male');
  return {
    ...base,
    sx: { female: female.sx, male: male.sx },
    sb: { female: female.sb, male: male.sb },
    // the year's pattern was checked when made, and the survival comes from valid death rates
    fxPerTfr: kernelFertilityOfChecked(asfrPerTfr(year), female.sx),
  };
}

/** Scratch columns of one life table, overwritten by each {@link survival} (never handed out). */
const column = () => new Float64Array(NATIONAL_MAX_AGE + 1);
const scratch = { qx: column(), ax: column(), lx: column(), dx: column(), Lx: column() };

/**
 * The survival ratios and birth survival of the life table of `m`, as `lifeTableFromSingleAges`
 * computes them (the same formulas on the same numbers, so the same bits), without the columns
 * the kernel does not read. Rates that table would refuse go to it, so its error is thrown.
 */
function survival(m: Float64Array, sex: 'female' | 'male'): { sx: Float64Array; sb: number } {
  const A = m.length - 1;
  let valid = A === NATIONAL_MAX_AGE && m[A] > 0 && m[A] < Infinity;
  for (let x = 0; valid && x < A; x++) valid = m[x] >= 0 && (x === 0 ? m[x] < Infinity : m[x] < 2);
  if (!valid) return lifeTableFromSingleAges(m, sex);
  const { qx, ax, lx, dx, Lx } = scratch;
  fillLifeTable(m, infantSeparationFactor(m[0], sex), qx, ax, lx, dx, Lx);
  const mA = m[A];
  const sx = new Float64Array(A + 1);
  for (let x = 0; x < A - 1; x++) sx[x] = Lx[x] > 0 ? Lx[x + 1] / Lx[x] : 0;
  const firstYearOfOpen = (lx[A] * -Math.expm1(-mA)) / mA;
  sx[A - 1] = Lx[A - 1] > 0 ? firstYearOfOpen / Lx[A - 1] : 0;
  sx[A] = Math.exp(-mA);
  return { sx, sb: Lx[0] };
}

function times(values: Float64Array, factor: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] * factor;
  return out;
}

const asfrCache = new Map<number, Float64Array>();

/** Fertility by single age for a TFR of 1 in `year` (the UN pattern), once per year. */
function asfrPerTfr(year: number): Float64Array {
  let found = asfrCache.get(year);
  if (!found) {
    const pattern = WPP2024_CHINA_FERTILITY.pasfrPercent[year - WPP2024_CHINA_FERTILITY.firstYear];
    found = singleYearAsfr(1, pattern, { ageStarts: WPP2024_CHINA_FERTILITY.ageStarts, maxAge: NATIONAL_MAX_AGE });
    asfrCache.set(year, found);
  }
  return found;
}
