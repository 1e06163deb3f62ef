/**
 * Records the provenance of a preset's figures as the scenario is written: `book.cite(path,
 * figure)` returns the figure's value and remembers where it came from, so that a test can
 * check that every number of every preset is cited or marked as an assumption.
 */

import type { CitedValue } from '../../seeds/types.js';
import type { FigureProvenance } from './types.js';

export class FigureBook {
  readonly figures: FigureProvenance = {};

  /** Records `figure` at `path` and returns its value. */
  cite<T>(path: string, figure: CitedValue<T>): T {
    this.figures[path] = figure as CitedValue<unknown>;
    return figure.value;
  }
}
