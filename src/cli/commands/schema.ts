/** `chengzhen schema`: prints the scenario JSON Schema. */

import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ScenarioSchema } from '../../schema/scenario.js';
import type { Command } from '../command.js';
import { writeOutput } from '../output.js';

/** The scenario schema as JSON Schema (draft 2020-12), for editors validating scenario files. */
export function scenarioJsonSchema(): unknown {
  return { ...z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any', reused: 'ref' }), title: 'chengzhen scenario' };
}

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of scenario files',
  help: `Usage: chengzhen schema [--out FILE]

Prints the JSON Schema (draft 2020-12) of chengzhen scenario files, so that editors can check
and complete them. In VS Code, add to a scenario file: "$schema": "./scenario.schema.json".

Options:
  --out FILE   write to FILE instead of standard output

Example:
  chengzhen schema --out scenario.schema.json`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
    await writeOutput(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`, values.out, io);
  },
};
