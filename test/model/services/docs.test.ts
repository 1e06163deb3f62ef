/**
 * docs/services.md stays true: its worked example, projected again, gives the numbers its
 * tables show, to the digits shown.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { project } from '../../../src/model/project.js';
import { asIndicatorKey } from '../../../src/model/indicatorTable.js';

const text = readFileSync(new URL('../../../docs/services.md', import.meta.url), 'utf8');

/** The rows of the markdown table whose header starts with `| ${first} |`. */
function table(first: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${first} |`));
  expect(start, `a table starting "| ${first} |"`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].trimStart().startsWith('|'); i++) {
    rows.push(lines[i].trim().slice(1, -1).split('|').map((cell) => cell.trim()));
  }
  return rows;
}

/** A number as the doc prints it ("10,118", "0.353") and the decimals it shows. */
function shown(cell: string): { value: number; decimals: number } {
  const plain = cell.replace(/,/g, '');
  return { value: Number(plain), decimals: plain.includes('.') ? plain.split('.')[1].length : 0 };
}

describe('docs/services.md', () => {
  const json = /```json\n([\s\S]*?)\n```/.exec(text)![1];
  const projection = project(JSON.parse(json));

  it('the worked example\'s 2025 table of elderly care beds', () => {
    const rows = table('figure | city | county | all');
    expect(rows.map((r) => r[0])).toEqual(['demand', 'capacity', 'shortfall', 'surplus', 'utilisation', 'coverage', 'additionsNeededPerYear', 'migrantDemand', 'migrantCoverage']);
    for (const row of rows) {
      ['city', 'county', 'all'].forEach((region, i) => {
        const { value, decimals } = shown(row[i + 1]);
        const actual = projection.indicator(asIndicatorKey(`elderlyCareBeds.${row[0]}`), { region }).values.at(-1)!;
        expect(Math.abs(actual - value), `${row[0]} ${region}: ${actual} shown as ${row[i + 1]}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
      });
    }
  });

  it('the worked example\'s city shortfalls and additions by year', () => {
    const rows = table('year | shortfall | additionsNeededPerYear');
    expect(rows.map((r) => Number(r[0]))).toEqual(projection.years);
    const shortfall = projection.indicator('elderlyCareBeds.shortfall', { region: 'city' }).values;
    const additions = projection.indicator('elderlyCareBeds.additionsNeededPerYear', { region: 'city' }).values;
    rows.forEach((row, y) => {
      expect(Math.round(shortfall[y])).toBe(shown(row[1]).value);
      expect(Math.round(additions[y])).toBe(shown(row[2]).value);
    });
  });

  it('the worked example\'s TypeScript results and CSV lines', () => {
    const coverage = projection.indicator('elderlyCareBeds.migrantCoverage', { region: 'city' }).values.at(-1)!;
    expect(text).toContain(`// => ${coverage}\n`);
    const demand = projection.indicator('elderlyCareBeds.demand', { region: 'city' });
    demand.years.forEach((year, y) => expect(text).toContain(`${year},city,elderlyCareBeds.demand,${demand.values[y]},beds\n`));
  });
});
