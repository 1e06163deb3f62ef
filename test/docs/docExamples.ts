/**
 * The `@example` blocks of doc comments, and what their `// => value` lines claim.
 *
 * A block is code; a line `// => value` claims the value of the expression just before it
 * (or on the same line, as in `f(1); // => 2`).
 * Values are literals: numbers (equal to the digits shown, or to a tolerance the note after
 * them states, as in `// => 40 (within 1e-9)`), strings, `true`, `false`, `null`, arrays and
 * objects of these, `Float64Array [1, 2]`, and `throws ChengzhenError: message fragment`.
 * A value followed by `(for example)` or written in words is descriptive and cannot be checked.
 */

import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import ts from 'typescript';
import { ROOT, sourceFile } from './publicApi.js';

/** One `@example` block. */
export interface DocExample {
  /** File relative to the repository root. */
  file: string;
  /** The declaration documented: `name`, or `Class.member`, with ` (example n)` when a doc has several. */
  symbol: string;
  /** The block's code, comment stars removed. */
  code: string;
}

/** What a `// =>` line claims. */
export type Expected =
  | { kind: 'number'; value: number; tolerance: number; text: string }
  | { kind: 'string' | 'boolean' | 'null' | 'undefined'; value: unknown }
  | { kind: 'array'; items: Expected[] }
  | { kind: 'typedArray'; name: string; items: Expected[] }
  | { kind: 'object'; entries: [string, Expected][] }
  | { kind: 'throws'; name: string; fragment: string };

const DOCUMENTED = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.PropertyAssignment,
]);

function nameOf(node: ts.Node): string {
  if (ts.isVariableStatement(node)) return node.declarationList.declarations.map((d) => d.name.getText()).join(', ');
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const name = (node as { name?: ts.Node }).name;
  return name ? name.getText() : '(anonymous)';
}

/** `Outer.inner` for members of classes, interfaces and object literals. */
function qualifiedName(node: ts.Node): string {
  const parts = [nameOf(node)];
  for (let p = node.parent; p && !ts.isSourceFile(p); p = p.parent) {
    if (DOCUMENTED.has(p.kind) && !ts.isVariableStatement(p)) parts.unshift(nameOf(p));
    else if (ts.isVariableDeclaration(p)) parts.unshift(p.name.getText());
  }
  return parts.join('.');
}

/** The lines of a doc comment without `/**`, `*\/` and the leading ` * `. */
function commentLines(raw: string): string[] {
  return raw
    .replace(/^\s*\/\*\*/, '')
    .replace(/\*\/\s*$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''));
}

/** The `@example` blocks of one doc comment. */
export function examplesInComment(raw: string): string[] {
  const blocks: string[] = [];
  let current: string[] | null = null;
  for (const line of commentLines(raw)) {
    const tag = /^\s*@(\w+)(.*)$/.exec(line);
    if (tag) {
      if (current) blocks.push(current.join('\n'));
      current = tag[1] === 'example' ? (tag[2].trim() ? [tag[2].trim()] : []) : null;
    } else if (current) current.push(line);
  }
  if (current) blocks.push(current.join('\n'));
  return blocks.map((b) => b.replace(/\s+$/, '')).filter((b) => b.length > 0);
}

