/** `chengzhen calibrate SCENARIO --lever PATH... --observe INDICATOR@YEAR=VALUE... [--up-to YEAR]`. */

import { parseArgs } from 'node:util';
import { calibrate } from '../../solve/calibrate.js';
import { LEVERS, type LeverPath } from '../../solve/levers.js';
import { UsageError, type Command } from '../command.js';
import { loadScenario } from '../loadScenario.js';
import { writeOutput } from '../output.js';
import { textTable } from '../table.js';
import { parseTargetArgument } from './solve.js';

export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'fit levers to observed values by bounded least squares',
  help: `Usage: chengzhen calibrate SCENARIO.json|PRESET-ID --lever PATH [--lever PATH ...] --observe INDICATOR@YEAR=VALUE [--observe ...] [--up-to YEAR] [--json]

Fits one or more levers to observed values (bounded Levenberg-Marquardt on relative errors) and
reports the fitted values, each observation's residual and the fit quality.

Options:
  --lever PATH        a lever to fit (repeat for several)
  --observe I@Y=V     an observed value (repeat)
  --up-to YEAR        use only observations up to YEAR
  --json              print the result as JSON

Example:
  chengzhen calibrate examples/scenarios/two-regions.json --lever migration.ruralToUrbanRate --observe residentUrbanisationRate@2021=0.645 --observe residentUrbanisationRate@2022=0.652`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        lever: { type: 'string', multiple: true },
        observe: { type: 'string', multiple: true },
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
    const scenario = await loadScenario(positionals[0]);
    const result = calibrate(scenario, {
      levers: levers.map((path) => ({ path: path as LeverPath })),
      observations: values.observe.map(parseTargetArgument),
      upTo: values['up-to'] === undefined ? undefined : Number(values['up-to']),
    });
    const summary = {
      levers: result.levers.map((l) => ({ path: l.lever.path, mode: l.mode, value: l.value, bounds: l.bounds })),
      residuals: result.residuals,
      quality: result.quality,
      heldOut: result.heldOut,
    };
    if (values.json) {
      await writeOutput(`${JSON.stringify(summary, null, 2)}\n`, values.out, io);
      return;
    }
    const leverRows = summary.levers.map((l) => [l.path, l.mode, String(l.value)]);
    const residualRows = result.residuals.map((r) => [r.indicator, String(r.year), String(r.value), String(r.fitted), String(r.residual)]);
    const q = result.quality;
    const text = `${textTable(['lever', 'mode', 'fitted'], leverRows)}\n\n${textTable(['indicator', 'year', 'observed', 'fitted', 'residual'], residualRows)}\n\nn = ${q.n}, mean absolute error ${q.meanAbsoluteError}, max ${q.maxAbsoluteError}, relative RMSE ${q.relativeRmse}\n`;
    await writeOutput(text, values.out, io);
  },
};
