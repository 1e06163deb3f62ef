/**
 * City size tiers by city-proper residents (城区常住人口), the classification of 国发〔2014〕51号
 * (关于调整城市规模划分标准的通知) that the national plan 国发〔2024〕17号 二(二)1 uses for
 * settlement policy: under 3 million drop limits, 3-5 million relax them, over 5 million keep
 * points systems. Bounds follow the notice's convention that 以上 includes the bound and 以下
 * excludes it: 超大 >= 10 M, 特大 5-10 M, I型大 3-5 M, II型大 1-3 M, 中等 0.5-1 M, 小 < 0.5 M.
 *
 * Every leaf unit takes its prefecture's tier. A prefecture's 城区人口 is the census `core_urban`
 * of its row; the four municipalities carry it on their province row, which all their
 * prefecture rows (市辖区, 县) take. Prefectures without a figure (autonomous prefectures, 地区,
 * 盟, and the counties directly under a province) take the largest 城区人口 of their counties (the
 * seat city's), and `small` when none of them has one.
 */
import { CENSUS_2020_COUNTIES, type County2020Numbers, type County2020Text, type CountyCensusTable } from '../../../seeds/census-counties/index.js';
import { ChengzhenError } from '../../errors.js';
import { CITY_TIERS } from '../../schema/scenario.js';
import { countyLeaves2020, type CountyLeaves } from './countyLeaves.js';

/** The six city tiers of the scenario schema's `CITY_TIERS` (超大 `megacity` ... 小 `small`), largest first. */
export type CityTier = Exclude<(typeof CITY_TIERS)[number], 'province' | 'country'>;

/** A tier with its label and its lower bound of city-proper residents (persons, inclusive). */
export interface CityTierDefinition {
  key: CityTier;
  labelZh: string;
  labelEn: string;
  minCoreUrbanPersons: number;
}

/**
 * The tiers of 国发〔2014〕51号, largest first, keyed as the scenario schema's `CITY_TIERS`.
 *
 * @example
 * CITY_SIZE_TIERS.map((t) => t.labelZh);
 * // => ['超大城市', '特大城市', 'I型大城市', 'II型大城市', '中等城市', '小城市']
 */
export const CITY_SIZE_TIERS: readonly CityTierDefinition[] = Object.freeze([
  { key: 'megacity', labelZh: '超大城市', labelEn: 'super-large city (10 M and over)', minCoreUrbanPersons: 10_000_000 },
  { key: 'supercity', labelZh: '特大城市', labelEn: 'extra-large city (5-10 M)', minCoreUrbanPersons: 5_000_000 },
  { key: 'large-1', labelZh: 'I型大城市', labelEn: 'type I large city (3-5 M)', minCoreUrbanPersons: 3_000_000 },
  { key: 'large-2', labelZh: 'II型大城市', labelEn: 'type II large city (1-3 M)', minCoreUrbanPersons: 1_000_000 },
  { key: 'medium', labelZh: '中等城市', labelEn: 'medium city (0.5-1 M)', minCoreUrbanPersons: 500_000 },
  { key: 'small', labelZh: '小城市', labelEn: 'small city (under 0.5 M)', minCoreUrbanPersons: 0 },
].map((t) => Object.freeze(t as CityTierDefinition)));

/**
 * The tier of a city with `coreUrbanPersons` city-proper residents.
 *
 * @throws {ChengzhenError} when the count is negative or not finite
 * @example
 * [cityTierOf(10_000_000), cityTierOf(9_999_999), cityTierOf(2_999_999), cityTierOf(499_999)];
 * // => ['megacity', 'supercity', 'large-2', 'small']
 */
export function cityTierOf(coreUrbanPersons: number): CityTier {
  if (!(coreUrbanPersons >= 0 && coreUrbanPersons < Infinity)) {
    throw new ChengzhenError([{ code: 'out_of_range', path: ['coreUrbanPersons'], message: `coreUrbanPersons must be finite and >= 0, received ${coreUrbanPersons}`, expected: '[0, Infinity)', received: String(coreUrbanPersons) }]);
  }
  for (const t of CITY_SIZE_TIERS) if (coreUrbanPersons >= t.minCoreUrbanPersons) return t.key;
  return 'small';
}

/** The tier of one prefecture and what it rests on. */
export interface PrefectureTier {
  prefectureCode: number;
  name: string;
  provinceCode: number;
  /** City-proper residents used for the tier, persons; null when no row gives one. */
  coreUrbanPersons: number | null;
  tier: CityTier;
  basis: 'prefecture row' | 'municipality row' | 'largest county' | 'no figure';
}

