/**
 * Life expectancy at birth of China by sex and 5-year period, UN WPP 2024.
 *
 * Source: United Nations, Department of Economic and Social Affairs, Population Division (2024). World Population Prospects 2024.
 * Repository: GitHub PPgp/wpp2024 (R data package "wpp2024" v1.1-3, author United Nations Population
 * Division, maintainer H. Sevcikova), commit 2da7768ae64fc74105d3f9e98f9a74d37b62f99a.
 * Path: data/e05dt.rda (estimates) and data/e0proj5dt.rda (medium variant).
 * Licence: Creative Commons Attribution 3.0 IGO (CC BY 3.0 IGO), per the repository LICENSE file.
 * China is UN location code 156 (excluding Hong Kong SAR, Macao SAR and Taiwan Province).
 *
 * Layout: `male[p]`, `female[p]`, `both[p]` in years for the period `periodStarts[p]` .. `+ 5`.
 *
 * Generated from the China extract of the repository data (rows with country_code 156, reshaped
 * to long format in R); values are as published, not edited by hand.
 */

import type { DataSource } from '../types.js';
import type { PeriodSeriesSeed } from './types.js';

export const WPP2024_CHINA_E0_5X5_SOURCE: DataSource = {
  citation: 'United Nations, Department of Economic and Social Affairs, Population Division (2024). World Population Prospects 2024',
  repository: 'PPgp/wpp2024',
  path: 'data/e05dt.rda; data/e0proj5dt.rda',
  commit: '2da7768ae64fc74105d3f9e98f9a74d37b62f99a',
  notes: 'China (code 156); 2020-2025 onward medium variant.',
};

/** Life expectancy at birth of China by 5-year period (UN WPP 2024), in years. */
export const WPP2024_CHINA_E0_5X5: PeriodSeriesSeed<'male' | 'female' | 'both'> = {
  source: WPP2024_CHINA_E0_5X5_SOURCE,
  unit: 'years',
  periodStarts: [1950, 1955, 1960, 1965, 1970, 1975, 1980, 1985, 1990, 1995, 2000, 2005, 2010, 2015, 2020, 2025, 2030, 2035, 2040, 2045, 2050, 2055, 2060, 2065, 2070, 2075, 2080, 2085, 2090, 2095],
  lastEstimatePeriodStart: 2015,
  values: {
    male: [43.9838, 43.0169, 45.1808, 52.8507, 57.0331, 60.4758, 63.2026, 65.0517, 66.8776, 68.9066, 70.7461, 72.3545, 73.7455, 74.8307, 75.3674, 76.6732, 77.8749, 79.0082, 80.0737, 81.0743, 81.9802, 82.8491, 83.6706, 84.4198, 85.1202, 85.7645, 86.3657, 86.9718, 87.5468, 88.1028],
    female: [47.4578, 46.6293, 49.017, 56.8896, 60.9412, 64.7901, 67.7801, 69.8625, 71.7356, 74.0185, 75.8301, 77.5204, 79.0807, 80.4044, 81.0101, 81.979, 82.7873, 83.5318, 84.2335, 84.9191, 85.5812, 86.2469, 86.8978, 87.5199, 88.1398, 88.7389, 89.3263, 89.9224, 90.4992, 91.0746],
    both: [45.609, 44.7054, 46.9929, 54.8077, 58.9574, 62.5968, 65.4475, 67.3989, 69.2408, 71.381, 73.1984, 74.8411, 76.313, 77.5166, 78.095, 79.2771, 80.3057, 81.2566, 82.1427, 82.9817, 83.757, 84.515, 85.242, 85.9185, 86.5702, 87.1841, 87.7719, 88.3697, 88.945, 89.5128],
  },
};
