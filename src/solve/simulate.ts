/**
 * Uncertainty by Monte Carlo: uncertain levers drawn from stated distributions with a seeded
 * generator, each draw projected, and quantile bands per indicator, region and year
 * (simple-statistics for quantiles and means). Draw i depends only on (seed, i), so the bands
 * are identical however the draws are split (`chengzhen/node` runs them on all cores; the
 * browser build runs them in one thread).
 */

import { mean, quantileSorted } from 'simple-statistics';
import { ChengzhenError } from '../errors.js';
import { allEqual, compileScenario } from '../model/compile.js';
import { project } from '../model/project.js';
import { compileInputs, type CompileInputs } from '../model/compileInputs.js';
import { regionScheduleValues } from '../schema/regionValues.js';
import { SCHEDULE_RANGES } from '../schema/scenarioChecks.js';
import { computePlannedServicesFromSums, servicesAgeSumsInto, servicesAgeSumsLength } from '../model/services/computeServices.js';
import { planServices, type ServicesPlan } from '../model/services/planServices.js';
import { SERVICE_FIGURES, SERVICES } from '../model/services/serviceIndicators.js';
import { indicatorSink, STOCK_INDICATORS, type KernelIndicators, type StockIndicator } from '../kernel/indicators.js';
import { createKernelWorkspace, runKernelInto, type KernelSink, type KernelWorkspace } from '../kernel/runKernel.js';
import { FLOW_NAMES, type FlowName, type KernelInputs, type KernelProblem } from '../kernel/types.js';
import { indicatorInfo, asIndicatorKey } from '../model/indicatorTable.js';
import { ALL_REGIONS } from '../model/projection.js';
import { parseScenario, type Scenario, type ScenarioInput } from '../schema/scenario.js';
import { checkDistribution, DistributionSchema, drawFrom, type Distribution } from './distributions.js';
import { fixMatchedStocks, LEVERS, leverMode, withLever, type LeverSpec } from './levers.js';
import { checkSeed, uniformStream } from './random.js';
import { checkDistinctLevers } from './solveLever.js';

