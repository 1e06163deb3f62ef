/**
 * Zhejiang, 2023: the province's 2023 work points for new urbanisation and urban-rural
 * integration (浙发改城镇函〔2023〕388号), whose headline target is a resident urbanisation
 * rate of 73.5 % by the end of 2023, with 250,000 affordable rental units and 80,000 new
 * school places in the year. Base: the end of 2022. Horizon 2028.
 */

import { PLAN_ZHEJIANG_2023 } from '../../seeds/plans/zhejiang-2023.js';
import { FigureBook } from './figureBook.js';
import { observations, observedFigure } from './observed.js';
import { provinceRegisteredFigures } from './registeredFigures.js';
import { provincePresets, RETURN_RATE } from './province.js';
import { withCommitments, type Commitment, type PolicyAssumption } from './commitments.js';
import { childcareAtNationalRatio, matchDemand, MIGRANT_CHILDREN_PUBLIC_SCHOOL_SHARE } from './sharedFigures.js';
import type { PresetCalibration } from './types.js';

const DOCUMENT = '浙发改城镇函〔2023〕388号';

/** Local hukou share and registered stocks from the censuses, at the 2020 census and carried to the end of 2022 (docs/demography.md). */
const REGISTERED_2020 = provinceRegisteredFigures('Zhejiang', 2020, observedFigure('Zhejiang', 2020, 'residentPopulation').value, observedFigure('Zhejiang', 2020, 'residentUrbanisationRate').value);
const REGISTERED_2022 = provinceRegisteredFigures('Zhejiang', 2022, observedFigure('Zhejiang', 2022, 'residentPopulation').value, observedFigure('Zhejiang', 2022, 'residentUrbanisationRate').value);
const CONVERSION = { value: 0.05, unit: 'share of migrants per year', assumption: 'No Zhejiang hukou series is in the data: close to the national level fitted to 2021-2023 (5.6 %), rounded down.' };

/** 除杭州市区以外，全面放开放宽城镇地区落户限制 (四(一)): a policy without a number, so an assumed conversion level. */
const OPEN_SETTLEMENT: PolicyAssumption = {
  path: 'hukou.conversionRate',
  figure: {
    value: 0.065,
    unit: 'share of migrants per year',
    assumption: `${DOCUMENT} 四(一) opens urban settlement everywhere except Hangzhou's urban districts, without a number. Assumed: 6.5 % of urban residents without local hukou convert each year, 30 % above the trend's 5 % (less than a full opening, since Hangzhou, with about a fifth of the province's migrants, keeps its limits); the verdicts are shown for 5 % to 8 %.`,
  },
  low: 0.05,
  high: 0.08,
};

/** The trend twin's additions to a stock the plan commits to: none. */
function noAdditions(unit: string) {
  return { value: 0, unit: `${unit} per year`, assumption: 'The trend twin adds nothing to a stock the plan commits to, so that the plan preset differs from it by the commitment alone.' };
}

/** What the plan preset adds to its trend twin. */
const ZHEJIANG_COMMITMENTS: Commitment[] = [
  {
    path: 'services.schoolPlaces.urbanPlaces.additionsPerYear',
    figure: { value: 80_000, unit: 'places per year', source: { document: DOCUMENT, clause: '四(十九)', note: '80,000 new compulsory school places in 2023; assumed to continue at that pace after 2023.' } },
  },
  {
    path: 'services.rentalHousing.capacity.additionsPerYear',
    figure: { value: 250_000, unit: 'units per year', source: { document: DOCUMENT, clause: '四(十八)', note: '250,000 affordable rental units (套(间)) raised in 2023; assumed to continue at that pace after 2023.' } },
  },
  {
    path: 'services.childcarePlaces.places.additionsPerYear',
    figure: {
      value: { points: [[2023, 100_000], [2024, 0]], interpolation: 'step' },
      unit: 'places per year',
      source: { document: DOCUMENT, clause: '四(十九)', note: '100,000 toddler places in kindergartens (提供托位10万个) in 2023, read as places added during 2023 (the text does not say whether they are new); none after.' },
    },
  },
];

