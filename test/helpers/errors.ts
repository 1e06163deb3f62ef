/**
 * Catching what a call throws, shared by the tests (one copy, not one per file).
 */

import { expect } from 'vitest';
import { ChengzhenError, type ChengzhenIssue } from '../../src/errors.js';

/**
 * The ChengzhenError `run` throws. Anything else it throws is rethrown, and nothing thrown
 * fails the test.
 */
export function thrownBy(run: () => unknown): ChengzhenError {
  try {
    run();
  } catch (e) {
    if (e instanceof ChengzhenError) return e;
    throw e;
  }
  throw new Error('expected a ChengzhenError, nothing was thrown');
}

/** Whatever `run` throws, or undefined when it returns. */
export function anyThrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** The first issue of the ChengzhenError `run` throws (asserting that it throws one). */
export function issueOf(run: () => unknown): ChengzhenIssue {
  const error = anyThrownBy(run);
  expect(error).toBeInstanceOf(ChengzhenError);
  return (error as ChengzhenError).issues[0];
}
