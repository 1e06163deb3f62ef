/**
 * The check behind the provenance test: every figure of a preset's scenario has a cited
 * source or an assumption, and every figure recorded is in the scenario with that value.
 *
 * A figure is a leaf of the scenario: a number, or a string that is a data choice
 * (`'un-wpp2024'`, `'matchDemand'`, `'none'`, a census area). It is covered when a figure is
 * recorded at its path or at a path above it (`services.elderlyCare.bedsTarget` covers the
 * points of that schedule). Left out as labels rather than figures: the scenario's name,
 * description, region ids and names, its list of sources (the citations themselves), the
 * frame `baseYear`/`endYear`, and `services.rentalHousing.unit` (checked instead against the
 * unit of the cited stock).
 */

import type { Preset } from '../../src/presets/types.js';

/** Top-level keys that hold labels, not figures. */
const LABELS = new Set(['name', 'description', 'regions', 'sources', 'baseYear', 'endYear']);
/** Deeper paths that hold labels, not figures. */
const LABEL_PATHS = new Set(['services.rentalHousing.unit']);

/** Every leaf of the scenario that is a figure, by dotted path. */
export function figureLeaves(scenario: unknown): [string, unknown][] {
  const out: [string, unknown][] = [];
  const walk = (value: unknown, path: string[]) => {
    const dotted = path.join('.');
    if (path.length === 1 && LABELS.has(path[0])) return;
    if (LABEL_PATHS.has(dotted)) return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, String(i)]));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    else if (value !== undefined) out.push([dotted, value]);
  };
  walk(scenario, []);
  return out;
}

function valueAt(scenario: unknown, path: string): unknown {
  let at: unknown = scenario;
  for (const part of path.split('.')) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return at;
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/** What is wrong with the provenance of a preset, one line each (empty when nothing is). */
export function provenanceProblems(preset: Preset): string[] {
  const problems: string[] = [];
  const paths = Object.keys(preset.figures);
  for (const [path, value] of figureLeaves(preset.scenario)) {
    if (!paths.some((p) => path === p || path.startsWith(`${p}.`))) problems.push(`${path} = ${JSON.stringify(value)} has no figure`);
  }
  for (const [path, figure] of Object.entries(preset.figures)) {
    const source = figure.source as Record<string, unknown> | undefined;
    const cited = source !== undefined && (nonEmpty(source.citation) || (nonEmpty(source.document) && nonEmpty(source.clause)));
    if (!cited && !nonEmpty(figure.assumption)) problems.push(`${path}: neither a source (document and clause, or citation) nor an assumption`);
    if (!nonEmpty(figure.unit)) problems.push(`${path}: no unit`);
    const inScenario = valueAt(preset.scenario, path);
    if (JSON.stringify(inScenario) !== JSON.stringify(figure.value)) {
      problems.push(`${path}: the figure is ${JSON.stringify(figure.value)} but the scenario has ${JSON.stringify(inScenario)}`);
    }
  }
  const rental = valueAt(preset.scenario, 'services.rentalHousing.unit');
  if (rental !== undefined) {
    const unit = preset.figures['services.rentalHousing.capacity.additionsPerYear']?.unit ?? '';
    if (!unit.startsWith(String(rental))) problems.push(`services.rentalHousing.unit is ${String(rental)} but its additions are counted in ${unit || 'nothing cited'}`);
  }
  return problems;
}
