/**
 * Hindcasts: project an area from the 2020 census with assumptions fixed from data up to a
 * cut-off year, and compare each later year with what was published (resident urbanisation
 * rate, population, births, deaths). Nothing is tuned to the years scored.
 *
 * With the cut-off at 2020 (the default) no later data are used: the rural-to-urban migration
 * level is the one at which the first year's rise is the national 2010-2018 propensity of rural
 * residents to urbanise (UN WUP 2018 estimates) times the area's 2020 rural share, mortality
 * and fertility are the area's census levels on the UN WPP 2024 schedules (censusLevels), and a
 * province gains the net migrants a year of the 2010-2020 census residual, on top of gross
 * flows with other provinces (a tenth of its census residents registered in another province
 * leave each year and as many arrive, at younger ages; split rural and urban by the census
 * estimate). With a
 * later cut-off, the factors on those levels (and, for a province, net migrants from other
 * provinces) are fitted to the observations up to it, and the migration level is set year by
 * year: each year up to the cut-off meets its published resident rate, and from then on the
 * rural share shrinks at its own 2010-to-cut-off pace (`ruralPace2010To`).
 */

import { CENSUS_2010_COUNTIES } from '../../seeds/census-counties/index.js';
import { OBSERVED_URBANISATION, type ObservedArea } from '../../seeds/observed/urbanisation.js';
import { WUP2018_CHINA_URBAN } from '../../seeds/un-wup2018.js';
import { ChengzhenError } from '../errors.js';
import { censusNetMigrants2010To2020, censusOtherProvinceFlows, OTHER_PROVINCE_EXIT_RATE } from '../model/censusLevels.js';
import { censusRegisteredBase2020 } from '../model/registeredBase.js';
import { project } from '../model/project.js';
import type { Scenario, ScenarioInput } from '../schema/scenario.js';
import { calibrate } from '../solve/calibrate.js';
import type { LeverSpec } from '../solve/levers.js';
import { solveLever } from '../solve/solveLever.js';
import { observations } from './observed.js';
import { RETURN_RATE } from './province.js';

/**
 * The areas with observed outcomes to hindcast.
 *
 * @example
 * HINDCAST_AREAS
 * // => ['China', 'Shanghai', 'Shandong', 'Zhejiang']
 */
export const HINDCAST_AREAS = ['China', 'Shanghai', 'Shandong', 'Zhejiang'] as const;
/** An area with observed outcomes to hindcast, one of {@link HINDCAST_AREAS}. */
export type HindcastArea = (typeof HINDCAST_AREAS)[number];

/**
 * The measures a hindcast scores.
 *
 * @example
 * HINDCAST_MEASURES
 * // => ['residentUrbanisationRate', 'population', 'births', 'deaths']
 */
export const HINDCAST_MEASURES = ['residentUrbanisationRate', 'population', 'births', 'deaths'] as const;
/** A measure a hindcast scores, one of {@link HINDCAST_MEASURES}. */
export type HindcastMeasure = (typeof HINDCAST_MEASURES)[number];

/** One year of one measure: projected against observed. */
export interface HindcastPoint {
  measure: HindcastMeasure;
  year: number;
  projected: number;
  observed: number;
  /** projected - observed, in the measure's unit (shares for rates). */
  error: number;
  /** error / observed. */
  relativeError: number;
}

/**
 * The official hukou urbanisation rate (户籍人口城镇化率, over the registered population) of one
 * year, projected, against the published rate where there is one. Not part of any fit.
 */
export interface HindcastHukouPoint {
  year: number;
  /** registeredHukouUrbanisationRate, 0-1. */
  projected: number;
  /** The registered population it divides by. */
  registeredPopulation: number;
  /** The published rate, or null where none is in the data. */
  observed: number | null;
  /** projected - observed, or null. */
  error: number | null;
}

