/** `chengzhen presets [--json]`: lists the presets. */

import { parseArgs } from 'node:util';
import { PRESETS } from '../../presets/index.js';
import type { Command } from '../command.js';
import { textTable } from '../table.js';

export const presetsCommand: Command = {
  name: 'presets',
  summary: 'list the ready scenarios from the plan documents',
  help: `Usage: chengzhen presets [--json]

Lists the presets: each plan document as a ready scenario, and its trend twin that continues
recent observed trends instead of the plan's levers.

Options:
  --json       print the list as JSON (id, title, area, kind, twin, years, documents)

Example:
  chengzhen presets
  chengzhen run national-2024-2028 --format csv`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
    const list = PRESETS.map((p) => ({
      id: p.id,
      title: p.title,
      titleZh: p.titleZh,
      area: p.area,
      kind: p.kind,
      twin: p.twin,
      baseYear: p.scenario.baseYear,
      endYear: p.scenario.endYear,
      documents: p.documents.map((d) => d.document),
    }));
    if (values.json) {
      io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      return;
    }
    const rows = list.map((p) => [p.id, p.kind, `${p.baseYear}-${p.endYear}`, p.documents.join(', '), p.title]);
    io.stdout(`${textTable(['id', 'kind', 'years', 'documents', 'title'], rows)}\n`);
  },
};
