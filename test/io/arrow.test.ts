import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, Type, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { ARROW_COLUMNS, tidyToArrowIPC, tidyToArrowTable } from '../../src/io/arrow.js';
import type { TidyRow } from '../../src/model/projection.js';
import { zhejiangProjection } from '../report/fixtures.js';

const ROWS: TidyRow[] = [
  { year: 2020, region: 'zj', indicator: 'population', value: 64_567_588, unit: 'persons' },
  { year: 2021, region: 'zj', indicator: 'population', value: 64_412_345.123456789, unit: 'persons' },
  { year: 2020, region: 'zj', indicator: 'residentUrbanisationRate', value: 0.7217, unit: 'share (0-1)' },
  { year: 2021, region: 'all', indicator: 'netInternational', value: -1234.5, unit: 'persons per year' },
];

const plain = (table: Table) => table.toArray().map((row: { toJSON(): object }) => ({ ...row.toJSON() }));

describe('tidyToArrowIPC(rows)', () => {
  it('writes an Arrow IPC file that reads back to the same rows', () => {
    const bytes = tidyToArrowIPC(ROWS);
    const decoder = new TextDecoder();
    expect(decoder.decode(bytes.subarray(0, 6))).toBe('ARROW1');
    expect(decoder.decode(bytes.subarray(bytes.length - 6))).toBe('ARROW1');
    const table = tableFromIPC(bytes);
    expect(table.numRows).toBe(4);
    expect(table.schema.fields.map((f) => f.name)).toEqual([...ARROW_COLUMNS]);
    expect(plain(table)).toEqual(ROWS);
  });

  it('types year int32, value float64, and the text columns as dictionaries of UTF-8', () => {
    const fields = tableFromIPC(tidyToArrowIPC(ROWS)).schema.fields;
    const type = (name: string) => fields.find((f) => f.name === name)!.type;
    expect(type('year').typeId).toBe(Type.Int);
    expect([type('year').bitWidth, type('year').isSigned]).toEqual([32, true]);
    expect(type('value').typeId).toBe(Type.Float);
    expect(String(type('value'))).toBe('Float64');
    for (const name of ['region', 'indicator', 'unit']) {
      expect(type(name).typeId, name).toBe(Type.Dictionary);
      expect(String(type(name)), name).toBe('Dictionary<Int32, Utf8>');
    }
    // three distinct indicators in four rows
    expect(tableFromIPC(tidyToArrowIPC(ROWS)).getChild('indicator')!.data[0].dictionary!.length).toBe(3);
  });

  it('keeps every value of a projection bit for bit', () => {
    const rows = zhejiangProjection().table();
    const back = tableFromIPC(tidyToArrowIPC(rows));
    expect(back.numRows).toBe(rows.length);
    const values = back.getChild('value')!.toArray() as Float64Array;
    const years = back.getChild('year')!.toArray() as Int32Array;
    rows.forEach((row, i) => {
      expect(Object.is(values[i], row.value), `row ${i}`).toBe(true);
      expect(years[i]).toBe(row.year);
    });
    expect(back.get(0)!.toJSON()).toEqual({ year: 2020, region: 'zj', indicator: 'population', value: 64_567_588, unit: 'persons' });
  });

  it('writes an empty table for no rows', () => {
    const table = tableFromIPC(tidyToArrowIPC([]));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual([...ARROW_COLUMNS]);
  });

  it('throws for a fractional year or a value that is not finite, naming the row', () => {
    const bad = [{ ...ROWS[0], year: 2020.5 }, ROWS[1], { ...ROWS[2], value: Number.NaN }];
    expect(() => tidyToArrowTable(bad)).toThrow(ChengzhenError);
    try {
      tidyToArrowIPC(bad);
    } catch (error) {
      expect((error as ChengzhenError).issues.map((i) => [i.path, i.message])).toEqual([
        [['rows', 0, 'year'], 'rows[0].year must be a whole year, received 2020.5'],
        [['rows', 2, 'value'], 'rows[2].value must be a finite number, received NaN'],
      ]);
    }
  });
});

const python = spawnSync('python3', ['-c', 'import pyarrow'], { encoding: 'utf8' });
const hasPyarrow = python.status === 0;

describe('tidyToArrowIPC(rows) read by pyarrow', () => {
  it.skipIf(!hasPyarrow)(`reads back in pyarrow${hasPyarrow ? '' : ' (skipped: python3 with pyarrow not found)'}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'chengzhen-arrow-'));
    try {
      const file = join(dir, 'rows.arrow');
      writeFileSync(file, tidyToArrowIPC(ROWS));
      const script = `import json, sys, pyarrow.ipc as ipc\nt = ipc.open_file(sys.argv[1]).read_all()\nprint(json.dumps({"rows": t.to_pylist(), "types": [str(f.type) for f in t.schema]}))`;
      const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const out = JSON.parse(run.stdout);
      expect(out.types).toEqual(['int32', 'dictionary<values=string, indices=int32, ordered=0>', 'dictionary<values=string, indices=int32, ordered=0>', 'double', 'dictionary<values=string, indices=int32, ordered=0>']);
      expect(out.rows).toEqual(ROWS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
