/**
 * The formula sandbox: arithmetic in `year` works; everything that could reach outside the
 * formula (mathjs functions such as import, assignment, property access, objects, strings,
 * units), unknown symbols, over-long or over-deep formulas, and results that are not finite
 * numbers are rejected with a ChengzhenError naming the field (and the year, for evaluation).
 */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, parseFormula } from '../../src/schema/formula.js';
import { scheduleValues } from '../../src/schema/schedule.js';
import { thrownBy } from '../helpers/errors.js';

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const functionPrototypeBefore = Object.getOwnPropertyNames(Function.prototype).sort();

const PATH = ['hukou', 'conversionRate', 'byRegion', 'coast', 'formula'];

describe('parseFormula(text, path): allowed formulas', () => {
  it.each([
    ['1 + 0.25 * (year - 2024)', 2026, 1.5],
    ['year < 2025 ? 0.01 : 0.02', 2030, 0.02],
    ['max(0, min(1, (year - 2020) / 8))', 2022, 0.25],
    ['2 ^ (year - 2020)', 2023, 8],
    ['year mod 4 == 0 ? 1 : 0', 2024, 1],
    ['year >= 2025 and year <= 2030 ? 1 : 0', 2027, 1],
    ['sqrt(abs(2020 - year))', 2029, 3],
    ['round(pi * 100) / 100', 2020, 3.14],
    ['log(e ^ 2)', 2020, 2],
    ['-(year - 2025)', 2021, 4],
  ])('%s in %i gives %d', (text, year, value) => {
    expect(parseFormula(text, PATH).evaluate(year)).toBe(value);
  });

  it('keeps its text', () => {
    expect(parseFormula('year - 2020', PATH).text).toBe('year - 2020');
  });

  it(`accepts a formula of exactly ${MAX_FORMULA_LENGTH} characters and brackets ${MAX_FORMULA_DEPTH - 4} deep`, () => {
    const long = `year${' + 0'.repeat((MAX_FORMULA_LENGTH - 4) / 4)}`;
    expect(long.length).toBe(MAX_FORMULA_LENGTH);
    expect(parseFormula(long, PATH).evaluate(2024)).toBe(2024);
    const deep = `${'('.repeat(MAX_FORMULA_DEPTH - 4)}year${')'.repeat(MAX_FORMULA_DEPTH - 4)}`;
    expect(parseFormula(deep, PATH).evaluate(2024)).toBe(2024);
  });
});

