/** Figures shared by several presets, each cited or marked as an assumption. */

import { OBSERVED_SERVICES, type ObservedServiceIndicator } from '../../seeds/observed/services.js';
import type { CitedValue, DataSource } from '../../seeds/types.js';
import type { FigureBook } from './figureBook.js';
import { ChengzhenError } from '../errors.js';
import { observedFigure } from './observed.js';

/** The observed national row of a service indicator in a year (OBSERVED_SERVICES). */
export function observedService(indicator: ObservedServiceIndicator, year: number) {
  const row = OBSERVED_SERVICES.find((r) => r.area === 'China' && r.indicator === indicator && r.year === year);
  if (!row) throw new ChengzhenError([{ code: 'invalid_value', path: ['indicator'], message: `there is no observed ${indicator} for China in ${year}`, received: indicator }]);
  return row;
}

/** The national share of migrant workers' children in public schools or subsidised places, 2020. */
export const MIGRANT_CHILDREN_PUBLIC_SCHOOL_SHARE: CitedValue<number> = {
  value: 0.858,
  unit: 'share (0-1)',
  assumption: `The national share of migrant workers' children in public schools or subsidised places in 2020 (${observedService('migrantWorkerChildrenInCompulsoryEducation', 2020).source.citation}: 85.8 %), applied to the province; no provincial figure is in the data.`,
};

/** Capacity set equal to the base year's demand, for stocks the data do not give. */
export function matchDemand(unit: string, year: number): CitedValue<string> {
  return {
    value: 'matchDemand',
    unit,
    assumption: `The stock at the end of ${year} is not in the data: it is set equal to that year's demand, so shortfalls measure whether additions keep up with demand.`,
  };
}

const doctors2020 = observedService('doctorsPer1000Residents', 2020);
const doctors2023 = observedService('doctorsPer1000Residents', 2023);
const population2020 = observedFigure('China', 2020, 'residentPopulation').value;
const population2023 = observedFigure('China', 2023, 'residentPopulation').value;

/** Licensed doctors per 1000 residents in China in a year (NHC and NBS bulletins). */
export function nationalDoctorsPer1000(year: 2020 | 2023): CitedValue<number> {
  const row = year === 2020 ? doctors2020 : doctors2023;
  return { value: row.value, unit: 'per 1000 residents', source: row.source };
}

/**
 * Yearly growth of China's licensed doctors from 2020 to 2023: doctors per 1000 times
 * residents, (3.40 x 1,409.67 m) / (2.90 x 1,411.78 m), to the power 1/3, minus 1.
 */
export const NATIONAL_DOCTOR_GROWTH: CitedValue<number> = {
  value: ((doctors2023.value * population2023) / (doctors2020.value * population2020)) ** (1 / 3) - 1,
  unit: 'share per year',
  assumption: `The national growth of licensed doctors over 2020-2023 (doctors per 1000 residents ${doctors2020.value} and ${doctors2023.value} times residents; NHC and NBS bulletins), applied to the province and assumed to continue.`,
};

/**
 * The health-care block of a province preset: the plan's doctors-per-1000 standard, and a
 * doctor workforce that starts at the national ratio of `year` times the province's residents
 * (no provincial figure is in the data) and grows at the national pace of 2020-2023.
 *
 * @example
 * doctorsAtNationalRatio(new FigureBook(), { value: 3.6, unit: 'per 1000 residents', source: { document: 'x', clause: '1' } }, 2023, 1_000_000, 'Town').doctors.initial
 * // => 3400
 */
export function doctorsAtNationalRatio(book: FigureBook, standard: CitedValue<number>, year: 2020 | 2023, residents: number, area: string) {
  const ratio = nationalDoctorsPer1000(year);
  return {
    doctorsPer1000Residents: book.cite('services.healthCare.doctorsPer1000Residents', standard),
    doctors: {
      initial: book.cite('services.healthCare.doctors.initial', {
        value: (ratio.value * residents) / 1000,
        unit: 'doctors',
        assumption: `The national ratio of ${year} (${ratio.value} per 1000 residents; ${(ratio.source as DataSource).citation}) times ${area}'s residents; no ${area} figure is in the data.`,
      }),
      growthRate: book.cite('services.healthCare.doctors.growthRate', NATIONAL_DOCTOR_GROWTH),
    },
  };
}

/** The national 14th Five-Year Plan outline's main indicators: childcare places (ages 0-2) per 1000 residents. */
const FYP_OUTLINE = '中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要';

/** 托位 per 1000 residents: 1.8 in 2020, 4.5 by 2025 (the outline's table of main indicators). */
export const NATIONAL_CHILDCARE_PER_1000 = {
  2020: { value: 1.8, unit: 'per 1000 residents', source: { document: FYP_OUTLINE, clause: '第二章 表1', note: '每千人口拥有3岁以下婴幼儿托位数: 1.8 in 2020' } },
  2025: { value: 4.5, unit: 'per 1000 residents', source: { document: FYP_OUTLINE, clause: '第二章 表1', note: '每千人口拥有3岁以下婴幼儿托位数: 4.5 by 2025, the national standard' } },
} as const satisfies Record<number, CitedValue<number>>;

/**
 * The childcare block of a province preset: demand at the national standard for 2025 (4.5
 * places per 1000 residents), a stock at the national ratio of 2020 (1.8 per 1000) times the
 * province's residents at its base (no provincial figure is in the data), and no additions
 * (the plan preset adds its commitment, if it has one).
 *
 * @example
 * childcareAtNationalRatio(new FigureBook(), 1_000_000, 'Town', 2020).places.initial
 * // => 1800
 */
export function childcareAtNationalRatio(book: FigureBook, residents: number, area: string, baseYear: number) {
  const ratio = NATIONAL_CHILDCARE_PER_1000[2020];
  return {
    placesPer1000Residents: book.cite('services.childcarePlaces.placesPer1000Residents', NATIONAL_CHILDCARE_PER_1000[2025]),
    places: {
      initial: book.cite('services.childcarePlaces.places.initial', {
        value: (ratio.value * residents) / 1000,
        unit: 'places',
        assumption: `The national ratio of 2020 (${ratio.value} places per 1000 residents; ${FYP_OUTLINE} 第二章 表1) times ${area}'s residents at the end of ${baseYear}; no ${area} figure is in the data.`,
      }),
      additionsPerYear: book.cite('services.childcarePlaces.places.additionsPerYear', {
        value: 0,
        unit: 'places per year',
        assumption: `No ${area} series of childcare places added is in the data, and the plan gives no number of places to add: the preset adds none, so the verdict says what the assumed stock gives.`,
      }),
    },
  };
}
