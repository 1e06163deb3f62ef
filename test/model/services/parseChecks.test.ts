/**
 * The services' checks that need the rest of the scenario run when it is parsed: a misspelled
 * region in a service's `byRegion` and an out-of-range `closeShortfallBy` are parse errors
 * naming the path, reported together.
 */

import { describe, expect, it } from 'vitest';
import { safeParseScenario } from '../../../src/schema/scenario.js';
import { smallTwoRegions } from '../fixtures/scenarios.js';

describe('services checked at parse time', () => {
  it('names a misspelled byRegion region and an out-of-range closeShortfallBy, both at once', () => {
    const scenario = smallTwoRegions() as Record<string, unknown>;
    const regions = (scenario.regions as { id: string }[]).map((r) => r.id);
    scenario.services = {
      schoolPlaces: { migrantChildrenPublicSchoolShare: 0.8, urbanPlaces: { initial: 'matchDemand', additionsPerYear: { byRegion: { [`${regions[0]}x`]: 100 }, default: 0 } } },
      closeShortfallBy: 1999,
    };
    const parsed = safeParseScenario(scenario);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const issues = parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual(['services.closeShortfallBy', expect.stringMatching(/^services\.closeShortfallBy must be a projected year in \[\d{4}, \d{4}\], received 1999$/)]);
    expect(issues).toContainEqual([`services.schoolPlaces.urbanPlaces.additionsPerYear.byRegion.${regions[0]}x`, expect.stringContaining(`names the unknown region "${regions[0]}x"`)]);
  });
});
