/**
 * Carrying the 2020 census to a later base year with what happened: each year's births and
 * deaths are the area's published ones where there are any (seeds/observed), the deaths
 * spread over ages by the area's life table (UN WPP 2024 death rates times one factor, found
 * so that the total is the published one), the births by the UN age pattern of fertility
 * times one factor. Where nothing is published the area's census levels
 * ({@link censusLevels}) are used as they are. Migration is left out here: what the
 * published total still differs by afterwards is what migration did (see basePopulation).
 */

import { CENSUS_2020_POPULATION_BY_AGE } from '../../seeds/census2020/populationByAge.js';
import { OBSERVED_URBANISATION, type ObservedArea } from '../../seeds/observed/urbanisation.js';
import { runKernel } from '../kernel/runKernel.js';
import type { KernelInputs } from '../kernel/types.js';
import { censusLevels } from './censusLevels.js';
import { unDemography } from './unDemography.js';

/** The census areas with published births and deaths after 2020, by GB/T 2260 code. */
const OBSERVED_AREA: Record<number, ObservedArea> = { 0: 'China', 310000: 'Shanghai', 370000: 'Shandong', 330000: 'Zhejiang' };

/** One year of the carry: the births and deaths used, and whether they were published. */
export interface CarriedYear {
  year: number;
  births: number;
  deaths: number;
  birthsPublished: boolean;
  deathsPublished: boolean;
}

/** A population by single age and sex. */
export interface BySexAges {
  female: Float64Array;
  male: Float64Array;
}

/** One kernel step of one region with every person in one status and no transitions. */
function step(population: BySexAges, year: number, maxAge: number, mortalityFactor: number, tfr: number): { population: BySexAges; births: number; deaths: number } {
  const A1 = maxAge + 1;
  const start = new Float64Array(6 * A1);
  start.set(population.female, 0);
  start.set(population.male, A1);
  const d = unDemography(year, maxAge, mortalityFactor);
  const sx = new Float64Array(6 * A1);
  const sb = new Float64Array(6);
  const fx = new Float64Array(3 * A1);
  for (let h = 0; h < 3; h++) {
    sx.set(d.sx.female, h * 2 * A1);
    sx.set(d.sx.male, (h * 2 + 1) * A1);
    sb[h * 2] = d.sb.female;
    sb[h * 2 + 1] = d.sb.male;
    for (let a = 0; a < A1; a++) fx[h * A1 + a] = tfr * d.fxPerTfr[a];
  }
  const zeros = new Float64Array(2 * A1);
  const inputs: KernelInputs = { sx: [sx], sb: [sb], fx: [fx], srb: [Float64Array.of(d.srb)], m: [zeros], c: [new Float64Array(1)], k: [zeros], q: [zeros], D: [{ kind: 'identity' }], E: [{ kind: 'identity' }], n: [] };
  const result = runKernel({ regions: ['census'], maxAge, startYear: year, years: 1, population: start, inputs });
  const end = result.population[1];
  return { population: { female: end.slice(0, A1), male: end.slice(A1, 2 * A1) }, births: result.flows.births[0], deaths: result.flows.deaths[0] };
}

/**
 * Ages a census area's population from the end of 2020 to the end of `to` with the area's
 * published births and deaths where there are any, and its census levels otherwise.
 *
 * @param code GB/T 2260 code of the census area (0 for China)
 * @example
 * const start = populationByAge({ census2020: 'China' }, 100, ['base']);
 * Math.round(carryCensus(0, start, 2021, 100).years[0].births)   // the 2021 births, taken to the census residents
 * // => 10604946
 */
export function carryCensus(code: number, population: BySexAges, to: number, maxAge: number): { population: BySexAges; years: CarriedYear[] } {
  const area = CENSUS_2020_POPULATION_BY_AGE.areas.find((a) => a.code === code);
  const levels = censusLevels(String(code));
  const observedArea = OBSERVED_AREA[code];
  // published counts include what the census table leaves out (China's servicemen): take them as rates
  let census = 0;
  if (area) for (let g = 0; g < area.female.length; g++) census += area.female[g] + area.male[g];
  const published2020 = OBSERVED_URBANISATION.find((r) => r.area === observedArea && r.year === 2020)?.residentPopulation;
  const ratio = published2020 && census > 0 ? census / published2020 : 1;
  const years: CarriedYear[] = [];
  let current = population;
  for (let year = 2021; year <= to; year++) {
    const row = observedArea ? OBSERVED_URBANISATION.find((r) => r.area === observedArea && r.year === year) : undefined;
    const targetBirths = row?.births != null ? row.births * ratio : null;
    const targetDeaths = row?.deaths != null ? row.deaths * ratio : null;
    const baseTfr = unDemography(year, maxAge).tfr * (levels?.fertilityFactor ?? 1);
    let mortality = levels?.mortalityFactor ?? 1;
    let tfr = baseTfr;
    let out = step(current, year, maxAge, mortality, tfr);
    // births are linear in the TFR; deaths nearly linear in the factor: a few secant steps
    for (let i = 0; i < 8 && (targetBirths !== null || targetDeaths !== null); i++) {
      const birthsOff = targetBirths === null ? 0 : Math.abs(out.births / targetBirths - 1);
      const deathsOff = targetDeaths === null ? 0 : Math.abs(out.deaths / targetDeaths - 1);
      if (birthsOff < 1e-9 && deathsOff < 1e-9) break;
      if (targetBirths !== null && out.births > 0) tfr *= targetBirths / out.births;
      if (targetDeaths !== null && out.deaths > 0) mortality *= targetDeaths / out.deaths;
      out = step(current, year, maxAge, mortality, tfr);
    }
    years.push({ year, births: out.births, deaths: out.deaths, birthsPublished: targetBirths !== null, deathsPublished: targetDeaths !== null });
    current = out.population;
  }
  return { population: current, years };
}
