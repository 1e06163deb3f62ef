/**
 * The array layout of model.md section 1.
 *
 * A population is one `Float64Array` of length `R*3*2*(A+1)`, age fastest:
 * `index(r, h, s, a) = ((r*3 + h)*2 + s)*(A+1) + a`.
 * Symbols: r region, h status (0 rural, 1 migrant, 2 hukou), s sex (0 female, 1 male),
 * a age in completed years, A the open age group.
 */

/**
 * Residence and registration statuses, in layout order (index `h` of model.md section 1).
 *
 * @example
 * STATUSES
 * // => ['rural', 'migrant', 'hukou']
 */
export const STATUSES = Object.freeze(['rural', 'migrant', 'hukou'] as const);
/**
 * Sexes, in layout order (index `s` of model.md section 1).
 *
 * @example
 * SEXES
 * // => ['female', 'male']
 */
export const SEXES = Object.freeze(['female', 'male'] as const);

/** A status: `'rural'`, `'migrant'` or `'hukou'`. */
export type Status = (typeof STATUSES)[number];
/** A sex: `'female'` or `'male'`. */
export type Sex = (typeof SEXES)[number];

/**
 * Status index of rural residents.
 *
 * @example
 * STATUSES[RURAL]
 * // => 'rural'
 */
export const RURAL = 0;
/**
 * Status index of migrants: urban residents without local hukou.
 *
 * @example
 * STATUSES[MIGRANT]
 * // => 'migrant'
 */
export const MIGRANT = 1;
/**
 * Status index of urban residents with local hukou.
 *
 * @example
 * populationIndex({ regions: 1, maxAge: 100 }, 0, HUKOU, FEMALE, 0)
 * // => 404
 */
export const HUKOU = 2;
/**
 * Sex index of females.
 *
 * @example
 * SEXES[FEMALE]
 * // => 'female'
 */
export const FEMALE = 0;
/**
 * Sex index of males.
 *
 * @example
 * populationIndex({ regions: 1, maxAge: 100 }, 0, RURAL, MALE, 0)
 * // => 101
 */
export const MALE = 1;

/** The sizes of a kernel problem. */
export interface KernelDims {
  /** Number of regions R. */
  regions: number;
  /** The open age group A (100 in model.md); ages run 0..A. */
  maxAge: number;
}

/** The axes an input is laid out over, fastest last (model.md sections 2 and 6). */
export type InputShape = 'rhsa' | 'rhs' | 'rha' | 'rsa' | 'r' | 'rr';

/** Axis names of each shape, slowest first. */
export const SHAPE_AXES: Record<InputShape, readonly ('region' | 'status' | 'sex' | 'age' | 'from' | 'to')[]> = {
  rhsa: ['region', 'status', 'sex', 'age'],
  rhs: ['region', 'status', 'sex'],
  rha: ['region', 'status', 'age'],
  rsa: ['region', 'sex', 'age'],
  r: ['region'],
  rr: ['from', 'to'],
};

/**
 * Length of a flat array of the given shape: `R*6*(A+1)` for `rhsa`, `R*6` for `rhs`,
 * `R*3*(A+1)` for `rha`, `R*2*(A+1)` for `rsa`, `R` for `r` and `R*R` for `rr`.
 *
 * @example
 * shapeLength('rsa', { regions: 2, maxAge: 100 })
 * // => 404
 */
export function shapeLength(shape: InputShape, dims: KernelDims): number {
  const R = dims.regions;
  const A1 = dims.maxAge + 1;
  switch (shape) {
    case 'rhsa':
      return R * 6 * A1;
    case 'rhs':
      return R * 6;
    case 'rha':
      return R * 3 * A1;
    case 'rsa':
      return R * 2 * A1;
    case 'r':
      return R;
    case 'rr':
      return R * R;
  }
}

/**
 * Flat index of a population cell.
 *
 * @example
 * populationIndex({ regions: 2, maxAge: 100 }, 1, 2, 0, 30)
 * // => 1040
 */
export function populationIndex(dims: KernelDims, r: number, h: number, s: number, a: number): number {
  return ((r * 3 + h) * 2 + s) * (dims.maxAge + 1) + a;
}

/** A flat index decoded into named coordinates. */
export interface DecodedIndex {
  region?: number;
  status?: number;
  sex?: number;
  age?: number;
  from?: number;
  to?: number;
}

/**
 * Decodes a flat index of an array of the given shape into its coordinates.
 *
 * @example
 * decodeIndex('rhsa', { regions: 2, maxAge: 100 }, 1040)
 * // => { region: 1, status: 2, sex: 0, age: 30 }
 */
export function decodeIndex(shape: InputShape, dims: KernelDims, index: number): DecodedIndex {
  const sizes: Record<'region' | 'status' | 'sex' | 'age' | 'from' | 'to', number> = {
    region: dims.regions,
    status: 3,
    sex: 2,
    age: dims.maxAge + 1,
    from: dims.regions,
    to: dims.regions,
  };
  const axes = SHAPE_AXES[shape];
  const out: DecodedIndex = {};
  let rest = index;
  for (let i = axes.length - 1; i >= 0; i--) {
    const axis = axes[i];
    const size = sizes[axis];
    out[axis] = rest % size;
    rest = Math.floor(rest / size);
  }
  // keep the natural reading order region, status, sex, age
  const ordered: DecodedIndex = {};
  for (const axis of axes) ordered[axis] = out[axis];
  return ordered;
}