/** One uncertain lever: which, and its distribution (of the value, or of the factor on a schedule). */
export interface UncertainLever {
  lever: LeverSpec;
  distribution: Distribution;
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Number of draws (1 to {@link MAX_DRAWS}). */
  draws: number;
  /**
   * Seed of the generator, a whole number in [0, 2^32) (see `MAX_SEED`): the same
   * seed gives the same bands, and distinct seeds give distinct random streams.
   */
  seed: number;
  /** The uncertain levers: a list, or a record by lever path (for every region). */
  uncertain: UncertainLever[] | Partial<Record<LeverSpec['path'], Distribution>>;
  /** Indicators to keep (default: population, the urbanisation rates, the gap and migrants, and every service's coverage and shortfall). */
  indicators?: string[];
  /** Regions to keep (default: every region, and all together when there are several). */
  regions?: string[];
  /** Called after each draw with (draws done, draws in this run). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The largest number of draws in one simulation.
 *
 * @example
 * MAX_DRAWS
 * // => 1000000
 */
export const MAX_DRAWS = 1_000_000;

/** Quantiles of one indicator in one region and year over the draws. */
export interface QuantileBand {
  indicator: string;
  region: string;
  year: number;
  mean: number;
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
}

/** The draws of a range of a simulation, before summary (what a worker thread returns). */
export interface SimulationChunk {
  from: number;
  to: number;
  /** The drawn value of each uncertain lever, by lever then draw. */
  leverValues: Float64Array[];
  /** For each kept series (indicator x region), values by draw then year. */
  series: Float64Array[];
}

/**
 * The draws of a simulation (or of a range of them) as its summary reads them: for each
 * uncertain lever its value by draw, and for each kept series (indicator x region) its values
 * by year then draw, `series[k][y * draws + d]`, so that a year's values over the draws lie
 * side by side. Over a `SharedArrayBuffer`, worker threads write their draws into the same
 * columns (`chengzhen/node`).
 */
export interface SimulationColumns {
  draws: number;
  /** The drawn value of each uncertain lever, by draw. */
  leverValues: Float64Array[];
  /** For each kept series, values by year then draw. */
  series: Float64Array[];
}

/** What the simulation keeps: its series and years. */
export interface SimulationPlan {
  scenario: Scenario;
  uncertain: UncertainLever[];
  keys: { indicator: string; region: string }[];
  years: number[];
}

/** What {@link simulate} returns. */
export interface SimulationResult {
  draws: number;
  seed: number;
  levers: { lever: LeverSpec; distribution: Distribution; mode: 'value' | 'scale'; values: Float64Array }[];
  bands: QuantileBand[];
}

function fail(path: (string | number)[], message: string, received?: string): ChengzhenError {
  return new ChengzhenError([{ code: 'invalid_value', path, message, received }]);
}

/**
 * Validates the options and fixes what is kept, from one deterministic projection: the
 * parsed scenario, the uncertain levers as a list, the series kept (indicator x region) and
 * the years.
 *
 * @throws {ChengzhenError} for invalid options (draws, seed, no uncertain lever or an unknown
 *   one, an invalid distribution, an indicator or region the projection does not have),
 *   naming the field.
 * @example
 * const scenario = defineScenario({
 *   name: 'Town', baseYear: 2023, endYear: 2025,
 *   regions: [{ id: 'town', nameEn: 'Town', nameZh: '镇' }],
 *   base: { town: { population: { census2020: 'Zhejiang', scaleToTotal: 1e5 }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } },
 *   migration: { ruralToUrbanRate: 0.02 },
 *   hukou: { conversionRate: 0.03 },
 * });
 * const uncertain = { 'migration.ruralToUrbanRate': { distribution: 'uniform', min: 0.01, max: 0.03 } } as const;
 * const plan = planSimulation(scenario, { draws: 4, seed: 1, uncertain });
 * plan.years
 * // => [2023, 2024, 2025]
 * plan.keys.map((k) => k.indicator)
 * // => ['population', 'migrant', 'residentUrbanisationRate', 'hukouUrbanisationRate', 'urbanisationGap']
 * planSimulation(scenario, { draws: 0, seed: 1, uncertain })
 * // => throws ChengzhenError: draws must be a whole number in [1, 1000000], received 0
 */
export function planSimulation(input: Scenario | ScenarioInput, options: Omit<SimulateOptions, 'onProgress'>): SimulationPlan {
  const scenario = fixMatchedStocks(parseScenario(input));
  if (!Number.isInteger(options.draws) || options.draws < 1 || options.draws > MAX_DRAWS) {
    throw fail(['draws'], `draws must be a whole number in [1, ${MAX_DRAWS}], received ${options.draws}`, String(options.draws));
  }
  checkSeed(options.seed);
  const uncertain: UncertainLever[] = Array.isArray(options.uncertain)
    ? options.uncertain
    : Object.entries(options.uncertain).map(([path, distribution]) => ({ lever: { path: path as LeverSpec['path'] }, distribution: distribution as Distribution }));
  if (uncertain.length === 0) throw fail(['uncertain'], 'uncertain must name at least one lever');
  checkDistinctLevers(
    uncertain.map((u) => u.lever),
    'uncertain',
  );
  uncertain.forEach((u, i) => {
    if (!Object.hasOwn(LEVERS, u.lever.path)) throw fail(['uncertain', i, 'lever'], `uncertain[${i}]: ${u.lever.path} is not a lever (levers: ${Object.keys(LEVERS).join(', ')})`, u.lever.path);
    const parsed = DistributionSchema.safeParse(u.distribution);
    if (!parsed.success) throw fail(['uncertain', i, 'distribution'], `uncertain[${i}].distribution (${u.lever.path}) is not a valid distribution: ${parsed.error.issues[0]?.message ?? ''}`);
    checkDistribution(parsed.data, `uncertain[${i}].distribution`);
    leverMode(scenario, u.lever); // the lever must exist in the scenario
  });
  return { scenario, uncertain, ...keptSeries(scenario, options) };
}

/**
 * The series a simulation or a sweep keeps (indicator x region) and the years, from one
 * projection of the scenario: the indicators asked for (default: population, the
 * urbanisation rates, the gap and migrants, and every service's coverage and shortfall) in the
 * regions asked for (default: every region, and all together when there are several).
 *
 * @throws {ChengzhenError} for an indicator or region the projection does not have.
 */
export function keptSeries(scenario: Scenario, options: { indicators?: string[]; regions?: string[] }): Pick<SimulationPlan, 'keys' | 'years'> {
  const base = project(scenario);
  const available = base.indicatorKeys();
  const indicators =
    options.indicators ??
    available.filter((k) => ['population', 'migrant', 'residentUrbanisationRate', 'hukouUrbanisationRate', 'urbanisationGap'].includes(k) || /\.(coverage|shortfall)$/.test(k));
  for (const key of indicators) if (!available.includes(key)) throw fail(['indicators'], `indicator ${JSON.stringify(key)} is not in the projection (indicators: ${available.join(', ')})`, key);
  const regions = options.regions ?? (base.regions.length > 1 ? [...base.regions, ALL_REGIONS] : base.regions);
  for (const region of regions) if (region !== ALL_REGIONS && !base.regions.includes(region)) throw fail(['regions'], `region ${JSON.stringify(region)} is not in the scenario`, region);
  const keys = indicators.flatMap((indicator) => regions.map((region) => ({ indicator, region })));
  return { keys, years: base.years };
}

/** Each plan's evaluator, kept for its later ranges of draws (its compiled scenario, its buffers). */
const evaluators = new WeakMap<SimulationPlan, ReturnType<typeof seriesEvaluator>>();

/**
 * Runs draws `from` to `to - 1` of a planned simulation.
 *
 * @throws {ChengzhenError} when a drawn lever value is outside what the scenario allows (say
 *   a rate the age profile pushes above 1): bound the distribution (`min`, `max`).
 * @example
 * const scenario = defineScenario({
 *   name: 'Town', baseYear: 2023, endYear: 2025,
 *   regions: [{ id: 'town', nameEn: 'Town', nameZh: '镇' }],
 *   base: { town: { population: { census2020: 'Zhejiang', scaleToTotal: 1e5 }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } },
 *   migration: { ruralToUrbanRate: 0.02 },
 *   hukou: { conversionRate: 0.03 },
 * });
 * const uncertain = { 'migration.ruralToUrbanRate': { distribution: 'uniform', min: 0.01, max: 0.03 } } as const;
 * const plan = planSimulation(scenario, { draws: 4, seed: 1, uncertain });
 * const chunk = runSimulationDraws(plan, 1, 0, 2);
 * chunk.leverValues[0]   // the migration level of draws 0 and 1
 * // => Float64Array [0.01565, 0.01632]
 * chunk.series[0].length   // population: 2 draws x 3 years
 * // => 6
 */
export function runSimulationDraws(plan: SimulationPlan, seed: number, from: number, to: number, onProgress?: (done: number, total: number) => void): SimulationChunk {
  checkRange(seed, from, to);
  const n = to - from;
  const Y = plan.years.length;
  const leverValues = plan.uncertain.map(() => new Float64Array(n));
  const series = plan.keys.map(() => new Float64Array(n * Y));
  const evaluate = evaluatorOf(plan);
  for (let d = 0; d < n; d++) {
    runDraw(plan, seed, from + d, evaluate, leverValues, d, series, d * Y, 1);
    onProgress?.(d + 1, n);
  }
  return { from, to, leverValues, series };
}

/**
 * The columns of `draws` draws of a planned simulation, over `buffer` when given (of
 * {@link simulationColumnsBytes} bytes, say a `SharedArrayBuffer` that worker threads write
 * into), else over a new buffer, filled with zeros.
 *
 * @example
 * const scenario = defineScenario({
 *   name: 'Town', baseYear: 2023, endYear: 2025,
 *   regions: [{ id: 'town', nameEn: 'Town', nameZh: '镇' }],
 *   base: { town: { population: { census2020: 'Zhejiang', scaleToTotal: 1e5 }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } },
 *   migration: { ruralToUrbanRate: 0.02 },
 *   hukou: { conversionRate: 0.03 },
 * });
 * const uncertain = { 'migration.ruralToUrbanRate': { distribution: 'uniform', min: 0.01, max: 0.03 } } as const;
 * const plan = planSimulation(scenario, { draws: 4, seed: 1, uncertain });
 * simulationColumns(plan, 4).series[0].length   // population: 3 years x 4 draws
 * // => 12
 */
export function simulationColumns(plan: Pick<SimulationPlan, 'uncertain' | 'keys' | 'years'>, draws: number, buffer?: ArrayBufferLike): SimulationColumns {
  const bytes = simulationColumnsBytes(plan, draws);
  const memory = buffer ?? new ArrayBuffer(bytes);
  if (memory.byteLength < bytes) throw new RangeError(`the columns of ${draws} draws take ${bytes} bytes; the buffer has ${memory.byteLength}`);
  const Y = plan.years.length;
  const leverValues = plan.uncertain.map((_, i) => new Float64Array(memory, i * draws * 8, draws));
  const at = plan.uncertain.length * draws * 8;
  const series = plan.keys.map((_, k) => new Float64Array(memory, at + k * Y * draws * 8, Y * draws));
  return { draws, leverValues, series };
}

/** The bytes the columns of `draws` draws of a plan take ({@link simulationColumns}). */
export function simulationColumnsBytes(plan: Pick<SimulationPlan, 'uncertain' | 'keys' | 'years'>, draws: number): number {
  return (plan.uncertain.length + plan.keys.length * plan.years.length) * draws * 8;
}

/**
 * Runs draws `from` to `to - 1` of a planned simulation into its columns (draw `d` at
 * column place `d`): any thread may run any range, the draws of one range touch no other's
 * places, and a draw's numbers depend only on (seed, draw).
 *
 * @throws {ChengzhenError} as {@link runSimulationDraws} does.
 */
export function runSimulationDrawsInto(plan: SimulationPlan, seed: number, from: number, to: number, columns: SimulationColumns, onProgress?: (done: number, total: number) => void): void {
  checkRange(seed, from, to);
  if (to > columns.draws) throw fail(['draws'], `draws ${from} to ${to} must be within the columns' ${columns.draws} draws`, `${from}..${to}`);
  const evaluate = evaluatorOf(plan);
  for (let draw = from; draw < to; draw++) {
    runDraw(plan, seed, draw, evaluate, columns.leverValues, draw, columns.series, draw, columns.draws);
    onProgress?.(draw - from + 1, to - from);
  }
}

function checkRange(seed: number, from: number, to: number): void {
  checkSeed(seed);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > MAX_DRAWS) {
    throw fail(['draws'], `draws ${from} to ${to} must be whole numbers with 0 <= from <= to <= ${MAX_DRAWS}`, `${from}..${to}`);
  }
}

