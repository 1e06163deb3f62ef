/**
 * Matching the 2010 county census to the 2020 leaves: the smallest units present in both years.
 *
 * Hundreds of counties were merged, split, renamed or recoded between the censuses (县 became 区,
 * prefectures such as 莱芜 were merged, 毕节 and 铜仁 became cities). Rule:
 * 1. A 2020 leaf and a 2010 leaf with the same code in the same province are the same unit.
 * 2. Of the leaves left, a 2020 and a 2010 leaf with the same name, unique in their province in
 *    both years, are the same unit (a recode only: 毕节's 大方县 522422 -> 520521).
 * 3. Any leaf still unmatched marks its prefecture as changed; every leaf of a changed
 *    prefecture, in either year, joins one unit for that prefecture code (the four
 *    municipalities count as one prefecture each). Units linked by 1 or 2 merge with it, so a
 *    prefecture merged into another (莱芜 into 济南) joins the unit of its successor.
 * 4. A unit that still has leaves in one year only (三沙, set up in 2012 from Hainan's islands)
 *    joins the unit of its province's counties under the province directly, or else the
 *    province's most populous unit.
 * A unit's 2010 and 2020 populations then count the same territory, up to the census's own
 * coverage.
 */
import { CENSUS_2010_COUNTIES, CENSUS_2020_COUNTIES } from '../../../seeds/census-counties/index.js';
import { countyLeaves2020, provinceDirectPrefectureCode, type CountyLeaves } from './countyLeaves.js';
import { countyLeaves2010, type CountyLeaves2010 } from './countyLeaves2010.js';

/** A unit present in both censuses: the 2020 leaves and the 2010 leaves covering the same territory. */
export interface MatchedUnit {
  /** The 2020 leaf id when the unit is one leaf in both years, else `P<prefecture code>` (or the id of its largest 2020 leaf with `+`). */
  id: string;
  /** Indices into the 2020 leaves. */
  leaves2020: readonly number[];
  /** Indices into the 2010 leaves. */
  leaves2010: readonly number[];
  /** How the unit was formed: `code`, `name`, or `aggregate` (rules 3-4). */
  basis: 'code' | 'name' | 'aggregate';
}

/** The match of the two censuses. */
export interface CensusMatch {
  leaves2020: CountyLeaves;
  leaves2010: CountyLeaves2010;
  units: readonly MatchedUnit[];
  /** Unit index of each 2020 leaf. */
  unitOf2020: Int32Array;
  /** Unit index of each 2010 leaf. */
  unitOf2010: Int32Array;
}

const MUNICIPALITIES = new Set([110000, 120000, 310000, 500000]);

/**
 * Matches the 2010 leaves to the 2020 leaves by the rule above.
 *
 * @example
 * const m = matchCensus2010();
 * m.units.filter((u) => u.basis === 'code').length > 900;
 * // => true
 */
