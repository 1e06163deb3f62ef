import { describe, expect, it } from 'vitest';
import { WPP2024_CHINA_FERTILITY } from '../../../seeds/un-wpp2024/fertility.js';
import { WPP2024_CHINA_MX } from '../../../seeds/un-wpp2024/mortality.js';
import { WPP2024_CHINA_TOTAL_POP } from '../../../seeds/un-wpp2024/totalPopulation.js';
import { WPP2024_CHINA_VITAL } from '../../../seeds/un-wpp2024/vitalIndicators.js';
import { kernelProblemToJSON } from '../../../src/io/kernelJson.js';
import { runKernel } from '../../../src/kernel/runKernel.js';
import { parseKernelProblem } from '../../../src/schema/kernelProblem.js';
import { buildNationalKernelInputs, nationalKernelProblem } from '../../../src/model/demography/nationalInputs.js';
import { deathRatesOfYear, nationalYearInputs, netMigrationOfYear } from '../../../src/model/demography/nationalYearInputs.js';

const sum = (values: ArrayLike<number>): number => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
};
const vital = (year: number) => year - WPP2024_CHINA_VITAL.firstYear;
const unJan1 = (year: number) => WPP2024_CHINA_TOTAL_POP.jan1[year - WPP2024_CHINA_TOTAL_POP.firstYear] * 1000;

describe('deathRatesOfYear(year, sex)', () => {
  it('gives a period its own rates in the year whose middle is its centre (2022 for 2020-2025)', () => {
    const p = WPP2024_CHINA_MX.periodStarts.indexOf(2020);
    const m = deathRatesOfYear(2022, 'male');
    m.forEach((v, g) => expect(Math.abs(v / WPP2024_CHINA_MX.male[p][g] - 1)).toBeLessThan(1e-14));
  });

  it('interpolates log m between centres: 2025 is 3/5 of the way from 2022.5 to 2027.5', () => {
    const p = WPP2024_CHINA_MX.periodStarts.indexOf(2020);
    const a = WPP2024_CHINA_MX.female[p][10];
    const b = WPP2024_CHINA_MX.female[p + 1][10];
    expect(deathRatesOfYear(2025, 'female')[10]).toBeCloseTo(Math.exp(0.4 * Math.log(a) + 0.6 * Math.log(b)), 15);
  });
});

describe('nationalYearInputs(year)', () => {
  const y = nationalYearInputs(2030);

  it('takes the UN TFR, sex ratio at birth and annual e0 of the year', () => {
    expect(y.tfr).toBe(WPP2024_CHINA_FERTILITY.tfr[2030 - WPP2024_CHINA_FERTILITY.firstYear]);
    expect(y.srb).toBe(1.076);
    expect(Math.abs(y.lifeTables.female.ex[0] - WPP2024_CHINA_VITAL.e0Female[vital(2030)])).toBeLessThan(1e-8);
    expect(Math.abs(y.lifeTables.male.ex[0] - WPP2024_CHINA_VITAL.e0Male[vital(2030)])).toBeLessThan(1e-8);
    expect(sum(y.asfr)).toBeCloseTo(y.tfr, 12);
  });

  it('puts fertility in the kernel form with the year women survival, and fxPerTfr scales to it', () => {
    for (let a = 0; a < 100; a++) expect(y.fx[a]).toBeCloseTo((y.asfr[a] + y.sx.female[a] * y.asfr[a + 1]) / 2, 15);
    for (let a = 0; a <= 100; a++) expect(y.fxPerTfr[a] * y.tfr).toBeCloseTo(y.fx[a], 14);
    expect(y.sb.female).toBe(y.lifeTables.female.Lx[0]);
  });

  it('uses the UN net migration by age from 2023 and scales the 2023 pattern before', () => {
    const n2030 = netMigrationOfYear(2030);
    // ages are rounded to 0.001 thousand: the total agrees to about 0.1 thousand
    expect(Math.abs(sum(n2030.female) + sum(n2030.male) - WPP2024_CHINA_VITAL.netMigrationThousands[vital(2030)] * 1000)).toBeLessThan(200);
    const n2021 = netMigrationOfYear(2021);
    expect(sum(n2021.female) + sum(n2021.male)).toBeCloseTo(WPP2024_CHINA_VITAL.netMigrationThousands[vital(2021)] * 1000, 6);
  });

  it('applies a mortality scale on top and rejects years outside 2020-2100', () => {
    const higher = nationalYearInputs(2030, { mortalityScale: 1.2 });
    expect(higher.lifeTables.male.mx[70] / y.lifeTables.male.mx[70]).toBeCloseTo(1.2, 12);
    expect(() => nationalYearInputs(2019)).toThrow('year must be a number in [2020, 2100], received 2019');
    expect(() => nationalYearInputs(2030, { mortalityScale: 0 })).toThrow('options.mortalityScale must be a number > 0, received 0');
  });
});

