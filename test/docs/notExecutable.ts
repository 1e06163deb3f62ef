/**
 * The `@example` blocks of the public API that the examples test cannot check, by
 * `file#symbol`: their `// =>` value is descriptive, they have none, or they use a variable
 * (a scenario, a projection) that the block does not define. The test fails when a block not
 * listed here cannot be checked, and when a block listed here can: keep this list short.
 */
export const NOT_EXECUTABLE: readonly string[] = [
  // they write files or start worker threads: no value to check
  'src/node/simulateParallel.ts#simulateParallel',
  'src/node/writeFileAtomic.ts#writeFileAtomic',
  // they read a document from `text`
  'src/schema/kernelProblem.ts#parseKernelProblem',
  'src/schema/scenario.ts#parseScenario',
  // they use a projection of a scenario with school places and elderly care beds (the Zhejiang
  // scenario of test/report/fixtures.ts), which the block does not define
  'src/report/charts.ts#populationByStatusChartSpec',
  'src/report/charts.ts#regionTitle',
  'src/report/charts.ts#serviceChartSpec',
  'src/report/charts.ts#serviceChartSpecs',
  'src/report/charts.ts#servicesIn',
  'src/report/charts.ts#uncertaintyBandChartSpec',
  'src/report/charts.ts#urbanisationByRegionChartSpec',
  'src/report/charts.ts#urbanisationChartSpec',
  'src/report/htmlReport.ts#htmlReport',
  'src/report/keyFigures.ts#keyFigures',
  'src/report/markdownReport.ts#markdownReport',
  'src/report/renderSvg.ts#compileChart',
  'src/report/renderSvg.ts#renderSvg',
  'src/report/reportCharts.ts#reportCharts',
  'src/report/reportInput.ts#ReportInput',
  'src/report/reportInput.ts#checkReportInput',
  'src/report/reportNotes.ts#reportNotes',
];
