/**
 * The documented limits: each is listed with its value in SECURITY.md, and each is enforced
 * with a ChengzhenError naming the field before anything large is allocated. Where a limit
 * guards a conversion, a counting proxy shows that no element of the input was read.
 */

import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { outputText } from '../../src/cli/output.js';
import { ChengzhenError } from '../../src/errors.js';
import { LIMITS } from '../../src/limits.js';
import { MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH } from '../../src/schema/formula.js';
import { MAX_INPUT_BYTES, readJsonFile } from '../../src/node/readJsonFile.js';
import { simulateParallel } from '../../src/node/simulateParallel.js';
import { parseKernelProblem, safeParseKernelProblem } from '../../src/schema/kernelProblem.js';
import { safeParseScenario } from '../../src/schema/scenario.js';
import { MAX_DRAWS } from '../../src/solve/simulate.js';
import { cli, scratchFolder } from '../cli/cliHarness.js';
import { filled, shapeSizes } from '../helpers/kernelDocs.js';
import { validScenario } from './badInputCases.js';
import { issueOf } from '../helpers/errors.js';

const SECURITY = readFileSync(fileURLToPath(new URL('../../SECURITY.md', import.meta.url)), 'utf8');

/** How SECURITY.md writes a number: 10,000; 2^27 written out; 1e12. */
function written(value: number): string[] {
  return [value.toLocaleString('en-US'), String(value), value >= 1e12 ? `1e${Math.log10(value)}` : ''].filter(Boolean);
}

describe('SECURITY.md', () => {
  const rows = SECURITY.split('\n').filter((line) => line.startsWith('| `'));
  const constants: [string, number][] = [
    ...Object.entries(LIMITS),
    ['MAX_FORMULA_LENGTH', MAX_FORMULA_LENGTH],
    ['MAX_FORMULA_DEPTH', MAX_FORMULA_DEPTH],
    ['MAX_DRAWS', MAX_DRAWS],
    ['MAX_INPUT_BYTES', MAX_INPUT_BYTES],
  ];

  it.each(constants)('lists %s with its value %d in the table of limits', (name, value) => {
    const row = rows.find((line) => line.includes(`\`${name}\``));
    expect(row, name).toBeDefined();
    expect(written(value).some((text) => row!.includes(text)), `${row} holds ${value}`).toBe(true);
  });

  it('names the sandbox functions and how to report a problem', () => {
    expect(SECURITY).toContain('min max exp log log10 log2 sqrt abs\n  pow floor ceil round sign sin cos tanh');
    expect(SECURITY).toContain("security advisory form");
  });
});

