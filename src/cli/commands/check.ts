/** `chengzhen check SCENARIO.json|PRESET-ID [--checks FILE] [--json]`: expectations of a projection, exit 1 when one fails. */

import { parseArgs } from 'node:util';
import { parseChecks, runChecks, type CheckOutcome, type ChecksFile } from '../../checks/checks.js';
import { LIMITS } from '../../limits.js';
import { project } from '../../model/project.js';
import { readJsonFile } from '../../node/readJsonFile.js';
import { PRESET_CHECKS } from '../../presets/checks.js';
import { UsageError, type Command } from '../command.js';
import { loadScenarioWithProvenance } from '../loadScenario.js';
import { writeOutput } from '../output.js';
import { formatDifference, formatValue, textTable } from '../table.js';

/** Thrown when a check fails: the table is written, and the exit code is 1. */
export class ChecksFailed extends Error {
  override readonly name = 'ChecksFailed';
}

/** The bound in the indicator's unit: `>= 73.00 %`, `~ 65,770,000 +/- 5,000`, `~ 73.40 % +/- 0.05 pts`. */
function expectedCell(o: CheckOutcome): string {
  if (o.comparison === 'atLeast') return `>= ${formatValue(o.value, o.unit)}`;
  if (o.comparison === 'atMost') return `<= ${formatValue(o.value, o.unit)}`;
  return `~ ${formatValue(o.value, o.unit)} +/- ${formatDifference(o.tolerance, o.unit).replace(/^\+/, '')}`;
}

function outcomeTable(outcomes: readonly CheckOutcome[]): string {
  return textTable(
    ['check', 'indicator', 'region', 'year', 'expected', 'actual', 'margin', 'result'],
    outcomes.map((o) => [o.id, o.indicator, o.region, String(o.year), expectedCell(o), formatValue(o.actual, o.unit), formatDifference(o.margin, o.unit), o.status === 'pass' ? 'pass' : 'FAIL']),
    [false, false, false, true, false, true, true, false],
  );
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check a projection against expectations written in a checks file (exit 1 when one fails)',
  help: `Usage: chengzhen check SCENARIO.json|PRESET-ID [--checks FILE] [--json] [--out FILE]

Projects a scenario (a preset id, or a file, which may extend another) and checks each
expectation of a checks file: an indicator for a region and years, at least, at most or
approximately a value within an absolute or relative tolerance (docs/scenarios.md). Prints
one row per check and year: the value projected, the margin (how far inside the bound; a
negative margin fails) and pass or FAIL. Exits 1 when any check fails, 0 when all pass, and 2
for a checks file or scenario that is not valid.

Without --checks, a preset runs the checks it ships: its base year reproduces the published
population and urbanisation rates it starts from.

Options:
  --checks FILE   the checks file (JSON): { "checks": [{ "indicator", "region", "years",
                  "atLeast" | "atMost" | "approximately": { "value", "tolerance" |
                  "relativeTolerance" } }] }
  --json          print the outcomes as JSON
  --out FILE      write to FILE instead of standard output
  -h, --help      show this help

Example:
  chengzhen check national-2024-2028
  chengzhen check examples/scenarios/zhejiang-slower-migration.json --checks examples/checks/zhejiang.json`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { checks: { type: 'string' }, json: { type: 'boolean', default: false }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('check takes one SCENARIO.json file or preset id');
    const loaded = await loadScenarioWithProvenance(positionals[0]);
    let checks: ChecksFile;
    if (values.checks !== undefined) checks = parseChecks(await readJsonFile(values.checks, { maxValues: LIMITS.maxScenarioValues }));
    else if (loaded.preset) checks = parseChecks(PRESET_CHECKS[loaded.preset.id]);
    else throw new UsageError(`give the expectations of ${positionals[0]} with --checks FILE (only presets ship their own)`);
    const outcomes = runChecks(project(loaded.scenario), checks.checks);
    const failed = outcomes.filter((o) => o.status === 'fail').length;
    const text = values.json
      ? `${JSON.stringify({ scenario: loaded.label, checks: checks.name ?? values.checks ?? null, passed: outcomes.length - failed, failed, outcomes }, null, 2)}\n`
      : `${checks.name ?? values.checks ?? 'checks'}: ${loaded.label}\n\n${outcomeTable(outcomes)}\n\n${failed === 0 ? `all ${outcomes.length} passed` : `${failed} of ${outcomes.length} failed`}\n`;
    await writeOutput(text, values.out, io);
    if (failed > 0) throw new ChecksFailed(`${failed} of ${outcomes.length} checks failed`);
  },
};
