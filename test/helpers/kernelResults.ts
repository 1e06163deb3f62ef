/** Comparing kernel results bit for bit, shared by the kernel and model tests. */

import { expect } from 'vitest';
import type { KernelResult } from '../../src/kernel/types.js';
import { firstBitDifference } from './bits.js';

/** Asserts that two kernel results hold the same years, populations and flows, bit for bit. */
export function expectBitIdentical(a: KernelResult, b: KernelResult): void {
  expect(a.years).toEqual(b.years);
  a.population.forEach((p, y) => expect({ year: a.years[y], at: firstBitDifference(p, b.population[y]) }).toEqual({ year: a.years[y], at: -1 }));
  for (const name of Object.keys(a.flows) as (keyof KernelResult['flows'])[]) {
    expect({ name, at: firstBitDifference(a.flows[name], b.flows[name]) }).toEqual({ name, at: -1 });
  }
}
