/** `chengzhen check`: the table, exit 0 when every check passes, 1 when one fails, 2 for a bad checks file or command line. */

import { afterAll, describe, expect, it } from 'vitest';
import { cli, scratchFolder } from './cliHarness.js';

const scratch = scratchFolder();
afterAll(() => scratch.remove());

describe('chengzhen check', () => {
  it('runs the checks a preset ships, prints a row per check and exits 0 when all pass', async () => {
    const { code, stdout, stderr } = await cli(['check', 'national-2024-2028']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('China at the end of 2023, as published: national-2024-2028');
    expect(lines[2]).toMatch(/^check +indicator +region +year +expected +actual +margin +result$/);
    expect(lines.slice(4, 7).map((l) => l.split(/ +/)[0])).toEqual(['population-2023', 'resident-urbanisation-2023', 'hukou-urbanisation-2023']);
    expect(lines[5]).toMatch(/~ 66\.16 % \+\/- 0\.01 pts +66\.16 % .* pass$/);
    expect(lines.at(-1)).toBe('all 3 passed');
  });

  it('runs a checks file on a scenario that extends a preset', async () => {
    const { code, stdout } = await cli(['check', 'examples/scenarios/zhejiang-slower-migration.json', '--checks', 'examples/checks/zhejiang.json']);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('all 10 passed');
  });

  it('prints the table and exits 1 when a check fails; --json gives the outcomes', async () => {
    const checks = scratch.write('strict.json', {
      checks: [
        { id: 'fast', indicator: 'residentUrbanisationRate', years: 2028, atLeast: 0.8 },
        { id: 'base', indicator: 'residentUrbanisationRate', years: 2022, approximately: { value: 0.734, tolerance: 0.0005 } },
      ],
    });
    const { code, stdout, stderr } = await cli(['check', 'zhejiang-2023', '--checks', checks]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^fast .* 2028 +>= 80\.00 % +\d+\.\d\d % +-\d+\.\d\d pts +FAIL$/m);
    expect(stdout).toMatch(/^base .* pass$/m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 of 2 failed');
    expect(stderr).toBe('chengzhen check: failed: 1 of 2 checks failed\n');
    const json = await cli(['check', 'zhejiang-2023', '--checks', checks, '--json']);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as { passed: number; failed: number; outcomes: { id: string; status: string; actual: number }[] };
    expect([out.passed, out.failed]).toEqual([1, 1]);
    expect(out.outcomes[0]).toMatchObject({ id: 'fast', status: 'fail' });
  });

  it('exits 2 for a checks file that is not valid, naming every problem with its path', async () => {
    const bad = scratch.write('bad.json', { checks: [{ indicator: 'population', years: 2022 }, { indicator: 'nope', years: 2022, atMost: 1 }] });
    const { code, stdout, stderr } = await cli(['check', 'zhejiang-2023', '--checks', bad]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('chengzhen check: bad input (2 problems)');
    expect(stderr).toContain('checks[0] must have exactly one of atLeast, atMost or approximately, received none');
    expect(stderr).toContain('checks[1].indicator "nope" is not an indicator');
    const year = scratch.write('year.json', { checks: [{ indicator: 'population', years: 2030, atLeast: 0 }] });
    const outside = await cli(['check', 'zhejiang-2023', '--checks', year]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('checks[0].years must be years the projection has for population, in [2022, 2028], received 2030');
  });

  it('exits 2 for a scenario file without --checks, a missing checks file, or no scenario', async () => {
    const noChecks = await cli(['check', 'examples/scenarios/zhejiang-slower-migration.json']);
    expect(noChecks.code).toBe(2);
    expect(noChecks.stderr).toContain('give the expectations of examples/scenarios/zhejiang-slower-migration.json with --checks FILE');
    const missing = await cli(['check', 'zhejiang-2023', '--checks', 'examples/checks/nowhere.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read examples/checks/nowhere.json: no such file');
    expect((await cli(['check'])).code).toBe(2);
  });
});
