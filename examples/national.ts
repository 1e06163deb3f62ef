/**
 * China's 2024 action plan (国发〔2024〕17号): does "close to 70 %" hold, and what would it take?
 *
 * 1. Project the trend preset (2021-2023 trends continued from the end of 2023).
 * 2. Check the plan's target with the scorecard.
 * 3. Ask what rural-to-urban migration level reaches 70 % exactly by the end of 2028 (the plan's
 *    date: five years of work from 2024), and what hukou conversion level lifts the hukou rate
 *    to 55 % by 2028.
 * 4. Put bands around the answer: 1,000 draws of uncertain migration and conversion levels.
 * 5. Write a self-contained HTML report (out/national-report.html).
 *
 * Run: npm run example   (or: npm run example -- national)
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { getPreset, project, scorecard, simulate, solveLever } from '../src/index.js';
import { htmlReport } from '../src/report/index.js';

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const trend = getPreset('national-2024-2028-trend');
const projection = project(trend.scenario);

console.log(`${trend.title}\n${'='.repeat(trend.title.length)}\n`);
const resident = projection.indicator('residentUrbanisationRate');
const hukou = projection.indicator('hukouUrbanisationRate');
console.log('year  resident urban  hukou urban  gap');
resident.years.forEach((year, i) => {
  if (year > 2030) return;
  console.log(`${year}  ${pct(resident.values[i]).padStart(14)}  ${pct(hukou.values[i]).padStart(11)}  ${pct(resident.values[i] - hukou.values[i]).padStart(7)}`);
});

// 2. the plan's target
const rows = scorecard(projection, trend.targets);
console.log('\nScorecard (国发〔2024〕17号):');
for (const row of rows) {
  const tolerance = row.tolerance === null ? '' : `, within ${(100 * row.tolerance).toFixed(2)} points`;
  console.log(`  ${row.labelZh} ${row.year}: target ${pct(row.target)} (${row.comparison}${tolerance}), projected ${row.projected === null ? '-' : pct(row.projected)} -> ${row.status}, margin ${row.marginText ?? '-'}`);
}

// 3. what would it take?
const faster = solveLever(trend.scenario, {
  lever: { path: 'migration.ruralToUrbanRate' },
  target: { indicator: 'residentUrbanisationRate', year: 2028, value: 0.7 },
});
const current = trend.scenario.migration.ruralToUrbanRate as number;
console.log(`\nTo reach 70 % exactly by the end of 2028, rural-to-urban migration must rise from ${pct(current)} to ${pct(faster.value)} of rural residents a year.`);
const settle = solveLever(trend.scenario, {
  lever: { path: 'hukou.conversionRate' },
  target: { indicator: 'hukouUrbanisationRate', year: 2028, value: 0.55 },
});
console.log(`To lift hukou urbanisation to 55 % by 2028, hukou conversion must rise from ${pct(trend.scenario.hukou.conversionRate as number)} to ${pct(settle.value)} of migrants a year.`);

// 4. how sure are we?
const simulation = simulate(trend.scenario, {
  draws: 1000,
  seed: 2024,
  uncertain: {
    'migration.ruralToUrbanRate': { distribution: 'normal', mean: current, sd: 0.003, min: 0, max: 0.1 },
    'hukou.conversionRate': { distribution: 'triangular', min: 0.04, mode: trend.scenario.hukou.conversionRate as number, max: 0.07 },
  },
});
const band = simulation.bands.find((b) => b.indicator === 'residentUrbanisationRate' && b.year === 2029)!;
console.log(`\nWith uncertain migration and conversion levels (1,000 draws, seed 2024), the 2029 resident rate has a median of ${pct(band.q50)} and a 90 % band of ${pct(band.q05)} to ${pct(band.q95)}.`);

// 5. the report
mkdirSync('out', { recursive: true });
const html = await htmlReport({
  projection,
  scorecard: rows.map((r) => ({ ...r, met: r.met, source: `${r.document} ${r.clause}` })),
  bands: simulation.bands,
  targets: trend.targets.map((t) => ({ indicator: t.indicator!, year: t.year, value: t.value, label: `${t.labelZh} ${t.source.document}` })),
});
writeFileSync('out/national-report.html', html);
console.log('\nWrote out/national-report.html (open it in a browser; it needs no network).');