type Evaluator = ReturnType<typeof seriesEvaluator>;

/** The plan's evaluator, made once per plan and thread. */
function evaluatorOf(plan: SimulationPlan): Evaluator {
  let evaluate = evaluators.get(plan);
  if (evaluate === undefined) {
    evaluate = seriesEvaluator(plan, plan.uncertain.map((u) => u.lever));
    evaluators.set(plan, evaluate);
  }
  return evaluate;
}

/**
 * Draw `draw`: the levers drawn from the draw's own stream, written to `leverValues[i][leverAt]`,
 * and the kept series to `series[k][at + y * stride]`.
 */
function runDraw(plan: SimulationPlan, seed: number, draw: number, evaluate: Evaluator, leverValues: Float64Array[], leverAt: number, series: Float64Array[], at: number, stride: number): void {
  const uniform = uniformStream(seed, draw);
  let scenario = plan.scenario;
  for (let i = 0; i < plan.uncertain.length; i++) {
    const u = plan.uncertain[i];
    const x = drawFrom(u.distribution, uniform);
    leverValues[i][leverAt] = x;
    scenario = withLever(scenario, u.lever, x);
  }
  try {
    evaluate(scenario, series, at, stride);
  } catch (error) {
    if (error instanceof ChengzhenError) {
      const drawn = plan.uncertain.map((u, i) => `${u.lever.path} = ${leverValues[i][leverAt]}`).join(', ');
      throw new ChengzhenError([{ ...error.issues[0], message: `draw ${draw} (${drawn}): ${error.issues[0].message}` }, ...error.issues.slice(1)]);
    }
    throw error;
  }
}

