/**
 * National (China) kernel inputs for a run of years from UN WPP 2024 (demography.md), and a
 * one-region kernel problem built from them, with every urbanisation rate 0, that reproduces
 * the UN medium-variant population: the check of the whole chain from published data to
 * kernel.
 *
 * Base population on 1 January of `fromYear`. WPP's 5-year age groups are mid-year (about
 * 1 July) figures of the years 1950, 1955, ... (demography.md point 1). The last of them before
 * `fromYear`, of year Y, is split into single ages by cohort ({@link splitAgeGroupsByCohort},
 * with the UN annual births of each cohort as weights) and moved on half a year to 1 January
 * Y+1: people aged a on 1 July are aged a or a+1 on 1 January, half each (birthdays spread
 * evenly), each half surviving with the square root of the year's survival `sx`; age 0 gains
 * the births of July-December Y (half the UN births of Y, split by the sex ratio at birth)
 * surviving with the square root of `sb`. Both sexes are then scaled by one factor to the UN
 * total for 1 January Y+1. When `fromYear` is later than Y+1 the population is projected on to
 * it with the national inputs of the years between (without `mortalityScale`, which applies to
 * the steps from `fromYear` only, so that the base population stays the UN's).
 */

import { WPP2024_CHINA_POP_AGE5 } from '../../../seeds/un-wpp2024/populationByAge5.js';
import { WPP2024_CHINA_SRB } from '../../../seeds/un-wpp2024/sexRatioAtBirth.js';
import { WPP2024_CHINA_TOTAL_POP } from '../../../seeds/un-wpp2024/totalPopulation.js';
import { WPP2024_CHINA_VITAL } from '../../../seeds/un-wpp2024/vitalIndicators.js';
import type { ChengzhenIssue } from '../../errors.js';
import { FEMALE, MALE, RURAL } from '../../kernel/layout.js';
import { runKernel } from '../../kernel/runKernel.js';
import type { KernelInputs, KernelProblem } from '../../kernel/types.js';
import { checkNumber, throwIfIssues } from './checkInputs.js';
import { checkYear, NATIONAL_MAX_AGE, NATIONAL_YEARS, nationalYearInputs, type BySex, type NationalYearInputs, type NationalYearInputsOptions } from './nationalYearInputs.js';
import { splitAgeGroupsByCohort } from './splitAgeGroupsByCohort.js';

/** The earliest base year: 1 January after the last estimated mid-year population (2020). */
export const FIRST_FROM_YEAR = NATIONAL_YEARS.first + 1;

/** What {@link buildNationalKernelInputs} builds. */
export interface NationalKernelInputs {
  /** Calendar year of the base population (1 January). */
  startYear: number;
  /** Number of one-year steps. */
  years: number;
  maxAge: number;
  /** Population on 1 January of `startYear` by single age 0 .. 100, persons. */
  population: BySex<Float64Array>;
  /** Inputs of each step, `steps[t]` for calendar year `startYear + t`. */
  steps: NationalYearInputs[];
}

/** Options of {@link buildNationalKernelInputs}. */
export interface BuildNationalKernelInputsOptions extends NationalYearInputsOptions {
  /** Year of the base population (1 January), 2021 .. 2100. */
  fromYear: number;
  /** Number of one-year steps (>= 0), ending by 1 January 2101 at the latest. */
  years: number;
}

/**
 * Builds national inputs for `years` steps from 1 January `fromYear` (see the file comment).
 *
 * @throws {ChengzhenError} when `fromYear` is not a whole year in 2021 .. 2100 or the steps run
 *   past calendar year 2100
 * @example
 * const inputs = buildNationalKernelInputs({ fromYear: 2021, years: 2 });
 * inputs.steps.map((s) => s.year)
 * // => [2021, 2022]
 */
