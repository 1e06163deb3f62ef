/**
 * The `chengzhen` command line. Exit codes: 0 success, 1 failure, 2 bad input (an invalid
 * document or command line); messages name the field at fault, and no stack trace is shown
 * unless CHENGZHEN_DEBUG is set.
 */

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ChengzhenError } from '../errors.js';
import { UsageError, type CliIO, type Command } from './command.js';
import { calibrateCommand } from './commands/calibrate.js';
import { checkCommand } from './commands/check.js';
import { compareCommand } from './commands/compare.js';
import { hindcastCommand } from './commands/hindcast.js';
import { kernelCommand } from './commands/kernel.js';
import { presetsCommand } from './commands/presets.js';
import { reportCommand } from './commands/report.js';
import { scorecardCommand } from './commands/scorecard.js';
import { solveCommand } from './commands/solve.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { simulateCommand } from './commands/simulate.js';
import { sweepCommand } from './commands/sweep.js';
import { workerCommand } from './commands/worker.js';
import { VERSION } from './version.js';

export const COMMANDS: Command[] = [presetsCommand, runCommand, scorecardCommand, compareCommand, checkCommand, solveCommand, calibrateCommand, simulateCommand, sweepCommand, workerCommand, hindcastCommand, reportCommand, kernelCommand, schemaCommand];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `chengzhen ${VERSION}: urbanisation scenarios year by year

Usage: chengzhen COMMAND [options]

Commands:
${lines.join('\n')}

Run 'chengzhen COMMAND --help' for a command's options and an example.
Exit codes: 0 success, 1 failure, 2 bad input.`;
}

/** Node's parseArgs messages, shortened to the fragments the other messages use. */
function usageMessage(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown option ${quoted}`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) return `option ${quoted.split(' ')[0]} needs a value`;
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted) return `unexpected argument ${quoted}`;
  return error.message;
}

/** Runs the command line `args` (without `node` and the script) and returns the exit code. */
export async function runCli(args: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    // no command is a mistaken command line: the overview goes to standard error
    io.stderr(`${overview()}\n`);
    return 2;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    io.stdout(`${overview()}\n`);
    return 0;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`chengzhen: unknown command '${name}'\n\n${overview()}\n`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout(`${command.help}\n`);
    return 0;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (error) {
    // the reader of standard output went away (| head): stop quietly, as cat does
    if ((error as { code?: string }).code === 'EPIPE') return 0;
    if (error instanceof ChengzhenError) {
      const lines = error.message.split('\n').map((line) => `  - ${line}`);
      io.stderr(`chengzhen ${name}: bad input (${error.issues.length} ${error.issues.length === 1 ? 'problem' : 'problems'})\n${lines.join('\n')}\n`);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`chengzhen ${name}: ${usageMessage(error as Error & { code?: string })}\nRun 'chengzhen ${name} --help' for usage.\n`);
      return 2;
    }
    const detail = process.env.CHENGZHEN_DEBUG ? String((error as Error).stack) : (error as Error).message;
    io.stderr(`chengzhen ${name}: failed: ${detail}\n`);
    return 1;
  }
}

function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // a closed pipe on standard output (chengzhen run ... | head) ends the run quietly with 0, as cat does
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  // nobody reads the messages any more: the exit code still tells
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const io: CliIO = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`chengzhen: failed: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
