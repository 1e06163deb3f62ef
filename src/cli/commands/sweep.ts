/** `chengzhen sweep SCENARIO --lever PATH=LO:HI ... [--design grid|lhs]`: outcomes over lever values. */

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toCsv } from '../../io/csv.js';
import { LEVERS, type LeverPath } from '../../solve/levers.js';
import { onQueue } from './worker.js';
import { planSweep, runSweepPoints, summariseSweep, type SweepOptions, type SweepResult } from '../../solve/sweep.js';
import type { Scenario } from '../../schema/scenario.js';
import { UsageError, type Command } from '../command.js';
import { leverSpecs } from '../leverRegion.js';
import { loadScenario } from '../loadScenario.js';
import { writeOutput } from '../output.js';
import { progressBar } from '../progress.js';
import { formatNumber, formatValue, textTable } from '../table.js';

/**
 * Parses `PATH=LO:HI`, e.g. `migration.ruralToUrbanRate=0.01:0.03`.
 *
 * @throws {UsageError} for another form, an unknown lever or bounds that are not numbers.
 */
export function parseLeverRange(text: string): { path: LeverPath; min: number; max: number } {
  const match = /^([\w.]+)=([^:]+):(.+)$/.exec(text.replace(/\s+/g, ''));
  if (!match) throw new UsageError(`--lever must look like PATH=LO:HI (e.g. migration.ruralToUrbanRate=0.01:0.03), received ${text}`);
  const [, path, lo, hi] = match;
  if (!Object.hasOwn(LEVERS, path)) throw new UsageError(`--lever: ${path} is not a lever (levers: ${Object.keys(LEVERS).join(', ')})`);
  const min = Number(lo);
  const max = Number(hi);
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new UsageError(`--lever ${text}: LO and HI must be numbers`);
  if (min > max) throw new UsageError(`--lever ${text}: LO must not be above HI`);
  return { path: path as LeverPath, min, max };
}

