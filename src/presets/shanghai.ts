/**
 * Shanghai, 2024-2028: the city's implementation plan of the national five-year action plan
 * (沪府发〔2024〕12号), with 120,000 beds for city builders and managers over five years, and
 * the 2025 service targets of its 14th Five-Year Plan (3.6 doctors per 1000 residents, 178,000
 * elderly care beds). Base: the end of 2023. Horizon 2028.
 *
 * Shanghai's urbanisation rate has stood at 89.3 % since the 2020 census and the plan sets no
 * urbanisation target, so the plan preset and its trend twin share their population levers
 * (fitted to 2021-2022); the plan is about services for the people already there. The plan
 * preset is its trend twin plus the plan's commitments (builder beds, elderly care beds and
 * nursing beds added); the twin adds none, so the scorecard shows what the commitments cover.
 */

import { PLAN_SHANGHAI_14FYP } from '../../seeds/plans/shanghai-14fyp.js';
import { PLAN_SHANGHAI_2024 } from '../../seeds/plans/shanghai-2024.js';
import type { CitedValue } from '../../seeds/types.js';
import { censusOtherProvinceFlows } from '../model/censusLevels.js';
import type { RegisteredStocks } from '../schema/registered.js';
import type { FigureBook } from './figureBook.js';
import { observations, observedFigure } from './observed.js';
import { provincePresets, RETURN_RATE } from './province.js';
import { withCommitments, type Commitment } from './commitments.js';
import { childcareAtNationalRatio, doctorsAtNationalRatio, matchDemand } from './sharedFigures.js';
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
/**
 * Shanghai's registered stocks at the end of `year`: residents without Shanghai hukou (residents
 * less hukou residents, as the communiques give them) registered elsewhere, rural in the census
 * estimate's share; no registrants outside (the 2020 registered population, 1439.12 (10k), is
 * the census residents less those registered in another province to within 43 persons).
 */
function shanghaiRegistered(year: 2020 | 2023, residents: number, hukouShare: number): CitedValue<RegisteredStocks> {
  const X = residents * (1 - hukouShare);
  const rural = censusOtherProvinceFlows('Shanghai')!.ruralShare;
  return {
    value: { residentsRegisteredElsewhere: { rural: X * rural, migrant: X * (1 - rural) }, registrantsOutside: 0, registrantsOutsideUrbanShare: 1 },
    unit: 'persons; share (0-1)',
    assumption: `Residents registered elsewhere at the end of ${year}: residents x (1 - the hukou share of residents, ${year === 2020 ? 'the 2020 registered population' : 'the mean of 2022 and 2024'}) = ${Math.round(X)}, ${(rural * 100).toFixed(1)} % of them rural (the 2020 census county estimate for residents registered in another province, docs/demography.md). Registrants outside: none (the 2020 registered population, 1439.12 (10k), equals the census residents less the 10,479,652 registered in another province to within 43 persons), so their urban share does not matter (1).`,
  };
}

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
const ELDERLY_BEDS_2025 = 178_000;

/** The trend twin's additions to a stock the plan commits to: none. */
function NO_ADDITIONS(unit: string) {
  return { value: 0, unit: `${unit} per year`, assumption: 'The trend twin adds nothing to a stock the plan commits to, so that the plan preset differs from it by the commitment alone.' };
}

/** What the plan preset adds to its trend twin. */
const SHANGHAI_COMMITMENTS: Commitment[] = [
  {
    path: 'services.rentalHousing.capacity.additionsPerYear',
    figure: { value: BUILDER_BEDS / 5, unit: 'beds per year', source: { document: DOCUMENT, clause: '二(五)', note: '120,000 beds for city builders and managers over five years (2024-2028), a fifth each year' } },
  },
  {
    path: 'services.elderlyCare.beds.additionsPerYear',
    figure: {
      value: (ELDERLY_BEDS_2025 - 170_000) / 2,
      unit: 'beds per year',
      source: { document: FYP, clause: '14.3.3', note: '178,000 elderly care beds by 2025: from the assumed 170,000 at the end of 2023, 4,000 a year; continued to 2028.' },
    },
  },
  {
    path: 'services.elderlyCare.nursingBeds.additionsPerYear',
    figure: {
      value: (0.6 * ELDERLY_BEDS_2025 - 0.5 * 170_000) / 2,
      unit: 'beds per year',
      source: { document: FYP, clause: '14.3.3', note: 'nursing beds 60 % of the 178,000 beds by 2025 (106,800): from the assumed 85,000 at the end of 2023, 10,900 a year; continued to 2028.' },
    },
  },
];

