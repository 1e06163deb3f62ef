/**
 * Splitting residents by age and sex into rural / migrant / hukou so that the status totals
 * match a region's resident and hukou urbanisation rates exactly, with an age pattern for
 * each status.
 *
 * Method: iterative proportional fitting (Deming and Stephan 1940) of a seed table
 * `seed[status][age]` to the age-sex totals (rows) and the three status totals (columns).
 * The seed says how much more likely a person of a given age is to have that status; the
 * defaults below are assumptions, documented with their reasons, and can be overridden.
 */

import { ChengzhenError, formatPath } from '../errors.js';

/** Seed age patterns by status, relative (any positive scale). */
export interface StatusSeeds {
  rural: Float64Array;
  migrant: Float64Array;
  hukou: Float64Array;
}

/** A population by status and sex, each by single age 0..A. */
export interface PopulationByStatus {
  rural: { female: Float64Array; male: Float64Array };
  migrant: { female: Float64Array; male: Float64Array };
  hukou: { female: Float64Array; male: Float64Array };
}

/** Piecewise-linear profile through (age, value) points, constant outside them. */
export function piecewiseProfile(points: readonly (readonly [number, number])[], maxAge: number): Float64Array {
  const out = new Float64Array(maxAge + 1);
  for (let a = 0; a <= maxAge; a++) {
    if (a <= points[0][0]) out[a] = points[0][1];
    else if (a >= points[points.length - 1][0]) out[a] = points[points.length - 1][1];
    else {
      let i = 1;
      while (points[i][0] < a) i++;
      const [x0, y0] = points[i - 1];
      const [x1, y1] = points[i];
      out[a] = y0 + ((y1 - y0) * (a - x0)) / (x1 - x0);
    }
  }
  return out;
}

/**
 * Default seed patterns (assumptions). Migrants (urban residents without local hukou) are
 * concentrated in working ages, where labour migration is (the 2020 census floating
 * population peaks at 20-39), with their children at a lower level and few older people;
 * rural residents are over-represented among the old and among left-behind children; urban
 * hukou residents are taken as flat. Relative levels, not shares: the fitting sets the totals.
 * One value per age 0..maxAge for each status.
 *
 * @example
 * const seeds = defaultStatusSeeds(100);
 * [seeds.rural[25], seeds.migrant[25], seeds.hukou[25]]
 * // => [0.7333, 1.6, 1]
 */
export function defaultStatusSeeds(maxAge: number): StatusSeeds {
  return {
    rural: piecewiseProfile([[0, 1.1], [15, 1], [20, 0.7], [35, 0.8], [50, 1.1], [65, 1.4], [80, 1.5]], maxAge),
    migrant: piecewiseProfile([[0, 0.6], [15, 0.7], [20, 1.6], [35, 1.6], [50, 1.0], [60, 0.5], [75, 0.25]], maxAge),
    hukou: piecewiseProfile([[0, 1], [100, 1]], maxAge),
  };
}

const STATUS_KEYS = ['rural', 'migrant', 'hukou'] as const;

/**
 * Splits a population by age and sex into statuses whose totals are
 * `(1 - resident) N`, `(resident - hukou) N` and `hukou N`, fitting the seed patterns.
 *
 * @throws {ChengzhenError} when the rates are out of order, a status with people has a seed
 *   of zero at every age, an age and sex with residents has a seed of zero for every status
 *   with people, or zeros in the seeds make the status totals unreachable (`not_converged`).
 * @example
 * const split = splitByStatus({ female: Float64Array.of(50, 50), male: Float64Array.of(50, 50) }, 0.6, 0.4);
 * split.migrant.female[0] + split.migrant.female[1] + split.migrant.male[0] + split.migrant.male[1]
 * // => 40 (within 1e-9)
 */
