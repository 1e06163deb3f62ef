/**
 * Demography held by row: a problem whose regions share rows of sx, sb, fx and srb gives the
 * results of the same problem with its demography written out per region, bit for bit, and its
 * kernel JSON document is that problem's; rows that do not fit their tables are reported with
 * the field, the step, the region and the allowed range.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kernelProblemToJSON } from '../../src/io/kernelJson.js';
import { checkDemographyRows, expandDemographyRows, expandDemographyRowsInto, runKernel, runKernelIndicators, type KernelProblem } from '../../src/kernel/index.js';
import { parseKernelProblem } from '../../src/schema/kernelProblem.js';
import { firstBitDifference } from '../helpers/bits.js';
import { thrownBy } from '../helpers/errors.js';
import { expectBitIdentical } from '../helpers/kernelResults.js';
import { groupedDemography as grouped } from '../helpers/demographyRows.js';
import { randomPooled } from '../helpers/randomPooled.js';
import { randomDocShape, randomKernelDoc } from '../helpers/randomKernelDoc.js';

describe('runKernel(problem) with demographyRows', () => {
  it('gives the results of the problem expanded per region, bit for bit (random problems, rows once or per step)', () => {
    fc.assert(
      fc.property(randomDocShape({ regions: [2, 6], years: [1, 4] }), fc.integer({ min: 1, max: 6 }), fc.integer(), fc.boolean(), (shape, rows, seed, perYear) => {
        const problem = parseKernelProblem(randomKernelDoc(shape));
        const byRow = grouped(problem, Math.min(rows, problem.regions.length), seed, perYear);
        const expanded = expandDemographyRows(byRow);
        expect(expanded.inputs.demographyRows).toBeUndefined();
        expectBitIdentical(runKernel(byRow), runKernel(expanded));
        expect(JSON.stringify(kernelProblemToJSON(byRow))).toBe(JSON.stringify(kernelProblemToJSON(expanded)));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the indicators of the expanded problem with pooled moves, bit for bit (40 regions, 3 rows)', () => {
    const doc = randomKernelDoc({ regions: 40, maxAge: 10, years: 3, seed: 5, perYear: 0b1, sparse: 0, omit: 0b100 });
    const problem = parseKernelProblem({ ...doc, inputs: { ...doc.inputs, D: randomPooled(40, 3, 11) } });
    const byRow = grouped(problem, 3, 17, true);
    const a = runKernelIndicators(byRow);
    const b = runKernelIndicators(expandDemographyRows(byRow));
    for (const [name, values] of Object.entries(a.stocks)) expect({ name, at: firstBitDifference(values, b.stocks[name as keyof typeof a.stocks]) }).toEqual({ name, at: -1 });
    for (const [name, values] of Object.entries(a.flows)) expect({ name, at: firstBitDifference(values, b.flows[name as keyof typeof a.flows]) }).toEqual({ name, at: -1 });
  });

  it('round-trips through the kernel JSON document as the per-region problem', () => {
    const problem = parseKernelProblem(randomKernelDoc({ regions: 4, maxAge: 3, years: 2, seed: 3, perYear: 0b1111, sparse: 0, omit: 0 }));
    const byRow = grouped(problem, 2, 8, false);
    const reread = parseKernelProblem(kernelProblemToJSON(byRow));
    expect(reread.inputs.demographyRows).toBeUndefined();
    expectBitIdentical(runKernel(reread), runKernel(byRow));
  });
});

describe('expandDemographyRowsInto(rows, from, out, maxAge)', () => {
  it("writes each region's row: region 1 of row 0 and region 0 of row 1 (ages 0..1)", () => {
    const from = { sx: Float64Array.from({ length: 24 }, (_, x) => x / 100), sb: Float64Array.from({ length: 12 }, (_, x) => x), fx: Float64Array.from({ length: 12 }, (_, x) => x / 10), srb: Float64Array.of(1.05, 1.1) };
    const out = { sx: new Float64Array(24), sb: new Float64Array(12), fx: new Float64Array(12), srb: new Float64Array(2) };
    expandDemographyRowsInto(Int32Array.of(1, 0), from, out, 1);
    expect(Array.from(out.sx.subarray(0, 12))).toEqual(Array.from(from.sx.subarray(12, 24)));
    expect(Array.from(out.sx.subarray(12, 24))).toEqual(Array.from(from.sx.subarray(0, 12)));
    expect(Array.from(out.sb)).toEqual([6, 7, 8, 9, 10, 11, 0, 1, 2, 3, 4, 5]);
    expect(Array.from(out.fx)).toEqual([0.6, 0.7, 0.8, 0.9, 1, 1.1, 0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(Array.from(out.srb)).toEqual([1.1, 1.05]);
  });
});

describe('checkDemographyRows(problem)', () => {
  const problem = parseKernelProblem(randomKernelDoc({ regions: 3, maxAge: 2, years: 2, seed: 1, perYear: 0, sparse: 0, omit: 0 }));
  const byRow = grouped(problem, 2, 4, false);
  const withInputs = (inputs: Partial<KernelProblem['inputs']>): KernelProblem => ({ ...byRow, inputs: { ...byRow.inputs, ...inputs } });

  it('passes a problem without rows, and rows that fit their tables', () => {
    expect(() => checkDemographyRows(problem)).not.toThrow();
    expect(() => checkDemographyRows(byRow)).not.toThrow();
  });

  it('names a row outside its tables, with the region and the allowed range', () => {
    const error = thrownBy(() => checkDemographyRows(withInputs({ demographyRows: [Int32Array.of(0, 2, -1)] })));
    expect(error.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "inputs.demographyRows[region=region-1] must be a row in [0, 1], received 2",
        "inputs.demographyRows[region=region-2] must be a row in [0, 1], received -1",
      ]
    `);
    expect(error.issues[0]).toMatchObject({ code: 'out_of_range', path: ['inputs', 'demographyRows', 1], coords: { region: 'region-1' }, expected: '[0, 1]', received: '2' });
  });

  it('names the step of a per-year list, and the rows of that step', () => {
    const error = thrownBy(() => checkDemographyRows(withInputs({ demographyRows: [Int32Array.of(0, 0, 0), Int32Array.of(0, 1, 3)] })));
    expect(error.issues).toEqual([
      {
        code: 'out_of_range',
        path: ['inputs', 'demographyRows', 1, 2],
        coords: { year: byRow.startYear + 1, region: 'region-2' },
        message: `inputs.demographyRows[year=${byRow.startYear + 1}, region=region-2] must be a row in [0, 1], received 3`,
        expected: '[0, 1]',
        received: '3',
      },
    ]);
  });

  it('names lists and arrays of the wrong size', () => {
    const messages = (inputs: Partial<KernelProblem['inputs']>) => thrownBy(() => checkDemographyRows(withInputs(inputs))).issues.map((i) => `${i.code}: ${i.message}`);
    expect(messages({ demographyRows: [] })).toEqual(['wrong_length: inputs.demographyRows must hold 1 array or one per step (2), received 0']);
    expect(messages({ demographyRows: [Int32Array.of(0, 1)] })).toEqual(['wrong_length: inputs.demographyRows must be an Int32Array of 3 rows, one per region, received 2 numbers']);
    expect(messages({ sx: [new Float64Array(20)] })).toEqual(['wrong_length: inputs.sx must hold whole rows of 18 numbers (status, sex, age), received 20']);
    expect(messages({ srb: [new Float64Array(3)], fx: [new Float64Array(9)] })).toEqual([
      'wrong_length: inputs.fx must hold 2 rows of 9 (the rows of sx), received 9 numbers',
      'wrong_length: inputs.srb must hold 2 rows of 1 (the rows of sx), received 3 numbers',
    ]);
  });

  it('is what expandDemographyRows throws for rows that do not fit', () => {
    expect(thrownBy(() => expandDemographyRows(withInputs({ demographyRows: [Int32Array.of(0, 0, 5)] }))).issues[0].message).toBe('inputs.demographyRows[region=region-2] must be a row in [0, 1], received 5');
  });
});
