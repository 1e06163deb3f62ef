/**
 * China by county: the 2020 and 2010 censuses as regions (leaf units reconciled to the province
 * rows, city size tiers, the base by status, sex and single age, and the 2010 counterparts).
 */
export { countyLeaves2020, provinceDirectPrefectureCode } from './countyLeaves.js';
export type { CountyLeaf, CountyLeafKind, CountyLeaves, CountyPrefecture, CountyProvince, DroppedCountyRow } from './countyLeaves.js';
export { reconcileCountyCensus2020, RECONCILED_COUNTY_COLUMNS } from './reconcileCountyCensus.js';
export type { ReconciledCountyCensus, ReconciledCountyColumn, CountyReconciliationStep } from './reconcileCountyCensus.js';
export { CITY_SIZE_TIERS, cityTierOf, prefectureTiers2020, leafTiers2020, tieredCities2020 } from './cityTiers.js';
export type { CityTier, CityTierDefinition, PrefectureTier, TieredCity } from './cityTiers.js';
export { HUKOU_URBANISATION_2020, migrantsForFactor, solveCountyStatusTotals } from './countyStatusTotals.js';
export type { CountyStatusInputs, CountyStatusTotals } from './countyStatusTotals.js';
export { COUNTY_BASE_MAX_AGE, countyBase2020, provinceSingleAges2020, ungroupCountyAges } from './countyBase2020.js';
export type { CountyBase2020, CountyBase2020Options } from './countyBase2020.js';
export { countyLeaves2010 } from './countyLeaves2010.js';
export type { CountyLeaf2010, CountyLeaves2010 } from './countyLeaves2010.js';
export { matchCensus2010 } from './matchCensus2010.js';
export type { CensusMatch, MatchedUnit } from './matchCensus2010.js';
export { counterpart2010 } from './counterpart2010.js';
export type { Counterpart2010 } from './counterpart2010.js';
export { matchedUnitPopulations, residualNetMigrationOf } from './residualNetMigration.js';
export type { BySexAge, MatchedUnitPopulations, ResidualNetMigration, TenYearSurvival } from './residualNetMigration.js';
export { carryCounties } from './carryCounties.js';
export type { CarryCountiesInput, CarriedCounties } from './carryCounties.js';
export { fitDestinationWeights } from './destinationWeights.js';
export type { FittedWeights, WeightLevel } from './destinationWeights.js';
export { COUNTY_POOL_LEVELS, countyPresetSeed, survivalChina2010To2020 } from './countyPresetSeed.js';
export type { CountyPresetFit, CountyPresetSeed, CountyPresetSeedInput } from './countyPresetSeed.js';
export { countyHindcast, summariseErrors } from './countyHindcast.js';
export type { CountyHindcast, CountyHindcastOptions, HindcastCalibration, HindcastErrorSummary, HindcastFertility, HindcastMigration, HindcastMovers, HindcastProvince, HindcastUnit } from './countyHindcast.js';
export { countyMaps, schoolPlaceExtremes, schoolPlaceTables } from './countyTables.js';
export type { CountyMap, CountyPlaceTable, SchoolPlaceRow } from './countyTables.js';
