/**
 * Fuzzing with fast-check, fixed seeds and bounded runs: arbitrary values and mutated valid
 * documents never make the parsers (or a run of what they accept) throw anything but a
 * ChengzhenError, and the safe twins never throw; valid random scenarios project to finite
 * outputs within each indicator's limits that keep the accounting identity
 * `population(t+1) = population(t) + births - deaths + netInternational` to 1e-12 relative.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { runKernel } from '../../src/kernel/runKernel.js';
import { indicatorInfo } from '../../src/model/indicatorTable.js';
import { project } from '../../src/model/project.js';
import { ALL_REGIONS } from '../../src/model/projection.js';
import { parseKernelProblem, safeParseKernelProblem } from '../../src/schema/kernelProblem.js';
import { parseScenario, safeParseScenario, type ScenarioInput } from '../../src/schema/scenario.js';
import { validKernelDoc, validScenario } from './badInputCases.js';
import { asIndicatorKey } from '../../src/model/indicatorTable.js';

const SEED = 20_240_917;

/** Runs `action`; anything it throws must be a ChengzhenError. */
function onlyChengzhenErrors(action: () => unknown): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof ChengzhenError)) throw new Error(`threw ${String(error)} instead of a ChengzhenError`, { cause: error });
  }
}

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  maxDepth: 4,
});

describe('arbitrary values into the parsers', () => {
  it('safeParseKernelProblem and safeParseScenario never throw; parseKernelProblem and parseScenario throw only ChengzhenError (fc.jsonValue, 400 runs)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(safeParseKernelProblem(value).success).toBe(false);
        expect(safeParseScenario(value).success).toBe(false);
        onlyChengzhenErrors(() => parseKernelProblem(value));
        onlyChengzhenErrors(() => parseScenario(value));
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('the same for fc.anything (typed arrays, maps, null prototypes, boxed values; 400 runs)', () => {
    fc.assert(
      fc.property(anything, (value) => {
        expect(safeParseKernelProblem(value).success).toBe(false);
        expect(safeParseScenario(value).success).toBe(false);
        onlyChengzhenErrors(() => parseKernelProblem(value));
        onlyChengzhenErrors(() => parseScenario(value));
      }),
      { seed: SEED + 1, numRuns: 400 },
    );
  });

  it('the same for objects with the top-level keys of a document and arbitrary values (300 runs each)', () => {
    const kernelKeys = fc.record(
      { format: fc.oneof(fc.constant('chengzhen-kernel/1'), fc.jsonValue()), dims: fc.jsonValue(), startYear: fc.jsonValue(), years: fc.jsonValue(), population: fc.jsonValue(), inputs: fc.jsonValue() },
      { requiredKeys: [] },
    );
    const scenarioKeys = fc.record(
      { name: fc.jsonValue(), baseYear: fc.jsonValue(), endYear: fc.jsonValue(), regions: fc.jsonValue(), base: fc.jsonValue(), migration: fc.jsonValue(), hukou: fc.jsonValue(), services: fc.jsonValue() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(kernelKeys, (doc) => {
        expect(safeParseKernelProblem(doc).success).toBe(false);
        onlyChengzhenErrors(() => parseKernelProblem(doc));
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
    fc.assert(
      fc.property(scenarioKeys, (doc) => {
        expect(safeParseScenario(doc).success).toBe(false);
        onlyChengzhenErrors(() => parseScenario(doc));
      }),
      { seed: SEED + 3, numRuns: 300 },
    );
  });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path in a JSON value, inner nodes and leaves, the root excluded. */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (typeof value !== 'object' || value === null) return out;
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, inner] of entries) {
    out.push([...prefix, key]);
    pathsOf(inner, [...prefix, key], out);
  }
  return out;
}

type Mutation = { at: number; value: unknown; op: 'replace' | 'remove' | 'scale'; factor: number };

/** Replaces, deletes or (a number) scales the value at `path` of a copy of `doc`. */
function mutate(doc: Json, path: Path, m: Mutation): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  const old = node[last];
  if (m.op === 'remove' && !Array.isArray(node)) delete node[last];
  else if (m.op === 'scale' && typeof old === 'number') node[last] = old * m.factor;
  else node[last] = m.value;
  return copy;
}

/** Values a mutation puts in place: any JSON value, and the edge values of numbers and types. */
const replacement = fc.oneof(
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 1.0000001, 2, 1e308, -1e-300, 2020.5, '', '0.5', 'NaN', null, true, [], {}, [[]], { sparse: {} }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 2015, max: 2035 })) },
);

