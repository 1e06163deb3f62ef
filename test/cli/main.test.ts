/** `chengzhen` itself: help, version, unknown commands, and each command's --help. */

import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { VERSION } from '../../src/cli/version.js';
import pkg from '../../package.json';
import { cli } from './cliHarness.js';

describe('chengzhen --help', () => {
  it('lists the commands and exit codes on stdout, exit 0', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const outcome = await cli([flag]);
      expect([outcome.code, outcome.stderr]).toEqual([0, '']);
      expect(outcome.stdout).toContain(`chengzhen ${VERSION}: urbanisation scenarios year by year`);
      for (const command of COMMANDS) expect(outcome.stdout).toContain(`  ${command.name}`);
      expect(outcome.stdout).toContain('Exit codes: 0 success, 1 failure, 2 bad input.');
    }
  });

  it('with no command prints the same overview on standard error and exits 2', async () => {
    const outcome = await cli([]);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toBe((await cli(['--help'])).stdout);
  });
});

describe('chengzhen --version', () => {
  it("prints package.json's version, exit 0", async () => {
    for (const flag of ['--version', '-v']) expect(await cli([flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('chengzhen COMMAND --help', () => {
  it('prints the usage line, options and an example of each command, exit 0', async () => {
    for (const command of COMMANDS) {
      const outcome = await cli([command.name, '--help']);
      expect({ name: command.name, code: outcome.code, stderr: outcome.stderr }).toEqual({ name: command.name, code: 0, stderr: '' });
      expect(outcome.stdout).toBe(`${command.help}\n`);
      expect(outcome.stdout.startsWith(`Usage: chengzhen ${command.name}`)).toBe(true);
      expect(outcome.stdout).toContain('Example:');
    }
  });

  it('run --help names the formats and the output option', async () => {
    const { stdout } = await cli(['run', '--help']);
    expect(stdout.split('\n')[0]).toBe('Usage: chengzhen run SCENARIO.json|PRESET-ID [--format json|csv|arrow] [--out FILE]');
    expect(stdout).toContain('--format json|csv|arrow');
    expect(stdout).toContain('--out FILE');
  });
});

describe('chengzhen UNKNOWN', () => {
  it('says the command is unknown on stderr, exit 2', async () => {
    const outcome = await cli(['projct']);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr.split('\n')[0]).toBe("chengzhen: unknown command 'projct'");
  });
});

describe('chengzhen COMMAND with a mistaken command line', () => {
  it('names an unknown option, a missing value and an extra argument briefly, exit 2', async () => {
    const unknown = await cli(['run', '--bogus', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("chengzhen run: unknown option --bogus\nRun 'chengzhen run --help' for usage.\n");
    expect((await cli(['run', 'x', '--out'])).stderr.split('\n')[0]).toBe('chengzhen run: option --out needs a value');
    expect((await cli(['schema', 'extra'])).stderr.split('\n')[0]).toBe('chengzhen schema: unexpected argument extra');
  });
});
