/**
 * Pooled moves at county size (model.md section 7): about 2,950 regions, 12 years, maxAge 100,
 * rural-to-urban movers' `D` pooled on three levels (prefecture, about 340 groups nested in 31
 * provinces; province; nation), indicators only. Timed against the same problem with `D` as
 * its dense equivalent (R x R, 70 MB at 2,950 regions) and with `D` left out (identity: the
 * step without moves). Each variant runs in a process of its own, so that its peak resident
 * memory is its own.
 *
 * Usage: npx tsx bench/pooled.ts [--regions 2950] [--dense-regions 2950,1000,500] [--runs 5]
 *   (also: npm run bench -- --pooled)
 * Child: npx tsx --expose-gc bench/pooled.ts --child pooled|dense|identity REGIONS RUNS
 */

import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createKernelWorkspace } from '../src/kernel/runKernel.js';
import { runKernelIndicators } from '../src/kernel/indicators.js';
import type { KernelProblem, PooledLevel, PooledMoveMatrix } from '../src/kernel/types.js';
import { parseMoveMatrix } from '../src/schema/moveMatrix.js';
import { IssueList } from '../src/schema/numericArrays.js';
import { mulberry32, syntheticKernelProblem } from './problems.js';

export type PooledVariant = 'pooled' | 'dense' | 'identity';

/** What one child process measured. */
export interface PooledReport {
  variant: PooledVariant;
  regions: number;
  years: number;
  /** Every run's time, ms, after one warm-up run (none for a single run). */
  runsMs: number[];
  medianMs: number;
  /** CPU time of the process during the median run's share: user + system over all runs / runs (ms). */
  cpuMsPerRun: number;
  /** Bytes of `D` as the kernel holds it. */
  matrixBytes: number;
  /** Peak resident set of the process, building the problem included (bytes). */
  rssPeak: number;
  /** Total population after the last year, all regions (to show the variants agree). */
  finalPopulation: number;
}

/**
 * Three nested levels over `R` regions: 31 provinces of uneven size, about R/8.7 prefectures
 * (about 340 at 2,950 regions) cut from the provinces, one nation. Shares: 45-65 % of a
 * region's movers stay in the prefecture's pool, 20-35 % the province's, the rest the nation's;
 * weights within a group proportional to a random urban pull.
 */
export function countyPools(R: number, seed = 2950): { pooled: { levels: { group: number[]; share: number[]; weight: number[] }[] } } {
  const next = mulberry32(seed);
  const provinces = Math.min(31, R);
  const prefectures = Math.max(provinces, Math.round(R / 8.7));
  // provinces of uneven size: cut points at sorted random positions
  const province = new Array<number>(R);
  const prefecture = new Array<number>(R);
  const cuts = Array.from({ length: provinces - 1 }, () => 1 + Math.floor(next() * (R - 1))).sort((a, b) => a - b);
  let p = 0;
  for (let r = 0; r < R; r++) {
    while (p < cuts.length && r >= cuts[p]) p++;
    province[r] = p;
  }
  // prefectures: each region starts a new prefecture with probability prefectures/R, and always at a province border
  let f = -1;
  for (let r = 0; r < R; r++) {
    if (r === 0 || province[r] !== province[r - 1] || next() < (prefectures - provinces) / R) f++;
    prefecture[r] = f;
  }
  const pull = Array.from({ length: R }, () => 0.05 + next() ** 3);
  const weightsFor = (group: number[]) => {
    const sums = new Map<number, number>();
    group.forEach((g, r) => sums.set(g, (sums.get(g) ?? 0) + pull[r]));
    return group.map((g, r) => pull[r] / sums.get(g)!);
  };
  const shares = Array.from({ length: R }, () => {
    const a = 0.45 + 0.2 * next();
    const b = 0.2 + 0.15 * next();
    return [a, b, 1 - a - b];
  });
  const nation = new Array<number>(R).fill(0);
  return {
    pooled: {
      levels: [prefecture, province, nation].map((group, l) => ({ group, share: shares.map((s) => s[l]), weight: weightsFor(group) })),
    },
  };
}

function pooledMatrix(R: number): PooledMoveMatrix {
  const issues = new IssueList();
  const matrix = parseMoveMatrix(countyPools(R), { path: ['inputs', 'D'], shape: 'rr', dims: { regions: R, maxAge: 100 }, regionIds: Array.from({ length: R }, (_, r) => `c${r}`) }, issues);
  if (issues.length > 0 || matrix.kind !== 'pooled') throw new Error(`invalid pools: ${issues.issues[0]?.message}`);
  return matrix;
}

