/**
 * Indicators of model.md section 4, per region and for all regions together, computed as the
 * kernel runs ({@link indicatorSink}) or afterwards from a result ({@link kernelIndicators}).
 */

import { ChengzhenError } from '../errors.js';
import { runKernelInto, type KernelSink, type KernelWorkspace } from './runKernel.js';
import { FLOW_NAMES, type FlowName, type KernelProblem, type KernelResult, type StepFlows } from './types.js';

/**
 * Stock indicators, measured on 1 January of each year: persons by status, and the rates
 * (shares 0-1) of model.md section 4.
 *
 * @example
 * STOCK_INDICATORS[4]
 * // => 'residentUrbanisationRate'
 */
export const STOCK_INDICATORS = Object.freeze([
  'population',
  'rural',
  'migrant',
  'hukou',
  'residentUrbanisationRate',
  'hukouUrbanisationRate',
  'urbanisationGap',
] as const);
/** The name of a stock indicator, one of {@link STOCK_INDICATORS}. */
export type StockIndicator = (typeof STOCK_INDICATORS)[number];

/**
 * Indicators of a run. Index `r = 0 .. R-1` is a region and `r = R` is all regions together.
 * Stocks are indexed `yearIndex*(R+1) + r` over `years`; flows `step*(R+1) + r` over the
 * steps (step t runs from `years[t]` to `years[t+1]`).
 */
export interface KernelIndicators {
  regions: string[];
  years: number[];
  stocks: Record<StockIndicator, Float64Array>;
  flows: Record<FlowName, Float64Array>;
}

/**
 * Neumaier's compensated sum of `values[start + i*stride]`, i = 0..count-1: totals over
 * thousands of regions keep the accounting identity to about 1e-16 relative.
 *
 * @example
 * compensatedSum(Float64Array.of(1e16, 1, -1e16), 0, 3)   // a plain sum gives 0
 * // => 1
 * compensatedSum(Float64Array.of(1, 2, 3, 4), 1, 2, 2)
 * // => 6
 */
