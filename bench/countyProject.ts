/**
 * The county preset projected end to end (issue 15): `china-counties-2024-2028-trend` (2,987
 * regions, 2023 to 2035, 12 years, maxAge 100), from the preset's scenario to its indicators.
 * Each variant runs in a fresh process of its own, so that its peak resident memory is its own
 * and its first call pays what a first call pays (parsing, compiling, the JIT warming up):
 *
 * - **indicators**: `projectIndicators(preset.scenario)`, stocks and flows only, pooled moves, a
 *   year of inputs at a time; then a second call on the parsed scenario (no parsing, a warm JIT).
 * - **full**: `project(preset.scenario)`, every year's population kept and the services derived.
 * - **dense**: the same problem with the pooled `D` written out as its dense R x R equivalent
 *   (71 MB), run with `runKernelIndicators` for `--dense-years` years (2 by default: a dense step
 *   costs about 3 s here) and scaled to 12 years; its compile is the full compiler's.
 *
 * Times are CPU (user + system, `process.cpuUsage`) of the process during the call, one core;
 * the machine's load average is printed with them, since a loaded machine slows them too. The
 * first call's main thread is shown beside it where /proc tells it (Linux): the rest is the
 * engine compiling hot functions and collecting garbage on threads of its own.
 *
 * Usage: npx tsx bench/countyProject.ts [--preset china-counties-2024-2028-trend] [--dense-years 2] [--no-dense] [--no-full]
 * Child: npx tsx bench/countyProject.ts --child indicators|full|dense PRESET DENSE_YEARS
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export type CountyVariant = 'indicators' | 'full' | 'dense';

/** What one child process measured (CPU times in ms, memory in bytes). */
export interface CountyReport {
  variant: CountyVariant;
  preset: string;
  regions: number;
  years: number;
  /** CPU time to load the presets module (the seed files included). */
  loadMs: number;
  /** CPU time of the first call, parse and compile included. */
  firstMs: number;
  /** Of it, the main thread's (the rest is the engine compiling and collecting on threads of its own); null without /proc. */
  firstMainMs?: number | null;
  /** CPU time of a second call on the parsed scenario (indicators only), or null. */
  secondMs: number | null;
  /** For `dense`: the years run, and the CPU time of the kernel alone on them. */
  denseYears?: number;
  denseKernelMs?: number;
  /** Peak resident set of the process (bytes). */
  rssPeak: number;
  /** Total population at the end, all regions (to show the variants agree). */
  finalPopulation: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU time of the main thread alone (ms), from /proc where there is one (Linux), else null. */
function mainThreadMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks (100 a second on Linux)
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The dense equivalent of a pooled matrix: `D[i][j] = sum_l share_l[i] * weight_l[j] * (group_l[i] == group_l[j])`. */
function denseOf(levels: readonly { group: Int32Array; share: Float64Array; weight: Float64Array }[], R: number): Float64Array {
  const values = new Float64Array(R * R);
  for (const { group, share, weight } of levels) {
    for (let i = 0; i < R; i++) {
      const a = share[i];
      const g = group[i];
      const row = i * R;
      for (let j = 0; j < R; j++) if (group[j] === g) values[row + j] += a * weight[j];
    }
  }
  return values;
}

async function child(variant: CountyVariant, presetId: string, denseYears: number): Promise<CountyReport> {
  let start = cpuMs();
  const { getPreset } = await import('../src/presets/index.js');
  const { project, projectIndicators } = await import('../src/model/project.js');
  const preset = getPreset(presetId);
  const loadMs = cpuMs() - start;
  const regions = preset.scenario.regions.length;
  const years = (preset.scenario.endYear as number) - (preset.scenario.baseYear as number);
  if (variant === 'indicators') {
    start = cpuMs();
    const mainStart = mainThreadMs();
    const first = projectIndicators(preset.scenario);
    const firstMs = cpuMs() - start;
    const mainEnd = mainThreadMs();
    const firstMainMs = mainStart === null || mainEnd === null ? null : mainEnd - mainStart;
    start = cpuMs();
    const second = projectIndicators(first.scenario);
    const secondMs = cpuMs() - start;
    const population = second.indicator('population').values;
    return { variant, preset: presetId, regions, years, loadMs, firstMs, firstMainMs, secondMs, rssPeak: process.resourceUsage().maxRSS * 1024, finalPopulation: population[population.length - 1] };
  }
  if (variant === 'full') {
    start = cpuMs();
    const projection = project(preset.scenario);
    const firstMs = cpuMs() - start;
    const population = projection.indicator('population').values;
    return { variant, preset: presetId, regions, years, loadMs, firstMs, secondMs: null, rssPeak: process.resourceUsage().maxRSS * 1024, finalPopulation: population[population.length - 1] };
  }
  const { parseScenario } = await import('../src/schema/scenario.js');
  const { compileScenario } = await import('../src/model/compile.js');
  const { runKernelIndicators } = await import('../src/kernel/indicators.js');
  start = cpuMs();
  const scenario = parseScenario({ ...preset.scenario, endYear: (preset.scenario.baseYear as number) + denseYears });
  const problem = compileScenario(scenario);
  const D = problem.inputs.D[0];
  if (D.kind !== 'pooled') throw new Error(`the preset's D is ${D.kind}, not pooled`);
  const dense = { ...problem, inputs: { ...problem.inputs, D: [{ kind: 'dense' as const, values: denseOf(D.levels, regions) }] } };
  const firstMs = cpuMs() - start;
  start = cpuMs();
  const indicators = runKernelIndicators(dense);
  const denseKernelMs = cpuMs() - start;
  const population = indicators.stocks.population;
  return {
    variant,
    preset: presetId,
    regions,
    years,
    loadMs,
    firstMs,
    secondMs: null,
    denseYears,
    denseKernelMs,
    rssPeak: process.resourceUsage().maxRSS * 1024,
    finalPopulation: population[population.length - 1],
  };
}

function spawnChild(variant: CountyVariant, presetId: string, denseYears: number): CountyReport {
  const script = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [...process.execArgv, script, '--child', variant, presetId, String(denseYears)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`${variant} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as CountyReport;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Runs the variants, each in its own process, and prints a markdown table; returns the reports. */
export function runCountyProjectBench(options: { preset: string; denseYears: number; dense: boolean; full: boolean }): CountyReport[] {
  const variants: CountyVariant[] = ['indicators', ...(options.full ? (['full'] as const) : []), ...(options.dense ? (['dense'] as const) : [])];
  const before = loadavg();
  const reports = variants.map((variant) => {
    process.stderr.write(`county project bench: ${variant} ...\n`);
    return spawnChild(variant, options.preset, options.denseYears);
  });
  const after = loadavg();
  const first = reports[0];
  const row = (r: CountyReport) => {
    if (r.variant === 'dense') {
      const perYear = r.denseKernelMs! / r.denseYears!;
      return `| dense D (R x R), kernel only | ${s(perYear * r.years)} (estimated: ${r.denseYears} years run, ${s(perYear)} a year) | - | ${mb(r.rssPeak)} | compile of ${r.denseYears} years ${s(r.firstMs)} |`;
    }
    const what = r.variant === 'indicators' ? 'projectIndicators (pooled)' : 'project, full (pooled)';
    const main = r.firstMainMs === undefined || r.firstMainMs === null ? '' : ` (main thread ${s(r.firstMainMs)})`;
    return `| ${what} | ${s(r.firstMs)}${main} | ${r.secondMs === null ? '-' : s(r.secondMs)} | ${mb(r.rssPeak)} | population 2035 ${r.finalPopulation.toFixed(0)} |`;
  };
  const lines = [
    `${options.preset}: ${first.regions} regions, ${first.years} years, maxAge 100; CPU time on one core (user + system) in a fresh process each`,
    `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}; load average ${before.map((x) => x.toFixed(1)).join(' ')} before, ${after.map((x) => x.toFixed(1)).join(' ')} after; loading the presets module: ${s(first.loadMs)}`,
    '',
    '| run | first call (parse + compile + run) | second call (parsed, warm) | peak RSS (process) | |',
    '|---|---:|---:|---:|---|',
    ...reports.map(row),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return reports;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      child: { type: 'string' },
      preset: { type: 'string', default: 'china-counties-2024-2028-trend' },
      'dense-years': { type: 'string', default: '2' },
      'no-dense': { type: 'boolean', default: false },
      'no-full': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (values.child) {
    const [presetId, denseYears] = positionals;
    child(values.child as CountyVariant, presetId, Number(denseYears)).then((report) => process.stdout.write(`${JSON.stringify(report)}\n`));
  } else {
    runCountyProjectBench({ preset: values.preset!, denseYears: Number(values['dense-years']), dense: !values['no-dense'], full: !values['no-full'] });
  }
}
