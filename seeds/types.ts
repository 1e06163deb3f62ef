/**
 * Types of the cited data in `seeds/`. Every figure a preset uses is either cited (a plan
 * document and clause, or a statistical source) or marked as an assumption with a reason.
 */

/** A clause of a plan document: `{ document: '国发〔2024〕17号', clause: '二(二)4' }`. */
export interface PlanSource {
  /** The document's official number, e.g. 国发〔2024〕17号. */
  document: string;
  /** The clause, in the document's own numbering, e.g. 三(一) or 二(二)4. */
  clause: string;
  /** Anything a reader needs to find or interpret the figure. */
  note?: string;
}

/** A published statistical source (data set, table, bulletin). */
export interface DataSource {
  /** Who published it and what it is: `UN WPP 2024, mx5dt`, `NBS 2023 statistical communique`. */
  citation: string;
  /** Where the copy used here was read from, when it is a repository file. */
  repository?: string;
  path?: string;
  commit?: string;
  /** How it was reshaped or derived, and how reliable the copy is. */
  notes?: string;
}

/** A number with its unit and where it comes from. */
export type CitedValue<T = number> =
  | { value: T; unit: string; source: PlanSource | DataSource; assumption?: never }
  | { value: T; unit: string; assumption: string; source?: never };

/** Whether a target is a level reached by a year, a sum of additions over the plan period, or an addition each year. */
export type TargetKind = 'level' | 'cumulative' | 'annual';

/**
 * What a target is about: an `outcome` is a level the plan hopes the system reaches (an
 * urbanisation or hukou rate, a per-1000 ratio, a coverage or share), judged met or missed
 * against the projection; a `commitment` is something the government does (places built, beds
 * added, a policy adopted), an input of the plan preset, judged for its adequacy against
 * projected demand, never met or missed.
 */
export type TargetRole = 'outcome' | 'commitment';

/** How a projected value is compared with a target. */
export type TargetComparison = 'atLeast' | 'atMost' | 'about';

/** One quantitative target of a plan. */
export interface PlanTarget {
  /** Stable id within its document: `resident-urbanisation-rate-2029`. */
  id: string;
  /** What the target measures, in English. */
  description: string;
  /** The plan's own short wording of the measure (a label, not the plan's prose). */
  labelZh: string;
  /** The area it applies to: `China`, `Shanghai`, `Shandong`, `Zhejiang`. */
  area: string;
  value: number;
  /** Unit in plain words: `share (0-1)`, `persons`, `places`, `beds`, `units`, `per 1000 residents`. */
  unit: string;
  /** The year by whose end the target is to be met (for an annual target, the last year it applies to). */
  year: number;
  /** First year of the period a cumulative target adds up over, or the first year an annual target applies to. */
  fromYear?: number;
  kind: TargetKind;
  /** An outcome (judged) or a commitment (an input, judged for adequacy). */
  role: TargetRole;
  /**
   * For a commitment the model carries: the scenario path it feeds, a service stock
   * (`services.schoolPlaces.urbanPlaces`) or a lever (`hukou.conversionRate`).
   */
  feeds?: string;
  comparison: TargetComparison;
  /** The topic: population, urbanisation, hukou, education, childcare, elderly care, housing, health, or other. */
  topic: 'population' | 'urbanisation' | 'hukou' | 'education' | 'childcare' | 'elderlyCare' | 'housing' | 'health' | 'other';
  /**
   * The library indicator or service lever it is checked against, when the model can check it
   * (`residentUrbanisationRate`); absent when the target is recorded but not modelled.
   */
  indicator?: string;
  /** The scenario region it applies to (all regions together when absent). */
  region?: string;
  /** The tolerance of an `about` comparison in the target's unit (default: 0.5 points for shares, 2 % otherwise). */
  tolerance?: number;
  /** Why a recorded target is not modelled (transport, environment, ...). */
  notModelledBecause?: string;
  source: PlanSource;
}

/** A plan document and its targets. */
export interface PlanDocument {
  /** Stable id of the document in this library: `national-2024`, `shandong-2021`. */
  id: string;
  /** Official document number, e.g. 国发〔2024〕17号 (or the title, for a document published without one). */
  document: string;
  titleZh: string;
  titleEn: string;
  issuer: string;
  issued: string;
  area: string;
  /** Years the plan covers. */
  period: { from: number; to: number };
  /** What a reader needs to know about the text the targets were read from. */
  note?: string;
  targets: PlanTarget[];
}
