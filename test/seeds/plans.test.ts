import { describe, expect, it } from 'vitest';
import { PLAN_DOCUMENTS } from '../../seeds/index.js';
import type { PlanDocument, PlanTarget } from '../../seeds/types.js';
import { PLAN_NATIONAL_2024 } from '../../seeds/plans/national-2024.js';
import { PLAN_SHANGHAI_2024 } from '../../seeds/plans/shanghai-2024.js';
import { PLAN_SHANGHAI_14FYP } from '../../seeds/plans/shanghai-14fyp.js';
import { PLAN_SHANDONG_2021 } from '../../seeds/plans/shandong-2021.js';
import { PLAN_ZHEJIANG_2023 } from '../../seeds/plans/zhejiang-2023.js';

/** Indicator keys a modelled target may name (model.md sections 4 and 5, and the plan levers). */
const INDICATORS = new Set([
  'residentUrbanisationRate',
  'residentUrbanisationRateAnnualChange',
  'hukouUrbanisationRate',
  'population',
  'migrantChildrenPublicSchoolShare',
  'schoolPlaces',
  'kindergartensBuilt',
  'preschoolInclusiveShare',
  'childcarePlacesPer1000Residents',
  'childcarePlaces',
  'rentalHousingUnits',
  'rentalHousingBeds',
  'doctorsPer1000Residents',
  'elderlyCareBeds',
  'nursingBedShare',
  'clinics',
  'hukouSettlements',
]);

/** 一 .. 九十九 to a number; undefined when the text is not a Chinese numeral. */
function chineseNumeral(text: string): number | undefined {
  const digits = '一二三四五六七八九';
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (m === null || text === '') return undefined;
  const [, tens, ten, units] = m;
  if (ten === '' && tens !== '') return digits.indexOf(tens) + 1;
  const t = ten === '' ? 0 : tens === '' ? 1 : digits.indexOf(tens) + 1;
  return t * 10 + (units === '' ? 0 : digits.indexOf(units) + 1);
}

/** The section each numbered item or heading belongs to, by its number range. */
function sectionOf(ranges: Record<string, [number, number]>, n: number): string | undefined {
  return Object.entries(ranges).find(([, [lo, hi]]) => n >= lo && n <= hi)?.[0];
}

/** Clause grammars: a clause must name a heading that exists in the document. */
const CLAUSE_CHECKS: Record<string, (clause: string) => boolean> = {
  'national-2024': (c) => /^[一二三四五六](\([一二三]\)[1-6]?)?$/.test(c),
  'shanghai-2024': (c) => /^(二\([一二三四五六]\)|[三四五六]\([一二三四]\))$/.test(c),
  'shanghai-14fyp': (c) => /^1[0-5]\.[1-8](\.[1-9])?$/.test(c),
  'shandong-2021': (c) => {
    if (c === '二') return true;
    const m = /^([三四五六])(\d{1,2})$/.exec(c);
    if (m === null) return false;
    return sectionOf({ 三: [1, 4], 四: [5, 11], 五: [12, 20], 六: [21, 25] }, Number(m[2])) === m[1];
  },
  'zhejiang-2023': (c) => {
    if (c === '总的要求') return true;
    const m = /^([一二三四五六七])\(([一二三四五六七八九十]+)\)$/.exec(c);
    if (m === null) return false;
    const n = chineseNumeral(m[2]);
    const ranges: Record<string, [number, number]> = {
      一: [1, 5], 二: [6, 12], 三: [13, 17], 四: [18, 22], 五: [23, 24], 六: [25, 30], 七: [31, 32],
    };
    return n !== undefined && sectionOf(ranges, n) === m[1];
  },
};

const ALL_TARGETS: [string, PlanDocument, PlanTarget][] = PLAN_DOCUMENTS.flatMap((d) =>
  d.targets.map((t): [string, PlanDocument, PlanTarget] => [`${d.id}/${t.id}`, d, t]),
);

