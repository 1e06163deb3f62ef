/** What every CLI command is: a name, its help text, and what it does. */

/** Thrown for a mistaken command line (unknown option, missing file): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Where a command writes; tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when standard error is a terminal (for progress bars). */
  stderrIsTTY: boolean;
}

export interface Command {
  name: string;
  summary: string;
  /** Full help: usage line, options, an example. */
  help: string;
  run(args: string[], io: CliIO): Promise<void>;
}
