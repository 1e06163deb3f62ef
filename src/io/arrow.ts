/**
 * Tidy rows as Apache Arrow IPC bytes (the file format, `.arrow` / Feather v2), for pandas,
 * polars, R's arrow, DuckDB and Observable: `year` int32, `region`, `indicator` and `unit`
 * dictionary-encoded UTF-8 (int32 indices), `value` float64. No file system: the caller
 * writes the bytes.
 */

import { Dictionary, Int32, makeVector, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { ChengzhenError, type ChengzhenIssue } from '../errors.js';
import type { TidyRow } from '../model/projection.js';

/**
 * The column names of the Arrow table, in order.
 *
 * @example
 * tidyToArrowTable([{ year: 2030, region: 'zj', indicator: 'population', value: 6.5e7, unit: 'persons' }]).schema.fields.map((f) => f.name)
 * // => ['year', 'region', 'indicator', 'value', 'unit']
 */
export const ARROW_COLUMNS = Object.freeze(['year', 'region', 'indicator', 'value', 'unit'] as const);

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** The most issues listed before giving up: a table of bad rows needs no million messages. */
const MAX_ISSUES = 20;

function checkRows(rows: readonly TidyRow[]): void {
  const issues: ChengzhenIssue[] = [];
  for (let i = 0; i < rows.length && issues.length < MAX_ISSUES; i++) {
    const { year, value, region, indicator, unit } = rows[i];
    if (!Number.isInteger(year) || year < INT32_MIN || year > INT32_MAX) {
      issues.push({ code: 'invalid_type', path: ['rows', i, 'year'], message: `rows[${i}].year must be a whole year, received ${String(year)}`, expected: 'an int32 integer', received: String(year) });
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({ code: 'not_finite', path: ['rows', i, 'value'], message: `rows[${i}].value must be a finite number, received ${String(value)}`, expected: 'a finite number', received: String(value) });
    }
    for (const [name, text] of [['region', region], ['indicator', indicator], ['unit', unit]] as const) {
      if (typeof text !== 'string') {
        issues.push({ code: 'invalid_type', path: ['rows', i, name], message: `rows[${i}].${name} must be a string, received ${typeof text}`, expected: 'a string', received: typeof text });
      }
    }
  }
  if (issues.length > 0) throw new ChengzhenError(issues);
}

const dictionary = () => new Dictionary(new Utf8(), new Int32());

/**
 * Tidy rows as an Arrow table.
 *
 * @throws {ChengzhenError} for a year that is not an int32 integer, a value that is not
 * finite, or a text column that is not a string.
 * @example
 * tidyToArrowTable([{ year: 2030, region: 'zj', indicator: 'population', value: 6.5e7, unit: 'persons' }]).numRows
 * // => 1
 */
export function tidyToArrowTable(rows: readonly TidyRow[]): Table {
  checkRows(rows);
  const n = rows.length;
  const year = new Int32Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    year[i] = rows[i].year;
    value[i] = rows[i].value;
  }
  return new Table({
    year: makeVector(year),
    region: vectorFromArray(rows.map((r) => r.region), dictionary()),
    indicator: vectorFromArray(rows.map((r) => r.indicator), dictionary()),
    value: makeVector(value),
    unit: vectorFromArray(rows.map((r) => r.unit), dictionary()),
  });
}

/**
 * Tidy rows as the bytes of an Arrow IPC file (starts and ends with `ARROW1`), readable with
 * `pyarrow.ipc.open_file`, `pandas.read_feather`, `polars.read_ipc` or apache-arrow's
 * `tableFromIPC`.
 *
 * @throws {ChengzhenError} as {@link tidyToArrowTable}.
 * @example
 * const projection = project(getPreset('zhejiang-2023').scenario);
 * new TextDecoder().decode(tidyToArrowIPC(projection.table()).subarray(0, 6))
 * // => 'ARROW1'
 */
export function tidyToArrowIPC(rows: readonly TidyRow[]): Uint8Array {
  return tableToIPC(tidyToArrowTable(rows), 'file');
}

