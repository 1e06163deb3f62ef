import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../src/', import.meta.url));
const FILES = [...readdirSync(`${root}report`).map((f) => `report/${f}`), 'io/arrow.ts'];

interface Import {
  specifier: string;
  /** `import type` / `export type`, or `typeof import(...)`: gone at run time. */
  typeOnly: boolean;
  /** `await import(...)`: loaded on first use. */
  dynamic: boolean;
}

function imports(file: string): Import[] {
  const text = readFileSync(`${root}${file}`, 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)(\s+type)?\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)) found.push({ specifier: m[2], typeOnly: m[1] !== undefined, dynamic: false });
  for (const m of text.matchAll(/(typeof\s+)?\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ specifier: m[2], typeOnly: m[1] !== undefined, dynamic: m[1] === undefined });
  return found;
}

describe('src/report and src/io/arrow.ts imports', () => {
  it('reads the files', () => {
    expect(FILES).toContain('report/renderSvg.ts');
    expect(imports('report/renderSvg.ts').map((i) => i.specifier)).toEqual(['vega', '../errors.js', './charts.js', 'vega', 'vega-lite', 'vega', 'vega-lite']);
  });

  it('use no Node built-ins, so reports run in browsers', () => {
    for (const file of FILES) {
      for (const { specifier } of imports(file)) {
        expect(specifier.startsWith('node:') || builtinModules.includes(specifier), `${file} imports ${specifier}`).toBe(false);
      }
    }
  });

  it('load Vega and Vega-Lite only when a chart is rendered (they cannot be required from CommonJS)', () => {
    const vega = FILES.flatMap((file) => imports(file).filter((i) => i.specifier === 'vega' || i.specifier === 'vega-lite').map((i) => ({ file, ...i })));
    expect(vega.filter((i) => !i.typeOnly && !i.dynamic)).toEqual([]);
    expect(vega.filter((i) => i.dynamic)).toEqual([
      { file: 'report/renderSvg.ts', specifier: 'vega', typeOnly: false, dynamic: true },
      { file: 'report/renderSvg.ts', specifier: 'vega-lite', typeOnly: false, dynamic: true },
    ]);
  });

  it('sit on top of model/ and never reach into node/ or cli/', () => {
    for (const file of FILES) {
      for (const { specifier } of imports(file)) {
        expect(/(^|\/)(node|cli)\//.test(specifier), `${file} imports ${specifier}`).toBe(false);
      }
    }
  });
});
