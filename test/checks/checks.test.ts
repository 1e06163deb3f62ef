/**
 * Checks: a checks file validated with every problem named by its path; outcomes pass, fail,
 * and pass exactly at the bound; every preset passes the checks it ships, whose values are
 * the published figures of its figure book.
 */

import { describe, expect, it } from 'vitest';
import { parseChecks, runChecks, type ChecksFileInput } from '../../src/checks/checks.js';
import { ChengzhenError } from '../../src/errors.js';
import { project } from '../../src/model/project.js';
import { PRESET_CHECKS } from '../../src/presets/checks.js';
import { getPreset, PRESETS } from '../../src/presets/index.js';

function issues(fn: () => unknown): ChengzhenError['issues'] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ChengzhenError);
    return (error as ChengzhenError).issues;
  }
  throw new Error('expected a ChengzhenError');
}

const zhejiang = project(getPreset('zhejiang-2023').scenario);
const population2022 = zhejiang.indicator('population').values[0];
const rate2028 = zhejiang.indicator('residentUrbanisationRate').values[6];

describe('parseChecks(input)', () => {
  it('fills in the region and reads the three forms of years', () => {
    const file = parseChecks({ checks: [{ indicator: 'population', years: 2022, atLeast: 1 }, { indicator: 'population', years: [2023, 2025], atMost: 1 }, { indicator: 'population', years: { from: 2023, to: 2024 }, approximately: { value: 1, tolerance: 0 } }] });
    expect(file.checks.map((c) => c.region)).toEqual(['all', 'all', 'all']);
    expect(Object.isFrozen(file.checks[0])).toBe(true);
  });

  it('reports every problem of a file at once, each with its path', () => {
    const found = issues(() =>
      parseChecks({
        checks: [
          { indicator: 'population', years: 2022, atLeast: 1, atMost: 2 },
          { indicator: 'population', years: 2022 },
          { indicator: 'popluation', years: 2022, approximately: { value: 1, tolerance: 1, relativeTolerance: 0.1 } },
          { indicator: 'population', years: { from: 2025, to: 2023 }, approximately: { value: 1 } },
        ],
      }),
    );
    expect(found.map((i) => i.path)).toEqual([['checks', 0], ['checks', 1], ['checks', 2, 'approximately'], ['checks', 2, 'indicator'], ['checks', 3, 'approximately'], ['checks', 3, 'years', 'to']]);
    expect(found[0].message).toBe('checks[0] must have exactly one of atLeast, atMost or approximately, received atLeast and atMost');
    expect(found[1].message).toBe('checks[1] must have exactly one of atLeast, atMost or approximately, received none');
    expect(found[2].message).toBe('checks[2].approximately must have exactly one of tolerance (absolute) or relativeTolerance, received both');
    expect(found[3].message).toContain('checks[2].indicator "popluation" is not an indicator');
    expect(found[5].message).toBe('checks[3].years.to must be >= from (2025), received 2023');
  });

  it('reports a field of the wrong type in one check beside a missing bound in another', () => {
    const found = issues(() => parseChecks({ checks: [{ indicator: 'population', years: 'soon', atLeast: 1 }, { indicator: 'population', years: 2022 }] }));
    expect(found.map((i) => i.path)).toEqual([['checks', 0, 'years'], ['checks', 1]]);
    expect(found[0].message).toMatch(/^checks\[0\]\.years must be a year, a list of years or \{ from, to \}/);
  });

  it('names fields of the wrong type or unknown, and refuses an empty list', () => {
    const found = issues(() => parseChecks({ checks: [{ indicator: 'population', years: 'soon', atLeast: '1', tolerance: 1 }] }));
    expect(found.map((i) => i.path)).toEqual(expect.arrayContaining([['checks', 0, 'years'], ['checks', 0, 'atLeast'], ['checks', 0, 'tolerance']]));
    expect(issues(() => parseChecks({ checks: [] }))[0].path).toEqual(['checks']);
    expect(issues(() => parseChecks([]))[0].code).toBe('invalid_type');
  });
});

