/** Values per region moved below the model layer, to schema/regionValues.ts; this file keeps the old import path working. */
export * from '../schema/regionValues.js';
