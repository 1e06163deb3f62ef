/** `chengzhen hindcast AREA [--calibrate-up-to YEAR] [--json]`: projections from 2020 against what happened. */

import { parseArgs } from 'node:util';
import { hindcast, HINDCAST_AREAS } from '../../presets/hindcast.js';
import { UsageError, type Command } from '../command.js';
import { didYouMean, matchName } from '../names.js';
import { writeOutput } from '../output.js';
import { formatDifference, formatNumber, formatPercentChange, formatValue, textTable } from '../table.js';

const UNITS: Record<string, string> = { residentUrbanisationRate: 'share (0-1)', population: 'persons', births: 'persons', deaths: 'persons' };

export const hindcastCommand: Command = {
  name: 'hindcast',
  summary: 'project an area from the 2020 census and compare each year with what was published',
  help: `Usage: chengzhen hindcast AREA [--calibrate-up-to YEAR] [--json] [--out FILE]

Projects AREA (${HINDCAST_AREAS.join(', ')}; any case) from the 2020 census with assumptions fixed from
data up to a cut-off year (default 2020: no later data at all), and compares every later year
with the published resident urbanisation rate, population, births and deaths.

Options:
  --calibrate-up-to YEAR  fit the levers to the published years up to YEAR, score the rest
  --json                  print the result as JSON
  --out FILE              write to FILE instead of standard output

Example:
  chengzhen hindcast China
  chengzhen hindcast Zhejiang --calibrate-up-to 2022`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'calibrate-up-to': { type: 'string' }, json: { type: 'boolean', default: false }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError(`hindcast takes one AREA: ${HINDCAST_AREAS.join(', ')}`);
    const upTo = values['calibrate-up-to'];
    if (upTo !== undefined && !/^\d{4}$/.test(upTo)) throw new UsageError(`--calibrate-up-to must be a year, received ${upTo}`);
    const area = matchName(positionals[0], HINDCAST_AREAS);
    if (area === undefined) throw new UsageError(`there is no hindcast area ${JSON.stringify(positionals[0])}${didYouMean(positionals[0], HINDCAST_AREAS)} (areas: ${HINDCAST_AREAS.join(', ')})`);
    const result = hindcast(area, { from: 2020, calibrateUpTo: upTo === undefined ? undefined : Number(upTo) });
    if (values.json) {
      await writeOutput(`${JSON.stringify(result, null, 2)}\n`, values.out, io);
      return;
    }
    const rows = result.points.map((p) => [
      p.measure,
      String(p.year),
      formatValue(p.projected, UNITS[p.measure]),
      formatValue(p.observed, UNITS[p.measure]),
      UNITS[p.measure].startsWith('share') ? formatDifference(p.error, UNITS[p.measure]) : formatPercentChange(p.relativeError),
    ]);
    const mae = Object.entries(result.meanAbsoluteError)
      .map(([m, v]) => `  ${m}: ${UNITS[m].startsWith('share') ? formatDifference(v, UNITS[m]).replace(/^\+/, '') : `${formatNumber(v)} persons`}`)
      .join('\n');
    const text = `Hindcast of ${result.area} from ${result.from}, assumptions from data up to ${result.calibratedUpTo}\n${result.method}\nLevers: ${result.levers.map((l) => `${l.path}${l.year === undefined ? '' : ` (${l.year} on)`} = ${formatNumber(l.value)}`).join(', ')}\n\n${textTable(['measure', 'year', 'projected', 'observed', 'error'], rows, [false, true, true, true, true])}\n\nMean absolute error:\n${mae}\n`;
    await writeOutput(text, values.out, io);
  },
};
