/**
 * The public types of the kernel and the kernel problem format. `expectTypeOf` does nothing at
 * run time; `tsc --noEmit` (which includes test/) fails when a type drifts.
 */

import { describe, expectTypeOf, it } from 'vitest';
import type { ChengzhenError } from '../../src/errors.js';
import {
  indicatorSeries,
  kernelIndicators,
  kernelProblemToJSON,
  kernelResultToJSON,
  parseKernelProblem,
  runKernel,
  runKernelIndicators,
  runKernelInto,
  safeParseKernelProblem,
  type FlowName,
  type KernelIndicators,
  type KernelProblem,
  type KernelProblemJSON,
  type KernelResult,
  type KernelResultJSON,
  type KernelSink,
  type MoveMatrix,
  type StockIndicator,
} from '../../src/index.js';

describe('parseKernelProblem(json)', () => {
  it('takes anything and returns a KernelProblem', () => {
    expectTypeOf(parseKernelProblem).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseKernelProblem).returns.toEqualTypeOf<KernelProblem>();
  });

  it('has a safe twin returning a success/error union', () => {
    const parsed = safeParseKernelProblem({});
    if (parsed.success) expectTypeOf(parsed.data).toEqualTypeOf<KernelProblem>();
    else expectTypeOf(parsed.error).toEqualTypeOf<ChengzhenError>();
    expectTypeOf(parsed.success).toEqualTypeOf<boolean>();
  });
});

describe('KernelProblem', () => {
  it('holds typed arrays, one per year or one for all years', () => {
    expectTypeOf<KernelProblem['population']>().toEqualTypeOf<Float64Array>();
    expectTypeOf<KernelProblem['regions']>().toEqualTypeOf<string[]>();
    expectTypeOf<KernelProblem['inputs']['sx']>().toEqualTypeOf<Float64Array[]>();
    expectTypeOf<KernelProblem['inputs']['D']>().toEqualTypeOf<MoveMatrix[]>();
    expectTypeOf<MoveMatrix['kind']>().toEqualTypeOf<'identity' | 'dense' | 'sparse' | 'pooled'>();
    expectTypeOf<KernelProblem>().toHaveProperty('maxAge').toEqualTypeOf<number>();
  });
});

describe('runKernel(problem)', () => {
  it('takes a KernelProblem and returns a KernelResult', () => {
    expectTypeOf(runKernel).parameters.toEqualTypeOf<[KernelProblem]>();
    expectTypeOf(runKernel).returns.toEqualTypeOf<KernelResult>();
  });

  it('runKernelInto returns what the sink ends with', () => {
    expectTypeOf(runKernelInto<number[]>).parameter(0).toEqualTypeOf<KernelProblem>();
    expectTypeOf(runKernelInto<number[]>).parameter(1).toEqualTypeOf<KernelSink<number[]>>();
    expectTypeOf(runKernelInto<number[]>).returns.toEqualTypeOf<number[]>();
  });
});

describe('KernelResult', () => {
  it('has years, populations and flows', () => {
    expectTypeOf<KernelResult['years']>().toEqualTypeOf<number[]>();
    expectTypeOf<KernelResult['population']>().toEqualTypeOf<Float64Array[]>();
    expectTypeOf<KernelResult['flows']>().toEqualTypeOf<Record<FlowName, Float64Array>>();
    expectTypeOf<FlowName>().toEqualTypeOf<'births' | 'deaths' | 'ruralToUrban' | 'reclassified' | 'conversions' | 'returns' | 'netInternational' | 'inMigrants' | 'outMigrants' | 'netMigration'>();
  });
});

describe('indicators and JSON documents', () => {
  it('have the documented types', () => {
    expectTypeOf(kernelIndicators).parameters.toEqualTypeOf<[KernelResult]>();
    expectTypeOf(kernelIndicators).returns.toEqualTypeOf<KernelIndicators>();
    expectTypeOf(runKernelIndicators).returns.toEqualTypeOf<KernelIndicators>();
    expectTypeOf(indicatorSeries).parameter(1).toEqualTypeOf<StockIndicator | FlowName>();
    expectTypeOf(indicatorSeries).parameter(2).toEqualTypeOf<string | number | undefined>();
    expectTypeOf(indicatorSeries).returns.toEqualTypeOf<number[]>();
    expectTypeOf(kernelProblemToJSON).returns.toEqualTypeOf<KernelProblemJSON>();
    expectTypeOf<KernelProblemJSON['format']>().toEqualTypeOf<'chengzhen-kernel/1'>();
    expectTypeOf(kernelResultToJSON).returns.toEqualTypeOf<KernelResultJSON>();
    expectTypeOf<KernelResultJSON['format']>().toEqualTypeOf<'chengzhen-kernel-result/1'>();
  });
});