/** Every `@example` block of a source file (absolute path), by the declaration it documents. */
export function examplesInFile(path: string): DocExample[] {
  const sf = sourceFile(path);
  const file = relative(ROOT, path);
  const out: DocExample[] = [];
  const seen = new Set<number>();
  const visit = (node: ts.Node): void => {
    if (DOCUMENTED.has(node.kind)) {
      const docs = ts.getJSDocCommentsAndTags(node).filter((d): d is ts.JSDoc => ts.isJSDoc(d) && !seen.has(d.pos));
      const blocks: string[] = [];
      for (const d of docs) {
        seen.add(d.pos);
        blocks.push(...examplesInComment(sf.text.slice(d.pos, d.end)));
      }
      const symbol = qualifiedName(node);
      blocks.forEach((code, i) => out.push({ file, symbol: blocks.length > 1 ? `${symbol} (example ${i + 1})` : symbol, code }));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // an @example in a comment no declaration owns would be lost silently
  const tags = (readFileSync(path, 'utf8').match(/^\s*\*\s*@example\b/gm) ?? []).length;
  if (tags !== out.length) throw new Error(`${file} has ${tags} @example tags, but ${out.length} were found on declarations`);
  return out;
}

// ---- values ----------------------------------------------------------------------------

/** Half a unit in the last digit shown: `0.0257` -> 5e-5, `1400` -> 0.5, `2.5e6` -> 5e4. */
export function digitsTolerance(text: string): number {
  const m = /^[-+]?(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(text.replace(/_/g, ''));
  if (!m) throw new Error(`not a number: ${text}`);
  const decimals = (m[2] ?? '').length - Number(m[3] ?? 0);
  // divide rather than multiply by 10^-d, so that 5e-5 prints as 0.00005
  return decimals >= 0 ? 0.5 / 10 ** decimals : 0.5 * 10 ** -decimals;
}

function literal(node: ts.Expression, tolerance: number | null): Expected | null {
  if (ts.isParenthesizedExpression(node)) return literal(node.expression, tolerance);
  if (ts.isNumericLiteral(node) || (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand) && (node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken))) {
    const text = node.getText();
    return { kind: 'number', value: Number(text.replace(/_/g, '')), tolerance: tolerance ?? digitsTolerance(text), text };
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', value: node.text };
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'boolean', value: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'boolean', value: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null', value: null };
  if (ts.isIdentifier(node) && node.text === 'undefined') return { kind: 'undefined', value: undefined };
  if (ts.isArrayLiteralExpression(node)) {
    const items = node.elements.map((e) => literal(e, tolerance));
    return items.every((i) => i !== null) ? { kind: 'array', items: items as Expected[] } : null;
  }
  if (ts.isObjectLiteralExpression(node)) {
    const entries: [string, Expected][] = [];
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return null;
      const value = literal(p.initializer, tolerance);
      if (!value) return null;
      entries.push([p.name.text, value]);
    }
    return { kind: 'object', entries };
  }
  return null;
}

function parseLiteral(text: string, tolerance: number | null): Expected | null {
  const sf = ts.createSourceFile('value.ts', `(${text}\n)`, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  if ((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0) return null;
  const [st] = sf.statements;
  if (sf.statements.length !== 1 || !ts.isExpressionStatement(st)) return null;
  return literal(st.expression, tolerance);
}

/** The tolerance a note states: `(within 1e-9)`, `(to 0.01; ...)`, `(to 5 decimals)`; null for none. */
function noteTolerance(note: string): number | null {
  const decimals = /\bto (\d+) decimals?\b/.exec(note);
  if (decimals) return 0.5 / 10 ** Number(decimals[1]);
  const absolute = /\b(?:within|to)\s+(?:about\s+)?(\d*\.?\d+(?:e[-+]?\d+)?)(?![\w.])/i.exec(note);
  return absolute ? Number(absolute[1]) : null;
}

/** What a `// =>` line claims, or a reason it cannot be checked. */
export function parseExpected(text: string): Expected | { descriptive: string } {
  const value = text.trim();
  const thrown = /^throws (\w+)(?::\s*(.*))?$/.exec(value);
  if (thrown) return { kind: 'throws', name: thrown[1], fragment: thrown[2] ?? '' };
  // a value, then optionally a note in parentheses
  const split = /^(.*?)\s+\(([^()]*(?:\([^()]*\)[^()]*)*)\)$/.exec(value);
  const candidates: [string, string][] = [[value, '']];
  if (split) candidates.push([split[1], split[2]]);
  for (const [body, note] of candidates) {
    if (/\bfor example\b|\be\.g\./i.test(note)) return { descriptive: `the value is an illustration: ${value}` };
    const tolerance = noteTolerance(note);
    const typed = /^(Float64Array|Float32Array|Int32Array|Uint8Array)\s*(\[.*\])$/.exec(body);
    if (typed) {
      const items = parseLiteral(typed[2], tolerance);
      if (items && items.kind === 'array') return { kind: 'typedArray', name: typed[1], items: items.items };
      continue;
    }
    const parsed = parseLiteral(body, tolerance);
    if (parsed) return parsed;
  }
  return { descriptive: `the value is not a literal: ${value}` };
}

/** Differences between an actual value and a claim, as readable lines (empty when they agree). */
export function differences(actual: unknown, expected: Expected, at = 'value'): string[] {
  const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : ArrayBuffer.isView(v) ? `${v.constructor.name} [${Array.from(v as Float64Array).join(', ')}]` : Array.isArray(v) ? `[${v.map(String).join(', ')}]` : String(v));
  switch (expected.kind) {
    case 'number':
      if (typeof actual !== 'number' || !(Math.abs(actual - expected.value) <= expected.tolerance)) {
        return [`${at}: ${show(actual)} is not ${expected.text} (to ${expected.tolerance})`];
      }
      return [];
    case 'string':
    case 'boolean':
    case 'null':
    case 'undefined':
      return Object.is(actual, expected.value) ? [] : [`${at}: ${show(actual)} is not ${show(expected.value)}`];
    case 'array':
    case 'typedArray': {
      const isTyped = expected.kind === 'typedArray';
      if (isTyped ? !(ArrayBuffer.isView(actual) && actual.constructor.name === expected.name) : !Array.isArray(actual)) {
        return [`${at}: ${show(actual)} is not ${isTyped ? `a ${expected.name}` : 'an array'}`];
      }
      const list = Array.from(actual as ArrayLike<unknown>);
      if (list.length !== expected.items.length) return [`${at}: ${show(actual)} has ${list.length} items, not ${expected.items.length}`];
      return expected.items.flatMap((item, i) => differences(list[i], item, `${at}[${i}]`));
    }
    case 'object': {
      if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return [`${at}: ${show(actual)} is not an object`];
      const keys = Object.keys(actual).filter((k) => (actual as Record<string, unknown>)[k] !== undefined);
      const wanted = expected.entries.map(([k]) => k);
      const out = keys.filter((k) => !wanted.includes(k)).map((k) => `${at}.${k}: not in the example`);
      for (const [k, v] of expected.entries) out.push(...differences((actual as Record<string, unknown>)[k], v, `${at}.${k}`));
      return out;
    }
    case 'throws':
      return [`${at}: returned ${show(actual)} instead of throwing ${expected.name}`];
  }
}

// ---- running ---------------------------------------------------------------------------

/** A block ready to run, or the reason it cannot be checked. */
export type Prepared = { run: (scope: Record<string, unknown>) => Promise<Outcome[]>; claims: Expected[] } | { notExecutable: string };

/** What one checked expression did. */
export type Outcome = { value: unknown } | { error: unknown };

const CLAIM = /^\s*\/\/ =>\s?(.*)$/;

/**
 * Splits a block at its `// =>` lines and rewrites the expression before each into a call
 * that records its value (or what it threw), then compiles the block as the body of an async
 * function whose parameters are the names in scope.
 */
export function prepare(code: string): Prepared {
  // `expression; // => value` on one line reads as the expression, then the claim
  const lines = code.split('\n').flatMap((line) => {
    const inline = /^(\s*[^\s/].*?);?\s*\/\/ =>\s?(.*)$/.exec(line);
    return inline ? [inline[1], `// => ${inline[2]}`] : [line];
  });
  const segments: string[][] = [[]];
  const claims: Expected[] = [];
  for (const line of lines) {
    const m = CLAIM.exec(line);
    if (!m) {
      segments[segments.length - 1].push(line);
      continue;
    }
    const expected = parseExpected(m[1]);
    if ('descriptive' in expected) return { notExecutable: expected.descriptive };
    claims.push(expected);
    segments.push([]);
  }
  if (claims.length === 0) return { notExecutable: 'no `// => value` line' };
  const body: string[] = [];
  for (let i = 0; i < claims.length; i++) {
    const text = segments[i].join('\n');
    const prefix = 'async function __example() {\n';
    const sf = ts.createSourceFile('example.ts', `${prefix}${text}\n}`, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const fn = sf.statements[0];
    const last = fn && ts.isFunctionDeclaration(fn) ? fn.body?.statements.at(-1) : undefined;
    if (!last || !ts.isExpressionStatement(last)) return { notExecutable: `the code before claim ${i + 1} does not end in an expression` };
    const start = last.getStart(sf) - prefix.length;
    const end = last.end - prefix.length;
    const expression = last.expression.getText(sf);
    body.push(`${text.slice(0, start)}await __check(${i}, async () => (${expression}));${text.slice(end)}`);
  }
  body.push(segments[claims.length].join('\n'));
  const source = `(async (__check) => {\n${body.join('\n')}\n})`;
  const output = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
  if (output.diagnostics?.length) {
    const message = ts.flattenDiagnosticMessageText(output.diagnostics[0].messageText, '\n');
    return { run: async () => Promise.reject(new SyntaxError(`the example does not compile: ${message}`)), claims };
  }
  const js = output.outputText.replace(/^export \{\};\s*$/m, '').trim();
  const run = async (scope: Record<string, unknown>): Promise<Outcome[]> => {
    const names = Object.keys(scope);
    const make = new Function(...names, `"use strict";\nreturn ${js}`) as (...values: unknown[]) => (check: (i: number, f: () => Promise<unknown>) => Promise<void>) => Promise<void>;
    const outcomes: Outcome[] = [];
    await make(...names.map((n) => scope[n]))(async (i, f) => {
      try {
        outcomes[i] = { value: await f() };
      } catch (error) {
        outcomes[i] = { error };
      }
    });
    return outcomes;
  };
  return { run, claims };
}

/** Differences between what a checked expression did and its claim. */
export function outcomeDifferences(outcome: Outcome | undefined, expected: Expected): string[] {
  if (!outcome) return ['the expression was never reached'];
  if ('error' in outcome) {
    const error = outcome.error as Error;
    if (expected.kind !== 'throws') return [`threw ${error?.name}: ${error?.message}`];
    const problems: string[] = [];
    if (error?.name !== expected.name) problems.push(`threw ${error?.name}, not ${expected.name}`);
    if (!String(error?.message).includes(expected.fragment)) problems.push(`the message ${JSON.stringify(error?.message)} does not contain ${JSON.stringify(expected.fragment)}`);
    return problems;
  }
  return differences(outcome.value, expected);
}

/** Absolute path of a file given relative to the repository root. */
export const absolute = (file: string) => resolve(ROOT, file);
