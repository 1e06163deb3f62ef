/**
 * The county hindcast 2010 -> 2020 (src/model/counties/countyHindcast.ts): the 1,177 units present
 * in both censuses projected from the 2010 census and compared with the 2020 census, with movers
 * staying in their unit (`none`), going by the 2020 stocks of residents registered elsewhere
 * (`stocks`), by weights fitted to the 2010-2020 residuals (`fitted`, in sample), with
 * each province's remaining residual added to its units (`fitted+province`), and calibrated by
 * province (`calibrated`: out-mover rates, net migration and, in three versions, fertility). Prints
 * markdown tables: median and 90th-percentile absolute percentage errors overall and by tier, what
 * each variant fits to the 2020 census, and the province totals (CPU time per variant on stderr). A measurement, not a test (test/model/counties/countyHindcast.slow.test.ts
 * checks the figures published in docs/counties.md).
 *
 * Usage: npx tsx bench/countyHindcast.ts            the hindcast tables
 *        npx tsx bench/countyHindcast.ts --preset   the county presets instead: time to parse, compile
 *          and run (indicators and flows) china-counties-2024-2028 and its trend twin, peak memory, and
 *          the 2028 resident and hukou rates by city tier against the national target (70 %)
 */

import { countyBase2020 } from '../src/model/counties/countyBase2020.js';
import { countyHindcast, type CountyHindcast, type CountyHindcastOptions } from '../src/model/counties/countyHindcast.js';
import { censusLevels } from '../src/model/censusLevels.js';
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
const variants: { label: string; inSample: string; options: CountyHindcastOptions }[] = [
  { label: 'none', inSample: 'nothing', options: { migration: 'none' } },
  { label: 'stocks', inSample: 'nothing (prior weights)', options: { migration: 'stocks' } },
  { label: 'fitted', inSample: 'unit weights', options: { migration: 'fitted' } },
  { label: 'fitted+province', inSample: 'unit weights, province remainders', options: { migration: 'fitted+province' } },
  { label: 'calibrated, fertility 2010', inSample: 'unit weights, province mover rates, province net migration 10+ (every resident may move)', options: { migration: 'calibrated', fertility: 'census2010' } },
  { label: 'calibrated, fertility 2010-2020', inSample: 'as above, and province fertility in 2020 (infants)', options: { migration: 'calibrated', fertility: 'census2010-2020' } },
  { label: 'calibrated, rural movers', inSample: 'unit weights, province mover rates, net migration 10+ and fertility 0-9 (only rural residents move)', options: { migration: 'calibrated', fertility: 'fitted', movers: 'rural' } },
  { label: 'calibrated (default)', inSample: 'unit weights, province mover rates, net migration 10+ and fertility 0-9 (every resident may move)', options: { migration: 'calibrated', fertility: 'fitted' } },
];
const runs: CountyHindcast[] = [];
for (const v of variants) {
  const started = process.cpuUsage();
  runs.push(countyHindcast({ ...v.options, base, match }));
  const cpu = process.cpuUsage(started);
  console.error(`${v.label}: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`);
}
const TIERS = ['megacity', 'supercity', 'large-1', 'large-2', 'medium', 'small'] as const;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${pct(x)}`;
const nameOf = (code: number) => censusLevels(String(code))?.nameEn ?? String(code);
console.log(`| variant | fitted to 2020 (in sample) | units | median APE | P90 APE | ${TIERS.map((t) => `${t} (${runs[0].byTier[t].units})`).join(' | ')} | provinces within 1 % | worst province |`);
console.log(`|---|---|---:|---:|---:|${'---:|'.repeat(TIERS.length)}---:|---|`);
runs.forEach((h, i) => {
  const tiers = TIERS.map((t) => `${pct(h.byTier[t].medianAbsolute)} / ${pct(h.byTier[t].p90Absolute)}`);
  const within = h.provinces.filter((p) => Math.abs(p.error) <= 0.01).length;
  const worst = h.provinces.reduce((w, p) => (Math.abs(p.error) > Math.abs(w.error) ? p : w));
  console.log(`| ${variants[i].label} | ${variants[i].inSample} | ${h.units.length} | ${pct(h.overall.medianAbsolute)} | ${pct(h.overall.p90Absolute)} | ${tiers.join(' | ')} | ${within} of ${h.provinces.length} | ${nameOf(worst.code)} ${Math.abs(worst.error) < 5e-4 ? worst.error.toExponential(1) : signed(worst.error)} |`);
});
console.log('\n(by tier: median / P90 APE; units per tier in the header)');
const outOfSample = runs[variants.findIndex((v) => v.label === 'calibrated, fertility 2010')];
const interpolated = runs[variants.findIndex((v) => v.label === 'calibrated, fertility 2010-2020')];
const calibrated = runs[runs.length - 1];
console.log('\n| province | census 2020 | error, fertility 2010 | error, fertility 2010-2020 | error, calibrated | out-mover rate | fertility factor | net migrants a year |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
calibrated.provinces.forEach((p, i) => {
  const o = outOfSample.provinces[i];
  const c = calibrated.calibration!.provinces[i];
  console.log(`| ${nameOf(p.code)} | ${Math.round(p.census2020)} | ${signed(o.error)} | ${signed(interpolated.provinces[i].error)} | ${signed(p.error)} | ${pct(c.moverRate)} | ${c.fertilityFactor.toFixed(3)} | ${Math.round(c.netMigrants)} |`);
});
const c = calibrated.calibration!;
console.log(`\ncalibrated: national mover rate ${pct(c.nationalMoverRate)} of residents; ${c.passes} passes; weights fitted to the unit targets within ${pct(c.weightFitError)}; largest province error after the last pass ${c.provinceErrors.aged10Plus.toExponential(1)} (ages 10+), ${c.provinceErrors.aged0To9.toExponential(1)} (ages 0-9)`);
