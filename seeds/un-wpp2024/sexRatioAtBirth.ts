/**
 * Annual sex ratio at birth of China, UN WPP 2024.
 *
 * Source: United Nations, Department of Economic and Social Affairs, Population Division (2024). World Population Prospects 2024.
 * Repository: GitHub PPgp/wpp2024 (R data package "wpp2024" v1.1-3, author United Nations Population
 * Division, maintainer H. Sevcikova), commit 2da7768ae64fc74105d3f9e98f9a74d37b62f99a.
 * Path: data/sexRatio1dt.rda.
 * Licence: Creative Commons Attribution 3.0 IGO (CC BY 3.0 IGO), per the repository LICENSE file.
 * China is UN location code 156 (excluding Hong Kong SAR, Macao SAR and Taiwan Province).
 *
 * `values[y]` is males per female born in calendar year `firstYear + y` (medium variant from 2024).
 *
 * Generated from the China extract of the repository data (rows with country_code 156, reshaped
 * to long format in R); values are as published, not edited by hand.
 */

import type { DataSource } from '../types.js';
import type { AnnualSeriesSeed } from './types.js';

export const WPP2024_CHINA_SRB_SOURCE: DataSource = {
  citation: 'United Nations, Department of Economic and Social Affairs, Population Division (2024). World Population Prospects 2024',
  repository: 'PPgp/wpp2024',
  path: 'data/sexRatio1dt.rda',
  commit: '2da7768ae64fc74105d3f9e98f9a74d37b62f99a',
  notes: '2024 onward medium variant.',
};

/** Sex ratio at birth of China by calendar year (UN WPP 2024), males per female. */
export const WPP2024_CHINA_SRB: AnnualSeriesSeed = {
  source: WPP2024_CHINA_SRB_SOURCE,
  unit: 'males per female',
  firstYear: 1950,
  lastEstimateYear: 2023,
  values: [1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.062, 1.062, 1.062, 1.062, 1.062, 1.063, 1.063, 1.063, 1.064, 1.064, 1.064, 1.064, 1.065, 1.066, 1.067, 1.068, 1.069, 1.07, 1.071, 1.073, 1.075, 1.078, 1.081, 1.086, 1.091, 1.097, 1.104, 1.111, 1.118, 1.125, 1.132, 1.139, 1.146, 1.152, 1.157, 1.162, 1.166, 1.169, 1.172, 1.174, 1.176, 1.177, 1.178, 1.178, 1.178, 1.177, 1.175, 1.174, 1.171, 1.168, 1.164, 1.16, 1.155, 1.15, 1.145, 1.133, 1.139, 1.139, 1.112, 1.104, 1.106, 1.108, 1.103, 1.098, 1.093, 1.088, 1.083, 1.079, 1.076, 1.073, 1.071, 1.07, 1.068, 1.067, 1.066, 1.065, 1.064, 1.064, 1.063, 1.063, 1.062, 1.062, 1.062, 1.062, 1.062, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.06, 1.06, 1.06, 1.06, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061, 1.061],
};
