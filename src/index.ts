/**
 * chengzhen (城镇): urbanisation scenarios year by year.
 *
 * The public API, by group.
 */

// errors
export { ChengzhenError, formatIssues, formatPath } from './errors.js';
export type { ChengzhenIssue, ChengzhenIssueCode, IssueCoords } from './errors.js';
export { LIMITS } from './limits.js';

// kernel (model.md sections 1-4)
export * from './kernel/index.js';

// kernel problem format (model.md section 6)
export { parseKernelProblem, safeParseKernelProblem, KernelProblemDocumentSchema, KERNEL_PROBLEM_FORMAT } from './schema/kernelProblem.js';
export type { KernelProblemDocument, SafeParseKernelProblem } from './schema/kernelProblem.js';
export { kernelProblemToJSON, kernelResultToJSON, KERNEL_RESULT_FORMAT } from './io/kernelJson.js';
export type { KernelProblemJSON, KernelResultJSON, SparseMatrixJSON } from './io/kernelJson.js';

// scenarios (the scenario language, compiled to the kernel problem)
export { ScenarioSchema, RegionSchema, CITY_TIERS } from './schema/scenario.js';
export { defineScenario, parseScenario, safeParseScenario } from './model/parse.js';
export type { Scenario, ScenarioInput, SafeParseScenario, Region, RegionSchedule, PopulationSpec, AgeProfile } from './schema/scenario.js';
export { ServicesSchema, CapacityStockSchema } from './schema/services.js';
export type { Services, CapacityStock } from './schema/services.js';
export { ScheduleSchema, scheduleFunction, scheduleValues, scaleSchedule } from './schema/schedule.js';
export type { Schedule, ScheduleFn } from './schema/schedule.js';
export { parseFormula, FORMULA_FUNCTIONS, FORMULA_CONSTANTS, MAX_FORMULA_LENGTH, MAX_FORMULA_DEPTH } from './schema/formula.js';
export type { Formula } from './schema/formula.js';
export { resolveScenario, presetResolution } from './scenario/extends.js';
export type { ResolvedScenario, FigureOrigin, ScenarioLoader, LoadedScenarioDocument } from './scenario/extends.js';
export { mergePatch } from './scenario/mergePatch.js';
export { compileScenario } from './model/compile.js';
export { project, projectIndicators, ProjectedIndicators } from './model/project.js';
export { Projection, ALL_REGIONS } from './model/projection.js';
export type { IndicatorSeries, TidyRow } from './model/projection.js';
export { AggregatedProjection, groupRegions } from './model/aggregate.js';
export type { AggregateBy } from './model/aggregate.js';
export { INDICATORS, POPULATION_INDICATORS, indicatorInfo, isIndicatorKey, asIndicatorKey, type IndicatorKey } from './model/indicatorTable.js';
export type { IndicatorInfo, IndicatorKind } from './model/indicatorTable.js';
export { SERVICES, SERVICE_FIGURES, SERVICE_INDICATORS, serviceIndicatorsOf } from './model/services/serviceIndicators.js';
export { SERVICE_REGISTRY, servicesOf, serviceLeversOf } from './schema/serviceRegistry.js';
export type { ServiceSectionEntry, ServiceStockEntry, ServiceLeverEntry, ServiceSection, FieldRule, LeverInfo } from './schema/serviceRegistry.js';
export type { ServiceKey, ServiceFigure } from './model/services/serviceIndicators.js';
export { computeServices } from './model/services/computeServices.js';
export { inclusiveShareRange } from './model/services/inclusiveShare.js';
export type { InclusiveShareRange } from './model/services/inclusiveShare.js';
export { ConstraintsSchema, HousingConstraintSchema, SettlementQuotaSchema, SchoolAccessSchema } from './schema/constraints.js';
export type { Constraints, ConstraintsInput } from './schema/constraints.js';
export { runConstrained, runConstrainedKernel, CONSTRAINT_INDICATORS } from './model/constraints/index.js';
export type { ConstrainedRun } from './model/constraints/index.js';
export { splitByStatus, defaultStatusSeeds } from './model/statusSplit.js';
export type { PopulationByStatus, StatusSeeds } from './model/statusSplit.js';
export { populationByAge, basePopulation } from './model/basePopulation.js';
// the registered (户籍) population and the official hukou urbanisation rate
export { RegisteredStocksSchema } from './schema/registered.js';
export type { RegisteredStocks } from './schema/registered.js';
export { carryRegisteredStocks } from './model/registeredStocks.js';
export type { RegisteredCarryInput, RegisteredSeries, RegisteredStart } from './model/registeredStocks.js';
export { REGISTERED_INDICATORS, isRegisteredIndicator, registeredIndicators, type RegisteredIndicatorKey } from './model/registeredIndicators.js';
export { censusRegisteredBase2020, OTHER_PROVINCE_NON_AGRICULTURAL_SHARE_2010 } from './model/registeredBase.js';
export type { RegisteredBase2020 } from './model/registeredBase.js';

// output
export { toCsv } from './io/csv.js';
export { projectionToJSON, PROJECTION_FORMAT } from './io/projectionJson.js';
export type { ProjectionJSON } from './io/projectionJson.js';

