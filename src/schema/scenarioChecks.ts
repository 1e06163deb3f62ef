/**
 * The checks of a scenario that need more than its structure: every schedule evaluated over
 * the projection years for every region, the census areas named, the lengths of arrays by
 * age, age profiles that are not zero everywhere, and destination shares that sum to 1. They run at parse time, together, so that a scenario that
 * parses compiles and projects without an input error, and every problem is reported at once
 * in the scenario's own paths.
 */

import { CENSUS_2020_POPULATION_BY_AGE } from '../../seeds/census2020/populationByAge.js';
import { ChengzhenError, formatPath, type ChengzhenIssue } from '../errors.js';
import { isPooledDestinations, pooledMatrixFrom } from './pooledDestinations.js';
import { forRegion, type PerRegion } from './regionValues.js';
import { scheduleValues, type Schedule, type ScheduleRange } from './schedule.js';
import { registeredIssues } from './registered.js';
import type { AgeProfile, PopulationSpec, Scenario } from './scenario.js';

/**
 * The values each scenario schedule may take in any year. Rates are shares; `mxScale` must be
 * above 0 (a life table needs death rates).
 *
 * @example
 * SCHEDULE_RANGES.mxScale.exclusiveMin
 * // => true
 */
export const SCHEDULE_RANGES = Object.freeze({
  share: Object.freeze({ min: 0, max: 1 }),
  externalNetMigrants: Object.freeze({ min: -1e9, max: 1e9 }),
  externalGrossMigrants: Object.freeze({ min: 0, max: 1e9 }),
  mxScale: Object.freeze({ min: 0, max: 100, exclusiveMin: true }),
  tfr: Object.freeze({ min: 0, max: 15 }),
  tfrScale: Object.freeze({ min: 0, max: 10 }),
  sexRatioAtBirth: Object.freeze({ min: 0.5, max: 2 }),
}) satisfies Record<string, ScheduleRange>;

/** The schedules of a scenario, each with its path and range; absent ones are left out. */
function schedulesOf(s: Scenario): { value: PerRegion<Schedule>; path: string[]; range: ScheduleRange }[] {
  const d = s.demography;
  const list: { value: PerRegion<Schedule> | undefined | 'un-wpp2024'; path: string[]; range: ScheduleRange }[] = [
    { value: d.mortality.mxScale, path: ['demography', 'mortality', 'mxScale'], range: SCHEDULE_RANGES.mxScale },
    { value: d.fertility.tfr, path: ['demography', 'fertility', 'tfr'], range: SCHEDULE_RANGES.tfr },
    { value: d.fertility.tfrScale, path: ['demography', 'fertility', 'tfrScale'], range: SCHEDULE_RANGES.tfrScale },
    { value: d.sexRatioAtBirth, path: ['demography', 'sexRatioAtBirth'], range: SCHEDULE_RANGES.sexRatioAtBirth },
    { value: s.migration.ruralToUrbanRate, path: ['migration', 'ruralToUrbanRate'], range: SCHEDULE_RANGES.share },
    { value: s.migration.reclassificationRate, path: ['migration', 'reclassificationRate'], range: SCHEDULE_RANGES.share },
    { value: s.migration.returnRate, path: ['migration', 'returnRate'], range: SCHEDULE_RANGES.share },
    { value: s.migration.externalNetMigrants, path: ['migration', 'externalNetMigrants'], range: SCHEDULE_RANGES.externalNetMigrants },
    { value: s.migration.externalInMigrants, path: ['migration', 'externalInMigrants'], range: SCHEDULE_RANGES.externalGrossMigrants },
    { value: s.migration.externalOutMigrants, path: ['migration', 'externalOutMigrants'], range: SCHEDULE_RANGES.externalGrossMigrants },
    { value: s.hukou.conversionRate, path: ['hukou', 'conversionRate'], range: SCHEDULE_RANGES.share },
  ];
  return list.filter((e): e is { value: PerRegion<Schedule>; path: string[]; range: ScheduleRange } => e.value !== undefined && e.value !== 'un-wpp2024');
}

/** Runs a check that throws ChengzhenError and keeps its issues. */
function collect(issues: ChengzhenIssue[], check: () => void): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof ChengzhenError)) throw error;
    issues.push(...error.issues);
  }
}

/** Every schedule for every region over the projection years, each value once. */
/** True when a plain number is a schedule that scheduleValues takes in every year (it then reports nothing). */
function numberInRange(value: unknown, range: ScheduleRange): boolean {
  return typeof value === 'number' && Number.isFinite(value) && !(value < range.min) && !(range.exclusiveMin && value === range.min) && !(value > range.max);
}

