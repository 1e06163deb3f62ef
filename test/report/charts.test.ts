import { describe, expect, it } from 'vitest';
import { project } from '../../src/model/project.js';
import {
  populationByStatusChartSpec,
  regionTitle,
  serviceChartSpec,
  serviceChartSpecs,
  servicesIn,
  uncertaintyBandChartSpec,
  urbanisationByRegionChartSpec,
  urbanisationChartSpec,
} from '../../src/report/charts.js';
import { residentRateBands, TARGETS, TWO_REGIONS, zhejiangProjection } from './fixtures.js';

// Specs are plain JSON; read them as such.
type Json = any;
const json = (spec: unknown): Json => JSON.parse(JSON.stringify(spec));

const RESIDENT = 'Resident urbanisation rate (常住人口城镇化率)';
const HUKOU = 'Hukou urbanisation rate of residents (常住人口中城镇户籍人口比重)';
const ZJ_RESIDENTS_2020 = 64_567_588;

describe('urbanisationChartSpec(projection, { targets })', () => {
  it('draws both rates by year from the base-year values, as percentages', () => {
    const spec = json(urbanisationChartSpec(zhejiangProjection()));
    expect(spec.layer).toHaveLength(1);
    const [lines] = spec.layer;
    expect(lines.mark.type).toBe('line');
    expect(lines.data.values).toHaveLength(22);
    expect(lines.data.values[0]).toEqual({ year: 2020, series: RESIDENT, value: 0.7217 });
    expect(lines.data.values[11]).toEqual({ year: 2020, series: HUKOU, value: expect.closeTo(0.5, 12) });
    expect(lines.encoding.x).toMatchObject({ field: 'year', type: 'quantitative', title: 'Year (年份)', axis: { format: 'd' } });
    expect(lines.encoding.y).toMatchObject({ field: 'value', type: 'quantitative', axis: { format: '.0%' } });
    expect(lines.encoding.y.title).toBe('Share of residents, % (占常住人口比例)');
    expect(lines.encoding.color.scale.domain).toEqual([RESIDENT, HUKOU]);
    expect(spec.title).toEqual({ text: 'Urbanisation rates (城镇化率)', subtitle: 'Zhejiang (浙江)' });
  });

  it('marks the targets of either rate with a rule, a diamond and a label, and no others', () => {
    const spec = json(urbanisationChartSpec(zhejiangProjection(), { targets: TARGETS }));
    expect(spec.layer.map((l: Json) => l.mark.type)).toEqual(['line', 'rule', 'point', 'text']);
    const [, rule, point, text] = spec.layer;
    const rows = [
      { year: 2025, value: 0.75, series: RESIDENT, text: '14th FYP: 75.0%' },
      { year: 2025, value: 0.6, series: HUKOU, text: '14th FYP: 60.0%' },
    ];
    for (const layer of [rule, point, text]) expect(layer.data.values).toEqual(rows);
    expect(rule.encoding.y.field).toBe('value');
    expect(rule.encoding.x).toBeUndefined();
    expect(point.mark.shape).toBe('diamond');
    expect(point.encoding.x.field).toBe('year');
    expect(text.encoding.text.field).toBe('text');
  });

  it('keeps a region\'s targets off the chart of another region', () => {
    const projection = project(TWO_REGIONS);
    const targets = [{ indicator: 'residentUrbanisationRate', year: 2022, value: 0.6, label: 'Henan plan', region: 'henan' }];
    expect(json(urbanisationChartSpec(projection, { targets, region: 'henan' })).layer).toHaveLength(4);
    expect(json(urbanisationChartSpec(projection, { targets, region: 'guangdong' })).layer).toHaveLength(1);
    expect(json(urbanisationChartSpec(projection, { targets })).layer).toHaveLength(1);
  });
});

describe('populationByStatusChartSpec(projection)', () => {
  it('stacks rural, migrant and hukou residents in millions, hukou at the bottom', () => {
    const spec = json(populationByStatusChartSpec(zhejiangProjection()));
    expect(spec.mark.type).toBe('area');
    expect(spec.encoding.y).toMatchObject({ field: 'value', stack: 'zero', title: 'millions of persons (百万人)' });
    expect(spec.encoding.order.field).toBe('stackOrder');
    expect(spec.encoding.color.scale.domain).toEqual(['Rural residents (乡村常住人口)', 'Urban residents without local hukou (城镇非户籍常住人口)', 'Urban residents with local hukou (城镇户籍常住人口)']);
    const base = spec.data.values.filter((v: Json) => v.year === 2020);
    const byStatus = Object.fromEntries(base.map((v: Json) => [v.stackOrder, v.value]));
    // hukou = 0.5 and urban = 0.7217 of the census total
    expect(byStatus[0]).toBeCloseTo((0.5 * ZJ_RESIDENTS_2020) / 1e6, 6);
    expect(byStatus[1]).toBeCloseTo((0.2217 * ZJ_RESIDENTS_2020) / 1e6, 6);
    expect(byStatus[2]).toBeCloseTo((0.2783 * ZJ_RESIDENTS_2020) / 1e6, 6);
    expect(spec.data.values).toHaveLength(33);
  });
});

