/**
 * The issue cap of the parse stage on a large document (half a million keys: slow): at most
 * LIMITS.maxIssues problems are listed.
 */

import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { safeParseScenario } from '../../src/schema/scenario.js';
import { validScenario } from '../reliability/badInputCases.js';

type Loose = Record<string, any>;

describe(`parseScenario(json): at most LIMITS.maxIssues (${LIMITS.maxIssues}) issues`, () => {
  it('500,000 unknown top-level keys give 100 issues, not 500,000', () => {
    const doc = validScenario() as Loose;
    for (let i = 0; i < 500_000; i++) doc[`k${i}`] = 0;
    const parsed = safeParseScenario(doc);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues.length).toBe(LIMITS.maxIssues);
    expect(parsed.error.issues[0]).toMatchObject({ code: 'unknown_key', path: ['k0'] });
  });
});