describe('parseFormula(text, path): rejected before evaluation', () => {
  it.each([
    ['import({}, {override: true})', 'calls import, which is not allowed'],
    ['createUnit("x")', 'calls createUnit, which is not allowed'],
    ['evaluate("1+1")', 'calls evaluate, which is not allowed'],
    ['parse("1")', 'calls parse, which is not allowed'],
    ['simplify("x")', 'calls simplify, which is not allowed'],
    ['a.b', 'uses accessor syntax, which is not allowed'],
    ['x = 1', 'uses assignment syntax, which is not allowed'],
    ['f(x) = x', 'uses functionassignment syntax, which is not allowed'],
    ['[1,2]', 'uses array syntax, which is not allowed'],
    ['{a: 1}', 'uses object syntax, which is not allowed'],
    ['"0.1"', 'may use only numbers, not "0.1"'],
    ["'text' + year", 'may use only numbers, not "text"'],
    ['foo * year', 'names the unknown symbol foo (only year, pi and e are known)'],
    ['constructor', 'names the unknown symbol constructor'],
    ['2 cm', 'names the unknown symbol cm'],
    ['year to cm', 'uses the operator to, which is not allowed'],
    ['year!', 'uses the operator !, which is not allowed'],
    ['1:3', 'uses range syntax, which is not allowed'],
    ['year[1]', 'uses accessor syntax, which is not allowed'],
    ['sin.name', 'uses accessor syntax, which is not allowed'],
    ['year(1)', 'calls year, which is not allowed'],
    ['(year + 1', 'does not parse: Parenthesis ) expected'],
  ])('%s', (text, reason) => {
    const error = thrownBy(() => parseFormula(text, PATH));
    expect(error.issues).toHaveLength(1);
    const [issue] = error.issues;
    expect(issue).toMatchObject({ code: 'formula', path: PATH });
    expect(issue.coords).toBeUndefined();
    expect(issue.message.startsWith(`hukou.conversionRate.byRegion.coast.formula: formula ${JSON.stringify(text)} `)).toBe(true);
    expect(issue.message).toContain(reason);
  });

  it('names the first thing not allowed, reading left to right', () => {
    expect(thrownBy(() => parseFormula('import(1) + foo', ['x'])).message).toContain('calls import');
    expect(thrownBy(() => parseFormula('foo + import(1)', ['x'])).message).toContain('unknown symbol foo');
  });

  it('lists the functions allowed', () => {
    expect(thrownBy(() => parseFormula('import({}, {override: true})', ['hukou', 'conversionRate', 'formula'])).message).toMatchInlineSnapshot(
      `"hukou.conversionRate.formula: formula "import({}, {override: true})" calls import, which is not allowed (allowed: min, max, exp, log, log10, log2, sqrt, abs, pow, floor, ceil, round, sign, sin, cos, tanh)"`,
    );
  });

  it(`rejects a formula longer than ${MAX_FORMULA_LENGTH} characters, showing only its start`, () => {
    const long = `year${' + 1'.repeat(150)}`;
    const error = thrownBy(() => parseFormula(long, ['tfr', 'formula']));
    expect(error.message).toMatchInlineSnapshot(`"tfr.formula: formula "year + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1..." is longer than 500 characters (604)"`);
    expect(error.issues[0].received).toHaveLength(63);
  });

  it('rejects 5000 nested parentheses cleanly (no stack overflow)', () => {
    const deep = `${'('.repeat(5000)}year${')'.repeat(5000)}`;
    const error = thrownBy(() => parseFormula(deep, ['tfr', 'formula']));
    expect(error.issues[0]).toMatchObject({ code: 'formula', path: ['tfr', 'formula'] });
    expect(error.message).toContain('is longer than 500 characters (10004)');
  });

  it(`rejects brackets nested more than ${MAX_FORMULA_DEPTH} deep within the length limit`, () => {
    const deep = `${'('.repeat(200)}year${')'.repeat(200)}`;
    expect(deep.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    expect(thrownBy(() => parseFormula(deep, ['tfr', 'formula'])).message).toContain('nests brackets 200 deep, more than the 128 allowed');
  });

  it(`rejects a syntax tree deeper than ${MAX_FORMULA_DEPTH} levels without brackets`, () => {
    for (const deep of [`${'-'.repeat(495)}year`, `${'1^'.repeat(249)}1`, `year${'+1'.repeat(200)}`]) {
      expect(deep.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
      expect(thrownBy(() => parseFormula(deep, ['tfr', 'formula'])).message).toContain('nests more than 128 levels deep');
    }
  });
});

describe('formula.evaluate(year): results that are not finite numbers', () => {
  /** The error of a schedule whose formula is evaluated from 2024 to 2030. */
  function failure(text: string): ChengzhenError {
    return thrownBy(() => scheduleValues({ formula: text }, ['migration', 'returnRate', 'formula'].slice(0, 2), 2024, 2030, { min: -1e9, max: 1e9 }));
  }

  it.each([
    ['1 / (year - 2027)', 2027, 'must give a finite number, gives Infinity'],
    ['log(2026 - year)', 2026, 'must give a finite number, gives -Infinity'],
    ['year == 2025 ? 0 / 0 : 0.1', 2025, 'must give a finite number, gives NaN'],
    ['sqrt(2027.5 - year) / 10', 2028, 'must give a finite number, gives NaN'],
    ['year == 2029 ? year > 2000 : 0.1', 2029, 'must give a finite number, gives a boolean (true)'],
    ['10 ^ (year - 1700)', 2024, 'must give a finite number, gives Infinity'],
    ['year > 2026 ? pow(year) : 0', 2027, 'fails: Too few arguments in function pow'],
  ])('%s fails in %i', (text, year, reason) => {
    const error = failure(text);
    expect(error.issues).toHaveLength(1);
    const [issue] = error.issues;
    expect(issue).toMatchObject({ code: 'formula', path: ['migration', 'returnRate', 'formula'], coords: { year } });
    expect(issue.message).toContain(`migration.returnRate.formula[year=${year}]: formula ${JSON.stringify(text)} ${reason}`);
  });

  it('says which year, field and value in one line', () => {
    expect(failure('1 / (year - 2027)').message).toMatchInlineSnapshot(
      `"migration.returnRate.formula[year=2027]: formula "1 / (year - 2027)" must give a finite number, gives Infinity"`,
    );
  });
});

describe('the sandbox leaves the process unchanged', () => {
  it('import did not run: functions still mean what they meant', () => {
    for (const text of ['import({sin: 0}, {override: true})', 'import({year: 0}, {override: true})', 'createUnit("year")']) thrownBy(() => parseFormula(text, ['x']));
    expect(parseFormula('sin(year)', ['x']).evaluate(1)).toBe(Math.sin(1));
    expect(parseFormula('year', ['x']).evaluate(2024)).toBe(2024);
  });

  it('Object.prototype and Function.prototype have the same properties as before', () => {
    for (const text of ['a.__proto__.polluted = 1', '{}["constructor"]', 'f(x) = x', 'x = 1']) thrownBy(() => parseFormula(text, ['x']));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(functionPrototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseFormula(text, path): a failure that is not the call stack says what it is', () => {
  it("ceil(1.5, 400) reports mathjs's own reason, not \"nested too deeply\"", () => {
    const error = thrownBy(() => parseFormula('ceil(1.5, 400)', ['tfr']).evaluate(2020));
    expect(error.message).toBe('tfr[year=2020]: formula "ceil(1.5, 400)" fails: number of decimals in ceil number must be in range 0-15');
  });
});
