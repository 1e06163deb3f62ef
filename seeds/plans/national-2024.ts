/**
 * State Council five-year action plan for people-centred new urbanisation, 国发〔2024〕17号.
 *
 * Read from the published (abridged, 本文有删减) text. Clauses follow the plan's own numbering:
 * section 一 to 六, sub-heading (一) to (三), item 1., so `二(二)4` is section 二, heading (二)
 * 重点任务, item 4.
 *
 * The plan is almost entirely qualitative. Its one number is the resident urbanisation rate.
 * What it says without a number is left out: the settlement thresholds of 二(二)1 (urban-area
 * populations of 3 and 5 million) define classes of cities rather than targets, and the share of
 * migrant children in public schools (二(二)4) is only to keep rising.
 */
import type { PlanDocument } from '../types.js';

const DOCUMENT = '国发〔2024〕17号';

/**
 * The targets of 国发〔2024〕17号, for China as a whole.
 *
 * @example
 * PLAN_NATIONAL_2024.targets[0].value; // => 0.7
 */
export const PLAN_NATIONAL_2024: PlanDocument = {
  id: 'national-2024',
  document: DOCUMENT,
  titleZh: '深入实施以人为本的新型城镇化战略五年行动计划',
  titleEn: 'Five-year action plan for further implementing the people-centred new urbanisation strategy',
  issuer: '国务院 (State Council)',
  issued: '2024-07-28',
  area: 'China',
  period: { from: 2024, to: 2028 },
  note:
    'The plan is the 2024-2028 five-year action plan: its targets are for the end of five years of work (经过5年的努力) counted from 2024, that is the end of 2028, ' +
    'the date Shanghai\'s implementation of it (沪府发〔2024〕12号 一) writes out as 到2028年底. ' +
    'The text read is the abridged version as republished in traditional characters after a news summary.',
  targets: [
    {
      id: 'resident-urbanisation-rate-2028',
      description: 'Share of the resident population living in urban areas, to rise to close to 70% after five years.',
      labelZh: '常住人口城镇化率',
      area: 'China',
      value: 0.7,
      unit: 'share (0-1)',
      year: 2028,
      kind: 'level',
      role: 'outcome',
      comparison: 'about',
      topic: 'urbanisation',
      indicator: 'residentUrbanisationRate',
      source: {
        document: DOCUMENT,
        clause: '一',
        note: 'Last paragraph of section 一 (总体要求): close to 70% (接近70%) after five years of effort (经过5年的努力), read as five plan years 2024-2028, so the end of 2028; Shanghai\'s implementation of the plan (沪府发〔2024〕12号 一) sets its own goals 到2028年底.',
      },
    },
  ],
};
