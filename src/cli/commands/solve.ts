/** `chengzhen solve SCENARIO --lever PATH --target INDICATOR@YEAR=VALUE [--region ID]`. */

import { parseArgs } from 'node:util';
import { LEVERS, } from '../../solve/levers.js';
import { solveLever } from '../../solve/solveLever.js';
import { indicatorInfo } from '../../model/indicatorTable.js';
import { UsageError, type Command } from '../command.js';
import { leverRegionText, leverSpecs, regionOption } from '../leverRegion.js';
import { loadScenario } from '../loadScenario.js';
import { writeOutput } from '../output.js';
import { formatNumber, formatValue } from '../table.js';

/**
 * Parses `INDICATOR@YEAR=VALUE`, e.g. `residentUrbanisationRate@2029=0.7`, for `option`
 * (`--target`, `--observe`). A rate (a share, 0-1) given as a per cent gets a hint.
 */
export function parseTargetArgument(text: string, option = '--target'): { indicator: string; year: number; value: number } {
  const match = /^([A-Za-z][\w.]*)@(\d{4})=(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)$/.exec(text);
  if (!match) throw new UsageError(`${option} must look like INDICATOR@YEAR=VALUE (e.g. residentUrbanisationRate@2029=0.7), received ${text}`);
  const value = Number(match[3]);
  if (!Number.isFinite(value)) throw new UsageError(`${option} ${text}: the value must be a finite number, received ${match[3]}`);
  const unit = indicatorInfo(match[1])?.unit;
  if (unit?.startsWith('share') && Math.abs(value) > 1) {
    const hint = Math.abs(value) <= 100 ? `; did you mean ${match[1]}@${match[2]}=${Number((value / 100).toPrecision(6))} (${value} %)?` : '';
    throw new UsageError(`${option} ${text}: ${match[1]} is a share between 0 and 1, received ${match[3]}${hint}`);
  }
  return { indicator: match[1], year: Number(match[2]), value };
}

export const solveCommand: Command = {
  name: 'solve',
  summary: 'find the lever value that meets a target ("what would it take?")',
  help: `Usage: chengzhen solve SCENARIO.json|PRESET-ID --lever PATH --target INDICATOR@YEAR=VALUE [--region ID] [--lever-region ID] [--json] [--out FILE]

Finds the value of one lever (or the factor on its schedule) that makes an indicator reach a
target value in a year, by bracketing and Brent's method. Levers:
${Object.keys(LEVERS).map((k) => `  ${k}`).join('\n')}

Options:
  --lever PATH          the lever to move
  --target I@Y=V        indicator, year and value to reach
  --region ID           the region whose indicator is targeted (default: all regions)
  --lever-region ID     move the lever for this region only (default: every region; a
                        lever the scenario sets per region is moved by the same factor
                        in each region)
  --json                print the result as JSON
  --out FILE            write to FILE instead of standard output

Example:
  chengzhen solve national-2024-2028-trend --lever migration.ruralToUrbanRate --target residentUrbanisationRate@2028=0.7`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        lever: { type: 'string' },
        target: { type: 'string' },
        region: { type: 'string' },
        'lever-region': { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('solve takes one SCENARIO.json or PRESET-ID');
    if (!values.lever || !(values.lever in LEVERS)) throw new UsageError(`--lever must be one of ${Object.keys(LEVERS).join(', ')}, received ${values.lever ?? 'nothing'}`);
    if (!values.target) throw new UsageError('--target INDICATOR@YEAR=VALUE is required');
    const parsedTarget = parseTargetArgument(values.target);
    const scenario = await loadScenario(positionals[0]);
    const target = { ...parsedTarget, region: regionOption(scenario, '--region', values.region) };
    const [lever] = leverSpecs(scenario, [values.lever], values['lever-region']);
    const result = solveLever(scenario, { lever, target });
    const summary = {
      lever: values.lever,
      leverRegion: lever.region ?? null,
      mode: result.mode,
      value: result.value,
      target,
      achieved: result.achieved,
      iterations: result.iterations,
      projections: result.evaluations,
    };
    const unit = indicatorInfo(target.indicator)?.unit ?? '';
    const text = values.json
      ? `${JSON.stringify(summary, null, 2)}\n`
      : `${values.lever}${leverRegionText(scenario, lever)} ${result.mode === 'scale' ? 'x' : '='} ${formatNumber(result.value)}\n  gives ${target.indicator} = ${formatValue(result.achieved, unit)} in ${target.year} (target ${formatValue(target.value, unit)}); ${result.evaluations} projections\n`;
    await writeOutput(text, values.out, io);
  },
};