/** A hindcast: what was assumed and how far each scored year was off. */
export interface HindcastResult {
  area: HindcastArea;
  from: number;
  /** The last year whose data the assumptions used. */
  calibratedUpTo: number;
  /** How the levers were set, and their values. */
  method: string;
  /**
   * The levers set: path and value, and for a lever set year by year (a step schedule) the
   * year from which each value holds (the last holds to the end).
   */
  levers: { path: string; value: number; year?: number }[];
  points: HindcastPoint[];
  /** Mean absolute error of each measure over the scored years (units as the measure). */
  meanAbsoluteError: Partial<Record<HindcastMeasure, number>>;
  /** The official hukou rate of every year after the base, and the published one where known. */
  hukou: HindcastHukouPoint[];
}

const REGION_ID: Record<HindcastArea, string> = { China: 'china', Shanghai: 'shanghai', Shandong: 'shandong', Zhejiang: 'zhejiang' };
const NAME_ZH: Record<HindcastArea, string> = { China: '全国', Shanghai: '上海', Shandong: '山东', Zhejiang: '浙江' };

function observed(area: ObservedArea, year: number) {
  return OBSERVED_URBANISATION.find((r) => r.area === area && r.year === year);
}

/** What the method says about the gross flows with other provinces ('' for China). */
function grossText(area: HindcastArea): string {
  const flows = censusOtherProvinceFlows(area);
  if (!flows) return '';
  return `; gross flows with other provinces of ${Math.round(flows.grossOut)} a year each way (a ${OTHER_PROVINCE_EXIT_RATE * 100} % a year exit, assumed, of the ${flows.stock2020} residents registered in another province at the 2020 census; arrivals at young adult ages, leavers at return-migration ages; ${(flows.ruralShare * 100).toFixed(1)} % rural, the census county estimate), on top of the net`;
}

/** What the method says about the hukou base. */
function hukouText(area: HindcastArea): string {
  const observedRate = observed(area, 2020)!;
  const base = censusRegisteredBase2020(area, observedRate.residentUrbanisationRate!);
  if (!base) return `; hukou from the published ${((observedRate.hukouUrbanisationRate ?? 0) * 100).toFixed(1)} % of 2020, the registered population taken as the residents (a 5 % conversion level assumed)`;
  return `; hukou from the census registered base (official rate ${(base.officialRate * 100).toFixed(1)} %, urban residents with local hukou ${(base.localHukouRate * 100).toFixed(1)} % of residents; docs/demography.md) and a 5 % conversion level assumed`;
}

/** The 2020-census scenario of an area, with starting levers. */
function baseScenario(area: HindcastArea, endYear: number): ScenarioInput {
  const id = REGION_ID[area];
  const census = observed(area, 2020)!;
  const resident = census.residentUrbanisationRate!;
  const flows = censusOtherProvinceFlows(area);
  // China: the published official rate, with the registered population taken as the residents;
  // a province: its census registered base (residents registered elsewhere, registrants outside)
  const registered = area === 'China' ? null : censusRegisteredBase2020(area, resident)!;
  const hukou = registered ? registered.localHukouRate : census.hukouUrbanisationRate!;
  const stocks = registered
    ? {
        residentsRegisteredElsewhere: registered.residentsRegisteredElsewhere,
        registrantsOutside: registered.registrantsOutside,
        registrantsOutsideUrbanShare: registered.officialRate,
        // the out-flow is the census stock leaving (a tenth of it a year)
        leaversRegisteredElsewhereShare: 1,
      }
    : { residentsRegisteredElsewhere: { rural: 0, migrant: 0 }, registrantsOutside: 0, registrantsOutsideUrbanShare: 0 };
  // gross flows with other provinces: a tenth of the census stock leaves each year (assumed), as
  // many arrive at young adult ages, rural as the census estimate says; the net on top
  const statusShares = flows ? { rural: flows.ruralShare, migrant: 1 - flows.ruralShare, hukou: 0 } : { rural: 0, migrant: 1, hukou: 0 };
  const gross = flows
    ? {
        externalInMigrants: flows.grossOut,
        externalInStatusShares: statusShares,
        externalOutMigrants: flows.grossOut,
        externalOutStatusShares: statusShares,
        externalStatusShares: statusShares,
      }
    : {};
  return {
    name: `${area} from the 2020 census (hindcast)`,
    baseYear: 2020,
    endYear,
    regions: [{ id, nameEn: area, nameZh: NAME_ZH[area], tier: area === 'China' ? 'country' : area === 'Shanghai' ? 'megacity' : 'province' }],
    base: {
      [id]: {
        population: { census2020: area, scaleToTotal: census.residentPopulation! },
        residentUrbanisationRate: resident,
        hukouUrbanisationRate: hukou,
        registered: stocks,
      },
    },
    demography: {
      mortality: { source: 'un-wpp2024', mxScale: 1 },
      fertility: { tfr: 'un-wpp2024', tfrScale: 1 },
      netInternationalMigration: area === 'China' ? 'un-wpp2024' : 'none',
    },
    // from other provinces: the 2010-2020 census residual (data up to 2020); the fit replaces it
    migration: { ruralToUrbanRate: 0.02, returnRate: RETURN_RATE.value, externalNetMigrants: censusNetMigrants2010To2020(area) ?? 0, ...gross },
    hukou: { conversionRate: 0.05 },
  };
}

