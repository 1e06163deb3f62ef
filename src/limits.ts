/**
 * The largest inputs chengzhen accepts, checked before anything is allocated so that a
 * hostile or mistaken document fails fast with a clear error instead of exhausting memory.
 * SECURITY.md lists them with the memory measured at the largest allowed input. Frozen: no
 * caller can raise a limit for the next.
 *
 * @example
 * LIMITS.maxAge
 * // => 130
 */
export const LIMITS = Object.freeze({
  /** Regions in one problem (counties of China are about 2,850). */
  maxRegions: 10_000,
  /** The open age group A. */
  maxAge: 130,
  /** Steps in one projection. */
  maxYears: 500,
  /** Years a calendar year may take. */
  minYear: 1800,
  maxYear: 2300,
  /**
   * Numbers a kernel problem holds once parsed: its population and every input, an input given
   * per year counted once per year, a dense `D` or `E` as R x R and a sparse one by its links
   * (1 GiB of doubles). Checked from the document's dimensions before any array is converted.
   */
  maxInputCells: 2 ** 27,
  /**
   * Population cells (regions x 6 x (maxAge + 1) x years kept) of a full kernel result, and
   * numbers a simulation keeps (draws x series x years): 1 GiB of doubles.
   */
  maxResultCells: 2 ** 27,
  /**
   * Population cells of a scenario's projection, regions x 6 x (maxAge + 1) x (years + 1):
   * 3,000 counties for 35 years. Compiling holds the per-year inputs beside the result, so a
   * projection at this limit needs about 1.5 GB.
   */
  maxProjectionCells: 2 ** 26,
  /**
   * Values in a scenario document: numbers, strings, booleans, nulls, arrays and objects
   * (10,000 regions with a base population and a few per-region levers each hold about 200,000).
   */
  maxScenarioValues: 2 ** 19,
  /** Worker threads of one simulation (each loads the library and projects on its own). */
  maxThreads: 64,
  /**
   * The most persons one population cell may hold, and the most net international migrants
   * one cell may gain or lose in a year (the world has about 8e9 people): far above any real
   * figure, and low enough that sums over every cell of the largest problem stay finite.
   */
  maxCellPersons: 1e12,
  /**
   * The most births per woman of one age in one year (`fx`), and the largest sex ratio at
   * birth (`srb`): no population comes near either, and with them a step cannot overflow.
   */
  maxBirthsPerWoman: 10,
  maxSexRatioAtBirth: 10,
  /**
   * Scenarios one scenario may build on through \`extends\`, one extending the next (a file
   * extending a file extending a preset is 2): enough for any real chain, and a bound on what
   * a mistaken or hostile chain of files makes the command line read.
   */
  maxExtendsDepth: 16,
  /** Issues collected before validation stops looking. */
  maxIssues: 100,
  /**
   * Bytes of a JSON document read from a file, a device or standard input; reading stops at
   * this bound (just under the longest string JavaScript holds, 2^29 - 24 characters).
   */
  maxDocumentBytes: 2 ** 29 - 2 ** 16,
  /**
   * Values (numbers, strings, booleans, nulls, arrays and objects; keys not counted) in a JSON
   * document read by the command line or `readJsonFile`, counted before it is parsed: a kernel
   * problem at `maxInputCells` and its structure fit.
   */
  maxDocumentValues: 2 ** 27 + 2 ** 20,
  /** Items of one array in a JSON document (a dense 10,000 x 10,000 `D` fits; JavaScript's own limit is just above). */
  maxArrayItems: 2 ** 27 - 2 ** 20,
  /**
   * Arrays and objects nested in one another in a JSON document. The formats nest about 10
   * deep; deeper documents still reach validation, which names the first field that does not
   * match, up to this depth.
   */
  maxDocumentDepth: 2 ** 17,
} as const);
