/**
 * examples/notebook.ipynb: its code cells run. Node cannot run a Deno notebook as it is, so the
 * cells are joined into one module, their imports rewritten (the build's relative path to a
 * file URL, `npm:` specifiers to bare names from node_modules), compiled from TypeScript with
 * esbuild and run with node from the repository root. What is executed:
 *
 * - every code cell that uses the library (import, projection, tidy table, scorecard);
 * - the cells tagged `plot` (Observable Plot drawing into a linkedom document) only when
 *   `@observablehq/plot` and `linkedom` are installed in node_modules; otherwise they are left
 *   out and the test says so;
 * - nothing of the Jupyter display itself (the kernel showing the returned SVG).
 *
 * When `deno` is on the PATH, the cells also run unmodified with `deno run` from examples/.
 * Everything is skipped, with a message, when dist/ has not been built (`npm run build`).
 */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { getPreset, project } from '../../src/index.js';
import { cellSource, isInstalled, npmImports, readNotebook, rewriteImportsForNode } from './notebookCells.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOTEBOOK = join(ROOT, 'examples', 'notebook.ipynb');
const DIST_INDEX = join(ROOT, 'dist', 'index.js');
const hasDist = existsSync(DIST_INDEX);
if (!hasDist) console.warn('examples/notebook.ipynb: dist/index.js is missing, so the notebook cells are not run (npm run build first)');

const notebook = readNotebook(NOTEBOOK);
const codeCells = notebook.cells.filter((cell) => cell.cell_type === 'code');
const plotCells = codeCells.filter((cell) => cell.metadata.tags?.includes('plot'));
const plotPackages = [...new Set(plotCells.flatMap((cell) => npmImports(cellSource(cell))))];
const plotInstalled = plotPackages.every((name) => isInstalled(ROOT, name));
if (!plotInstalled) {
  console.warn(`examples/notebook.ipynb: the ${plotCells.length} chart cells are not run (${plotPackages.filter((n) => !isInstalled(ROOT, n)).join(', ')} not in node_modules)`);
}

function whichDeno(): string | null {
  const found = spawnSync('deno', ['--version'], { encoding: 'utf8' });
  return found.status === 0 ? 'deno' : null;
}
const deno = whichDeno();

/** A statement appended to the cells: what the test checks, printed as one JSON line. */
function probe(withChart: boolean): string {
  const chart = withChart ? ', svg: chart.tagName.toLowerCase(), lines: chart.querySelectorAll(\'g[aria-label="line"] path\').length, dots: chart.querySelectorAll(\'g[aria-label="dot"] circle\').length' : '';
  return `\nconsole.log("PROBE " + JSON.stringify({ rows: rows.length, years: wide.map((w) => w.year), resident2029: wide.find((w) => w.year === 2029)["resident urban (%)"], status: card[0].status${chart} }));\n`;
}

/** The probe line of a run's standard output. */
function probeOf(stdout: string): Record<string, unknown> {
  const line = stdout.split('\n').find((l) => l.startsWith('PROBE '));
  expect(line, `no PROBE line in:\n${stdout}`).toBeDefined();
  return JSON.parse(line!.slice('PROBE '.length));
}

// what the notebook must show, from the library itself
const expected = (() => {
  const projection = project(getPreset('national-2024-2028-trend').scenario);
  const resident = projection.indicator('residentUrbanisationRate');
  return {
    years: projection.years,
    rows: 2 * projection.years.length,
    resident2029: Math.round(10000 * resident.values[resident.years.indexOf(2029)]) / 100,
  };
})();

describe('examples/notebook.ipynb', () => {
  it('is an nbformat 4 notebook for the Deno kernel that imports the build by one relative path', () => {
    expect(notebook.nbformat).toBe(4);
    expect(notebook.metadata.kernelspec?.name).toBe('deno');
    expect(notebook.cells[0].cell_type).toBe('markdown');
    expect(cellSource(notebook.cells[0])).toContain('`../dist/index.js`');
    const imports = codeCells.flatMap((cell) => [...cellSource(cell).matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]));
    expect(imports).toEqual(['../dist/index.js', 'npm:@observablehq/plot@0.6', 'npm:linkedom@0.18']);
    expect(plotCells.length).toBe(2);
  });

  it('rewriteImportsForNode(source, dist) maps the build to a file URL and npm: specifiers to bare names', () => {
    const source = 'import { project } from "../dist/index.js";\nimport * as Plot from "npm:@observablehq/plot@0.6";\nimport { x } from \'npm:linkedom@0.18/worker\';';
    expect(rewriteImportsForNode(source, '/repo/dist/index.js')).toBe(
      'import { project } from "file:///repo/dist/index.js";\nimport * as Plot from "@observablehq/plot";\nimport { x } from \'linkedom/worker\';',
    );
    expect(npmImports(source)).toEqual(['@observablehq/plot', 'linkedom']);
  });

  it.skipIf(!hasDist)('runs its code cells with node and prints the projection, the tidy table and the scorecard', async () => {
    const cells = codeCells.filter((cell) => plotInstalled || !cell.metadata.tags?.includes('plot'));
    const typescript = cells.map((cell) => rewriteImportsForNode(cellSource(cell), DIST_INDEX)).join('\n') + probe(plotInstalled);
    const { code } = await transform(typescript, { loader: 'ts', format: 'esm', target: 'node20' });
    const run = spawnSync(process.execPath, ['--input-type=module'], { input: code, cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('China: 2021-2023 trends continued');
    expect(run.stdout).toContain('resident urban (%)');
    const seen = probeOf(run.stdout);
    expect(seen.rows).toBe(expected.rows);
    expect(seen.years).toEqual(expected.years);
    expect(seen.resident2029).toBe(expected.resident2029);
    expect(seen.status).toBe('met');
    if (plotInstalled) {
      // one line per indicator, one dot per tidy row
      expect(seen.svg).toBe('svg');
      expect(seen.lines).toBe(2);
      expect(seen.dots).toBe(expected.rows);
    }
  });

  it.skipIf(!hasDist || deno === null)('runs its code cells unmodified with deno from examples/', () => {
    const cells = codeCells.filter((cell) => plotInstalled || !cell.metadata.tags?.includes('plot'));
    const source = cells.map(cellSource).join('\n') + probe(plotInstalled);
    const run = spawnSync(deno!, ['run', '--allow-all', '--quiet', '-'], { input: source, cwd: join(ROOT, 'examples'), encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const seen = probeOf(run.stdout);
    expect(seen.resident2029).toBe(expected.resident2029);
    expect(seen.status).toBe('met');
  });
});
