/**
 * China, 2024-2028 and on to 2035: the State Council's five-year action plan for
 * people-centred new urbanisation (国发〔2024〕17号), whose one number is a resident
 * urbanisation rate "close to 70 %" after five years of work (经过5年的努力, 2024-2028: the end
 * of 2028, as Shanghai's implementation of the plan writes 到2028年底).
 *
 * Base: the end of 2023 (NBS: 1,409.67 million residents, 66.16 % urban, hukou urbanisation
 * 48.3 %). The trend twin continues 2021-2023: its rural-to-urban migration and hukou
 * conversion levels, and factors on UN mortality and fertility, are fitted to the observed
 * 2021-2023 rates, births and deaths from a 2020 census base. The plan preset is the trend twin
 * plus what the plan commits: the settlement tiers of 二(二)1 (no limits below 3 million urban
 * residents, eased limits at 3-5 million), a policy without a number, as an assumed hukou
 * conversion level with its range. It is never solved to meet its own 70 %.
 */

import { PLAN_NATIONAL_2024 } from '../../seeds/plans/national-2024.js';
import type { CitedValue } from '../../seeds/types.js';
import type { RegisteredStocks } from '../schema/registered.js';
import type { ScenarioInput } from '../schema/scenario.js';
import { FigureBook } from './figureBook.js';
import { withCommitments, type PolicyAssumption } from './commitments.js';
import { observations, observedFigure } from './observed.js';
import type { Preset, PresetCalibration } from './types.js';
import { childcareAtNationalRatio, matchDemand, NATIONAL_DOCTOR_GROWTH, nationalDoctorsPer1000, observedService } from './sharedFigures.js';

const RETURN_RATE = {
  value: 0.005,
  unit: 'share of migrants per year',
  assumption:
    'About 0.5 % of urban residents without local hukou return to the countryside each year; no national series of returns is in the data. The resident-rate fit absorbs an error here into the migration level.',
};
const NO_RECLASSIFICATION = {
  value: 0,
  unit: 'share of rural residents per year',
  assumption: 'In-situ urbanisation is not separated from migration in the data: all urban growth is modelled as rural-to-urban migration plus hukou conversion.',
};
const UN_WPP = {
  value: 'un-wpp2024',
  unit: 'data set',
  source: { citation: 'United Nations, DESA, Population Division (2024), World Population Prospects 2024: China mortality, fertility, sex ratio at birth and net migration', repository: 'PPgp/wpp2024' },
};

/** The census fertility and mortality levels of China (src/model/censusLevels.ts). */
const CENSUS_LEVELS = {
  value: 'census',
  unit: 'choice',
  source: { citation: 'Fertility: 2020 census children aged 0 over the births of UN WPP 2024 rates (中国人口普查年鉴-2020, Table 1-5); mortality: NBS 2020 deaths (998万, 2020 communique) over the deaths of UN WPP 2024 rates for the census population. See docs/demography.md.' },
};

/**
 * China's registered stocks: none besides the residents, so that the official rate is hukou /
 * residents (an assumption, said in the figure).
 */
const NATIONAL_REGISTERED: CitedValue<RegisteredStocks> = {
  value: { residentsRegisteredElsewhere: { rural: 0, migrant: 0 }, registrantsOutside: 0, registrantsOutsideUrbanShare: 0 },
  unit: 'persons; share (0-1)',
  assumption:
    'Nationally the registered population is taken as the residents: registrants living abroad and residents without a hukou are few, and moves between provinces stay inside the country (the 31 provinces\' census estimates give 1,416 million registered against 1,410 million residents, 0.5 % more; docs/demography.md). So the official rate (registeredHukouUrbanisationRate) is hukou / residents, and the published 48.3 % of 2023 is the base hukou share.',
};

/**
 * The fit behind the trend levers: 2020 census base, observations 2021-2023.
 *
 * @example
 * NATIONAL_CALIBRATION.levers.map((l) => l.path)
 * // => ['migration.ruralToUrbanRate', 'hukou.conversionRate']
 */