/**
 * A function projecting a scenario (the plan's, with levers moved) and writing each kept
 * series (`keys[k]`, by year) into `out[k]` from `at`, a year every `stride` places (1: the
 * years side by side). It computes per draw only what the
 * series need, with the numbers a full projection gives (bit for bit):
 *
 * - kernel indicators only: the kernel with the indicator sink (no population by year, no
 *   services);
 * - services kept: the kernel's sink sums, at each year, the ages the services read (into a
 *   table reused across draws; no year's population is kept), then the services are computed
 *   from those sums in buffers kept with their plan, without building a `Projection`;
 * - when every lever moved (`levers`) is a rate of the kernel's transitions (m, c, q, k) or a
 *   service, the scenario is compiled once and each draw recompiles only the rates it moves
 *   (a service lever: none, and the kernel runs once for all draws);
 * - a scenario with constraints is projected in full.
 *
 * Flows have no base-year value: their first year is 0.
 */
export function seriesEvaluator(plan: Pick<SimulationPlan, 'scenario' | 'keys' | 'years'>, levers?: readonly LeverSpec[]): (scenario: Scenario, out: Float64Array[], at: number, stride?: number) => void {
  const Y = plan.years.length;
  const keys = seriesKeys(plan);
  if (keys === null || plan.scenario.constraints) {
    return (scenario, out, at, stride = 1) => {
      const projection = project(scenario);
      plan.keys.forEach((key, k) => {
        const values = projection.indicator(asIndicatorKey(key.indicator), { region: key.region }).values;
        const padded = values.length === Y ? values : padFlow(values, Y);
        for (let y = 0; y < Y; y++) out[k][at + y * stride] = padded[y];
      });
    };
  }
  const services = keys.some((key) => key.kind === 'service');
  // only the figures kept are computed (every service is still checked)
  const figures = SERVICE_FIGURES.filter((figure) => keys.some((key) => key.kind === 'service' && key.name.split('.')[1] === figure));
  const compile = levers === undefined ? compileScenario : drawCompiler(plan.scenario, levers);
  let workspace: KernelWorkspace | null = null;
  // the indicators of every run in the same buffers (a run writes every one of their places)
  const indicatorsSink = reusedSink(indicatorSink());
  let last: { problem: KernelProblem; indicators: KernelIndicators } | null = null;
  // the services planned once for as long as the draws leave them alone (a rate lever)
  let planned: { services: Scenario['services']; plan: ServicesPlan | null } | null = null;
  const servicesPlan = (scenario: Scenario, maxAge: number) => {
    if (planned === null || planned.services !== scenario.services) planned = { services: scenario.services, plan: planServices(scenario, plan.years, maxAge) };
    return planned.plan;
  };
  let sums: ServicesSums | null = null;
  return (scenario, out, at, stride = 1) => {
    const problem = compile(scenario);
    workspace ??= createKernelWorkspace(problem.regions.length, problem.maxAge);
    const servicing = services ? servicesPlan(scenario, problem.maxAge) : null;
    let indicators: KernelIndicators;
    if (last !== null && last.problem === problem && (servicing === null || sums!.sumsFor(servicing))) {
      indicators = last.indicators; // the levers moved nothing in the kernel: the same run
    } else if (servicing !== null) {
      sums ??= servicesSums();
      indicators = runKernelInto(problem, sums.sink(servicing), workspace);
    } else {
      indicators = runKernelInto(problem, indicatorsSink, workspace);
    }
    last = { problem, indicators };
    const derived = servicing === null ? NO_SERVICES : computePlannedServicesFromSums(servicing, sums!.table, figures);
    const width = problem.regions.length + 1;
    keys.forEach((key, k) => {
      const target = out[k];
      if (key.kind === 'flow') {
        const values = indicators.flows[key.name as FlowName];
        target[at] = 0;
        for (let y = 1; y < Y; y++) target[at + y * stride] = values[(y - 1) * width + key.region];
      } else {
        const values = key.kind === 'stock' ? indicators.stocks[key.name as StockIndicator] : derived!.get(key.name)!;
        for (let y = 0; y < Y; y++) target[at + y * stride] = values[y * width + key.region];
      }
    });
  };
}

