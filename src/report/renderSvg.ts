/**
 * Charts to SVG text without a browser, a canvas or a network: Vega-Lite is compiled to Vega
 * and run headless (`renderer: 'none'`), and the scene is written as SVG markup. Data must be
 * inline; any attempt to load a URL or file fails. Uses no Node built-ins, so it runs in
 * browsers too.
 *
 * Vega and Vega-Lite are loaded on first use, not when chengzhen is imported: they are large,
 * and being ES modules with top-level await they cannot be `require`d, so a static import
 * would break the CommonJS build for everyone.
 */

import type { Loader, LoggerInterface, Spec as VegaSpec } from 'vega';
import { ChengzhenError } from '../errors.js';
import type { ChartSpec } from './charts.js';

/** A Vega spec compiled from a chart, with the warnings Vega-Lite gave while compiling it. */
export interface CompiledChart {
  spec: VegaSpec;
  warnings: string[];
}

type Engines = [typeof import('vega'), typeof import('vega-lite')];
let engines: Promise<Engines> | undefined;

/** Vega and Vega-Lite, imported once. */
function loadEngines(): Promise<Engines> {
  engines ??= Promise.all([import('vega'), import('vega-lite')]).catch((error: unknown) => {
    engines = undefined;
    throw error;
  });
  return engines;
}

function refuse(what: string): Promise<never> {
  return Promise.reject(
    new ChengzhenError([{ code: 'io', path: ['data'], message: `charts render from inline data only; refused to load ${JSON.stringify(what)}`, received: what }]),
  );
}

/** A Vega loader that loads nothing: rendering never touches the network or file system. */
const NO_LOADER: Loader = {
  load: (uri) => refuse(uri),
  sanitize: (uri) => refuse(uri),
  http: (uri) => refuse(uri),
  file: (filename) => refuse(filename),
};

/** A Vega logger that keeps warnings and errors in `into` instead of printing them. */
function collectingLogger(vega: Engines[0], into: string[]): LoggerInterface {
  return vega.logger(vega.Warn, undefined, (_method, _level, args) => {
    into.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '));
  });
}

function compileWith([vega, vegaLite]: Engines, chart: ChartSpec): CompiledChart {
  const warnings: string[] = [];
  const { spec } = vegaLite.compile(chart, { logger: collectingLogger(vega, warnings) });
  return { spec, warnings };
}

/**
 * Compiles a Vega-Lite chart to a Vega spec, keeping Vega-Lite's warnings instead of
 * printing them.
 *
 * @example
 * (await compileChart(urbanisationChartSpec(projection))).warnings
 * // => []
 */
export async function compileChart(chart: ChartSpec): Promise<CompiledChart> {
  return compileWith(await loadEngines(), chart);
}

/**
 * Renders a Vega-Lite chart to an SVG document (a string starting `<svg`), at build time or
 * in a browser. Text in the chart is escaped by Vega.
 *
 * @throws {ChengzhenError} when Vega warns or errs while running the chart (a request to load
 * data from a URL or file, an axis with no data), listing its messages.
 * @example
 * (await renderSvg(urbanisationChartSpec(projection))).startsWith('<svg')
 * // => true
 */
export async function renderSvg(chart: ChartSpec): Promise<string> {
  const loaded = await loadEngines();
  const vega = loaded[0];
  const { spec } = compileWith(loaded, chart);
  const problems: string[] = [];
  const view = new vega.View(vega.parse(spec), { renderer: 'none', loader: NO_LOADER, logger: collectingLogger(vega, problems) });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  // Vega logs failures (a refused load, an empty extent) as warnings and draws on; a report must not
  if (problems.length > 0) {
    throw new ChengzhenError(problems.map((message) => ({ code: 'invalid_value', path: ['chart'], message: `chart failed to render: ${message}` })));
  }
  return svg;
}
