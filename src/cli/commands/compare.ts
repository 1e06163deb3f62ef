/** `chengzhen compare A B [C ...] [--format table|csv|json|html]`: scenarios against the first, by indicator, region and year. */

import { parseArgs } from 'node:util';
import { comparisonReport } from '../../report/comparisonReport.js';
import { compareProjections, type ComparisonRow } from '../../compare/compareProjections.js';
import { toCsv } from '../../io/csv.js';
import { project } from '../../model/project.js';
import type { Projection } from '../../model/projection.js';
import { PRESETS } from '../../presets/index.js';
import { UsageError, type Command } from '../command.js';
import { findPreset, loadScenarioWithProvenance } from '../loadScenario.js';
import { outputText, writeOutput } from '../output.js';
import { formatDifference, formatPercentChange, formatValue, textTable } from '../table.js';

/** A comparison row with the names of the two scenarios compared. */
interface NamedRow extends ComparisonRow {
  reference: string;
  scenario: string;
}

const COLUMNS = ['reference', 'scenario', 'indicator', 'region', 'year', 'unit', 'a', 'b', 'difference', 'differenceUnit', 'relative'] as const;

function listOption(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function yearsOption(text: string | undefined): number[] | undefined {
  const list = listOption(text);
  if (list === undefined) return undefined;
  return list.map((word) => {
    if (!/^\d{4}$/.test(word)) throw new UsageError(`--years takes years separated by commas (2025,2028), received ${JSON.stringify(word)}`);
    return Number(word);
  });
}

/** The scenarios named: with one preset id, its trend twin (the reference) and the plan. */
function namesToCompare(positionals: string[]): string[] {
  if (positionals.length >= 2) return positionals;
  if (positionals.length === 1 && PRESETS.some((p) => p.id.toLowerCase() === positionals[0].toLowerCase())) {
    const preset = findPreset(positionals[0]);
    return preset.kind === 'trend' ? [preset.id, preset.twin] : [preset.twin, preset.id];
  }
  if (positionals.length === 1) throw new UsageError(`compare takes two or more scenarios, or one preset id (compared with its trend twin); ${JSON.stringify(positionals[0])} is no preset id`);
  throw new UsageError('compare takes two or more scenarios (preset ids or SCENARIO.json files), or one preset id');
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare scenarios (or a plan preset with its trend twin) by indicator, region and year',
  help: `Usage: chengzhen compare A B [C ...] [--format table|csv|json|html] [--indicators LIST]
                         [--region ID] [--years LIST] [--out FILE]

Projects each scenario (a preset id or a SCENARIO.json file, which may extend another) and
compares every other with the first, A: both values, the difference B - A in the indicator's
unit (percentage points, "pts", for rates) and the relative difference (B - A) / |A|, for
every indicator, region and year they share. Given one preset id, compares the plan with its
trend twin: the trend is the reference, so the differences are what the plan adds.

Options:
  --format table|csv|json|html
                     table (default): a text table; csv and json: tidy rows
                     reference,scenario,indicator,region,year,unit,a,b,difference,
                     differenceUnit,relative (difference in percentage points for rates,
                     relative as a ratio, empty or null when A is 0); html: a page with
                     the scenarios side by side in charts and a table at the last year
  --indicators LIST  indicator keys separated by commas (default: every one they share;
                     for html, the urbanisation rates, population, migrants and flows)
  --region ID        one region id, or all (default: every region they share, and all)
  --years LIST       years separated by commas (default: every year they share)
  --out FILE         write to FILE instead of standard output
  -h, --help         show this help

Example:
  chengzhen compare zhejiang-2023 --indicators residentUrbanisationRate,hukouUrbanisationRate --years 2023,2028
  chengzhen compare zhejiang-2023 examples/scenarios/zhejiang-slower-migration.json --format html --out compare.html`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { format: { type: 'string', default: 'table' }, indicators: { type: 'string' }, region: { type: 'string' }, years: { type: 'string' }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const format = values.format;
    if (format !== 'table' && format !== 'csv' && format !== 'json' && format !== 'html') throw new UsageError(`--format must be table, csv, json or html, received ${format}`);
    const names = namesToCompare(positionals);
    const indicators = listOption(values.indicators);
    const years = yearsOption(values.years);
    const regions = values.region === undefined ? undefined : [values.region];
    const scenarios: { name: string; projection: Projection }[] = [];
    for (const name of names) scenarios.push({ name, projection: project((await loadScenarioWithProvenance(name)).scenario) });
    if (format === 'html') {
      await writeOutput(await comparisonReport(scenarios, { indicators, region: values.region }), values.out, io);
      return;
    }
    const [reference, ...others] = scenarios;
    const rows: NamedRow[] = others.flatMap((s) => compareProjections(reference.projection, s.projection, { indicators, regions, years }).map((r) => ({ reference: reference.name, scenario: s.name, ...r })));
    const text = outputText('compare', () => {
      if (format === 'json') return `${JSON.stringify({ reference: reference.name, scenarios: others.map((s) => s.name), rows }, null, 1)}\n`;
      if (format === 'csv') return toCsv(rows.map((r) => ({ ...r, relative: r.relative ?? '' })), [...COLUMNS]);
      const several = others.length > 1;
      const header = [...(several ? ['scenario'] : []), 'indicator', 'region', 'year', `A: ${reference.name}`, several ? 'B' : `B: ${others[0].name}`, 'B - A', 'relative'];
      const table = textTable(
        header,
        rows.map((r) => [
          ...(several ? [r.scenario] : []),
          r.indicator,
          r.region,
          String(r.year),
          formatValue(r.a, r.unit),
          formatValue(r.b, r.unit),
          formatDifference(r.b - r.a, r.unit),
          formatPercentChange(r.relative),
        ]),
        [...(several ? [false] : []), false, false, true, true, true, true, true],
      );
      return `${table}\n`;
    });
    await writeOutput(text, values.out, io);
  },
};