/**
 * 1 to 3 mutations, each at an index into the document's paths (taken modulo their count):
 * a new value, a deleted key, or a number scaled by a factor in [0, 3] (which often stays valid,
 * so that mutated documents reach compiling and running too).
 */
const mutations = fc.array(
  fc.record({ at: fc.nat(), value: replacement, op: fc.constantFrom<Mutation['op']>('replace', 'remove', 'scale', 'scale'), factor: fc.double({ min: 0, max: 3, noNaN: true }) }),
  { minLength: 1, maxLength: 3 },
);

function applyMutations(valid: Json, list: Mutation[]): unknown {
  let doc = valid as unknown;
  for (const m of list) {
    const paths = pathsOf(doc as Json);
    if (paths.length === 0) break;
    doc = mutate(doc as Json, paths[m.at % paths.length], m);
  }
  return doc;
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

describe('mutations of valid documents', () => {
  it('kernel problems: parsing throws only ChengzhenError; what parses runs to finite results or a ChengzhenError (1,000 runs)', async ({ annotate }) => {
    const valid = validKernelDoc() as unknown as Json;
    let accepted = 0;
    fc.assert(
      fc.property(mutations, (list) => {
        const doc = applyMutations(valid, list);
        const safe = safeParseKernelProblem(doc);
        onlyChengzhenErrors(() => parseKernelProblem(doc));
        if (!safe.success) {
          expect(safe.error).toBeInstanceOf(ChengzhenError);
          return;
        }
        accepted++;
        onlyChengzhenErrors(() => {
          const result = runKernel(safe.data);
          for (const population of result.population) {
            expect(allFinite(population)).toBe(true);
            expect(population.every((v) => v >= 0)).toBe(true);
          }
        });
      }),
      { seed: SEED + 4, numRuns: 1000 },
    );
    // the mutations reach the run too, not only the parser
    await annotate(`${accepted} of 1,000 mutated kernel problems parsed and were run`);
    expect(accepted).toBeGreaterThan(10);
  });

  it('scenarios: parsing throws only ChengzhenError; what parses projects to finite values or a ChengzhenError (1,000 runs)', async ({ annotate }) => {
    const valid = validScenario() as unknown as Json;
    let accepted = 0;
    fc.assert(
      fc.property(mutations, (list) => {
        const doc = applyMutations(valid, list);
        const safe = safeParseScenario(doc);
        onlyChengzhenErrors(() => parseScenario(doc));
        if (!safe.success) return;
        accepted++;
        onlyChengzhenErrors(() => {
          const rows = project(safe.data).table();
          expect(allFinite(rows.map((r) => r.value))).toBe(true);
        });
      }),
      { seed: SEED + 5, numRuns: 1000 },
    );
    await annotate(`${accepted} of 1,000 mutated scenarios parsed and were projected`);
    expect(accepted).toBeGreaterThan(5);
  });
});

const PROVINCES = ['China', 'Henan', 'Guangdong', 'Shanghai', '540000', 'Zhejiang', 'Shandong', 'Qinghai'] as const;

/**
 * A population: a census area, perhaps rescaled, or random counts by single age. The counts
 * vary at most twofold between ages: an age structure far from any real one can make an age
 * profile push a valid level past 1, which compiling rightly refuses.
 */
const byAge = fc.array(fc.double({ min: 5e3, max: 1e4, noNaN: true }), { minLength: 101, maxLength: 101 });
const populationSpec = fc.oneof(
  fc.record({ census2020: fc.constantFrom(...PROVINCES), scaleToTotal: fc.option(fc.double({ min: 1e4, max: 1e8, noNaN: true }), { nil: undefined }) }).map((p) => (p.scaleToTotal === undefined ? { census2020: p.census2020 } : p)),
  fc.tuple(byAge, byAge).map(([female, male]) => ({ singleAges: { female, male } })),
);

const rate = (max: number) => fc.double({ min: 0, max, noNaN: true });
const linearRate = (max: number) =>
  fc.oneof(
    rate(max),
    fc.tuple(rate(max), rate(max)).map(([a, b]) => ({ linear: { from: [2021, a] as [number, number], to: [2026, b] as [number, number] } })),
  );

/** Row-stochastic destinations among `ids`: weights normalised to sum to 1. */
function destinations(ids: string[]) {
  return fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: ids.length, maxLength: ids.length }), { minLength: ids.length, maxLength: ids.length }).map((rows) =>
    Object.fromEntries(
      rows.map((weights, i) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        const shares = sum > 0 ? weights.map((w) => w / sum) : weights.map((_, j) => (j === i ? 1 : 0));
        return [ids[i], Object.fromEntries(ids.map((id, j) => [id, shares[j]]))];
      }),
    ),
  );
}