export function buildNationalKernelInputs(options: BuildNationalKernelInputsOptions): NationalKernelInputs {
  const { fromYear, years } = options;
  const issues: ChengzhenIssue[] = [];
  checkYear(issues, ['fromYear'], fromYear);
  if (issues.length === 0 && fromYear < FIRST_FROM_YEAR) checkNumber(issues, ['fromYear'], fromYear, { min: FIRST_FROM_YEAR, max: NATIONAL_YEARS.last });
  checkNumber(issues, ['years'], years, { min: 0, max: NATIONAL_YEARS.last - (issues.length === 0 ? fromYear : NATIONAL_YEARS.first) + 1 });
  if (issues.length === 0 && !Number.isInteger(years)) {
    issues.push({ code: 'invalid_value', path: ['years'], message: `years must be a whole number, received ${years}`, expected: 'a whole number', received: String(years) });
  }
  throwIfIssues(issues);

  const yearOptions: NationalYearInputsOptions = { matchAnnualLifeExpectancy: options.matchAnnualLifeExpectancy, mortalityScale: options.mortalityScale };
  const groupYear = Math.min(5 * Math.floor((fromYear - 1) / 5), WPP2024_CHINA_POP_AGE5.years[WPP2024_CHINA_POP_AGE5.years.length - 1]);
  const baseOptions: NationalYearInputsOptions = { matchAnnualLifeExpectancy: options.matchAnnualLifeExpectancy };
  let population = shiftMidYearToJanuary(groupYear, nationalYearInputs(groupYear, baseOptions));
  if (fromYear > groupYear + 1) {
    const lead: NationalKernelInputs = { startYear: groupYear + 1, years: fromYear - groupYear - 1, maxAge: NATIONAL_MAX_AGE, population, steps: [] };
    for (let t = 0; t < lead.years; t++) lead.steps.push(nationalYearInputs(lead.startYear + t, baseOptions));
    const result = runKernel(nationalKernelProblem(lead));
    const last = result.population[result.population.length - 1];
    const A1 = NATIONAL_MAX_AGE + 1;
    population = { female: last.slice(FEMALE * A1, (FEMALE + 1) * A1), male: last.slice(MALE * A1, (MALE + 1) * A1) };
  }
  const steps: NationalYearInputs[] = [];
  for (let t = 0; t < years; t++) steps.push(nationalYearInputs(fromYear + t, yearOptions));
  return { startYear: fromYear, years, maxAge: NATIONAL_MAX_AGE, population, steps };
}

/**
 * The UN mid-year population of `year` (a multiple of 5) by single age, moved on to 1 January
 * `year + 1` (see the file comment), persons.
 */
export function shiftMidYearToJanuary(year: number, inputs: NationalYearInputs): BySex<Float64Array> {
  const seed = WPP2024_CHINA_POP_AGE5;
  const i = seed.years.indexOf(year);
  const A = NATIONAL_MAX_AGE;
  const vital = year - WPP2024_CHINA_VITAL.firstYear;
  const halfBirths = (WPP2024_CHINA_VITAL.birthsThousands[vital] * 1000) / 2;
  const out = { female: new Float64Array(A + 1), male: new Float64Array(A + 1) };
  for (const sex of ['female', 'male'] as const) {
    const mid = splitAgeGroupsByCohort(seed[sex][i], seed.ageStarts, cohortBirths(year, sex));
    const sx = inputs.sx[sex];
    const jan = out[sex];
    const share = sex === 'female' ? 1 / (1 + inputs.srb) : inputs.srb / (1 + inputs.srb);
    jan[0] = halfBirths * share * Math.sqrt(inputs.sb[sex]) + 0.5 * mid[0] * Math.sqrt(sx[0]) * 1000;
    for (let a = 1; a < A; a++) jan[a] = 500 * (mid[a - 1] * Math.sqrt(sx[a - 1]) + mid[a] * Math.sqrt(sx[a]));
    jan[A] = 500 * mid[A - 1] * Math.sqrt(sx[A - 1]) + 1000 * mid[A] * Math.sqrt(sx[A]);
  }
  let sum = 0;
  for (let a = 0; a <= A; a++) sum += out.female[a] + out.male[a];
  const target = WPP2024_CHINA_TOTAL_POP.jan1[year + 1 - WPP2024_CHINA_TOTAL_POP.firstYear] * 1000;
  const factor = target / sum;
  for (let a = 0; a <= A; a++) {
    out.female[a] *= factor;
    out.male[a] *= factor;
  }
  return out;
}

