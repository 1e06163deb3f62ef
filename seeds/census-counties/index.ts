/**
 * China's 2020 and 2010 censuses by county (中国人口普查分县资料), as compiled by Lei Dong et
 * al., "China Census" (GitHub leiii/census, MIT licence, Copyright (c) 2022 Lei Dong; see
 * LICENSE and README.md beside this file).
 *
 * Each census is a frozen columnar table: one entry per row of the source in its order (nation,
 * provinces, prefectures, counties, development zones), text columns as strings and number
 * columns as numbers, `null` where the source has no value. Nothing is reconciled here: the
 * rows are as published, including those counted twice (see `src/model/counties`).
 */
import type { DataSource } from '../types.js';
import { CENSUS_2010_COUNTIES_ENCODED } from './census2010Counties.js';
import { CENSUS_2020_COUNTIES_ENCODED } from './census2020Counties.js';

/** The 19 age groups of the county tables, in column order. */
export const COUNTY_CENSUS_AGE_GROUPS = [
  '0', '1-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49',
  '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85+',
] as const;

/** First age of each county age group; the last (85+) is open. */
export const COUNTY_CENSUS_AGE_STARTS: readonly number[] = Object.freeze([0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85]);

/** A census table by county: frozen columns over `rows` rows. */
export interface CountyCensusTable<Text extends string, Numbers extends string> {
  source: DataSource;
  /** Census year; the census counted residents on 1 November. */
  year: number;
  rows: number;
  text: Readonly<Record<Text, readonly string[]>>;
  numbers: Readonly<Record<Numbers, readonly (number | null)[]>>;
}

type Encoded = { rows: number; year: number; file: string; text: Readonly<Record<string, string>>; numbers: Readonly<Record<string, string>> };

/**
 * The table with its columns decoded on first use: importing chengzhen does not pay for
 * parsing 300,000 numbers unless a county table is read. The object and its columns are frozen.
 */
function decode<T extends string, N extends string>(encoded: Encoded, source: DataSource): CountyCensusTable<T, N> {
  let columns: { text: Readonly<Record<T, readonly string[]>>; numbers: Readonly<Record<N, readonly (number | null)[]>> } | undefined;
  const load = () => {
    if (columns === undefined) {
      const text: Record<string, readonly string[]> = {};
      for (const [key, cell] of Object.entries(encoded.text)) text[key] = Object.freeze(cell.split('|'));
      const numbers: Record<string, readonly (number | null)[]> = {};
      for (const [key, cell] of Object.entries(encoded.numbers)) {
        numbers[key] = Object.freeze(cell.split(',').map((v) => (v === '' ? null : Number(v))));
      }
      columns = {
        text: Object.freeze(text) as Readonly<Record<T, readonly string[]>>,
        numbers: Object.freeze(numbers) as Readonly<Record<N, readonly (number | null)[]>>,
      };
    }
    return columns;
  };
  return Object.freeze({
    source: Object.freeze(source),
    year: encoded.year,
    rows: encoded.rows,
    get text() {
      return load().text;
    },
    get numbers() {
      return load().numbers;
    },
  });
}

const NOTES =
  'Repository snapshot HEAD 0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087; licence MIT, Copyright (c) 2022 Lei Dong. ' +
  'Read with openpyxl cell by cell into CSV with English column names (no number changed), then written into this ' +
  'module by scripts/convertCountyCensus.ts, which keeps the columns the model uses and changes no number.';

/** Where the 2020 county table was read from. */
export const CENSUS_2020_COUNTIES_SOURCE: DataSource = Object.freeze({
  citation:
    'National Bureau of Statistics, 中国人口普查分县资料-2020 (2020 census county-level data), as compiled by Lei Dong et al., "China Census"',
  repository: 'leiii/census',
  path: 'data/census/census_county_2020_v1.xlsx',
  commit: '0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087',
  notes: NOTES,
});

/** Where the 2010 county table was read from. */
export const CENSUS_2010_COUNTIES_SOURCE: DataSource = Object.freeze({
  citation:
    'National Bureau of Statistics, 中国2010年人口普查分县资料 (2010 census county-level data), as compiled by Lei Dong et al., "China Census"',
  repository: 'leiii/census',
  path: 'data/census/census_county_2010_v1.xlsx',
  commit: '0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087',
  notes: NOTES + ' Blank separator rows and a forum watermark row of the yearbook scan (no code, no figures) were left out.',
});

/** Text columns of the 2020 county table. `level` is nation, province, prefecture, county or zone. */
export type County2020Text = keyof typeof CENSUS_2020_COUNTIES_ENCODED.text;
/** Number columns of the 2020 county table (persons, except the per-woman and schooling averages). */
export type County2020Numbers = keyof typeof CENSUS_2020_COUNTIES_ENCODED.numbers;
/** Text columns of the 2010 county table. `level` is province, subtotal, prefecture, county or other. */
export type County2010Text = keyof typeof CENSUS_2010_COUNTIES_ENCODED.text;
/** Number columns of the 2010 county table. */
export type County2010Numbers = keyof typeof CENSUS_2010_COUNTIES_ENCODED.numbers;

/**
 * The 2020 census by county (1 November 2020): 3,358 rows, the national row first.
 *
 * @example
 * CENSUS_2020_COUNTIES.numbers.population[0];
 * // => 1409778724
 */
export const CENSUS_2020_COUNTIES: CountyCensusTable<County2020Text, County2020Numbers> = decode(CENSUS_2020_COUNTIES_ENCODED, CENSUS_2020_COUNTIES_SOURCE);

/**
 * The 2010 census by county (1 November 2010), with 2010 codes: 3,248 rows, Beijing first.
 *
 * @example
 * CENSUS_2010_COUNTIES.text.name[0];
 * // => '北京市'
 */
export const CENSUS_2010_COUNTIES: CountyCensusTable<County2010Text, County2010Numbers> = decode(CENSUS_2010_COUNTIES_ENCODED, CENSUS_2010_COUNTIES_SOURCE);
