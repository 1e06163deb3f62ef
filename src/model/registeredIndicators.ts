/**
 * The indicators of the registered (户籍) population, for a scenario whose region carries
 * registered stocks (`base.<id>.registered`): the official hukou urbanisation rate
 * (户籍人口城镇化率, urban-hukou persons over the registered population) and the stocks behind
 * it. `hukouUrbanisationRate` stays the resident-based rate (urban residents with local hukou
 * over residents). A projection without registered stocks has none of these: asked for one,
 * it says what is missing rather than give the resident-based rate under the official name.
 */

import { deepFreeze } from '../deepFreeze.js';
import type { KernelIndicators } from '../kernel/indicators.js';
import type { Scenario } from '../schema/scenario.js';
import { regionScheduleValues } from '../schema/regionValues.js';
import type { IndicatorInfo } from './indicatorTable.js';
import { carryRegisteredStocks } from './registeredStocks.js';

/**
 * The registered-population indicators, stocks at year-ends (listed when the scenario's
 * region has `base.<id>.registered`).
 *
 * @example
 * REGISTERED_INDICATORS.map((i) => i.key)
 * // => ['registeredHukouUrbanisationRate', 'registeredPopulation', 'residentsRegisteredElsewhere', 'registrantsOutside']
 */
export const REGISTERED_INDICATORS = deepFreeze([
  {
    key: 'registeredHukouUrbanisationRate',
    unit: 'share (0-1)',
    labelEn: 'Official hukou urbanisation rate (registered population)',
    labelZh: '户籍人口城镇化率（户籍人口口径）',
    description:
      '(hukou + urban-hukou registrants living outside) / registeredPopulation: the official definition, urban-hukou persons over the persons registered in the area wherever they live. Given where the scenario carries registered stocks (base.<id>.registered).',
    kind: 'stock',
    limits: [0, 1],
  },
  {
    key: 'registeredPopulation',
    unit: 'persons',
    labelEn: 'Registered population',
    labelZh: '户籍人口',
    description: 'population - residentsRegisteredElsewhere + registrantsOutside: persons whose hukou is registered in the area, wherever they live.',
    kind: 'stock',
    limits: [0, Infinity],
  },
  {
    key: 'residentsRegisteredElsewhere',
    unit: 'persons',
    labelEn: 'Residents registered outside the area',
    labelZh: '外地户籍常住人口',
    description: 'Residents whose hukou is registered outside the area (rural residents and urban residents without local hukou), carried from the base stock with arrivals, leavers, births, deaths and hukou conversions.',
    kind: 'stock',
    limits: [0, Infinity],
  },
  {
    key: 'registrantsOutside',
    unit: 'persons',
    labelEn: 'Registrants living outside the area',
    labelZh: '户籍外出人口',
    description: 'Persons registered in the area who live outside it: the base stock, the local registrants among leavers, and natural increase at the area\'s rate.',
    kind: 'stock',
    limits: [0, Infinity],
  },
] as const satisfies readonly IndicatorInfo[]);

/** The key of a registered-population indicator, one of {@link REGISTERED_INDICATORS}. */
export type RegisteredIndicatorKey = (typeof REGISTERED_INDICATORS)[number]['key'];

const KEYS = new Set<string>(REGISTERED_INDICATORS.map((i) => i.key));

/**
 * True when `key` names a registered-population indicator.
 *
 * @example
 * isRegisteredIndicator('registeredPopulation')
 * // => true
 */
export function isRegisteredIndicator(key: string): key is RegisteredIndicatorKey {
  return KEYS.has(key);
}

/** The scenario's flows with outside the region, by status and step: arrivals and leavers. */
function externalFlows(scenario: Scenario, region: string, from: number, to: number) {
  const m = scenario.migration;
  const values = (key: 'externalNetMigrants' | 'externalInMigrants' | 'externalOutMigrants') => regionScheduleValues(m[key], region, ['migration', key], from, to);
  const net = values('externalNetMigrants');
  const gross = { in: values('externalInMigrants'), out: values('externalOutMigrants') };
  const steps = net.length;
  const arrivals = { rural: new Float64Array(steps), migrant: new Float64Array(steps) };
  const leavers = { rural: new Float64Array(steps), migrant: new Float64Array(steps), hukou: new Float64Array(steps) };
  for (let t = 0; t < steps; t++) {
    for (const status of ['rural', 'migrant', 'hukou'] as const) {
      const n = net[t] * m.externalStatusShares[status];
      const arriving = gross.in[t] * m.externalInStatusShares[status] + Math.max(0, n);
      leavers[status][t] = gross.out[t] * m.externalOutStatusShares[status] + Math.max(0, -n);
      if (status !== 'hukou') arrivals[status][t] = arriving;
    }
  }
  return { arrivals, leavers };
}

/**
 * The registered-population indicators of a projection, in the layout of the kernel's stocks
 * (`yearIndex*(R+1) + region`, the last column all regions), or null when no region carries
 * registered stocks. Registered stocks need a one-region scenario (parsing says so), so the
 * region's column and the column of all regions are the same.
 *
 * @example
 * const preset = getPreset('shandong-2021-2023');
 * const registered = registeredIndicators(parseScenario(preset.scenario), project(preset.scenario).kernel)!;
 * Math.round(registered.get('registeredPopulation')![0] / 1000)   // end of 2020, thousands
 * // => 100019
 */
export function registeredIndicators(scenario: Scenario, kernel: KernelIndicators): Map<RegisteredIndicatorKey, Float64Array> | null {
  if (kernel.regions.length !== 1) return null;
  const region = kernel.regions[0];
  const start = Object.hasOwn(scenario.base, region) ? scenario.base[region].registered : undefined;
  if (!start) return null;
  const column = (values: Float64Array) => values.filter((_, i) => i % 2 === 0);
  const { stocks, flows } = kernel;
  const years = kernel.years.length;
  const { arrivals, leavers } = externalFlows(scenario, region, scenario.baseYear + 1, scenario.baseYear + years - 1);
  const series = carryRegisteredStocks(start, {
    rural: column(stocks.rural),
    migrant: column(stocks.migrant),
    hukou: column(stocks.hukou),
    births: column(flows.births),
    deaths: column(flows.deaths),
    ruralToUrban: column(flows.ruralToUrban),
    returns: column(flows.returns),
    arrivals,
    leavers,
  }, region, scenario.baseYear);
  const out = new Map<RegisteredIndicatorKey, Float64Array>();
  for (const key of KEYS as Set<RegisteredIndicatorKey>) {
    const values = series[key];
    const both = new Float64Array(2 * years);
    for (let y = 0; y < years; y++) both[2 * y] = both[2 * y + 1] = values[y];
    out.set(key, both);
  }
  return out;
}