/** The age sums a services plan reads, filled year by year by a kernel run's sink, beside the indicators. */
interface ServicesSums {
  /** The sums of the last run ({@link servicesAgeSumsInto}'s table). */
  table: Float64Array;
  /** A sink for a run whose services are planned by `plan`: the indicators and the sums `plan` reads, in buffers reused from run to run. */
  sink(plan: ServicesPlan): KernelSink<KernelIndicators>;
  /** Whether the table holds the sums `plan` reads of the last run (its regions, years and age ranges). */
  sumsFor(plan: ServicesPlan): boolean;
}

/**
 * The sink of a simulation's draws that keep services: the indicators, and at each year the
 * age sums the services read (not each year's population: a county draw would copy some 190
 * MB a run, and keep as much).
 */
function servicesSums(): ServicesSums {
  const indicators = reusedSink(indicatorSink());
  let summed: ServicesPlan | null = null;
  const shape = (plan: ServicesPlan) => `${plan.regions.length} ${plan.years.join()} ${plan.maxAge} ${plan.ranges.map((r) => `${r.from}-${r.to}`).join()}`;
  let summedShape = '';
  const sums: ServicesSums = {
    table: new Float64Array(0),
    sink(plan) {
      summed = plan;
      summedShape = shape(plan);
      const length = servicesAgeSumsLength(plan);
      if (sums.table.length !== length) sums.table = new Float64Array(length);
      return sink;
    },
    sumsFor: (plan) => plan === summed || shape(plan) === summedShape,
  };
  const sink: KernelSink<KernelIndicators> = {
    begin: (p) => indicators.begin?.(p),
    year(year, step, population, stepFlows) {
      servicesAgeSumsInto(summed!, population, step + 1, sums.table);
      indicators.year(year, step, population, stepFlows);
    },
    end: () => indicators.end(),
  };
  return sums;
}

/**
 * A sink of the kernel's indicators that keeps the buffers of its first run for every later
 * run (of problems of one shape, as a simulation's draws are): a run writes each of their
 * places (every year's stocks, every step's flows), so a draw allocates none.
 */
function reusedSink(sink: KernelSink<KernelIndicators>): KernelSink<KernelIndicators> {
  let begun = false;
  return {
    begin(problem) {
      if (begun) return;
      begun = true;
      sink.begin?.(problem);
    },
    year: (year, step, population, flows) => sink.year(year, step, population, flows),
    end: () => sink.end(),
  };
}

/** The kernel's rates each rate lever moves; a service lever moves nothing in the kernel. */
const RATE_OF_LEVER: Partial<Record<LeverSpec['path'], 'm' | 'c' | 'q' | 'k'>> = {
  'migration.ruralToUrbanRate': 'm',
  'migration.reclassificationRate': 'c',
  'migration.returnRate': 'q',
  'hukou.conversionRate': 'k',
};

/** Where each rate lever sits in a scenario, as `compileInputs` reads it. */
const RATE_SCHEDULES = {
  m: { path: ['migration', 'ruralToUrbanRate'], of: (s: Scenario) => s.migration.ruralToUrbanRate },
  c: { path: ['migration', 'reclassificationRate'], of: (s: Scenario) => s.migration.reclassificationRate },
  q: { path: ['migration', 'returnRate'], of: (s: Scenario) => s.migration.returnRate },
  k: { path: ['hukou', 'conversionRate'], of: (s: Scenario) => s.hukou.conversionRate },
} as const;

/**
 * What the draws of a scenario compile from, once: the scenario's kernel problem, and each
 * region's levels of the rate levers by year and normalised age profiles. Plain data, so that
 * the calling thread can hand it to worker threads ({@link useDrawBase}).
 */
