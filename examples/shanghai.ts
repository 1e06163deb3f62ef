/**
 * Shanghai's beds for city builders (沪府发〔2024〕12号 二(五)): 120,000 low-cost beds over
 * 2024-2028 for the people who clean, deliver, guard and build the city. Do they keep up with
 * the builders who need one, and how many beds a year would it take to house them all by 2028?
 *
 * 1. Project the plan preset `shanghai-2024-2028` (end of 2023 to 2028).
 * 2. Print builder-bed demand against capacity, and the coverage of migrants, by year.
 * 3. Print the plan's scorecard.
 * 4. Solve the yearly bed additions that make capacity equal demand in 2028, first on the
 *    preset's assumption, then counting only the beds the plan builds.
 * 5. Print the assumptions behind the bed figures, from `preset.figures`.
 *
 * Run: npm run example -- shanghai
 */

import { ChengzhenError, getPreset, parseScenario, project, scorecard, solveLever, type Projection, type Scenario, type ServiceFigure } from '../src/index.js';
import { count, heading, inUnit, pct, printTable, provenance, ratio, wrap } from './format.js';

const preset = getPreset('shanghai-2024-2028');
const scenario: Scenario = parseScenario(preset.scenario);
const lastYear = scenario.endYear; // 2028, the plan's last year
const planned = scenario.services!.rentalHousing!.capacity.additionsPerYear as number; // 24,000 beds a year

console.log(heading(`${preset.title} (${preset.id})`));
console.log(`${preset.titleZh}\n`);

// Demand: working-age (16-59) residents without Shanghai hukou x the share who need a bed
// (5 %) / persons per bed (1). Capacity: the stock at the end of 2023 plus 24,000 beds a year.
function workingAgeMigrants(projection: Projection, year: number): number {
  const { migrant } = projection.population({ year });
  let sum = 0;
  for (let age = 16; age <= 59; age++) sum += migrant.female[age] + migrant.male[age];
  return sum;
}

/** The bed table of a projection: one row per year-end. */
function printBeds(projection: Projection): void {
  const series = (figure: ServiceFigure) => projection.indicator(`rentalHousing.${figure}`).values;
  const [demand, capacity, shortfall, surplus, utilisation, migrantCoverage] = (['demand', 'capacity', 'shortfall', 'surplus', 'utilisation', 'migrantCoverage'] as const).map(series);
  printTable(
    ['year', 'migrants 16-59 (persons)', 'beds needed', 'beds', 'short (-) / spare (+) beds', 'utilisation', 'migrant coverage'],
    projection.years.map((year, i) => [
      String(year),
      count(workingAgeMigrants(projection, year)),
      count(demand[i]),
      count(capacity[i]),
      shortfall[i] > 0 ? `-${count(shortfall[i])}` : `+${count(surplus[i])}`,
      ratio(utilisation[i]),
      pct(migrantCoverage[i], 1),
    ]),
  );
}

// 1-2. The plan as the preset reads it
const projection = project(scenario);
console.log('Builder beds, the plan preset (beds at the end of each year):\n');
printBeds(projection);
console.log();
console.log(
  wrap(
    `The bed stock at the end of 2023 is not published, so the preset sets it equal to 2023's demand. From there the people in need shrink (a net ${count(-(scenario.migration.externalNetMigrants as number))} residents a year leave for other provinces, and ${pct(scenario.hukou.conversionRate as number)} of migrants a year obtain Shanghai hukou), so ${count(planned)} beds a year keep ahead of demand: utilisation (beds needed / beds) falls below 1 and every migrant in need is covered.`,
    96,
    '',
  ),
);

// 3. The scorecard of the plan's targets
console.log('\nScorecard:\n');
const rows = scorecard(projection, preset.targets);
printTable(
  ['target', 'year', 'target value', 'projected', 'status'],
  rows.map((row) => [
    `${row.labelZh} (${row.unit})`,
    String(row.year),
    inUnit(row.target, row.unit),
    row.projected === null ? '-' : inUnit(row.projected, row.unit),
    row.status,
  ]),
);
for (const row of rows) if (row.note) console.log(`  ${wrap(`${row.labelZh}: ${row.note}`, 94, '    ')}`);
console.log(`  ${wrap(`The builder beds are a commitment: the preset adds the plan's ${count(5 * planned)} beds, so they are never "met" or "missed"; the scorecard says instead whether they cover the builders who need one (the note above, and the tables above and below).`, 94, '    ')}`);

// 4. What would it take? The bed additions a year (a lever) that make capacity equal demand in
// 2028. A well-posed target is one some lever value reaches: on the preset's assumption even
// no additions at all leave beds spare in 2028, so the solver says the target is out of reach.
const demandIn = (p: Projection, year: number) => p.indicator('rentalHousing.demand').values[p.years.indexOf(year)];
const lever = { path: 'services.rentalHousing.capacity.additionsPerYear' } as const;
console.log(`\nWhat would it take? Yearly bed additions that make beds = beds needed at the end of ${lastYear}:`);
try {
  const solved = solveLever(scenario, { lever, target: { indicator: 'rentalHousing.capacity', year: lastYear, value: demandIn(projection, lastYear) } });
  console.log(`  on the preset's assumption: ${count(solved.value)} beds a year`);
} catch (error) {
  if (!(error instanceof ChengzhenError)) throw error;
  console.log(`  on the preset's assumption: out of reach. The solver says:\n  ${wrap(error.issues[0].message, 94, '  ')}`);
}

// The stock before the plan is unknown. Counting only the beds the plan itself builds (none at
// the end of 2023) asks how many beds a year the programme needs to house every builder in need.
const fromZero = structuredClone(scenario);
fromZero.services!.rentalHousing!.capacity.initial = 0;
const fromZeroProjection = project(fromZero);
console.log('\nCounting only the beds built from 2024 on (none at the end of 2023):\n');
printBeds(fromZeroProjection);
const target = demandIn(fromZeroProjection, lastYear);
const solved = solveLever(fromZero, { lever, target: { indicator: 'rentalHousing.capacity', year: lastYear, value: target } });
const extra = fromZeroProjection.indicator('rentalHousing.additionsNeededPerYear').values[0];
console.log();
console.log(
  wrap(
    `Utilisation (beds needed / beds) above 1 means more builders in need than beds; with no beds at all, as at the end of 2023, it is 0 by convention. To house all ${count(target)} builders in need by the end of ${lastYear}, the programme must add ${count(solved.value)} beds a year over 2024-${lastYear}, not ${count(planned)}: ${count(5 * solved.value)} beds instead of ${count(5 * planned)}. (The projection's own rentalHousing.additionsNeededPerYear says the same: ${count(extra)} beds a year on top of the ${count(planned)} planned.)`,
    96,
    '',
  ),
);

// 5. The assumptions behind the bed figures
console.log('\nWhere the bed figures come from (preset.figures):');
for (const [path, figure] of Object.entries(preset.figures)) {
  if (!path.startsWith('services.rentalHousing')) continue;
  const value = typeof figure.value !== 'number' ? `${JSON.stringify(figure.value)} (${figure.unit})` : figure.unit.startsWith('share') ? pct(figure.value) : `${count(figure.value)} ${figure.unit}`;
  console.log(`  ${path} = ${value}`);
  console.log(`    ${wrap(provenance(figure), 92, '    ')}`);
}
