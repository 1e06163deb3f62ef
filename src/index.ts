/**
 * chengzhen (城镇): urbanisation scenarios year by year.
 *
 * The public API, by group.
 */

// errors
export { ChengzhenError, formatIssues, formatPath } from './errors.js';
export type { ChengzhenIssue, ChengzhenIssueCode, IssueCoords } from './errors.js';
export { LIMITS } from './limits.js';

// kernel (model.md sections 1-4)
export * from './kernel/index.js';

// kernel problem format (model.md section 6)
export { parseKernelProblem, safeParseKernelProblem, KernelProblemDocumentSchema, KERNEL_PROBLEM_FORMAT } from './schema/kernelProblem.js';
export type { KernelProblemDocument, SafeParseKernelProblem } from './schema/kernelProblem.js';
export { kernelProblemToJSON, kernelResultToJSON, KERNEL_RESULT_FORMAT } from './io/kernelJson.js';
export type { KernelProblemJSON, KernelResultJSON, SparseMatrixJSON } from './io/kernelJson.js';
