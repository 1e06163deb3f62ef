/**
 * Formulas in `year` for schedules, evaluated with mathjs in a locked-down form: the formula
 * is parsed, and its syntax tree may hold only numbers, the symbol `year`, the constants `pi`
 * and `e`, arithmetic, comparison and logical operators, `cond ? a : b`, parentheses, and
 * calls of the functions listed in {@link FORMULA_FUNCTIONS}. Anything else (assignment,
 * property access, objects, strings, units, `import`, `createUnit`, `evaluate`, `parse` ...)
 * is rejected before evaluation, so a formula cannot reach outside itself. Length and nesting
 * are bounded ({@link MAX_FORMULA_LENGTH}, {@link MAX_FORMULA_DEPTH}) before anything recurses.
 */

import { all, create, type MathNode } from 'mathjs/number';
import { ChengzhenError, formatPath } from '../errors.js';

// the number-only build: plain doubles, no units, matrices, big numbers or complex results
const math = create(all);

/**
 * The functions a formula may call.
 *
 * @example
 * FORMULA_FUNCTIONS.includes('exp')
 * // => true
 */
export const FORMULA_FUNCTIONS = Object.freeze([
  'min', 'max', 'exp', 'log', 'log10', 'log2', 'sqrt', 'abs', 'pow', 'floor', 'ceil', 'round', 'sign', 'sin', 'cos', 'tanh',
] as const);
/**
 * The symbols a formula may name besides `year`.
 *
 * @example
 * parseFormula('2 * pi', ['x']).evaluate(2024)
 * // => 6.283185307179586
 */
export const FORMULA_CONSTANTS = Object.freeze(['pi', 'e'] as const);
/**
 * The longest formula accepted, in characters.
 *
 * @example
 * parseFormula('1'.repeat(MAX_FORMULA_LENGTH + 1), ['tfr'])
 * // => throws ChengzhenError: is longer than 500 characters (501)
 */
export const MAX_FORMULA_LENGTH = 500;
/**
 * The deepest formula accepted: brackets nested, or levels of its syntax tree. Parsing,
 * checking and evaluating recurse once per level, so a bound keeps them far from the stack
 * limit (500 characters hold `--...--year`, 496 levels deep); on a smaller stack than
 * Node's default, what still runs out of stack is reported as a ChengzhenError too.
 *
 * @example
 * parseFormula('('.repeat(129) + 'year' + ')'.repeat(129), ['tfr'])
 * // => throws ChengzhenError: nests brackets 129 deep, more than the 128 allowed
 */
export const MAX_FORMULA_DEPTH = 128;

const OPERATORS = new Set(['+', '-', '*', '/', '^', '<', '>', '<=', '>=', '==', '!=', 'and', 'or', 'not', 'mod']);
const FUNCTIONS = new Set<string>(FORMULA_FUNCTIONS);
const CONSTANTS = new Set<string>(FORMULA_CONSTANTS);

/** A checked formula, ready to evaluate for any year. */
export interface Formula {
  text: string;
  evaluate(year: number): number;
}

function formulaError(path: (string | number)[], text: string, reason: string, year?: number): ChengzhenError {
  const where = `${formatPath(path)}${year === undefined ? '' : `[year=${year}]`}`;
  const shown = text.length > 60 ? `${text.slice(0, 60)}...` : text;
  return new ChengzhenError([
    {
      code: 'formula',
      path,
      ...(year === undefined ? {} : { coords: { year } }),
      message: `${where}: formula ${JSON.stringify(shown)} ${reason}`,
      expected: `arithmetic in year with ${FORMULA_FUNCTIONS.join(', ')}`,
      received: shown,
    },
  ]);
}

/** The reason given when a formula within the limits still exhausts a small call stack. */
const TOO_DEEP = 'is nested too deeply for the call stack here: write it with fewer levels';

/**
 * Why a formula failed: only a RangeError from the call stack is "nested too deeply"; any
 * other (such as mathjs refusing `ceil(1.5, 400)`) says what it is.
 */
