/** Projects a scenario: compile, run the kernel, derive the services. */

import { ChengzhenError } from '../errors.js';
import { indicatorSink, runKernelIndicators, STOCK_INDICATORS, type KernelIndicators, type StockIndicator } from '../kernel/indicators.js';
import { createKernelWorkspace, runKernel, runKernelInto, type KernelWorkspace } from '../kernel/runKernel.js';
import { createDemographyTables, expandDemographyRowsInto } from '../kernel/demographyRows.js';
import { FLOW_NAMES, type FlowName, type KernelInputs, type KernelProblem } from '../kernel/types.js';
import { parseScenario, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { compileScenario, demographyRowInputs, fillDemographyRowsWithRoom, firstRowRoom, groupedDemography, planCompilation, type CompilePlan, type DemographyInputs, type DemographyRowInputs, type RateInputs } from './compile.js';
import { indicatorInfo, type PopulationIndicatorKey } from './indicatorTable.js';
import { ALL_REGIONS, Projection, regionColumn, type IndicatorSeries } from './projection.js';
import { computeServices } from './services/computeServices.js';
import { runConstrained } from './constraints/controller.js';

/**
 * Projects a scenario year by year from its base year to its end year.
 *
 * @throws {ChengzhenError} for an invalid scenario, naming each bad field.
 * @example
 * const projection = project(getPreset('zhejiang-2023').scenario);
 * projection.indicator('residentUrbanisationRate').values.at(-1)   // 2028
 * // => 0.7661
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

/**
 * The population indicators of a projection (model.md section 4: stocks at year-ends, flows
 * during years, by region and for all regions together), without the populations by age or the
 * services: what {@link projectIndicators} returns.
 *
 * @example
 * const indicators = projectIndicators(getPreset('national-2024-2028').scenario);
 * [indicators.regions, indicators.years.length, indicators.kernel.years[0]]   // year-ends; the kernel counts from 1 January
 * // => [['china'], 13, 2024]
 */
export class ProjectedIndicators {
  readonly scenario: Scenario;
  /** The stocks and flows, the same numbers as {@link Projection.kernel} (its years are the kernel's 1 January). */
  readonly kernel: KernelIndicators;
  /** Year-ends from the base year to the end year. */
  readonly years: number[];
  readonly regions: string[];

  constructor(scenario: Scenario, kernel: KernelIndicators) {
    this.scenario = scenario;
    this.kernel = kernel;
    this.years = kernel.years.map((y) => y - 1);
    this.regions = [...kernel.regions];
  }

  /**
   * One population indicator as a series, as {@link Projection.indicator} gives it.
   *
   * @throws {ChengzhenError} for an unknown indicator or region.
   * @example
   * const indicators = projectIndicators(getPreset('zhejiang-2023').scenario);
   * indicators.indicator('residentUrbanisationRate').values.at(-1)   // 2028
   * // => 0.7661
   */
  indicator(key: PopulationIndicatorKey, options: { region?: string } = {}): IndicatorSeries {
    const region = options.region ?? ALL_REGIONS;
    const r = regionColumn(this.regions, region);
    const width = this.regions.length + 1;
    const stock = (STOCK_INDICATORS as readonly string[]).includes(key);
    if (!stock && !(FLOW_NAMES as readonly string[]).includes(key)) {
      const known = [...STOCK_INDICATORS, ...FLOW_NAMES].join(', ');
      throw new ChengzhenError([{ code: 'invalid_value', path: ['indicator'], message: `indicator ${JSON.stringify(key)} is not one of ${known}`, received: key }]);
    }
    const data = stock ? this.kernel.stocks[key as StockIndicator] : this.kernel.flows[key as FlowName];
    const years = stock ? this.years : this.years.slice(1);
    const values = years.map((_, y) => data[y * width + r]);
    return { key, unit: indicatorInfo(key)?.unit ?? '', region, years: [...years], values };
  }
}

/**
 * Runs a plan a year at a time, keeping the indicators only: each year's inputs are written
 * into the same arrays before its step, so memory holds one year of inputs and two
 * populations, whatever the number of years. The demography is held by row where the compiler
 * would hold it so ({@link groupedDemography}). The steps are those of the problem of all years
 * ({@link compileScenario}), so the numbers are the same, bit for bit.
 */
function streamIndicators(plan: CompilePlan): KernelIndicators {
  const { regions, maxAge, startYear, steps } = plan;
  const R = regions.length;
  const buffers = streamBuffers(R, maxAge, plan.hasN);
  const { rates, demography } = buffers;
  // the first step's rows tell whether the run holds the demography by row or per region
  const grouped = groupedDemography(fillDemographyRowsWithRoom(plan, 0, demography), R);
  const perRegion = grouped ? null : (buffers.perRegion ??= { ...createDemographyTables(R, maxAge), n: null });
  if (perRegion !== null) perRegion.n = demography.n;
  const { D, E } = plan.matrices();
  const inputs: KernelInputs = { sx: [], sb: [], fx: [], srb: [], m: [rates.m], c: [rates.c], k: [rates.k], q: [rates.q], D: [D], E: [E], n: demography.n ? [demography.n] : [] };
  // the tables of the step, which a step with more rows than the tables hold replaces
  const tables = () => {
    const from = perRegion ?? demography;
    if (perRegion !== null) expandDemographyRowsInto(demography.rows, demography, perRegion, maxAge);
    inputs.sx[0] = from.sx;
    inputs.sb[0] = from.sb;
    inputs.fx[0] = from.fx;
    inputs.srb[0] = from.srb;
  };
  tables();
  if (grouped) inputs.demographyRows = [demography.rows];
  if (plan.constantRates) plan.fillRates(0, rates);
  const problem: KernelProblem = { regions, maxAge, startYear, years: steps, population: plan.population, inputs };
  const indicators = runKernelInto(problem, indicatorSink(), buffers.workspace, (t) => {
    if (!plan.constantRates) plan.fillRates(t, rates);
    if (t === 0) return;
    fillDemographyRowsWithRoom(plan, t, demography);
    tables();
  });
  keepStreamBuffers(buffers);
  return indicators;
}

/** The arrays of an indicators-only run (see {@link streamBuffers}). */
interface StreamBuffers {
  regions: number;
  maxAge: number;
  rates: RateInputs;
  demography: DemographyRowInputs;
  perRegion: DemographyInputs | null;
  workspace: KernelWorkspace;
}

/**
 * The arrays of the last indicators-only run, for the next run of the same size: held weakly,
 * so the engine may take them back whenever it wants the memory, and handed to one run at a
 * time. Every cell a run reads is written by that run first, so what an earlier run left in
 * them never reaches a result.
 */
let keptBuffers: WeakRef<StreamBuffers> | null = null;

/** The arrays for a run of `regions` regions and open age `maxAge`: those of the last run when it had that size and they are still there, else new ones. */
function streamBuffers(regions: number, maxAge: number, hasN: boolean): StreamBuffers {
  const kept = keptBuffers?.deref();
  keptBuffers = null;
  const A1 = maxAge + 1;
  if (kept !== undefined && kept.regions === regions && kept.maxAge === maxAge) {
    if (hasN) kept.demography.n ??= new Float64Array(regions * 6 * A1);
    else kept.demography.n = null;
    return kept;
  }
  return {
    regions,
    maxAge,
    rates: { m: new Float64Array(regions * 2 * A1), c: new Float64Array(regions), k: new Float64Array(regions * 2 * A1), q: new Float64Array(regions * 2 * A1) },
    demography: demographyRowInputs(firstRowRoom(regions), regions, maxAge, hasN),
    perRegion: null,
    workspace: createKernelWorkspace(regions, maxAge),
  };
}

/** Keeps a finished run's arrays for the next run (weakly). */
function keepStreamBuffers(buffers: StreamBuffers): void {
  keptBuffers = new WeakRef(buffers);
}

/**
 * Projects a scenario keeping only its population indicators, as {@link runKernelIndicators}
 * does for a kernel problem: the same stocks and flows as {@link project} (bit for bit), in
 * memory that does not grow with the years, and without the services or the populations by age.
 * The inputs of one year at a time are compiled and run, so a projection of thousands of regions
 * holds neither the populations nor the inputs of every year. A scenario with constraints is
 * projected in full (its controller needs each year's population) and its indicators returned.
 *
 * @throws {ChengzhenError} for an invalid scenario, naming each bad field, as {@link project}.
 * @example
 * const indicators = projectIndicators(getPreset('zhejiang-2023').scenario);
 * [indicators.years[0], indicators.years.at(-1)]
 * // => [2022, 2028]
 * indicators.indicator('population').values[0] === project(getPreset('zhejiang-2023').scenario).indicator('population').values[0]
 * // => true
 */
export function projectIndicators(input: Scenario | ScenarioInput): ProjectedIndicators {
  const scenario = parseScenario(input);
  if (scenario.constraints) return new ProjectedIndicators(scenario, project(scenario).kernel);
  const plan = planCompilation(scenario);
  try {
    return new ProjectedIndicators(scenario, streamIndicators(plan));
  } catch (error) {
    // a problem found while running is reported as the problem of all years reports it
    // (its paths name the step of a per-year input, and its checks come in that order)
    if (error instanceof ChengzhenError) runKernelIndicators(compileScenario(scenario));
    throw error;
  }
}
