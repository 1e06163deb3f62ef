/**
 * The service indicators: one key per service and figure (`schoolPlaces.shortfall`), with
 * units and labels, added to the indicator table.
 */

import { deepFreeze } from '../../deepFreeze.js';
import type { IndicatorInfo } from '../indicatorTable.js';
import { SERVICE_REGISTRY, servicesOf, type RegistryService, type RegistryServiceKey } from '../../schema/serviceRegistry.js';

/** The key of a public service, one of {@link SERVICES}. */
export type ServiceKey = RegistryServiceKey;

/**
 * The services, one per capacity stock of the service registry, with the unit their demand and
 * capacity are counted in and the path of their stock. `ruralSchoolPlaces`,
 * `otherPreschoolPlaces`, `clinics` and `nursingBeds` appear when the scenario gives their stocks.
 *
 * @example
 * SERVICES.find((s) => s.key === 'doctors')?.labelZh
 * // => '执业（助理）医师'
 */
export const SERVICES: readonly Readonly<RegistryService & { key: ServiceKey }>[] = deepFreeze(
  // the registry's stocks carry their keys as literals (RegistryServiceKey)
  servicesOf(SERVICE_REGISTRY) as (RegistryService & { key: ServiceKey })[],
);

/**
 * The service whose capacity stock is at `path` in a scenario, or undefined.
 *
 * @example
 * serviceAtStockPath('services.elderlyCare.beds')
 * // => 'elderlyCareBeds'
 */
export function serviceAtStockPath(path: string): ServiceKey | undefined {
  return SERVICES.find((s) => s.stockPath === path)?.key;
}

/**
 * The figures derived for every service, each an indicator `service.figure`.
 *
 * @example
 * SERVICE_FIGURES.length
 * // => 9
 */
export const SERVICE_FIGURES = Object.freeze([
  'demand',
  'capacity',
  'shortfall',
  'surplus',
  'utilisation',
  'coverage',
  'additionsNeededPerYear',
  'migrantDemand',
  'migrantCoverage',
] as const);
/** A figure computed for every service, one of {@link SERVICE_FIGURES}. */
export type ServiceFigure = (typeof SERVICE_FIGURES)[number];

const FIGURE_TEXT: Record<ServiceFigure, { en: string; zh: string; description: string; share: boolean }> = {
  demand: { en: 'demand', zh: '需求', description: 'what the plan\'s standard says is needed for the projected residents', share: false },
  capacity: { en: 'capacity', zh: '供给', description: 'the stock at the end of the year after planned additions, growth and retirements', share: false },
  shortfall: { en: 'shortfall', zh: '缺口', description: 'max(0, demand - capacity)', share: false },
  surplus: { en: 'surplus', zh: '富余', description: 'max(0, capacity - demand)', share: false },
  utilisation: { en: 'utilisation', zh: '使用率', description: 'demand / capacity (0 when there is no capacity); above 1 means demand exceeds capacity', share: false },
  coverage: { en: 'coverage', zh: '保障率', description: 'min(1, capacity / demand) (1 when there is no demand)', share: true },
  additionsNeededPerYear: { en: 'additions still needed per year', zh: '每年仍需新增', description: 'additions needed each year from the next to the target year (services.closeShortfallBy), beyond those planned, to close the target year\'s shortfall by then; from the target year on, the year\'s own shortfall', share: false },
  migrantDemand: { en: 'demand from migrants', zh: '非户籍需求', description: 'the part of demand from urban residents without local hukou (for a standard per resident, demand x their share of the people the service is for)', share: false },
  migrantCoverage: { en: 'coverage of migrants', zh: '非户籍保障率', description: 'share of migrant demand met when local demand is served first', share: true },
};

/**
 * The indicator table rows of some services: one per service and figure (`service.figure`), in
 * service order, labels and units from the service.
 *
 * @example
 * serviceIndicatorsOf([{ key: 'librarySeats', unit: 'places', labelEn: 'Library seats', labelZh: '图书馆座位' }]).map((row) => row.key).slice(0, 2)
 * // => ['librarySeats.demand', 'librarySeats.capacity']
 */
export function serviceIndicatorsOf(services: readonly Pick<RegistryService, 'key' | 'unit' | 'labelEn' | 'labelZh'>[]): IndicatorInfo[] {
  return services.flatMap((service) =>
    SERVICE_FIGURES.map((figure): IndicatorInfo => {
      const text = FIGURE_TEXT[figure];
      const unit: IndicatorInfo['unit'] = figure === 'utilisation' ? 'ratio' : text.share ? 'share (0-1)' : service.unit;
      return {
        key: `${service.key}.${figure}`,
        unit,
        labelEn: `${service.labelEn}: ${text.en}`,
        labelZh: `${service.labelZh}${text.zh}`,
        description: `${service.labelEn}: ${text.description}.`,
        kind: 'stock',
        limits: text.share ? [0, 1] : [0, Infinity],
      };
    }),
  );
}

/**
 * Indicator table rows of every service figure.
 *
 * @example
 * SERVICE_INDICATORS.find((i) => i.key === 'schoolPlaces.coverage')?.limits
 * // => [0, 1]
 */
export const SERVICE_INDICATORS: readonly IndicatorInfo[] = deepFreeze(serviceIndicatorsOf(SERVICES));
