/**
 * The base population of one region: residents by single age and sex from the scenario's
 * population spec (the 2020 census shipped in seeds/, age groups, or single ages), optionally
 * rescaled to a total, then split into rural / migrant / hukou by the region's resident and
 * hukou urbanisation rates (see statusSplit).
 */

import { CENSUS_2020_POPULATION_BY_AGE } from '../../seeds/census2020/populationByAge.js';
import { ChengzhenError, formatPath } from '../errors.js';
import { WPP2024_CHINA_VITAL } from '../../seeds/un-wpp2024/vitalIndicators.js';
import { parseScenario, type PopulationSpec, type PopulationSpecInput, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { ageProfileFor } from './ageProfileFor.js';
import { carryCensus } from './carryCensus.js';
import { splitAgeGroups } from './demography/splitAgeGroups.js';
import { splitAgeGroupsByCohort } from './demography/splitAgeGroupsByCohort.js';
import { defaultStatusSeeds, splitByStatus, type PopulationByStatus, type StatusSeeds } from './statusSplit.js';

/** The census is taken as the population at the end of 2020 (it counted 1 November 2020). */
const CENSUS_YEAR = 2020;

/**
 * Cohort sizes for the census split: the UN births of the year each single age 0-99 on the
 * census day was born in (1950 for those born before), so that the split keeps China's
 * cohort waves (the 1959-1961 famine gap inside the 55-59 and 60-64 groups).
 */
function censusCohortSizes(): Float64Array {
  const births = WPP2024_CHINA_VITAL.birthsThousands;
  const out = new Float64Array(100);
  for (let a = 0; a < 100; a++) out[a] = births[Math.max(0, CENSUS_YEAR - a - WPP2024_CHINA_VITAL.firstYear)];
  return out;
}

/**
 * Adds `persons` (negative to remove) over ages and sexes in proportion to the population
 * times the age profile of migration: the difference between a published total and the
 * population carried with births and deaths is what migration did, so it goes where migrants
 * are, and the ages migration does not touch (the newborn, the old) keep their carried counts.
 * Falls back to a proportional rescale when removing would empty a cell.
 */
function addMigrants(population: { female: Float64Array; male: Float64Array }, persons: number, maxAge: number, path: (string | number)[]) {
  const profile = { female: ageProfileFor('labour-migration', maxAge, path, 'female'), male: ageProfileFor('labour-migration', maxAge, path, 'male') };
  let weight = 0;
  let total = 0;
  for (let a = 0; a <= maxAge; a++) {
    weight += population.female[a] * profile.female[a] + population.male[a] * profile.male[a];
    total += population.female[a] + population.male[a];
  }
  let worst = 0;
  for (let a = 0; a <= maxAge; a++) worst = Math.max(worst, profile.female[a], profile.male[a]);
  if (!(weight > 0) || (persons < 0 && (-persons * worst) / weight >= 1)) {
    const f = (total + persons) / total;
    for (let a = 0; a <= maxAge; a++) {
      population.female[a] *= f;
      population.male[a] *= f;
    }
    return;
  }
  for (let a = 0; a <= maxAge; a++) {
    population.female[a] += (persons * population.female[a] * profile.female[a]) / weight;
    population.male[a] += (persons * population.male[a] * profile.male[a]) / weight;
  }
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
    const cohorts = censusCohortSizes();
    female = splitAgeGroupsByCohort(area.female, starts, cohorts);
    male = splitAgeGroupsByCohort(area.male, starts, cohorts);
    if (spec.rollForward !== false && baseYear > CENSUS_YEAR) {
      const carried = carryCensus(area.code, { female: toMaxAge(female, maxAge), male: toMaxAge(male, maxAge) }, baseYear, maxAge).population;
      if (spec.scaleToTotal !== undefined) {
        let total = 0;
        for (let a = 0; a <= maxAge; a++) total += carried.female[a] + carried.male[a];
        addMigrants(carried, spec.scaleToTotal - total, maxAge, [...path, 'scaleToTotal']);
      }
      return carried;
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

/** The default status seeds by maxAge, built once (only read: splitByStatus does not change its seeds). */
const defaultSeedsByMaxAge = new Map<number, StatusSeeds>();

function defaultSeeds(maxAge: number): StatusSeeds {
  let seeds = defaultSeedsByMaxAge.get(maxAge);
  if (seeds === undefined) {
    seeds = defaultStatusSeeds(maxAge);
    defaultSeedsByMaxAge.set(maxAge, seeds);
  }
  return seeds;
}

/**
 * The base population of region `id` by status, sex and single age.
 *
 * @example
 * const scenario = parseScenario(getPreset('shandong-2021-2023').scenario);
 * basePopulation(scenario, 'shandong', ['base', 'shandong']).migrant.female[25]
 * // => 154418
 */
export function basePopulation(input: Scenario | ScenarioInput, id: string, path: (string | number)[]): PopulationByStatus {
  const scenario = parseScenario(input);
  const base = scenario.base[id];
  const maxAge = scenario.maxAge;
  const total = populationByAge(base.population, maxAge, [...path, 'population'], scenario.baseYear);
  const defaults = defaultSeeds(maxAge);
  const pattern = base.statusAgePattern ?? {};
  const seeds: StatusSeeds = {
    rural: pattern.rural ? ageProfileFor(pattern.rural, maxAge, [...path, 'statusAgePattern', 'rural']) : defaults.rural,
    migrant: pattern.migrant ? ageProfileFor(pattern.migrant, maxAge, [...path, 'statusAgePattern', 'migrant']) : defaults.migrant,
    hukou: pattern.hukou ? ageProfileFor(pattern.hukou, maxAge, [...path, 'statusAgePattern', 'hukou']) : defaults.hukou,
  };
  return splitByStatus(total, base.residentUrbanisationRate, base.hukouUrbanisationRate, seeds, path);
}