// solvers: what it would take, calibration, uncertainty
export { solveLever, targetValue } from './solve/solveLever.js';
export type { Target, SolveLeverOptions, SolveLeverResult } from './solve/solveLever.js';
export { solveTargets } from './solve/solveTargets.js';
export type { SolveTargetsOptions, SolveTargetsResult, TargetResidual } from './solve/solveTargets.js';
export { calibrate } from './solve/calibrate.js';
export type { CalibrateOptions, CalibrateResult, CalibrationQuality } from './solve/calibrate.js';
export { LEVERS, withLever, leverBounds, leverMode, leverSchedule, fixMatchedStocks } from './solve/levers.js';
export type { LeverPath, LeverSpec, LeverValue } from './solve/levers.js';
export { brentRoot } from './solve/brent.js';
export type { BrentOptions, BrentResult } from './solve/brent.js';
export { simulate, planSimulation, runSimulationDraws, summariseSimulation, MAX_DRAWS } from './solve/simulate.js';
export { sweep, planSweep, runSweepPoints, summariseSweep, latinHypercube, leverLabel, MAX_SWEEP_POINTS } from './solve/sweep.js';
export type { SweepOptions, SweepPlan, SweepChunk, SweepRow, SweepResult, SweptLever } from './solve/sweep.js';
export { MAX_SEED } from './solve/random.js';
export type { SimulateOptions, SimulationResult, QuantileBand, UncertainLever, SimulationChunk, SimulationPlan } from './solve/simulate.js';
export { DistributionSchema, drawFrom } from './solve/distributions.js';
export type { Distribution } from './solve/distributions.js';
export { solveScorecard } from './solve/solveScorecard.js';

// scenarios compared and checked
export { compareProjections } from './compare/compareProjections.js';
export type { ComparisonRow, CompareOptions } from './compare/compareProjections.js';
export { runChecks, parseChecks, CheckSchema, ChecksFileSchema } from './checks/checks.js';
export type { Check, CheckInput, ChecksFile, ChecksFileInput, CheckOutcome } from './checks/checks.js';
export { PRESET_CHECKS } from './presets/checks.js';

// plans: presets, scorecard, hindcast
export { scorecard, aboutTolerance, marginText } from './model/scorecard.js';
export type { ScorecardRow, WhatItWouldTake, Adequacy, ProjectedRange } from './model/scorecard.js';
export { PRESETS, getPreset, PLAN_DOCUMENTS, OBSERVED_URBANISATION, OBSERVED_SERVICES, CENSUS_2020_PROVINCES, CENSUS_2020_POPULATION_BY_AGE } from './presets/index.js';
export type { PlanDocument, PlanTarget, PlanSource, DataSource, CitedValue, ObservedUrbanisation, ObservedService } from './presets/index.js';
export type { Preset, PresetCalibration, FigureProvenance } from './presets/index.js';
export { hindcast, HINDCAST_AREAS, HINDCAST_MEASURES } from './presets/hindcast.js';
export type { HindcastResult, HindcastPoint, HindcastArea, HindcastMeasure } from './presets/hindcast.js';
export { tidyToArrowIPC, tidyToArrowTable, ARROW_COLUMNS } from './io/arrow.js';

// China by county: the 2020 and 2010 censuses as regions
export {
  countyLeaves2020, provinceDirectPrefectureCode, reconcileCountyCensus2020, RECONCILED_COUNTY_COLUMNS,
  CITY_SIZE_TIERS, cityTierOf, prefectureTiers2020, leafTiers2020, tieredCities2020,
  HUKOU_URBANISATION_2020, migrantsForFactor, solveCountyStatusTotals,
  COUNTY_BASE_MAX_AGE, countyBase2020, provinceSingleAges2020, ungroupCountyAges,
  countyLeaves2010, matchCensus2010, counterpart2010, matchedUnitPopulations, residualNetMigrationOf,
  carryCounties, fitDestinationWeights, COUNTY_POOL_LEVELS, countyPresetSeed, survivalChina2010To2020,
  countyHindcast, summariseErrors, countyMaps, schoolPlaceExtremes, schoolPlaceTables,
} from './model/counties/index.js';
export type {
  CountyLeaf, CountyLeafKind, CountyLeaves, CountyPrefecture, CountyProvince, DroppedCountyRow,
  ReconciledCountyCensus, ReconciledCountyColumn, CountyReconciliationStep,
  CityTier, CityTierDefinition, PrefectureTier, TieredCity, CountyStatusInputs, CountyStatusTotals,
  CountyBase2020, CountyBase2020Options, CountyLeaf2010, CountyLeaves2010, CensusMatch, MatchedUnit, Counterpart2010,
  BySexAge, MatchedUnitPopulations, ResidualNetMigration, TenYearSurvival,
  CarryCountiesInput, CarriedCounties, FittedWeights, WeightLevel, CountyPresetFit, CountyPresetSeed, CountyPresetSeedInput,
  CountyHindcast, CountyHindcastOptions, HindcastCalibration, HindcastErrorSummary, HindcastFertility, HindcastMigration, HindcastMovers, HindcastProvince, HindcastUnit, CountyMap, CountyPlaceTable, SchoolPlaceRow,
} from './model/counties/index.js';