describe('runChecks(projection, checks)', () => {
  it('gives one outcome per check and year, with the projected value and the margin inside the bound', () => {
    const outcomes = runChecks(zhejiang, { checks: [{ id: 'rising', indicator: 'residentUrbanisationRate', region: 'zhejiang', years: { from: 2026, to: 2028 }, atLeast: 0.75 }] });
    expect(outcomes.map((o) => o.year)).toEqual([2026, 2027, 2028]);
    const last = outcomes[2];
    expect(last).toMatchObject({ id: 'rising', index: 0, region: 'zhejiang', unit: 'share (0-1)', comparison: 'atLeast', value: 0.75, tolerance: null, expected: '>= 0.75', actual: rate2028, status: 'pass' });
    expect(last.margin).toBe(rate2028 - 0.75);
  });

  it('passes exactly at the bound and fails just outside it: atLeast, atMost, absolute and relative tolerance', () => {
    // offsets in powers of two, so that value +/- offset is exact and the margin is exactly 0
    const at = population2022;
    const outcomes = runChecks(zhejiang, {
      checks: [
        { id: 'least-at', indicator: 'population', years: 2022, atLeast: at },
        { id: 'least-above', indicator: 'population', years: 2022, atLeast: at + 1 },
        { id: 'most-at', indicator: 'population', years: 2022, atMost: at },
        { id: 'most-below', indicator: 'population', years: 2022, atMost: at - 1 },
        { id: 'about-edge', indicator: 'population', years: 2022, approximately: { value: at + 1024, tolerance: 1024 } },
        { id: 'about-outside', indicator: 'population', years: 2022, approximately: { value: at + 1024, tolerance: 1023 } },
        { id: 'relative-edge', indicator: 'population', years: 2022, approximately: { value: 2 * at, relativeTolerance: 0.5 } },
        { id: 'relative-outside', indicator: 'population', years: 2022, approximately: { value: 2 * at, relativeTolerance: 0.49 } },
      ],
    });
    expect(outcomes.map((o) => [o.id, o.status, o.margin])).toEqual([
      ['least-at', 'pass', 0],
      ['least-above', 'fail', -1],
      ['most-at', 'pass', 0],
      ['most-below', 'fail', -1],
      ['about-edge', 'pass', 0],
      ['about-outside', 'fail', -1],
      ['relative-edge', 'pass', 0],
      ['relative-outside', 'fail', expect.closeTo(-0.01 * 2 * at, 3)],
    ]);
    expect(outcomes[4]).toMatchObject({ comparison: 'approximately', tolerance: 1024, expected: `~ ${at + 1024} +/- 1024` });
    expect(outcomes[6]).toMatchObject({ tolerance: at, expected: `~ ${2 * at} +/- 50 %` });
  });

  it('names every indicator, region and year the projection does not have, before judging any', () => {
    const found = issues(() =>
      runChecks(zhejiang, {
        checks: [
          { indicator: 'population', region: 'shandong', years: 2022, atLeast: 0 },
          { indicator: 'population', years: [2021, 2029], atLeast: 0 },
          { indicator: 'births', years: 2022, atLeast: 0 },
          { indicator: 'netMigration', years: 2023, atLeast: 0 },
        ],
      }),
    );
    expect(found.map((i) => i.path)).toEqual([['checks', 0, 'region'], ['checks', 1, 'years'], ['checks', 2, 'years'], ['checks', 3, 'indicator']]);
    expect(found[1].message).toBe('checks[1].years must be years the projection has for population, in [2022, 2028], received 2021, 2029');
    expect(found[2].message).toContain('in [2023, 2028], received 2022');
  });
});

describe('PRESET_CHECKS', () => {
  it('has checks for every preset, the same for a plan and its trend twin', () => {
    expect(Object.keys(PRESET_CHECKS).sort()).toEqual(PRESETS.map((p) => p.id).sort());
    for (const p of PRESETS) expect(PRESET_CHECKS[p.id]).toBe(PRESET_CHECKS[p.twin]);
    expect(Object.isFrozen(PRESET_CHECKS['zhejiang-2023'].checks[0])).toBe(true);
  });

  it('checks the base-year figures the preset cites, at the cited values', () => {
    for (const preset of PRESETS) {
      // the county presets are raked to the national preset's base, so they ship its checks
      // (on the resident-based hukou rate: they carry no registered stocks, which need one region)
      if (preset.scenario.regions.length > 1) {
        const national = PRESET_CHECKS['national-2024-2028'].checks.map((c) => ({ ...c, indicator: c.indicator === 'registeredHukouUrbanisationRate' ? 'hukouUrbanisationRate' : c.indicator }));
        expect(PRESET_CHECKS[preset.id].checks, preset.id).toEqual(national);
        continue;
      }
      const file = parseChecks(PRESET_CHECKS[preset.id]);
      const region = preset.scenario.regions[0].id;
      for (const check of file.checks) {
        expect(check.years, `${preset.id} ${check.id}`).toBe(preset.scenario.baseYear);
        // the official hukou rate starts from the base hukou share where the registered stocks are none besides the residents
        const indicator = check.indicator === 'registeredHukouUrbanisationRate' ? 'hukouUrbanisationRate' : check.indicator;
        const path = indicator === 'population' ? `base.${region}.population.scaleToTotal` : `base.${region}.${indicator}`;
        expect(check.approximately?.value, `${preset.id} ${check.id}`).toBe(preset.figures[path].value);
        expect('source' in preset.figures[path], `${preset.id} ${path} is cited, not assumed`).toBe(true);
        expect(check.source).toBeTruthy();
      }
      expect(file.checks.map((c) => c.indicator)).toEqual(expect.arrayContaining(['population', 'residentUrbanisationRate']));
    }
  });

  // the county presets (2,987 regions) pass theirs in test/presets/counties.slow.test.ts
  it.each(PRESETS.filter((p) => p.scenario.regions.length === 1).map((p) => [p.id]))('%s passes the checks it ships', (id) => {
    const outcomes = runChecks(project(getPreset(id).scenario), PRESET_CHECKS[id]);
    expect(outcomes.filter((o) => o.status === 'fail').map((o) => `${o.id}: ${o.actual} (${o.expected})`)).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
  });
});

describe('a checks file written by hand', () => {
  it('passes for the slower-migration variant and fails where the variant departs from the preset', () => {
    const file: ChecksFileInput = { checks: [{ indicator: 'residentUrbanisationRate', years: 2028, atLeast: rate2028 }] };
    expect(runChecks(zhejiang, file)[0].status).toBe('pass');
    const slower = project({ ...getPreset('zhejiang-2023').scenario, migration: { ...getPreset('zhejiang-2023').scenario.migration, ruralToUrbanRate: 0.0063 } });
    expect(runChecks(slower, file)[0].status).toBe('fail');
  });
});
