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
import type { ScenarioInput } from '../schema/scenario.js';
import { FigureBook } from './figureBook.js';
import { withCommitments, type PolicyAssumption } from './commitments.js';
import { observations, observedFigure } from './observed.js';
import type { Preset, PresetCalibration } from './types.js';

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
    sources: [
      { document: '国发〔2024〕17号', clause: '一', note: 'resident urbanisation rate close to 70 % after five years (end of 2028)' },
      { document: 'NBS 2023 statistical communique', note: 'base population and urbanisation rates' },
      { document: 'UN World Population Prospects 2024', note: 'mortality, fertility, sex ratio at birth, net international migration' },
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
      'The hukou urbanisation rate is hukou / residents; the official rate divides by the registered population, about the same nationally.',
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
