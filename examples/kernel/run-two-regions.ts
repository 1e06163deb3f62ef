/**
 * The kernel on its own: read a kernel problem document, run it, and print the urbanisation
 * indicators of each region and of both together.
 *
 * Run: npm run example -- kernel
 */

import { readFileSync } from 'node:fs';
import { indicatorSeries, kernelIndicators, parseKernelProblem, runKernel } from '../../src/index.js';

const document = JSON.parse(readFileSync(new URL('./two-regions.json', import.meta.url), 'utf8'));
const problem = parseKernelProblem(document);
const indicators = kernelIndicators(runKernel(problem));

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const millions = (x: number) => `${(x / 1e6).toFixed(2)}m`;
console.log('Two regions, stylised rates (examples/kernel/two-regions.json)\n');
console.log('| year | region | population | resident urban | hukou urban | gap |');
console.log('|---|---|---|---|---|---|');
for (const region of [...problem.regions, undefined]) {
  const population = indicatorSeries(indicators, 'population', region);
  const resident = indicatorSeries(indicators, 'residentUrbanisationRate', region);
  const hukou = indicatorSeries(indicators, 'hukouUrbanisationRate', region);
  indicators.years.forEach((year, y) => {
    if (y % 5 !== 0 && y !== indicators.years.length - 1) return;
    console.log(`| ${year} | ${region ?? 'both'} | ${millions(population[y])} | ${pct(resident[y])} | ${pct(hukou[y])} | ${pct(resident[y] - hukou[y])} |`);
  });
}
