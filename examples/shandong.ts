/**
 * Shandong's school places against migrant children (鲁政办字〔2021〕125号): the plan adds
 * 600,000 compulsory school places over 2021-2023 while it urbanises the province to 66 %.
 * Do the places keep up with the children, migrant children included?
 *
 * 1. Project the plan preset `shandong-2021-2023` and its trend twin from the 2020 census.
 * 2. For each, print school-place demand (urban hukou children and migrant children, the latter
 *    at the share served in public schools), capacity, shortfall and migrant coverage by year.
 * 3. Ask what share of migrant children in public schools the places can serve, by year and by
 *    solving the lever for the tightest year.
 * 4. Print the trend preset's scorecard with "what it would take" for missed targets.
 *
 * Run: npm run example -- shandong
 */

import { getPreset, LEVERS, parseScenario, project, scorecard, solveLever, solveScorecard, type Projection, type ServiceFigure } from '../src/index.js';
import { count, heading, inUnit, pct, printTable, wrap } from './format.js';

const plan = getPreset('shandong-2021-2023');
const trend = getPreset('shandong-2021-2023-trend');
console.log(heading('Shandong: school places against migrant children'));
console.log(`${plan.titleZh}\n`);

// Demand for urban compulsory school places (ages 6-14): urban hukou children + migrant children
// x the share of migrant children served in local public schools (85.8 %, the national share).
// Capacity: the 2020 stock (set equal to 2020 demand) + 200,000 places a year (600,000 over
// 2021-2023, a third each year, assumed to continue after 2023).
const publicShare = parseScenario(trend.scenario).services!.schoolPlaces!.migrantChildrenPublicSchoolShare as number;

/** The share of migrant children the places can serve once urban hukou children are seated (at most 1). */
function servableShare(capacity: number, demand: number, migrantDemand: number): number {
  const migrantChildren = migrantDemand / publicShare;
  return Math.min(1, Math.max(0, capacity - (demand - migrantDemand)) / migrantChildren);
}

function printSchoolPlaces(title: string, projection: Projection): void {
  const series = (figure: ServiceFigure) => projection.indicator(`schoolPlaces.${figure}`).values;
  const [demand, migrantDemand, capacity, shortfall, surplus, migrantCoverage] = (['demand', 'migrantDemand', 'capacity', 'shortfall', 'surplus', 'migrantCoverage'] as const).map(series);
  const urban = projection.indicator('residentUrbanisationRate').values;
  console.log(`${title}\n`);
  printTable(
    ['year', 'urban', 'hukou children', 'migrant children', 'places needed', 'places', 'short (-) / spare (+)', 'migrant coverage', 'servable share'],
    projection.years.map((year, i) => [
      String(year),
      pct(urban[i], 1),
      count(demand[i] - migrantDemand[i]),
      count(migrantDemand[i]),
      count(demand[i]),
      count(capacity[i]),
      shortfall[i] > 0 ? `-${count(shortfall[i])}` : `+${count(surplus[i])}`,
      pct(migrantCoverage[i], 1),
      pct(servableShare(capacity[i], demand[i], migrantDemand[i]), 1),
    ]),
  );
  console.log();
}

console.log(
  wrap(
    `Places at the end of each year. "hukou children": urban hukou children 6-14; "migrant children": migrant children 6-14 x ${pct(publicShare, 1)} served in public schools; "migrant coverage": the share of the migrant places needed that remain once hukou children are seated; "servable share": the share of all migrant children 6-14 those places could seat (the plan assumes ${pct(publicShare, 1)}).`,
    96,
    '',
  ),
);
console.log();
const planProjection = project(plan.scenario);
printSchoolPlaces(`${plan.title} (${plan.id}):`, planProjection);
const trendScenario = parseScenario(trend.scenario);
const trendProjection = project(trendScenario);
printSchoolPlaces(`${trend.title} (${trend.id}):`, trendProjection);

// The tightest year of the plan preset (its 200,000 places a year), and the public-school share its places can carry:
// the value of the lever at which places needed = places (utilisation 1). The preset's 2020
// stock is "matchDemand", which would move with the share being solved; fix it at its 2020
// number first, so that the solver moves the demand only.
const shortfall = planProjection.indicator('schoolPlaces.shortfall');
const tightest = shortfall.years[shortfall.values.indexOf(Math.max(...shortfall.values))];
const demandSeries = planProjection.indicator('schoolPlaces.demand');
const peakYear = demandSeries.years[demandSeries.values.indexOf(Math.max(...demandSeries.values))];
const fixedStock = structuredClone(parseScenario(plan.scenario));
fixedStock.services!.schoolPlaces!.urbanPlaces.initial = planProjection.indicator('schoolPlaces.capacity').values[0];
const solved = solveLever(fixedStock, {
  lever: { path: 'services.schoolPlaces.migrantChildrenPublicSchoolShare' },
  target: { indicator: 'schoolPlaces.utilisation', year: tightest, value: 1 },
});
console.log(
  wrap(
    `Demand rises faster than 200,000 places a year while the large cohorts born around 2016-2017 reach school age (it peaks in ${peakYear}). With the plan's places, the tightest year is ${tightest}: ${count(shortfall.values[shortfall.years.indexOf(tightest)])} places short. The places that year can seat ${pct(solved.value)} of migrant children in public schools instead of ${pct(publicShare)} (solveLever on services.schoolPlaces.migrantChildrenPublicSchoolShare with utilisation = 1 in ${tightest}, as in the servable-share column). Once the smaller cohorts born after 2017 replace them, places are spare.`,
    96,
    '',
  ),
);

// The trend preset's scorecard: which of the plan's targets hold, and for a missed one, the
// lever value that would meet it (solveScorecard runs solveLever for each).
console.log(`\nScorecard of ${trend.id}, with what it would take:\n`);
const rows = solveScorecard(trendScenario, scorecard(trendProjection, trend.targets));
const leverValue = (lever: string, value: number) => inUnit(value, LEVERS[lever as keyof typeof LEVERS].unit);
printTable(
  ['target', 'year', 'target value', 'projected', 'status', 'what it would take'],
  rows.map((row) => [
    `${row.labelZh} (${row.unit})`,
    String(row.year),
    inUnit(row.target, row.unit),
    row.projected === null ? '-' : inUnit(row.projected, row.unit),
    row.status,
    row.whatItWouldTake
      ? `${row.whatItWouldTake.lever} ${leverValue(row.whatItWouldTake.lever, row.whatItWouldTake.needed)} (now ${leverValue(row.whatItWouldTake.lever, row.whatItWouldTake.current)})`
      : '',
  ]),
);
const urbanIn2023 = (p: Projection) => p.indicator('residentUrbanisationRate').values[p.years.indexOf(2023)];
console.log(
  `\nResident urbanisation in 2023: plan preset ${pct(urbanIn2023(planProjection))}, trend ${pct(urbanIn2023(trendProjection))}, target 66.00 %, published 65.53 %.`,
);