/** A valid scenario of 1 to 3 regions from 2020 to 2021-2026 with random valid rates. */
const randomScenario: fc.Arbitrary<ScenarioInput> = fc.integer({ min: 1, max: 3 }).chain((count) => {
  const ids = Array.from({ length: count }, (_, i) => `r${i}`);
  const region = fc.record({
    population: populationSpec,
    resident: rate(1),
    hukouShare: rate(1),
    ruralToUrban: linearRate(0.05),
    external: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e4, noNaN: true })),
  });
  return fc.record({
    regions: fc.array(region, { minLength: count, maxLength: count }),
    endYear: fc.integer({ min: 2021, max: 2026 }),
    reclassification: rate(0.05),
    returnRate: rate(0.03),
    conversion: linearRate(0.08),
    tfr: fc.oneof(fc.constant<'un-wpp2024'>('un-wpp2024'), fc.double({ min: 0.5, max: 3, noNaN: true })),
    mxScale: fc.double({ min: 0.5, max: 2, noNaN: true }),
    destinations: count > 1 ? fc.option(destinations(ids), { nil: undefined }) : fc.constant(undefined),
    returnDestinations: count > 1 ? fc.option(destinations(ids), { nil: undefined }) : fc.constant(undefined),
  }).map((r): ScenarioInput => ({
    name: 'random',
    baseYear: 2020,
    endYear: r.endYear,
    regions: ids.map((id) => ({ id, nameEn: id, nameZh: id })),
    base: Object.fromEntries(
      r.regions.map((g, i) => [ids[i], { population: g.population, residentUrbanisationRate: g.resident, hukouUrbanisationRate: g.resident * g.hukouShare }]),
    ),
    demography: { mortality: { source: 'un-wpp2024', mxScale: r.mxScale }, fertility: { tfr: r.tfr } },
    migration: {
      ruralToUrbanRate: { byRegion: Object.fromEntries(r.regions.map((g, i) => [ids[i], g.ruralToUrban])) },
      reclassificationRate: r.reclassification,
      returnRate: r.returnRate,
      externalNetMigrants: { byRegion: Object.fromEntries(r.regions.map((g, i) => [ids[i], g.external])) },
      ...(r.destinations ? { destinations: r.destinations } : {}),
      ...(r.returnDestinations ? { returnDestinations: r.returnDestinations } : {}),
    },
    hukou: { conversionRate: r.conversion },
  }));
});

describe('project(scenario) for valid random scenarios', () => {
  it('gives finite values within each indicator\'s limits and keeps population(t+1) = population(t) + births - deaths + netInternational (150 runs)', () => {
    fc.assert(
      fc.property(randomScenario, (scenario) => {
        const projection = project(scenario);
        for (const row of projection.table()) {
          expect(Number.isFinite(row.value)).toBe(true);
          const [min, max] = indicatorInfo(row.indicator)!.limits;
          expect(row.value >= min && row.value <= max).toBe(true);
        }
        const regions = projection.regions.length === 1 ? projection.regions : [...projection.regions, ALL_REGIONS];
        for (const region of regions) {
          // with moves between regions only the total keeps the identity without them
          if (region !== ALL_REGIONS && projection.regions.length > 1) continue;
          const series = (key: string) => projection.indicator(asIndicatorKey(key), { region }).values;
          const population = series('population');
          const births = series('births');
          const deaths = series('deaths');
          const net = series('netInternational');
          for (let t = 0; t < births.length; t++) {
            const expected = population[t] + births[t] - deaths[t] + net[t];
            expect(Math.abs(population[t + 1] - expected)).toBeLessThanOrEqual(1e-12 * Math.max(population[t + 1], 1));
          }
        }
      }),
      { seed: SEED + 6, numRuns: 150 },
    );
  });
});
