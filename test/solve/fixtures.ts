/**
 * Small scenarios for the solver tests: China as one region from the 2020 census (resident
 * urbanisation 63.89 %, hukou urbanisation 45.4 %, census communique no. 7) with UN WPP 2024
 * mortality, fertility and net international migration, and two towns for per-region levers.
 * Rates are illustrative.
 */

import type { ScenarioInput } from '../../src/schema/scenario.js';

/** China, one region, from the end of 2020 to the end of `endYear`. */
export function chinaFrom2020(endYear: number, levels: { ruralToUrbanRate?: number; conversionRate?: number } = {}) {
  return {
    name: `China 2020-${endYear}`,
    baseYear: 2020,
    endYear,
    regions: [{ id: 'china', nameEn: 'China', nameZh: '中国', tier: 'country' }],
    base: { china: { population: { census2020: 'China' }, residentUrbanisationRate: 0.6389, hukouUrbanisationRate: 0.454 } },
    demography: {
      mortality: { source: 'un-wpp2024' },
      fertility: { tfr: 'un-wpp2024' },
      netInternationalMigration: 'un-wpp2024',
    },
    migration: { ruralToUrbanRate: levels.ruralToUrbanRate ?? 0.02, returnRate: 0.005 },
    hukou: { conversionRate: levels.conversionRate ?? 0.04 },
  } satisfies ScenarioInput;
}

/** Two towns of a million people each, 2020-2027, with levers of every form. */
export function twoTowns() {
  return {
    name: 'Two towns',
    baseYear: 2020,
    endYear: 2027,
    regions: [
      { id: 'inland', nameEn: 'Inland', nameZh: '内陆' },
      { id: 'coast', nameEn: 'Coast', nameZh: '沿海' },
    ],
    base: {
      inland: { population: { census2020: 'Henan', scaleToTotal: 1e6 }, residentUrbanisationRate: 0.55, hukouUrbanisationRate: 0.35 },
      coast: { population: { census2020: 'Guangdong', scaleToTotal: 1e6 }, residentUrbanisationRate: 0.74, hukouUrbanisationRate: 0.5 },
    },
    demography: { mortality: { source: 'un-wpp2024', mxScale: { byRegion: { inland: 1.05 }, default: 0.9 } } },
    migration: {
      // a schedule for one town, a plain number for the other
      ruralToUrbanRate: { byRegion: { inland: { linear: { from: [2021, 0.03], to: [2030, 0.02] } }, coast: 0.025 } },
      returnRate: 0.01,
      destinations: { inland: { inland: 0.8, coast: 0.2 } },
    },
    hukou: { conversionRate: { linear: { from: [2025, 0.01], to: [2030, 0.05] }, scale: 2 } },
  } satisfies ScenarioInput;
}
