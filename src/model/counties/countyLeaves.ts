/**
 * The leaf units of the 2020 county census: the rows that, taken together, count every resident
 * of a province exactly once, each with its prefecture and province.
 *
 * The yearbook lists provinces, prefectures, counties (区, 县, 县级市, 旗 ...) and development
 * zones reported apart. Its rows overlap; the rule (docs/counties.md):
 *
 * 1. Every `county` row is a leaf. Its prefecture is the prefecture row whose code shares its
 *    first four digits; failing that, the prefecture row of its province with the name in its
 *    `prefecture` field (五台山风景名胜区 has code 170971 but lies in 忻州市, Shanxi); failing
 *    that, it is a county under its province directly (省直辖县级行政区划: 仙桃, 济源, 石河子 ...),
 *    put in a stand-in prefecture with code `<province two digits>9000`.
 * 2. A `zone` row whose `prefecture` field names a prefecture of its province is a leaf of that
 *    prefecture.
 * 3. Other `zone` rows are dropped, because they are counted twice: `省直辖县级行政区划` and
 *    `自治区直辖县级行政区划` (Hubei, Hainan, Xinjiang) sum the counties listed under the province
 *    directly; the three island rows of 三沙市 (Hainan) are parts of the 三沙市 prefecture row.
 * 4. A `prefecture` row with no county and no zone under it is a leaf (东莞, 中山, 嘉峪关, 儋州, 三沙).
 *
 * The result is 2,987 leaves; their counts add up to their province rows in all 31 provinces
 * except for missing cells, which `reconcileCountyCensus2020` fills and rakes.
 */
import { CENSUS_2020_COUNTIES, type County2020Numbers, type County2020Text, type CountyCensusTable } from '../../../seeds/census-counties/index.js';
import { ChengzhenError } from '../../errors.js';

/** What a leaf row is in the yearbook. */
export type CountyLeafKind = 'county' | 'zone' | 'prefecture';

/** One leaf unit of the 2020 county census. */
export interface CountyLeaf {
  /** Stable id: the 2020 code (`'110101'`), or `<prefecture code>:<name>` for a zone without one. */
  id: string;
  /** 2020 administrative code, or null for a zone. */
  code: number | null;
  name: string;
  kind: CountyLeafKind;
  /** Row of the leaf in `CENSUS_2020_COUNTIES`. */
  row: number;
  provinceCode: number;
  /** Code of the prefecture the leaf belongs to (`<province two digits>9000` for counties directly under the province). */
  prefectureCode: number;
}

/** A prefecture of the 2020 census, or a stand-in for the counties directly under a province. */
export interface CountyPrefecture {
  code: number;
  name: string;
  provinceCode: number;
  /** Row of the prefecture in `CENSUS_2020_COUNTIES`, or null for a stand-in. */
  row: number | null;
}

/** A province row of the 2020 census. */
export interface CountyProvince {
  code: number;
  name: string;
  row: number;
}

/** A row left out because the people in it are counted in other rows. */
export interface DroppedCountyRow {
  row: number;
  name: string;
  provinceCode: number;
  reason: 'sum of the counties directly under the province' | 'part of a prefecture row that is a leaf';
}

/** The leaves of the 2020 county census with their prefectures and provinces. */
export interface CountyLeaves {
  leaves: readonly CountyLeaf[];
  prefectures: readonly CountyPrefecture[];
  provinces: readonly CountyProvince[];
  dropped: readonly DroppedCountyRow[];
}

type Table2020 = CountyCensusTable<County2020Text, County2020Numbers>;

/**
 * Code of the stand-in prefecture of the counties directly under a province.
 *
 * @example
 * provinceDirectPrefectureCode(420000);
 * // => 429000
 */
export function provinceDirectPrefectureCode(provinceCode: number): number {
  return Math.floor(provinceCode / 10000) * 10000 + 9000;
}

/**
 * Finds the leaf units of the 2020 county census by the rule above.
 *
 * @param table the census table (default: the shipped `CENSUS_2020_COUNTIES`)
 * @throws {ChengzhenError} when a row names a province that has no province row
 * @example
 * countyLeaves2020().leaves.length;
 * // => 2987
 */
