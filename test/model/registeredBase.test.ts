/**
 * The provincial registered bases of 2020 from the censuses: the stocks they rest on add up
 * to the published national figures, Shanghai's registrants outside come from its published
 * registered population, and the provinces' estimated official rates come back to the national
 * 45.4 % within half a point.
 */

import { describe, expect, it } from 'vitest';
import { CENSUS_PROVINCES } from '../../seeds/census-provinces/provinces.js';
import { censusRegisteredBase2020, OTHER_PROVINCE_NON_AGRICULTURAL_SHARE_2010 } from '../../src/model/registeredBase.js';

const bases = CENSUS_PROVINCES.map((p) => censusRegisteredBase2020(p.nameEn)!);

describe('CENSUS_PROVINCES registered figures', () => {
  it('2010 residents registered in another province add up to the census communique\'s 85,876,337 inter-provincial migrants', () => {
    expect(CENSUS_PROVINCES.reduce((s, p) => s + p.otherProvince2010, 0)).toBe(85_876_337);
  });
});

describe('censusRegisteredBase2020(area)', () => {
  it('null for China or an unknown area', () => {
    expect(censusRegisteredBase2020('China')).toBeNull();
    expect(censusRegisteredBase2020('Atlantis')).toBeNull();
  });

  it('residents registered elsewhere are the census stock, split by the county rural estimate: 124,837,153 together (census communique)', () => {
    const total = bases.reduce((s, b) => s + b.residentsRegisteredElsewhere.rural + b.residentsRegisteredElsewhere.migrant, 0);
    expect(total).toBeCloseTo(124_837_153, 3);
    const shandong = censusRegisteredBase2020('Shandong')!;
    expect(shandong.residentsRegisteredElsewhere.rural).toBeCloseTo(4_129_007 * 0.2431, 6);
  });

  it('Shandong by hand: registrants outside are the 2010 residual grown with the inter-provincial migrants', () => {
    // (95,479,481 - 95,792,719 + 2,115,593) * 124,837,153 / 85,876,337
    const b = censusRegisteredBase2020('Shandong')!;
    expect(b.registrantsOutside).toBeCloseTo(((95_479_481 - 95_792_719 + 2_115_593) * 124_837_153) / 85_876_337, 4);
    expect(b.registeredPopulation).toBeCloseTo(b.residents - 4_129_007 + b.registrantsOutside, 4);
    // own registrants' non-agricultural share 2010: (0.2343 * 95,792,719 - 0.22 * 2,115,593) / (95,792,719 - 2,115,593)
    const own = (0.2343 * 95_792_719 - OTHER_PROVINCE_NON_AGRICULTURAL_SHARE_2010 * 2_115_593) / (95_792_719 - 2_115_593);
    expect(own).toBeCloseTo(0.23462, 5);
    expect(b.officialRate).toBeCloseTo(0.4064, 4);
    // local urban hukou = the rate times the residents not registered in another province
    expect(b.localHukouRate).toBeCloseTo((b.officialRate * (b.residents - 4_129_007)) / b.residents, 12);
  });

  it('Shanghai: registrants outside from the published 2020 registered population (1439.12 (10k)): 43 fewer than none, taken as 0 and said so', () => {
    const b = censusRegisteredBase2020('Shanghai')!;
    expect(b.registrantsOutside).toBe(0);
    expect(b.notes[0]).toContain('published 2020 registered population 14391200');
    expect(b.notes[1]).toBe('the residual is negative (-43): registration and census disagree by that much; taken as 0');
  });

  it('local urban hukou never exceeds the urban residents not registered elsewhere, and says so where the estimate would (Shanghai, Tibet, Xinjiang)', () => {
    const bounded = bases.filter((b) => b.notes.some((n) => n.startsWith('local urban hukou at the estimated rate'))).map((b) => b.area);
    expect(bounded).toEqual(['Shanghai', 'Tibet (Xizang)', 'Xinjiang']);
    for (const b of bases) {
      expect(b.localHukouRate).toBeGreaterThan(0);
      expect(b.officialRate).toBeGreaterThan(0.3);
      expect(b.officialRate).toBeLessThan(0.95);
    }
  });

  it('the 31 provinces together: registered within 0.5 % of the residents, the official rate within half a point of the national 45.4 % (Ministry of Public Security, 2020)', () => {
    const registered = bases.reduce((s, b) => s + b.registeredPopulation, 0);
    const residents = bases.reduce((s, b) => s + b.residents, 0);
    expect(residents).toBe(1_409_778_724);
    expect(Math.abs(registered / residents - 1)).toBeLessThan(0.005);
    const official = bases.reduce((s, b) => s + b.officialRate * b.registeredPopulation, 0) / registered;
    expect(Math.abs(official - 0.454)).toBeLessThan(0.005);
  });
});