/**
 * Shanghai, 2024-2028: the plan preset (120,000 builder beds over five years and the 2025
 * service targets) and its trend twin (2021-2022 trends continued), sharing their population
 * levers.
 *
 * @example
 * [SHANGHAI_2024_2028.title, SHANGHAI_2024_2028_TREND.twin]
 * // => ['Shanghai: the 2024 implementation plan and 2025 service targets', 'shanghai-2024-2028']
 */
const [SHANGHAI_PLAN_BASE, SHANGHAI_TREND] = provincePresets({
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
    trend: 'Shanghai from the end of 2023 with the population levers of 2021-2022, the same service standards and stocks, and none of the plan\'s additions: the demand the commitments have to meet.',
  },
  base: {
    residentPopulation: observedFigure('Shanghai', 2023, 'residentPopulation'),
    residentUrbanisationRate: { ...URBAN, assumption: undefined, source: { ...(URBAN.source as object), notes: 'The 2022 rate (89.3 %, unchanged since the 2020 census); the 2023 rate is not in the data.' } } as typeof URBAN,
    hukouUrbanisationRate: {
      value: HUKOU_SHARE_2023 * URBAN.value,
      unit: 'share (0-1)',
      assumption: `${HUKOU_NOTE} 2023 is the mean of 2022 and 2024.`,
    },
    registered: shanghaiRegistered(2023, observedFigure('Shanghai', 2023, 'residentPopulation').value, HUKOU_SHARE_2023),
  },
  trend: {
    'migration.ruralToUrbanRate': { value: migrationLevel, unit: 'share of rural residents per year', assumption: fitted('migration level') },
    'hukou.conversionRate': { value: conversionLevel, unit: 'share of migrants per year', assumption: fitted('hukou conversion level') },
    'migration.externalNetMigrants': { value: external, unit: 'persons per year', assumption: fitted('net inflow from other provinces') },
  },
  planMigrationLevel: {
    value: migrationLevel,
    unit: 'share of rural residents per year',
    assumption: 'The plan sets no urbanisation target for Shanghai (89.3 % urban since 2020) and commits no migration: the plan preset keeps the fitted trend level.',
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
        additionsPerYear: book.cite('services.rentalHousing.capacity.additionsPerYear', NO_ADDITIONS('beds')),
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
      bedsPer1000Older: book.cite('services.elderlyCare.bedsPer1000Older', {
        value: 30,
        unit: 'beds per 1000 residents aged 60+',
        assumption: 'Shanghai\'s elderly care pattern 9073 (90 % cared for at home, 7 % by community services, 3 % in institutions): 3 % of residents aged 60+ need a bed. The standard is independent of the plan\'s bed target, so that the target is judged against demand rather than against itself.',
      }),
      nursingBedShare: book.cite('services.elderlyCare.nursingBedShare', {
        value: 0.6,
        unit: 'share (0-1)',
        source: { document: FYP, clause: '14.3.3', note: '护理型床位占比 60 % by 2025: the share of the beds needed that must be nursing beds' },
      }),
      beds: {
        initial: book.cite('services.elderlyCare.beds.initial', {
          value: 170_000,
          unit: 'beds',
          assumption: 'Beds at the end of 2023 are not in the data: 170,000, a little below the 2025 target of 178,000 (14.3.3).',
        }),
        additionsPerYear: book.cite('services.elderlyCare.beds.additionsPerYear', NO_ADDITIONS('beds')),
      },
      nursingBeds: {
        initial: book.cite('services.elderlyCare.nursingBeds.initial', {
          value: 0.5 * 170_000,
          unit: 'beds',
          assumption: 'Nursing beds at the end of 2023 are not in the data: half the assumed 170,000 beds, below the 60 % the plan asks for by 2025.',
        }),
        additionsPerYear: book.cite('services.elderlyCare.nursingBeds.additionsPerYear', NO_ADDITIONS('beds')),
      },
    },
  }),
  calibration: SHANGHAI_CALIBRATION,
  notes: [
    'A one-city scenario: people from other provinces enter as external net migrants, residents without Shanghai hukou.',
    'Shanghai\'s hukou urbanisation rate is derived from hukou residents and the urbanisation rate (see base.shanghai.hukouUrbanisationRate).',
    'The plan sets no urbanisation target; the two presets have the same population levers. The plan preset adds the plan\'s commitments (builder beds, elderly care and nursing beds); the trend twin adds none.',
  ],
  sources: [
    { document: DOCUMENT, clause: '二(五)', note: '120,000 beds for city builders and managers in five years' },
    { document: FYP, clause: '14.2.5, 14.3.3', note: 'doctors per 1000 residents, elderly care beds' },
    { document: 'Shanghai statistical communiques 2020-2024', note: 'population, urbanisation, hukou residents' },
  ],
});

