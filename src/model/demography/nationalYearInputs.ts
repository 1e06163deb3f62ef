/**
 * The national (China) demographic inputs of one projection year, built from the UN WPP 2024
 * data in `seeds/un-wpp2024` (demography.md points 1-3 and 5). A kernel step runs from
 * 1 January t to 1 January t+1 with the inputs of calendar year t:
 *
 * - **Mortality.** WPP's abridged death rates are given for 5-year periods of calendar years
 *   (2020-2025 is 1 January 2020 to 1 January 2025, centred on 1 July 2022). The rates of year
 *   t are interpolated linearly in `log m`, group by group, between the two periods whose
 *   centres enclose the middle of year t (held at the first or last period outside them), then
 *   ungrouped into a single-year life table ({@link lifeTable}). By default every rate is then
 *   scaled by one factor per sex so that the table's e0 equals the UN's annual e0 for the
 *   year ({@link scaleToLifeExpectancy}); this carries the year-to-year changes of the annual
 *   series (such as 2022-2023) that the 5-year periods smooth away.
 * - **Fertility.** The UN annual TFR and its percentage pattern by 5-year group, ungrouped to
 *   single ages ({@link singleYearAsfr}) and put in the kernel's start-of-year form
 *   ({@link kernelFertility}) with the women's survival of the same year.
 * - **Sex ratio at birth**: the UN annual value.
 * - **Net international migration**: the UN medium variant by single age and sex (persons) for
 *   2023-2100; for 2020-2022, where the UN gives only the annual total, the 2023 age-sex
 *   pattern scaled to that total. The kernel adds it at the end of the step at the age given.
 */

import { WPP2024_CHINA_FERTILITY } from '../../../seeds/un-wpp2024/fertility.js';
import { WPP2024_CHINA_MX } from '../../../seeds/un-wpp2024/mortality.js';
import { WPP2024_CHINA_NET_MIGRATION_AGE } from '../../../seeds/un-wpp2024/netMigrationByAge.js';
import { WPP2024_CHINA_SRB } from '../../../seeds/un-wpp2024/sexRatioAtBirth.js';
import { WPP2024_CHINA_VITAL } from '../../../seeds/un-wpp2024/vitalIndicators.js';
import type { ChengzhenIssue } from '../../errors.js';
import { checkNumber, throwIfIssues } from './checkInputs.js';
import { kernelFertility, singleYearAsfr } from './fertility.js';
import { lifeTable, lifeTableFromSingleAges, type LifeTable } from './lifeTable.js';
import { scaleToLifeExpectancy } from './scaleToLifeExpectancy.js';

/** The open age group of the national inputs (the UN data end at 100+). */
export const NATIONAL_MAX_AGE = 100;

/**
 * The first and last calendar years the national inputs cover: from the year of the last
 * estimated 5-year population (mid-2020) to the end of the UN projection. The UN gives net
 * migration by age only from 2023; 2020-2022 take the 2023 pattern scaled to their totals, a
 * pattern that does not fit the older, smaller populations of earlier decades.
 */
export const NATIONAL_YEARS = Object.freeze({ first: 2020, last: 2100 });

/** A pair of arrays by single age 0 .. 100, women first as in the kernel layout. */
export interface BySex<T> {
  female: T;
  male: T;
}

/** The national inputs of one step (calendar year `year`). */
export interface NationalYearInputs {
  year: number;
  /** Life tables by sex (single ages 0 .. 100). */
  lifeTables: BySex<LifeTable>;
  /** Kernel survival by age on 1 January. */
  sx: BySex<Float64Array>;
  /** Kernel survival of the year's births to 31 December. */
  sb: BySex<number>;
  /** Total fertility rate, children per woman. */
  tfr: number;
  /** Calendar-year fertility by single age at birth, births per woman. */
  asfr: Float64Array;
  /** Kernel fertility by age on 1 January (births per woman during the year). */
  fx: Float64Array;
  /** `fx` for a TFR of 1 (the same pattern and survival), for scenarios that set their own TFR. */
  fxPerTfr: Float64Array;
  /** Sex ratio at birth, males per female. */
  srb: number;
  /** Net international migrants by age at the end of the step, persons. */
  netMigration: BySex<Float64Array>;
}

/** Options of {@link nationalYearInputs}. */
export interface NationalYearInputsOptions {
  /**
   * Scale the death rates so that e0 equals the UN annual e0 of the year (default true); when
   * false the interpolated 5-year rates are used as they are.
   */
  matchAnnualLifeExpectancy?: boolean;
  /** A further factor on every death rate (default 1), for mortality scenarios. */
  mortalityScale?: number;
}

/**
 * National inputs of calendar year `year` from UN WPP 2024 (see the file comment).
 *
 * @param year calendar year, 2020 .. 2100
 * @throws {ChengzhenError} when `year` is not a whole year in 2020 .. 2100 or `mortalityScale`
 *   is not a finite number > 0
 * @example
 * nationalYearInputs(2030).srb
 * // => 1.076
 */
