/**
 * The presets' calibrations, fitted again: calibrate(calibration.scenario, { levers,
 * observations }) must give the fitted values stored in the preset (within 1e-4 relative),
 * and the trend presets must use those values. The fits project from the 2020 census a few
 * hundred times each (a few seconds for the national, Shanghai and Zhejiang fits).
 */

import { describe, expect, it } from 'vitest';
import { OBSERVED_URBANISATION } from '../../seeds/index.js';
import { ruralUrbanisationPropensity2010To2018 } from '../../src/presets/hindcast.js';
import { getPreset } from '../../src/presets/index.js';
import { calibrate } from '../../src/solve/calibrate.js';
import type { LeverSpec } from '../../src/solve/levers.js';

const valueAt = (scenario: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], scenario);

describe('calibrate(preset.calibration.scenario, { levers, observations })', () => {
  it.each(['national-2024-2028-trend', 'shanghai-2024-2028-trend', 'zhejiang-2023-trend', 'shandong-2021-2023-trend'])(
    '%s: the fit gives the stored values again, and the preset uses them',
    (id) => {
      const preset = getPreset(id);
      const calibration = preset.calibration!;
      const fit = calibrate(calibration.scenario, { levers: calibration.levers as LeverSpec[], observations: calibration.observations });
      expect(fit.levers.map((l) => l.lever.path)).toEqual(calibration.levers.map((l) => l.path));
      fit.levers.forEach((l, i) => {
        expect({ lever: l.lever.path, relativeDifference: Math.abs(l.value / calibration.fitted[i] - 1) < 1e-4 }).toEqual({ lever: l.lever.path, relativeDifference: true });
      });
      // the preset carries the fitted values, from its base year on
      calibration.levers.forEach((l, i) => expect(valueAt(preset.scenario, l.path)).toBe(calibration.fitted[i]));
    },
  );

  it.each(['national-2024-2028-trend', 'shanghai-2024-2028-trend', 'zhejiang-2023-trend'])(
    '%s: is fitted to published observations up to its base year only',
    (id) => {
      const preset = getPreset(id);
      const observations = preset.calibration!.observations;
      expect(observations.length).toBeGreaterThan(0);
      for (const o of observations) {
        expect(o.year).toBeGreaterThan(2020);
        expect(o.year).toBeLessThanOrEqual(preset.scenario.baseYear);
        const row = OBSERVED_URBANISATION.find((r) => r.area === preset.area && r.year === o.year)!;
        if (o.indicator === 'residentUrbanisationRate') expect(o.value).toBe(row.residentUrbanisationRate);
        if (o.indicator === 'population') expect(o.value).toBe(row.residentPopulation);
      }
    },
  );

  it('shandong-2021-2023-trend: uses no data after 2020, only the 2010-2018 propensity times the 2020 rural share', () => {
    const [observation] = getPreset('shandong-2021-2023-trend').calibration!.observations;
    const rate2020 = OBSERVED_URBANISATION.find((r) => r.area === 'Shandong' && r.year === 2020)!.residentUrbanisationRate!;
    expect(rate2020).toBe(0.6305);
    expect(observation).toEqual({ indicator: 'residentUrbanisationRate', year: 2021, value: rate2020 + ruralUrbanisationPropensity2010To2018() * (1 - rate2020) });
    const published2021 = OBSERVED_URBANISATION.find((r) => r.area === 'Shandong' && r.year === 2021)!.residentUrbanisationRate;
    expect(observation.value).not.toBe(published2021);
  });
});