/**
 * Shanghai, 2024-2028: the trend twin plus the plan's commitments.
 *
 * @example
 * SHANGHAI_2024_2028.commitments?.length
 * // => 3
 */
export const SHANGHAI_2024_2028 = withCommitments(SHANGHAI_PLAN_BASE, SHANGHAI_COMMITMENTS, []);
/**
 * Shanghai, 2024-2028, on 2021-2022 trends without the plan's additions.
 *
 * @example
 * SHANGHAI_2024_2028_TREND.twin
 * // => 'shanghai-2024-2028'
 */
export const SHANGHAI_2024_2028_TREND = SHANGHAI_TREND;

const URBAN_2020 = observedFigure('Shanghai', 2020, 'residentUrbanisationRate');
const RESIDENTS_2020 = observedFigure('Shanghai', 2020, 'residentPopulation');
const BEDS_2020 = 160_000;

/** What the 14th Five-Year Plan preset adds to its trend twin, 2021-2025. */
const FYP_COMMITMENTS: Commitment[] = [
  {
    path: 'services.rentalHousing.capacity.additionsPerYear',
    figure: { value: 400_000 / 5, unit: 'units per year', source: { document: FYP, clause: '14.6.3', note: '400,000 affordable rental housing units supplied over 2021-2025 (see the seed target rental-housing-supply-2021-2025), a fifth each year' } },
  },
  {
    path: 'services.childcarePlaces.places.additionsPerYear',
    figure: { value: 20_000 / 5, unit: 'places per year', source: { document: FYP, clause: '14.3.1', note: '20,000 childcare places (托额) added over 2021-2025 (see the seed target childcare-places-added-2021-2025), a fifth each year' } },
  },
  {
    path: 'services.elderlyCare.beds.additionsPerYear',
    figure: { value: (ELDERLY_BEDS_2025 - BEDS_2020) / 5, unit: 'beds per year', source: { document: FYP, clause: '14.3.3', note: '178,000 elderly care beds by 2025: from the assumed 160,000 at the end of 2020, 3,600 a year' } },
  },
  {
    path: 'services.elderlyCare.nursingBeds.additionsPerYear',
    figure: { value: (0.6 * ELDERLY_BEDS_2025 - 0.5 * BEDS_2020) / 5, unit: 'beds per year', source: { document: FYP, clause: '14.3.3', note: 'nursing beds 60 % of 178,000 by 2025 (106,800): from the assumed 80,000 at the end of 2020, 5,360 a year' } },
  },
];

