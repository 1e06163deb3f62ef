/** Projects a scenario: compile, run the kernel, derive the services. */

import { runKernel } from '../kernel/runKernel.js';
import { parseScenario, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { compileScenario } from './compile.js';
import { Projection } from './projection.js';
import { computeServices } from './services/computeServices.js';
import { runConstrained } from './constraints/controller.js';

/**
 * Projects a scenario year by year from its base year to its end year.
 *
 * @throws {ChengzhenError} for an invalid scenario, naming each bad field.
 * @example
 * const projection = project(getPreset('zhejiang-2023').scenario);
 * projection.indicator('residentUrbanisationRate').values.at(-1)   // 2028
 * // => 0.7659
 */
export function project(input: Scenario | ScenarioInput): Projection {
  const scenario = parseScenario(input);
  const problem = compileScenario(scenario);
  // constraints (docs/constraints.md) run the kernel a year at a time, rates set from each year's start
  const constrained = scenario.constraints ? runConstrained(scenario, problem) : null;
  const result = constrained ? constrained.result : runKernel(problem);
  const years = result.years.map((y) => y - 1);
  const derived = computeServices(scenario, result, years);
  if (constrained) for (const [key, values] of constrained.series) derived.set(key, values);
  return new Projection(scenario, problem, result, derived);
}