export function countyLeaves2020(table: Table2020 = CENSUS_2020_COUNTIES): CountyLeaves {
  const { level, code, province, prefecture, name } = table.text;
  const provinces: CountyProvince[] = [];
  const provinceByName = new Map<string, CountyProvince>();
  for (let r = 0; r < table.rows; r++) {
    if (level[r] !== 'province') continue;
    const p = { code: Number(code[r]), name: name[r], row: r };
    provinces.push(p);
    provinceByName.set(province[r], p);
  }
  const provinceOf = (r: number): CountyProvince => {
    const p = provinceByName.get(province[r]);
    if (p === undefined) {
      throw new ChengzhenError([{ code: 'invalid_value', path: ['census2020', r, 'province'], message: `census2020[${r}].province names no province row, received ${province[r]}`, received: province[r] }]);
    }
    return p;
  };

  const prefectures: CountyPrefecture[] = [];
  const prefectureByCode = new Map<number, CountyPrefecture>();
  const prefectureByName = new Map<string, CountyPrefecture[]>();
  for (let r = 0; r < table.rows; r++) {
    if (level[r] !== 'prefecture') continue;
    const p: CountyPrefecture = { code: Number(code[r]), name: name[r] === '市辖区' || name[r] === '县' ? `${prefecture[r]}${name[r]}` : name[r], provinceCode: provinceOf(r).code, row: r };
    prefectures.push(p);
    prefectureByCode.set(p.code, p);
    const key = `${province[r]}/${prefecture[r]}`;
    prefectureByName.set(key, [...(prefectureByName.get(key) ?? []), p]);
  }
  const byName = (r: number): CountyPrefecture | undefined => {
    const found = prefectureByName.get(`${province[r]}/${prefecture[r]}`);
    return found !== undefined && found.length === 1 ? found[0] : undefined;
  };

  const leaves: CountyLeaf[] = [];
  const dropped: DroppedCountyRow[] = [];
  const hasLeafUnder = new Set<number>();
  for (let r = 0; r < table.rows; r++) {
    if (level[r] === 'county') {
      const provinceCode = provinceOf(r).code;
      const c = Number(code[r]);
      const byCode = prefectureByCode.get(Math.floor(c / 100) * 100);
      let pref = byCode !== undefined && byCode.provinceCode === provinceCode ? byCode : byName(r);
      if (pref === undefined) {
        const standIn = provinceDirectPrefectureCode(provinceCode);
        pref = prefectureByCode.get(standIn);
        if (pref === undefined) {
          pref = { code: standIn, name: '省直辖县级行政区划', provinceCode, row: null };
          prefectures.push(pref);
          prefectureByCode.set(standIn, pref);
        }
      }
      hasLeafUnder.add(pref.code);
      leaves.push({ id: code[r], code: c, name: name[r], kind: 'county', row: r, provinceCode, prefectureCode: pref.code });
    } else if (level[r] === 'zone') {
      const provinceCode = provinceOf(r).code;
      const pref = byName(r);
      if (pref !== undefined) {
        hasLeafUnder.add(pref.code);
        leaves.push({ id: `${pref.code}:${name[r]}`, code: null, name: name[r], kind: 'zone', row: r, provinceCode, prefectureCode: pref.code });
      } else {
        dropped.push({
          row: r,
          name: name[r],
          provinceCode,
          reason: name[r].includes('直辖县级行政区划') ? 'sum of the counties directly under the province' : 'part of a prefecture row that is a leaf',
        });
      }
    }
  }
  for (const p of prefectures) {
    if (p.row !== null && !hasLeafUnder.has(p.code)) {
      leaves.push({ id: String(p.code), code: p.code, name: p.name, kind: 'prefecture', row: p.row, provinceCode: p.provinceCode, prefectureCode: p.code });
    }
  }
  // leaves in the order of the yearbook's rows, so ids and indices are deterministic
  leaves.sort((a, b) => a.row - b.row);
  prefectures.sort((a, b) => a.code - b.code);
  return Object.freeze({
    leaves: Object.freeze(leaves.map((l) => Object.freeze(l))),
    prefectures: Object.freeze(prefectures.map((p) => Object.freeze(p))),
    provinces: Object.freeze(provinces.map((p) => Object.freeze(p))),
    dropped: Object.freeze(dropped.map((d) => Object.freeze(d))),
  });
}
