/**
 * Demography helpers: pure functions that turn published grouped data (UN WPP 2024 and
 * censuses) into the single-year inputs of the projection kernel (demography.md), and the
 * national inputs built from the UN data in `seeds/un-wpp2024`.
 */

// splines and ungrouping
export { monotoneCubicSpline, splineValue } from './monotoneCubicSpline.js';
export type { MonotoneCubicSpline } from './monotoneCubicSpline.js';
export { splitAgeGroups } from './splitAgeGroups.js';
export type { SplitAgeGroupsOptions } from './splitAgeGroups.js';
export { splitAgeGroupsByCohort } from './splitAgeGroupsByCohort.js';

// mortality
export { infantSeparationFactor } from './infantSeparationFactor.js';
export type { LifeTableSex } from './infantSeparationFactor.js';
export { lifeTable, lifeTableFromSingleAges } from './lifeTable.js';
export type { LifeTable } from './lifeTable.js';
export { ungroupDeathRates, ABRIDGED_AGE_STARTS } from './ungroupDeathRates.js';
export { scaleToLifeExpectancy } from './scaleToLifeExpectancy.js';
export type { ScaledLifeTable } from './scaleToLifeExpectancy.js';

// fertility
export { singleYearAsfr, kernelFertility, FERTILITY_AGE_STARTS } from './fertility.js';
export type { SingleYearAsfrOptions } from './fertility.js';

// migration schedules and age profiles
export { rogersCastro, ROGERS_CASTRO_STANDARD, ROGERS_CASTRO_PARAMETERS } from './rogersCastro.js';
export type { RogersCastroParameters } from './rogersCastro.js';
export { fitRogersCastro } from './fitRogersCastro.js';
export type { FitRogersCastroOptions, RogersCastroFit } from './fitRogersCastro.js';
export {
  labourMigrationAgeProfile,
  conversionAgeProfile,
  returnAgeProfile,
  profileFromDefault,
  scaleAgeProfile,
  LABOUR_MIGRATION_PROFILE,
  HUKOU_CONVERSION_PROFILE,
  RETURN_MIGRATION_PROFILE,
} from './ageProfiles.js';
export type { DefaultAgeProfile, ProfileSex } from './ageProfiles.js';

// national inputs from UN WPP 2024
export { nationalYearInputs, deathRatesOfYear, netMigrationOfYear, NATIONAL_MAX_AGE, NATIONAL_YEARS } from './nationalYearInputs.js';
export type { NationalYearInputs, NationalYearInputsOptions, BySex } from './nationalYearInputs.js';
export { buildNationalKernelInputs, nationalKernelProblem, shiftMidYearToJanuary, FIRST_FROM_YEAR } from './nationalInputs.js';
export type { NationalKernelInputs, BuildNationalKernelInputsOptions } from './nationalInputs.js';
