/**
 * Runs the vectorised numpy reference (bench/reference/kernel.py) on a problem: writes the
 * problem as a `chengzhen-kernel/1` document to a temporary file, checks Python's final
 * population and flows against the TypeScript kernel to 1e-9 relative, and only then lets
 * Python time its projections, in rounds the caller interleaves with the kernel's own.
 */

import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kernelProblemToJSON } from '../src/io/kernelJson.js';
import { runKernelInto, type KernelSink } from '../src/kernel/runKernel.js';
import { FLOW_NAMES, type KernelProblem } from '../src/kernel/types.js';
import type { TimingSummary } from './stats.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'reference', 'kernel.py');

/** Agreement required between the numpy reference and the kernel, relative. */
export const AGREEMENT_TOLERANCE = 1e-9;

/** Environment variables that slow a current OpenBLAS when set for older ones; unset for Python only. */
const BLAS_OVERRIDES = ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'] as const;

/** What the reference reports about its BLAS. */
export interface BlasInfo {
  numpy: string;
  library?: string;
  version?: string;
  /** The CPU kernel OpenBLAS runs, from threadpoolctl or asked through ctypes. */
  kernel?: string | null;
  threads?: number;
  source?: string;
  OPENBLAS_CORETYPE?: string | null;
  OPENBLAS_L2_SIZE?: string | null;
}

/** What the reference reports once it has loaded a problem and checked in. */
interface ReadyReport {
  sparseMethod: string | null;
  sparseTrials: Record<string, { median: number }>;
  blas: BlasInfo;
  loadSeconds: number;
}

/** A running reference that agreed with the kernel and times projections on request. */
export interface NumpySession {
  /** Times `count` projections in Python; resolves to their durations, ms. */
  timeRound(count: number): Promise<number[]>;
  close(): void;
  /** The scatter-add used for sparse `D` and `E`, and the medians (ms) of every one tried. */
  sparseMethod: string | null;
  sparseTrials: Record<string, number>;
  /** Largest relative difference from the kernel over the final population and all flows. */
  maxRelativeDifference: number;
  blas: BlasInfo;
  /** Which of the OpenBLAS overrides were set in this process and unset for Python. */
  unsetForPython: string[];
  loadSeconds: number;
}

/** A run of the reference on one problem. */
export type NumpyOutcome =
  | {
      ok: true;
      /** Timings of one whole projection, ms. */
      timing: TimingSummary;
      sparseMethod: string | null;
      sparseTrials: Record<string, number>;
      maxRelativeDifference: number;
      blas: BlasInfo;
      unsetForPython: string[];
      loadSeconds: number;
    }
  | { ok: false; reason: string; maxRelativeDifference?: number };

/** Whether python3 with numpy can be run; the reason when it cannot. */
export function numpyAvailable(): { ok: true; version: string } | { ok: false; reason: string } {
  const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  if (probe.error) return { ok: false, reason: `python3 not found (${probe.error.message})` };
  if (probe.status !== 0) return { ok: false, reason: 'numpy is not installed for python3' };
  return { ok: true, version: probe.stdout.trim() };
}

/** Writes a problem document piece by piece, so that no single string holds all of it. */
function writeProblemFile(problem: KernelProblem, path: string): void {
  const doc = kernelProblemToJSON(problem);
  const fd = openSync(path, 'w');
  try {
    const { inputs, ...head } = doc;
    const headText = JSON.stringify(head);
    writeSync(fd, `${headText.slice(0, -1)},"inputs":{`);
    Object.entries(inputs).forEach(([name, value], i) => {
      writeSync(fd, `${i === 0 ? '' : ','}${JSON.stringify(name)}:`);
      writeSync(fd, JSON.stringify(value));
    });
    writeSync(fd, '}}');
  } finally {
    closeSync(fd);
  }
}

/** The kernel's final population and all flows, in the reference's output layout. */
function kernelFinalAndFlows(problem: KernelProblem): Float64Array {
  const R = problem.regions.length;
  const cells = problem.population.length;
  const out = new Float64Array(cells + FLOW_NAMES.length * problem.years * R);
  const sink: KernelSink<Float64Array> = {
    year(_year, step, population, flows) {
      if (step === problem.years - 1) out.set(population, 0);
      if (!flows) return;
      FLOW_NAMES.forEach((name, f) => out.set(flows[name], cells + (f * problem.years + step) * R));
    },
    end: () => out,
  };
  return runKernelInto(problem, sink);
}

