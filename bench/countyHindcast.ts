/**
 * The county hindcast 2010 -> 2020 (src/model/counties/countyHindcast.ts): the 1,177 units present
 * in both censuses projected from the 2010 census and compared with the 2020 census, with movers
 * staying in their unit (`none`), going by the 2020 stocks of residents registered elsewhere
 * (`stocks`), by weights fitted to the 2010-2020 residuals (`fitted`, in sample), and with
 * each province's remaining residual added to its units (`fitted+province`). Prints
 * markdown tables: median and 90th-percentile absolute percentage errors overall and by tier, and
 * the province totals. A measurement, not a test (test/model/counties/countyHindcast.slow.test.ts
 * checks the figures published in docs/counties.md).
 *
 * Usage: npx tsx bench/countyHindcast.ts            the hindcast tables
 *        npx tsx bench/countyHindcast.ts --preset   the county presets instead: time to parse, compile
 *          and run (indicators and flows) china-counties-2024-2028 and its trend twin, peak memory, and
 *          the 2028 resident and hukou rates by city tier against the national target (70 %)
 */

import { countyBase2020 } from '../src/model/counties/countyBase2020.js';
import { countyHindcast, type CountyHindcast } from '../src/model/counties/countyHindcast.js';
import { matchCensus2010 } from '../src/model/counties/matchCensus2010.js';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
if (process.argv.includes('--preset')) {
  const { getPreset } = await import('../src/presets/index.js');
  const { parseScenario } = await import('../src/schema/scenario.js');
  const { compileScenario } = await import('../src/model/compile.js');
  const { runKernel } = await import('../src/kernel/runKernel.js');
  const { project } = await import('../src/model/project.js');
  console.log('| preset | parse s | compile s | kernel s | project s | 2028 resident | 2028 hukou | megacity | supercity | large-1 | large-2 | medium | small |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const id of ['china-counties-2024-2028', 'china-counties-2024-2028-trend']) {
    const clock = () => performance.now() / 1000;
    let t = clock();
    const scenario = parseScenario(getPreset(id).scenario);
    const parse = clock() - t;
    t = clock();
    const problem = compileScenario(scenario);
    const compile = clock() - t;
    t = clock();
    runKernel(problem);
    const kernel = clock() - t;
    t = clock();
    const p = project(scenario);
    const whole = clock() - t;
    const at = p.years.indexOf(2028);
    const byTier = p.aggregate('tier');
    const tiers = ['megacity', 'supercity', 'large-1', 'large-2', 'medium', 'small'].map((tier) => `${pct(byTier.indicator('residentUrbanisationRate', { region: tier }).values[at])} / ${pct(byTier.indicator('hukouUrbanisationRate', { region: tier }).values[at])}`);
    console.log(`| ${id} | ${parse.toFixed(1)} | ${compile.toFixed(1)} | ${kernel.toFixed(1)} | ${whole.toFixed(1)} | ${pct(p.indicator('residentUrbanisationRate').values[at])} | ${pct(p.indicator('hukouUrbanisationRate').values[at])} | ${tiers.join(' | ')} |`);
  }
  console.log(`\npeak resident set ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  process.exit(0);
}
const base = countyBase2020();
const match = matchCensus2010(base.census);
const runs: CountyHindcast[] = [];
for (const migration of ['none', 'stocks', 'fitted', 'fitted+province'] as const) {
  const started = performance.now();
  runs.push(countyHindcast({ migration, base, match }));
  console.error(`${migration}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
console.log('| destinations | units | median APE | P90 APE | ' + ['megacity', 'supercity', 'large-1', 'large-2', 'medium', 'small'].join(' | ') + ' | provinces within 1 % | worst province |');
console.log('|---|---:|---:|---:|' + '---:|'.repeat(6) + '---:|---:|');
for (const h of runs) {
  const tiers = Object.values(h.byTier).map((t) => `${pct(t.medianAbsolute)} / ${pct(t.p90Absolute)} (${t.units})`);
  const within = h.provinces.filter((p) => Math.abs(p.error) <= 0.01).length;
  const worst = h.provinces.reduce((w, p) => (Math.abs(p.error) > Math.abs(w.error) ? p : w));
  console.log(`| ${h.migration} | ${h.units.length} | ${pct(h.overall.medianAbsolute)} | ${pct(h.overall.p90Absolute)} | ${tiers.join(' | ')} | ${within} of ${h.provinces.length} | ${worst.code} ${worst.error >= 0 ? '+' : ''}${pct(worst.error)} |`);
}
const fitted = runs[runs.length - 1];
console.log('\n| province | census 2020 | projected 2020 | error |\n|---|---:|---:|---:|');
for (const p of fitted.provinces) console.log(`| ${p.code} | ${Math.round(p.census2020)} | ${Math.round(p.projected2020)} | ${p.error >= 0 ? '+' : ''}${pct(p.error)} |`);
