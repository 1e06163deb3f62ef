/**
 * The benchmark suite: the kernel on synthetic problems of 1 to 3,000 regions x 27 years,
 * against a vectorised numpy reference and against a streaming pass over the bytes a step
 * must move. Writes bench/results/latest.json and prints markdown tables on stdout.
 *
 * Usage: npm run bench [-- --quick] [-- --case r31] [-- --no-numpy] [-- --no-memory]
 *   --quick        few rounds and iterations: a smoke run of a few seconds per case
 *   --case TEXT    only cases whose id contains TEXT (repeatable, or comma-separated)
 *   --no-numpy     skip the numpy reference
 *   --no-memory    skip the memory measurement of the 3,000-region case
 *   --out FILE     where to write the JSON results (default bench/results/latest.json)
 *   --pooled       only the county-sized pooled-moves bench (bench/pooled.ts)
 *   --simulate     only the simulation on threads (bench/simulate.ts; needs npm run build),
 *                  with its own options (--draws, --threads, --regions)
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runKernelIndicators } from '../src/kernel/indicators.js';
import { addMovesInto } from '../src/kernel/moves.js';
import { createKernelWorkspace, runKernel } from '../src/kernel/runKernel.js';
import type { KernelProblem } from '../src/kernel/types.js';
import { runInterleaved, type BenchTask, type ExternalTask, type InterleaveOptions } from './interleaved.js';
import type { MemoryReport } from './memory.js';
import { numpyAvailable, numpyOutcome, startNumpyReference, type NumpyOutcome, type NumpySession } from './numpyReference.js';
import { runPooledBench } from './pooled.js';
import { runSimulateBench } from './simulate.js';
import { BENCH_CASES, IDENTITY_CASES, syntheticKernelProblem, type BenchCase } from './problems.js';
import { formatMs, formatRatio, formatTiming, type TimingSummary } from './stats.js';
import { createStreamingPass, type StepTraffic } from './streamingPass.js';
import { moveVariants } from './variants.js';

const HERE = dirname(fileURLToPath(import.meta.url));

interface Options {
  quick: boolean;
  filters: string[];
  numpy: boolean;
  memory: boolean;
  out: string;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      case: { type: 'string', multiple: true, default: [] },
      'no-numpy': { type: 'boolean', default: false },
      'no-memory': { type: 'boolean', default: false },
      out: { type: 'string', default: join(HERE, 'results', 'latest.json') },
      pooled: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  return {
    quick: values.quick ?? false,
    filters: (values.case ?? []).flatMap((f) => f.split(',')).filter((f) => f.length > 0),
    numpy: !values['no-numpy'],
    memory: !values['no-memory'],
    out: values.out ?? join(HERE, 'results', 'latest.json'),
  };
}

/** Interleaving budgets: small problems get many samples, the 3,000-region one a few. */
function budget(regions: number, quick: boolean): InterleaveOptions {
  if (quick) return { rounds: 2, timeMs: 50, iterations: 3, warmupMs: 20, warmupIterations: 1 };
  if (regions >= 3000) return { rounds: 7, timeMs: 1, iterations: 1, warmupMs: 1, warmupIterations: 1 };
  if (regions >= 300) return { rounds: 6, timeMs: 400, iterations: 4, warmupMs: 200, warmupIterations: 2 };
  return { rounds: 8, timeMs: 250, iterations: 64, warmupMs: 250, warmupIterations: 16 };
}

/** numpy's share of each round: projections per round, warm-up ones, and trials of each sparse method. */
function numpyBudget(regions: number, quick: boolean): { perRound: number; warmup: number; trialRounds: number } {
  if (quick) return { perRound: 1, warmup: 1, trialRounds: 1 };
  if (regions >= 3000) return { perRound: 1, warmup: 1, trialRounds: 2 };
  if (regions >= 300) return { perRound: 2, warmup: 2, trialRounds: 3 };
  return { perRound: 5, warmup: 3, trialRounds: 3 };
}

