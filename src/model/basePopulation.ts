/**
 * The base population of one region: residents by single age and sex from the scenario's
 * population spec (the 2020 census shipped in seeds/, age groups, or single ages), optionally
 * rescaled to a total, then split into rural / migrant / hukou by the region's resident and
 * hukou urbanisation rates (see statusSplit).
 */

import { CENSUS_2020_POPULATION_BY_AGE } from '../../seeds/census2020/populationByAge.js';
import { ChengzhenError, formatPath } from '../errors.js';
import { runKernel } from '../kernel/runKernel.js';
import type { KernelInputs } from '../kernel/types.js';
import { parseScenario, type PopulationSpec, type PopulationSpecInput, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { ageProfileFor } from './ageProfileFor.js';
import { splitAgeGroups } from './demography/splitAgeGroups.js';
import { unDemography } from './unDemography.js';
import { defaultStatusSeeds, splitByStatus, type PopulationByStatus, type StatusSeeds } from './statusSplit.js';

/** The census is taken as the population at the end of 2020 (it counted 1 November 2020). */
const CENSUS_YEAR = 2020;

/**
 * Ages a population from the end of `from` to the end of `to` with UN WPP 2024 survival,
 * fertility and sex ratio at birth and no migration, by the projection kernel itself (one
 * region, every person in one status, no transitions).
 */
function rollForward(population: { female: Float64Array; male: Float64Array }, from: number, to: number, maxAge: number): { female: Float64Array; male: Float64Array } {
  const A1 = maxAge + 1;
  const cells = 6 * A1;
  const start = new Float64Array(cells);
  start.set(population.female, 0);
  start.set(population.male, A1);
  const inputs: KernelInputs = { sx: [], sb: [], fx: [], srb: [], m: [new Float64Array(2 * A1)], c: [new Float64Array(1)], k: [new Float64Array(2 * A1)], q: [new Float64Array(2 * A1)], D: [{ kind: 'identity' }], E: [{ kind: 'identity' }], n: [] };
  for (let year = from + 1; year <= to; year++) {
    const d = unDemography(year, maxAge);
    const sx = new Float64Array(cells);
    const sb = new Float64Array(6);
    const fx = new Float64Array(3 * A1);
    for (let h = 0; h < 3; h++) {
      sx.set(d.sx.female, (h * 2) * A1);
      sx.set(d.sx.male, (h * 2 + 1) * A1);
      sb[h * 2] = d.sb.female;
      sb[h * 2 + 1] = d.sb.male;
      for (let a = 0; a < A1; a++) fx[h * A1 + a] = d.tfr * d.fxPerTfr[a];
    }
    inputs.sx.push(sx);
    inputs.sb.push(sb);
    inputs.fx.push(fx);
    inputs.srb.push(Float64Array.of(d.srb));
  }
  const result = runKernel({ regions: ['census'], maxAge, startYear: from + 1, years: to - from, population: start, inputs });
  const last = result.population[result.population.length - 1];
  return { female: last.slice(0, A1), male: last.slice(A1, 2 * A1) };
}

/** Folds ages above `maxAge` into the open group `maxAge`, or pads with zeros. */
function toMaxAge(byAge: Float64Array, maxAge: number): Float64Array {
  const out = new Float64Array(maxAge + 1);
  for (let a = 0; a < byAge.length; a++) out[Math.min(a, maxAge)] += byAge[a];
  return out;
}

function findCensusArea(name: string, path: (string | number)[]) {
  const key = name.trim().toLowerCase();
  const area = CENSUS_2020_POPULATION_BY_AGE.areas.find(
    (p) => String(p.code) === key || p.nameZh === name.trim() || p.nameEn.toLowerCase() === key || (key === 'china' && p.code === 0),
  );
  if (!area) {
    throw new ChengzhenError([
      {
        code: 'invalid_value',
        path,
        message: `${formatPath(path)} names no area of the 2020 census: ${JSON.stringify(name)} (use "China", a province code such as 370000, or a name such as Shandong or 山东)`,
        received: name,
      },
    ]);
  }
  return area;
}

/**
 * Residents by single age and sex from a population spec.
 *
 * @throws {ChengzhenError} for an unknown census area or arrays of the wrong length.
 * @example
 * const { female, male } = populationByAge({ census2020: 'Shanghai' }, 100, ['base', 'shanghai', 'population']);
 * female.reduce((s, v) => s + v, 0) + male.reduce((s, v) => s + v, 0)
 * // => 24870895
 */
export function populationByAge(
  spec: PopulationSpec | PopulationSpecInput,
  maxAge: number,
  path: (string | number)[],
  baseYear = CENSUS_YEAR,
): { female: Float64Array; male: Float64Array } {
  let female: Float64Array;
  let male: Float64Array;
  if ('census2020' in spec) {
    const area = findCensusArea(spec.census2020, [...path, 'census2020']);
    const starts = CENSUS_2020_POPULATION_BY_AGE.ageStarts;
    female = splitAgeGroups(area.female, starts);
    male = splitAgeGroups(area.male, starts);
    if (spec.rollForward !== false && baseYear > CENSUS_YEAR) {
      const rolled = rollForward({ female: toMaxAge(female, maxAge), male: toMaxAge(male, maxAge) }, CENSUS_YEAR, baseYear, maxAge);
      female = rolled.female;
      male = rolled.male;
    }
  } else if ('ageGroups' in spec) {
    const g = spec.ageGroups;
    for (const sex of ['female', 'male'] as const) {
      if (g[sex].length !== g.starts.length) {
        throw new ChengzhenError([
          {
            code: 'wrong_length',
            path: [...path, 'ageGroups', sex],
            message: `${formatPath([...path, 'ageGroups', sex])} must have one value per group (${g.starts.length}), received ${g[sex].length}`,
            received: String(g[sex].length),
          },
        ]);
      }
    }
    female = splitAgeGroups(g.female, g.starts);
    male = splitAgeGroups(g.male, g.starts);
    if (g.starts[0] !== 0) {
      const pad = (x: Float64Array) => {
        const out = new Float64Array(x.length + g.starts[0]);
        out.set(x, g.starts[0]);
        return out;
      };
      female = pad(female);
      male = pad(male);
    }
  } else {
    for (const sex of ['female', 'male'] as const) {
      if (spec.singleAges[sex].length !== maxAge + 1) {
        throw new ChengzhenError([
          {
            code: 'wrong_length',
            path: [...path, 'singleAges', sex],
            message: `${formatPath([...path, 'singleAges', sex])} must have one value per age 0..${maxAge} (${maxAge + 1}), received ${spec.singleAges[sex].length}`,
            received: String(spec.singleAges[sex].length),
          },
        ]);
      }
    }
    female = Float64Array.from(spec.singleAges.female);
    male = Float64Array.from(spec.singleAges.male);
  }
  female = toMaxAge(female, maxAge);
  male = toMaxAge(male, maxAge);
  if (spec.scaleToTotal !== undefined) {
    let total = 0;
    for (let a = 0; a <= maxAge; a++) total += female[a] + male[a];
    if (!(total > 0)) {
      throw new ChengzhenError([{ code: 'invalid_value', path: [...path, 'scaleToTotal'], message: `${formatPath([...path, 'scaleToTotal'])} cannot rescale a population of 0` }]);
    }
    const f = spec.scaleToTotal / total;
    for (let a = 0; a <= maxAge; a++) {
      female[a] *= f;
      male[a] *= f;
    }
  }
  return { female, male };
}

/**
 * The base population of region `id` by status, sex and single age.
 *
 * @example
 * const scenario = parseScenario(getPreset('shandong-2021-2023').scenario);
 * basePopulation(scenario, 'shandong', ['base', 'shandong']).migrant.female[25]
 * // => 116618
 */
export function basePopulation(input: Scenario | ScenarioInput, id: string, path: (string | number)[]): PopulationByStatus {
  const scenario = parseScenario(input);
  const base = scenario.base[id];
  const maxAge = scenario.maxAge;
  const total = populationByAge(base.population, maxAge, [...path, 'population'], scenario.baseYear);
  const defaults = defaultStatusSeeds(maxAge);
  const pattern = base.statusAgePattern ?? {};
  const seeds: StatusSeeds = {
    rural: pattern.rural ? ageProfileFor(pattern.rural, maxAge, [...path, 'statusAgePattern', 'rural']) : defaults.rural,
    migrant: pattern.migrant ? ageProfileFor(pattern.migrant, maxAge, [...path, 'statusAgePattern', 'migrant']) : defaults.migrant,
    hukou: pattern.hukou ? ageProfileFor(pattern.hukou, maxAge, [...path, 'statusAgePattern', 'hukou']) : defaults.hukou,
  };
  return splitByStatus(total, base.residentUrbanisationRate, base.hukouUrbanisationRate, seeds, path);
}
