/**
 * Checks every preset ships: its base year reproduces the published figures it starts from
 * (year-end resident population, resident urbanisation rate, and the official hukou
 * urbanisation rate where one is published), each within half a unit of the last digit
 * published.
 */

import type { ChecksFileInput } from '../checks/checks.js';
import { deepFreeze } from '../deepFreeze.js';

const NATIONAL: ChecksFileInput = {
  name: 'China at the end of 2023, as published',
  checks: [
    { id: 'population-2023', indicator: 'population', years: 2023, approximately: { value: 1_409_670_000, tolerance: 5_000 }, source: 'NBS 2023 communique (China Youth Daily report): 140,967 (10k) residents at the end of 2023' },
    { id: 'resident-urbanisation-2023', indicator: 'residentUrbanisationRate', years: 2023, approximately: { value: 0.6616, tolerance: 0.00005 }, source: 'NBS 2023 communique (China Youth Daily report): 66.16 % urban' },
    { id: 'hukou-urbanisation-2023', indicator: 'registeredHukouUrbanisationRate', years: 2023, approximately: { value: 0.483, tolerance: 0.0005 }, source: 'Xinhua graphic quoting the Ministry of Public Security: hukou urbanisation 48.3 % at the end of 2023 (the official rate, over the registered population)' },
  ],
};

/** The county presets have many regions and no registered stocks: their hukou rate is the resident-based one, checked against the official figure. */
const NATIONAL_COUNTIES: ChecksFileInput = {
  name: 'China at the end of 2023, as published',
  description: 'The county presets carry no registered stocks (they need one region), so the official hukou rate is checked on the resident-based hukouUrbanisationRate, which the national preset shows to be the same nationally.',
  checks: NATIONAL.checks.map((c) => (c.indicator === 'registeredHukouUrbanisationRate' ? { ...c, indicator: 'hukouUrbanisationRate' } : c)),
};

const SHANGHAI_2023: ChecksFileInput = {
  name: 'Shanghai at the end of 2023, as published',
  description: 'The hukou urbanisation rates are derived in the preset from the published hukou residents (assumptions in its figure book), not published as rates, so they are not checked.',
  checks: [
    { id: 'population-2023', indicator: 'population', years: 2023, approximately: { value: 24_874_500, tolerance: 50 }, source: 'Shanghai year-end 2023 residents, 2,487.45 (10k) (an aggregator\'s copy of the official figure)' },
    { id: 'resident-urbanisation-2023', indicator: 'residentUrbanisationRate', years: 2023, approximately: { value: 0.893, tolerance: 0.0005 }, source: 'Shanghai 2022 sample survey: 89.3 % urban, the latest published rate, taken for 2023 as the preset does' },
  ],
};

const SHANGHAI_2020: ChecksFileInput = {
  name: 'Shanghai at the 2020 census, as published',
  description: 'The hukou urbanisation rates are derived in the preset from the published hukou residents (assumptions in its figure book), not published as rates, so they are not checked.',
  checks: [
    { id: 'population-2020', indicator: 'population', years: 2020, approximately: { value: 24_870_900, tolerance: 50 }, source: 'Shanghai seventh census press release: 2,487.09 (10k) residents' },
    { id: 'resident-urbanisation-2020', indicator: 'residentUrbanisationRate', years: 2020, approximately: { value: 0.893, tolerance: 0.0005 }, source: 'Shanghai seventh census press release: urban 22209380 persons, 89.3 %' },
  ],
};

const SHANDONG_2020: ChecksFileInput = {
  name: 'Shandong at the 2020 census, as published',
  description: 'The hukou urbanisation rates (official and resident-based) are census estimates in the preset (assumptions in its figure book), not published, so they are not checked.',
  checks: [
    { id: 'population-2020', indicator: 'population', years: 2020, approximately: { value: 101_527_500, tolerance: 50 }, source: 'Shandong seventh census: 10,152.75 (10k) residents (urban 6401.4, rural 3751.3 (10k))' },
    { id: 'resident-urbanisation-2020', indicator: 'residentUrbanisationRate', years: 2020, approximately: { value: 0.6305, tolerance: 0.00005 }, source: 'Shandong seventh census: 63.05 % urban (urban 6401.4 (10k))' },
  ],
};

const ZHEJIANG_2022: ChecksFileInput = {
  name: 'Zhejiang at the end of 2022, as published',
  description: 'The hukou urbanisation rates (official and resident-based) are census estimates in the preset (assumptions in its figure book), not published, so they are not checked.',
  checks: [
    { id: 'population-2022', indicator: 'population', years: 2022, approximately: { value: 65_770_000, tolerance: 5_000 }, source: 'Zhejiang 2022 population communique: 6,577 (10k) residents at the end of 2022' },
    { id: 'resident-urbanisation-2022', indicator: 'residentUrbanisationRate', years: 2022, approximately: { value: 0.734, tolerance: 0.0005 }, source: 'Zhejiang 2022 population communique: 73.4 % urban (4,826 of 6,577 (10k))' },
  ],
};

/**
 * The checks each preset ships, by preset id: its base year reproduces the published
 * population and urbanisation rates it starts from. Run them with `runChecks(projection,
 * PRESET_CHECKS[id])` or `chengzhen check PRESET-ID`. Deep-frozen.
 *
 * @example
 * PRESET_CHECKS['national-2024-2028'].checks.map((c) => c.indicator)
 * // => ['population', 'residentUrbanisationRate', 'registeredHukouUrbanisationRate']
 */
export const PRESET_CHECKS: Readonly<Record<string, ChecksFileInput>> = deepFreeze({
  'national-2024-2028': NATIONAL,
  'national-2024-2028-trend': NATIONAL,
  'shanghai-2024-2028': SHANGHAI_2023,
  'shanghai-2024-2028-trend': SHANGHAI_2023,
  'shanghai-2021-2025': SHANGHAI_2020,
  'shanghai-2021-2025-trend': SHANGHAI_2020,
  'shandong-2021-2023': SHANDONG_2020,
  'shandong-2021-2023-trend': SHANDONG_2020,
  'zhejiang-2023': ZHEJIANG_2022,
  'zhejiang-2023-trend': ZHEJIANG_2022,
  'china-counties-2024-2028': NATIONAL_COUNTIES,
  'china-counties-2024-2028-trend': NATIONAL_COUNTIES,
});
