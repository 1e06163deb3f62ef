/** `chengzhen kernel PROBLEM.json [--out RESULT.json]`: runs a kernel problem document. */

import { parseArgs } from 'node:util';
import { runKernel } from '../../kernel/runKernel.js';
import { kernelResultToJSON } from '../../io/kernelJson.js';
import { readJsonFile } from '../../node/readJsonFile.js';
import { parseKernelProblem } from '../../schema/kernelProblem.js';
import { UsageError, type Command } from '../command.js';
import { outputText, writeOutput } from '../output.js';

export const kernelCommand: Command = {
  name: 'kernel',
  summary: 'run a kernel problem document (chengzhen-kernel/1) and write its result',
  help: `Usage: chengzhen kernel PROBLEM.json [--out RESULT.json]

Runs the projection kernel on a kernel problem document (format chengzhen-kernel/1, see
docs/model.md, section 5) and writes the result document (chengzhen-kernel-result/1).

Options:
  --out FILE   write the result to FILE (atomically) instead of standard output
  -h, --help   show this help

Example:
  chengzhen kernel examples/kernel/two-regions.json --out result.json`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('kernel takes one PROBLEM.json file');
    const problem = parseKernelProblem(await readJsonFile(positionals[0]));
    const result = kernelResultToJSON(runKernel(problem));
    await writeOutput(outputText('kernel', () => `${JSON.stringify(result)}\n`), values.out, io);
  },
};
