/**
 * Small kernel results written by hand for the services tests: a few non-zero cells in the
 * layout of model.md section 1 (region, status, sex, age), and a scenario around them.
 */

import { FLOW_NAMES, type FlowName, type KernelResult } from '../../../src/kernel/types.js';
import { parseScenario, type Scenario } from '../../../src/schema/scenario.js';
import type { Services } from '../../../src/schema/services.js';

export const STATUS = { rural: 0, migrant: 1, hukou: 2 } as const;
export const SEX = { female: 0, male: 1 } as const;

/** One non-zero cell: status, sex, age, persons. */
export type Cell = [keyof typeof STATUS, keyof typeof SEX, number, number];

/** Index of a cell in a population of `maxAge`. */
export function cellIndex(maxAge: number, region: number, status: keyof typeof STATUS, sex: keyof typeof SEX, age: number): number {
  return ((region * 3 + STATUS[status]) * 2 + SEX[sex]) * (maxAge + 1) + age;
}

/**
 * A kernel result whose population in year index `y` has, in region `r`, the cells
 * `cells[r]` times `factors[r][y]`. Kernel years are year-starts: year-end `baseYear + y` is
 * kernel year `baseYear + y + 1`.
 */
export function tinyResult(options: { regions: string[]; maxAge: number; baseYear: number; cells: Cell[][]; factors: number[][] }): KernelResult {
  const { regions, maxAge, cells, factors } = options;
  const n = factors[0].length;
  const size = regions.length * 6 * (maxAge + 1);
  const population: Float64Array[] = [];
  for (let y = 0; y < n; y++) {
    const P = new Float64Array(size);
    regions.forEach((_, r) => {
      for (const [status, sex, age, persons] of cells[r]) P[cellIndex(maxAge, r, status, sex, age)] += persons * factors[r][y];
    });
    population.push(P);
  }
  const flows = Object.fromEntries(FLOW_NAMES.map((name) => [name, new Float64Array((n - 1) * regions.length)])) as Record<FlowName, Float64Array>;
  return { regions, maxAge, years: Array.from({ length: n }, (_, y) => options.baseYear + 1 + y), population, flows };
}

/** A parsed scenario for `regions` with `services`; its base population is never read by computeServices. */
export function scenarioWith(regions: string[], baseYear: number, endYear: number, services: Services | Record<string, unknown>, maxAge = 70): Scenario {
  return parseScenario({
    name: 'services test',
    baseYear,
    endYear,
    maxAge,
    regions: regions.map((id) => ({ id, nameEn: id, nameZh: id })),
    base: Object.fromEntries(regions.map((id) => [id, { population: { census2020: 'Zhejiang' }, residentUrbanisationRate: 0.7, hukouUrbanisationRate: 0.5 }])),
    migration: { ruralToUrbanRate: 0.01 },
    hukou: { conversionRate: 0.02 },
    services,
  });
}
