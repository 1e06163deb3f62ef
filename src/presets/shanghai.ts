/**
 * Shanghai, 2024-2028: the city's implementation plan of the national five-year action plan
 * (沪府发〔2024〕12号), with 120,000 beds for city builders and managers over five years, and
 * the 2025 service targets of its 14th Five-Year Plan (3.6 doctors per 1000 residents, 178,000
 * elderly care beds). Base: the end of 2023. Horizon 2028.
 *
 * Shanghai's urbanisation rate has stood at 89.3 % since the 2020 census and the plan sets no
 * urbanisation target, so the plan preset and its trend twin share their population levers
 * (fitted to 2021-2022); the plan is about services for the people already there.
 */

import { PLAN_SHANGHAI_14FYP } from '../../seeds/plans/shanghai-14fyp.js';
import { PLAN_SHANGHAI_2024 } from '../../seeds/plans/shanghai-2024.js';
import type { FigureBook } from './figureBook.js';
import { observations, observedFigure } from './observed.js';
import { provincePresets, RETURN_RATE } from './province.js';
import { doctorsAtNationalRatio, matchDemand } from './sharedFigures.js';
import type { PresetCalibration } from './types.js';

const DOCUMENT = '沪府发〔2024〕12号';
const FYP = PLAN_SHANGHAI_14FYP.document;
const URBAN = observedFigure('Shanghai', 2022, 'residentUrbanisationRate');

/** Residents with Shanghai hukou as a share of residents (communiques, 10k persons). */
const HUKOU_SHARE = {
  2020: 1439.12 / 2487.09,
  2021: 1457.44 / 2489.43,
  2022: 1469.63 / 2475.89,
  2024: 1496.77 / 2480.26,
};
const HUKOU_SHARE_2023 = (HUKOU_SHARE[2022] + HUKOU_SHARE[2024]) / 2;
const HUKOU_NOTE =
  'Hukou urbanisation = (residents with Shanghai hukou / residents) x the resident urbanisation rate, taking hukou and other residents to be equally urban. Hukou residents from the communiques: 1439.12 of 2487.09 (2020, registered), 1457.44 of 2489.43 (2021), 1469.63 of 2475.89 (2022), 1496.77 of 2480.26 (2024), in 10k persons.';

/**
 * The fit behind the population levers: 2020 census base, observations 2021-2022.
 *
 * @example
 * SHANGHAI_CALIBRATION.levers.map((l) => l.path)
 * // => ['migration.ruralToUrbanRate', 'hukou.conversionRate', 'migration.externalNetMigrants']
 */
export const SHANGHAI_CALIBRATION: PresetCalibration = {
  description:
    'Rural-to-urban migration level, hukou conversion level and net migrants from other provinces, fitted by least squares to Shanghai\'s resident and hukou urbanisation and populations of 2021-2022, projecting from the 2020 census with Shanghai\'s census fertility and mortality levels (docs/demography.md).',
  scenario: {
    name: 'Shanghai from the 2020 census (calibration)',
    baseYear: 2020,
    endYear: 2022,
    regions: [{ id: 'shanghai', nameEn: 'Shanghai', nameZh: '上海', tier: 'megacity' }],
    base: {
      shanghai: {
        population: { census2020: 'Shanghai' },
        residentUrbanisationRate: URBAN.value,
        hukouUrbanisationRate: HUKOU_SHARE[2020] * URBAN.value,
      },
    },
    migration: { ruralToUrbanRate: 0.01, returnRate: RETURN_RATE.value, externalNetMigrants: 0 },
    hukou: { conversionRate: 0.03 },
  },
  levers: [{ path: 'migration.ruralToUrbanRate' }, { path: 'hukou.conversionRate' }, { path: 'migration.externalNetMigrants' }],
  observations: [
    ...observations('Shanghai', 2021, 2022, ['residentUrbanisationRate', 'residentPopulation']),
    { indicator: 'hukouUrbanisationRate', year: 2021, value: HUKOU_SHARE[2021] * URBAN.value },
    { indicator: 'hukouUrbanisationRate', year: 2022, value: HUKOU_SHARE[2022] * URBAN.value },
  ],
  fitted: [0.011921946493063003, 0.021653967791749853, 11408.977060362697],
};

const fitted = (what: string) => `Fitted: ${SHANGHAI_CALIBRATION.description} The ${what} is held at its fitted value from 2024 on.`;
const [migrationLevel, conversionLevel, external] = SHANGHAI_CALIBRATION.fitted;
const BUILDER_BEDS = 120_000;

/**
 * Shanghai, 2024-2028: the plan preset (120,000 builder beds over five years and the 2025
 * service targets) and its trend twin (2021-2022 trends continued), sharing their population
 * levers.
 *
 * @example
 * [SHANGHAI_2024_2028.title, SHANGHAI_2024_2028_TREND.twin]
 * // => ['Shanghai: the 2024 implementation plan and 2025 service targets', 'shanghai-2024-2028']
 */
