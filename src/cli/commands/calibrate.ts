/** `chengzhen calibrate SCENARIO --lever PATH... --observe INDICATOR@YEAR=VALUE... [--up-to YEAR]`. */

import { parseArgs } from 'node:util';
import { indicatorInfo } from '../../model/indicatorTable.js';
import { calibrate } from '../../solve/calibrate.js';
import { LEVERS } from '../../solve/levers.js';
import { UsageError, type Command } from '../command.js';
import { leverSpecs } from '../leverRegion.js';
import { loadScenario } from '../loadScenario.js';
import { writeOutput } from '../output.js';
import { formatDifference, formatNumber, formatPercentChange, formatValue, textTable } from '../table.js';
import { parseTargetArgument } from './solve.js';

export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'fit levers to observed values by bounded least squares',
  help: `Usage: chengzhen calibrate SCENARIO.json|PRESET-ID --lever PATH [--lever PATH ...] --observe INDICATOR@YEAR=VALUE [--observe ...] [--lever-region ID] [--up-to YEAR] [--json] [--out FILE]

Fits one or more levers to observed values (bounded Levenberg-Marquardt on relative errors) and
reports the fitted values, each observation's residual and the fit quality.

Options:
  --lever PATH        a lever to fit (repeat for several)
  --observe I@Y=V     an observed value (repeat)
  --lever-region ID   fit the levers for this region only (default: every region; a lever
                      the scenario sets per region is moved by the same factor in each)
  --up-to YEAR        use only observations up to YEAR
  --json              print the result as JSON
  --out FILE          write to FILE instead of standard output

Example:
  chengzhen calibrate examples/scenarios/two-regions.json --lever migration.ruralToUrbanRate --lever-region henan --observe residentUrbanisationRate@2021=0.665 --observe residentUrbanisationRate@2022=0.674`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        lever: { type: 'string', multiple: true },
        observe: { type: 'string', multiple: true },
        'lever-region': { type: 'string' },
        'up-to': { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('calibrate takes one SCENARIO.json or PRESET-ID');
    const levers = values.lever ?? [];
    for (const lever of levers) if (!(lever in LEVERS)) throw new UsageError(`--lever must be one of ${Object.keys(LEVERS).join(', ')}, received ${lever}`);
    if (levers.length === 0 || !values.observe?.length) throw new UsageError('calibrate needs at least one --lever and one --observe');
    const upTo = values['up-to'];
    if (upTo !== undefined && !/^\d{4}$/.test(upTo)) throw new UsageError(`--up-to must be a year, received ${upTo}`);
    const observations = values.observe.map((text) => parseTargetArgument(text, '--observe'));
    const scenario = await loadScenario(positionals[0]);
    const result = calibrate(scenario, {
      levers: leverSpecs(scenario, levers, values['lever-region']),
      observations,
      upTo: upTo === undefined ? undefined : Number(upTo),
    });
    const summary = {
      levers: result.levers.map((l) => ({ path: l.lever.path, region: l.lever.region ?? null, mode: l.mode, value: l.value, bounds: l.bounds })),
      residuals: result.residuals,
      quality: result.quality,
      heldOut: result.heldOut,
    };
    if (values.json) {
      await writeOutput(`${JSON.stringify(summary, null, 2)}\n`, values.out, io);
      return;
    }
    const unitOf = (indicator: string) => indicatorInfo(indicator)?.unit ?? '';
    const leverRows = summary.levers.map((l) => [l.region ? `${l.path} (${l.region})` : l.path, l.mode, `${l.mode === 'scale' ? 'x ' : ''}${formatNumber(l.value)}`]);
    const residualRows = result.residuals.map((r) => [r.indicator, String(r.year), formatValue(r.value, unitOf(r.indicator)), formatValue(r.fitted, unitOf(r.indicator)), formatDifference(r.residual, unitOf(r.indicator))]);
    const q = result.quality;
    // the errors are in the indicators' units: shown in that unit when every observation shares it
    const units = [...new Set(result.residuals.map((r) => unitOf(r.indicator)))];
    const unit = units.length === 1 ? units[0] : '';
    const size = (v: number) => formatDifference(v, unit).replace(/^\+/, '');
    const text = `${textTable(['lever', 'mode', 'fitted'], leverRows, [false, false, true])}\n\n${textTable(['indicator', 'year', 'observed', 'fitted', 'residual'], residualRows, [false, true, true, true, true])}\n\nn = ${q.n}, mean absolute error ${size(q.meanAbsoluteError)}, max ${size(q.maxAbsoluteError)}, relative RMSE ${formatPercentChange(q.relativeRmse).replace(/^\+/, '')}\n`;
    await writeOutput(text, values.out, io);
  },
};
