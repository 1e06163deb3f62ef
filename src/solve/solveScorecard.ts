/**
 * "What it would take": for each missed outcome of the scorecard that one lever can meet, the value
 * of that lever that meets it exactly (by {@link solveLever}).
 */

import { ChengzhenError } from '../errors.js';
import { project } from '../model/project.js';
import type { Projection } from '../model/projection.js';
import type { ScorecardRow } from '../model/scorecard.js';
import { parseScenario, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { leverMode, leverSchedule, type LeverPath } from './levers.js';
import { solveLever, targetValue, type Target } from './solveLever.js';

/** The lever that moves each target measure, and the solver target that meets it. */
function leverFor(row: ScorecardRow, scenario: Scenario, projection: Projection): { lever: LeverPath; target: Target } | null {
  const populationAt = (year: number) => targetValue(projection, { indicator: 'population', year });
  switch (row.indicator) {
    case 'residentUrbanisationRate':
      return { lever: 'migration.ruralToUrbanRate', target: { indicator: 'residentUrbanisationRate', year: row.year, value: row.target } };
    case 'hukouUrbanisationRate':
      return { lever: 'hukou.conversionRate', target: { indicator: 'hukouUrbanisationRate', year: row.year, value: row.target } };
    case 'residentUrbanisationRateAnnualChange': {
      const from = row.fromYear ?? row.year;
      const start = targetValue(projection, { indicator: 'residentUrbanisationRate', year: from - 1 });
      return { lever: 'migration.ruralToUrbanRate', target: { indicator: 'residentUrbanisationRate', year: row.year, value: start + row.target * (row.year - from + 1) } };
    }
    case 'doctorsPer1000Residents':
      if (!scenario.services?.healthCare) return null;
      return { lever: 'services.healthCare.doctors.growthRate', target: { indicator: 'doctors.capacity', year: row.year, value: (row.target * populationAt(row.year)) / 1000 } };
    case 'childcarePlacesPer1000Residents':
      if (!scenario.services?.childcarePlaces) return null;
      return { lever: 'services.childcarePlaces.places.additionsPerYear', target: { indicator: 'childcarePlaces.capacity', year: row.year, value: (row.target * populationAt(row.year)) / 1000 } };
    default:
      return null;
  }
}

/**
 * The scorecard with `whatItWouldTake` filled in for missed targets a lever can meet. A target
 * no value of its lever reaches keeps `whatItWouldTake: null` and says why in `note`.
 *
 * @example
 * const preset = getPreset('shandong-2021-2023-trend');   // misses 66 % urban in 2023
 * const scenario = parseScenario(preset.scenario);
 * solveScorecard(scenario, scorecard(project(scenario), preset.targets)).find((r) => r.status === 'missed')?.whatItWouldTake
 * // => { lever: 'migration.ruralToUrbanRate', mode: 'value', current: 0.0256, needed: 0.02640 }
 */
export function solveScorecard(input: Scenario | ScenarioInput, rows: ScorecardRow[]): ScorecardRow[] {
  const scenario = parseScenario(input);
  let projection: Projection | null = null;
  return rows.map((row) => {
    if (row.status !== 'missed' || row.role !== 'outcome') return row;
    projection ??= project(scenario);
    const plan = leverFor(row, scenario, projection);
    if (!plan) return row;
    const lever = { path: plan.lever };
    try {
      const mode = leverMode(scenario, lever);
      const schedule = leverSchedule(scenario, lever);
      const solved = solveLever(scenario, { lever, target: plan.target });
      return { ...row, whatItWouldTake: { lever: plan.lever, mode, current: mode === 'value' && typeof schedule === 'number' ? schedule : 1, needed: solved.value } };
    } catch (error) {
      if (error instanceof ChengzhenError) return { ...row, note: [row.note, error.issues[0]?.message].filter(Boolean).join('; ') };
      throw error;
    }
  });
}