export const NATIONAL_CALIBRATION: PresetCalibration = {
  description:
    'Rural-to-urban migration level and hukou conversion level, fitted by least squares to the NBS resident and hukou urbanisation rates of 2021-2023, projecting from the 2020 census (1 November 2020, taken as the end of 2020) with the census fertility and mortality levels of China (docs/demography.md).',
  scenario: {
    name: 'China from the 2020 census (calibration)',
    baseYear: 2020,
    endYear: 2023,
    regions: [{ id: 'china', nameEn: 'China', nameZh: '全国', tier: 'country' }],
    base: {
      china: {
        population: { census2020: 'China', scaleToTotal: observedFigure('China', 2020, 'residentPopulation').value },
        residentUrbanisationRate: observedFigure('China', 2020, 'residentUrbanisationRate').value,
        hukouUrbanisationRate: observedFigure('China', 2020, 'hukouUrbanisationRate').value,
        registered: NATIONAL_REGISTERED.value,
      },
    },
    demography: { netInternationalMigration: 'un-wpp2024' },
    migration: { ruralToUrbanRate: 0.02, returnRate: RETURN_RATE.value, reclassificationRate: 0 },
    hukou: { conversionRate: 0.03 },
  },
  levers: [{ path: 'migration.ruralToUrbanRate' }, { path: 'hukou.conversionRate' }],
  observations: observations('China', 2021, 2023, ['residentUrbanisationRate', 'hukouUrbanisationRate']),
  fitted: [0.01946841588187628, 0.055564445112656506],
};

/** 二(二)1: settlement opened below 3 million urban residents, eased at 3-5 million; a policy without a number. */
const SETTLEMENT_TIERS: PolicyAssumption = {
  path: 'hukou.conversionRate',
  figure: {
    value: 0.065,
    unit: 'share of migrants per year',
    assumption:
      '国发〔2024〕17号 二(二)1 removes settlement limits in cities under 3 million urban residents and eases them at 3-5 million, without a number. Assumed: 6.5 % of urban residents without local hukou convert each year, about 17 % above the level fitted to 2021-2023 (5.6 %), since most migrants live in the large cities whose limits stay; the verdicts are shown for 5.6 % to 8 %.',
  },
  low: 0.0556,
  high: 0.08,
};

/** The national 14th Five-Year Plan outline (its table of main indicators). */
const FYP_OUTLINE = '中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要';

/** The trend twin's additions to a stock: none, for stocks without an observed pace. */
function noAdditions(unit: string) {
  return { value: 0, unit: `${unit} per year`, assumption: 'No national series of additions to this stock is in the data: the presets add none, so the verdict says whether the stock of the base year keeps up with the projected residents.' };
}

/** A stock the data do not give: the demand at the end of 2023, and no additions (both cited at `path`). */
function baseDemandStock(book: FigureBook, path: string, unit: string) {
  return {
    initial: book.cite(`${path}.initial`, matchDemand(unit, 2023)) as 'matchDemand',
    additionsPerYear: book.cite(`${path}.additionsPerYear`, noAdditions(unit)),
  };
}

/**
 * The services of the national presets (国发〔2024〕17号 二(二)4: public services for the resident
 * population): compulsory school places with migrant children in local public schools (随迁子女),
 * teachers at the national staffing ratios (依据常住人口规模变化动态调整教师), preschool and
 * childcare places, affordable rental housing, doctors and elderly care beds. Stocks that no
 * national figure in the data gives start at the base year's demand.
 */
