/** Observed figures for presets, cited with the row they come from (seeds/observed). */

import { OBSERVED_URBANISATION, type ObservedArea, type ObservedUrbanisation } from '../../seeds/observed/urbanisation.js';
import type { CitedValue } from '../../seeds/types.js';
import { ChengzhenError } from '../errors.js';
import type { Target } from '../solve/solveLever.js';

type Field = 'residentPopulation' | 'residentUrbanisationRate' | 'hukouUrbanisationRate' | 'births' | 'deaths';

const UNITS: Record<Field, string> = {
  residentPopulation: 'persons',
  residentUrbanisationRate: 'share (0-1)',
  hukouUrbanisationRate: 'share (0-1)',
  births: 'persons per year',
  deaths: 'persons per year',
};

/** The indicator an observed field is compared with. */
const INDICATOR: Record<Field, string> = {
  residentPopulation: 'population',
  residentUrbanisationRate: 'residentUrbanisationRate',
  // the published rate is the official one, over the registered population
  hukouUrbanisationRate: 'registeredHukouUrbanisationRate',
  births: 'births',
  deaths: 'deaths',
};

function row(area: ObservedArea, year: number): ObservedUrbanisation {
  const found = OBSERVED_URBANISATION.find((r) => r.area === area && r.year === year);
  if (!found) throw new ChengzhenError([{ code: 'invalid_value', path: ['year'], message: `there is no observed row for ${area} in ${year}`, received: `${area} ${year}` }]);
  return found;
}

/**
 * An observed figure with its unit and source, for a preset's figure book.
 *
 * @example
 * observedFigure('Zhejiang', 2022, 'residentUrbanisationRate').value
 * // => 0.734
 */
export function observedFigure(area: ObservedArea, year: number, field: Field): CitedValue<number> {
  const r = row(area, year);
  const value = r[field];
  if (value === null) throw new ChengzhenError([{ code: 'invalid_value', path: [field], message: `the observed ${field} of ${area} in ${year} is not in the data`, received: 'null' }]);
  return { value, unit: UNITS[field], source: { ...r.source, notes: `${r.basis}, ${r.reliability}${r.source.notes ? `; ${r.source.notes}` : ''}` } };
}

/**
 * Every known observation of `fields` for an area in a range of years (inclusive), as
 * calibration targets.
 *
 * @example
 * observations('Zhejiang', 2021, 2022, ['residentUrbanisationRate'])
 * // => [{ indicator: 'residentUrbanisationRate', year: 2021, value: 0.727 }, { indicator: 'residentUrbanisationRate', year: 2022, value: 0.734 }]
 */
export function observations(area: ObservedArea, from: number, to: number, fields: Field[]): Target[] {
  return OBSERVED_URBANISATION.filter((r) => r.area === area && r.year >= from && r.year <= to).flatMap((r) =>
    fields.filter((f) => r[f] !== null).map((f) => ({ indicator: INDICATOR[f], year: r.year, value: r[f] as number })),
  );
}
