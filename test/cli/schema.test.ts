/** `chengzhen schema`: prints the scenario JSON Schema, which the example scenario agrees with. */

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/cli/commands/schema.js';
import { cli, scratchFolder } from './cliHarness.js';

const folder = scratchFolder();
afterAll(() => folder.remove());

describe('chengzhen schema', () => {
  it('prints a JSON Schema (draft 2020-12) of scenario files', async () => {
    const outcome = await cli(['schema']);
    expect([outcome.code, outcome.stderr]).toEqual([0, '']);
    const schema = JSON.parse(outcome.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('chengzhen scenario');
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'baseYear', 'endYear', 'regions', 'base', 'migration', 'hukou']));
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'baseYear', 'endYear', 'regions', 'base', 'migration', 'hukou']));
    expect(schema.required).not.toContain('description');
    expect(schema.properties.baseYear).toMatchObject({ type: 'integer', minimum: 1800, maximum: 2300 });
    expect(schema.additionalProperties).toBe(false);
    expect(schema).toEqual(scenarioJsonSchema());
  });

  it('names every top-level field of the example scenario', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown> };
    const example = JSON.parse(readFileSync(new URL('../../examples/scenarios/two-regions.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    for (const key of Object.keys(example)) expect(schema.properties).toHaveProperty(key);
  });

  it('--out writes the schema to a file', async () => {
    const out = `${folder.dir}/scenario.schema.json`;
    const outcome = await cli(['schema', '--out', out]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(scenarioJsonSchema());
  });

  it('rejects arguments it does not take with exit code 2', async () => {
    const outcome = await cli(['schema', 'extra']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain("Run 'chengzhen schema --help' for usage.");
  });
});
