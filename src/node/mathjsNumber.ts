/** mathjs's number-only build in one file (dist/mathjsNumber.cjs), which the simulation worker loads on demand (mathjsOnDemand.ts). */

export { all, create } from 'mathjs/number';