function scheduleIssues(s: Scenario, issues: ChengzhenIssue[]): void {
  for (const { value, path, range } of schedulesOf(s)) {
    const seen = new Set<string>();
    // a region's own number in range has nothing to report: checked without a path (thousands
    // of regions by byRegion); anything else as below
    const byRegion = typeof value === 'object' && value !== null && 'byRegion' in value ? value.byRegion : null;
    // a value for all regions, and a default, are found at one path for every region that
    // takes them: checked for the first such region only (the others would find the path seen)
    const takesShared = byRegion === null || (value as { default?: unknown }).default !== undefined;
    let shared = false;
    for (const region of s.regions) {
      const own = byRegion !== null && Object.hasOwn(byRegion, region.id);
      if (own && numberInRange(byRegion[region.id], range)) continue;
      if (!own && takesShared) {
        if (shared) continue;
        shared = true;
      }
      collect(issues, () => {
        const found = forRegion(value, region.id, path);
        const key = formatPath(found.path);
        if (seen.has(key)) return;
        seen.add(key);
        scheduleValues(found.value, found.path, s.baseYear + 1, s.endYear, range);
      });
    }
  }
}

/** An age profile: the right number of ages, and above 0 somewhere. */
function profileIssues(profile: AgeProfile | undefined, maxAge: number, path: (string | number)[], issues: ChengzhenIssue[]): void {
  if (profile === undefined || typeof profile === 'string') return;
  if ('byAge' in profile) {
    const at = [...path, 'byAge'];
    if (profile.byAge.length !== maxAge + 1) {
      issues.push({
        code: 'wrong_length',
        path: at,
        message: `${formatPath(at)} must have one value per age 0..${maxAge} (${maxAge + 1}), received ${profile.byAge.length}`,
        expected: `${maxAge + 1} values`,
        received: String(profile.byAge.length),
      });
    } else if (!profile.byAge.some((v) => v > 0)) {
      issues.push({ code: 'invalid_value', path: at, message: `${formatPath(at)} must be above 0 at some age, received 0 at every age`, expected: 'a value > 0 at some age', received: 'all 0' });
    }
    return;
  }
  const p = profile.rogersCastro;
  const at = [...path, 'rogersCastro'];
  const retirement = [p.a3, p.alpha3, p.mu3, p.lambda3].filter((v) => v !== undefined).length;
  if (retirement !== 0 && retirement !== 4) {
    issues.push({ code: 'invalid_value', path: at, message: `${formatPath(at)} must give all of a3, alpha3, mu3 and lambda3 or none, received ${retirement} of them`, expected: 'all four or none', received: String(retirement) });
  }
  for (const mu of ['mu2', 'mu3'] as const) {
    const value = p[mu];
    if (value !== undefined && value > maxAge) {
      issues.push({ code: 'out_of_range', path: [...at, mu], message: `${formatPath([...at, mu])} must be <= maxAge (${maxAge}), received ${value}`, expected: `<= ${maxAge}`, received: String(value) });
    }
  }
  if (!(p.a1 + p.a2 + (p.a3 ?? 0) + p.c > 0)) {
    issues.push({ code: 'invalid_value', path: at, message: `${formatPath(at)} must have a height above 0 (a1, a2, a3 or c), received 0 for every height`, expected: 'a1 + a2 + a3 + c > 0', received: '0' });
  }
}

/** The census area a name stands for, by the rule `basePopulation` applies. */
export function findCensusArea2020(name: string) {
  const key = name.trim().toLowerCase();
  return CENSUS_2020_POPULATION_BY_AGE.areas.find(
    (p) => String(p.code) === key || p.nameZh === name.trim() || p.nameEn.toLowerCase() === key || (key === 'china' && p.code === 0),
  );
}