const MUNICIPALITIES = new Set([110000, 120000, 310000, 500000]);

/**
 * The tier of every prefecture of the 2020 county census (stand-ins for counties directly under
 * a province included), in code order.
 *
 * @example
 * prefectureTiers2020().filter((p) => p.tier === 'megacity').length;
 * // => 8
 */
export function prefectureTiers2020(
  table: CountyCensusTable<County2020Text, County2020Numbers> = CENSUS_2020_COUNTIES,
  leaves: CountyLeaves = countyLeaves2020(table),
): readonly PrefectureTier[] {
  const core = table.numbers.core_urban;
  const largestCounty = new Map<number, number>();
  for (const l of leaves.leaves) {
    const v = core[l.row];
    if (l.kind === 'county' && v !== null) largestCounty.set(l.prefectureCode, Math.max(v, largestCounty.get(l.prefectureCode) ?? 0));
  }
  const provinceRow = new Map(leaves.provinces.map((p) => [p.code, p.row]));
  return Object.freeze(leaves.prefectures.map((p) => {
    let coreUrbanPersons: number | null = null;
    let basis: PrefectureTier['basis'] = 'no figure';
    if (MUNICIPALITIES.has(p.provinceCode)) {
      coreUrbanPersons = core[provinceRow.get(p.provinceCode)!];
      basis = 'municipality row';
    } else if (p.row !== null && core[p.row] !== null) {
      coreUrbanPersons = core[p.row];
      basis = 'prefecture row';
    } else if (largestCounty.has(p.code)) {
      coreUrbanPersons = largestCounty.get(p.code)!;
      basis = 'largest county';
    }
    return Object.freeze({ prefectureCode: p.code, name: p.name, provinceCode: p.provinceCode, coreUrbanPersons, tier: coreUrbanPersons === null ? 'small' : cityTierOf(coreUrbanPersons), basis });
  }));
}

/**
 * The tier of every leaf unit: its prefecture's. Index i belongs to `leaves.leaves[i]`.
 *
 * @example
 * const leaves = countyLeaves2020();
 * const tiers = leafTiers2020(leaves);
 * tiers[leaves.leaves.findIndex((l) => l.name === '浦东新区')];
 * // => 'megacity'
 */
export function leafTiers2020(leaves: CountyLeaves = countyLeaves2020(), prefectures: readonly PrefectureTier[] = prefectureTiers2020(CENSUS_2020_COUNTIES, leaves)): readonly CityTier[] {
  const byCode = new Map(prefectures.map((p) => [p.prefectureCode, p.tier]));
  return Object.freeze(leaves.leaves.map((l) => byCode.get(l.prefectureCode) ?? 'small'));
}

/** A city as the tier lists count it: a prefecture, or a whole municipality. */
export interface TieredCity {
  /** Prefecture code, or the province code of a municipality. */
  code: number;
  name: string;
  coreUrbanPersons: number | null;
  tier: CityTier;
}

/**
 * The cities of the 2020 census by tier, largest city proper first: each municipality once
 * (its province row), every other prefecture once.
 *
 * @example
 * tieredCities2020().filter((c) => c.tier === 'megacity').map((c) => c.name);
 * // => ['上海市', '北京市', '深圳市', '重庆市', '广州市', '成都市', '天津市']
 */
export function tieredCities2020(prefectures: readonly PrefectureTier[] = prefectureTiers2020()): readonly TieredCity[] {
  const cities: TieredCity[] = [];
  const seen = new Set<number>();
  for (const p of prefectures) {
    if (MUNICIPALITIES.has(p.provinceCode)) {
      if (seen.has(p.provinceCode)) continue;
      seen.add(p.provinceCode);
      const name = { 110000: '北京市', 120000: '天津市', 310000: '上海市', 500000: '重庆市' }[p.provinceCode as 110000] ?? p.name;
      cities.push({ code: p.provinceCode, name, coreUrbanPersons: p.coreUrbanPersons, tier: p.tier });
    } else {
      cities.push({ code: p.prefectureCode, name: p.name, coreUrbanPersons: p.coreUrbanPersons, tier: p.tier });
    }
  }
  cities.sort((a, b) => (b.coreUrbanPersons ?? -1) - (a.coreUrbanPersons ?? -1) || a.code - b.code);
  return Object.freeze(cities.map((c) => Object.freeze(c)));
}
