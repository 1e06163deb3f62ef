/** Constraints that shape who moves and who settles (docs/constraints.md). */
export { runConstrained, runConstrainedKernel } from './controller.js';
export type { ConstrainedRun } from './controller.js';
export { CONSTRAINT_INDICATORS } from './indicators.js';
export { arrivalsOf, rowDot, minOverDestinations, routeHousing } from './routing.js';
export type { Closure, Routed } from './routing.js';