function nationalServices(book: FigureBook, residents: number) {
  const migrantChildren = observedService('migrantWorkerChildrenInCompulsoryEducation', 2020);
  const doctors = nationalDoctorsPer1000(2023);
  const rental = observedService('affordableRentalUnitsStartedOrRaised', 2021);
  return {
    schoolPlaces: {
      migrantChildrenPublicSchoolShare: book.cite('services.schoolPlaces.migrantChildrenPublicSchoolShare', {
        value: 0.858,
        unit: 'share (0-1)',
        source: { citation: `${migrantChildren.source.citation} (2020; the latest national share in the data, held constant)` },
      }),
      urbanPlaces: baseDemandStock(book, 'services.schoolPlaces.urbanPlaces', 'places'),
    },
    teachers: {
      pupilsPerTeacher: book.cite('services.teachers.pupilsPerTeacher', {
        value: 9 / (6 / 19 + 3 / 13.5),
        unit: 'pupils aged 6-14 per teacher',
        assumption:
          'The national staffing standard for primary and junior secondary schools, unified for town and country in 2014 (中央编办发〔2014〕72号: 19 pupils per teacher in primary, 13.5 in junior secondary; the document is not among the stored sources), over six primary ages (6-11) and three junior ages (12-14): 9 / (6/19 + 3/13.5) = 16.7.',
      }),
      teachers: baseDemandStock(book, 'services.teachers.teachers', 'teachers'),
    },
    preschoolPlaces: {
      inclusiveCoverageShare: book.cite('services.preschoolPlaces.inclusiveCoverageShare', {
        value: 0.85,
        unit: 'share (0-1)',
        assumption: 'The national plan gives no inclusive share; 85 %, the share Shandong keeps (鲁政办字〔2021〕125号 五15) and the national goal for 2025 of the 14th Five-Year preschool programme (not among the stored sources).',
      }),
      places: baseDemandStock(book, 'services.preschoolPlaces.places', 'places'),
      otherPlaces: baseDemandStock(book, 'services.preschoolPlaces.otherPlaces', 'places'),
    },
    childcarePlaces: childcareAtNationalRatio(book, residents, 'China', 2023),
    rentalHousing: {
      unit: 'units' as const,
      shareOfWorkingAgeMigrantsInNeed: book.cite('services.rentalHousing.shareOfWorkingAgeMigrantsInNeed', {
        value: 0.15,
        unit: 'share (0-1)',
        assumption: 'About one in seven working-age migrants needs affordable rental housing (new citizens and young people without housing of their own), as in the Zhejiang presets; no survey figure is in the data.',
      }),
      personsPerUnit: book.cite('services.rentalHousing.personsPerUnit', {
        value: 1.5,
        unit: 'persons per unit',
        assumption: 'Units are dwellings and rooms counted alike (套(间)); 1.5 working-age migrants per unit on average, as in the Zhejiang presets.',
      }),
      capacity: {
        initial: book.cite('services.rentalHousing.capacity.initial', matchDemand('units', 2023)) as 'matchDemand',
        additionsPerYear: book.cite('services.rentalHousing.capacity.additionsPerYear', {
          value: rental.value,
          unit: 'units per year',
          source: { citation: `${rental.source.citation}: ${rental.value.toLocaleString('en-US')} affordable rental units started or raised in 2021, assumed to continue at that pace` },
        }),
      },
    },
    healthCare: {
      doctorsPer1000Residents: book.cite('services.healthCare.doctorsPer1000Residents', {
        value: 3.2,
        unit: 'per 1000 residents',
        source: { document: FYP_OUTLINE, clause: '第二章 表1', note: '每千人口拥有执业（助理）医师数: 3.2 by 2025' },
      }),
      doctors: {
        initial: book.cite('services.healthCare.doctors.initial', {
          value: (doctors.value * residents) / 1000,
          unit: 'doctors',
          source: { citation: `${(doctors.source as { citation: string }).citation}: ${doctors.value} licensed (assistant) doctors per 1000 residents in 2023, times the 2023 residents (NBS 2023 communique)` },
        }),
        growthRate: book.cite('services.healthCare.doctors.growthRate', NATIONAL_DOCTOR_GROWTH),
      },
    },
    elderlyCare: {
      olderAgeFrom: book.cite('services.elderlyCare.olderAgeFrom', {
        value: 60,
        unit: 'years of age',
        assumption: 'Older residents are those aged 60 and over, the age of China\'s elderly-care statistics (老年人口).',
      }) as 60,
      bedsPer1000Older: book.cite('services.elderlyCare.bedsPer1000Older', {
        value: 30,
        unit: 'beds per 1000 residents aged 60+',
        assumption: 'The 9073 pattern (90 % cared for at home, 7 % by community services, 3 % in institutions), as in the Shanghai presets: 3 % of residents aged 60+ need a bed. No national bed standard is in the stored sources.',
      }),
      beds: baseDemandStock(book, 'services.elderlyCare.beds', 'beds'),
    },
  };
}

function build(kind: 'plan' | 'trend'): Preset {
  const preset = buildTrendShape(kind);
  return kind === 'plan' ? withCommitments(preset, [], [SETTLEMENT_TIERS]) : preset;
}

