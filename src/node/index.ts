/**
 * `chengzhen/node`: what needs Node.js: files written atomically, JSON files read with clear
 * errors, and simulations on all cores.
 */

export { writeFileAtomic } from './writeFileAtomic.js';
export { readJsonFile, readJsonStream, MAX_INPUT_BYTES } from './readJsonFile.js';
export type { ReadJsonOptions } from './readJsonFile.js';
export { readScenarioFile, scenarioFileLoader } from './scenarioFile.js';
export { simulateParallel, closeSimulationThreads, simulationThreadsKept } from './simulateParallel.js';
export type { SimulateParallelOptions } from './simulateParallel.js';