function target(doc: PlanDocument, id: string): PlanTarget {
  const t = doc.targets.find((x) => x.id === id);
  if (t === undefined) throw new Error(`no target ${id} in ${doc.id}`);
  return t;
}

describe('chineseNumeral(text)', () => {
  it('reads the numerals used as heading numbers', () => {
    expect(['一', '九', '十', '十三', '二十', '二十二', '三十二'].map(chineseNumeral)).toEqual([1, 9, 10, 13, 20, 22, 32]);
    expect(chineseNumeral('')).toBeUndefined();
    expect(chineseNumeral('十十')).toBeUndefined();
  });
});

describe('PLAN_DOCUMENTS', () => {
  it('lists the five documents in order, each from its own file', () => {
    expect(PLAN_DOCUMENTS.map((d) => d.id)).toEqual([
      'national-2024',
      'shanghai-2024',
      'shanghai-14fyp',
      'shandong-2021',
      'zhejiang-2023',
    ]);
    expect(PLAN_DOCUMENTS).toEqual([PLAN_NATIONAL_2024, PLAN_SHANGHAI_2024, PLAN_SHANGHAI_14FYP, PLAN_SHANDONG_2021, PLAN_ZHEJIANG_2023]);
  });

  it('gives each document its official number (the title for the 14th Five-Year Plan)', () => {
    expect(PLAN_DOCUMENTS.map((d) => d.document)).toEqual([
      '国发〔2024〕17号',
      '沪府发〔2024〕12号',
      '《上海市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》',
      '鲁政办字〔2021〕125号',
      '浙发改城镇函〔2023〕388号',
    ]);
    expect(PLAN_DOCUMENTS.map((d) => d.issued)).toEqual(['2024-07-28', '2024-12-30', '2021-01-27', '2021-11-12', '2023-07-24']);
  });

  it('has unique document ids and unique kebab-case target ids within each document', () => {
    expect(new Set(PLAN_DOCUMENTS.map((d) => d.id)).size).toBe(PLAN_DOCUMENTS.length);
    for (const d of PLAN_DOCUMENTS) {
      const ids = d.targets.map((t) => t.id);
      expect(new Set(ids).size, d.id).toBe(ids.length);
      for (const id of ids) expect(id, `${d.id}/${id}`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('has periods that run forward and at least one target per document', () => {
    for (const d of PLAN_DOCUMENTS) {
      expect(d.period.from, d.id).toBeLessThanOrEqual(d.period.to);
      expect(d.targets.length, d.id).toBeGreaterThan(0);
    }
  });

  it('records the number of targets read from each document, modelled and not', () => {
    const counts = PLAN_DOCUMENTS.map((d) => [
      d.id,
      d.targets.filter((t) => t.indicator !== undefined).length,
      d.targets.filter((t) => t.indicator === undefined).length,
    ]);
    expect(counts).toEqual([
      ['national-2024', 1, 0],
      ['shanghai-2024', 1, 17],
      ['shanghai-14fyp', 5, 55],
      ['shandong-2021', 8, 40],
      ['zhejiang-2023', 5, 50],
    ]);
  });
});

describe.each(ALL_TARGETS)('target %s', (_name, doc, t) => {
  it('cites its own document and a clause that exists in it', () => {
    expect(t.source.document).toBe(doc.document);
    expect(t.source.clause.trim()).not.toBe('');
    expect(CLAUSE_CHECKS[doc.id](t.source.clause), t.source.clause).toBe(true);
  });

  it('has a finite value, a plausible year and a kind that fits its years', () => {
    expect(Number.isFinite(t.value)).toBe(true);
    expect(t.value).toBeGreaterThan(0);
    expect(t.year).toBeGreaterThanOrEqual(2021);
    expect(t.year).toBeLessThanOrEqual(2035);
    // a cumulative target counts from a year; any first year lies in the plan and before the target year
    expect(t.kind !== 'cumulative' || t.fromYear !== undefined, `kind ${t.kind}, fromYear ${t.fromYear}`).toBe(true);
    const from = t.fromYear ?? doc.period.from;
    expect(from).toBeGreaterThanOrEqual(doc.period.from);
    expect(from).toBeLessThanOrEqual(t.year);
  });

  it('names a known indicator or says why it is not modelled, never both', () => {
    expect((t.indicator === undefined) !== (t.notModelledBecause === undefined)).toBe(true);
    expect(t.indicator === undefined || INDICATORS.has(t.indicator), t.indicator).toBe(true);
    expect((t.notModelledBecause ?? 'modelled').trim()).not.toBe('');
    expect(t.topic !== 'other' || t.indicator === undefined, `topic ${t.topic}, indicator ${t.indicator}`).toBe(true);
  });

  it('has an English description, an area and a short Chinese label', () => {
    expect(t.description).toMatch(/[A-Za-z]{3}/);
    expect(t.area.trim()).not.toBe('');
    expect(t.labelZh).toMatch(/[\u4e00-\u9fff]/);
    expect([...t.labelZh].length).toBeLessThanOrEqual(12);
  });
});

const SHARE_TARGETS = ALL_TARGETS.filter(([, , t]) => t.unit.startsWith('share'));

describe('share targets', () => {
  it('are a good part of the targets (so the checks below check something)', () => {
    expect(SHARE_TARGETS.length).toBeGreaterThanOrEqual(10);
  });
});

describe.each(SHARE_TARGETS)('share target %s', (_name, _doc, t) => {
  it('says share (0-1) and keeps its value in [0, 1]', () => {
    expect(t.unit).toMatch(/^share \(0-1\)/);
    expect(t.value).toBeGreaterThanOrEqual(0);
    expect(t.value).toBeLessThanOrEqual(1);
  });
});

describe('hand-checked targets', () => {
  it('national-2024: resident urbanisation rate close to 70% after five years (一)', () => {
    expect(target(PLAN_NATIONAL_2024, 'resident-urbanisation-rate-2028')).toMatchObject({
      value: 0.7,
      year: 2028,
      role: 'outcome',
      kind: 'level',
      comparison: 'about',
      indicator: 'residentUrbanisationRate',
      source: { clause: '一' },
    });
  });

  it('shanghai-2024: 120,000 builder beds over 2024-2028 (二(五))', () => {
    expect(target(PLAN_SHANGHAI_2024, 'builder-home-beds-2024-2028')).toMatchObject({
      value: 120_000,
      unit: 'beds',
      fromYear: 2024,
      year: 2028,
      kind: 'cumulative',
      comparison: 'atLeast',
      indicator: 'rentalHousingBeds',
      source: { clause: '二(五)' },
    });
  });

  it('shanghai-14fyp: 178,000 elderly-care beds, 60% nursing, 3.6 doctors per 1000 by 2025', () => {
    expect(target(PLAN_SHANGHAI_14FYP, 'elderly-care-beds-2025')).toMatchObject({ value: 178_000, source: { clause: '14.3.3' } });
    expect(target(PLAN_SHANGHAI_14FYP, 'nursing-bed-share-2025')).toMatchObject({ value: 0.6, source: { clause: '14.3.3' } });
    expect(target(PLAN_SHANGHAI_14FYP, 'doctors-per-1000-residents-2025')).toMatchObject({ value: 3.6, source: { clause: '14.2.5' } });
    expect(target(PLAN_SHANGHAI_14FYP, 'rental-housing-supply-2021-2025')).toMatchObject({ value: 400_000, source: { clause: '14.6.3' } });
    expect(target(PLAN_SHANGHAI_14FYP, 'childcare-places-added-2021-2025')).toMatchObject({ value: 20_000, kind: 'cumulative', source: { clause: '14.3.1' } });
  });

  it('shandong-2021: 66% by 2023, 600,000 places, 85% inclusive preschool, 3.1 childcare places per 1000', () => {
    expect(target(PLAN_SHANDONG_2021, 'resident-urbanisation-rate-2023')).toMatchObject({ value: 0.66, comparison: 'atLeast', source: { clause: '二' } });
    expect(target(PLAN_SHANDONG_2021, 'school-places-added-2021-2023')).toMatchObject({ value: 600_000, fromYear: 2021, source: { clause: '五15' } });
    expect(target(PLAN_SHANDONG_2021, 'preschool-inclusive-share-2023')).toMatchObject({ value: 0.85, source: { clause: '五15' } });
    expect(target(PLAN_SHANDONG_2021, 'childcare-places-per-1000-residents-2023')).toMatchObject({ value: 3.1, source: { clause: '五17' } });
    expect(target(PLAN_SHANDONG_2021, 'nursing-bed-share-2023')).toMatchObject({ value: 0.55, comparison: 'about', source: { clause: '五17' } });
    expect(target(PLAN_SHANDONG_2021, 'old-residential-communities-renovated-2021-2023')).toMatchObject({ value: 1_500_000, source: { clause: '四5' } });
  });

  it('zhejiang-2023: 73.5%, 250,000 rental units, 80,000 places, 500 village clinics in 2023', () => {
    expect(target(PLAN_ZHEJIANG_2023, 'resident-urbanisation-rate-2023')).toMatchObject({ value: 0.735, year: 2023, source: { clause: '总的要求' } });
    expect(target(PLAN_ZHEJIANG_2023, 'affordable-rental-housing-2023')).toMatchObject({ value: 250_000, kind: 'annual', source: { clause: '四(十八)' } });
    expect(target(PLAN_ZHEJIANG_2023, 'school-places-added-2023')).toMatchObject({ value: 80_000, source: { clause: '四(十九)' } });
    expect(target(PLAN_ZHEJIANG_2023, 'village-clinics-2023')).toMatchObject({ value: 500, indicator: 'clinics', source: { clause: '四(二十)' } });
  });
});

describe('documented examples', () => {
  it('PLAN_*.targets lookups of the TSDoc examples', () => {
    expect(PLAN_NATIONAL_2024.targets[0].value).toBe(0.7);
    expect(PLAN_SHANGHAI_2024.targets.find((t) => t.indicator === 'rentalHousingBeds')?.value).toBe(120000);
    expect(PLAN_SHANGHAI_14FYP.targets.find((t) => t.indicator === 'elderlyCareBeds')?.value).toBe(178000);
    expect(PLAN_SHANDONG_2021.targets.find((t) => t.id === 'resident-urbanisation-rate-2023')?.value).toBe(0.66);
    expect(PLAN_ZHEJIANG_2023.targets.find((t) => t.indicator === 'rentalHousingUnits')?.value).toBe(250000);
  });
});

describe('target roles', () => {
  const all = PLAN_DOCUMENTS.flatMap((d) => d.targets.map((t) => ({ document: d.id, t })));

  it.each(all.map(({ document, t }) => [document, t.id, t] as const))('%s %s is an outcome or a commitment', (_d, _id, t) => {
    expect(['outcome', 'commitment']).toContain(t.role);
  });

  it('every commitment the model carries names the scenario path it feeds, and no outcome feeds one', () => {
    const modelled = all.filter(({ t }) => t.indicator !== undefined);
    expect(modelled.length).toBeGreaterThan(15);
    for (const { t } of modelled) {
      if (t.role === 'commitment') expect(t.feeds, t.id).toMatch(/^(services\.|hukou\.|migration\.)/);
      else expect(t.feeds, t.id).toBeUndefined();
    }
  });

  it('places, beds, units and clinics built are commitments; urbanisation rates and per-1000 ratios are outcomes', () => {
    const role = (id: string) => all.find(({ t }) => t.id === id)!.t.role;
    expect(role('builder-home-beds-2024-2028')).toBe('commitment');
    expect(role('school-places-added-2021-2023')).toBe('commitment');
    expect(role('village-clinics-2023')).toBe('commitment');
    expect(role('resident-urbanisation-rate-2023')).toBe('outcome');
    expect(role('doctors-per-1000-residents-2023')).toBe('outcome');
    expect(role('childcare-places-per-1000-residents-2023')).toBe('outcome');
  });
});
