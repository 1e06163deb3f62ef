/**
 * Summaries of timing samples: the median and the spread around it, in milliseconds.
 */

/** Median, quartiles and extremes of a set of timings. */
export interface TimingSummary {
  /** Median, ms. */
  median: number;
  /** First and third quartiles, ms. */
  p25: number;
  p75: number;
  min: number;
  max: number;
  /** Half the interquartile range as a percentage of the median. */
  spreadPct: number;
  samples: number;
}

/** The `p`-quantile (0..1) of ascending `sorted`, interpolated between neighbours. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * Summarises timings in milliseconds.
 *
 * @example
 * summarizeTimings([3, 1, 2]).median
 * // => 2
 */
export function summarizeTimings(samples: readonly number[]): TimingSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = quantileSorted(sorted, 0.5);
  const p25 = quantileSorted(sorted, 0.25);
  const p75 = quantileSorted(sorted, 0.75);
  return {
    median,
    p25,
    p75,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    spreadPct: median > 0 ? (100 * (p75 - p25)) / 2 / median : 0,
    samples: sorted.length,
  };
}

/** `12.3 ms ±4%`, with a precision that suits the size. */
export function formatTiming(summary: TimingSummary | null | undefined): string {
  if (!summary) return '-';
  return `${formatMs(summary.median)} ±${summary.spreadPct.toFixed(0)}%`;
}

/** Milliseconds with three significant digits, in µs below 1 ms. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 1) return `${(ms * 1000).toPrecision(3)} µs`;
  return `${ms.toPrecision(3)} ms`;
}

/** A ratio as `2.31x`. */
export function formatRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '-';
  return `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1)}x`;
}
