/** `chengzhen report SCENARIO.json [--format html|md] [--out FILE]`: a report of a projection. */

import { parseArgs } from 'node:util';
import { project } from '../../model/project.js';
import { scorecard } from '../../model/scorecard.js';
import type { ReportInput } from '../../report/reportInput.js';
import { countyMaps, schoolPlaceTables } from '../../model/counties/countyTables.js';
import { choroplethPrefectureCodes } from '../../report/choroplethMap.js';
import { htmlReport } from '../../report/htmlReport.js';
import { markdownReport } from '../../report/markdownReport.js';
import { UsageError, type Command } from '../command.js';
import { loadScenario, scenarioSource } from '../loadScenario.js';
import { writeOutput } from '../output.js';

export const reportCommand: Command = {
  name: 'report',
  summary: 'project a scenario and write a report: one self-contained HTML page with charts, or Markdown tables',
  help: `Usage: chengzhen report SCENARIO.json|PRESET-ID [--format html|md] [--out FILE]

Projects a scenario and writes a report of it: the scenario's summary and sources (for a
preset, its plan's scorecard and targets marked on the charts), charts of
the resident and hukou urbanisation rates, residents by status and each service's demand and
capacity, key figures by region for the base and end years, and notes on units. When the
regions carry prefectures (the china-counties-2024-2028 presets), the HTML report adds prefecture
maps and the 20 units with the largest school-place shortfall and surplus in the end year.

Options:
  --format html|md  html (default): one HTML page with inline charts and styles, no scripts
                    or external files, to open in any browser, mail or print;
                    md: Markdown tables, no charts
  --out FILE        write to FILE (atomically) instead of standard output
  -h, --help        show this help

Example:
  chengzhen report examples/scenarios/two-regions.json --out two-regions.html`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { format: { type: 'string', default: 'html' }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('report takes one SCENARIO.json file or preset id');
    if (values.format !== 'html' && values.format !== 'md') throw new UsageError(`--format must be html or md, received ${values.format}`);
    const projection = project(await loadScenario(positionals[0]));
    // a preset brings its plan's targets: the scorecard and the target marks on the charts
    const source = scenarioSource(positionals[0]);
    const preset = 'preset' in source ? source.preset : undefined;
    const input: ReportInput = preset
      ? {
          projection,
          scorecard: scorecard(projection, preset.targets),
          targets: preset.targets
            .filter((t) => t.indicator !== undefined && t.kind === 'level')
            .map((t) => ({ indicator: t.indicator!, year: t.year, value: t.value, label: `${t.labelZh} (${t.source.document} ${t.source.clause})` })),
        }
      : { projection };
    // regions with a prefecture on the map (the county presets): prefecture maps at the end year
    const drawable = new Set(choroplethPrefectureCodes());
    if (values.format === 'html' && projection.scenario.regions.some((r) => drawable.has(Number(r.prefecture)))) {
      input.maps = countyMaps(projection, projection.endYear, drawable);
      if (projection.indicatorKeys().includes('schoolPlaces.demand')) input.placeTables = schoolPlaceTables(projection, projection.endYear);
    }
    const text = values.format === 'md' ? markdownReport(input) : await htmlReport(input);
    await writeOutput(text, values.out, io);
  },
};