/**
 * The national propensity of rural residents to become urban, 2010-2018 (UN WUP 2018
 * estimates): the mean yearly rise of the urban share divided by the mean rural share, so that
 * a region's pace follows its own, shrinking, rural share rather than the 2010s pace in points.
 * A share of rural residents per year.
 *
 * @example
 * ruralUrbanisationPropensity2010To2018()
 * // => 0.02711
 */
export function ruralUrbanisationPropensity2010To2018(): number {
  const at = (year: number) => WUP2018_CHINA_URBAN.percentUrban[year - WUP2018_CHINA_URBAN.firstYear] / 100;
  let rural = 0;
  for (let year = 2010; year <= 2018; year++) rural += 1 - at(year);
  return (at(2018) - at(2010)) / 8 / (rural / 9);
}

/** The GB/T 2260 code of each province among the hindcast areas (China: every province). */
const PROVINCE_CODE: Record<HindcastArea, string | null> = { China: null, Shanghai: '310000', Shandong: '370000', Zhejiang: '330000' };

/**
 * The area's urban share at the 2010 census: its province row of the county-level census
 * yearbook (urban over residents), or, for China, the sum of the 31 province rows (50.27 %; the
 * national communique's 49.68 % counts the armed forces and is on an older boundary of urban).
 *
 * @example
 * urbanShare2010('Shanghai')
 * // => 0.8929546453316615
 */
export function urbanShare2010(area: HindcastArea): number {
  const table = CENSUS_2010_COUNTIES;
  const code = PROVINCE_CODE[area];
  let urban = 0;
  let residents = 0;
  for (let i = 0; i < table.rows; i++) {
    if (table.text.level[i] !== 'province' || (code !== null && table.text.code[i] !== code)) continue;
    urban += table.numbers.urban[i]!;
    residents += table.numbers.population[i]!;
  }
  return urban / residents;
}

/**
 * The long-run pace of urbanisation up to `year`: the constant share p of rural residents a
 * year by which the rural share falls from the 2010 census (`urbanShare2010`) to the published
 * rate of `year`, (1 - u_year) = (1 - u_2010) (1 - p)^(year - 2010). Uses nothing after `year`.
 *
 * @throws {ChengzhenError} when the area published no resident rate for `year`.
 * @example
 * ruralPace2010To('Shandong', 2022)
 * // => 0.028693 (within 1e-6)
 */
export function ruralPace2010To(area: HindcastArea, year: number): number {
  const rate = observed(area, year)?.residentUrbanisationRate;
  if (rate === null || rate === undefined) {
    throw new ChengzhenError([{ code: 'out_of_range', path: ['year'], message: `${area} published no resident urbanisation rate for ${year}`, received: String(year) }]);
  }
  return 1 - ((1 - rate) / (1 - urbanShare2010(area))) ** (1 / (year - 2010));
}