/** The dense equivalent `D[i][j] = sum_l share_l[i] * weight_l[j] * (group_l[i] == group_l[j])`. */
function denseOf(matrix: PooledMoveMatrix, R: number): Float64Array {
  const values = new Float64Array(R * R);
  for (const { group, share, weight } of matrix.levels as PooledLevel[]) {
    for (let i = 0; i < R; i++) {
      const a = share[i];
      const g = group[i];
      const row = i * R;
      for (let j = 0; j < R; j++) if (group[j] === g) values[row + j] += a * weight[j];
    }
  }
  return values;
}

function buildProblem(variant: PooledVariant, R: number, years: number): KernelProblem {
  const problem = syntheticKernelProblem({ id: `r${R}-county`, regions: R, years, maxAge: 100, moves: 'identity', destinations: 1, seed: 2950 });
  if (variant === 'identity') return problem;
  const pooled = pooledMatrix(R);
  const D = variant === 'pooled' ? pooled : { kind: 'dense' as const, values: denseOf(pooled, R) };
  return { ...problem, inputs: { ...problem.inputs, D: [D] } };
}

function matrixBytes(problem: KernelProblem): number {
  const D = problem.inputs.D[0];
  if (D.kind === 'dense') return D.values.byteLength;
  if (D.kind === 'pooled') return D.levels.reduce((s, l) => s + l.group.byteLength + l.share.byteLength + l.weight.byteLength, 0);
  return 0;
}

function child(variant: PooledVariant, R: number, runs: number, years: number): PooledReport {
  const problem = buildProblem(variant, R, years);
  const workspace = createKernelWorkspace(R, problem.maxAge);
  // one warm-up run, except for a single long run (the dense matrix at county size)
  let indicators = runs > 1 ? runKernelIndicators(problem, workspace) : null;
  const runsMs: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    indicators = runKernelIndicators(problem, workspace);
    runsMs.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuStart);
  if (indicators === null) throw new Error('no run');
  const sorted = [...runsMs].sort((a, b) => a - b);
  const pop = indicators.stocks.population;
  return {
    variant,
    regions: R,
    years,
    runsMs,
    medianMs: sorted[Math.floor(sorted.length / 2)],
    cpuMsPerRun: (cpu.user + cpu.system) / 1000 / runs,
    matrixBytes: matrixBytes(problem),
    rssPeak: process.resourceUsage().maxRSS * 1024,
    finalPopulation: pop[pop.length - 1],
  };
}

function spawnChild(variant: PooledVariant, R: number, runs: number, years: number): PooledReport {
  const script = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [...process.execArgv, script, '--child', variant, String(R), String(runs), String(years)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`${variant} at ${R} regions failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as PooledReport;
}

const mb = (bytes: number) => (bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(0)} kB` : `${(bytes / 2 ** 20).toFixed(1)} MB`);

/** Runs every variant and prints a markdown table; returns the reports. */
export function runPooledBench(options: { regions: number; denseRegions: number[]; runs: number; years: number }): PooledReport[] {
  const reports: PooledReport[] = [];
  const sizes = [...new Set([options.regions, ...options.denseRegions])].sort((a, b) => b - a);
  for (const R of sizes) {
    const variants: PooledVariant[] = R === options.regions ? ['identity', 'pooled'] : ['pooled'];
    if (options.denseRegions.includes(R)) variants.push('dense');
    for (const variant of variants) {
      process.stderr.write(`pooled bench: ${variant}, ${R} regions ...\n`);
      reports.push(spawnChild(variant, R, variant === 'dense' && R > 1500 ? 1 : options.runs, options.years));
    }
  }
  const lines = [
    `Pooled moves, ${options.years} years, maxAge 100, indicators only (median wall time of the runs after one warm-up, and CPU time a run; one thread)`,
    `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end`,
    '',
    '| regions | D | runs | wall median (ms) | CPU a run (ms) | wall a year (ms) | D held | peak RSS | population at the end |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
    ...reports.map(
      (r) =>
        `| ${r.regions} | ${r.variant} | ${r.runsMs.length} | ${r.medianMs.toFixed(0)} | ${r.cpuMsPerRun.toFixed(0)} | ${(r.medianMs / r.years).toFixed(1)} | ${mb(r.matrixBytes)} | ${mb(r.rssPeak)} | ${r.finalPopulation.toFixed(0)} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return reports;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      child: { type: 'string' },
      regions: { type: 'string', default: '2950' },
      'dense-regions': { type: 'string', default: '2950,1000,500' },
      runs: { type: 'string', default: '5' },
      years: { type: 'string', default: '12' },
    },
    allowPositionals: true,
  });
  if (values.child) {
    const [R, runs, years] = positionals.map(Number);
    process.stdout.write(`${JSON.stringify(child(values.child as PooledVariant, R, runs, years))}\n`);
  } else {
    runPooledBench({
      regions: Number(values.regions),
      denseRegions: values['dense-regions']!.split(',').filter((s) => s !== '').map(Number),
      runs: Number(values.runs),
      years: Number(values.years),
    });
  }
}
