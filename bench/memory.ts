/**
 * Memory of one kernel run, measured in a process of its own so that nothing else the suite
 * holds counts: builds a case's problem, runs it with the indicator sink (no population is
 * kept), samples the heap every year and prints one JSON object on stdout.
 *
 * Usage: tsx bench/memory.ts r3000-sparse
 */

import { readFileSync } from 'node:fs';
import { indicatorSink } from '../src/kernel/indicators.js';
import { runKernelInto, type KernelSink } from '../src/kernel/runKernel.js';
import type { KernelProblem } from '../src/kernel/types.js';
import { BENCH_CASES, syntheticKernelProblem } from './problems.js';

/** What one run used, in bytes. */
export interface MemoryReport {
  caseId: string;
  /** Resident set before the problem was built. */
  rssBaseline: number;
  /** Resident set after the problem was built, before the run. */
  rssBeforeRun: number;
  /** Largest resident set seen at any year of the run. */
  rssPeakDuringRun: number;
  /** Peak resident set of the whole process (building the problem included), from the OS. */
  rssPeakProcess: number;
  /** Largest V8 heap in use at any year of the run, and largest memory outside it (typed arrays). */
  heapUsedPeak: number;
  externalPeak: number;
  /** Bytes of the problem's own typed arrays. */
  problemBytes: number;
  runMs: number;
}

function problemBytes(problem: KernelProblem): number {
  let bytes = problem.population.byteLength;
  for (const list of Object.values(problem.inputs)) {
    for (const item of list as (Float64Array | { kind: string; values?: Float64Array; rowStart?: Int32Array; to?: Int32Array; share?: Float64Array })[]) {
      if (item instanceof Float64Array) bytes += item.byteLength;
      else bytes += (item.values?.byteLength ?? 0) + (item.rowStart?.byteLength ?? 0) + (item.to?.byteLength ?? 0) + (item.share?.byteLength ?? 0);
    }
  }
  return bytes;
}

/** Peak resident set from /proc where there is one, else from `process.resourceUsage()`. */
function rssPeakProcess(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    if (match) return Number(match[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Builds and runs a case, sampling memory every year. */
export function measureMemory(caseId: string): MemoryReport {
  const spec = BENCH_CASES.find((c) => c.id === caseId);
  if (!spec) throw new Error(`no bench case ${caseId}; cases: ${BENCH_CASES.map((c) => c.id).join(', ')}`);
  const rssBaseline = process.memoryUsage().rss;
  const problem = syntheticKernelProblem(spec);
  globalThis.gc?.();
  const rssBeforeRun = process.memoryUsage().rss;
  let rssPeakDuringRun = rssBeforeRun;
  let heapUsedPeak = 0;
  let externalPeak = 0;
  const inner = indicatorSink();
  const sample = () => {
    const m = process.memoryUsage();
    rssPeakDuringRun = Math.max(rssPeakDuringRun, m.rss);
    heapUsedPeak = Math.max(heapUsedPeak, m.heapUsed);
    externalPeak = Math.max(externalPeak, m.external);
  };
  const sink: KernelSink<unknown> = {
    begin: (p) => inner.begin?.(p),
    year(year, step, population, flows) {
      inner.year(year, step, population, flows);
      sample();
    },
    end: () => inner.end(),
  };
  const started = performance.now();
  runKernelInto(problem, sink);
  const runMs = performance.now() - started;
  sample();
  return {
    caseId,
    rssBaseline,
    rssBeforeRun,
    rssPeakDuringRun,
    rssPeakProcess: rssPeakProcess(),
    heapUsedPeak,
    externalPeak,
    problemBytes: problemBytes(problem),
    runMs,
  };
}

if (process.argv[1]?.endsWith('memory.ts') && process.argv[2]) {
  process.stdout.write(`${JSON.stringify(measureMemory(process.argv[2]))}\n`);
}
