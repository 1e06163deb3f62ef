/**
 * The 2010 counterpart of a 2020 leaf or aggregate of leaves, with the 2010 anchors the county
 * census gives: registered (hukou) population, the share with a non-agricultural hukou, and the
 * birth and death rates of the 12 months before the census.
 */
import { CENSUS_2010_COUNTIES, CENSUS_2020_COUNTIES } from '../../../seeds/census-counties/index.js';
import { ChengzhenError } from '../../errors.js';
import type { CensusMatch } from './matchCensus2010.js';

/** A 2020 set of leaves, the matched units that cover it and their 2010 figures. */
export interface Counterpart2010 {
  /** Indices of the matched units that cover the requested leaves. */
  units: readonly number[];
  /** The 2020 leaves of those units (the requested ones and any others aggregated with them). */
  leaves2020: readonly number[];
  /** The 2010 leaves of those units. */
  leaves2010: readonly number[];
  /** True when the covering 2020 leaves are exactly the requested ones. */
  exact: boolean;
  /** Residents of the covering 2020 leaves, 1 November 2020. */
  population2020: number;
  /** Residents of the 2010 leaves, 1 November 2010. */
  population2010: number;
  /** Registered (户籍) population of the 2010 leaves; null when none of them gives it. */
  registeredPopulation2010: number | null;
  /** Share (0-1) of the registered population with a non-agricultural hukou, weighted by registered population. */
  nonAgriculturalHukouShare2010: number | null;
  /** Births per 1000 residents in the 12 months before the 2010 census, weighted by residents. */
  birthsPer1000_2010: number | null;
  /** Deaths per 1000 residents, likewise. */
  deathsPer1000_2010: number | null;
}

/**
 * The 2010 counterpart of the 2020 leaves `leaves2020` (indices into `match.leaves2020.leaves`):
 * the union of their matched units. Rates are weighted means over the 2010 leaves that give them.
 *
 * @throws {ChengzhenError} when an index is not a 2020 leaf
 * @example
 * const m = matchCensus2010();
 * const i = m.leaves2020.leaves.findIndex((l) => l.name === '东莞市');
 * counterpart2010(m, [i]).population2010;
 * // => 8220207
 */
export function counterpart2010(match: CensusMatch, leaves2020: readonly number[]): Counterpart2010 {
  const n20 = match.leaves2020.leaves.length;
  const bad = leaves2020.filter((i) => !(Number.isInteger(i) && i >= 0 && i < n20));
  if (bad.length > 0) {
    throw new ChengzhenError(bad.map((i) => ({ code: 'out_of_range' as const, path: ['leaves2020'], message: `leaves2020 must be indices in [0, ${n20 - 1}], received ${i}`, received: String(i) })));
  }
  const units = [...new Set(leaves2020.map((i) => match.unitOf2020[i]))].sort((a, b) => a - b);
  const covering = units.flatMap((u) => match.units[u].leaves2020).sort((a, b) => a - b);
  const old = units.flatMap((u) => match.units[u].leaves2010).sort((a, b) => a - b);
  const requested = new Set(leaves2020);
  const n10 = CENSUS_2010_COUNTIES.numbers;
  const p20 = CENSUS_2020_COUNTIES.numbers.population;
  let population2020 = 0;
  for (const i of covering) population2020 += p20[match.leaves2020.leaves[i].row] ?? 0;
  let population2010 = 0;
  let registered = 0;
  let registeredAny = false;
  let nonAgWeight = 0;
  let nonAg = 0;
  let birthWeight = 0;
  let births = 0;
  let deathWeight = 0;
  let deaths = 0;
  for (const j of old) {
    const r = match.leaves2010.leaves[j].row;
    const pop = n10.population[r] ?? 0;
    population2010 += pop;
    const reg = n10.registered_population[r];
    if (reg !== null) {
      registered += reg;
      registeredAny = true;
      const share = n10.non_agricultural_hukou_percent[r];
      if (share !== null) {
        nonAg += (reg * share) / 100;
        nonAgWeight += reg;
      }
    }
    const b = n10.births_per_1000[r];
    if (b !== null) {
      births += pop * b;
      birthWeight += pop;
    }
    const d = n10.deaths_per_1000[r];
    if (d !== null) {
      deaths += pop * d;
      deathWeight += pop;
    }
  }
  return Object.freeze({
    units: Object.freeze(units),
    leaves2020: Object.freeze(covering),
    leaves2010: Object.freeze(old),
    exact: covering.length === requested.size && covering.every((i) => requested.has(i)),
    population2020,
    population2010,
    registeredPopulation2010: registeredAny ? registered : null,
    nonAgriculturalHukouShare2010: nonAgWeight > 0 ? nonAg / nonAgWeight : null,
    birthsPer1000_2010: birthWeight > 0 ? births / birthWeight : null,
    deathsPer1000_2010: deathWeight > 0 ? deaths / deathWeight : null,
  });
}
