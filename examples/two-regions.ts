/**
 * A scenario written from scratch: Anhui, an inland province that sends migrants, and Jiangsu,
 * a coastal one that receives them, from the 2020 census to 2030.
 *
 * 1. Write the scenario in TypeScript with `defineScenario` (checked as it is written): base
 *    populations, where each province's movers go, a hukou policy schedule for each province,
 *    and a services block for compulsory school places.
 * 2. Project it and print both provinces and the total by year.
 * 3. Print the school places at the end of the horizon.
 * 4. Write every indicator as a tidy CSV to out/two-regions.csv.
 *
 * The 2020 populations and urbanisation rates are the census's; every rate, share and policy
 * below is illustrative, chosen to show the scenario language, not estimated.
 *
 * Run: npm run example -- two-regions
 */

import { mkdirSync } from 'node:fs';
import { defineScenario, project, toCsv, type IndicatorKey } from '../src/index.js';
import { writeFileAtomic } from '../src/node/index.js';
import { count, heading, millions, pct, printTable, wrap } from './format.js';

// 1. The scenario
const scenario = defineScenario({
  name: 'Inland to coast: Anhui and Jiangsu, 2020-2030',
  description: 'Anhui sends two in five of its rural-to-urban movers to Jiangsu\'s cities; Jiangsu eases settlement from 2025.',
  baseYear: 2020, // the census (1 November 2020), taken as the end of 2020
  endYear: 2030,
  regions: [
    { id: 'anhui', nameEn: 'Anhui', nameZh: '安徽', tier: 'province' },
    { id: 'jiangsu', nameEn: 'Jiangsu', nameZh: '江苏', tier: 'province' },
  ],
  base: {
    // 2020 census: population by age and sex from seeds/, urban shares of the census
    // (Anhui 58.33 %, Jiangsu 73.44 %); the hukou rates are illustrative
    anhui: { population: { census2020: 'Anhui' }, residentUrbanisationRate: 0.5833, hukouUrbanisationRate: 0.4 },
    jiangsu: { population: { census2020: 'Jiangsu' }, residentUrbanisationRate: 0.7344, hukouUrbanisationRate: 0.55 },
  },
  // UN WPP 2024 mortality, fertility and sex ratio at birth for China (the defaults)
  migration: {
    // shares of rural residents who move to a city each year: Anhui's pace slows as its
    // countryside empties of young adults; Jiangsu's is steady
    ruralToUrbanRate: { byRegion: { anhui: { linear: { from: [2021, 0.03], to: [2030, 0.022] } }, jiangsu: 0.02 } },
    // where the movers go: 40 % of Anhui's go to Jiangsu's cities
    destinations: { anhui: { anhui: 0.6, jiangsu: 0.4 }, jiangsu: { jiangsu: 1 } },
    // 1 % of migrants a year go back to the countryside; most of Jiangsu's returners are Anhui's
    returnRate: 0.01,
    returnDestinations: { anhui: { anhui: 1 }, jiangsu: { jiangsu: 0.4, anhui: 0.6 } },
  },
  hukou: {
    // the hukou policy: Anhui's cities settle 6 % of their migrants a year; Jiangsu settles 2 %
    // until a reform in 2025 doubles it (a step schedule)
    conversionRate: {
      byRegion: {
        anhui: 0.06,
        jiangsu: { points: [[2021, 0.02], [2025, 0.04]], interpolation: 'step' },
      },
    },
  },
  services: {
    schoolPlaces: {
      // share of migrant children aged 6-14 in local public schools: 90 % in Anhui; in Jiangsu
      // rising from 75 % to 90 % as the reform takes hold
      migrantChildrenPublicSchoolShare: { byRegion: { anhui: 0.9, jiangsu: { linear: { from: [2021, 0.75], to: [2030, 0.9] } } } },
      // places at the end of 2020 equal to that year's demand; then 20,000 and 40,000 new places a year
      urbanPlaces: { initial: 'matchDemand', additionsPerYear: { byRegion: { anhui: 20_000, jiangsu: 40_000 } } },
    },
    // the year whose shortfall `additionsNeededPerYear` is to close
    closeShortfallBy: 2023,
  },
  sources: [
    { document: 'Seventh national census (2020)', note: 'base populations by age and sex; urban shares 58.33 % (Anhui), 73.44 % (Jiangsu)' },
    { document: 'Assumption', note: 'every rate, share and policy is illustrative' },
  ],
});