/**
 * Births of the cohorts aged 0 .. 99 on 1 July of `year` (born from 1 July of `year - a - 1` to
 * 1 July of `year - a`: the mean of the two calendar years' births), of one sex by the sex ratio
 * at birth of those years. Cohorts born before 1950, where the UN series begins, take the 1950
 * figures; only their shape within a group matters.
 */
function cohortBirths(year: number, sex: 'female' | 'male'): Float64Array {
  const births = WPP2024_CHINA_VITAL.birthsThousands;
  const srb = WPP2024_CHINA_SRB.values;
  const ofYear = (y: number): number => {
    const v = Math.max(y, WPP2024_CHINA_VITAL.firstYear) - WPP2024_CHINA_VITAL.firstYear;
    const r = srb[Math.max(y, WPP2024_CHINA_SRB.firstYear) - WPP2024_CHINA_SRB.firstYear];
    return births[v] * (sex === 'female' ? 1 / (1 + r) : r / (1 + r));
  };
  const out = new Float64Array(NATIONAL_MAX_AGE);
  for (let a = 0; a < NATIONAL_MAX_AGE; a++) out[a] = (ofYear(year - a - 1) + ofYear(year - a)) / 2;
  return out;
}

/**
 * A one-region kernel problem ("China") from national inputs: everyone rural, every move and
 * urbanisation rate 0, so that the kernel runs a plain cohort-component projection.
 *
 * @example
 * const result = runKernel(nationalKernelProblem(buildNationalKernelInputs({ fromYear: 2021, years: 9 })));
 * result.population[9].reduce((s, v) => s + v, 0) / 1e6
 * // => 1400.40 (to 0.01; UN 1 January 2030: 1400.28)
 */
export function nationalKernelProblem(inputs: NationalKernelInputs): KernelProblem {
  const A1 = inputs.maxAge + 1;
  const cells = 6 * A1;
  const population = new Float64Array(cells);
  population.set(inputs.population.female, (RURAL * 2 + FEMALE) * A1);
  population.set(inputs.population.male, (RURAL * 2 + MALE) * A1);
  const zerosRsa = new Float64Array(2 * A1);
  const kernelInputs: KernelInputs = {
    sx: [],
    sb: [],
    fx: [],
    srb: [],
    m: [zerosRsa],
    c: [new Float64Array(1)],
    k: [zerosRsa],
    q: [zerosRsa],
    D: [{ kind: 'identity' }],
    E: [{ kind: 'identity' }],
    n: [],
  };
  for (const step of inputs.steps) {
    const sx = new Float64Array(cells);
    const n = new Float64Array(cells);
    const sb = new Float64Array(6);
    const fx = new Float64Array(3 * A1);
    for (let h = 0; h < 3; h++) {
      sx.set(step.sx.female, (h * 2 + FEMALE) * A1);
      sx.set(step.sx.male, (h * 2 + MALE) * A1);
      sb[h * 2 + FEMALE] = step.sb.female;
      sb[h * 2 + MALE] = step.sb.male;
      fx.set(step.fx, h * A1);
    }
    n.set(step.netMigration.female, (RURAL * 2 + FEMALE) * A1);
    n.set(step.netMigration.male, (RURAL * 2 + MALE) * A1);
    kernelInputs.sx.push(sx);
    kernelInputs.sb.push(sb);
    kernelInputs.fx.push(fx);
    kernelInputs.srb.push(Float64Array.of(step.srb));
    kernelInputs.n.push(n);
  }
  if (inputs.steps.length === 0) {
    // a problem of no steps still needs one input of each kind; none is ever applied
    kernelInputs.sx.push(new Float64Array(cells));
    kernelInputs.sb.push(new Float64Array(6));
    kernelInputs.fx.push(new Float64Array(3 * A1));
    kernelInputs.srb.push(Float64Array.of(1.05));
  }
  return { regions: ['China'], maxAge: inputs.maxAge, startYear: inputs.startYear, years: inputs.years, population, inputs: kernelInputs };
}
