/**
 * Reports of a projection: Vega-Lite chart specs, SVG rendering without a browser, one
 * self-contained HTML page, and Markdown tables.
 */

// report input (scorecard, uncertainty bands and targets are optional)
export { checkReportInput, scorecardSource, QUANTILE_FIELDS } from './reportInput.js';
export type { ReportInput, ScorecardRow, QuantileBand, ReportTarget, PlaceTable } from './reportInput.js';

// chart specs
export {
  urbanisationChartSpec,
  populationByStatusChartSpec,
  serviceChartSpec,
  serviceChartSpecs,
  urbanisationByRegionChartSpec,
  uncertaintyBandChartSpec,
  servicesIn,
  regionTitle,
  CHART_CONFIG,
} from './charts.js';
export type { ChartSpec, ChartOptions } from './charts.js';
export { reportCharts, MAX_REGIONS_CHARTED } from './reportCharts.js';
export { sweepChartSpec, sweepEffects } from './sweepChart.js';
export type { SweepChartOptions, SweepEffect } from './sweepChart.js';
export type { ReportChart } from './reportCharts.js';
export { renderSvg, compileChart } from './renderSvg.js';
export type { CompiledChart } from './renderSvg.js';
export { prefectureChoroplethSpec, prefectureChoroplethSvg, choroplethPrefectureCodes } from './choroplethMap.js';
export { reportMapFigures } from './choroplethMap.js';
export type { ChoroplethOptions, ReportMap } from './choroplethMap.js';

// reports
export { htmlReport } from './htmlReport.js';
export { comparisonReport } from './comparisonReport.js';
export type { NamedProjection } from './comparisonReport.js';
export { markdownReport, escapeMarkdown } from './markdownReport.js';
export { keyFigures, KEY_POPULATION_INDICATORS, KEY_SERVICE_FIGURES } from './keyFigures.js';
export type { KeyFigure, KeyFigureTable } from './keyFigures.js';
export { reportNotes } from './reportNotes.js';
export { scorecardResult, scorecardTally, SCORECARD_RESULT_TEXT } from './scorecardResult.js';
export type { ScorecardResult } from './scorecardResult.js';

// formatting
export { formatValue, formatChange, axisScale, bilingual, indicatorLabel, unitZh, SHARE_UNIT } from './format.js';
export type { AxisScale } from './format.js';
export { escapeHtml } from './escapeHtml.js';

// constraints section (docs/constraints.md)
export { constraintRows, constraintsMarkdown, constraintsHtml, MAX_CONSTRAINT_ROWS } from './constraintsSection.js';
export type { ConstraintRow } from './constraintsSection.js';
