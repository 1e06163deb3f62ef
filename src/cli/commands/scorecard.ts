/** `chengzhen scorecard PRESET-ID [--json]`: the plan's targets against the projection. */

import { parseArgs } from 'node:util';
import { project } from '../../model/project.js';
import { scorecard } from '../../model/scorecard.js';
import { solveScorecard } from '../../solve/solveScorecard.js';
import { UsageError, type Command } from '../command.js';
import { findPreset } from '../loadScenario.js';
import { writeOutput } from '../output.js';
import { formatDifference, formatNumber, formatValue, textTable } from '../table.js';

export const scorecardCommand: Command = {
  name: 'scorecard',
  summary: "check a preset's plan targets against its projection (and what it would take)",
  help: `Usage: chengzhen scorecard PRESET-ID [--json] [--solve] [--out FILE]

Projects a preset and checks each of its plan's targets: target, projected value, met or
missed, margin. With --solve, missed targets that a lever can meet get the lever value that
would meet them ("what it would take").

Options:
  --json       print the scorecard as JSON
  --solve      fill in "what it would take" for missed targets (runs the solver)
  --out FILE   write to FILE instead of standard output

Example:
  chengzhen scorecard shandong-2021-2023-trend --solve`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false }, solve: { type: 'boolean', default: false }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('scorecard takes one PRESET-ID (see chengzhen presets)');
    const preset = findPreset(positionals[0]);
    const projection = project(preset.scenario);
    let rows = scorecard(projection, preset.targets);
    if (values.solve) rows = solveScorecard(projection.scenario, rows);
    if (values.json) {
      await writeOutput(`${JSON.stringify({ preset: preset.id, rows }, null, 2)}\n`, values.out, io);
      return;
    }
    const table = textTable(
      ['target', 'year', 'target value', 'projected', 'status', 'margin', 'what it would take', 'clause'],
      rows.map((r) => [
        `${r.labelZh} ${r.id}`,
        String(r.year),
        formatValue(r.target, r.unit),
        formatValue(r.projected, r.unit),
        r.status,
        r.margin === null ? '-' : formatDifference(r.margin, r.unit),
        r.whatItWouldTake ? `${r.whatItWouldTake.lever} ${r.whatItWouldTake.mode === 'scale' ? 'x' : '='} ${formatNumber(r.whatItWouldTake.needed)} (now ${formatNumber(r.whatItWouldTake.current)})` : '',
        `${r.document} ${r.clause}`,
      ]),
      [false, true, true, true, false, true, false, false],
    );
    await writeOutput(`${preset.title} (${preset.id})\n\n${table}\n`, values.out, io);
  },
};
