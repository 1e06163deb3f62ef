/**
 * Shandong, 2021-2023: the province's three-year action plan for new urbanisation
 * (鲁政办字〔2021〕125号): resident urbanisation up about 1 point a year to 66 % or more by
 * 2023, 600,000 new school places, inclusive preschool above 85 %, 3.6 doctors per 1000
 * residents. Base: the 2020 census. Horizon 2028.
 *
 * The trend twin may use only what was known by the end of 2020, and no Shandong series before
 * 2020 is in the data: its migration level is set so that the resident rate rises in 2021 by
 * the national 2010-2018 propensity of rural residents to urbanise (UN WUP 2018 estimates)
 * times Shandong's 2020 rural share.
 */

import { PLAN_SHANDONG_2021 } from '../../seeds/plans/shandong-2021.js';
import type { FigureBook } from './figureBook.js';
import { ruralUrbanisationPropensity2010To2018 } from './hindcast.js';
import { observedFigure } from './observed.js';
import { provinceRegisteredFigures } from './registeredFigures.js';
import { provincePresets, RETURN_RATE } from './province.js';
import { withCommitments, type Commitment, type PolicyAssumption } from './commitments.js';
import { childcareAtNationalRatio, doctorsAtNationalRatio, matchDemand, MIGRANT_CHILDREN_PUBLIC_SCHOOL_SHARE } from './sharedFigures.js';
import type { PresetCalibration } from './types.js';

const DOCUMENT = '鲁政办字〔2021〕125号';

/** Census 2020 (persons): residents (Shandong seventh census). */
const CENSUS = { population: 101_527_453 };
const RESIDENT_2020 = observedFigure('Shandong', 2020, 'residentUrbanisationRate');
/** Local hukou share and registered stocks at the end of 2020, from the censuses (docs/demography.md). */
const REGISTERED = provinceRegisteredFigures('Shandong', 2020, observedFigure('Shandong', 2020, 'residentPopulation').value, RESIDENT_2020.value);

/** The national 2010-2018 propensity of rural residents to urbanise (UN WUP 2018 estimates). */
const PROPENSITY = ruralUrbanisationPropensity2010To2018();
const CONVERSION = {
  value: 0.05,
  unit: 'share of migrants per year',
  assumption: 'No Shandong hukou series is in the data; a level close to the national one fitted to 2021-2023 (5.6 %), rounded down. It does not move the resident rate.',
};

/** 城镇落户零门槛 (二): a policy without a number, so an assumed conversion level. */
const ZERO_THRESHOLD: PolicyAssumption = {
  path: 'hukou.conversionRate',
  figure: {
    value: 0.07,
    unit: 'share of migrants per year',
    assumption: `${DOCUMENT} 二 commits to zero-threshold urban settlement (城镇落户零门槛) without a number. Assumed: 7 % of urban residents without local hukou convert each year, 40 % above the trend's 5 %, since every remaining settlement condition goes; the verdicts are shown for 5 % to 10 %.`,
  },
  low: 0.05,
  high: 0.1,
};

/** What the plan preset adds to its trend twin. */
const SHANDONG_COMMITMENTS: Commitment[] = [
  {
    path: 'services.schoolPlaces.urbanPlaces.additionsPerYear',
    figure: { value: 600_000 / 3, unit: 'places per year', source: { document: DOCUMENT, clause: '五15', note: '600,000 new compulsory school places over 2021-2023, a third each year; assumed to continue at that pace after 2023.' } },
  },
  {
    path: 'services.preschoolPlaces.places.additionsPerYear',
    figure: { value: 200 * 270, unit: 'places per year', assumption: `200 new kindergartens a year (${DOCUMENT} 五15) of 270 places each (nine classes of 30 children, an assumption: no Shandong figure of places per kindergarten is in the data).` },
  },
];

/** The trend twin's additions to a stock the plan commits to: none. */
function noAdditions(unit: string) {
  return { value: 0, unit: `${unit} per year`, assumption: 'The trend twin adds nothing to a stock the plan commits to, so that the plan preset differs from it by the commitment alone.' };
}

