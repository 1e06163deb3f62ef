/**
 * UN World Population Prospects 2024 data for China (location code 156), as typed tables with
 * their provenance. Source: United Nations, Department of Economic and Social Affairs,
 * Population Division (2024), World Population Prospects 2024, through the R data package
 * `wpp2024` (GitHub PPgp/wpp2024); licence CC BY 3.0 IGO. Each file names its dataset and commit.
 */

export { WPP2024_CHINA_MX, WPP2024_CHINA_MX_SOURCE } from './mortality.js';
export { WPP2024_CHINA_E0_5X5, WPP2024_CHINA_E0_5X5_SOURCE } from './lifeExpectancy.js';
export { WPP2024_CHINA_FERTILITY, WPP2024_CHINA_FERTILITY_SOURCE } from './fertility.js';
export { WPP2024_CHINA_SRB, WPP2024_CHINA_SRB_SOURCE } from './sexRatioAtBirth.js';
export { WPP2024_CHINA_POP_AGE5, WPP2024_CHINA_POP_AGE5_SOURCE } from './populationByAge5.js';
export { WPP2024_CHINA_TOTAL_POP, WPP2024_CHINA_TOTAL_POP_SOURCE } from './totalPopulation.js';
export { WPP2024_CHINA_VITAL, WPP2024_CHINA_VITAL_SOURCE } from './vitalIndicators.js';
export { WPP2024_CHINA_NET_MIGRATION_AGE, WPP2024_CHINA_NET_MIGRATION_AGE_SOURCE } from './netMigrationByAge.js';
export type {
  AbridgedDeathRatesSeed,
  PeriodSeriesSeed,
  AnnualSeriesSeed,
  AnnualFertilitySeed,
  PopulationByAge5Seed,
  TotalPopulationSeed,
  VitalIndicatorsSeed,
  NetMigrationByAgeSeed,
} from './types.js';