export function matchCensus2010(leaves2020: CountyLeaves = countyLeaves2020(CENSUS_2020_COUNTIES), leaves2010: CountyLeaves2010 = countyLeaves2010(CENSUS_2010_COUNTIES)): CensusMatch {
  const L20 = leaves2020.leaves;
  const L10 = leaves2010.leaves;
  const n20 = L20.length;
  const n10 = L10.length;
  // union-find over 2020 leaves [0, n20), 2010 leaves [n20, n20 + n10) and prefecture nodes after
  const parent: number[] = [];
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let i = 0; i < n20 + n10; i++) parent.push(i);

  const matched20 = new Uint8Array(n20);
  const matched10 = new Uint8Array(n10);
  const how = new Map<number, 'code' | 'name'>();
  const byCode10 = new Map<number, number>();
  L10.forEach((l, j) => {
    if (l.code !== null) byCode10.set(l.code, j);
  });
  L20.forEach((l, i) => {
    const j = l.code === null ? undefined : byCode10.get(l.code);
    if (j !== undefined && L10[j].provinceCode === l.provinceCode) {
      union(i, n20 + j);
      matched20[i] = 1;
      matched10[j] = 1;
      how.set(i, 'code');
    }
  });
  const byName = <T extends { provinceCode: number; name: string }>(list: readonly T[], matched: Uint8Array) => {
    const out = new Map<string, number[]>();
    list.forEach((l, i) => {
      if (matched[i]) return;
      const key = `${l.provinceCode}/${l.name}`;
      out.set(key, [...(out.get(key) ?? []), i]);
    });
    return out;
  };
  const names10 = byName(L10, matched10);
  for (const [key, list] of byName(L20, matched20)) {
    const other = names10.get(key);
    if (list.length === 1 && other !== undefined && other.length === 1) {
      union(list[0], n20 + other[0]);
      matched20[list[0]] = 1;
      matched10[other[0]] = 1;
      how.set(list[0], 'name');
    }
  }

  const prefectureKey = (l: { provinceCode: number; prefectureCode: number }) => (MUNICIPALITIES.has(l.provinceCode) ? l.provinceCode : l.prefectureCode);
  const changed = new Set<number>();
  L20.forEach((l, i) => {
    if (!matched20[i]) changed.add(prefectureKey(l));
  });
  L10.forEach((l, j) => {
    if (!matched10[j]) changed.add(prefectureKey(l));
  });
  const prefectureNode = new Map<number, number>();
  const nodeOf = (key: number) => {
    let node = prefectureNode.get(key);
    if (node === undefined) {
      node = parent.length;
      parent.push(node);
      prefectureNode.set(key, node);
    }
    return node;
  };
  L20.forEach((l, i) => {
    if (changed.has(prefectureKey(l))) union(i, nodeOf(prefectureKey(l)));
  });
  L10.forEach((l, j) => {
    if (changed.has(prefectureKey(l))) union(n20 + j, nodeOf(prefectureKey(l)));
  });

  // rule 4: units with leaves in one year only
  const population20 = CENSUS_2020_COUNTIES.numbers.population;
  const groups = () => {
    const g = new Map<number, { a: number[]; b: number[] }>();
    for (let i = 0; i < n20 + n10; i++) {
      const root = find(i);
      const entry = g.get(root) ?? { a: [], b: [] };
      if (i < n20) entry.a.push(i);
      else entry.b.push(i - n20);
      g.set(root, entry);
    }
    return g;
  };
  for (const { a, b } of groups().values()) {
    if (a.length > 0 && b.length > 0) continue;
    const province = a.length > 0 ? L20[a[0]].provinceCode : L10[b[0]].provinceCode;
    const anchor = a.length > 0 ? a[0] : n20 + b[0];
    const standIn = prefectureNode.get(provinceDirectPrefectureCode(province));
    if (standIn !== undefined && find(standIn) !== find(anchor)) {
      union(anchor, standIn);
      continue;
    }
    let best = -1;
    L20.forEach((l, i) => {
      if (l.provinceCode === province && find(i) !== find(anchor) && (best < 0 || (population20[l.row] ?? 0) > (population20[L20[best].row] ?? 0))) best = i;
    });
    if (best >= 0) union(anchor, best);
  }

  const unitOf2020 = new Int32Array(n20);
  const unitOf2010 = new Int32Array(n10);
  const units: MatchedUnit[] = [];
  const rootToUnit = new Map<number, number>();
  for (const [root, { a, b }] of [...groups()].sort((x, y) => Math.min(...x[1].a, n20) - Math.min(...y[1].a, n20))) {
    const index = units.length;
    rootToUnit.set(root, index);
    for (const i of a) unitOf2020[i] = index;
    for (const j of b) unitOf2010[j] = index;
    const single = a.length === 1 && b.length === 1;
    const basis = single ? how.get(a[0]) ?? 'aggregate' : 'aggregate';
    const key = a.length > 0 ? prefectureKey(L20[a[0]]) : 0;
    units.push(Object.freeze({
      id: single ? L20[a[0]].id : `P${key}${a.length > 0 && units.some((u) => u.id === `P${key}`) ? `+${L20[a[0]].id}` : ''}`,
      leaves2020: Object.freeze(a),
      leaves2010: Object.freeze(b),
      basis,
    }));
  }
  return Object.freeze({ leaves2020, leaves2010, units: Object.freeze(units), unitOf2020, unitOf2010 });
}