export interface DrawBase {
  problem: KernelProblem;
  levels: Record<'m' | 'c' | 'q' | 'k', number[][]>;
  weights: CompileInputs['weights'];
}

/** Each scenario's draw base, compiled once per thread or handed over. */
const drawBases = new WeakMap<Scenario, DrawBase>();

/**
 * The draw base of a (parsed) scenario, compiled the first time.
 *
 * @throws {ChengzhenError} as `compileScenario` does.
 */
export function drawBase(scenario: Scenario): DrawBase {
  let found = drawBases.get(scenario);
  if (found === undefined) {
    const problem = compileScenario(scenario);
    const prepared = compileInputs(scenario);
    const levels = { m: prepared.levers.map((l) => l.m.values), c: prepared.levers.map((l) => l.c.values), q: prepared.levers.map((l) => l.q.values), k: prepared.levers.map((l) => l.k.values) };
    found = { problem, levels, weights: prepared.weights };
    drawBases.set(scenario, found);
  }
  return found;
}

/** Takes `base` (from {@link drawBase} of the same scenario on another thread) as the scenario's draw base. */
export function useDrawBase(scenario: Scenario, base: DrawBase): void {
  drawBases.set(scenario, base);
}

/** Whether the draws of a plan compile from a {@link DrawBase} (every lever a rate or a service, the series the lean path's). */
export function compilesFromDrawBase(plan: SimulationPlan): boolean {
  return !plan.scenario.constraints && seriesKeys(plan) !== null && plan.uncertain.every((u) => RATE_OF_LEVER[u.lever.path] !== undefined || u.lever.path.startsWith('services.'));
}

/**
 * The compiler of a simulation's draws. When every lever moved is a rate of the transitions
 * (m, c, q, k) or a service, the scenario is compiled once and a draw recomputes only the
 * rates it moves: the moved levers' values by year as `compileInputs` reads them, times the
 * normalised age profiles of the scenario (which do not depend on the levers), in the
 * compiler's own arithmetic, so the problem holds the numbers `compileScenario` of the draw's
 * scenario gives. A draw whose lever is out of its range, or whose rates pass their limits
 * (`m + c <= 1`, `k + q <= 1` at every age), is compiled in full, which throws the compiler's
 * own error. Other levers: `compileScenario` for every draw.
 */
function drawCompiler(base: Scenario, levers: readonly LeverSpec[]): (scenario: Scenario) => KernelProblem {
  const rates = new Set<'m' | 'c' | 'q' | 'k'>();
  for (const lever of levers) {
    const rate = RATE_OF_LEVER[lever.path];
    if (rate !== undefined) rates.add(rate);
    else if (!lever.path.startsWith('services.')) return compileScenario;
  }
  let base0: DrawBase | null = null;
  // per rate one buffer for all steps with a view of each step, reused by every draw (the
  // kernel only reads its inputs)
  const views = new Map<'m' | 'c' | 'q' | 'k', Float64Array[]>();
  const ids = base.regions.map((r) => r.id);
  const firstYear = base.baseYear + 1;
  return (scenario) => {
    base0 ??= drawBase(base);
    const problem0 = base0.problem;
    if (rates.size === 0) return problem0;
    const R = problem0.regions.length;
    const A1 = problem0.maxAge + 1;
    const steps = problem0.years;
    // each region's levels by year: the moved levers' from the draw, the others from the base
    const levels = { ...base0.levels };
    try {
      for (const rate of rates) {
        const where = RATE_SCHEDULES[rate];
        levels[rate] = ids.map((id) => regionScheduleValues(where.of(scenario), id, [...where.path], firstYear, scenario.endYear, SCHEDULE_RANGES.share));
      }
    } catch (error) {
      if (error instanceof ChengzhenError) return compileScenario(scenario);
      throw error;
    }
    const weights = base0.weights;
    for (let r = 0; r < R; r++) {
      const w = weights[r];
      for (let t = 0; t < steps; t++) {
        const m = levels.m[r][t];
        const c = levels.c[r][t];
        const k = levels.k[r][t];
        const q = levels.q[r][t];
        // the same levels as the year before pass as they did
        if (t > 0 && m === levels.m[r][t - 1] && c === levels.c[r][t - 1] && k === levels.k[r][t - 1] && q === levels.q[r][t - 1]) continue;
        for (let x = 0; x < 2 * A1; x++) if (!(m * w.m[x] + c <= 1 && k * w.k[x] + q * w.q[x] <= 1)) return compileScenario(scenario);
      }
    }
    const inputs: KernelInputs = { ...problem0.inputs };
    for (const rate of rates) {
      const size = rate === 'c' ? R : R * 2 * A1;
      let list = views.get(rate);
      if (list === undefined) {
        const buffer = new Float64Array(steps * size);
        list = Array.from({ length: steps }, (_, t) => buffer.subarray(t * size, (t + 1) * size));
        views.set(rate, list);
      }
      // levels the same (bit for bit) in every year give the same rates in every year
      const byRegion = levels[rate];
      const constant = byRegion.every((series) => series.every((level) => Object.is(level, series[0])));
      for (let t = 0; t < (constant ? 1 : steps); t++) {
        const values = list[t];
        for (let r = 0; r < R; r++) {
          const level = byRegion[r][t];
          if (rate === 'c') {
            values[r] = level;
            continue;
          }
          // as compileScenario: the level of year t times the region's normalised age profile
          const profile = weights[r][rate];
          for (let x = 0, i = r * 2 * A1; x < 2 * A1; x++, i++) values[i] = level * profile[x];
        }
      }
      inputs[rate] = constant || allEqual(list) ? [list[0]] : [...list];
    }
    return { ...problem0, inputs };
  };
}

