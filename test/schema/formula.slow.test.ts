/**
 * The formula sandbox on a small call stack, in a child process (a process: slow): formulas
 * within the length and depth limits that exhaust the stack are a ChengzhenError, never a
 * RangeError.
 */

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('parseFormula(text, path) on a small call stack', () => {
  it('reports formulas within the limits that exhaust the stack as ChengzhenError, never RangeError', () => {
    // a child process with a stack about an eighth of Node's default
    const formulaModule = new URL('../../src/schema/formula.ts', import.meta.url).href;
    const script = `
      import { parseFormula } from ${JSON.stringify(formulaModule)};
      const out = [];
      for (const text of ['year' + ' + 0'.repeat(124), '-'.repeat(126) + 'year', '('.repeat(127) + 'year' + ')'.repeat(127), 'year - 2020']) {
        try { out.push(parseFormula(text, ['tfr', 'formula']).evaluate(2024)); } catch (e) { out.push(e.constructor.name); }
      }
      console.log(JSON.stringify(out));`;
    const stdout = execFileSync(process.execPath, ['--stack-size=120', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const results = JSON.parse(stdout) as unknown[];
    expect(results).toHaveLength(4);
    for (const r of results.slice(0, 3)) expect([2024, 'ChengzhenError']).toContain(r);
    expect(results[3]).toBe(4);
  });
});
