/** A projection as one JSON document: what was projected, the indicator table, tidy rows. */

import { indicatorInfo, type IndicatorInfo } from '../model/indicatorTable.js';
import type { Projection, TidyRow } from '../model/projection.js';

/**
 * The format tag of a projection document (its `format` field).
 *
 * @example
 * PROJECTION_FORMAT
 * // => 'chengzhen-projection/1'
 */
export const PROJECTION_FORMAT = 'chengzhen-projection/1';

/** The `chengzhen-projection/1` document that {@link projectionToJSON} writes. */
export interface ProjectionJSON {
  format: typeof PROJECTION_FORMAT;
  scenario: { name: string; description: string; baseYear: number; endYear: number; regions: { id: string; nameEn: string; nameZh: string }[] };
  /** The indicators present, with units and labels (limits left out: JSON has no Infinity). */
  indicators: Omit<IndicatorInfo, 'limits'>[];
  rows: TidyRow[];
}

/**
 * A projection as a JSON document.
 *
 * @example
 * projectionToJSON(project(getPreset('national-2024-2028').scenario)).rows[0]
 * // => { year: 2023, region: 'china', indicator: 'population', value: 1409670000, unit: 'persons' }
 */
export function projectionToJSON(projection: Projection): ProjectionJSON {
  const s = projection.scenario;
  return {
    format: PROJECTION_FORMAT,
    scenario: {
      name: s.name,
      description: s.description,
      baseYear: s.baseYear,
      endYear: s.endYear,
      regions: s.regions.map((r) => ({ id: r.id, nameEn: r.nameEn, nameZh: r.nameZh })),
    },
    indicators: projection.indicatorKeys().map((key) => {
      const { limits: _limits, ...info } = indicatorInfo(key)!;
      return info;
    }),
    rows: projection.table(),
  };
}
