import { runKernel } from './src/kernel/runKernel.js';
import { runConstrainedKernel } from './src/model/constraints/controller.js';
import { countyProblemForProfile } from './bench/constraints.js';
const { problem, tiers, constraints } = countyProblemForProfile();
for (let i = 0; i < 4; i++) { let t0 = performance.now(); runKernel(problem); const a = performance.now() - t0; t0 = performance.now(); runConstrainedKernel(problem, constraints, tiers); console.log('plain', a.toFixed(0), 'constrained', (performance.now() - t0).toFixed(0)); }
