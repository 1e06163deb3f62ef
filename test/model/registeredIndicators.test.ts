/**
 * The official hukou urbanisation rate in a projection: the national preset's equals the
 * resident-based one bit for bit (no registered stocks outside the residents), a province's is
 * its census stocks carried with the kernel's flows, and a projection without stocks says so
 * rather than give the resident-based rate under the official name.
 */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { project } from '../../src/model/project.js';
import { REGISTERED_INDICATORS } from '../../src/model/registeredIndicators.js';
import { scorecard } from '../../src/model/scorecard.js';
import type { PlanTarget } from '../../seeds/types.js';
import { getPreset } from '../../src/presets/index.js';

describe("project(preset).indicator('registeredHukouUrbanisationRate')", () => {
  it('national-2024-2028: no stocks besides the residents, so the official rate is hukou / residents, bit for bit, 48.3 % at the end of 2023 (Ministry of Public Security)', () => {
    const projection = project(getPreset('national-2024-2028').scenario);
    const official = projection.indicator('registeredHukouUrbanisationRate');
    expect(official.values).toEqual(projection.indicator('hukouUrbanisationRate').values);
    expect(projection.indicator('registeredPopulation').values).toEqual(projection.indicator('population').values);
    expect(official.values[0]).toBeCloseTo(0.483, 12);
    expect(official.unit).toBe('share (0-1)');
  });

  it('shandong-2021-2023: the base is R - X + Y and (H + Yu) / (R - X + Y) of the census stocks it cites', () => {
    const preset = getPreset('shandong-2021-2023');
    const projection = project(preset.scenario);
    const stocks = preset.scenario.base.shandong.registered!;
    const X = stocks.residentsRegisteredElsewhere.rural + stocks.residentsRegisteredElsewhere.migrant;
    const R = projection.indicator('population').values[0];
    const H = projection.indicator('hukou').values[0];
    const registered = projection.indicator('registeredPopulation').values[0];
    expect(registered).toBeCloseTo(R - X + stocks.registrantsOutside, 4);
    expect(projection.indicator('registeredHukouUrbanisationRate').values[0]).toBeCloseTo((H + stocks.registrantsOutside * stocks.registrantsOutsideUrbanShare) / registered, 12);
    expect(projection.indicator('residentsRegisteredElsewhere').values[0]).toBeCloseTo(X, 4);
    // the official rate of a province with registrants outside is above the resident-based one, and rises with conversions
    const official = projection.indicator('registeredHukouUrbanisationRate').values;
    const resident = projection.indicator('hukouUrbanisationRate').values;
    for (let y = 0; y < official.length; y++) expect(official[y]).toBeGreaterThan(resident[y]);
    for (let y = 1; y < official.length; y++) expect(official[y]).toBeGreaterThan(official[y - 1]);
    expect(projection.indicatorKeys()).toEqual(expect.arrayContaining(REGISTERED_INDICATORS.map((i) => i.key)));
  });

  it('shanghai-2021-2025: hukou residents from the communiques and no registrants outside give an official rate equal to the resident rate at its base (89.3 %)', () => {
    const projection = project(getPreset('shanghai-2021-2025').scenario);
    expect(projection.indicator('registeredHukouUrbanisationRate').values[0]).toBeCloseTo(0.893, 12);
    // residents less those without Shanghai hukou: the registered population of 2020, 1439.12 (10k)
    expect(projection.indicator('registeredPopulation').values[0]).toBeCloseTo(14_391_200, -2);
  });

  it('without registered stocks the official rate is not given: the projection names what is missing', () => {
    const scenario = structuredClone(getPreset('zhejiang-2023').scenario);
    delete scenario.base.zhejiang.registered;
    const without = project(scenario);
    expect(without.indicatorKeys()).not.toContain('registeredHukouUrbanisationRate');
    expect(() => without.indicator('registeredHukouUrbanisationRate')).toThrow(ChengzhenError);
    expect(() => without.indicator('registeredHukouUrbanisationRate')).toThrow(
      'indicator "registeredHukouUrbanisationRate" needs the registered stocks of a one-region scenario (base.zhejiang.registered: residents registered elsewhere, registrants outside); without them only the resident-based hukouUrbanisationRate is known',
    );
  });
});

describe('scorecard(projection, targets): a 户籍人口城镇化率 target', () => {
  const target: PlanTarget = {
    id: 'hukou-2023',
    description: 'hukou urbanisation rate of at least 50 % by 2023 (test)',
    labelZh: '户籍人口城镇化率',
    area: 'Shandong',
    unit: 'share (0-1)',
    kind: 'level',
    role: 'outcome',
    comparison: 'atLeast',
    topic: 'hukou',
    indicator: 'hukouUrbanisationRate',
    value: 0.5,
    year: 2023,
    source: { document: 'TEST-DOC', clause: '二' },
  };

  it('is judged on the official rate where the scenario carries registered stocks, and on the resident-based one otherwise', () => {
    const scenario = getPreset('shandong-2021-2023').scenario;
    const projection = project(scenario);
    const [row] = scorecard(projection, [target]);
    const official = projection.indicator('registeredHukouUrbanisationRate').values[3];
    expect(row).toMatchObject({ projected: official, note: 'the official rate: urban-hukou persons over the registered population (registeredHukouUrbanisationRate)' });
    const copy = structuredClone(scenario);
    delete copy.base.shandong.registered;
    const withoutStocks = project(copy);
    const [resident] = scorecard(withoutStocks, [target]);
    expect(resident.projected).toBe(withoutStocks.indicator('hukouUrbanisationRate').values[3]);
    expect(resident.projected).toBeLessThan(official);
  });
});