export function splitByStatus(
  total: { female: Float64Array; male: Float64Array },
  residentRate: number,
  hukouRate: number,
  seeds: StatusSeeds = defaultStatusSeeds(total.female.length - 1),
  path: (string | number)[] = ['base'],
): PopulationByStatus {
  if (!(residentRate >= 0 && residentRate <= 1 && hukouRate >= 0 && hukouRate <= residentRate)) {
    throw new ChengzhenError([
      {
        code: 'constraint',
        path,
        message: `${formatPath(path)}: rates must satisfy 0 <= hukou <= resident <= 1, received resident ${residentRate}, hukou ${hukouRate}`,
      },
    ]);
  }
  const ages = total.female.length;
  if (total.male.length !== ages) {
    throw new ChengzhenError([
      { code: 'wrong_length', path: [...path, 'population', 'male'], message: `${formatPath(path)}: the male population must have as many ages as the female (${ages}), received ${total.male.length}`, received: String(total.male.length) },
    ]);
  }
  const cells = 2 * ages;
  const rows = new Float64Array(cells);
  rows.set(total.female, 0);
  rows.set(total.male, ages);
  for (let i = 0; i < cells; i++) {
    if (!(rows[i] >= 0 && rows[i] < Infinity)) {
      const sex = i < ages ? 'female' : 'male';
      throw new ChengzhenError([
        { code: 'out_of_range', path: [...path, 'population', sex, i % ages], coords: { sex, age: i % ages }, message: `${formatPath(path)}: the population at ${sex} age ${i % ages} must be finite and >= 0, received ${rows[i]}`, received: String(rows[i]) },
      ]);
    }
  }
  let N = 0;
  for (let i = 0; i < cells; i++) N += rows[i];
  const targets = [(1 - residentRate) * N, (residentRate - hukouRate) * N, hukouRate * N];

  // table[h][cell], cell = sex*ages + age
  const table = STATUS_KEYS.map((key, h) => {
    const seed = seeds[key];
    const seedPath = [...path, 'statusAgePattern', key];
    if (seed.length !== ages) {
      throw new ChengzhenError([
        { code: 'wrong_length', path: seedPath, message: `${formatPath(seedPath)} must have one value per age 0..${ages - 1} (${ages}), received ${seed.length}`, expected: `${ages} values`, received: String(seed.length) },
      ]);
    }
    for (let a = 0; a < ages; a++) {
      if (!(seed[a] >= 0 && seed[a] < Infinity)) {
        throw new ChengzhenError([
          { code: 'out_of_range', path: [...seedPath, a], coords: { age: a }, message: `${formatPath([...seedPath, a])} must be finite and >= 0, received ${seed[a]}`, expected: '[0, Infinity)', received: String(seed[a]) },
        ]);
      }
    }
    const column = new Float64Array(cells);
    let any = 0;
    for (let i = 0; i < cells; i++) {
      column[i] = targets[h] > 0 ? seed[i % ages] * rows[i] : 0;
      any += column[i];
    }
    if (targets[h] > 0 && !(any > 0)) {
      throw new ChengzhenError([
        { code: 'invalid_value', path: seedPath, message: `${formatPath(seedPath)} is zero at every age with people, but the ${key} total is ${targets[h]}` },
      ]);
    }
    return column;
  });
  // an age and sex with residents but no status to put them in would lose them silently
  for (let i = 0; i < cells; i++) {
    const age = i % ages;
    if (rows[i] > 0 && !STATUS_KEYS.some((key, h) => targets[h] > 0 && seeds[key][age] > 0)) {
      const sex = i < ages ? 'female' : 'male';
      throw new ChengzhenError([
        {
          code: 'invalid_value',
          path: [...path, 'statusAgePattern'],
          coords: { sex, age },
          message: `${formatPath([...path, 'statusAgePattern'])} gives no status any weight at ${sex} age ${age}, where there are ${rows[i]} residents (only statuses with a total above 0 count)`,
          expected: 'a seed above 0 for some status with people at every age with residents',
          received: '0',
        },
      ]);
    }
  }

  // one pass over the cells an iteration: each column scaled to its status total, then each
  // row to its age-sex total, the column sums of the next iteration added up on the way (in the
  // order of the cells, so the same numbers as a pass per step)
  const sums = [0, 0, 0];
  for (let h = 0; h < 3; h++) for (let i = 0; i < cells; i++) sums[h] += table[h][i];
  fitStatusColumns(table[0], table[1], table[2], rows, targets, sums);
  // zeros in the seeds can make the totals unreachable; say so rather than return them missed
  for (let h = 0; h < 3; h++) {
    let sum = 0;
    for (let i = 0; i < cells; i++) sum += table[h][i];
    if (Math.abs(sum - targets[h]) > 1e-9 * N) {
      const key = STATUS_KEYS[h];
      throw new ChengzhenError([
        {
          code: 'not_converged',
          path: [...path, 'statusAgePattern', key],
          message: `${formatPath([...path, 'statusAgePattern', key])} cannot give the ${key} total ${targets[h]} the rates ask for (the closest fit gives ${sum}): its zero ages leave too few residents to draw on`,
          expected: String(targets[h]),
          received: String(sum),
        },
      ]);
    }
  }
  const part = (h: number) => ({ female: table[h].slice(0, ages), male: table[h].slice(ages) });
  return { rural: part(0), migrant: part(1), hukou: part(2) };
}