describe('buildNationalKernelInputs({ fromYear, years })', () => {
  const inputs = buildNationalKernelInputs({ fromYear: 2021, years: 29 });
  const result = runKernel(nationalKernelProblem(inputs));
  const drift = (year: number) => sum(result.population[year - 2021]) / unJan1(year) - 1;

  it('starts from the UN total on 1 January 2021, with one input set per year', () => {
    expect(sum(inputs.population.female) + sum(inputs.population.male)).toBeCloseTo(unJan1(2021), 3);
    expect(inputs.steps.map((s) => s.year)).toEqual(Array.from({ length: 29 }, (_, t) => 2021 + t));
  });

  it('projects China within 0.1 % of the UN medium variant to 2030 and 0.2 % to 2050 (demography.md)', () => {
    // measured: +0.008 % in 2030, -0.0000 % in 2050, at most 0.019 % in any year
    for (let year = 2022; year <= 2050; year++) {
      expect(Math.abs(drift(year)), String(year)).toBeLessThan(year <= 2030 ? 0.001 : 0.002);
      expect(Math.abs(drift(year)), String(year)).toBeLessThan(0.0003);
    }
  });

  it('gets the UN births and deaths of each year to within 1.5 %', () => {
    for (let t = 0; t < 29; t++) {
      const year = 2021 + t;
      expect(Math.abs(result.flows.births[t] / (WPP2024_CHINA_VITAL.birthsThousands[vital(year)] * 1000) - 1), `births ${year}`).toBeLessThan(0.015);
      expect(Math.abs(result.flows.deaths[t] / (WPP2024_CHINA_VITAL.deathsThousands[vital(year)] * 1000) - 1), `deaths ${year}`).toBeLessThan(0.015);
    }
  });

  it('builds a kernel problem that passes the kernel problem format checks (model.md section 6)', () => {
    const problem = nationalKernelProblem(buildNationalKernelInputs({ fromYear: 2021, years: 3 }));
    const parsed = parseKernelProblem(kernelProblemToJSON(problem));
    expect(parsed.regions).toEqual(['China']);
    expect(parsed.years).toBe(3);
    expect(Array.from(parsed.population)).toEqual(Array.from(problem.population));
  });

  it('projects on from 2021 for a later base year, giving the same population', () => {
    const later = buildNationalKernelInputs({ fromYear: 2024, years: 1 });
    const at2024 = result.population[3];
    for (let a = 0; a <= 100; a++) expect(later.population.female[a]).toBeCloseTo(at2024[a], 6);
  });

  it('rejects a base year before 2021 and steps past 2100', () => {
    expect(() => buildNationalKernelInputs({ fromYear: 2020, years: 1 })).toThrow('fromYear must be a number in [2021, 2100], received 2020');
    expect(() => buildNationalKernelInputs({ fromYear: 2090, years: 12 })).toThrow('years must be a number in [0, 11], received 12');
  });
});