const [FYP_PLAN_BASE, FYP_TREND] = provincePresets({
  id: 'shanghai-2021-2025',
  area: 'Shanghai',
  regionId: 'shanghai',
  nameEn: 'Shanghai',
  nameZh: '上海',
  tier: 'megacity',
  baseYear: 2020,
  endYear: 2028,
  documents: [PLAN_SHANGHAI_14FYP],
  titles: {
    plan: 'Shanghai: the 14th Five-Year Plan (2021-2025)',
    trend: 'Shanghai from the 2020 census: 2021-2022 trends continued',
    planZh: '上海：“十四五”规划(2021—2025年)',
    trendZh: '上海：2020年普查起，延续2021—2022年趋势',
  },
  descriptions: {
    plan: 'Shanghai from the 2020 census with the population levers fitted to 2021-2022 and the 14th Five-Year Plan\'s commitments for 2021-2025: 400,000 rental units, 20,000 childcare places, 178,000 elderly care beds (60 % nursing beds). Do they meet the demand, and does the city reach 3.6 doctors per 1000?',
    trend: 'Shanghai from the 2020 census with the same levers, standards and stocks and none of the plan\'s additions.',
  },
  base: {
    residentPopulation: RESIDENTS_2020,
    residentUrbanisationRate: URBAN_2020,
    hukouUrbanisationRate: { value: HUKOU_SHARE[2020] * URBAN_2020.value, unit: 'share (0-1)', assumption: `${HUKOU_NOTE} 2020 is the registered population of 2020.` },
    registered: shanghaiRegistered(2020, RESIDENTS_2020.value, HUKOU_SHARE[2020]),
  },
  trend: {
    'migration.ruralToUrbanRate': { value: migrationLevel, unit: 'share of rural residents per year', assumption: `Fitted: ${SHANGHAI_CALIBRATION.description}` },
    'hukou.conversionRate': { value: conversionLevel, unit: 'share of migrants per year', assumption: `Fitted: ${SHANGHAI_CALIBRATION.description}` },
    'migration.externalNetMigrants': { value: external, unit: 'persons per year', assumption: `Fitted: ${SHANGHAI_CALIBRATION.description}` },
  },
  planMigrationLevel: { value: migrationLevel, unit: 'share of rural residents per year', assumption: 'The plan commits no migration level: the plan preset keeps the fitted trend level.' },
  services: (book: FigureBook) => ({
    childcarePlaces: childcareAtNationalRatio(book, RESIDENTS_2020.value, 'Shanghai', 2020),
    rentalHousing: {
      unit: 'units',
      shareOfWorkingAgeMigrantsInNeed: book.cite('services.rentalHousing.shareOfWorkingAgeMigrantsInNeed', {
        value: 0.15,
        unit: 'share (0-1)',
        assumption: 'About one in seven working-age residents without Shanghai hukou needs affordable rental housing (new citizens and young people without housing of their own), as assumed for Zhejiang; no survey figure is in the data.',
      }),
      personsPerUnit: book.cite('services.rentalHousing.personsPerUnit', { value: 1.5, unit: 'persons per unit', assumption: 'Units are dwellings and rooms counted alike; 1.5 working-age migrants per unit on average.' }),
      capacity: {
        initial: book.cite('services.rentalHousing.capacity.initial', matchDemand('units', 2020)) as 'matchDemand',
        additionsPerYear: book.cite('services.rentalHousing.capacity.additionsPerYear', NO_ADDITIONS('units')),
      },
    },
    healthCare: doctorsAtNationalRatio(
      book,
      { value: 3.6, unit: 'per 1000 residents', source: { document: FYP, clause: '14.2.5', note: '3.6 licensed (assistant) doctors per 1000 residents by 2025' } },
      2020,
      RESIDENTS_2020.value,
      'Shanghai',
    ),
    elderlyCare: {
      olderAgeFrom: book.cite('services.elderlyCare.olderAgeFrom', { value: 60, unit: 'years of age', assumption: 'Older residents are those aged 60 and over, the age of China\'s elderly-care statistics (老年人口).' }) as 60,
      bedsPer1000Older: book.cite('services.elderlyCare.bedsPer1000Older', {
        value: 30,
        unit: 'beds per 1000 residents aged 60+',
        assumption: 'Shanghai\'s elderly care pattern 9073 (3 % of older residents in institutions): 30 beds per 1000 residents aged 60+, independent of the plan\'s bed target.',
      }),
      nursingBedShare: book.cite('services.elderlyCare.nursingBedShare', { value: 0.6, unit: 'share (0-1)', source: { document: FYP, clause: '14.3.3', note: '护理型床位占比 60 % by 2025' } }),
      beds: {
        initial: book.cite('services.elderlyCare.beds.initial', { value: BEDS_2020, unit: 'beds', assumption: 'Beds at the end of 2020 are not in the data: 160,000, below the 2025 target of 178,000 (14.3.3).' }),
        additionsPerYear: book.cite('services.elderlyCare.beds.additionsPerYear', NO_ADDITIONS('beds')),
      },
      nursingBeds: {
        initial: book.cite('services.elderlyCare.nursingBeds.initial', { value: 0.5 * BEDS_2020, unit: 'beds', assumption: 'Nursing beds at the end of 2020 are not in the data: half the assumed 160,000 beds.' }),
        additionsPerYear: book.cite('services.elderlyCare.nursingBeds.additionsPerYear', NO_ADDITIONS('beds')),
      },
    },
  }),
  calibration: SHANGHAI_CALIBRATION,
  notes: [
    'The 14th Five-Year Plan from the 2020 census: the same population levers as shanghai-2024-2028 (fitted to 2021-2022).',
    'Stocks of elderly care beds and nursing beds at the end of 2020 are assumptions; rental housing starts equal to the 2020 demand.',
    'The plan covers 2021-2025; its yearly additions are assumed to continue to the horizon of 2028.',
  ],
  sources: [
    { document: FYP, clause: '14.2.5, 14.3.1, 14.3.3, 14.6.3', note: 'doctors, childcare places, elderly care and nursing beds, rental housing' },
    { document: 'Shanghai seventh census', note: 'base population and urbanisation rate' },
  ],
});

/**
 * Shanghai, 2021-2025: the 14th Five-Year Plan's service commitments on the trend from the 2020 census.
 *
 * @example
 * SHANGHAI_2021_2025.scenario.baseYear
 * // => 2020
 */
export const SHANGHAI_2021_2025 = withCommitments(FYP_PLAN_BASE, FYP_COMMITMENTS, []);
/**
 * Shanghai from the 2020 census, without the 14th Five-Year Plan's additions.
 *
 * @example
 * SHANGHAI_2021_2025_TREND.twin
 * // => 'shanghai-2021-2025'
 */
export const SHANGHAI_2021_2025_TREND = FYP_TREND;
