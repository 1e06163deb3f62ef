/**
 * Compiling a scenario whose regions each scale their death rates differently
 * (`demography.mortality.mxScale` by region): the cost that grows with distinct
 * (year, scale) pairs. Prints the time to compile and project R regions for a few sizes.
 *
 * Usage: npx tsx bench/regionMortality.ts [REGIONS ...]   (default 100 1000 10000)
 */

import { compileScenario } from '../src/model/compile.js';
import { project } from '../src/model/project.js';
import type { ScenarioInput } from '../src/schema/scenario.js';

function scenario(regions: number, endYear: number): ScenarioInput {
  const ids = Array.from({ length: regions }, (_, i) => `r${i}`);
  const population = { census2020: 'China', scaleToTotal: 1e5 };
  return {
    name: `${regions} regions, mortality by region`,
    baseYear: 2020,
    endYear,
    regions: ids.map((id) => ({ id, nameEn: id, nameZh: id })),
    base: Object.fromEntries(ids.map((id) => [id, { population, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 }])),
    demography: {
      mortality: { source: 'un-wpp2024', mxScale: { byRegion: Object.fromEntries(ids.map((id, i) => [id, 0.7 + (0.6 * i) / regions])) } },
    },
    migration: { ruralToUrbanRate: 0.02 },
    hukou: { conversionRate: 0.03 },
  };
}

const sizes = process.argv.slice(2).map(Number);
for (const regions of sizes.length > 0 ? sizes : [100, 1000, 10000]) {
  // as many years as LIMITS.maxProjectionCells allows, at most 10
  const years = Math.min(10, Math.floor(2 ** 26 / (regions * 6 * 101)) - 1);
  const s = scenario(regions, 2020 + years);
  const t0 = performance.now();
  compileScenario(s);
  const t1 = performance.now();
  project(s);
  const t2 = performance.now();
  console.log(`${regions} regions x ${years} years: compile ${((t1 - t0) / 1000).toFixed(1)} s, project ${((t2 - t1) / 1000).toFixed(1)} s`);
}