// 2. Project, and print both provinces and the total
const projection = project(scenario);
console.log(heading(scenario.name));
console.log(`${scenario.description}\n`);
const regions = ['anhui', 'jiangsu', 'all'] as const;
const names = { anhui: 'Anhui 安徽', jiangsu: 'Jiangsu 江苏', all: 'total' };
const series = (key: IndicatorKey, region: string) => projection.indicator(key, { region }).values;
const columns = regions.map((region) => ({
  population: series('population', region),
  resident: series('residentUrbanisationRate', region),
  hukou: series('hukouUrbanisationRate', region),
}));
console.log('Residents (millions) and urbanisation at the end of each year (resident rate / hukou rate):\n');
printTable(
  ['year', ...regions.flatMap((r) => [`${names[r]} residents`, 'urban', 'hukou'])],
  projection.years.map((year, i) => [String(year), ...columns.flatMap((c) => [millions(c.population[i]), pct(c.resident[i], 1), pct(c.hukou[i], 1)])]),
);

// Movers during the horizon: counted in the region they left
const total = (key: IndicatorKey, region: string) => projection.indicator(key, { region }).values.reduce((sum, v) => sum + v, 0);
console.log();
console.log(
  wrap(
    `${projection.years[1]}-${scenario.endYear}: ${millions(total('ruralToUrban', 'anhui'))} of Anhui's rural residents moved to a city (40 % of them to Jiangsu), ${millions(total('ruralToUrban', 'jiangsu'))} of Jiangsu's; ${millions(total('conversions', 'all'))} migrants obtained local hukou.`,
    96,
    '',
  ),
);

// 3. School places by year and province: short while the large cohorts born around 2016-2017
// go through primary school, spare once smaller ones follow
console.log('\nUrban compulsory school places at the end of each year: short (-) or spare (+), and the share of\nmigrant children\'s places left once hukou children are seated (migrant coverage):\n');
const shortOrSpare = (region: string, i: number) => {
  const short = series('schoolPlaces.shortfall', region)[i];
  return short > 0 ? `-${count(short)}` : `+${count(series('schoolPlaces.surplus', region)[i])}`;
};
printTable(
  ['year', 'Anhui 安徽 places', 'migrant coverage', 'Jiangsu 江苏 places', 'migrant coverage'],
  projection.years.map((year, i) => [
    String(year),
    shortOrSpare('anhui', i),
    pct(series('schoolPlaces.migrantCoverage', 'anhui')[i], 1),
    shortOrSpare('jiangsu', i),
    pct(series('schoolPlaces.migrantCoverage', 'jiangsu')[i], 1),
  ]),
);
// services.closeShortfallBy (2023) is the year whose shortfall additionsNeededPerYear closes
const closeBy = scenario.services!.closeShortfallBy!;
const extra = (region: string) => series('schoolPlaces.additionsNeededPerYear', region)[0];
console.log();
console.log(
  wrap(
    `To seat every child in ${closeBy}, Jiangsu's worst year, Anhui would add ${count(extra('anhui'))} and Jiangsu ${count(extra('jiangsu'))} places a year in ${scenario.baseYear + 1}-${closeBy} on top of the 20,000 and 40,000 planned (schoolPlaces.additionsNeededPerYear of ${scenario.baseYear}).`,
    96,
    '',
  ),
);

// 4. Every indicator, every region and year, as tidy CSV
mkdirSync('out', { recursive: true });
const rows = projection.table();
await writeFileAtomic('out/two-regions.csv', toCsv(rows));
console.log(`\nWrote out/two-regions.csv: ${count(rows.length)} rows of year,region,indicator,value,unit.`);