function failure(error: unknown, what: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof RangeError && /call stack/i.test(message) ? TOO_DEEP : `${what}: ${message}`;
}

/** How deeply brackets nest in `text` (checked before parsing). */
function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') deepest = Math.max(deepest, ++depth);
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return deepest;
}

/** What a formula gave, for a message: `-Infinity`, `a boolean (true)`, `a complex number (0 + 2i)`. */
function describeResult(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return `a boolean (${value})`;
  if (value !== null && typeof value === 'object' && math.typeOf(value) === 'Complex') return `a complex number (${math.format(value, { precision: 6 })})`;
  return value === null ? 'null' : typeof value;
}

/** Returns why a node is not allowed, or null when it is. */
function rejectNode(node: MathNode, path: string, parent: MathNode | null): string | null {
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as unknown as { value: unknown }).value;
      return typeof value === 'number' ? null : `may use only numbers, not ${JSON.stringify(value)}`;
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      if (parent?.type === 'FunctionNode' && path === 'fn') {
        return FUNCTIONS.has(name) ? null : `calls ${name}, which is not allowed (allowed: ${FORMULA_FUNCTIONS.join(', ')})`;
      }
      return name === 'year' || CONSTANTS.has(name) ? null : `names the unknown symbol ${name} (only year, pi and e are known)`;
    }
    case 'OperatorNode': {
      const op = (node as unknown as { op: string }).op;
      return OPERATORS.has(op) ? null : `uses the operator ${op}, which is not allowed`;
    }
    case 'FunctionNode': {
      const fn = (node as unknown as { fn: MathNode }).fn;
      return fn.type === 'SymbolNode' ? null : 'calls something that is not a plain function name';
    }
    case 'ParenthesisNode':
    case 'ConditionalNode':
      return null;
    default:
      return `uses ${node.type.replace(/Node$/, '').toLowerCase()} syntax, which is not allowed`;
  }
}

/**
 * Parses and checks a formula in `year`.
 *
 * @throws {ChengzhenError} `formula` when it does not parse or uses anything not allowed.
 * @example
 * parseFormula('1 + 0.25 * (year - 2024)', ['tfr']).evaluate(2026)
 * // => 1.5
 */
export function parseFormula(text: string, path: (string | number)[]): Formula {
  if (text.length > MAX_FORMULA_LENGTH) throw formulaError(path, text, `is longer than ${MAX_FORMULA_LENGTH} characters (${text.length})`);
  const brackets = bracketDepth(text);
  if (brackets > MAX_FORMULA_DEPTH) throw formulaError(path, text, `nests brackets ${brackets} deep, more than the ${MAX_FORMULA_DEPTH} allowed`);
  let root: MathNode;
  try {
    root = math.parse(text);
  } catch (error) {
    throw formulaError(path, text, failure(error, 'does not parse'));
  }
  // an explicit stack rather than node.traverse, which recurses once per level
  const stack: { node: MathNode; path: string; parent: MathNode | null; depth: number }[] = [{ node: root, path: '', parent: null, depth: 1 }];
  while (stack.length > 0) {
    const { node, path: nodePath, parent, depth } = stack.pop()!;
    if (depth > MAX_FORMULA_DEPTH) throw formulaError(path, text, `nests more than ${MAX_FORMULA_DEPTH} levels deep`);
    const reason = rejectNode(node, nodePath, parent);
    if (reason !== null) throw formulaError(path, text, reason);
    const children: typeof stack = [];
    node.forEach((child, childPath) => children.push({ node: child, path: childPath, parent: node, depth: depth + 1 }));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]); // leftmost first, as written
  }
  let compiled: ReturnType<MathNode['compile']>;
  try {
    compiled = root.compile();
  } catch (error) {
    throw formulaError(path, text, failure(error, 'does not compile'));
  }
  return {
    text,
    evaluate(year: number): number {
      let value: unknown;
      try {
        value = compiled.evaluate({ year });
      } catch (error) {
        throw formulaError(path, text, failure(error, 'fails'), year);
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw formulaError(path, text, `must give a finite number, gives ${describeResult(value)}`, year);
      }
      return value;
    },
  };
}
