/**
 * Constraints (docs/constraints.md): the time a constrained run takes against the same run
 * without its constraints, and what the constraints did (verdicts).
 *
 * Cases:
 * - `shanghai-beds`: examples/scenarios/shanghai-builder-beds.json through `project` (one
 *   region, housing binds every year), against the same scenario without constraints;
 * - `shanghai-quota`: the preset shanghai-2024-2028 with a settlement quota of 100,000 a year
 *   (an illustration: no quota figure is published), housing and school access, against the preset;
 * - `counties`: every county of the 2020 census (countyBase2020, 2,850 or so regions) as a
 *   kernel problem, 2021-2025, UN WPP 2024 survival and fertility, m = 2 % and k = 3 % at every
 *   age, pooled destinations (half to the prefecture, 30 % to the province, 20 % to the nation,
 *   weighted by urban residents), with a settlement quota of 2,000 conversions a year in every
 *   county of a megacity (city tier from `leafTiers2020`) and housing in the megacities' counties
 *   that holds the migrants aged 16-59 of 2020 plus 1 % a year, movers re-routed by the pools;
 *   against `runKernel` on the same problem. The figures are illustrations, not a preset.
 *
 * Run: npx tsx bench/constraints.ts [--quick]
 */

import { readFileSync } from 'node:fs';
import { runKernel } from '../src/kernel/runKernel.js';
import type { KernelProblem, PooledLevel } from '../src/kernel/types.js';
import { runConstrainedKernel } from '../src/model/constraints/controller.js';
import { countyBase2020, leafTiers2020 } from '../src/model/counties/index.js';
import { project } from '../src/model/project.js';
import { unDemography } from '../src/model/unDemography.js';
import { getPreset } from '../src/presets/index.js';
import { ConstraintsSchema } from '../src/schema/constraints.js';
import type { ScenarioInput } from '../src/schema/scenario.js';
import { runInterleaved } from './interleaved.js';
import { formatTiming } from './stats.js';

const quick = process.argv.includes('--quick');
const OPTIONS = quick
  ? { rounds: 2, timeMs: 200, iterations: 3, warmupMs: 50, warmupIterations: 1 }
  : { rounds: 5, timeMs: 1500, iterations: 20, warmupMs: 300, warmupIterations: 2 };

function countyProblem(): { problem: KernelProblem; tiers: readonly string[] } {
  const base = countyBase2020();
  const leaves = base.census.leaves;
  const tiers = leafTiers2020(base.census);
  const R = leaves.length;
  const A = base.maxAge;
  const A1 = A + 1;
  const years = 5;
  const inputs: KernelProblem['inputs'] = { sx: [], sb: [], fx: [], srb: [], m: [], c: [], k: [], q: [], D: [], E: [], n: [] };
  for (let t = 0; t < years; t++) {
    const demo = unDemography(2021 + t, A);
    const sx = new Float64Array(R * 6 * A1);
    const sb = new Float64Array(R * 6);
    const fx = new Float64Array(R * 3 * A1);
    for (let r = 0; r < R; r++) {
      for (let h = 0; h < 3; h++) {
        sx.set(demo.sx.female, ((r * 3 + h) * 2) * A1);
        sx.set(demo.sx.male, ((r * 3 + h) * 2 + 1) * A1);
        sb[(r * 3 + h) * 2] = demo.sb.female;
        sb[(r * 3 + h) * 2 + 1] = demo.sb.male;
        for (let a = 0; a < A1; a++) fx[(r * 3 + h) * A1 + a] = demo.tfr * demo.fxPerTfr[a];
      }
    }
    inputs.sx.push(sx);
    inputs.sb.push(sb);
    inputs.fx.push(fx);
    inputs.srb.push(new Float64Array(R).fill(demo.srb));
  }
  inputs.m.push(new Float64Array(R * 2 * A1).fill(0.02));
  inputs.c.push(new Float64Array(R));
  inputs.k.push(new Float64Array(R * 2 * A1).fill(0.03));
  inputs.q.push(new Float64Array(R * 2 * A1));
  // pooled destinations: prefecture, province, nation, weighted by urban residents
  const urban = Float64Array.from(base.migrant, (v, r) => v + base.hukou[r]);
  const level = (key: (r: number) => number, share: number): PooledLevel => {
    const ids = new Map<number, number>();
    const group = Int32Array.from({ length: R }, (_, r) => {
      const k = key(r);
      if (!ids.has(k)) ids.set(k, ids.size);
      return ids.get(k)!;
    });
    const sums = new Float64Array(ids.size);
    for (let r = 0; r < R; r++) sums[group[r]] += urban[r];
    const weight = Float64Array.from({ length: R }, (_, r) => (sums[group[r]] > 0 ? urban[r] / sums[group[r]] : 0));
    for (let g = 0; g < ids.size; g++) {
      if (sums[g] > 0) continue;
      const first = group.indexOf(g);
      weight[first] = 1;
    }
    return { group, share: new Float64Array(R).fill(share), weight, groups: ids.size };
  };
  inputs.D.push({ kind: 'pooled', levels: [level((r) => leaves[r].prefectureCode, 0.5), level((r) => leaves[r].provinceCode, 0.3), level(() => 0, 0.2)] });
  inputs.E.push({ kind: 'identity' });
  return { problem: { regions: leaves.map((l) => l.id), maxAge: A, startYear: 2021, years, population: base.population, inputs }, tiers };
}

