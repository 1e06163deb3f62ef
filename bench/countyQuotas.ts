/**
 * The county preset with settlement quotas in the points-system cities (issue: capacity and
 * quotas): `china-counties-2024-2028` as published in the library, against the same preset with
 * `constraints.settlementQuota` of QUOTA conversions a year in every county (district) of a
 * 超大 or 特大 city. The quota is an illustration, not a published figure: cities publish
 * points-settlement places for the whole city, not conversions by district, and the plan
 * (国发〔2024〕17号 二(二)1) asks these cities to drop annual quotas, so this is the world the
 * plan moves away from.
 *
 * Prints the time of each run (alternating, median of ROUNDS), the national 2028 verdicts, the
 * conversions held back and the hukou rate of the two tiers.
 *
 * Run: npx tsx bench/countyQuotas.ts [--quota 2000] [--rounds 3]
 */

import { performance } from 'node:perf_hooks';
import { project } from '../src/model/project.js';
import type { IndicatorKey } from '../src/model/indicatorTable.js';
import type { Projection } from '../src/model/projection.js';
import { getPreset } from '../src/presets/index.js';
import type { ScenarioInput } from '../src/schema/scenario.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const QUOTA = option('quota', 2000);
const ROUNDS = option('rounds', 3);
const preset = getPreset('china-counties-2024-2028');
const plain = preset.scenario as ScenarioInput;
const withQuota: ScenarioInput = { ...plain, constraints: { settlementQuota: { persons: { byTier: { megacity: QUOTA, supercity: QUOTA } } } } };

const times: Record<'plain' | 'quota', number[]> = { plain: [], quota: [] };
let runs: Record<'plain' | 'quota', Projection> | undefined;
for (let round = 0; round < ROUNDS; round++) {
  const done: Partial<Record<'plain' | 'quota', Projection>> = {};
  const order: ('plain' | 'quota')[] = round % 2 === 0 ? ['plain', 'quota'] : ['quota', 'plain'];
  for (const name of order) {
    const scenario = name === 'plain' ? plain : withQuota;
    const start = performance.now();
    done[name] = project(scenario);
    times[name].push(performance.now() - start);
  }
  runs = done as Record<'plain' | 'quota', Projection>;
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const at = (p: Pick<Projection, 'indicator' | 'years'>, key: IndicatorKey, year: number, region?: string) => p.indicator(key, region ? { region } : undefined).values[p.years.indexOf(year)];
const { plain: a, quota: b } = runs!;
console.log(`china-counties-2024-2028, quota ${QUOTA} conversions a year in every county of a 超大 or 特大 city, ${ROUNDS} rounds`);
console.log(`project, unconstrained: median ${(median(times.plain) / 1000).toFixed(2)} s; with quotas: ${(median(times.quota) / 1000).toFixed(2)} s (ratio ${(median(times.quota) / median(times.plain)).toFixed(2)})`);
for (const year of [2028, 2035]) {
  console.log(`${year}: resident rate ${(100 * at(a, 'residentUrbanisationRate', year)).toFixed(2)} % / ${(100 * at(b, 'residentUrbanisationRate', year)).toFixed(2)} %; hukou rate ${(100 * at(a, 'hukouUrbanisationRate', year)).toFixed(2)} % / ${(100 * at(b, 'hukouUrbanisationRate', year)).toFixed(2)} % (unconstrained / quotas)`);
}
const held = b.indicator('settlementQuota.heldBack').values;
const binds = b.indicator('settlementQuota.binds').values;
console.log(`conversions held back (all counties), by year ${b.years.slice(1).join(', ')}: ${Array.from(held.slice(1), (v) => Math.round(v).toLocaleString('en')).join(', ')}`);
console.log(`counties where the quota binds, by year: ${Array.from(binds.slice(1), (v) => Math.round(v)).join(', ')}`);
const ta = a.aggregate('tier');
const tb = b.aggregate('tier');
for (const tier of ['megacity', 'supercity']) {
  console.log(`${tier} 2028 hukou rate: ${(100 * at(ta, 'hukouUrbanisationRate', 2028, tier)).toFixed(2)} % / ${(100 * at(tb, 'hukouUrbanisationRate', 2028, tier)).toFixed(2)} %`);
}
