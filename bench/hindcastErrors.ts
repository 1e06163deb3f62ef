/**
 * Births and deaths of the hindcasts against the published figures, per area and year:
 * the pure hindcast (data up to 2020) and the one fitted to 2021-2022. Also the resident
 * urbanisation error. A measurement, not a test: run with
 *
 *     npx tsx bench/hindcastErrors.ts [area ...]
 *
 * and read the markdown table on stdout. Errors are (projected - observed) / observed.
 */

import { HINDCAST_AREAS, hindcast, type HindcastResult } from '../src/presets/hindcast.js';

const requested = process.argv.slice(2);
const areas: string[] = requested.length > 0 ? requested : [...HINDCAST_AREAS];

const percent = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;

function rows(h: HindcastResult, label: string): string[] {
  const out: string[] = [];
  const years = [...new Set(h.points.map((p) => p.year))].sort();
  for (const year of years) {
    const at = (measure: string) => h.points.find((p) => p.year === year && p.measure === measure);
    const births = at('births');
    const deaths = at('deaths');
    const urban = at('residentUrbanisationRate');
    out.push(
      `| ${h.area} | ${label} | ${year} | ${births ? percent(births.relativeError) : '–'} | ${deaths ? percent(deaths.relativeError) : '–'} | ${urban ? (urban.error * 100).toFixed(2) : '–'} |`,
    );
  }
  const mae = h.meanAbsoluteError.residentUrbanisationRate;
  out.push(`| ${h.area} | ${label} | MAE urban | | | ${mae === undefined ? '–' : (mae * 100).toFixed(2)} |`);
  return out;
}

const lines = ['| area | hindcast | year | births | deaths | urban (points) |', '|---|---|---|---|---|---|'];
for (const area of areas) {
  lines.push(...rows(hindcast(area, { from: 2020 }), 'pure (to 2020)'));
  lines.push(...rows(hindcast(area, { from: 2020, calibrateUpTo: 2022 }), 'fitted to 2022'));
}
process.stdout.write(`${lines.join('\n')}\n`);