describe('serviceChartSpecs(projection)', () => {
  it('gives one chart per service with demand and capacity', () => {
    expect(servicesIn(zhejiangProjection())).toEqual(['schoolPlaces', 'elderlyCareBeds']);
    expect(serviceChartSpecs(zhejiangProjection()).map((c) => c.service)).toEqual(['schoolPlaces', 'elderlyCareBeds']);
    expect(serviceChartSpecs(project(TWO_REGIONS))).toEqual([]);
  });

  it('draws capacity in thousands (5,000 + 80 a year) and no shortfall where capacity exceeds demand', () => {
    const spec = json(serviceChartSpec(zhejiangProjection(), 'schoolPlaces'));
    expect(spec.title.text).toBe('Urban compulsory school places (ages 6-14) (城镇义务教育学位)');
    expect(spec.layer.map((l: Json) => l.mark.type)).toEqual(['line']);
    const capacity = spec.layer[0].data.values.filter((v: Json) => v.series === 'Capacity (供给)').map((v: Json) => v.value);
    expect(capacity).toEqual([5000, 5080, 5160, 5240, 5320, 5400, 5480, 5560, 5640, 5720, 5800]);
    expect(spec.layer[0].encoding.y.title).toBe('thousands of places (千个)');
    expect(spec.layer[0].encoding.color.scale.domain).toEqual(['Demand (需求)', 'Capacity (供给)']);
  });

  it('shades the shortfall between capacity and demand and marks the capacity target', () => {
    const spec = json(serviceChartSpec(zhejiangProjection(), 'elderlyCareBeds', { targets: TARGETS }));
    expect(spec.layer.map((l: Json) => l.mark.type)).toEqual(['area', 'line', 'rule', 'point', 'text']);
    const [area] = spec.layer;
    expect(area.encoding.y.field).toBe('capacity');
    expect(area.encoding.y2.field).toBe('top');
    expect(area.encoding.color.datum).toBe('Shortfall (缺口)');
    expect(area.data.values[0].capacity).toBe(400);
    expect(area.data.values[10].capacity).toBe(500);
    for (const row of area.data.values) expect(row.top).toBe(Math.max(row.demand, row.capacity));
    expect(spec.layer[2].data.values).toEqual([{ year: 2030, value: 600, series: 'Capacity (供给)', text: 'Plan: 600,000' }]);
  });
});

describe('urbanisationByRegionChartSpec(projection)', () => {
  it('draws each region\'s two rates, solid and dashed', () => {
    const spec = json(urbanisationByRegionChartSpec(project(TWO_REGIONS)));
    expect(spec.encoding.color.scale.domain).toEqual(['Henan (河南)', 'Guangdong (广东)']);
    expect(spec.encoding.strokeDash.field).toBe('rate');
    expect(spec.data.values).toHaveLength(2 * 2 * 4);
    expect(spec.data.values[0]).toMatchObject({ year: 2020, region: 'Henan (河南)', rate: 'Resident (常住)' });
    expect(spec.data.values[0].value).toBeCloseTo(0.5543, 12);
    expect(spec.data.values[4]).toMatchObject({ year: 2020, region: 'Henan (河南)', rate: 'Hukou (户籍)' });
    expect(spec.data.values[4].value).toBeCloseTo(0.35, 12);
  });
});

describe('uncertaintyBandChartSpec(bands, { indicator, region })', () => {
  it('shades 5-95 and 25-75 and draws the median, from the bands of that indicator and region only', () => {
    const projection = zhejiangProjection();
    const bands = [...residentRateBands(projection)].reverse();
    bands.push({ indicator: 'residentUrbanisationRate', region: 'zj', year: 2020, q05: 0, q25: 0, q50: 0, q75: 0, q95: 0 });
    const spec = json(uncertaintyBandChartSpec(bands, { indicator: 'residentUrbanisationRate', regionTitle: regionTitle(projection, 'all') }));
    expect(spec.layer.map((l: Json) => l.mark.type)).toEqual(['area', 'area', 'line']);
    expect([spec.layer[0].encoding.y.field, spec.layer[0].encoding.y2.field]).toEqual(['q05', 'q95']);
    expect([spec.layer[1].encoding.y.field, spec.layer[1].encoding.y2.field]).toEqual(['q25', 'q75']);
    expect(spec.layer[2].encoding.y.field).toBe('q50');
    expect(spec.layer[0].encoding.y.axis.format).toBe('.0%');
    expect(spec.data.values.map((v: Json) => v.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    // 10 years at 0.002 a year: q95 - q05 = 4 x 0.02
    expect(spec.data.values[10].q95 - spec.data.values[10].q05).toBeCloseTo(0.08, 12);
    expect(spec.title.subtitle).toBe('Zhejiang (浙江): uncertainty across runs (不确定性区间)');
  });

  it('scales counts to thousands or millions', () => {
    const bands = [2020, 2021].map((year) => ({ indicator: 'population', region: 'all', year, q05: 6.3e7, q25: 6.4e7, q50: 6.45e7, q75: 6.5e7, q95: 6.6e7 }));
    const spec = json(uncertaintyBandChartSpec(bands, { indicator: 'population' }));
    expect(spec.data.values[0]).toEqual({ year: 2020, q05: 63, q25: 64, q50: 64.5, q75: 65, q95: 66 });
    expect(spec.layer[0].encoding.y.title).toBe('millions of persons (百万人)');
  });
});