/** The move product alone, `years` times `D` and `E`, on the problem's own matrices. */
function movesOnlyTask(problem: KernelProblem): () => number {
  const R = problem.regions.length;
  const A1 = problem.maxAge + 1;
  const movers = new Float64Array(R * 2 * A1);
  for (let r = 0; r < R; r++) for (let x = 0; x < 2 * A1; x++) movers[r * 2 * A1 + x] = problem.population[r * 6 * A1 + x] * 0.01;
  const target = new Float64Array(problem.population.length);
  const D = problem.inputs.D[0];
  const E = problem.inputs.E[0];
  return () => {
    target.set(problem.population);
    for (let t = 0; t < problem.years; t++) {
      addMovesInto(D, movers, target, 1, R, A1);
      addMovesInto(E, movers, target, 0, R, A1);
    }
    return target[0];
  };
}

interface CaseResult {
  id: string;
  regions: number;
  years: number;
  moves: BenchCase['moves'];
  /** Links of `D` (and of `E`): R*R when dense. */
  links: number;
  traffic: StepTraffic;
  timings: Record<string, TimingSummary>;
  numpy: NumpyOutcome | null;
  /** Derived figures, each explained in bench/README.md. */
  derived: {
    kernelMs: number;
    nsPerRegionYear: number;
    numpyOverKernel: number | null;
    scipyOverKernel: number | null;
    kernelOverStream: number;
    streamGBps: number;
    noMovesOverStream: number | null;
    movesShare: number | null;
  };
}

function linkCount(problem: KernelProblem): number {
  const D = problem.inputs.D[0];
  const R = problem.regions.length;
  if (D.kind === 'dense') return R * R;
  if (D.kind === 'sparse') return D.to.length;
  return R;
}

async function benchCase(spec: BenchCase, options: Options, identityProblems: Map<number, KernelProblem>, log: (line: string) => void): Promise<CaseResult> {
  const problem = syntheticKernelProblem(spec);
  const R = spec.regions;
  const ws = createKernelWorkspace(R, spec.maxAge);
  const stream = createStreamingPass(problem);
  const tasks: BenchTask[] = [
    { name: 'kernel', fn: () => runKernelIndicators(problem, ws) },
    { name: 'stream', fn: () => stream.run() },
  ];
  if (R <= 31) tasks.push({ name: 'full', fn: () => runKernel(problem) });
  if (R > 1) {
    let identity = identityProblems.get(R);
    const identitySpec = IDENTITY_CASES.find((c) => c.regions === R);
    if (!identity && identitySpec) {
      identity = syntheticKernelProblem(identitySpec);
      identityProblems.set(R, identity);
    }
    if (identity) {
      const wsIdentity = createKernelWorkspace(R, spec.maxAge);
      const noMoves = identity;
      tasks.push({ name: 'noMoves', fn: () => runKernelIndicators(noMoves, wsIdentity) });
    }
    tasks.push({ name: 'movesOnly', fn: movesOnlyTask(problem) });
    for (const variant of moveVariants(problem)) tasks.push(variant);
  }
  let session: NumpySession | null = null;
  let numpy: NumpyOutcome | null = null;
  if (options.numpy) {
    const plan = numpyBudget(R, options.quick);
    const started = await startNumpyReference(problem, { warmup: plan.warmup, trialRounds: plan.trialRounds });
    if (started.ok) {
      session = started.session;
      log(`${spec.id}: numpy agrees with the kernel to ${session.maxRelativeDifference.toExponential(1)} (${session.sparseMethod ?? 'dense'})`);
    } else {
      numpy = started;
      log(`${spec.id}: numpy skipped: ${started.reason}`);
    }
  }
  const external: ExternalTask[] = [];
  if (session) {
    const s = session;
    const perRound = numpyBudget(R, options.quick).perRound;
    external.push({ name: 'numpy', round: () => s.timeRound(perRound) });
  }
  log(`${spec.id}: ${[...tasks.map((t) => t.name), ...external.map((t) => t.name)].join(', ')}`);
  let timingMap: Map<string, TimingSummary>;
  try {
    timingMap = await runInterleaved(tasks, budget(R, options.quick), external);
  } finally {
    session?.close();
  }
  const { numpy: numpyTiming, ...rest } = Object.fromEntries(timingMap);
  const timings: Record<string, TimingSummary> = rest;
  if (session && numpyTiming) {
    numpy = numpyOutcome(session, numpyTiming);
    log(`${spec.id}: numpy ${formatTiming(numpyTiming)}`);
  }

  const kernelMs = timings.kernel.median;
  const scipyMs = numpy?.ok ? numpy.sparseTrials.scipy : undefined;
  return {
    id: spec.id,
    regions: R,
    years: spec.years,
    moves: spec.moves,
    links: linkCount(problem),
    traffic: stream.traffic,
    timings,
    numpy,
    derived: {
      kernelMs,
      nsPerRegionYear: (kernelMs * 1e6) / (R * spec.years),
      numpyOverKernel: numpy?.ok ? numpy.timing.median / kernelMs : null,
      scipyOverKernel: scipyMs !== undefined ? scipyMs / kernelMs : null,
      kernelOverStream: kernelMs / timings.stream.median,
      streamGBps: (stream.traffic.totalBytes * spec.years) / (timings.stream.median * 1e6),
      noMovesOverStream: timings.noMoves ? timings.noMoves.median / timings.stream.median : null,
      movesShare: timings.movesOnly ? timings.movesOnly.median / kernelMs : null,
    },
  };
}