/**
 * The trend lever: the migration level at which 2021 rises by the national 2010-2018 propensity times Shandong's rural share.
 *
 * @example
 * SHANDONG_CALIBRATION.levers.map((l) => l.path)
 * // => ['migration.ruralToUrbanRate']
 */
export const SHANDONG_CALIBRATION: PresetCalibration = {
  description: `Rural-to-urban migration level at which Shandong's resident urbanisation rate rises in 2021 by the national 2010-2018 propensity of rural residents to urbanise (UN WUP 2018: ${(PROPENSITY * 100).toFixed(2)} % of the rural share a year) times Shandong's 2020 rural share, from the 2020 census: a trend known by the end of 2020 (the method of hindcast()).`,
  scenario: {
    name: 'Shandong from the 2020 census (trend)',
    baseYear: 2020,
    endYear: 2021,
    regions: [{ id: 'shandong', nameEn: 'Shandong', nameZh: '山东', tier: 'province' }],
    base: {
      shandong: {
        population: { census2020: 'Shandong' },
        residentUrbanisationRate: RESIDENT_2020.value,
        hukouUrbanisationRate: REGISTERED.hukouUrbanisationRate.value,
        registered: REGISTERED.registered.value,
      },
    },
    migration: { ruralToUrbanRate: 0.02, returnRate: RETURN_RATE.value },
    hukou: { conversionRate: CONVERSION.value },
  },
  levers: [{ path: 'migration.ruralToUrbanRate' }],
  observations: [{ indicator: 'residentUrbanisationRate', year: 2021, value: RESIDENT_2020.value + PROPENSITY * (1 - RESIDENT_2020.value) }],
  fitted: [0.025593456241841454],
};


/**
 * Shandong, 2021-2023 (projected to 2028): the plan preset (66 % urban in 2023, 600,000 school
 * places) and its trend twin (the national 2010-2018 propensity to urbanise).
 *
 * @example
 * [SHANDONG_2021_2023.title, SHANDONG_2021_2023_TREND.title]
 * // => ['Shandong: the 2021-2023 action plan', 'Shandong: the urbanisation propensity of 2010-2018']
 */
