import { describe, expect, it } from 'vitest';
import { nationalYearInputs } from '../../src/model/demography/nationalYearInputs.js';
import { unDemography } from '../../src/model/unDemography.js';

describe('unDemography(year, maxAge, mortalityScale): scaled rates without rebuilding the year', () => {
  for (const [year, scale] of [[2021, 0.8], [2035, 1.3], [2100, 0.01]] as const) {
    it(`equals nationalYearInputs(${year}, { mortalityScale: ${scale} }) bit for bit`, () => {
      const fast = unDemography(year, 100, scale);
      const full = nationalYearInputs(year, { mortalityScale: scale });
      expect(Array.from(fast.sx.female)).toEqual(Array.from(full.sx.female));
      expect(Array.from(fast.sx.male)).toEqual(Array.from(full.sx.male));
      expect(fast.sb).toEqual(full.sb);
      expect(Array.from(fast.fxPerTfr)).toEqual(Array.from(full.fxPerTfr));
      expect([fast.tfr, fast.srb]).toEqual([full.tfr, full.srb]);
      expect(Array.from(fast.netMigration.male)).toEqual(Array.from(full.netMigration.male));
    });
  }
});
