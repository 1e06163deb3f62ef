/**
 * One builder for the one-province presets (Shanghai, Shandong, Zhejiang): a plan preset and
 * its trend twin from the same base, figures and services, differing only in the
 * rural-to-urban migration level (fitted to recent trends, or set to meet the plan's
 * urbanisation target).
 */

import type { CitedValue, PlanDocument, PlanTarget } from '../../seeds/types.js';
import type { RegisteredStocks } from '../schema/registered.js';
import type { ScenarioInput } from '../schema/scenario.js';
import { FigureBook } from './figureBook.js';
import type { Preset, PresetCalibration } from './types.js';

/** UN WPP 2024, the source of the demographic schedules of every preset. */
export const UN_WPP: CitedValue<string> = {
  value: 'un-wpp2024',
  unit: 'data set',
  source: {
    citation: 'United Nations, DESA, Population Division (2024), World Population Prospects 2024: China mortality, fertility and sex ratio at birth (national schedules used for the province)',
    repository: 'PPgp/wpp2024',
  },
};

/** The census fertility and mortality levels of the province (src/model/censusLevels.ts). */
export const CENSUS_LEVELS: CitedValue<string> = {
  value: 'census',
  unit: 'choice',
  source: {
    citation:
      'The province\'s own levels on the UN schedules: fertility from its 2020 census children aged 0 (中国人口普查年鉴-2020, Table 1-5), mortality from its 2010 census deaths relative to China (leiii/census, MIT) times the national level of the NBS 2020 deaths. See docs/demography.md.',
  },
};

export const RETURN_RATE: CitedValue<number> = {
  value: 0.005,
  unit: 'share of migrants per year',
  assumption:
    'About 0.5 % of urban residents without local hukou return to the countryside each year; no series of returns is in the data. A fit of the resident rate absorbs an error here into the migration level.',
};

export const NO_RECLASSIFICATION: CitedValue<number> = {
  value: 0,
  unit: 'share of rural residents per year',
  assumption: 'In-situ urbanisation is not separated from migration in the data: urban growth is modelled as rural-to-urban migration plus hukou conversion.',
};

/** What differs between the provinces. */
export interface ProvinceConfig {
  id: string;
  area: 'Shanghai' | 'Shandong' | 'Zhejiang';
  regionId: string;
  nameEn: string;
  nameZh: string;
  tier: 'province' | 'megacity';
  baseYear: number;
  endYear: number;
  documents: PlanDocument[];
  titles: { plan: string; trend: string; planZh: string; trendZh: string };
  descriptions: { plan: string; trend: string };
  base: {
    residentPopulation: CitedValue<number>;
    residentUrbanisationRate: CitedValue<number>;
    hukouUrbanisationRate: CitedValue<number>;
    /** Registered stocks at the base year, for the official hukou rate (registeredHukouUrbanisationRate). */
    registered?: CitedValue<RegisteredStocks>;
  };
  /** The trend levers, by path (`migration.ruralToUrbanRate` ...), each cited or an assumption. */
  trend: Record<string, CitedValue<number>>;
  /** The rural-to-urban migration level of the plan preset (found with solveLever), cited. */
  planMigrationLevel: CitedValue<number>;
  /** Writes the services block, citing every figure in `book`. */
  services?: (book: FigureBook) => NonNullable<ScenarioInput['services']>;
  calibration?: PresetCalibration;
  notes: string[];
  sources: NonNullable<ScenarioInput['sources']>;
}

/** Sets `value` at a dotted path of a plain object, creating objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) {
    at[part] ??= {};
    at = at[part] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]] = value;
}

function build(config: ProvinceConfig, kind: 'plan' | 'trend'): Preset {
  const book = new FigureBook();
  const r = config.regionId;
  const scenario: ScenarioInput & Record<string, unknown> = {
    name: kind === 'plan' ? config.titles.plan : config.titles.trend,
    description: kind === 'plan' ? config.descriptions.plan : config.descriptions.trend,
    baseYear: config.baseYear,
    endYear: config.endYear,
    regions: [{ id: r, nameEn: config.nameEn, nameZh: config.nameZh, tier: config.tier }],
    base: {
      [r]: {
        population: {
          census2020: book.cite(`base.${r}.population.census2020`, {
            value: config.nameEn,
            unit: 'age and sex structure',
            source: {
              citation: `2020 census by age and sex (中国人口普查年鉴-2020, Table 1-5), ${config.baseYear > 2020 ? `carried to the end of ${config.baseYear} with the published births and deaths of each year (the census levels where none are published), the rest of the change to the year-end total as migrants` : 'taken as the end of 2020'}`,
            },
          }),
          scaleToTotal: book.cite(`base.${r}.population.scaleToTotal`, config.base.residentPopulation),
        },
        residentUrbanisationRate: book.cite(`base.${r}.residentUrbanisationRate`, config.base.residentUrbanisationRate),
        hukouUrbanisationRate: book.cite(`base.${r}.hukouUrbanisationRate`, config.base.hukouUrbanisationRate),
        ...(config.base.registered ? { registered: book.cite(`base.${r}.registered`, config.base.registered) } : {}),
      },
    },
    demography: {
      mortality: { source: book.cite('demography.mortality.source', UN_WPP) as 'un-wpp2024' },
      fertility: { tfr: book.cite('demography.fertility.tfr', UN_WPP) as 'un-wpp2024' },
      sexRatioAtBirth: book.cite('demography.sexRatioAtBirth', UN_WPP) as 'un-wpp2024',
      levels: book.cite('demography.levels', CENSUS_LEVELS) as 'census',
      netInternationalMigration: 'none',
    },
    migration: {
      ruralToUrbanRate: 0,
      reclassificationRate: book.cite('migration.reclassificationRate', NO_RECLASSIFICATION),
      returnRate: book.cite('migration.returnRate', RETURN_RATE),
    },
    hukou: { conversionRate: 0 },
    sources: config.sources,
  };
  book.cite('demography.netInternationalMigration', {
    value: 'none',
    unit: 'choice',
    assumption: 'International migration is negligible for the province; moves from other provinces enter through migration.externalNetMigrants.',
  });
  for (const [path, figure] of Object.entries(config.trend)) setPath(scenario, path, book.cite(path, figure));
  if (kind === 'plan') setPath(scenario, 'migration.ruralToUrbanRate', book.cite('migration.ruralToUrbanRate', config.planMigrationLevel));
  if (config.services) scenario.services = config.services(book);
  const planId = config.id;
  const trendId = `${config.id}-trend`;
  return {
    id: kind === 'plan' ? planId : trendId,
    title: kind === 'plan' ? config.titles.plan : config.titles.trend,
    titleZh: kind === 'plan' ? config.titles.planZh : config.titles.trendZh,
    area: config.area,
    kind,
    twin: kind === 'plan' ? trendId : planId,
    documents: config.documents,
    scenario,
    figures: book.figures,
    targets: config.documents.flatMap((d) => d.targets.filter((t: PlanTarget) => t.indicator !== undefined && t.area === config.area)),
    calibration: config.calibration,
    notes: config.notes,
  };
}

/** The plan preset and its trend twin of a province. */
export function provincePresets(config: ProvinceConfig): [Preset, Preset] {
  return [build(config, 'plan'), build(config, 'trend')];
}