const [SHANDONG_PLAN_BASE, SHANDONG_TREND] = provincePresets({
  id: 'shandong-2021-2023',
  area: 'Shandong',
  regionId: 'shandong',
  nameEn: 'Shandong',
  nameZh: '山东',
  tier: 'province',
  baseYear: 2020,
  endYear: 2028,
  documents: [PLAN_SHANDONG_2021],
  titles: {
    plan: 'Shandong: the 2021-2023 action plan',
    trend: 'Shandong: the urbanisation propensity of 2010-2018',
    planZh: '山东：新型城镇化三年行动方案(2021—2023年)',
    trendZh: '山东：按2010—2018年全国城镇化倾向',
  },
  descriptions: {
    plan: 'Shandong from the 2020 census on the trend twin\'s urbanisation, with the plan\'s commitments: 600,000 school places, 200 kindergartens a year, zero-threshold settlement (an assumed conversion level). Does 66 % hold, and do the places meet demand?',
    trend: 'Shandong from the 2020 census with urbanisation at the national propensity known by 2020, the same service standards and stocks and none of the plan\'s additions: does 66 % hold in 2023?',
  },
  base: {
    residentPopulation: observedFigure('Shandong', 2020, 'residentPopulation'),
    residentUrbanisationRate: RESIDENT_2020,
    hukouUrbanisationRate: REGISTERED.hukouUrbanisationRate,
    registered: REGISTERED.registered,
  },
  trend: {
    'migration.ruralToUrbanRate': { value: SHANDONG_CALIBRATION.fitted[0], unit: 'share of rural residents per year', assumption: `Set: ${SHANDONG_CALIBRATION.description}` },
    'hukou.conversionRate': CONVERSION,
  },
  planMigrationLevel: {
    value: SHANDONG_CALIBRATION.fitted[0],
    unit: 'share of rural residents per year',
    assumption: `The plan commits no migration level: its 66 % (${DOCUMENT} 二) is an outcome to be judged, so the plan preset keeps the trend level. Set: ${SHANDONG_CALIBRATION.description}`,
  },
  services: (book: FigureBook) => ({
    schoolPlaces: {
      migrantChildrenPublicSchoolShare: book.cite('services.schoolPlaces.migrantChildrenPublicSchoolShare', MIGRANT_CHILDREN_PUBLIC_SCHOOL_SHARE),
      urbanPlaces: {
        initial: book.cite('services.schoolPlaces.urbanPlaces.initial', matchDemand('places', 2020)) as 'matchDemand',
        additionsPerYear: book.cite('services.schoolPlaces.urbanPlaces.additionsPerYear', noAdditions('places')),
      },
    },
    preschoolPlaces: {
      inclusiveCoverageShare: book.cite('services.preschoolPlaces.inclusiveCoverageShare', {
        value: 0.85,
        unit: 'share (0-1)',
        source: { document: DOCUMENT, clause: '五15', note: 'inclusive kindergartens to cover 85 % or more of children' },
      }),
      places: {
        initial: book.cite('services.preschoolPlaces.places.initial', matchDemand('places', 2020)) as 'matchDemand',
        additionsPerYear: book.cite('services.preschoolPlaces.places.additionsPerYear', noAdditions('places')),
      },
      otherPlaces: {
        initial: book.cite('services.preschoolPlaces.otherPlaces.initial', {
          value: 'matchDemand',
          unit: 'places',
          assumption: 'No Shandong count of places in kindergartens that are not inclusive is in the data: at the end of 2020 they are set to the children aged 3-5 the 85 % standard leaves to them (15 %), so that the inclusive share of enrolment starts at the standard and then follows the cohorts and the places built.',
        }) as 'matchDemand',
        additionsPerYear: book.cite('services.preschoolPlaces.otherPlaces.additionsPerYear', {
          value: 0,
          unit: 'places per year',
          assumption: 'The plan builds inclusive kindergartens only (五15); no other places are added.',
        }),
      },
    },
    childcarePlaces: childcareAtNationalRatio(book, CENSUS.population, 'Shandong', 2020),
    healthCare: doctorsAtNationalRatio(
      book,
      { value: 3.6, unit: 'per 1000 residents', source: { document: DOCUMENT, clause: '五16', note: '3.6 licensed (assistant) doctors per 1000 residents by 2023' } },
      2020,
      CENSUS.population,
      'Shandong',
    ),
  }),
  calibration: SHANDONG_CALIBRATION,
  notes: [
    'A one-province scenario; moves to and from other provinces are left out (Shandong\'s population changed little in 2021-2023).',
    'Shandong\'s hukou figures are census estimates (no published rate is in the data): the official rate (registeredHukouUrbanisationRate, over the registered population) from the 2010 non-agricultural share of its registrants carried with the national rate, and the local-hukou share of residents (hukouUrbanisationRate) that follows from it.',
    'Childcare: the stock is the national 2020 ratio (1.8 per 1000) times Shandong\'s residents and the plan names no places to add, so its 3.1 per 1000 (五17) is judged on that stock. The nursing-bed share (55 %) is not projected: no Shandong bed stock is in the data.',
  ],
  sources: [
    { document: DOCUMENT, clause: '二', note: 'resident urbanisation up about 1 point a year to 66 % or more by 2023' },
    { document: DOCUMENT, clause: '五15, 五16', note: 'school places, preschool coverage, doctors' },
    { document: 'Shandong seventh census', note: 'base population and urbanisation rate' },
    { document: '2010 and 2020 census county yearbooks (leiii/census, MIT)', note: 'registered population, non-agricultural hukou share, residents registered in another province' },
  ],
});

/**
 * Shandong, 2021-2023: the trend twin plus the plan's commitments and its zero-threshold settlement (assumed level).
 *
 * @example
 * SHANDONG_2021_2023.assumptions?.map((a) => [a.path, a.figure.value])
 * // => [['hukou.conversionRate', 0.07]]
 */
export const SHANDONG_2021_2023 = withCommitments(SHANDONG_PLAN_BASE, SHANDONG_COMMITMENTS, [ZERO_THRESHOLD]);
/**
 * Shandong on the urbanisation propensity of 2010-2018, without the plan's additions.
 *
 * @example
 * SHANDONG_2021_2023_TREND.twin
 * // => 'shandong-2021-2023'
 */
export const SHANDONG_2021_2023_TREND = SHANDONG_TREND;
