/** Schedules moved below the model layer, to schema/schedule.ts; this file keeps the old import path working. */
export * from '../schema/schedule.js';
