/**
 * Reads the code cells of a Jupyter notebook and turns them into one ES module, with the
 * imports rewritten for Node: the relative import of the build (`../dist/index.js`) becomes an
 * absolute file URL, and `npm:NAME@RANGE` becomes the bare `NAME`, resolved from the
 * repository's node_modules.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One cell of an nbformat 4 notebook. */
export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  metadata: { tags?: string[] };
  source: string[] | string;
}

/** The parts of an nbformat 4 notebook the tests read. */
export interface Notebook {
  nbformat: number;
  metadata: { kernelspec?: { name: string; language: string }; language_info?: { name: string } };
  cells: NotebookCell[];
}

/** The notebook at `path`. */
export function readNotebook(path: string): Notebook {
  return JSON.parse(readFileSync(path, 'utf8')) as Notebook;
}

/** A cell's source as one string. */
export function cellSource(cell: NotebookCell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : cell.source;
}

/** The npm packages a cell imports with `npm:` specifiers, without versions: `@observablehq/plot`. */
export function npmImports(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/from\s+["']npm:((?:@[^/"']+\/)?[^@/"']+)[^"']*["']/g)) names.push(match[1]);
  return names;
}

/** Whether `name` is installed in the repository's node_modules. */
export function isInstalled(root: string, name: string): boolean {
  return existsSync(join(root, 'node_modules', name, 'package.json'));
}

/**
 * A cell's source with its imports rewritten for Node: `../dist/index.js` to the build's file
 * URL, `npm:NAME@RANGE/PATH` to `NAME/PATH`.
 */
export function rewriteImportsForNode(source: string, distIndex: string): string {
  return source
    .replace(/(["'])\.\.\/dist\/index\.js\1/g, JSON.stringify(pathToFileURL(distIndex).href))
    .replace(/(["'])npm:((?:@[^/"']+\/)?[^@/"']+)(?:@[^/"']*)?(\/[^"']*)?\1/g, (_, quote: string, name: string, path: string | undefined) => `${quote}${name}${path ?? ''}${quote}`);
}
