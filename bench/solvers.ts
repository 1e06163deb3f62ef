/**
 * The library above the kernel, on the national preset: compile + project + services, one
 * target seek, and Monte Carlo simulations in one thread and on all cores (through the built
 * `chengzhen/node`, whose worker script exists only after `npm run build`).
 *
 * Run: npm run bench -- --solvers   (or: npx tsx bench/solvers.ts [--draws N])
 */

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { getPreset } from '../src/presets/index.js';
import { compileScenario } from '../src/model/compile.js';
import { project } from '../src/model/project.js';
import { parseScenario } from '../src/schema/scenario.js';
import { simulate, type SimulateOptions } from '../src/solve/simulate.js';
import { solveLever } from '../src/solve/solveLever.js';
import { runInterleaved } from './interleaved.js';
import { formatMs, formatTiming, summarizeTimings, type TimingSummary } from './stats.js';

export interface SolverBenchResult {
  name: string;
  timing: TimingSummary;
  note?: string;
}

function uncertainty(draws: number, seed: number, migration: number, conversion: number): SimulateOptions {
  return {
    draws,
    seed,
    uncertain: {
      'migration.ruralToUrbanRate': { distribution: 'normal', mean: migration, sd: 0.003, min: 0, max: 0.1 },
      'hukou.conversionRate': { distribution: 'triangular', min: 0.04, mode: conversion, max: 0.07 },
    },
  };
}

/** Times the national preset's projection, a target seek and simulations of `draws` draws. */
export async function benchSolvers(options: { quick: boolean; draws: number; log: (line: string) => void }): Promise<SolverBenchResult[]> {
  const preset = getPreset('national-2024-2028-trend');
  const scenario = parseScenario(preset.scenario);
  const migration = scenario.migration.ruralToUrbanRate as number;
  const conversion = scenario.hukou.conversionRate as number;
  options.log('solvers: projection and target seek');
  const times = await runInterleaved(
    [
      { name: 'compile (national preset, 12 years)', fn: () => compileScenario(scenario) },
      { name: 'project: compile + kernel + services', fn: () => project(scenario) },
      {
        name: 'solveLever: migration level for 70 % in 2028',
        fn: () => solveLever(scenario, { lever: { path: 'migration.ruralToUrbanRate' }, target: { indicator: 'residentUrbanisationRate', year: 2028, value: 0.7 } }),
      },
    ],
    options.quick
      ? { rounds: 2, timeMs: 100, iterations: 20, warmupMs: 50, warmupIterations: 3 }
      : { rounds: 5, timeMs: 500, iterations: 200, warmupMs: 300, warmupIterations: 10 },
  );
  const results: SolverBenchResult[] = [...times].map(([name, timing]) => ({ name, timing }));

  const draws = options.quick ? Math.min(options.draws, 200) : options.draws;
  options.log(`solvers: simulate ${draws} draws in one thread`);
  const t0 = performance.now();
  simulate(scenario, uncertainty(draws, 1, migration, conversion));
  results.push({ name: `simulate ${draws} draws, one thread`, timing: summarizeTimings([performance.now() - t0]) });

  const built = new URL('../dist/node.js', import.meta.url);
  if (existsSync(built)) {
    const { simulateParallel } = (await import(built.href)) as typeof import('../src/node/index.js');
    const threads = availableParallelism();
    options.log(`solvers: simulate ${draws} draws on ${threads} threads`);
    const t1 = performance.now();
    await simulateParallel(scenario, { ...uncertainty(draws, 1, migration, conversion), threads });
    results.push({ name: `simulate ${draws} draws, ${threads} worker threads`, timing: summarizeTimings([performance.now() - t1]) });
  } else {
    results.push({ name: 'simulate on worker threads', timing: summarizeTimings([0]), note: 'skipped: run npm run build first (the worker script is in dist/)' });
  }
  return results;
}

/** The solver results as a markdown table. */
export function solverMarkdown(results: SolverBenchResult[]): string {
  const lines = ['| task | time (median ± half IQR) |', '|---|---:|'];
  for (const r of results) lines.push(`| ${r.name} | ${r.note ?? (r.timing.samples > 1 ? formatTiming(r.timing) : formatMs(r.timing.median))} |`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const i = process.argv.indexOf('--draws');
  const draws = i > 0 ? Number(process.argv[i + 1]) : 1000;
  const results = await benchSolvers({ quick: process.argv.includes('--quick'), draws, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`${solverMarkdown(results)}\n`);
}
