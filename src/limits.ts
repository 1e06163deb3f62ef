/**
 * The largest inputs chengzhen accepts, checked before anything is allocated so that a
 * hostile or mistaken document fails fast with a clear error instead of exhausting memory.
 */
export const LIMITS = {
  /** Regions in one problem (counties of China are about 2,850). */
  maxRegions: 10_000,
  /** The open age group A. */
  maxAge: 130,
  /** Steps in one projection. */
  maxYears: 500,
  /** Years a calendar year may take. */
  minYear: 1800,
  maxYear: 2300,
  /** Population cells (regions x 606 x years kept) that {@link runKernel} may hold: 1 GiB of doubles. */
  maxResultCells: 2 ** 27,
  /** Issues collected before validation stops looking. */
  maxIssues: 100,
} as const;