/**
 * The kept series as kernel indicators (stocks or flows) or services (`service.figure`, from
 * the services of the scenario), each with the region's column (R for all regions), or null
 * when one of them needs the full projection.
 */
function seriesKeys(plan: Pick<SimulationPlan, 'scenario' | 'keys'>): { name: string; kind: 'stock' | 'flow' | 'service'; region: number }[] | null {
  const regions = plan.scenario.regions.map((r) => r.id);
  const out: { name: string; kind: 'stock' | 'flow' | 'service'; region: number }[] = [];
  for (const key of plan.keys) {
    const stock = (STOCK_INDICATORS as readonly string[]).includes(key.indicator);
    const flow = (FLOW_NAMES as readonly string[]).includes(key.indicator);
    const service = !stock && !flow && SERVICE_KEYS.has(key.indicator.split('.')[0]) && (SERVICE_FIGURES as readonly string[]).includes(key.indicator.split('.')[1]);
    if (!stock && !flow && !service) return null;
    const region = key.region === ALL_REGIONS ? regions.length : regions.indexOf(key.region);
    if (region < 0) return null;
    out.push({ name: key.indicator, kind: stock ? 'stock' : flow ? 'flow' : 'service', region });
  }
  return out;
}

const SERVICE_KEYS = new Set<string>(SERVICES.map((s) => s.key));

/** The series of a scenario without services. */
const NO_SERVICES: ReadonlyMap<string, Float64Array> = new Map();

/** Flows have no base-year value; their first year is left at 0 in the series (and dropped from bands). */
function padFlow(values: number[], years: number): number[] {
  return [...new Array<number>(years - values.length).fill(0), ...values];
}

/**
 * The values sorted ascending, as `Array.prototype.sort` with `a - b` sorts a copy. Most
 * series move with the uncertain levers, so the values are first read into `scratch` in the
 * order of the draws that sorts the first lever (`order`): that is then sorted, or nearly (up
 * to rounding), ascending or descending, and an insertion sort finishes it in a few moves
 * (values that compare equal are the same number, bit for bit, once NaN and -0 are set apart,
 * so any ascending arrangement is the sorted list). When that takes too many moves, a copy in
 * `scratch` is sorted by the typed array's numeric sort. `values` is only read (threads may
 * summarise the same shared series at once). NaN or -0 among the values: a sorted copy as
 * before.
 */
function sortedValues(values: Float64Array, order: Int32Array, scratch: Float64Array): readonly number[] {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v) || Object.is(v, -0)) return Array.from(values).sort((a, b) => a - b);
  }
  for (let i = 0; i < n; i++) scratch[i] = values[order[i]];
  if (scratch[n - 1] < scratch[0]) scratch.reverse();
  // simple-statistics reads its argument by index and length only
  if (insertionSorted(scratch, 4 * n)) return scratch as unknown as readonly number[];
  scratch.set(values);
  return scratch.sort() as unknown as readonly number[];
}

/** Sorts `values` ascending by insertion when that takes at most `moves` moves; false (and `values` left unsorted) when it would take more. */
function insertionSorted(values: Float64Array, moves: number): boolean {
  let left = moves;
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > v) {
      values[j + 1] = values[j];
      j--;
      if (--left < 0) return false;
    }
    values[j + 1] = v;
  }
  return true;
}

/** The draws in the order that sorts `values` ascending (ties by draw). */
function drawOrder(values: Float64Array): Int32Array {
  return Int32Array.from(values.keys()).sort((a, b) => values[a] - values[b] || a - b);
}