describe('limits of a kernel problem', () => {
  it(`refuses per-year inputs past LIMITS.maxInputCells (${LIMITS.maxInputCells}) without reading a single element`, () => {
    const regions = Array.from({ length: 1000 }, (_, i) => `r${i}`);
    const size = shapeSizes(regions.length, 100);
    let reads = 0;
    // one array shared by every year, behind a proxy that counts element reads
    const shared = new Proxy(new Float64Array(size.rhsa), {
      get(target, key, _receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const years = Math.ceil(LIMITS.maxInputCells / size.rhsa);
    const issue = issueOf(() =>
      parseKernelProblem({
        format: 'chengzhen-kernel/1',
        dims: { regions, maxAge: 100 },
        startYear: 2020,
        years,
        population: new Float64Array(size.rhsa),
        inputs: { sx: new Array(years).fill(shared), sb: filled(size.rhs, 1), fx: filled(size.rha, 0), srb: filled(size.r, 1), m: filled(size.rsa, 0), c: filled(size.r, 0), k: filled(size.rsa, 0), q: filled(size.rsa, 0) },
      }),
    );
    expect(issue).toMatchObject({ code: 'too_large', path: ['inputs'] });
    expect(issue.message).toContain(`inputs must hold at most ${LIMITS.maxInputCells} numbers`);
    expect(issue.message).toContain(`sx ${years * size.rhsa}`);
    expect(reads).toBe(0);
  });

  it('counts a dense D and E as R x R each: two of 9,000 regions are refused unread', () => {
    let reads = 0;
    // small arrays that claim R x R elements and count every element read
    const claimed = () =>
      new Proxy(new Float64Array(1), {
        get(target, key) {
          if (key === 'length') return 9000 * 9000;
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    const issue = issueOf(() =>
      parseKernelProblem({
        format: 'chengzhen-kernel/1',
        dims: { regions: Array.from({ length: 9000 }, (_, i) => `r${i}`), maxAge: 1 },
        startYear: 2020,
        years: 1,
        population: [],
        inputs: { sx: [], sb: [], fx: [], srb: [], m: [], c: [], k: [], q: [], D: claimed(), E: claimed() },
      }),
    );
    expect(issue).toMatchObject({ code: 'too_large', path: ['inputs'] });
    expect(issue.message).toContain('(D 81000000, E 81000000, population 108000');
    expect(reads).toBe(0);
  });

  it(`lets ${LIMITS.maxRegions} regions through and refuses ${LIMITS.maxRegions + 1}`, () => {
    const doc = (count: number) => {
      const size = shapeSizes(count, 1);
      return {
        format: 'chengzhen-kernel/1',
        dims: { regions: Array.from({ length: count }, (_, i) => `r${i}`), maxAge: 1 },
        startYear: 2020,
        years: 1,
        population: new Float64Array(size.rhsa),
        inputs: { sx: new Float64Array(size.rhsa), sb: new Float64Array(size.rhs), fx: new Float64Array(size.rha), srb: new Float64Array(size.r).fill(1), m: new Float64Array(size.rsa), c: new Float64Array(size.r), k: new Float64Array(size.rsa), q: new Float64Array(size.rsa) },
      };
    };
    expect(safeParseKernelProblem(doc(LIMITS.maxRegions)).success).toBe(true);
    expect(issueOf(() => parseKernelProblem(doc(LIMITS.maxRegions + 1)))).toMatchObject({ path: ['dims', 'regions'], code: 'out_of_range' });
  });

  it('stops collecting at LIMITS.maxIssues and says how many more it did not list', () => {
    const size = shapeSizes(2, 2);
    const parsed = safeParseKernelProblem({
      format: 'chengzhen-kernel/1',
      dims: { regions: ['a', 'b'], maxAge: 2 },
      startYear: 2020,
      years: 1,
      population: filled(size.rhsa, -1),
      inputs: { sx: filled(size.rhsa, 2), sb: filled(size.rhs, 2), fx: filled(size.rha, -1), srb: filled(size.r, 0), m: filled(size.rsa, 2), c: filled(size.r, 2), k: filled(size.rsa, 2), q: filled(size.rsa, 2) },
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues.length).toBe(LIMITS.maxIssues);
    expect(parsed.error.message.split('\n').at(-1)).toBe(`... and ${LIMITS.maxIssues - 20} more issues`);
  });
});

describe('limits of a scenario', () => {
  /** A scenario of `regions` census regions from 2020 to `endYear` (cheap to parse, never compiled here). */
  function wide(regions: number, endYear: number) {
    const s = validScenario() as Record<string, any>;
    const ids = Array.from({ length: regions }, (_, i) => `r${i}`);
    s.regions = ids.map((id) => ({ id, nameEn: id, nameZh: '区' }));
    s.base = Object.fromEntries(ids.map((id) => [id, { population: { census2020: 'Henan', scaleToTotal: 1000 }, residentUrbanisationRate: 0.5, hukouUrbanisationRate: 0.3 }]));
    s.endYear = endYear;
    delete s.migration.destinations;
    return s;
  }

  it(`parses a projection of exactly up to LIMITS.maxProjectionCells (${LIMITS.maxProjectionCells}) cells and refuses one year more`, () => {
    // 3,691 regions x 6 x 101 ages x 30 years = 67,102,380 cells; 31 years would be 69,339,126
    expect(3691 * 606 * 30).toBeLessThanOrEqual(LIMITS.maxProjectionCells);
    expect(safeParseScenario(wide(3691, 2049)).success).toBe(true);
    const refused = safeParseScenario(wide(3691, 2050));
    expect(refused.success).toBe(false);
    if (refused.success) return;
    expect(refused.error.issues[0]).toMatchObject({ code: 'too_large', path: ['endYear'], received: String(3691 * 606 * 31) });
  });

  it(`allows LIMITS.maxYears (${LIMITS.maxYears}) years, from LIMITS.minYear to LIMITS.maxYear, and no year outside them`, () => {
    const s = (baseYear: number, endYear: number) => safeParseScenario({ ...validScenario(), baseYear, endYear });
    expect(LIMITS.maxYear - LIMITS.minYear).toBe(LIMITS.maxYears);
    expect(s(LIMITS.minYear, LIMITS.maxYear).success).toBe(true);
    const late = s(LIMITS.minYear, LIMITS.maxYear + 1);
    expect(late.success ? [] : late.error.issues[0]).toMatchObject({ path: ['endYear'], message: `endYear must be <= ${LIMITS.maxYear}, received ${LIMITS.maxYear + 1}` });
  });

  it(`counts at most LIMITS.maxScenarioValues (${LIMITS.maxScenarioValues}) values, the document included`, () => {
    /** Values in a JSON value, itself included: an independent count. */
    const countValues = (value: unknown): number =>
      typeof value === 'object' && value !== null ? 1 + Object.values(value).reduce<number>((n, v) => n + countValues(v), 0) : 1;
    const withPoints = (count: number) => {
      const s = validScenario() as Record<string, any>;
      s.migration.returnRate = { points: [] };
      const room = LIMITS.maxScenarioValues - countValues(s);
      s.migration.returnRate.points = new Array(room + count).fill(0);
      return s;
    };
    const atLimit = safeParseScenario(withPoints(0));
    const over = safeParseScenario(withPoints(1));
    // at the limit the schema looks at the document and finds too many points; one more value and it is not looked at
    expect(atLimit.success ? [] : atLimit.error.issues).toEqual([expect.objectContaining({ path: ['migration', 'returnRate', 'points'], message: expect.stringContaining('must be an array of <= 1000 items') })]);
    expect(over.success ? [] : over.error.issues).toEqual([
      expect.objectContaining({ code: 'too_large', path: ['migration', 'returnRate', 'points'], message: expect.stringContaining(`and the document more than the ${LIMITS.maxScenarioValues} values it may hold`) }),
    ]);
  });
});

describe('limits of the command line', () => {
  const folder = scratchFolder();
  afterAll(() => folder.remove());

  it(`chengzhen kernel refuses a result above LIMITS.maxResultCells (${LIMITS.maxResultCells}) before running it`, async () => {
    // 345 regions x 6 x 131 ages x 501 years = 135,856,170 cells from a document of under a million numbers
    const regions = Array.from({ length: 345 }, (_, i) => `r${i}`);
    const size = shapeSizes(regions.length, 130);
    const input = folder.write('long.json', {
      format: 'chengzhen-kernel/1',
      dims: { regions, maxAge: 130 },
      startYear: 1800,
      years: 500,
      population: filled(size.rhsa, 1),
      inputs: { sx: filled(size.rhsa, 0.99), sb: filled(size.rhs, 1), fx: filled(size.rha, 0), srb: filled(size.r, 1), m: filled(size.rsa, 0), c: filled(size.r, 0), k: filled(size.rsa, 0), q: filled(size.rsa, 0) },
    });
    const out = join(folder.dir, 'long-result.json');
    const outcome = await cli(['kernel', input, '--out', out]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(
      `years must keep the result within ${LIMITS.maxResultCells} population cells (LIMITS.maxResultCells), received 500: 345 regions x 6 x 131 ages x 501 years = 135856170; run fewer years or regions, or keep only the indicators with runKernelIndicators from chengzhen/kernel`,
    );
    expect(() => readFileSync(out)).toThrow(/ENOENT/);
  });

  it(`chengzhen simulate refuses --threads above LIMITS.maxThreads (${LIMITS.maxThreads}) and below 1`, async () => {
    for (const threads of [String(LIMITS.maxThreads + 1), '0', '-3']) {
      const outcome = await cli(['simulate', 'national-2024-2028', '--draws', '10', '--seed', '1', `--threads=${threads}`, '--uncertain', 'migration.ruralToUrbanRate=uniform(0.01,0.02)']);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(`threads must be a whole number in [1, ${LIMITS.maxThreads}], received ${threads}`);
    }
  });

  it(`simulateParallel refuses draws past MAX_DRAWS (${MAX_DRAWS}) and draws whose series would pass LIMITS.maxResultCells`, async () => {
    const uncertain = [{ lever: { path: 'migration.ruralToUrbanRate' as const }, distribution: { distribution: 'uniform' as const, min: 0.01, max: 0.02 } }];
    const scenario = { ...validScenario(), endYear: 2035 };
    await expect(simulateParallel(scenario, { draws: MAX_DRAWS + 1, seed: 1, uncertain })).rejects.toThrow(`draws must be a whole number in [1, ${MAX_DRAWS}], received ${MAX_DRAWS + 1}`);
    const error = await simulateParallel(scenario, { draws: MAX_DRAWS, seed: 1, uncertain, threads: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChengzhenError);
    expect((error as ChengzhenError).issues[0]).toMatchObject({ code: 'too_large', path: ['draws'] });
    expect((error as ChengzhenError).message).toMatch(/^draws must keep the kept series within 134217728 numbers \(LIMITS\.maxResultCells\), received 1000000: 1000000 draws x \d+ series x 16 years = \d+; use fewer draws, indicators or regions$/);
  });

  it(`reads no file larger than MAX_INPUT_BYTES (${MAX_INPUT_BYTES}), before reading it`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chengzhen-limits-'));
    try {
      const path = join(dir, 'huge.json');
      // a sparse file: its size is reported without a byte of it being written
      closeSync(openSync(path, 'w'));
      truncateSync(path, MAX_INPUT_BYTES + 1);
      const error = await readJsonFile(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChengzhenError);
      expect((error as ChengzhenError).issues[0]).toMatchObject({ code: 'too_large', message: `${path} is ${MAX_INPUT_BYTES + 1} bytes, more than the ${MAX_INPUT_BYTES} allowed` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('outputText(command, build) turns a text too long for JavaScript into a ChengzhenError and passes other errors on', () => {
    const tooLong = issueOf(() =>
      outputText('run', () => {
        throw new RangeError('Invalid string length');
      }),
    );
    expect(tooLong).toMatchObject({ code: 'too_large', path: [] });
    expect(tooLong.message).toBe('the output of run is longer than the longest text JavaScript can hold (about 512 million characters): write fewer years or regions');
    expect(() =>
      outputText('run', () => {
        throw new TypeError('not this');
      }),
    ).toThrow(TypeError);
    expect(outputText('run', () => 'text')).toBe('text');
  });
});

