/**
 * The registered (户籍) stocks a region may carry besides its residents, so that the official
 * hukou urbanisation rate (户籍人口城镇化率: urban-hukou persons over the registered population)
 * can be projected: residents whose hukou is registered in another province, by status, and
 * persons registered in the region who live outside it. See docs/demography.md.
 */

import { z } from 'zod';
import type { ChengzhenIssue } from '../errors.js';
import { LIMITS } from '../limits.js';
import type { Scenario } from './scenario.js';

const persons = z.number().min(0).max(LIMITS.maxCellPersons);

/**
 * A region's registered stocks at the end of its base year. With all three at 0 the official
 * rate is the resident-based one (hukou / residents): say so only where it is true (China as a
 * whole, where registrants abroad and residents without a hukou are few).
 *
 * @example
 * RegisteredStocksSchema.safeParse({ residentsRegisteredElsewhere: { rural: 1e6, migrant: 9e6 }, registrantsOutside: 0, registrantsOutsideUrbanShare: 0.9 }).success
 * // => true
 */
export const RegisteredStocksSchema = z.strictObject({
  residentsRegisteredElsewhere: z
    .strictObject({
      rural: persons.describe('Rural residents whose hukou is registered outside the region, persons'),
      migrant: persons.describe('Urban residents whose hukou is registered outside the region (part of the migrant status), persons'),
    })
    .describe('Residents registered outside the region (外省户籍常住人口), by status; none have local hukou'),
  registrantsOutside: persons.describe('Persons registered in the region who do not live in it (户籍外出人口), persons'),
  registrantsOutsideUrbanShare: z.number().min(0).max(1).describe('Share of those registrants holding urban hukou, 0-1'),
  leaversRegisteredElsewhereShare: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      'Share of the rural and migrant residents leaving for outside who are registered elsewhere (migrants going home), 0-1; the rest are local registrants and join registrantsOutside. Default: their share of the status they leave',
    ),
});
/** A region's registered stocks at the end of its base year (see {@link RegisteredStocksSchema}). */
export type RegisteredStocks = z.infer<typeof RegisteredStocksSchema>;

/**
 * The issues of the registered stocks of a scenario that need more than their structure: the
 * stocks are carried from the flows of one region, so the scenario must have one region, and
 * the residents registered elsewhere of a status cannot outnumber the base residents of that
 * status (checked where the base total is known: `baseTotal` returns null otherwise).
 *
 * @example
 * registeredIssues(parseScenario(getPreset('shandong-2021-2023').scenario), () => null).length
 * // => 0
 */
export function registeredIssues(s: Scenario, baseTotal: (regionId: string) => number | null): ChengzhenIssue[] {
  const issues: ChengzhenIssue[] = [];
  for (const region of s.regions) {
    const base = Object.hasOwn(s.base, region.id) ? s.base[region.id] : undefined;
    const stocks = base?.registered;
    if (!base || !stocks) continue;
    const path = ['base', region.id, 'registered'];
    if (s.regions.length > 1) {
      issues.push({
        code: 'invalid_value',
        path,
        message: `base.${region.id}.registered needs a one-region scenario (registered stocks are carried from the flows with outside the region; moves between regions modelled are not split by where people are registered), received ${s.regions.length} regions`,
        expected: 'one region',
        received: String(s.regions.length),
      });
      continue;
    }
    const total = baseTotal(region.id);
    if (total === null) continue;
    const within = {
      rural: total * (1 - base.residentUrbanisationRate),
      migrant: total * (base.residentUrbanisationRate - base.hukouUrbanisationRate),
    };
    for (const status of ['rural', 'migrant'] as const) {
      const value = stocks.residentsRegisteredElsewhere[status];
      // a part in 1e9 for the rounding of a total times a rate
      if (value > within[status] * (1 + 1e-9)) {
        const word = status === 'rural' ? 'rural residents' : 'urban residents without local hukou';
        issues.push({
          code: 'out_of_range',
          path: [...path, 'residentsRegisteredElsewhere', status],
          message: `base.${region.id}.registered.residentsRegisteredElsewhere.${status} must be <= the base ${word} (${Math.round(within[status])}), received ${value}`,
          expected: `<= ${within[status]}`,
          received: String(value),
        });
      }
    }
  }
  return issues;
}
