/** `chengzhen simulate SCENARIO --draws N --seed S --uncertain PATH=DIST ...`: quantile bands. */

import { parseArgs } from 'node:util';
import { toCsv } from '../../io/csv.js';
import { simulateParallel } from '../../node/simulateParallel.js';
import type { Distribution } from '../../solve/distributions.js';
import { LEVERS, type LeverPath } from '../../solve/levers.js';
import type { UncertainLever } from '../../solve/simulate.js';
import { UsageError, type Command } from '../command.js';
import { leverSpecs } from '../leverRegion.js';
import { loadScenario } from '../loadScenario.js';
import { writeOutput } from '../output.js';
import { progressBar } from '../progress.js';
import { onQueue } from './worker.js';

/**
 * Parses `PATH=normal(mean,sd[,min,max])`, `PATH=lognormal(median,sigma[,min,max])`,
 * `PATH=uniform(min,max)` or `PATH=triangular(min,mode,max)`.
 */
export function parseUncertainArgument(text: string): UncertainLever {
  const match = /^([\w.]+)=(normal|lognormal|uniform|triangular)\(([^)]*)\)$/.exec(text.replace(/\s+/g, ''));
  if (!match) throw new UsageError(`--uncertain must look like PATH=normal(mean,sd) (or lognormal, uniform, triangular), received ${text}`);
  const [, path, kind, list] = match;
  if (!(path in LEVERS)) throw new UsageError(`--uncertain: ${path} is not a lever (levers: ${Object.keys(LEVERS).join(', ')})`);
  const n = list.split(',').map(Number);
  if (n.some((v) => !Number.isFinite(v))) throw new UsageError(`--uncertain: the parameters of ${kind} must be numbers, received ${list}`);
  const arity: Record<string, number[]> = { normal: [2, 4], lognormal: [2, 4], uniform: [2], triangular: [3] };
  if (!arity[kind].includes(n.length)) throw new UsageError(`--uncertain: ${kind} takes ${arity[kind].join(' or ')} numbers, received ${n.length}`);
  let distribution: Distribution;
  if (kind === 'normal') distribution = { distribution: 'normal', mean: n[0], sd: n[1], ...(n.length === 4 ? { min: n[2], max: n[3] } : {}) };
  else if (kind === 'lognormal') distribution = { distribution: 'lognormal', median: n[0], sigma: n[1], ...(n.length === 4 ? { min: n[2], max: n[3] } : {}) };
  else if (kind === 'uniform') distribution = { distribution: 'uniform', min: n[0], max: n[1] };
  else distribution = { distribution: 'triangular', min: n[0], mode: n[1], max: n[2] };
  return { lever: { path: path as LeverPath }, distribution };
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Monte Carlo over uncertain levers: quantile bands per indicator and year',
  help: `Usage: chengzhen simulate SCENARIO.json|PRESET-ID --draws N --seed S --uncertain PATH=DIST [--uncertain ...] [--lever-region ID] [--threads T | --queue redis://HOST:PORT [--chunk-size C]] [--format json|csv] [--out FILE]

Draws the uncertain levers from their distributions (seeded: the same seed gives the same
result, on any number of threads), projects each draw, and writes the 5, 25, 50, 75 and 95 %
quantiles and the mean of each indicator by region and year. A progress bar is shown on
standard error when it is a terminal.

Distributions: normal(mean,sd[,min,max]), lognormal(median,sigma[,min,max]), uniform(min,max),
triangular(min,mode,max), of the lever's value (a plain number) or of the factor on its
schedule.

Options:
  --draws N            number of draws
  --seed S             seed (a whole number)
  --uncertain P=D      an uncertain lever (repeat)
  --lever-region ID    draw the levers for this region only (default: every region; a
                       lever the scenario sets per region is moved by the same factor in
                       each region)
  --threads T          threads (default: one per 1,000 draws on the cores other work
                       leaves idle, so one on a busy machine; never more than the cores
                       or than one per 16 draws)
  --queue URL          run the draws on the workers of a Redis queue instead
                       (redis://HOST:PORT; start workers with 'chengzhen worker'): the
                       result is the same as a local run, bit for bit
  --chunk-size C       draws per queued job (default 100; the result does not depend on it)
  --format json|csv    json (default) or csv bands
  --out FILE           write to FILE instead of standard output

The second example runs on a queue: a Redis server on 127.0.0.1:6379 and at least one
'chengzhen worker --queue redis://127.0.0.1:6379' running (docs/distributed.md).

Example:
  chengzhen simulate national-2024-2028-trend --draws 100 --seed 1 --uncertain "migration.ruralToUrbanRate=normal(0.0194,0.003,0,1)"
  chengzhen simulate national-2024-2028-trend --draws 1000 --seed 1 --uncertain "migration.ruralToUrbanRate=normal(0.0194,0.003,0,1)" --queue redis://127.0.0.1:6379`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        draws: { type: 'string' },
        seed: { type: 'string' },
        uncertain: { type: 'string', multiple: true },
        'lever-region': { type: 'string' },
        threads: { type: 'string' },
        queue: { type: 'string' },
        'chunk-size': { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('simulate takes one SCENARIO.json or PRESET-ID');
    const whole = (name: string, text: string | undefined) => {
      if (text === undefined || !/^-?\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, received ${text ?? 'nothing'}`);
      return Number(text);
    };
    if (values.format !== 'json' && values.format !== 'csv') throw new UsageError(`--format must be json or csv, received ${values.format}`);
    if (!values.uncertain?.length) throw new UsageError('simulate needs at least one --uncertain PATH=DIST');
    const draws = whole('draws', values.draws);
    const seed = whole('seed', values.seed);
    const uncertainLevers = values.uncertain.map(parseUncertainArgument);
    const threads = values.threads === undefined ? undefined : whole('threads', values.threads);
    if (values.queue !== undefined && threads !== undefined) throw new UsageError('--threads and --queue do not go together: workers of a queue choose their own threads');
    if (values['chunk-size'] !== undefined && values.queue === undefined) throw new UsageError('--chunk-size needs --queue');
    const chunkSize = values['chunk-size'] === undefined ? undefined : whole('chunk-size', values['chunk-size']);
    const scenario = await loadScenario(positionals[0]);
    const specs = leverSpecs(scenario, uncertainLevers.map((u) => u.lever.path), values['lever-region']);
    const uncertain = uncertainLevers.map((u, i) => ({ ...u, lever: specs[i] }));
    let result;
    if (values.queue === undefined) {
      const bar = progressBar(io, draws);
      result = await simulateParallel(scenario, { draws, seed, uncertain, threads, onProgress: bar.update });
      bar.done();
    } else {
      result = await onQueue(io, values.queue, chunkSize, async (queue) => (await import('../../node/queue/simulate.js')).simulateOnQueue(scenario, { draws, seed, uncertain }, queue));
    }
    const text =
      values.format === 'csv'
        ? toCsv(result.bands, ['indicator', 'region', 'year', 'mean', 'q05', 'q25', 'q50', 'q75', 'q95'])
        : `${JSON.stringify({ draws: result.draws, seed: result.seed, levers: result.levers.map((l) => ({ lever: l.lever, distribution: l.distribution, mode: l.mode })), bands: result.bands })}\n`;
    await writeOutput(text, values.out, io);
  },
};
