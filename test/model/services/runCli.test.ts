/**
 * `chengzhen run` on a scenario with all six services, in process: every `service.figure`
 * appears for every region and year in JSON and CSV, and a bad services block exits with code
 * 2 and a message naming the field.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { SERVICE_FIGURES } from '../../../src/model/services/serviceIndicators.js';

const dir = mkdtempSync(join(tmpdir(), 'chengzhen-services-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SERVICES = {
  schoolPlaces: {
    migrantChildrenPublicSchoolShare: { linear: { from: [2020, 0.85], to: [2022, 0.9] } },
    urbanPlaces: { initial: 4_000_000, additionsPerYear: 80_000 },
    ruralPlaces: { initial: 1_500_000, retirementRate: 0.02 },
  },
  preschoolPlaces: { inclusiveCoverageShare: 0.85, places: { initial: 1_500_000 } },
  childcarePlaces: { placesPer1000Residents: 4.5, places: { initial: 200_000, additionsPerYear: 100_000 } },
  rentalHousing: { unit: 'units', shareOfWorkingAgeMigrantsInNeed: 0.1, personsPerUnit: 2, capacity: { initial: 500_000, additionsPerYear: 250_000 } },
  healthCare: { doctorsPer1000Residents: 3.6, doctors: { initial: 220_000, growthRate: 0.03 }, residentsPerClinic: 2000, clinics: { initial: 30_000 } },
  elderlyCare: { bedsPer1000Older: 40, nursingBedShare: 0.55, beds: { initial: 400_000, additionsPerYear: 20_000, retirementRate: 0.01 }, nursingBeds: { initial: 150_000, additionsPerYear: 15_000 } },
};

const KEYS = ['schoolPlaces', 'ruralSchoolPlaces', 'preschoolPlaces', 'childcarePlaces', 'rentalHousing', 'doctors', 'clinics', 'elderlyCareBeds', 'nursingBeds'].flatMap((s) =>
  SERVICE_FIGURES.map((f) => `${s}.${f}`),
);
const YEARS = [2020, 2021, 2022];

function scenarioFile(name: string, services: unknown): string {
  const file = join(dir, `${name}.json`);
  const scenario = {
    name: 'Zhejiang services',
    baseYear: 2020,
    endYear: 2022,
    regions: [{ id: 'zhejiang', nameEn: 'Zhejiang', nameZh: '浙江' }],
    base: { zhejiang: { population: { census2020: 'Zhejiang' }, residentUrbanisationRate: 0.72, hukouUrbanisationRate: 0.5 } },
    migration: { ruralToUrbanRate: 0.02 },
    hukou: { conversionRate: 0.03 },
    services,
  };
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false });
  return { code, stdout, stderr };
}

describe('runCli(["run", SCENARIO, "--format", ...], io) with services', () => {
  const file = scenarioFile('all-services', SERVICES);

  it('--format json writes every figure of every service for every year, finite and in its unit', async () => {
    const { code, stdout, stderr } = await run(['run', file, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { indicators: { key: string; unit: string }[]; rows: { year: number; region: string; indicator: string; value: number; unit: string }[] };
    for (const key of KEYS) {
      const rows = doc.rows.filter((r) => r.indicator === key);
      expect(rows.map((r) => r.year), key).toEqual(YEARS);
      for (const row of rows) expect(Number.isFinite(row.value), `${key} ${row.year}`).toBe(true);
      expect(doc.indicators.some((i) => i.key === key), key).toBe(true);
    }
    const unitOf = (key: string) => doc.rows.find((r) => r.indicator === key)!.unit;
    expect(unitOf('schoolPlaces.demand')).toBe('places');
    expect(unitOf('doctors.capacity')).toBe('doctors');
    expect(unitOf('nursingBeds.shortfall')).toBe('beds');
    expect(unitOf('rentalHousing.coverage')).toBe('share (0-1)');
    // base-year capacity is the stock's initial value; doctors grow 3 % a year after it
    const value = (key: string, year: number) => doc.rows.find((r) => r.indicator === key && r.year === year)!.value;
    expect(value('schoolPlaces.capacity', 2020)).toBe(4_000_000);
    expect(value('schoolPlaces.capacity', 2022)).toBe(4_160_000);
    expect(value('doctors.capacity', 2022)).toBeCloseTo(220_000 * 1.03 * 1.03, 6);
    expect(value('nursingBeds.demand', 2021)).toBeCloseTo(0.55 * value('elderlyCareBeds.demand', 2021), 6);
  });

  it('--format csv writes the same rows as year,region,indicator,value,unit', async () => {
    const { code, stdout } = await run(['run', file, '--format', 'csv']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('year,region,indicator,value,unit');
    const rows = lines.slice(1).map((line) => line.split(','));
    for (const key of KEYS) {
      const mine = rows.filter((r) => r[2] === key);
      expect(mine.map((r) => Number(r[0])), key).toEqual(YEARS);
      for (const r of mine) {
        expect(r[1]).toBe('zhejiang');
        expect(Number.isFinite(Number(r[3])), `${key} ${r[0]}: ${r[3]}`).toBe(true);
      }
    }
    const row = rows.find((r) => r[2] === 'schoolPlaces.capacity' && r[0] === '2022')!;
    expect(row).toEqual(['2022', 'zhejiang', 'schoolPlaces.capacity', '4160000', 'places']);
  });

  it('exits with code 2 naming the field for a childcare block with both standards', async () => {
    const bad = scenarioFile('both', { ...SERVICES, childcarePlaces: { placesPer1000Residents: 3.1, placesTarget: 100_000, places: { initial: 0 } } });
    const { code, stdout, stderr } = await run(['run', bad, '--format', 'json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('chengzhen run: bad input (1 problem)\n  - services.childcarePlaces needs exactly one of placesPer1000Residents and placesTarget, received both\n');
  });

  it('exits with code 2 naming the field for a retirement rate of 2', async () => {
    const bad = scenarioFile('retire', { ...SERVICES, schoolPlaces: { ...SERVICES.schoolPlaces, urbanPlaces: { initial: 4_000_000, retirementRate: 2 } } });
    const { code, stdout, stderr } = await run(['run', bad, '--format', 'csv']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('chengzhen run: bad input (1 problem)\n  - services.schoolPlaces.urbanPlaces.retirementRate must be <= 1, received 2\n');
  });
});
