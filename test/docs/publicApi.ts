/**
 * The public API as the source declares it: the names the entry points export, followed
 * through their re-exports to the file and declaration that define them, read from the
 * syntax alone (no type checker, so it stays fast).
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** The entry points of the package, one per subpath of package.json. */
export const ENTRY_FILES = ['src/index.ts', 'src/kernel/index.ts', 'src/presets/index.ts', 'src/node/index.ts', 'src/report/index.ts'] as const;

/** One exported name and the declaration behind it. */
export interface PublicSymbol {
  name: string;
  /** The file that declares it, relative to the repository root. */
  file: string;
  /** `value` for functions, classes and constants; `type` for interfaces and type aliases. */
  kind: 'value' | 'type';
  /** The declaration's doc comment (`/** ... *\/`), or null when it has none. */
  doc: string | null;
}

const sources = new Map<string, ts.SourceFile>();

/** The parsed source of a file (absolute path), cached. */
export function sourceFile(path: string): ts.SourceFile {
  let sf = sources.get(path);
  if (!sf) {
    sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    sources.set(path, sf);
  }
  return sf;
}

function resolveModule(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, resolve(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${specifier} from ${relative(ROOT, from)}`);
}

const hasExport = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The raw text of the doc comments attached to a node, or null. */
export function docOf(node: ts.Node): string | null {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  if (docs.length === 0) return null;
  const text = node.getSourceFile().text;
  return docs.map((d) => text.slice(d.pos, d.end)).join('\n');
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));
}

interface Found {
  file: string;
  kind: 'value' | 'type';
  doc: string | null;
}

/** The declaration of `name` exported by module `path`, following re-exports and imports. */
function findExport(path: string, name: string, seen = new Set<string>()): Found | null {
  const key = `${path}#${name}`;
  if (seen.has(key)) return null;
  seen.add(key);
  const sf = sourceFile(path);
  const file = relative(ROOT, path);
  for (const st of sf.statements) {
    if (hasExport(st)) {
      if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name?.text === name) return { file, kind: 'value', doc: docOf(st) };
      if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.name.text === name) return { file, kind: 'type', doc: docOf(st) };
      if (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => bindingNames(d.name).includes(name))) {
        return { file, kind: 'value', doc: docOf(st) };
      }
    }
    if (ts.isExportDeclaration(st)) {
      const target = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? resolveModule(path, st.moduleSpecifier.text) : null;
      if (!st.exportClause && target) {
        const found = findExport(target, name, seen);
        if (found) return found;
      } else if (st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          if (el.name.text !== name) continue;
          const inner = (el.propertyName ?? el.name).text;
          return target ? findExport(target, inner, seen) : findImported(sf, path, inner, seen);
        }
      }
    }
  }
  return null;
}

function findImported(sf: ts.SourceFile, path: string, name: string, seen: Set<string>): Found | null {
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const bindings = st.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) {
      if (el.name.text === name) return findExport(resolveModule(path, st.moduleSpecifier.text), (el.propertyName ?? el.name).text, seen);
    }
  }
  return null;
}

/** Every name a module exports (its own declarations and its re-exports). */
function exportedNames(path: string, seen = new Set<string>()): string[] {
  if (seen.has(path)) return [];
  seen.add(path);
  const names: string[] = [];
  for (const st of sourceFile(path).statements) {
    if (hasExport(st)) {
      if (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) {
        if (st.name) names.push(st.name.text);
      } else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) names.push(...bindingNames(d.name));
      }
    }
    if (ts.isExportDeclaration(st)) {
      if (st.exportClause && ts.isNamedExports(st.exportClause)) names.push(...st.exportClause.elements.map((el) => el.name.text));
      else if (st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) names.push(...exportedNames(resolveModule(path, st.moduleSpecifier.text), seen));
    }
  }
  return names;
}

/**
 * Every public symbol, once per declaration (a name exported by several entry points counts
 * once), in entry order.
 */
export function publicSymbols(): PublicSymbol[] {
  const out = new Map<string, PublicSymbol>();
  for (const entry of ENTRY_FILES) {
    const path = resolve(ROOT, entry);
    for (const name of exportedNames(path)) {
      const found = findExport(path, name);
      if (!found) throw new Error(`${entry} exports ${name}, but its declaration was not found`);
      const key = `${found.file}#${name}`;
      if (!out.has(key)) out.set(key, { name, ...found });
    }
  }
  return [...out.values()];
}