/**
 * The fit behind the trend levers: 2020 census base, observations 2021-2022.
 *
 * @example
 * ZHEJIANG_CALIBRATION.levers.map((l) => l.path)
 * // => ['migration.ruralToUrbanRate', 'migration.externalNetMigrants']
 */
export const ZHEJIANG_CALIBRATION: PresetCalibration = {
  description:
    'Rural-to-urban migration level and net migrants from other provinces, fitted by least squares to Zhejiang\'s resident urbanisation rates and populations of 2021-2022 (the years before the plan), projecting from the 2020 census with Zhejiang\'s census fertility and mortality levels (docs/demography.md).',
  scenario: {
    name: 'Zhejiang from the 2020 census (calibration)',
    baseYear: 2020,
    endYear: 2022,
    regions: [{ id: 'zhejiang', nameEn: 'Zhejiang', nameZh: '浙江', tier: 'province' }],
    base: {
      zhejiang: {
        population: { census2020: 'Zhejiang' },
        residentUrbanisationRate: observedFigure('Zhejiang', 2020, 'residentUrbanisationRate').value,
        hukouUrbanisationRate: REGISTERED_2020.hukouUrbanisationRate.value,
        registered: REGISTERED_2020.registered.value,
      },
    },
    migration: { ruralToUrbanRate: 0.02, returnRate: RETURN_RATE.value, externalNetMigrants: 300_000 },
    hukou: { conversionRate: CONVERSION.value },
  },
  levers: [{ path: 'migration.ruralToUrbanRate' }, { path: 'migration.externalNetMigrants' }],
  observations: observations('Zhejiang', 2021, 2022, ['residentUrbanisationRate', 'residentPopulation']),
  fitted: [0.013175224415620279, 675389.0145063847],
};

const fitted = (what: string) => `Fitted: ${ZHEJIANG_CALIBRATION.description} The ${what} is held at its fitted value from 2023 on.`;
const [migrationLevel, external] = ZHEJIANG_CALIBRATION.fitted;

/**
 * Zhejiang, 2023 (projected to 2028): the plan preset (73.5 % urban by the end of 2023) and
 * its trend twin (2021-2022 trends continued).
 *
 * @example
 * [ZHEJIANG_2023.title, ZHEJIANG_2023_TREND.title]
 * // => ['Zhejiang: the 2023 work points (73.5 % urban)', 'Zhejiang: 2021-2022 trends continued']
 */