function measureMemoryInChild(caseId: string): MemoryReport | { error: string } {
  const script = join(HERE, 'memory.ts');
  const run = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', script, caseId], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) return { error: (run.stderr || run.error?.message || 'failed').trim().slice(-1000) };
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as MemoryReport;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function markdown(results: CaseResult[], memory: MemoryReport | { error: string } | null, numpyNote: string): string {
  const lines: string[] = [];
  lines.push('### Kernel, numpy and the limit (one whole projection, median ±half the interquartile range)', '');
  lines.push('| case | regions | links | kernel (indicators) | runKernel (full) | numpy | numpy / kernel | scipy.sparse / kernel | streaming pass | kernel / pass | ns per region-year |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const np = r.numpy?.ok ? `${formatTiming(r.numpy.timing)}${r.numpy.sparseMethod ? ` (${r.numpy.sparseMethod})` : ''}` : r.numpy ? 'skipped' : '-';
    lines.push(
      `| ${r.id} | ${r.regions} | ${r.links} | ${formatTiming(r.timings.kernel)} | ${formatTiming(r.timings.full)} | ${np} | ${formatRatio(r.derived.numpyOverKernel)} | ${formatRatio(r.derived.scipyOverKernel)} | ${formatTiming(r.timings.stream)} (${r.derived.streamGBps.toFixed(1)} GB/s) | ${formatRatio(r.derived.kernelOverStream)} | ${r.derived.nsPerRegionYear.toFixed(0)} |`,
    );
  }
  const multi = results.filter((r) => r.regions > 1);
  if (multi.length > 0) {
    lines.push('', '### The step without moves, and the moves alone', '');
    lines.push('| case | kernel | kernel with identity D, E | identity / pass | moves only (D and E, all years) | moves / kernel | move variants |');
    lines.push('|---|---:|---:|---:|---:|---:|---|');
  }
  for (const r of multi) {
    const variants = Object.entries(r.timings)
      .filter(([name]) => name.startsWith('moves:'))
      .map(([name, t]) => `${name.slice(6)} ${formatMs(t.median)}`)
      .join(', ');
    lines.push(
      `| ${r.id} | ${formatTiming(r.timings.kernel)} | ${formatTiming(r.timings.noMoves)} | ${formatRatio(r.derived.noMovesOverStream)} | ${formatTiming(r.timings.movesOnly)} | ${r.derived.movesShare === null ? '-' : `${(100 * r.derived.movesShare).toFixed(0)}%`} | ${variants || '-'} |`,
    );
  }
  const sparse = results.filter((r) => r.numpy?.ok && Object.keys(r.numpy.sparseTrials).length > 0);
  if (sparse.length > 0) {
    lines.push('', '### numpy scatter-add methods for sparse D and E (median of one projection)', '');
    lines.push('| case | ' + Object.keys((sparse[0].numpy as Extract<NumpyOutcome, { ok: true }>).sparseTrials).join(' | ') + ' | used |');
    lines.push('|---|' + Object.keys((sparse[0].numpy as Extract<NumpyOutcome, { ok: true }>).sparseTrials).map(() => '---:|').join('') + '---|');
    for (const r of sparse) {
      const np = r.numpy as Extract<NumpyOutcome, { ok: true }>;
      lines.push(`| ${r.id} | ${Object.values(np.sparseTrials).map(formatMs).join(' | ')} | ${np.sparseMethod} |`);
    }
  }
  lines.push('', `numpy: ${numpyNote}`);
  if (memory) {
    lines.push(
      '',
      'error' in memory
        ? `memory: failed (${memory.error})`
        : `memory (${memory.caseId}, indicator sink, own process): peak RSS ${mb(memory.rssPeakProcess)} (before the run ${mb(memory.rssBeforeRun)}, baseline ${mb(memory.rssBaseline)}); heap used at most ${mb(memory.heapUsedPeak)}, typed arrays at most ${mb(memory.externalPeak)}; the problem's arrays ${mb(memory.problemBytes)}; run ${formatMs(memory.runMs)}`,
    );
  }
  return lines.join('\n');
}

function numpyDescription(results: CaseResult[]): string {
  const ok = results.find((r) => r.numpy?.ok)?.numpy as Extract<NumpyOutcome, { ok: true }> | undefined;
  if (!ok) {
    const skipped = results.find((r) => r.numpy && !r.numpy.ok)?.numpy as Extract<NumpyOutcome, { ok: false }> | undefined;
    return skipped ? `skipped (${skipped.reason})` : 'not run';
  }
  const b = ok.blas;
  const unset = ok.unsetForPython.length > 0 ? `; unset for Python: ${ok.unsetForPython.join(', ')}` : '';
  return `numpy ${b.numpy}, BLAS ${b.library ?? '?'} ${b.version ?? ''} kernel ${b.kernel ?? 'unknown'}${b.threads ? `, ${b.threads} threads` : ''} (from ${b.source ?? '?'})${unset}; every case agreed with the kernel to within ${Math.max(...results.map((r) => (r.numpy?.ok ? r.numpy.maxRelativeDifference : 0))).toExponential(1)} relative before its time was taken`;
}

async function main(): Promise<void> {
  if (process.argv.includes('--pooled')) {
    runPooledBench({ regions: 2950, denseRegions: [2950, 1000, 500], runs: 5, years: 12 });
    return;
  }
  if (process.argv.includes('--simulate')) {
    await runSimulateBench(process.argv.slice(2));
    return;
  }
  const options = readOptions(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const cases = BENCH_CASES.filter((c) => options.filters.length === 0 || options.filters.some((f) => c.id.includes(f)));
  if (cases.length === 0) throw new Error(`no case matches ${options.filters.join(', ')}; cases: ${BENCH_CASES.map((c) => c.id).join(', ')}`);
  if (options.numpy) {
    const probe = numpyAvailable();
    log(probe.ok ? `numpy ${probe.version} found` : `numpy reference skipped: ${probe.reason}`);
    if (!probe.ok) options.numpy = false;
  }

  const identityProblems = new Map<number, KernelProblem>();
  const results: CaseResult[] = [];
  for (const spec of cases) results.push(await benchCase(spec, options, identityProblems, log));
  if (!options.numpy) {
    const probe = numpyAvailable();
    for (const r of results) r.numpy = { ok: false, reason: probe.ok ? 'not requested (--no-numpy)' : probe.reason };
  }

  const memoryCase = cases.find((c) => c.regions >= 3000);
  let memory: MemoryReport | { error: string } | null = null;
  if (options.memory && memoryCase) {
    log(`${memoryCase.id}: memory`);
    memory = measureMemoryInChild(memoryCase.id);
  }

  const numpyNote = numpyDescription(results);
  const report = {
    date: new Date().toISOString(),
    quick: options.quick,
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryBytes: totalmem(), node: process.version, v8: process.versions.v8 },
    numpy: numpyNote,
    cases: results,
    memory,
  };
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${markdown(results, memory, numpyNote)}\n`);
  log(`results written to ${options.out}`);
}

await main();
