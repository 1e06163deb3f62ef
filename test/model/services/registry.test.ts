/**
 * The service registry is the one list of services: the schema's sections, the indicator rows,
 * the stock paths and the service levers are derived from it, in its order, and a registry with
 * a service of its own goes through the same derivations.
 */

import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../../src/model/indicatorTable.js';
import { SERVICE_FIGURES, SERVICE_INDICATORS, SERVICES, serviceAtStockPath, serviceIndicatorsOf } from '../../../src/model/services/serviceIndicators.js';
import { SERVICE_REGISTRY, serviceLeversOf, servicesOf, type ServiceSectionEntry } from '../../../src/schema/serviceRegistry.js';
import { ServicesSchema } from '../../../src/schema/services.js';
import { LEVERS } from '../../../src/solve/levers.js';

describe('every registry entry yields its schema section, stocks, indicator rows and levers', () => {
  it('the schema has one section per entry, in registry order, then closeShortfallBy', () => {
    expect(Object.keys(ServicesSchema.shape)).toEqual([...SERVICE_REGISTRY.map((e) => e.section), 'closeShortfallBy']);
  });

  it.each(SERVICE_REGISTRY.map((e) => [e.section, e] as const))('%s', (section, entry) => {
    const shape = ServicesSchema.shape[entry.section].unwrap().shape as Record<string, unknown>;
    for (const field of Object.keys(entry.schedules)) expect(shape, `${section}.${field}`).toHaveProperty(field);
    for (const stock of entry.stocks) {
      expect(shape, `${section}.${stock.field}`).toHaveProperty(stock.field);
      expect(serviceAtStockPath(`services.${section}.${stock.field}`)).toBe(stock.service);
      const rows = SERVICE_INDICATORS.filter((row) => row.key.startsWith(`${stock.service}.`));
      expect(rows.map((row) => row.key)).toEqual(SERVICE_FIGURES.map((figure) => `${stock.service}.${figure}`));
      expect(rows.every((row) => row.labelZh.startsWith(stock.labelZh))).toBe(true);
    }
    for (const lever of entry.levers) {
      const path = `services.${section}.${lever.path}` as keyof typeof LEVERS;
      expect(LEVERS[path], path).toEqual({ min: lever.min, max: lever.max, unit: lever.unit, description: lever.description });
      const [field] = lever.path.split('.');
      expect(shape, path).toHaveProperty(field);
    }
  });

  it('the services are the stocks in registry order; the indicator table holds their rows after the population', () => {
    expect(SERVICES.map((s) => s.key)).toEqual(['schoolPlaces', 'ruralSchoolPlaces', 'teachers', 'preschoolPlaces', 'otherPreschoolPlaces', 'childcarePlaces', 'rentalHousing', 'doctors', 'clinics', 'elderlyCareBeds', 'nursingBeds']);
    const keys = INDICATORS.map((row) => row.key);
    const first = keys.indexOf('schoolPlaces.demand');
    expect(keys.slice(first, first + SERVICE_INDICATORS.length)).toEqual(SERVICE_INDICATORS.map((row) => row.key));
    expect(SERVICE_INDICATORS).toHaveLength(11 * 9);
  });

  it('the service levers are those of the registry, after the population levers, and no other lever names services', () => {
    const serviceLevers = Object.keys(LEVERS).filter((path) => path.startsWith('services.'));
    expect(serviceLevers).toEqual(Object.keys(serviceLeversOf(SERVICE_REGISTRY)));
    expect(serviceLevers).toHaveLength(10);
    expect(Object.keys(LEVERS).slice(-serviceLevers.length)).toEqual(serviceLevers);
  });
});

describe('a registry with a service of its own goes through', () => {
  const libraries: ServiceSectionEntry = {
    section: 'libraries',
    schedules: { seatsPer1000Residents: { min: 0, max: Infinity } },
    rules: [],
    stocks: [{ field: 'seats', service: 'librarySeats', unit: 'places', labelEn: 'Library seats', labelZh: '图书馆座位' }],
    levers: [{ path: 'seats.additionsPerYear', min: 0, max: 1e6, unit: 'places per year', description: 'library seats added each year' }],
  };
  const registry = [...SERVICE_REGISTRY, libraries];

  it('its stock is a service with its path, after the others', () => {
    const services = servicesOf(registry);
    expect(services.slice(0, -1)).toEqual(SERVICES.map((s) => ({ ...s })));
    expect(services.at(-1)).toEqual({ key: 'librarySeats', unit: 'places', labelEn: 'Library seats', labelZh: '图书馆座位', stockPath: 'services.libraries.seats' });
  });

  it('its indicator rows are its nine figures, with its unit and labels', () => {
    const rows = serviceIndicatorsOf(servicesOf(registry));
    expect(rows.slice(0, -9)).toEqual(SERVICE_INDICATORS.map((row) => ({ ...row, limits: [...row.limits] })));
    expect(rows.slice(-9).map((row) => row.key)).toEqual(SERVICE_FIGURES.map((figure) => `librarySeats.${figure}`));
    expect(rows.find((row) => row.key === 'librarySeats.shortfall')).toMatchObject({ unit: 'places', labelEn: 'Library seats: shortfall', labelZh: '图书馆座位缺口' });
    expect(rows.find((row) => row.key === 'librarySeats.coverage')).toMatchObject({ unit: 'share (0-1)', limits: [0, 1] });
  });

  it('its lever is named by its path in a scenario', () => {
    expect(serviceLeversOf(registry)['services.libraries.seats.additionsPerYear']).toEqual({ min: 0, max: 1e6, unit: 'places per year', description: 'library seats added each year' });
  });
});