/**
 * Iterative proportional fitting of three status columns over the same age-sex rows, in place:
 * one pass over the cells an iteration, each column scaled to its status total (`targets`),
 * then each row to its age-sex total (`rows`, exact after the pass), the column sums of the
 * next iteration (`sums`, the columns' sums on entry, updated) added up on the way in the
 * order of the cells; until no column factor is further than 1e-14 from 1, or 1,000
 * iterations. A column summing to 0 stays as it is. Whether the totals were reached is the
 * caller's to check (zeros in the columns can make them unreachable).
 *
 * @example
 * const [a, b, c] = [Float64Array.of(1, 1), Float64Array.of(1, 1), Float64Array.of(0, 0)];
 * const sums = [2, 2, 0];
 * fitStatusColumns(a, b, c, Float64Array.of(10, 30), [15, 25, 0], sums);
 * [Array.from(a, (v) => Math.round(v * 1e9) / 1e9), Array.from(b, (v) => Math.round(v * 1e9) / 1e9)]
 * // => [[3.75, 11.25], [6.25, 18.75]]
 */
export function fitStatusColumns(
  t0: Float64Array,
  t1: Float64Array,
  t2: Float64Array,
  rows: ArrayLike<number>,
  targets: ArrayLike<number>,
  sums: number[],
): void {
  const cells = rows.length;
  for (let iteration = 0; iteration < 1000; iteration++) {
    // columns to the status totals (x * 1 is x: a column summing to 0 stays as it is)
    let worst = 0;
    let f0 = 1;
    let f1 = 1;
    let f2 = 1;
    if (sums[0] > 0) {
      f0 = targets[0] / sums[0];
      worst = Math.max(worst, Math.abs(f0 - 1));
    }
    if (sums[1] > 0) {
      f1 = targets[1] / sums[1];
      worst = Math.max(worst, Math.abs(f1 - 1));
    }
    if (sums[2] > 0) {
      f2 = targets[2] / sums[2];
      worst = Math.max(worst, Math.abs(f2 - 1));
    }
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    // rows to the age-sex totals (exact after this pass); two cells a turn, read before either
    // is written (the engine then checks each array once a turn), the sums cell after cell
    let i = 0;
    for (; i + 2 <= cells; i += 2) {
      const r0 = rows[i];
      const r1 = rows[i + 1];
      let a0 = t0[i] * f0;
      let a1 = t1[i] * f1;
      let a2 = t2[i] * f2;
      let b0 = t0[i + 1] * f0;
      let b1 = t1[i + 1] * f1;
      let b2 = t2[i + 1] * f2;
      const sumA = a0 + a1 + a2;
      const sumB = b0 + b1 + b2;
      if (sumA > 0) {
        const f = r0 / sumA;
        a0 *= f;
        a1 *= f;
        a2 *= f;
      }
      if (sumB > 0) {
        const f = r1 / sumB;
        b0 *= f;
        b1 *= f;
        b2 *= f;
      }
      t0[i] = a0;
      t1[i] = a1;
      t2[i] = a2;
      t0[i + 1] = b0;
      t1[i + 1] = b1;
      t2[i + 1] = b2;
      s0 += a0;
      s1 += a1;
      s2 += a2;
      s0 += b0;
      s1 += b1;
      s2 += b2;
    }
    for (; i < cells; i++) {
      let v0 = t0[i] * f0;
      let v1 = t1[i] * f1;
      let v2 = t2[i] * f2;
      const sum = v0 + v1 + v2;
      if (sum > 0) {
        const f = rows[i] / sum;
        v0 *= f;
        v1 *= f;
        v2 *= f;
      }
      t0[i] = v0;
      t1[i] = v1;
      t2[i] = v2;
      s0 += v0;
      s1 += v1;
      s2 += v2;
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    if (worst < 1e-14) break;
  }
}