export const [SHANGHAI_2024_2028, SHANGHAI_2024_2028_TREND] = provincePresets({
  id: 'shanghai-2024-2028',
  area: 'Shanghai',
  regionId: 'shanghai',
  nameEn: 'Shanghai',
  nameZh: '上海',
  tier: 'megacity',
  baseYear: 2023,
  endYear: 2028,
  documents: [PLAN_SHANGHAI_2024, PLAN_SHANGHAI_14FYP],
  titles: {
    plan: 'Shanghai: the 2024 implementation plan and 2025 service targets',
    trend: 'Shanghai: 2021-2022 trends continued',
    planZh: '上海：以人为本的新型城镇化实施方案',
    trendZh: '上海：延续2021—2022年趋势',
  },
  descriptions: {
    plan: 'Shanghai from the end of 2023 with 24,000 builder beds a year (120,000 over 2024-2028), the 14th Five-Year Plan\'s 3.6 doctors per 1000 residents and 178,000 elderly care beds by 2025: do they keep up with the people they serve?',
    trend: 'Shanghai from the end of 2023 with the population levers of 2021-2022 and the same services; identical to the plan preset, since the plan sets no urbanisation target.',
  },
  base: {
    residentPopulation: observedFigure('Shanghai', 2023, 'residentPopulation'),
    residentUrbanisationRate: { ...URBAN, assumption: undefined, source: { ...(URBAN.source as object), notes: 'The 2022 rate (89.3 %, unchanged since the 2020 census); the 2023 rate is not in the data.' } } as typeof URBAN,
    hukouUrbanisationRate: {
      value: HUKOU_SHARE_2023 * URBAN.value,
      unit: 'share (0-1)',
      assumption: `${HUKOU_NOTE} 2023 is the mean of 2022 and 2024.`,
    },
  },
  trend: {
    'migration.ruralToUrbanRate': { value: migrationLevel, unit: 'share of rural residents per year', assumption: fitted('migration level') },
    'hukou.conversionRate': { value: conversionLevel, unit: 'share of migrants per year', assumption: fitted('hukou conversion level') },
    'migration.externalNetMigrants': { value: external, unit: 'persons per year', assumption: fitted('net inflow from other provinces') },
  },
  planMigrationLevel: {
    value: migrationLevel,
    unit: 'share of rural residents per year',
    assumption: 'The plan sets no urbanisation target for Shanghai (89.3 % urban since 2020); the plan preset keeps the fitted level.',
  },
  services: (book: FigureBook) => ({
    rentalHousing: {
      unit: 'beds',
      shareOfWorkingAgeMigrantsInNeed: book.cite('services.rentalHousing.shareOfWorkingAgeMigrantsInNeed', {
        value: 0.05,
        unit: 'share (0-1)',
        assumption: 'One in twenty working-age residents without Shanghai hukou is a front-line builder or manager (cleaning, delivery, security, construction) needing a low-cost bed; no survey figure is in the data.',
      }),
      personsPerUnit: book.cite('services.rentalHousing.personsPerUnit', { value: 1, unit: 'persons per bed', assumption: 'One person per bed.' }),
      capacity: {
        initial: book.cite('services.rentalHousing.capacity.initial', matchDemand('beds', 2023)) as 'matchDemand',
        additionsPerYear: book.cite('services.rentalHousing.capacity.additionsPerYear', {
          value: BUILDER_BEDS / 5,
          unit: 'beds per year',
          source: { document: DOCUMENT, clause: '二(五)', note: '120,000 beds for city builders and managers over five years (2024-2028), a fifth each year' },
        }),
      },
    },
    healthCare: doctorsAtNationalRatio(
      book,
      { value: 3.6, unit: 'per 1000 residents', source: { document: FYP, clause: '14.2.5', note: '3.6 licensed (assistant) doctors per 1000 residents by 2025' } },
      2023,
      observedFigure('Shanghai', 2023, 'residentPopulation').value,
      'Shanghai',
    ),
    elderlyCare: {
      olderAgeFrom: book.cite('services.elderlyCare.olderAgeFrom', {
        value: 60,
        unit: 'years of age',
        assumption: 'Older residents are those aged 60 and over, the age of China\'s elderly-care statistics (老年人口); the plan\'s bed target is not tied to an age.',
      }) as 60,
      bedsTarget: book.cite('services.elderlyCare.bedsTarget', {
        value: { points: [[2023, 178_000], [2025, 178_000]], interpolation: 'step' },
        unit: 'beds',
        source: { document: FYP, clause: '14.3.3', note: '178,000 elderly care beds by 2025 (60 % of them nursing beds), taken as the standard in every year' },
      }),
      beds: {
        initial: book.cite('services.elderlyCare.beds.initial', {
          value: 170_000,
          unit: 'beds',
          assumption: 'Beds at the end of 2023 are not in the data: 170,000, a little below the 2025 target, so that the target needs additions.',
        }),
        additionsPerYear: book.cite('services.elderlyCare.beds.additionsPerYear', {
          value: 4_000,
          unit: 'beds per year',
          assumption: 'The pace that reaches the 2025 target from the assumed 2023 stock: (178,000 - 170,000) / 2.',
        }),
      },
    },
  }),
  calibration: SHANGHAI_CALIBRATION,
  notes: [
    'A one-city scenario: people from other provinces enter as external net migrants, residents without Shanghai hukou.',
    'Shanghai\'s hukou urbanisation rate is derived from hukou residents and the urbanisation rate (see base.shanghai.hukouUrbanisationRate).',
    'The plan sets no urbanisation target; the two presets have the same population levers.',
  ],
  sources: [
    { document: DOCUMENT, clause: '二(五)', note: '120,000 beds for city builders and managers in five years' },
    { document: FYP, clause: '14.2.5, 14.3.3', note: 'doctors per 1000 residents, elderly care beds' },
    { document: 'Shanghai statistical communiques 2020-2024', note: 'population, urbanisation, hukou residents' },
  ],
});
