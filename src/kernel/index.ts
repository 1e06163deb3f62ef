/**
 * `chengzhen/kernel`: the numeric core of model.md sections 1-4 on its own, for callers that
 * build kernel problems themselves.
 */

// layout of model.md section 1
export { STATUSES, SEXES, RURAL, MIGRANT, HUKOU, FEMALE, MALE, populationIndex, decodeIndex, shapeLength } from './layout.js';
export type { Status, Sex, KernelDims, InputShape, DecodedIndex } from './layout.js';

// problems, inputs, results
export { FLOW_NAMES, problemDims } from './types.js';
export type { KernelProblem, KernelInputs, KernelResult, MoveMatrix, SparseMoveMatrix, PooledMoveMatrix, PooledLevel, StepInputs, StepFlows, FlowName } from './types.js';

// demography held by row, shared by regions
export { checkDemographyRows, expandDemographyRows, expandDemographyRowsInto } from './demographyRows.js';
export type { DemographyTables } from './demographyRows.js';

// running
export { stepInto, createStepScratch, planNetInternational } from './step.js';
export type { NetInternationalPlan, StepScratch } from './step.js';
export { addMovesInto, addMigrationInto } from './moves.js';
export { addPooledMovesJs } from './pooledMoves.js';
export { runKernel, runKernelInto, createKernelWorkspace, fullResultSink, stepInputs } from './runKernel.js';
export type { KernelSink, KernelWorkspace } from './runKernel.js';

// indicators of model.md section 4
export { STOCK_INDICATORS, indicatorSink, runKernelIndicators, kernelIndicators, indicatorSeries, compensatedSum } from './indicators.js';
export type { StockIndicator, KernelIndicators } from './indicators.js';