function countyConstraints(problem: KernelProblem, tiers: readonly string[]) {
  const A1 = problem.maxAge + 1;
  const byRegion: Record<string, number> = {};
  problem.regions.forEach((id, r) => {
    if (tiers[r] !== 'megacity') return;
    let migrants = 0;
    for (let s = 0; s < 2; s++) for (let a = 16; a <= 59; a++) migrants += problem.population[((r * 3 + 1) * 2 + s) * A1 + a];
    byRegion[id] = migrants;
  });
  return ConstraintsSchema.parse({
    housing: { spill: 'reroute', capacity: { initial: { byRegion }, growthRate: 0.01 } },
    settlementQuota: { persons: { byTier: { megacity: 2000 } } },
  });
}

function sum(values: ArrayLike<number>, from = 0, to = values.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i];
  return s;
}

/** The county problem and its constraints (for profiling). */
export function countyProblemForProfile() {
  const { problem, tiers } = countyProblem();
  return { problem, tiers, constraints: countyConstraints(problem, tiers) };
}

async function main() {
  const example = JSON.parse(readFileSync(new URL('../examples/scenarios/shanghai-builder-beds.json', import.meta.url), 'utf8')) as ScenarioInput;
  const plain = { ...example, constraints: undefined };
  const shanghai = getPreset('shanghai-2024-2028').scenario;
  const shanghaiQuota = {
    ...shanghai,
    constraints: {
      settlementQuota: { persons: 100_000 },
      housing: { shareInNeed: 0.05, capacity: { initial: 'matchDemand' as const, additionsPerYear: 24_000 } },
      schoolAccess: { migrantChildrenPublicSchoolShare: 0.85, places: { initial: 'matchDemand' as const }, leftBehind: true },
    },
  };
  const { problem, tiers } = countyProblem();
  const constraints = countyConstraints(problem, tiers);

  // verdicts
  const beds = project(example);
  const bedsFree = project(plain);
  const quota = project(shanghaiQuota);
  const county = runConstrainedKernel(problem, constraints, tiers);
  const countyPlain = runKernel(problem);
  const R = problem.regions.length;
  const megacity = tiers.filter((t) => t === 'megacity').length;
  const lines: string[] = [];
  lines.push(`shanghai-beds: housing binds in ${beds.indicator('housing.binds').values.slice(1).join(', ')} (2024-2028); held back ${beds.indicator('housing.heldBack').values.slice(1).map((v) => Math.round(v)).join(', ')} persons; residents 2028 ${Math.round(beds.indicator('population').values.at(-1)!)} against ${Math.round(bedsFree.indicator('population').values.at(-1)!)} without the limit`);
  lines.push(`shanghai-quota: conversions ${quota.indicator('conversions').values.map((v) => Math.round(v)).join(', ')}; held back ${quota.indicator('settlementQuota.heldBack').values.slice(1).map((v) => Math.round(v)).join(', ')}; housing binds ${quota.indicator('housing.binds').values.slice(1).join(', ')}; public school share ${quota.indicator('schoolAccess.publicSchoolShare').values.map((v) => v.toFixed(3)).join(', ')}; left behind ${quota.indicator('schoolAccess.leftBehind').values.slice(1).map((v) => Math.round(v)).join(', ')}`);
  const binds = county.series.get('settlementQuota.binds')!;
  const housingBinds = county.series.get('housing.binds')!;
  const held = county.series.get('settlementQuota.heldBack')!;
  const rerouted = county.series.get('housing.rerouted')!;
  const perYear = (s: Float64Array) => Array.from({ length: problem.years }, (_, t) => Math.round(s[(t + 1) * (R + 1) + R])).join(', ');
  lines.push(`counties: ${R} regions, ${megacity} in megacities; quota binds in ${perYear(binds)} counties a year (2021-2025), holding back ${perYear(held)} conversions; housing binds in ${perYear(housingBinds)} counties, re-routing ${perYear(rerouted)} movers; conversions 2021-2025 ${Math.round(sum(county.result.flows.conversions))} against ${Math.round(sum(countyPlain.flows.conversions))} unconstrained`);
  for (const line of lines) console.log(line);

  // CPU time (user + system) of alternating runs: less disturbed than wall time by other
  // processes on a busy machine
  const cpu = (fn: () => unknown) => {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const cases: [string, () => unknown, () => unknown][] = [
    ['shanghai-beds', () => project(plain), () => project(example)],
    ['shanghai-quota', () => project(shanghai), () => project(shanghaiQuota)],
    ['counties', () => runKernel(problem), () => runConstrainedKernel(problem, constraints, tiers)],
  ];
  console.log('\nCPU time, median of alternating runs:\n\n| case | unconstrained | constrained | ratio |\n|---|---:|---:|---:|');
  for (const [name, a, b] of cases) {
    const repeats = name === 'counties' ? (quick ? 3 : 7) : quick ? 10 : 40;
    const ta: number[] = [];
    const tb: number[] = [];
    a();
    b();
    for (let i = 0; i < repeats; i++) {
      ta.push(cpu(a));
      tb.push(cpu(b));
    }
    const median = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
    console.log(`| ${name} | ${median(ta).toFixed(1)} ms | ${median(tb).toFixed(1)} ms | ${(median(tb) / median(ta)).toFixed(2)}x |`);
  }

  // wall time
  const times = await runInterleaved(
    [
      { name: 'shanghai-beds unconstrained', fn: () => project(plain) },
      { name: 'shanghai-beds constrained', fn: () => project(example) },
      { name: 'shanghai-quota unconstrained', fn: () => project(shanghai) },
      { name: 'shanghai-quota constrained', fn: () => project(shanghaiQuota) },
      { name: 'counties unconstrained', fn: () => runKernel(problem) },
      { name: 'counties constrained', fn: () => runConstrainedKernel(problem, constraints, tiers) },
    ],
    OPTIONS,
  );
  console.log('\nWall time (tinybench, interleaved rounds):\n\n| case | unconstrained | constrained | ratio |\n|---|---:|---:|---:|');
  for (const name of ['shanghai-beds', 'shanghai-quota', 'counties']) {
    const a = times.get(`${name} unconstrained`)!;
    const b = times.get(`${name} constrained`)!;
    console.log(`| ${name} | ${formatTiming(a)} | ${formatTiming(b)} | ${(b.median / a.median).toFixed(2)}x |`);
  }
}

if (process.argv[1]?.endsWith('constraints.ts')) await main();
