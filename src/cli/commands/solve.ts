/** `chengzhen solve SCENARIO --lever PATH --target INDICATOR@YEAR=VALUE [--region ID]`. */

import { parseArgs } from 'node:util';
import { LEVERS, type LeverPath } from '../../solve/levers.js';
import { solveLever } from '../../solve/solveLever.js';
import { UsageError, type Command } from '../command.js';
import { loadScenario } from '../loadScenario.js';
import { writeOutput } from '../output.js';

/** Parses `INDICATOR@YEAR=VALUE`, e.g. `residentUrbanisationRate@2029=0.7`. */
export function parseTargetArgument(text: string): { indicator: string; year: number; value: number } {
  const match = /^([A-Za-z][\w.]*)@(\d{4})=(-?[\d.]+(?:e-?\d+)?)$/.exec(text);
  if (!match) throw new UsageError(`--target must look like INDICATOR@YEAR=VALUE (e.g. residentUrbanisationRate@2029=0.7), received ${text}`);
  return { indicator: match[1], year: Number(match[2]), value: Number(match[3]) };
}

export const solveCommand: Command = {
  name: 'solve',
  summary: 'find the lever value that meets a target ("what would it take?")',
  help: `Usage: chengzhen solve SCENARIO.json|PRESET-ID --lever PATH --target INDICATOR@YEAR=VALUE [--region ID] [--lever-region ID] [--json]

Finds the value of one lever (or the factor on its schedule) that makes an indicator reach a
target value in a year, by bracketing and Brent's method. Levers:
${Object.keys(LEVERS).map((k) => `  ${k}`).join('\n')}

Options:
  --lever PATH          the lever to move
  --target I@Y=V        indicator, year and value to reach
  --region ID           the region whose indicator is targeted (default: all regions)
  --lever-region ID     move the lever for this region only (default: every region)
  --json                print the result as JSON

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
    const scenario = await loadScenario(positionals[0]);
    const target = { ...parseTargetArgument(values.target), region: values.region };
    const result = solveLever(scenario, { lever: { path: values.lever as LeverPath, region: values['lever-region'] }, target });
    const summary = {
      lever: values.lever,
      leverRegion: values['lever-region'] ?? null,
      mode: result.mode,
      value: result.value,
      target,
      achieved: result.achieved,
      iterations: result.iterations,
      projections: result.evaluations,
    };
    const text = values.json
      ? `${JSON.stringify(summary, null, 2)}\n`
      : `${values.lever}${values['lever-region'] ? ` (${values['lever-region']})` : ''} ${result.mode === 'scale' ? 'x' : '='} ${result.value}\n  gives ${target.indicator} = ${result.achieved} in ${target.year} (target ${target.value}); ${result.evaluations} projections\n`;
    await writeOutput(text, values.out, io);
  },
};
