/** `chengzhen scorecard PRESET-ID|SCENARIO.json [--json]`: plan targets against the projection. */

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { project } from '../../model/project.js';
import { scorecard, type ScorecardRow } from '../../model/scorecard.js';
import type { Preset } from '../../presets/index.js';
import { scenarioTargets } from '../../schema/targets.js';
import type { PlanTarget } from '../../../seeds/types.js';
import { solveScorecard } from '../../solve/solveScorecard.js';
import { UsageError, type Command } from '../command.js';
import { findPreset, loadScenarioWithProvenance, scenarioSource } from '../loadScenario.js';
import { writeOutput } from '../output.js';
import { formatDifference, formatNumber, formatValue, textTable } from '../table.js';

/** Shares in percentage points as the other commands print them ("pts"), other units as the scorecard words them. */
function marginCell(r: ScorecardRow): string {
  if (r.margin === null) return r.note ? `(${r.note})` : '-';
  if (r.unit.startsWith('share')) return `${formatDifference(r.margin, r.unit)}${r.unit.endsWith('per year') ? ' a year' : ''}`;
  return r.marginText ?? formatNumber(r.margin);
}

function outcomeTable(rows: readonly ScorecardRow[]): string {
  return textTable(
    ['outcome', 'year', 'target', 'projected', 'status', 'margin', 'tolerance', 'what it would take', 'clause'],
    rows.map((r) => [
      `${r.labelZh} ${r.id}`,
      String(r.year),
      `${r.comparison === 'atMost' ? '<= ' : r.comparison === 'about' ? '~ ' : '>= '}${formatValue(r.target, r.unit)}`,
      r.range ? `${formatValue(r.range.low, r.unit)}-${formatValue(r.range.high, r.unit)}` : formatValue(r.projected, r.unit),
      r.status,
      marginCell(r),
      r.tolerance === null ? '' : r.unit.startsWith('share') ? `${(r.tolerance * 100).toFixed(2)} pts` : formatValue(r.tolerance, r.unit),
      r.whatItWouldTake ? `${r.whatItWouldTake.lever} ${r.whatItWouldTake.mode === 'scale' ? 'x' : '='} ${formatNumber(r.whatItWouldTake.needed)} (now ${formatNumber(r.whatItWouldTake.current)})` : '',
      `${r.document} ${r.clause}`,
    ]),
    [false, true, true, true, false, false, true, false, false],
  );
}

function commitmentTable(rows: readonly ScorecardRow[]): string {
  return textTable(
    ['commitment', 'year', 'committed', 'demand', 'capacity', 'coverage', 'shortfall', 'surplus', 'more a year to close', 'clause'],
    rows.map((r) => {
      const a = r.adequacy;
      const count = (v: number | undefined) => (v === undefined ? '-' : formatValue(v, 'count'));
      return [
        `${r.labelZh} ${r.id}`,
        String(r.year),
        formatValue(r.target, r.unit) + (r.unit.startsWith('share') ? '' : ` ${r.unit}`),
        count(a?.demand),
        count(a?.capacity),
        a ? `${(a.coverage * 100).toFixed(1)} %` : `(${r.status}${r.note ? `: ${r.note}` : ''})`,
        count(a?.shortfall),
        count(a?.surplus),
        a ? `${formatValue(a.additionsPerYearToClose, 'count')} over ${a.years} y` : '',
        `${r.document} ${r.clause}`,
      ];
    }),
    [false, true, true, true, true, true, true, true, true, false],
  );
}

export const scorecardCommand: Command = {
  name: 'scorecard',
  summary: "check plan targets against a projection: outcomes met or missed, commitments' adequacy",
  help: `Usage: chengzhen scorecard PRESET-ID|SCENARIO.json [--json] [--solve] [--out FILE]

Projects a preset, or a scenario file with a "targets" section, and scores each target.
Outcomes (rates, per-1000 ratios, shares) are judged: target, projected value, met or missed,
margin in the indicator's unit (percentage points for rates), the tolerance of "about"
targets. A measure the model brackets (the inclusive share of kindergarten enrolment) shows
its range, low-high: met when its least favourable end meets the target, missed when its most
favourable end misses, uncertain in between. Commitments (places, beds, units the scenario adds) are inputs, never met or
missed: their adequacy is shown instead, the demand in the target year against the capacity
with the commitment, coverage, shortfall or surplus, and the additions a year that would
close the gap. With --solve, missed outcomes that a lever can meet get the lever value that
would meet them ("what it would take").

Options:
  --json       print the scorecard as JSON
  --solve      fill in "what it would take" for missed outcomes (runs the solver)
  --out FILE   write to FILE instead of standard output

Example:
  chengzhen scorecard shandong-2021-2023 --solve
  chengzhen scorecard examples/scenarios/two-regions-targets.json --json`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false }, solve: { type: 'boolean', default: false }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('scorecard takes one PRESET-ID (see chengzhen presets) or SCENARIO.json');
    // a name that is no file and does not look like one is a preset id, with the closest ids offered
    const looksLikeFile = /[/\\]|\.json$/i.test(positionals[0]) || existsSync(positionals[0]);
    const source = looksLikeFile ? scenarioSource(positionals[0]) : { preset: findPreset(positionals[0]) };
    const preset: Preset | undefined = 'preset' in source ? source.preset : undefined;
    let title: string;
    let input: Parameters<typeof project>[0];
    let targets: PlanTarget[];
    if (preset) {
      title = `${preset.title} (${preset.id})`;
      input = preset.scenario;
      targets = preset.targets;
    } else {
      // a file may extend a preset or another file: its targets are the merged document's
      const scenario = (await loadScenarioWithProvenance(positionals[0])).scenario;
      title = scenario.name;
      input = scenario;
      targets = scenarioTargets(scenario.targets ?? []);
      if (targets.length === 0) throw new UsageError(`${positionals[0]} has no "targets" section to score (see docs/verdicts.md)`);
    }
    const projection = project(input);
    let rows = scorecard(projection, targets);
    if (values.solve) rows = solveScorecard(projection.scenario, rows);
    if (values.json) {
      await writeOutput(`${JSON.stringify({ preset: preset?.id ?? null, scenario: projection.scenario.name, rows }, null, 2)}\n`, values.out, io);
      return;
    }
    const outcomes = rows.filter((r) => r.role === 'outcome');
    const commitments = rows.filter((r) => r.role === 'commitment');
    const parts = [title, ''];
    if (outcomes.length > 0) parts.push('Outcomes (judged)', outcomeTable(outcomes), '');
    if (commitments.length > 0) parts.push('Commitments (inputs: adequacy against projected demand)', commitmentTable(commitments), '');
    await writeOutput(`${parts.join('\n')}`, values.out, io);
  },
};
