/** The shape of a preset: a complete scenario from a plan, with the provenance of every figure. */

import type { CitedValue, PlanDocument, PlanTarget } from '../../seeds/types.js';
import type { ScenarioInput } from '../schema/scenario.js';
import type { Target } from '../solve/solveLever.js';
import type { Commitment, PolicyAssumption } from './commitments.js';

/** The provenance of a scenario's figures, by path in the scenario (`base.china.residentUrbanisationRate`). */
export type FigureProvenance = Record<string, CitedValue<unknown>>;

/** How a preset's trend levers were fitted, so that the fit can be checked and repeated. */
export interface PresetCalibration {
  /** What was fitted, and to what. */
  description: string;
  /** The scenario fitted (from the 2020 census), with the levers at their starting values. */
  scenario: ScenarioInput;
  levers: { path: string; region?: string }[];
  observations: Target[];
  /** The fitted values, in lever order, as stored in the preset. */
  fitted: number[];
}

/** A ready scenario from a plan document. */
export interface Preset {
  id: string;
  title: string;
  titleZh: string;
  area: 'China' | 'Shanghai' | 'Shandong' | 'Zhejiang';
  /** `plan`: the plan's levers; `trend`: recent observed trends instead. */
  kind: 'plan' | 'trend';
  /** The other preset of the pair. */
  twin: string;
  /** The plan documents the preset comes from. */
  documents: PlanDocument[];
  scenario: ScenarioInput;
  /** Where every number of the scenario comes from (a path covers everything below it). */
  figures: FigureProvenance;
  /** The plan targets its scorecard checks. */
  targets: PlanTarget[];
  calibration?: PresetCalibration;
  /** What the plan preset adds to its trend twin: the plan's commitments (absent in a trend preset). */
  commitments?: Commitment[];
  /** Policies the plan adopts without a number: the lever value assumed, and the range its verdicts' sensitivity is shown over. */
  assumptions?: PolicyAssumption[];
  /** Things a reader must know to interpret the preset. */
  notes: string[];
}
