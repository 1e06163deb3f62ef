/** `chengzhen run SCENARIO.json|PRESET-ID [--format json|csv|arrow] [--by province|prefecture|tier] [--resolved] [--out FILE]`: projects a scenario. */

import { parseArgs } from 'node:util';
import { tidyToArrowIPC } from '../../io/arrow.js';
import { toCsv } from '../../io/csv.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { projectionToJSON } from '../../io/projectionJson.js';
import { project } from '../../model/project.js';
import { UsageError, type Command } from '../command.js';
import { loadScenarioWithProvenance } from '../loadScenario.js';
import { outputText, writeOutput } from '../output.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'project a scenario file (or a preset) and write every indicator as JSON or CSV',
  help: `Usage: chengzhen run SCENARIO.json|PRESET-ID [--format json|csv|arrow] [--out FILE]

Projects a scenario from its base year to its end year and writes every indicator (population,
urbanisation, flows, and the services the scenario defines) for every region and year. A
scenario file may build on a preset or another file with "extends" (docs/scenarios.md).

Options:
  --format json|csv|arrow
                     json (default): the scenario summary and tidy rows; csv: tidy rows
                     year,region,indicator,value,unit; arrow: the same rows as an Apache
                     Arrow IPC file (needs --out), for pandas, polars, R arrow and DuckDB
  --by province|prefecture|tier
                     rows for groups of regions (the regions' province, prefecture or
                     tier) instead of each region: counts summed, rates from the sums
  --resolved         write the scenario with its "extends" chain applied, as JSON, instead
                     of projecting it: the merged scenario, the chain, and where every
                     figure comes from (inherited, overridden or set, with the citation of
                     a preset's figure)
  --out FILE         write to FILE (atomically) instead of standard output
  -h, --help         show this help

Example:
  chengzhen run examples/scenarios/two-regions.json --format csv --out two-regions.csv
  chengzhen run examples/scenarios/zhejiang-slower-migration.json --resolved`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { format: { type: 'string', default: 'json' }, out: { type: 'string' }, by: { type: 'string' }, resolved: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('run takes one SCENARIO.json file or preset id');
    if (values.format !== 'json' && values.format !== 'csv' && values.format !== 'arrow') throw new UsageError(`--format must be json, csv or arrow, received ${values.format}`);
    if (values.format === 'arrow' && (values.out === undefined || values.out === '-')) throw new UsageError('--format arrow writes a binary file: give --out FILE');
    const by = values.by;
    if (by !== undefined && by !== 'province' && by !== 'prefecture' && by !== 'tier') throw new UsageError(`--by must be province, prefecture or tier, received ${by}`);
    const loaded = await loadScenarioWithProvenance(positionals[0]);
    if (values.resolved) {
      if (values.format !== 'json' || by !== undefined) throw new UsageError('--resolved writes JSON: it takes neither --format csv|arrow nor --by');
      const { scenario, chain, provenance, removed } = loaded.resolved;
      await writeOutput(`${JSON.stringify({ scenario, chain, provenance, removed }, null, 2)}\n`, values.out, io);
      return;
    }
    const projection = project(loaded.scenario);
    const rows = () => (by === undefined ? projection.table() : projection.aggregate(by).table());
    if (values.format === 'arrow') {
      await writeFileAtomic(values.out!, tidyToArrowIPC(rows()));
      io.stderr(`wrote ${values.out}\n`);
      return;
    }
    const text = outputText('run', () =>
      values.format === 'csv'
        ? toCsv(rows(), ['year', 'region', 'indicator', 'value', 'unit'])
        : `${JSON.stringify(by === undefined ? projectionToJSON(projection) : { ...projectionToJSON(projection), aggregatedBy: by, rows: rows() })}\n`,
    );
    await writeOutput(text, values.out, io);
  },
};