/** The options of `sweep`, for parseArgs (other commands may extend them). */
export const SWEEP_OPTIONS = {
  lever: { type: 'string', multiple: true },
  design: { type: 'string', default: 'grid' },
  steps: { type: 'string' },
  points: { type: 'string' },
  seed: { type: 'string' },
  indicator: { type: 'string', multiple: true },
  region: { type: 'string', multiple: true },
  year: { type: 'string', multiple: true },
  'lever-region': { type: 'string' },
  format: { type: 'string', default: 'table' },
  out: { type: 'string' },
  queue: { type: 'string' },
  'chunk-size': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

type SweepValues = { [K in keyof typeof SWEEP_OPTIONS]?: (typeof SWEEP_OPTIONS)[K] extends { multiple: true } ? string[] : string };

function whole(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, received ${text}`);
  return Number(text);
}

/** The sweep options of parsed command-line values, for `scenario`. */
export function sweepOptionsFrom(values: SweepValues, scenario: Scenario): SweepOptions {
  if (!values.lever?.length) throw new UsageError('sweep needs at least one --lever PATH=LO:HI');
  if (values.design !== 'grid' && values.design !== 'lhs') throw new UsageError(`--design must be grid or lhs, received ${values.design}`);
  const ranges = values.lever.map(parseLeverRange);
  const specs = leverSpecs(
    scenario,
    ranges.map((r) => r.path),
    values['lever-region'],
  );
  const years = values.year?.map((y) => whole('year', y) as number);
  return {
    levers: ranges.map((r, i) => ({ lever: specs[i], min: r.min, max: r.max })),
    design: values.design,
    ...(values.steps !== undefined ? { steps: whole('steps', values.steps) } : {}),
    ...(values.points !== undefined ? { points: whole('points', values.points) } : {}),
    ...(values.seed !== undefined ? { seed: whole('seed', values.seed) } : {}),
    ...(values.indicator ? { indicators: values.indicator } : {}),
    ...(values.region ? { regions: values.region } : {}),
    ...(years ? { years } : {}),
  };
}

/** The sweep as text: an aligned table, CSV (one column per lever) or JSON. */
export function formatSweep(result: SweepResult, format: string): string {
  const labels = result.levers.map((l) => l.label);
  if (format === 'json') return `${JSON.stringify(result)}\n`;
  if (format === 'csv') {
    const flat = result.rows.map((r) => ({ point: r.point, ...r.levers, indicator: r.indicator, region: r.region, year: r.year, value: r.value, unit: r.unit }));
    return toCsv(flat as Record<string, unknown>[], ['point', ...labels, 'indicator', 'region', 'year', 'value', 'unit']);
  }
  const header = ['point', ...labels, 'indicator', 'region', 'year', 'value'];
  const rows = result.rows.map((r) => [String(r.point), ...labels.map((l) => formatNumber(r.levers[l])), r.indicator, r.region, String(r.year), formatValue(r.value, r.unit)]);
  return `${textTable(header, rows, header.map((h, i) => i === 0 || (i > 0 && i <= labels.length) || h === 'year' || h === 'value'))}\n`;
}

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'outcomes over a grid or a Latin hypercube of lever values',
  help: `Usage: chengzhen sweep SCENARIO.json|PRESET-ID --lever PATH=LO:HI [--lever ...] [--design grid|lhs] [--steps N] [--points N] [--seed S] [--indicator KEY ...] [--region ID ...] [--year Y ...] [--lever-region ID] [--queue redis://HOST:PORT [--chunk-size C]] [--format table|csv|json] [--out FILE]

Projects the scenario at every point of a grid over the levers (every combination of N evenly
spaced values a lever) or of a Latin hypercube (N points, seeded: the same seed gives the same
points), and writes one row per point and outcome: the levers' values, the indicator, region,
year and value. Each range is of the lever's value (a plain number) or of the factor on its
schedule.

Options:
  --lever P=LO:HI      a lever and its range (repeat)
  --design grid|lhs    grid (default) or Latin hypercube
  --steps N            grid: values a lever (default 5)
  --points N           lhs: number of points (default 20)
  --seed S             lhs: seed (a whole number, default 1)
  --indicator KEY      an indicator kept (repeat; default: population, the urbanisation
                       rates, the gap, migrants, and every service's coverage and shortfall)
  --region ID          a region kept (repeat; default: every region, and all together)
  --year Y             a year kept (repeat; default: the end year)
  --lever-region ID    move the levers for this region only
  --queue URL          run the points on the workers of a Redis queue instead
                       (redis://HOST:PORT; start workers with 'chengzhen worker'): the
                       table is the same as a local run, bit for bit
  --chunk-size C       points per queued job (default 100; the table does not depend on it)
  --format F           table (default), csv or json
  --out FILE           write to FILE instead of standard output

Example:
  chengzhen sweep national-2024-2028-trend --lever migration.ruralToUrbanRate=0.01:0.03 --lever hukou.conversionRate=0.01:0.05 --steps 3 --indicator residentUrbanisationRate`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: SWEEP_OPTIONS, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('sweep takes one SCENARIO.json or PRESET-ID');
    const format = values.format ?? 'table';
    if (!['table', 'csv', 'json'].includes(format)) throw new UsageError(`--format must be table, csv or json, received ${format}`);
    const scenario = await loadScenario(positionals[0]);
    if (values['chunk-size'] !== undefined && values.queue === undefined) throw new UsageError('--chunk-size needs --queue');
    const chunkSize = whole('chunk-size', values['chunk-size']);
    const options = sweepOptionsFrom(values, scenario);
    let result: SweepResult;
    if (values.queue === undefined) {
      const plan = planSweep(scenario, options);
      const bar = progressBar(io, plan.points);
      const chunks = [];
      const size = Math.max(1, Math.ceil(plan.points / 100));
      for (let from = 0; from < plan.points; from += size) {
        const to = Math.min(plan.points, from + size);
        chunks.push(runSweepPoints(plan, from, to));
        bar.update(to);
      }
      bar.done();
      result = summariseSweep(plan, chunks);
    } else {
      result = await onQueue(io, values.queue, chunkSize, async (queue) => (await import('../../node/queue/sweep.js')).sweepOnQueue(scenario, options, queue));
    }
    await writeOutput(formatSweep(result, format), values.out, io);
  },
};