function populationIssues(spec: PopulationSpec, maxAge: number, path: (string | number)[], issues: ChengzhenIssue[]): void {
  if ('census2020' in spec) {
    if (findCensusArea2020(spec.census2020) === undefined) {
      const at = [...path, 'census2020'];
      issues.push({
        code: 'invalid_value',
        path: at,
        message: `${formatPath(at)} names no area of the 2020 census: ${JSON.stringify(spec.census2020)} (use "China", a province code such as 370000, or a name such as Shandong or 山东)`,
        expected: 'China, a province code or name',
        received: spec.census2020,
      });
    }
    return;
  }
  let sum = 0;
  if ('ageGroups' in spec) {
    const g = spec.ageGroups;
    for (let i = 1; i < g.starts.length; i++) {
      if (g.starts[i] <= g.starts[i - 1]) {
        const at = [...path, 'ageGroups', 'starts', i];
        issues.push({ code: 'invalid_value', path: at, message: `${formatPath(at)} must be a whole age above ${g.starts[i - 1]}, received ${g.starts[i]}`, expected: `> ${g.starts[i - 1]}`, received: String(g.starts[i]) });
        break;
      }
    }
    for (const sex of ['female', 'male'] as const) {
      if (g[sex].length !== g.starts.length) {
        const at = [...path, 'ageGroups', sex];
        issues.push({ code: 'wrong_length', path: at, message: `${formatPath(at)} must have one value per group (${g.starts.length}), received ${g[sex].length}`, expected: `${g.starts.length} values`, received: String(g[sex].length) });
      }
      for (const v of g[sex]) sum += v;
    }
  } else {
    for (const sex of ['female', 'male'] as const) {
      const values = spec.singleAges[sex];
      if (values.length !== maxAge + 1) {
        const at = [...path, 'singleAges', sex];
        issues.push({ code: 'wrong_length', path: at, message: `${formatPath(at)} must have one value per age 0..${maxAge} (${maxAge + 1}), received ${values.length}`, expected: `${maxAge + 1} values`, received: String(values.length) });
      }
      for (const v of values) sum += v;
    }
  }
  if (spec.scaleToTotal !== undefined && !(sum > 0)) {
    const at = [...path, 'scaleToTotal'];
    issues.push({ code: 'invalid_value', path: at, message: `${formatPath(at)} cannot rescale a population of 0`, expected: 'a population above 0', received: '0' });
  }
}

function destinationIssues(shares: Scenario['migration']['destinations'], path: string[], regions: Scenario['regions'], issues: ChengzhenIssue[]): void {
  if (!shares) return;
  if (isPooledDestinations(shares)) {
    issues.push(...pooledMatrixFrom(shares, regions, path).issues);
    return;
  }
  for (const [from, row] of Object.entries(shares)) {
    let sum = 0;
    for (const share of Object.values(row)) sum += share;
    if (Math.abs(sum - 1) > 1e-9) {
      const at = [...path, from];
      issues.push({ code: 'row_sum', path: at, message: `${formatPath(at)}: the shares must sum to 1, received ${sum}`, expected: 'a sum of 1 within 1e-9', received: String(sum) });
    }
  }
}

/**
 * The issues of a structurally valid scenario whose region ids are known to be valid (see
 * the file comment); an empty list when there are none.
 *
 * @example
 * scenarioIssues(parseScenario(getPreset('zhejiang-2023').scenario)).length
 * // => 0
 */
export function scenarioIssues(s: Scenario): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  for (const region of s.regions) {
    const base = Object.hasOwn(s.base, region.id) ? s.base[region.id] : undefined;
    if (!base) continue;
    const path = ['base', region.id];
    populationIssues(base.population, s.maxAge, [...path, 'population'], issues);
    for (const status of ['rural', 'migrant', 'hukou'] as const) profileIssues(base.statusAgePattern?.[status], s.maxAge, [...path, 'statusAgePattern', status], issues);
  }
  profileIssues(s.migration.ruralToUrbanAgeProfile, s.maxAge, ['migration', 'ruralToUrbanAgeProfile'], issues);
  profileIssues(s.migration.returnAgeProfile, s.maxAge, ['migration', 'returnAgeProfile'], issues);
  profileIssues(s.migration.externalAgeProfile, s.maxAge, ['migration', 'externalAgeProfile'], issues);
  profileIssues(s.migration.externalInAgeProfile, s.maxAge, ['migration', 'externalInAgeProfile'], issues);
  profileIssues(s.migration.externalOutAgeProfile, s.maxAge, ['migration', 'externalOutAgeProfile'], issues);
  profileIssues(s.hukou.ageProfile, s.maxAge, ['hukou', 'ageProfile'], issues);
  destinationIssues(s.migration.destinations, ['migration', 'destinations'], s.regions, issues);
  destinationIssues(s.migration.returnDestinations, ['migration', 'returnDestinations'], s.regions, issues);
  scheduleIssues(s, issues);
  issues.push(...registeredIssues(s, (id) => baseTotal(s, id)));
  return issues;
}

/** A region's base residents where the scenario fixes them (a total, or a census year-end 2020 not carried), else null. */
function baseTotal(s: Scenario, id: string): number | null {
  const spec = s.base[id].population;
  if (spec.scaleToTotal !== undefined) return spec.scaleToTotal;
  if ('census2020' in spec) {
    if (s.baseYear > 2020 && spec.rollForward) return null;
    const area = findCensusArea2020(spec.census2020);
    if (!area) return null;
    let sum = 0;
    for (let g = 0; g < area.female.length; g++) sum += area.female[g] + area.male[g];
    return sum;
  }
  let sum = 0;
  const values = 'ageGroups' in spec ? [...spec.ageGroups.female, ...spec.ageGroups.male] : [...spec.singleAges.female, ...spec.singleAges.male];
  for (const v of values) sum += v;
  return sum;
}