const [ZHEJIANG_PLAN_BASE, ZHEJIANG_TREND] = provincePresets({
  id: 'zhejiang-2023',
  area: 'Zhejiang',
  regionId: 'zhejiang',
  nameEn: 'Zhejiang',
  nameZh: '浙江',
  tier: 'province',
  baseYear: 2022,
  endYear: 2028,
  documents: [PLAN_ZHEJIANG_2023],
  titles: {
    plan: 'Zhejiang: the 2023 work points (73.5 % urban)',
    trend: 'Zhejiang: 2021-2022 trends continued',
    planZh: '浙江：2023年新型城镇化工作要点',
    trendZh: '浙江：延续2021—2022年趋势',
  },
  descriptions: {
    plan: 'Zhejiang from the end of 2022 with the rural-to-urban migration level that gives the work points\' 73.5 % at the end of 2023, their 250,000 affordable rental units and 80,000 school places in 2023, continued to 2028.',
    trend: 'Zhejiang from the end of 2022 with the migration, mortality and fertility levels of 2021-2022 held constant, and the same services: on these trends, does 73.5 % hold in 2023?',
  },
  base: {
    residentPopulation: observedFigure('Zhejiang', 2022, 'residentPopulation'),
    residentUrbanisationRate: observedFigure('Zhejiang', 2022, 'residentUrbanisationRate'),
    hukouUrbanisationRate: REGISTERED_2022.hukouUrbanisationRate,
    registered: REGISTERED_2022.registered,
  },
  trend: {
    'migration.ruralToUrbanRate': { value: migrationLevel, unit: 'share of rural residents per year', assumption: fitted('migration level') },
    'migration.externalNetMigrants': { value: external, unit: 'persons per year', assumption: fitted('net inflow from other provinces') },
    'hukou.conversionRate': CONVERSION,
  },
  planMigrationLevel: {
    value: migrationLevel,
    unit: 'share of rural residents per year',
    assumption: `The work points commit no migration level: their 73.5 % by the end of 2023 (${DOCUMENT} 总的要求) is an outcome to be judged, so the plan preset keeps the fitted trend level.`,
  },
  services: (book: FigureBook) => ({
    schoolPlaces: {
      migrantChildrenPublicSchoolShare: book.cite('services.schoolPlaces.migrantChildrenPublicSchoolShare', MIGRANT_CHILDREN_PUBLIC_SCHOOL_SHARE),
      urbanPlaces: {
        initial: book.cite('services.schoolPlaces.urbanPlaces.initial', matchDemand('places', 2022)) as 'matchDemand',
        additionsPerYear: book.cite('services.schoolPlaces.urbanPlaces.additionsPerYear', noAdditions('places')),
      },
    },
    childcarePlaces: childcareAtNationalRatio(book, observedFigure('Zhejiang', 2022, 'residentPopulation').value, 'Zhejiang', 2022),
    rentalHousing: {
      unit: 'units',
      shareOfWorkingAgeMigrantsInNeed: book.cite('services.rentalHousing.shareOfWorkingAgeMigrantsInNeed', {
        value: 0.15,
        unit: 'share (0-1)',
        assumption: 'About one in seven working-age migrants needs affordable rental housing (new citizens and young people without housing of their own); no survey figure is in the data.',
      }),
      personsPerUnit: book.cite('services.rentalHousing.personsPerUnit', {
        value: 1.5,
        unit: 'persons per unit',
        assumption: 'Units are dwellings and rooms counted alike (套(间)); 1.5 working-age migrants per unit on average.',
      }),
      capacity: {
        initial: book.cite('services.rentalHousing.capacity.initial', matchDemand('units', 2022)) as 'matchDemand',
        additionsPerYear: book.cite('services.rentalHousing.capacity.additionsPerYear', noAdditions('units')),
      },
    },
  }),
  calibration: ZHEJIANG_CALIBRATION,
  notes: [
    'A one-province scenario: people from other provinces enter as external net migrants, urban residents without local hukou.',
    'Zhejiang\'s hukou figures are census estimates carried to 2022 (no published rate is in the data): the official rate (registeredHukouUrbanisationRate, over the registered population) from the 2010 non-agricultural share of its registrants carried with the national rate, and the local-hukou share of residents (hukouUrbanisationRate) that follows from it.',
    'The plan covers 2023 only; its yearly additions are assumed to continue to 2028.',
  ],
  sources: [
    { document: DOCUMENT, clause: '总的要求', note: 'resident urbanisation rate 73.5 % by the end of 2023' },
    { document: DOCUMENT, clause: '四(十八), 四(十九)', note: 'affordable rental housing and school places in 2023' },
    { document: 'Zhejiang 2022 population communique', note: 'base population and urbanisation rate' },
  ],
});

/**
 * Zhejiang, 2023: the trend twin plus the work points' commitments and open settlement outside Hangzhou (assumed level).
 *
 * @example
 * ZHEJIANG_2023.commitments?.map((c) => c.path.split('.')[1])
 * // => ['schoolPlaces', 'rentalHousing', 'childcarePlaces']
 */
export const ZHEJIANG_2023 = withCommitments(ZHEJIANG_PLAN_BASE, ZHEJIANG_COMMITMENTS, [OPEN_SETTLEMENT]);
/**
 * Zhejiang on 2021-2022 trends, without the work points' additions.
 *
 * @example
 * ZHEJIANG_2023_TREND.twin
 * // => 'zhejiang-2023'
 */
export const ZHEJIANG_2023_TREND = ZHEJIANG_TREND;
