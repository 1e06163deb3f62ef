/** Scenario files extending files: paths relative to the file naming them, errors naming the file, and `chengzhen run --resolved`. */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/node/scenarioFile.js';
import { getPreset } from '../../src/presets/index.js';
import { cli, scratchFolder } from '../cli/cliHarness.js';

const scratch = scratchFolder();
afterAll(() => scratch.remove());

describe('readScenarioFile(path)', () => {
  it('reads an extends path relative to the file that names it, not to the working folder', async () => {
    mkdirSync(join(scratch.dir, 'plans'), { recursive: true });
    scratch.write('plans/base.json', { extends: 'zhejiang-2023', migration: { ruralToUrbanRate: 0.01 } });
    const top = scratch.write('variant.json', { extends: 'plans/base.json', name: 'Variant', hukou: { conversionRate: 0.04 } });
    // the base names its own base relative to plans/
    scratch.write('plans/deeper.json', { extends: './base.json', description: 'deeper' });
    const resolved = await readScenarioFile(top);
    expect(resolved.chain.map((s) => scratch.hide(s))).toEqual(['<tmp>/variant.json', '<tmp>/plans/base.json', 'preset zhejiang-2023']);
    expect((resolved.scenario as { migration: { ruralToUrbanRate: number } }).migration.ruralToUrbanRate).toBe(0.01);
    expect(resolved.provenance['hukou.conversionRate'].status).toBe('overridden');
    const deeper = await readScenarioFile(join(scratch.dir, 'plans/deeper.json'));
    expect(deeper.chain.map((s) => scratch.hide(s))).toEqual(['<tmp>/plans/deeper.json', '<tmp>/plans/base.json', 'preset zhejiang-2023']);
  });

  it('names the missing file and a cycle between files', async () => {
    const typo = scratch.write('typo.json', { extends: 'zhejiang-2024' });
    await expect(readScenarioFile(typo)).rejects.toThrow(/typo\.json: extends names "zhejiang-2024", which is neither a preset id \(presets: national-2024-2028, .*zhejiang-2023, zhejiang-2023-trend, china-counties-2024-2028, china-counties-2024-2028-trend\) nor a file/);
    const missing = scratch.write('missing.json', { extends: 'nowhere/base.json' });
    await expect(readScenarioFile(missing)).rejects.toThrow(/cannot read .*nowhere\/base\.json: no such file/);
    scratch.write('loop-a.json', { extends: 'loop-b.json' });
    const b = scratch.write('loop-b.json', { extends: 'loop-a.json' });
    const error = await readScenarioFile(b).then(
      () => null,
      (e: Error) => e,
    );
    expect(scratch.hide(error?.message ?? '')).toBe('<tmp>/loop-a.json: extends makes a cycle: <tmp>/loop-b.json -> <tmp>/loop-a.json -> <tmp>/loop-b.json');
  });
});

describe('chengzhen run --resolved', () => {
  it('writes the merged scenario, its chain and the provenance of every figure, and exits 0', async () => {
    const { code, stdout, stderr } = await cli(['run', 'examples/scenarios/zhejiang-slower-migration.json', '--resolved']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { scenario: { migration: Record<string, number> }; chain: string[]; provenance: Record<string, { status: string; source: string; figure?: { value: unknown } }>; removed: unknown[] };
    expect(out.chain).toEqual(['examples/scenarios/zhejiang-slower-migration.json', 'preset zhejiang-2023']);
    expect(out.scenario.migration).toEqual({ ...getPreset('zhejiang-2023').scenario.migration, ruralToUrbanRate: 0.0066 });
    expect(out.provenance['migration.ruralToUrbanRate']).toEqual({ status: 'overridden', source: 'examples/scenarios/zhejiang-slower-migration.json', replaces: 'preset zhejiang-2023' });
    expect(out.provenance['base.zhejiang.population.scaleToTotal']).toMatchObject({ status: 'inherited', source: 'preset zhejiang-2023', figure: { value: 65_770_000 } });
    expect(out.removed).toEqual([]);
  });

  it('gives a preset its own figures, and refuses --resolved with --format csv (exit 2)', async () => {
    const preset = await cli(['run', 'shandong-2021-2023', '--resolved']);
    expect(preset.code).toBe(0);
    expect(JSON.parse(preset.stdout).provenance['base.shandong.residentUrbanisationRate']).toMatchObject({ status: 'set', figure: { value: 0.6305 } });
    const csv = await cli(['run', 'shandong-2021-2023', '--resolved', '--format', 'csv']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--resolved writes JSON');
  });

  it('projects a scenario that extends a preset, and reports an invalid override with its path (exit 2)', async () => {
    const ok = await cli(['run', 'examples/scenarios/zhejiang-slower-migration.json', '--format', 'csv']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n')[0]).toBe('year,region,indicator,value,unit');
    const bad = scratch.write('bad.json', { extends: 'zhejiang-2023', migration: { ruralToUrbanRate: 1.5 } });
    const run = await cli(['run', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('migration.ruralToUrbanRate');
  });
});