export function compensatedSum(values: Float64Array, start: number, count: number, stride = 1): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0, x = start; i < count; i++, x += stride) {
    const v = values[x];
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** Ratio that reports 0 for an empty denominator (an empty region has no urbanisation). */
function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function setRates(stocks: Record<StockIndicator, Float64Array>, at: number): void {
  const pop = stocks.population[at];
  const urban = stocks.migrant[at] + stocks.hukou[at];
  const resident = share(urban, pop);
  const hukou = share(stocks.hukou[at], pop);
  stocks.residentUrbanisationRate[at] = resident;
  stocks.hukouUrbanisationRate[at] = hukou;
  stocks.urbanisationGap[at] = resident - hukou;
}

/** Writes the stock indicators of population `P` for year index `y`. */
function stocksInto(stocks: Record<StockIndicator, Float64Array>, P: Float64Array, regions: number, maxAge: number, y: number): void {
  const row = y * (regions + 1);
  // the regions in a function of their own: a loop that the engine compiles while it runs then
  // holds no code that its first iterations did not reach (the totals below)
  regionStocksInto(stocks, P, regions, maxAge, row);
  const all = row + regions;
  for (const name of ['rural', 'migrant', 'hukou'] as const) stocks[name][all] = compensatedSum(stocks[name], row, regions);
  stocks.population[all] = stocks.rural[all] + stocks.migrant[all] + stocks.hukou[all];
  setRates(stocks, all);
}

/** The stocks of each region of population `P`, written from `row`. */
function regionStocksInto(stocks: Record<StockIndicator, Float64Array>, P: Float64Array, regions: number, maxAge: number, row: number): void {
  const A1 = maxAge + 1;
  const block = 2 * A1;
  const { population, rural: ruralOut, migrant: migrantOut, hukou: hukouOut } = stocks;
  for (let r = 0; r < regions; r++) {
    const base = r * 3 * block;
    // the three statuses' compensated sums in one loop: three independent chains of additions,
    // each in the order of compensatedSum, so the same bits in about a third of the time
    let rural = 0;
    let ruralC = 0;
    let migrant = 0;
    let migrantC = 0;
    let hukou = 0;
    let hukouC = 0;
    for (let x = base, end = base + block; x < end; x++) {
      const u = P[x];
      const v = P[x + block];
      const w = P[x + 2 * block];
      const tu = rural + u;
      const tv = migrant + v;
      const tw = hukou + w;
      ruralC += Math.abs(rural) >= Math.abs(u) ? rural - tu + u : u - tu + rural;
      migrantC += Math.abs(migrant) >= Math.abs(v) ? migrant - tv + v : v - tv + migrant;
      hukouC += Math.abs(hukou) >= Math.abs(w) ? hukou - tw + w : w - tw + hukou;
      rural = tu;
      migrant = tv;
      hukou = tw;
    }
    rural += ruralC;
    migrant += migrantC;
    hukou += hukouC;
    const at = row + r;
    ruralOut[at] = rural;
    migrantOut[at] = migrant;
    hukouOut[at] = hukou;
    population[at] = rural + migrant + hukou;
    setRates(stocks, at);
  }
}

function flowsInto(target: Record<FlowName, Float64Array>, flows: StepFlows, regions: number, step: number): void {
  const row = step * (regions + 1);
  // an index loop: a for-of here allocates an iterator result per flow in some tiers
  for (let f = 0; f < FLOW_NAMES.length; f++) {
    const name = FLOW_NAMES[f];
    const out = target[name];
    const from = flows[name];
    for (let r = 0; r < regions; r++) out[row + r] = from[r];
    out[row + regions] = compensatedSum(from, 0, regions);
  }
}

function allocate(regions: string[], startYear: number, steps: number): KernelIndicators {
  const width = regions.length + 1;
  // one buffer, each indicator a view of it: one allocation rather than seventeen
  const stockSize = (steps + 1) * width;
  const flowSize = steps * width;
  const buffer = new Float64Array(STOCK_INDICATORS.length * stockSize + FLOW_NAMES.length * flowSize);
  let at = 0;
  const stocks = {} as Record<StockIndicator, Float64Array>;
  for (const name of STOCK_INDICATORS) {
    stocks[name] = buffer.subarray(at, at + stockSize);
    at += stockSize;
  }
  const flows = {} as Record<FlowName, Float64Array>;
  for (const name of FLOW_NAMES) {
    flows[name] = buffer.subarray(at, at + flowSize);
    at += flowSize;
  }
  const years = Array.from({ length: steps + 1 }, (_, i) => startYear + i);
  return { regions: [...regions], years, stocks, flows };
}

/**
 * A sink that keeps the indicators and no population: memory grows with regions x years, not
 * with regions x years x 606 cells.
 *
 * @example
 * const fill = (length: number, value: number) => new Array<number>(length).fill(value);
 * const problem = parseKernelProblem({   // one region, ages 0..2, 100 people a cell, 10 % move to town
 *   format: 'chengzhen-kernel/1', dims: { regions: ['town'], maxAge: 2 }, startYear: 2020, years: 1,
 *   population: fill(18, 100),
 *   inputs: { sx: fill(18, 1), sb: fill(6, 1), fx: fill(9, 0), srb: [1.05], m: fill(6, 0.1), c: [0], k: fill(6, 0), q: fill(6, 0) },
 * });
 * indicatorSeries(runKernelInto(problem, indicatorSink()), 'residentUrbanisationRate')
 * // => [0.6667, 0.7]
 */
export function indicatorSink(): KernelSink<KernelIndicators> {
  let out: KernelIndicators | null = null;
  let R = 0;
  let A = 0;
  return {
    begin(problem) {
      R = problem.regions.length;
      A = problem.maxAge;
      out = allocate(problem.regions, problem.startYear, problem.years);
    },
    year(_year, step, population, flows) {
      stocksInto(out!.stocks, population, R, A, step + 1);
      if (flows) flowsInto(out!.flows, flows, R, step);
    },
    end() {
      return out!;
    },
  };
}

/**
 * Runs a problem keeping only its indicators.
 *
 * @example
 * const fill = (length: number, value: number) => new Array<number>(length).fill(value);
 * const problem = parseKernelProblem({   // one region, ages 0..2, 100 people a cell, 10 % move to town
 *   format: 'chengzhen-kernel/1', dims: { regions: ['town'], maxAge: 2 }, startYear: 2020, years: 1,
 *   population: fill(18, 100),
 *   inputs: { sx: fill(18, 1), sb: fill(6, 1), fx: fill(9, 0), srb: [1.05], m: fill(6, 0.1), c: [0], k: fill(6, 0), q: fill(6, 0) },
 * });
 * const ind = runKernelIndicators(problem);
 * indicatorSeries(ind, 'residentUrbanisationRate')   // all regions, one value per year
 * // => [0.6667, 0.7]
 */
export function runKernelIndicators(problem: KernelProblem, workspace?: KernelWorkspace): KernelIndicators {
  return runKernelInto(problem, indicatorSink(), workspace);
}

/**
 * The indicators of a finished run.
 *
 * @example
 * const fill = (length: number, value: number) => new Array<number>(length).fill(value);
 * const problem = parseKernelProblem({   // one region, ages 0..2, 100 people a cell, 10 % move to town
 *   format: 'chengzhen-kernel/1', dims: { regions: ['town'], maxAge: 2 }, startYear: 2020, years: 1,
 *   population: fill(18, 100),
 *   inputs: { sx: fill(18, 1), sb: fill(6, 1), fx: fill(9, 0), srb: [1.05], m: fill(6, 0.1), c: [0], k: fill(6, 0), q: fill(6, 0) },
 * });
 * kernelIndicators(runKernel(problem)).stocks.population.length   // (years + 1) * (regions + 1)
 * // => 4
 */
export function kernelIndicators(result: KernelResult): KernelIndicators {
  const R = result.regions.length;
  const steps = result.years.length - 1;
  const out = allocate(result.regions, result.years[0], steps);
  for (let y = 0; y <= steps; y++) stocksInto(out.stocks, result.population[y], R, result.maxAge, y);
  const stepFlows = {} as StepFlows;
  for (let t = 0; t < steps; t++) {
    for (const name of FLOW_NAMES) stepFlows[name] = result.flows[name].subarray(t * R, (t + 1) * R);
    flowsInto(out.flows, stepFlows, R, t);
  }
  return out;
}

/**
 * One indicator as a series: by year for stocks, by step for flows, for one region (by id or
 * index) or for all regions together (the default).
 *
 * @example
 * const fill = (length: number, value: number) => new Array<number>(length).fill(value);
 * const problem = parseKernelProblem({   // one region, ages 0..2, 100 people a cell, 10 % move to town
 *   format: 'chengzhen-kernel/1', dims: { regions: ['town'], maxAge: 2 }, startYear: 2020, years: 1,
 *   population: fill(18, 100),
 *   inputs: { sx: fill(18, 1), sb: fill(6, 1), fx: fill(9, 0), srb: [1.05], m: fill(6, 0.1), c: [0], k: fill(6, 0), q: fill(6, 0) },
 * });
 * indicatorSeries(kernelIndicators(runKernel(problem)), 'migrant', 'town')
 * // => [600, 660]
 */
export function indicatorSeries(
  indicators: KernelIndicators,
  name: StockIndicator | FlowName,
  region?: string | number,
): number[] {
  const R = indicators.regions.length;
  let r = R;
  if (typeof region === 'number') r = region;
  else if (typeof region === 'string') r = indicators.regions.indexOf(region);
  if (r < 0 || r > R || !Number.isInteger(r)) {
    throw new ChengzhenError([
      {
        code: 'invalid_value',
        path: ['region'],
        message: `region ${JSON.stringify(region)} is not one of the ${R} regions (${indicators.regions.slice(0, 5).join(', ')}${R > 5 ? ', ...' : ''})`,
        expected: `a region id or an index in [0, ${R}]`,
        received: String(region),
      },
    ]);
  }
  const isStock = (STOCK_INDICATORS as readonly string[]).includes(name);
  // own keys only: 'constructor' must not find Object's
  if (!Object.hasOwn(isStock ? indicators.stocks : indicators.flows, name)) {
    throw new ChengzhenError([
      { code: 'invalid_value', path: ['name'], message: `${JSON.stringify(name)} is not a kernel indicator (stocks: ${STOCK_INDICATORS.join(', ')}; flows: ${Object.keys(indicators.flows).join(', ')})`, received: String(name) },
    ]);
  }
  const values = isStock ? indicators.stocks[name as StockIndicator] : indicators.flows[name as FlowName];
  const count = values.length / (R + 1);
  const out: number[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = values[i * (R + 1) + r];
  return out;
}