function maxRelativeDifference(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const scale = Math.max(Math.abs(a[i]), Math.abs(b[i]));
    if (scale === 0) continue;
    const d = Math.abs(a[i] - b[i]) / scale;
    if (!(d <= worst)) worst = d; // NaN counts as the worst
  }
  return worst;
}

/** Reads the child's stdout line by line, one pending request at a time. */
function lineReader(child: ChildProcessWithoutNullStreams): () => Promise<string> {
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let ended = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  child.on('close', () => {
    ended = true;
    for (const w of waiting.splice(0)) w('');
  });
  return () => {
    const line = lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (ended) return Promise.resolve('');
    return new Promise((resolve) => waiting.push(resolve));
  };
}

/**
 * Starts the reference on `problem`: Python loads it, picks its sparse method, projects once
 * and writes its final population and flows, which are checked against the kernel here. Only
 * a reference that agrees to {@link AGREEMENT_TOLERANCE} is returned, ready to time rounds.
 * Never throws for a missing Python or numpy: returns `{ ok: false, reason }`.
 */
export async function startNumpyReference(
  problem: KernelProblem,
  options: { warmup: number; trialRounds: number },
): Promise<{ ok: true; session: NumpySession } | { ok: false; reason: string; maxRelativeDifference?: number }> {
  const available = numpyAvailable();
  if (!available.ok) return { ok: false, reason: available.reason };
  const dir = mkdtempSync(join(tmpdir(), 'chengzhen-bench-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const problemPath = join(dir, 'problem.json');
  const outPath = join(dir, 'result.f64');
  writeProblemFile(problem, problemPath);
  const env = { ...process.env };
  const unsetForPython = BLAS_OVERRIDES.filter((name) => env[name] !== undefined);
  for (const name of BLAS_OVERRIDES) delete env[name];
  const args = [SCRIPT, problemPath, '--out', outPath, '--serve', '--warmup', String(options.warmup), '--trial-rounds', String(options.trialRounds)];
  const child = spawn('python3', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const nextLine = lineReader(child);
  const fail = (reason: string, maxRelativeDifference?: number) => {
    child.kill();
    cleanup();
    return { ok: false as const, reason, ...(maxRelativeDifference === undefined ? {} : { maxRelativeDifference }) };
  };
  const first = await nextLine();
  if (!first) return fail(`the reference failed: ${stderr.trim().slice(-2000)}`);
  const ready = JSON.parse(first) as ReadyReport;
  const bytes = readFileSync(outPath);
  const reference = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const kernel = kernelFinalAndFlows(problem);
  if (reference.length !== kernel.length) return fail(`the reference wrote ${reference.length} numbers, the kernel ${kernel.length}`);
  const difference = maxRelativeDifference(kernel, reference);
  if (!(difference <= AGREEMENT_TOLERANCE)) return fail(`the reference disagrees with the kernel: max relative difference ${difference}`, difference);
  const sparseTrials: Record<string, number> = {};
  for (const [name, s] of Object.entries(ready.sparseTrials)) sparseTrials[name] = s.median * 1000;
  return {
    ok: true,
    session: {
      async timeRound(count) {
        child.stdin.write(`run ${count}\n`);
        const line = await nextLine();
        if (!line) throw new Error(`the numpy reference stopped: ${stderr.trim().slice(-2000)}`);
        return (JSON.parse(line) as { seconds: number[] }).seconds.map((s) => s * 1000);
      },
      close() {
        child.stdin.end('quit\n');
        cleanup();
      },
      sparseMethod: ready.sparseMethod,
      sparseTrials,
      maxRelativeDifference: difference,
      blas: ready.blas,
      unsetForPython,
      loadSeconds: ready.loadSeconds,
    },
  };
}

/** The outcome of a session whose rounds were summarised as `timing`. */
export function numpyOutcome(session: NumpySession, timing: TimingSummary): NumpyOutcome {
  return {
    ok: true,
    timing,
    sparseMethod: session.sparseMethod,
    sparseTrials: session.sparseTrials,
    maxRelativeDifference: session.maxRelativeDifference,
    blas: session.blas,
    unsetForPython: session.unsetForPython,
    loadSeconds: session.loadSeconds,
  };
}