export function nationalYearInputs(year: number, options: NationalYearInputsOptions = {}): NationalYearInputs {
  const issues: ChengzhenIssue[] = [];
  checkYear(issues, ['year'], year);
  const scale = options.mortalityScale ?? 1;
  checkNumber(issues, ['options', 'mortalityScale'], scale, { min: 0, max: Infinity, exclusiveMin: true });
  throwIfIssues(issues);

  const matchE0 = options.matchAnnualLifeExpectancy ?? true;
  const vitalIndex = year - WPP2024_CHINA_VITAL.firstYear;
  const lifeTables = {
    female: yearLifeTable(year, 'female', matchE0 ? WPP2024_CHINA_VITAL.e0Female[vitalIndex] : null, scale),
    male: yearLifeTable(year, 'male', matchE0 ? WPP2024_CHINA_VITAL.e0Male[vitalIndex] : null, scale),
  };
  const sx = { female: lifeTables.female.sx, male: lifeTables.male.sx };

  const f = year - WPP2024_CHINA_FERTILITY.firstYear;
  const tfr = WPP2024_CHINA_FERTILITY.tfr[f];
  const pattern = WPP2024_CHINA_FERTILITY.pasfrPercent[f];
  const asfr = singleYearAsfr(tfr, pattern, { ageStarts: WPP2024_CHINA_FERTILITY.ageStarts, maxAge: NATIONAL_MAX_AGE });
  const fx = kernelFertility(asfr, sx.female);
  const fxPerTfr = kernelFertility(singleYearAsfr(1, pattern, { ageStarts: WPP2024_CHINA_FERTILITY.ageStarts, maxAge: NATIONAL_MAX_AGE }), sx.female);

  return {
    year,
    lifeTables,
    sx,
    sb: { female: lifeTables.female.sb, male: lifeTables.male.sb },
    tfr,
    asfr,
    fx,
    fxPerTfr,
    srb: WPP2024_CHINA_SRB.values[year - WPP2024_CHINA_SRB.firstYear],
    netMigration: netMigrationOfYear(year),
  };
}

/** Appends an issue unless `year` is a whole year in {@link NATIONAL_YEARS}. */
export function checkYear(issues: ChengzhenIssue[], path: (string | number)[], year: number): void {
  const before = issues.length;
  checkNumber(issues, path, year, { min: NATIONAL_YEARS.first, max: NATIONAL_YEARS.last });
  if (issues.length === before && !Number.isInteger(year)) {
    issues.push({ code: 'invalid_value', path, message: `${path.join('.')} must be a whole year, received ${year}`, expected: `a whole year in [${NATIONAL_YEARS.first}, ${NATIONAL_YEARS.last}]`, received: String(year) });
  }
}

/**
 * Abridged death rates of calendar year `year`: log-linear between the 5-year periods whose
 * centres (`start + 2.5`) enclose the middle of the year (`year + 0.5`).
 *
 * @example
 * deathRatesOfYear(2022, 'female')[0]
 * // => 0.00523073 (to rounding: the middle of 2022 is the centre of 2020-2025)
 */
export function deathRatesOfYear(year: number, sex: 'female' | 'male' | 'both'): Float64Array {
  const periods = WPP2024_CHINA_MX.periodStarts;
  const table = WPP2024_CHINA_MX[sex];
  const t = year + 0.5;
  const centre = (p: number): number => periods[p] + 2.5;
  const last = periods.length - 1;
  if (t <= centre(0)) return Float64Array.from(table[0]);
  if (t >= centre(last)) return Float64Array.from(table[last]);
  let p = 0;
  while (centre(p + 1) < t) p++;
  const w = (t - centre(p)) / (centre(p + 1) - centre(p));
  const a = table[p];
  const b = table[p + 1];
  const out = new Float64Array(a.length);
  for (let g = 0; g < a.length; g++) out[g] = a[g] > 0 && b[g] > 0 ? Math.exp((1 - w) * Math.log(a[g]) + w * Math.log(b[g])) : (1 - w) * a[g] + w * b[g];
  return out;
}

function yearLifeTable(year: number, sex: 'female' | 'male', e0: number | null, scale: number): LifeTable {
  const rates = deathRatesOfYear(year, sex);
  let table = lifeTable(rates, { sex });
  if (e0 !== null) table = scaleToLifeExpectancy(table.mx, e0, sex).table;
  if (scale !== 1) table = lifeTableFromSingleAges(Float64Array.from(table.mx, (m) => m * scale), sex);
  return table;
}

/** Net international migrants of `year` by single age and sex, persons. */
export function netMigrationOfYear(year: number): BySex<Float64Array> {
  const seed = WPP2024_CHINA_NET_MIGRATION_AGE;
  const toPersons = (row: readonly number[], factor: number): Float64Array => Float64Array.from(row, (v) => v * factor * 1000);
  if (year >= seed.firstYear) {
    const i = year - seed.firstYear;
    return { female: toPersons(seed.female[i], 1), male: toPersons(seed.male[i], 1) };
  }
  const total = WPP2024_CHINA_VITAL.netMigrationThousands[year - WPP2024_CHINA_VITAL.firstYear];
  let patternTotal = 0;
  for (let a = 0; a <= seed.maxAge; a++) patternTotal += seed.female[0][a] + seed.male[0][a];
  const factor = total / patternTotal;
  return { female: toPersons(seed.female[0], factor), male: toPersons(seed.male[0], factor) };
}
