/**
 * Zhejiang's 2023 plan against what happened (浙发改城镇函〔2023〕388号): the work points aimed
 * at a resident urbanisation rate of 73.5 % by the end of 2023; the province published 74.2 %.
 * Would the trend known before the plan have said so, and how far off is a hindcast?
 *
 * 1. Project the trend preset `zhejiang-2023-trend` (2021-2022 trends continued from 2022).
 * 2. Put its 2023 rate beside the target and the published outcome (seeds/observed).
 * 3. Hindcast: project from the 2020 census with levers fitted to 2021-2022 only, and score
 *    2023-2024 against the published rate, population, births and deaths.
 *
 * Run: npm run example -- zhejiang
 */

import { getPreset, hindcast, LEVERS, OBSERVED_URBANISATION, project, scorecard, type HindcastMeasure } from '../src/index.js';
import { count, heading, inUnit, pct, points, printTable, wrap } from './format.js';

const trend = getPreset('zhejiang-2023-trend');
console.log(heading(`${trend.title} (${trend.id})`));
console.log(`${trend.titleZh}\n`);

// 1-2. The trend preset's rate, the plan's target, and what was published
const projection = project(trend.scenario);
const resident = projection.indicator('residentUrbanisationRate');
const target = trend.targets.find((t) => t.indicator === 'residentUrbanisationRate')!;
const published = (year: number) => OBSERVED_URBANISATION.find((r) => r.area === 'Zhejiang' && r.year === year);
console.log('Resident urbanisation rate at the end of each year:\n');
printTable(
  ['year', 'trend preset', 'plan target', 'published', 'trend - published'],
  resident.years
    .filter((year) => year <= 2024)
    .map((year) => {
      const value = resident.values[resident.years.indexOf(year)];
      const observed = published(year)?.residentUrbanisationRate ?? null;
      return [
        String(year) + (year === projection.baseYear ? ' (base)' : ''),
        pct(value),
        year === target.year ? pct(target.value) : '',
        observed === null ? '-' : pct(observed),
        observed === null ? '' : points(value - observed),
      ];
    }),
);
const row2023 = scorecard(projection, [target])[0];
const outcome = published(2023)!;
console.log();
console.log(
  wrap(
    `The target (${target.source.document} ${target.source.clause}: ${pct(target.value)} by the end of ${target.year}) is ${row2023.status} on trend, by ${points(row2023.margin!)}. Published: ${pct(outcome.residentUrbanisationRate!)} (${outcome.source.citation}; ${outcome.reliability}), ${points(outcome.residentUrbanisationRate! - target.value, { signed: false })} above the target. Urbanisation ran ahead of the 2021-2022 trend: the preset is ${points(row2023.projected! - outcome.residentUrbanisationRate!, { signed: false })} below the outcome.`,
    96,
    '',
  ),
);

// 3. The hindcast: fit the mortality, fertility and inflow levels to 2021-2022 and the migration
// level year by year (then the long-run pace), project from the 2020 census, score later years
const result = hindcast('Zhejiang', { calibrateUpTo: 2022 });
console.log(`\nHindcast from the 2020 census, calibrated up to ${result.calibratedUpTo}:`);
console.log(`  ${wrap(result.method, 94, '  ')}`);
for (const lever of result.levers) {
  const unit = LEVERS[lever.path as keyof typeof LEVERS].unit;
  const value = unit.startsWith('share') ? pct(lever.value) : unit.startsWith('factor') ? lever.value.toFixed(3) : count(lever.value);
  const label = lever.year === undefined ? lever.path : `${lever.path} (${lever.year} on)`;
  console.log(`  ${label.padEnd(38)} ${value} (${unit})`);
}
const UNITS: Record<HindcastMeasure, string> = { residentUrbanisationRate: 'share (0-1)', population: 'persons', births: 'persons per year', deaths: 'persons per year' };
console.log();
printTable(
  ['measure', 'year', 'projected', 'published', 'error', 'relative error'],
  result.points.map((p) => [
    `${p.measure} (${UNITS[p.measure]})`,
    String(p.year),
    inUnit(p.projected, UNITS[p.measure]),
    inUnit(p.observed, UNITS[p.measure]),
    p.measure === 'residentUrbanisationRate' ? points(p.error) : `${p.error > 0 ? '+' : ''}${count(p.error)}`,
    pct(p.relativeError),
  ]),
);
const mae = result.meanAbsoluteError;
console.log();
console.log(
  wrap(
    `Mean absolute error: urbanisation ${points(mae.residentUrbanisationRate!, { signed: false })}, population ${count(mae.population!)} persons, births ${count(mae.births!)} and deaths ${count(mae.deaths!)} persons a year.`,
    96,
    '',
  ),
);

// For comparison: the same hindcast with no data after 2020 at all
const blind = hindcast('Zhejiang');
console.log(
  wrap(
    `For comparison, with no data after 2020 at all (the national 2010-2018 propensity to urbanise), the urbanisation error averages ${points(blind.meanAbsoluteError.residentUrbanisationRate!, { signed: false })} over ${blind.points.filter((p) => p.measure === 'residentUrbanisationRate').map((p) => p.year).join(', ')}.`,
    96,
    '',
  ),
);
