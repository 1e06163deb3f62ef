/**
 * baseInto: the bases of the compiler split in place give the numbers of basePopulation bit for
 * bit (age groups of every shape it covers, rates at their limits, empty groups), and decline
 * what basePopulation refuses or handles otherwise, so that the general path reports it.
 */

import { describe, expect, it } from 'vitest';
import { basePopulation } from '../../src/model/basePopulation.js';
import { baseInto, BaseScratch } from '../../src/model/compileBases.js';
import { compileInputs } from '../../src/model/compileInputs.js';
import { defaultStatusSeeds } from '../../src/model/statusSplit.js';
import { getPreset } from '../../src/presets/index.js';
import { parseScenario, type ScenarioInput } from '../../src/schema/scenario.js';
import { firstBitDifference } from '../helpers/bits.js';

type Base = NonNullable<ScenarioInput['base']>[string];

function scenarioOf(bases: Record<string, Base>, maxAge = 100): ScenarioInput {
  return {
    name: 'bases',
    baseYear: 2023,
    endYear: 2025,
    maxAge,
    regions: Object.keys(bases).map((id) => ({ id, nameEn: id, nameZh: id })),
    base: bases,
    migration: { ruralToUrbanRate: 0.01 },
    hukou: { conversionRate: 0.01 },
  };
}

/** The base of `id` as basePopulation gives it, in the kernel's layout of one region. */
function general(scenario: ReturnType<typeof parseScenario>, id: string): Float64Array {
  const split = basePopulation(scenario, id, ['base', id]);
  const parts = [split.rural, split.migrant, split.hukou];
  const A1 = scenario.maxAge + 1;
  const out = new Float64Array(6 * A1);
  parts.forEach((part, h) => {
    out.set(part.female, h * 2 * A1);
    out.set(part.male, h * 2 * A1 + A1);
  });
  return out;
}

const groups = (starts: number[], scale: number) => ({
  starts,
  female: starts.map((a, g) => scale * (1000 + 37 * g - a)),
  male: starts.map((a, g) => scale * (1100 + 29 * g - a)),
});

describe('baseInto(scenario, id, seeds, out, base, scratch)', () => {
  const bases: Record<string, Base> = {
    fiveYear: { population: { ageGroups: groups([0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85], 7.3) }, residentUrbanisationRate: 0.61, hukouUrbanisationRate: 0.43 },
    twoGroups: { population: { ageGroups: groups([0, 60], 1.1) }, residentUrbanisationRate: 1, hukouUrbanisationRate: 0.2 },
    allRural: { population: { ageGroups: groups([0, 15, 65], 3) }, residentUrbanisationRate: 0, hukouUrbanisationRate: 0 },
    allHukou: { population: { ageGroups: groups([0, 5, 10, 20, 40, 90, 100], 0.5) }, residentUrbanisationRate: 1, hukouUrbanisationRate: 1 },
    emptyGroups: { population: { ageGroups: { starts: [0, 5, 10, 15], female: [0, 120, 0, 30], male: [10, 0, 0, 0] } }, residentUrbanisationRate: 0.5, hukouUrbanisationRate: 0.25 },
    pastMaxAge: { population: { ageGroups: groups([0, 20, 40, 60, 80, 100], 2) }, residentUrbanisationRate: 0.7, hukouUrbanisationRate: 0.5 },
  };

  it.each([[100], [85]])('gives the numbers of basePopulation bit for bit (maxAge %i)', (maxAge) => {
    const scenario = parseScenario(scenarioOf(bases, maxAge));
    const A1 = maxAge + 1;
    const scratch = new BaseScratch();
    for (const id of Object.keys(bases)) {
      const out = new Float64Array(6 * A1).fill(Number.NaN);
      expect(baseInto(scenario, id, defaultStatusSeeds(maxAge), out, 0, scratch)).toBe(true);
      expect({ id, at: firstBitDifference(out, general(scenario, id)) }).toEqual({ id, at: -1 });
    }
  });

  it('declines the forms it does not cover: a census area, a rescaled total, status patterns, groups not from 0', () => {
    const scenario = parseScenario(
      scenarioOf({
        census: { population: { census2020: 'Zhejiang' }, residentUrbanisationRate: 0.7, hukouUrbanisationRate: 0.5 },
        scaled: { population: { ageGroups: groups([0, 15, 65], 1), scaleToTotal: 1e5 }, residentUrbanisationRate: 0.7, hukouUrbanisationRate: 0.5 },
        patterned: { population: { ageGroups: groups([0, 15, 65], 1) }, residentUrbanisationRate: 0.7, hukouUrbanisationRate: 0.5, statusAgePattern: { migrant: 'flat' } },
        fromTen: { population: { ageGroups: groups([10, 15, 65], 1) }, residentUrbanisationRate: 0.7, hukouUrbanisationRate: 0.5 },
        singleAges: { population: { singleAges: { female: new Array(101).fill(10), male: new Array(101).fill(10) } }, residentUrbanisationRate: 0.7, hukouUrbanisationRate: 0.5 },
      }),
    );
    const out = new Float64Array(606);
    for (const id of ['census', 'scaled', 'patterned', 'fromTen', 'singleAges']) expect({ id, taken: baseInto(scenario, id, defaultStatusSeeds(100), out, 0, new BaseScratch()) }).toEqual({ id, taken: false });
  });

  it('the bases of compileInputs for the county preset are those of basePopulation, bit for bit (every 50th unit)', () => {
    const scenario = parseScenario(getPreset('china-counties-2024-2028-trend').scenario);
    const prepared = compileInputs(scenario);
    const A1 = scenario.maxAge + 1;
    for (let r = 0; r < scenario.regions.length; r += 50) {
      const id = scenario.regions[r].id;
      expect({ id, at: firstBitDifference(prepared.population.subarray(r * 6 * A1, (r + 1) * 6 * A1), general(scenario, id)) }).toEqual({ id, at: -1 });
    }
  }, 60_000);
});