/**
 * The rural-to-urban migration level of `year` at which the area's resident rate of that year
 * is `target`, the levels of earlier years held at `earlier` (a step schedule): bisection,
 * the rate rising with the level.
 */
function levelMeetingRate(scenario: Scenario | ScenarioInput, region: string, earlier: [number, number][], year: number, target: number): number {
  const rateAt = (level: number) => {
    const points: [number, number][] = [...earlier, [year, level]];
    const trial = { ...scenario, migration: { ...scenario.migration, ruralToUrbanRate: { points, interpolation: 'step' as const } } };
    const series = project(trial).indicator('residentUrbanisationRate', { region });
    return series.values[series.years.indexOf(year)];
  };
  // bracket: double the upper end from 1 % while the rate stays below the target (a level
  // past the age profile's limit does not compile, so the doubling stops well short of it)
  let lo = 0;
  let hi = 0.01;
  if (rateAt(lo) >= target) return lo;
  while (rateAt(hi) < target) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 60 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (rateAt(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Projects `area` from the 2020 census with assumptions from data up to `calibrateUpTo` and
 * scores every later year with published outcomes.
 *
 * @throws {ChengzhenError} for an unknown area, a `from` other than 2020, or a cut-off with
 *   nothing left to score.
 * @example
 * const h = hindcast('China', { from: 2020 });
 * h.meanAbsoluteError.residentUrbanisationRate   // in shares: 0.0045 is 0.45 points
 * // => 0.0045
 */
export function hindcast(area: string, options: { from?: number; calibrateUpTo?: number } = {}): HindcastResult {
  if (!(HINDCAST_AREAS as readonly string[]).includes(area)) {
    throw new ChengzhenError([{ code: 'invalid_value', path: ['area'], message: `area must be one of ${HINDCAST_AREAS.join(', ')}, received ${JSON.stringify(area)}`, received: area }]);
  }
  const a = area as HindcastArea;
  const from = options.from ?? 2020;
  if (from !== 2020) {
    throw new ChengzhenError([{ code: 'out_of_range', path: ['from'], message: `from must be 2020 (the census base), received ${from}`, received: String(from) }]);
  }
  const upTo = options.calibrateUpTo ?? from;
  const lastObserved = Math.max(...OBSERVED_URBANISATION.filter((r) => r.area === a).map((r) => r.year));
  if (upTo >= lastObserved) {
    throw new ChengzhenError([
      { code: 'out_of_range', path: ['calibrateUpTo'], message: `calibrateUpTo must be before ${lastObserved}, the last observed year, received ${upTo}`, received: String(upTo) },
    ]);
  }
  let scenario = baseScenario(a, lastObserved);
  let method: string;
  let levers: { path: string; value: number }[];
  if (upTo === from) {
    const propensity = ruralUrbanisationPropensity2010To2018();
    const start = observed(a, from)!.residentUrbanisationRate!;
    const target = { indicator: 'residentUrbanisationRate', year: from + 1, value: start + propensity * (1 - start) };
    const solved = solveLever(scenario, { lever: { path: 'migration.ruralToUrbanRate' }, target });
    scenario = solved.scenario;
    method = `Data up to 2020 only: the rural-to-urban migration level at which ${from + 1} rises by the national 2010-2018 propensity of rural residents to urbanise (UN WUP 2018: ${(propensity * 100).toFixed(2)} % of the rural share a year) times the 2020 rural share; mortality and fertility at the area's census levels (2020 census children aged 0, 2010 census deaths, NBS 2020 deaths) on the UN WPP 2024 schedules${a === 'China' ? '' : `; net migrants from other provinces at the 2010-2020 census residual (${Math.round(censusNetMigrants2010To2020(a) ?? 0)} a year)`}${grossText(a)}${hukouText(a)}.`;
    levers = [{ path: 'migration.ruralToUrbanRate', value: solved.value }];
  } else {
    const leverSpecs: LeverSpec[] = [{ path: 'migration.ruralToUrbanRate' }, { path: 'demography.mortality.mxScale' }, { path: 'demography.fertility.tfrScale' }];
    if (a !== 'China') leverSpecs.push({ path: 'migration.externalNetMigrants' });
    const fit = calibrate(scenario, {
      levers: leverSpecs,
      observations: observations(a, from + 1, upTo, ['residentUrbanisationRate', 'residentPopulation', 'births', 'deaths']),
    });
    // the migration level, year by year: each fitted year meets its published rate; after the
    // cut-off the rural share shrinks at its 2010-to-cut-off pace (the fitted years' own pace,
    // 2022 the slowest of the decade, is not taken as the future's)
    const pace = ruralPace2010To(a, upTo);
    const last = observed(a, upTo)!.residentUrbanisationRate!;
    const steps: [number, number][] = [];
    for (let year = from + 1; year <= upTo + 1; year++) {
      const target = year <= upTo ? observed(a, year)?.residentUrbanisationRate : 1 - (1 - last) * (1 - pace);
      if (target === null || target === undefined) continue;
      steps.push([year, levelMeetingRate(fit.scenario, REGION_ID[a], steps, year, target)]);
    }
    scenario = { ...fit.scenario, migration: { ...fit.scenario.migration, ruralToUrbanRate: { points: steps, interpolation: 'step' } } };
    method = `Fitted to the published ${from + 1}-${upTo} resident urbanisation rates, populations, births and deaths: ${leverSpecs.map((l) => l.path).join(', ')} (the factors multiply the area's census levels); then the rural-to-urban migration level year by year, each of ${from + 1}-${upTo} meeting its published rate and ${upTo + 1} on (held) shrinking the rural share by ${(pace * 100).toFixed(2)} % a year, its pace from the 2010 census (${(urbanShare2010(a) * 100).toFixed(2)} % urban) to ${upTo}${grossText(a)}${hukouText(a)}.`;
    levers = [
      ...fit.levers.filter((l) => l.lever.path !== 'migration.ruralToUrbanRate').map((l) => ({ path: l.lever.path, value: l.value })),
      ...steps.map(([year, value]) => ({ path: 'migration.ruralToUrbanRate', value, year })),
    ];
  }
  const projection = project(scenario);
  const region = REGION_ID[a];
  const fields: Record<HindcastMeasure, 'residentUrbanisationRate' | 'residentPopulation' | 'births' | 'deaths'> = {
    residentUrbanisationRate: 'residentUrbanisationRate',
    population: 'residentPopulation',
    births: 'births',
    deaths: 'deaths',
  };
  const points: HindcastPoint[] = [];
  for (const measure of HINDCAST_MEASURES) {
    const series = projection.indicator(measure, { region });
    for (let year = upTo + 1; year <= lastObserved; year++) {
      const value = observed(a, year)?.[fields[measure]];
      const i = series.years.indexOf(year);
      if (value === null || value === undefined || i < 0) continue;
      const error = series.values[i] - value;
      points.push({ measure, year, projected: series.values[i], observed: value, error, relativeError: error / value });
    }
  }
  const meanAbsoluteError: Partial<Record<HindcastMeasure, number>> = {};
  for (const measure of HINDCAST_MEASURES) {
    const errors = points.filter((p) => p.measure === measure).map((p) => Math.abs(p.error));
    if (errors.length > 0) meanAbsoluteError[measure] = errors.reduce((s, e) => s + e, 0) / errors.length;
  }
  // the published hukou rates are the official ones (China only in the data), never fitted
  const official = projection.indicator('registeredHukouUrbanisationRate', { region });
  const registered = projection.indicator('registeredPopulation', { region });
  const hukou: HindcastHukouPoint[] = [];
  for (let year = from + 1; year <= lastObserved; year++) {
    const i = official.years.indexOf(year);
    const value = observed(a, year)?.hukouUrbanisationRate;
    if (i < 0) continue;
    const published = value ?? null;
    hukou.push({ year, projected: official.values[i], registeredPopulation: registered.values[i], observed: published, error: published === null ? null : official.values[i] - published });
  }
  return { area: a, from, calibratedUpTo: upTo, method, levers, points, meanAbsoluteError, hukou };
}