function buildTrendShape(kind: 'plan' | 'trend'): Preset {
  const book = new FigureBook();
  const [migrationLevel, conversionLevel] = NATIONAL_CALIBRATION.fitted;
  const fitted = (what: string) =>
    `Fitted: ${NATIONAL_CALIBRATION.description} The ${what} is held at its fitted value from 2024 on.`;
  const scenario: ScenarioInput = {
    name: kind === 'plan' ? 'China: the 2024-2028 action plan' : 'China: recent trends (2021-2023) continued',
    description:
      kind === 'plan'
        ? 'The State Council five-year action plan for people-centred new urbanisation (国发〔2024〕17号): the trend twin plus the settlement tiers of 二(二)1 (an assumed hukou conversion level). Does the resident rate come close to 70 % by the end of 2028?'
        : 'China from the end of 2023 with the rural-to-urban migration, hukou conversion, mortality and fertility levels of 2021-2023 held constant: on these trends, does the plan\'s 70 % hold?',
    baseYear: 2023,
    endYear: 2035,
    regions: [{ id: 'china', nameEn: 'China', nameZh: '全国', tier: 'country' }],
    base: {
      china: {
        population: {
          census2020: book.cite('base.china.population.census2020', {
            value: 'China',
            unit: 'age and sex structure',
            source: { citation: '2020 census by age and sex (中国人口普查年鉴-2020, Table 1-5), carried to the end of 2023 with the NBS births and deaths of 2021-2023 (communiques), the rest of the change to the year-end total as migrants' },
          }),
          scaleToTotal: book.cite('base.china.population.scaleToTotal', observedFigure('China', 2023, 'residentPopulation')),
        },
        residentUrbanisationRate: book.cite('base.china.residentUrbanisationRate', observedFigure('China', 2023, 'residentUrbanisationRate')),
        hukouUrbanisationRate: book.cite('base.china.hukouUrbanisationRate', observedFigure('China', 2023, 'hukouUrbanisationRate')),
        registered: book.cite('base.china.registered', NATIONAL_REGISTERED),
      },
    },
    demography: {
      mortality: { source: book.cite('demography.mortality.source', UN_WPP) as 'un-wpp2024' },
      fertility: { tfr: book.cite('demography.fertility.tfr', UN_WPP) as 'un-wpp2024' },
      levels: book.cite('demography.levels', CENSUS_LEVELS) as 'census',
      sexRatioAtBirth: book.cite('demography.sexRatioAtBirth', UN_WPP) as 'un-wpp2024',
      netInternationalMigration: book.cite('demography.netInternationalMigration', UN_WPP) as 'un-wpp2024',
    },
    migration: {
      ruralToUrbanRate: book.cite('migration.ruralToUrbanRate', { value: migrationLevel, unit: 'share of rural residents per year', assumption: fitted('migration level') }),
      reclassificationRate: book.cite('migration.reclassificationRate', NO_RECLASSIFICATION),
      returnRate: book.cite('migration.returnRate', RETURN_RATE),
    },
    hukou: {
      conversionRate: book.cite('hukou.conversionRate', { value: conversionLevel, unit: 'share of migrants per year', assumption: fitted('hukou conversion level') }),
    },
    services: nationalServices(book, observedFigure('China', 2023, 'residentPopulation').value),
    sources: [
      { document: '国发〔2024〕17号', clause: '一', note: 'resident urbanisation rate close to 70 % after five years (end of 2028)' },
      { document: 'NBS 2023 statistical communique', note: 'base population and urbanisation rates' },
      { document: 'UN World Population Prospects 2024', note: 'mortality, fertility, sex ratio at birth, net international migration' },
      { document: '国发〔2024〕17号', clause: '二(二)4', note: 'public services for residents: migrant children in local public schools (随迁子女), teachers following the resident population (依据常住人口规模变化动态调整教师)' },
      { document: 'Ministry of Education, NHC and NBS bulletins; the 14th Five-Year Plan outline', note: 'migrant children in public schools, doctors per 1000 residents, rental units raised, the doctor standard' },
    ],
  };
  return {
    id: kind === 'plan' ? 'national-2024-2028' : 'national-2024-2028-trend',
    title: kind === 'plan' ? 'China: the 2024 five-year action plan' : 'China: 2021-2023 trends continued',
    titleZh: kind === 'plan' ? '全国：以人为本的新型城镇化五年行动计划' : '全国：延续2021—2023年趋势',
    area: 'China',
    kind,
    twin: kind === 'plan' ? 'national-2024-2028-trend' : 'national-2024-2028',
    documents: [PLAN_NATIONAL_2024],
    scenario,
    figures: book.figures,
    targets: PLAN_NATIONAL_2024.targets.filter((t) => t.indicator !== undefined),
    calibration: NATIONAL_CALIBRATION,
    notes: [
      'The official hukou urbanisation rate (registeredHukouUrbanisationRate) divides by the registered population; nationally it is taken as the residents (no registered stocks outside the residents), so it equals hukouUrbanisationRate.',
      'The plan gives no number for hukou conversion: the plan preset assumes a level for its settlement tiers (二(二)1), with a range; the trend twin keeps the 2021-2023 level.',
      'The plan commits no migration level: both presets keep the 2021-2023 rural-to-urban level, and the plan\'s 70 % is judged, not imposed.',
      'The 2020 census counted residents on 1 November; it is taken as the end of 2020.',
    ],
  };
}

/**
 * 国发〔2024〕17号: the trend twin plus the settlement tiers (an assumed conversion level).
 *
 * @example
 * NATIONAL_2024_2028.targets[0].value
 * // => 0.7
 */
export const NATIONAL_2024_2028: Preset = build('plan');
/**
 * China with 2021-2023 trends continued.
 *
 * @example
 * NATIONAL_2024_2028_TREND.twin
 * // => 'national-2024-2028'
 */
export const NATIONAL_2024_2028_TREND: Preset = build('trend');