/**
 * Joins chunks (in any order) and summarises them into quantile bands (flows from the first
 * projected year, stocks from the base year).
 *
 * @example
 * const scenario = defineScenario({
 *   name: 'Town', baseYear: 2023, endYear: 2025,
 *   regions: [{ id: 'town', nameEn: 'Town', nameZh: '镇' }],
 *   base: { town: { population: { census2020: 'Zhejiang', scaleToTotal: 1e5 }, residentUrbanisationRate: 0.6, hukouUrbanisationRate: 0.4 } },
 *   migration: { ruralToUrbanRate: 0.02 },
 *   hukou: { conversionRate: 0.03 },
 * });
 * const uncertain = { 'migration.ruralToUrbanRate': { distribution: 'uniform', min: 0.01, max: 0.03 } } as const;
 * const plan = planSimulation(scenario, { draws: 4, seed: 1, uncertain });
 * const chunks = [runSimulationDraws(plan, 1, 2, 4), runSimulationDraws(plan, 1, 0, 2)];
 * const sim = summariseSimulation(plan, 1, 4, chunks);
 * JSON.stringify(sim.bands) === JSON.stringify(simulate(scenario, { draws: 4, seed: 1, uncertain }).bands)
 * // => true
 * sim.bands.find((b) => b.indicator === 'residentUrbanisationRate' && b.year === 2025)?.q50
 * // => 0.6175
 */
export function summariseSimulation(plan: SimulationPlan, seed: number, draws: number, chunks: SimulationChunk[]): SimulationResult {
  const Y = plan.years.length;
  const columns = simulationColumns(plan, draws);
  for (const c of chunks) {
    const n = c.to - c.from;
    plan.uncertain.forEach((_, i) => columns.leverValues[i].set(c.leverValues[i], c.from));
    plan.keys.forEach((_, k) => {
      const s = c.series[k];
      const column = columns.series[k];
      for (let y = 0; y < Y; y++) for (let d = 0; d < n; d++) column[y * draws + c.from + d] = s[d * Y + y];
    });
  }
  return summariseColumns(plan, seed, columns);
}

/**
 * The result of a simulation whose draws are all in `columns`: the lever values (copied) and
 * the quantile bands of every kept series (flows from the first projected year, stocks from
 * the base year).
 */
export function summariseColumns(plan: SimulationPlan, seed: number, columns: SimulationColumns): SimulationResult {
  const summary = bandsSummary(plan, columns);
  const bands: QuantileBand[] = [];
  for (let k = 0; k < plan.keys.length; k++) bands.push(...summary.bandsOf(k));
  return simulationResult(plan, seed, columns, bands);
}

/** The result of a simulation from its columns and its bands (in the order of the plan's keys and years). */
export function simulationResult(plan: SimulationPlan, seed: number, columns: SimulationColumns, bands: QuantileBand[]): SimulationResult {
  const levers = plan.uncertain.map((u, i) => ({ lever: u.lever, distribution: u.distribution, mode: leverMode(plan.scenario, u.lever), values: columns.leverValues[i].slice() }));
  return { draws: columns.draws, seed, levers, bands };
}

/**
 * The summary of a simulation's columns, a kept series at a time (`bandsOf(k)`, the bands of
 * `plan.keys[k]` by year), so that threads may share the series between them: the same bands
 * whichever thread summarises which series, and the columns are only read (two threads may
 * summarise the same series at once).
 */
export function bandsSummary(plan: Pick<SimulationPlan, 'keys' | 'years'>, columns: SimulationColumns): { bandsOf(k: number): QuantileBand[] } {
  const draws = columns.draws;
  const Y = plan.years.length;
  const scratch = new Float64Array(draws);
  let order: Int32Array | null = null;
  return {
    bandsOf(k) {
      order ??= drawOrder(columns.leverValues[0]);
      const key = plan.keys[k];
      const isFlow = indicatorInfo(key.indicator)?.kind === 'flow';
      const bands: QuantileBand[] = [];
      for (let y = isFlow ? 1 : 0; y < Y; y++) {
        const sorted = sortedValues(columns.series[k].subarray(y * draws, (y + 1) * draws), order, scratch);
        bands.push({
          indicator: key.indicator,
          region: key.region,
          year: plan.years[y],
          mean: mean(sorted),
          q05: quantileSorted(sorted, 0.05),
          q25: quantileSorted(sorted, 0.25),
          q50: quantileSorted(sorted, 0.5),
          q75: quantileSorted(sorted, 0.75),
          q95: quantileSorted(sorted, 0.95),
        });
      }
      return bands;
    },
  };
}

/**
 * Projects `draws` draws of the uncertain levers and returns quantile bands (5, 25, 50, 75 and
 * 95 %) and means per indicator, region and year, in one thread.
 *
 * @throws {ChengzhenError} for invalid options, naming the field.
 * @example
 * const sim = simulate(getPreset('national-2024-2028').scenario, {
 *   draws: 100, seed: 1,
 *   uncertain: { 'migration.ruralToUrbanRate': { distribution: 'normal', mean: 0.019, sd: 0.002, min: 0 } },
 * });
 * sim.bands.find((b) => b.indicator === 'residentUrbanisationRate' && b.year === 2028)?.q50
 * // => 0.6948
 */
export function simulate(input: Scenario | ScenarioInput, options: SimulateOptions): SimulationResult {
  const plan = planSimulation(input, options);
  const columns = simulationColumns(plan, options.draws);
  runSimulationDrawsInto(plan, options.seed, 0, options.draws, columns, options.onProgress);
  return summariseColumns(plan, options.seed, columns);
}
