/**
 * The leaf units of the 2010 county census, with 2010 codes.
 *
 * The 2010 table has no province or prefecture column: rows follow the yearbook's order
 * (province, then its prefectures each followed by their counties). Rule:
 * 1. Every `county` row is a leaf; its prefecture is the prefecture row whose code shares its
 *    first four digits, else the stand-in `<province two digits>9000` (counties directly under
 *    the province, and the districts and counties of the four municipalities, which have no
 *    prefecture rows in 2010).
 * 2. An `other` row (a unit whose code the yearbook did not print: 加格达奇, 平桂管理区,
 *    芒崖行委, the Xisha islands ...) is a leaf of the prefecture of the row above it (the
 *    prefecture row itself, or the prefecture of the county above), except `自治区直辖县级行政区划`
 *    (Xinjiang), which sums the counties listed under the province directly.
 * 3. A `prefecture` row with no county under it is a leaf (东莞, 中山, 嘉峪关).
 * 4. `subtotal` rows (市辖区 sums) are not leaves.
 * The leaves add up exactly to the 31 province rows (1,332,810,869 residents).
 */
import { CENSUS_2010_COUNTIES, type County2010Numbers, type County2010Text, type CountyCensusTable } from '../../../seeds/census-counties/index.js';
import { provinceDirectPrefectureCode } from './countyLeaves.js';

/** One leaf unit of the 2010 county census. */
export interface CountyLeaf2010 {
  /** The 2010 code (`'110103'`), or `<prefecture code>:<name>` for a row without one. */
  id: string;
  code: number | null;
  name: string;
  kind: 'county' | 'other' | 'prefecture';
  /** Row in `CENSUS_2010_COUNTIES`. */
  row: number;
  provinceCode: number;
  prefectureCode: number;
}

/** The leaves of the 2010 county census and its province rows. */
export interface CountyLeaves2010 {
  leaves: readonly CountyLeaf2010[];
  provinces: readonly { code: number; name: string; row: number }[];
}

/**
 * Finds the leaf units of the 2010 county census by the rule above.
 *
 * @example
 * countyLeaves2010().leaves.length;
 * // => 2872
 */
export function countyLeaves2010(table: CountyCensusTable<County2010Text, County2010Numbers> = CENSUS_2010_COUNTIES): CountyLeaves2010 {
  const { level, code, name } = table.text;
  const prefectureCodes = new Set<number>();
  const countyPrefixes = new Set<number>();
  for (let r = 0; r < table.rows; r++) {
    if (level[r] === 'prefecture') prefectureCodes.add(Number(code[r]));
    if (level[r] === 'county') countyPrefixes.add(Math.floor(Number(code[r]) / 100) * 100);
  }
  const leaves: CountyLeaf2010[] = [];
  const provinces: { code: number; name: string; row: number }[] = [];
  let provinceCode = 0;
  let currentPrefecture = 0;
  for (let r = 0; r < table.rows; r++) {
    const l = level[r];
    if (l === 'province') {
      provinceCode = Number(code[r]);
      currentPrefecture = provinceDirectPrefectureCode(provinceCode);
      provinces.push(Object.freeze({ code: provinceCode, name: name[r], row: r }));
    } else if (l === 'prefecture') {
      currentPrefecture = Number(code[r]);
      if (!countyPrefixes.has(currentPrefecture)) {
        leaves.push({ id: code[r], code: currentPrefecture, name: name[r], kind: 'prefecture', row: r, provinceCode, prefectureCode: currentPrefecture });
      }
    } else if (l === 'county') {
      const c = Number(code[r]);
      const prefix = Math.floor(c / 100) * 100;
      const prefectureCode = prefectureCodes.has(prefix) ? prefix : provinceDirectPrefectureCode(provinceCode);
      currentPrefecture = prefectureCode;
      leaves.push({ id: code[r], code: c, name: name[r], kind: 'county', row: r, provinceCode, prefectureCode });
    } else if (l === 'other' && !name[r].includes('直辖县级行政区划')) {
      leaves.push({ id: `${currentPrefecture}:${name[r]}`, code: null, name: name[r], kind: 'other', row: r, provinceCode, prefectureCode: currentPrefecture });
    }
  }
  return Object.freeze({ leaves: Object.freeze(leaves.map((x) => Object.freeze(x))), provinces: Object.freeze(provinces) });
}
