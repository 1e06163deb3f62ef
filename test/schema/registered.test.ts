/**
 * base.<id>.registered at parse time: every problem reported at once, each naming its field and
 * the allowed range; a stock of residents registered elsewhere larger than the base residents of
 * its status is refused where the base total is known; registered stocks need one region.
 */

import { describe, expect, it } from 'vitest';
import { safeParseScenario, type ScenarioInput } from '../../src/schema/scenario.js';
import { smallTwoRegions } from '../model/fixtures/scenarios.js';

/** Shandong at the 2020 census (101,527,453 residents), 63.05 % urban, 39 % local urban hukou. */
function shandong(registered: unknown): ScenarioInput {
  return {
    name: 'Shandong',
    baseYear: 2020,
    endYear: 2022,
    regions: [{ id: 'shandong', nameEn: 'Shandong', nameZh: '山东', tier: 'province' }],
    base: { shandong: { population: { census2020: 'Shandong' }, residentUrbanisationRate: 0.6305, hukouUrbanisationRate: 0.39, registered } },
    migration: { ruralToUrbanRate: 0.02 },
    hukou: { conversionRate: 0.05 },
  } as ScenarioInput;
}

const STOCKS = { residentsRegisteredElsewhere: { rural: 1_000_000, migrant: 3_000_000 }, registrantsOutside: 2_600_000, registrantsOutsideUrbanShare: 0.4 };

const messages = (input: unknown) => {
  const parsed = safeParseScenario(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('parseScenario: base.<id>.registered', () => {
  it('accepts census-sized stocks and keeps them as given', () => {
    const parsed = safeParseScenario(shandong(STOCKS));
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data.base.shandong.registered).toEqual(STOCKS);
  });

  it('reports every bad field at once, with its path and range', () => {
    const bad = { residentsRegisteredElsewhere: { rural: -1, migrant: Number.NaN }, registrantsOutside: -5, registrantsOutsideUrbanShare: 1.5, leaversRegisteredElsewhereShare: 2 };
    const parsed = safeParseScenario(shandong(bad));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues.map((i) => i.path.join('.'))).toEqual([
      'base.shandong.registered.residentsRegisteredElsewhere.rural',
      'base.shandong.registered.residentsRegisteredElsewhere.migrant',
      'base.shandong.registered.registrantsOutside',
      'base.shandong.registered.registrantsOutsideUrbanShare',
      'base.shandong.registered.leaversRegisteredElsewhereShare',
    ]);
  });

  it('refuses more residents registered elsewhere than the base residents of their status (census total known)', () => {
    // rural: 101,527,453 * (1 - 0.6305) = 37,514,394; migrant: 101,527,453 * (0.6305 - 0.39) = 24,417,352
    expect(messages(shandong({ ...STOCKS, residentsRegisteredElsewhere: { rural: 40_000_000, migrant: 25_000_000 } }))).toEqual([
      'base.shandong.registered.residentsRegisteredElsewhere.rural must be <= the base rural residents (37514394), received 40000000',
      'base.shandong.registered.residentsRegisteredElsewhere.migrant must be <= the base urban residents without local hukou (24417352), received 25000000',
    ]);
  });

  it('needs a one-region scenario', () => {
    const two = smallTwoRegions() as ScenarioInput & { base: Record<string, Record<string, unknown>> };
    const id = Object.keys(two.base)[0];
    two.base[id].registered = STOCKS;
    expect(messages(two)).toEqual([
      `base.${id}.registered needs a one-region scenario (registered stocks are carried from the flows with outside the region; moves between regions modelled are not split by where people are registered), received 2 regions`,
    ]);
  });
});
