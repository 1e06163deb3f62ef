/**
 * Scenarios that extend others: JSON Merge Patch as RFC 7396 defines it (its appendix A),
 * chains of documents with cycles and depth refused, and the provenance of every figure.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { LIMITS } from '../../src/limits.js';
import { project } from '../../src/model/project.js';
import { getPreset } from '../../src/presets/index.js';
import { presetResolution, resolveScenario, type ScenarioLoader } from '../../src/scenario/extends.js';
import { mergePatch } from '../../src/scenario/mergePatch.js';
import { parseScenario } from '../../src/schema/scenario.js';

/** A loader over documents held in memory, by name; paths are taken as they are. */
function memoryLoader(documents: Record<string, unknown>): ScenarioLoader & { calls: string[] } {
  const calls: string[] = [];
  const load: ScenarioLoader = (ref) => {
    calls.push(ref);
    if (!Object.hasOwn(documents, ref)) throw new ChengzhenError([{ code: 'io', path: [], message: `cannot read ${ref}: no such file` }]);
    return { source: ref, document: documents[ref] };
  };
  return Object.assign(load, { calls });
}

function issuesOf(promise: Promise<unknown>): Promise<ChengzhenError> {
  return promise.then(
    () => {
      throw new Error('expected a ChengzhenError');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ChengzhenError);
      return error as ChengzhenError;
    },
  );
}

describe('mergePatch(target, patch) (RFC 7396)', () => {
  // RFC 7396 appendix A, every example
  const appendixA: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];

  it.each(appendixA)('%j patched with %j is %j', (target, patch, expected) => {
    expect(mergePatch(target, patch)).toEqual(expected);
  });

  it('replaces arrays whole, deletes with null, merges nested objects, and changes neither argument', () => {
    const target = { migration: { ruralToUrbanRate: 0.02, destinations: { a: { a: 1 } } }, sources: [{ document: 'x' }, { document: 'y' }] };
    const patch = { migration: { destinations: null, returnRate: 0.01 }, sources: [{ document: 'z' }] };
    const before = JSON.stringify([target, patch]);
    expect(mergePatch(target, patch)).toEqual({ migration: { ruralToUrbanRate: 0.02, returnRate: 0.01 }, sources: [{ document: 'z' }] });
    expect(JSON.stringify([target, patch])).toBe(before);
  });

  it('takes a key "__proto__" as a key, never as the prototype', () => {
    const patch = JSON.parse('{"__proto__": {"polluted": 1}}') as unknown;
    const merged = mergePatch({}, patch) as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('(property) keeps what the patch does not name, takes what it sets, and is idempotent', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const object = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), json, { maxKeys: 4 });
    fc.assert(
      fc.property(object, object, (target, patch) => {
        const merged = mergePatch(target, patch) as Record<string, unknown>;
        for (const key of Object.keys(target)) if (!(key in patch)) expect(merged[key]).toEqual(target[key]);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) expect(key in merged).toBe(false);
          else if (typeof value !== 'object' || Array.isArray(value)) expect(merged[key]).toEqual(value);
        }
        expect(mergePatch(merged, patch)).toEqual(merged);
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});

describe('resolveScenario(document, { load })', () => {
  const slower = { extends: 'zhejiang-2023', name: 'Slower', migration: { ruralToUrbanRate: 0.0063 } };

  it('extends a preset: the preset with the overrides, a valid scenario that differs only there', async () => {
    const resolved = await resolveScenario(slower, { source: 'slower.json' });
    const preset = getPreset('zhejiang-2023').scenario;
    expect(resolved.chain).toEqual(['slower.json', 'preset zhejiang-2023']);
    expect(resolved.scenario).toEqual({ ...preset, name: 'Slower', migration: { ...preset.migration, ruralToUrbanRate: 0.0063 } });
    expect('extends' in resolved.scenario).toBe(false);
    const scenario = parseScenario(resolved.scenario);
    expect(scenario.migration.ruralToUrbanRate).toBe(0.0063);
    // the base year is the preset's; a year later, slower migration leaves fewer townspeople
    const mine = project(scenario).indicator('residentUrbanisationRate');
    const theirs = project(preset).indicator('residentUrbanisationRate');
    expect(mine.values[0]).toBe(theirs.values[0]);
    expect(mine.values[1]).toBeLessThan(theirs.values[1]);
  });

  it('says for each figure whether it is inherited (with the preset citation), overridden (and whose value it replaced) or set', async () => {
    const resolved = await resolveScenario({ ...slower, hukou: { conversionRate: 0.05, ageProfile: 'flat' } }, { source: 'slower.json' });
    const p = resolved.provenance;
    expect(p['migration.ruralToUrbanRate']).toEqual({ status: 'overridden', source: 'slower.json', replaces: 'preset zhejiang-2023' });
    expect(p['hukou.ageProfile']).toEqual({ status: 'set', source: 'slower.json' });
    expect(p['migration.returnRate']).toMatchObject({ status: 'inherited', source: 'preset zhejiang-2023' });
    const rate = p['base.zhejiang.residentUrbanisationRate'];
    expect(rate.status).toBe('inherited');
    expect(rate.figure).toEqual(getPreset('zhejiang-2023').figures['base.zhejiang.residentUrbanisationRate']);
    expect(rate.figure?.value).toBe(0.734);
    // every figure of the result has its provenance, and nothing else has one
    const leaves: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0) for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
      else leaves.push(at);
    };
    walk(resolved.scenario, '');
    expect(Object.keys(p)).toEqual(leaves);
  });

  it('follows a chain of files to a preset: a figure the middle file set is inherited from it; null deletes, and the deletion is listed', async () => {
    const load = memoryLoader({
      'plan.json': { extends: 'zhejiang-2023', migration: { ruralToUrbanRate: 0.01, returnRate: 0.004 }, services: { rentalHousing: null } },
      'variant.json': { extends: 'plan.json', name: 'Variant', migration: { returnRate: 0.003 }, sources: [{ document: 'Variant note' }] },
    });
    const resolved = await resolveScenario({ extends: 'variant.json', description: 'top' }, { source: 'top.json', load });
    expect(resolved.chain).toEqual(['top.json', 'variant.json', 'plan.json', 'preset zhejiang-2023']);
    expect(load.calls).toEqual(['variant.json', 'plan.json']);
    const s = resolved.scenario as { migration: Record<string, unknown>; services: Record<string, unknown>; sources: unknown[] };
    expect(s.migration.ruralToUrbanRate).toBe(0.01);
    expect(s.migration.returnRate).toBe(0.003);
    expect(s.sources).toEqual([{ document: 'Variant note' }]);
    expect(Object.keys(s.services)).toEqual(['schoolPlaces', 'childcarePlaces']);
    const p = resolved.provenance;
    expect(p['migration.ruralToUrbanRate']).toEqual({ status: 'inherited', source: 'plan.json', replaces: 'preset zhejiang-2023' });
    expect(p['migration.returnRate']).toEqual({ status: 'inherited', source: 'variant.json', replaces: 'plan.json' });
    expect(p.sources).toEqual({ status: 'inherited', source: 'variant.json', replaces: 'preset zhejiang-2023' });
    expect(p.description).toEqual({ status: 'overridden', source: 'top.json', replaces: 'preset zhejiang-2023' });
    expect(Object.keys(p).some((path) => path.startsWith('services.rentalHousing'))).toBe(false);
    expect(resolved.removed.map((r) => r.path)).toEqual([
      'services.rentalHousing.unit',
      'services.rentalHousing.shareOfWorkingAgeMigrantsInNeed',
      'services.rentalHousing.personsPerUnit',
      'services.rentalHousing.capacity.initial',
      'services.rentalHousing.capacity.additionsPerYear',
    ]);
    expect(resolved.removed.every((r) => r.by === 'plan.json' && r.from === 'preset zhejiang-2023')).toBe(true);
    expect(parseScenario(resolved.scenario).services?.rentalHousing).toBeUndefined();
  });

  it('(property) gives every figure of the merged document a provenance, its own figures set or overridden, the rest inherited', async () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const object = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(json, fc.dictionary(fc.constantFrom('a', 'b', 'c'), json, { maxKeys: 3 })), { maxKeys: 3 });
    const leafPaths = (v: unknown, at = ''): string[] =>
      typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 ? Object.entries(v).flatMap(([k, x]) => leafPaths(x, at ? `${at}.${k}` : k)) : at ? [at] : [];
    await fc.assert(
      fc.asyncProperty(object, object, async (base, patch) => {
        const resolved = await resolveScenario({ extends: 'base.json', ...patch }, { source: 'top.json', load: memoryLoader({ 'base.json': base }) });
        expect(resolved.scenario).toEqual(mergePatch(base, patch));
        expect(Object.keys(resolved.provenance).sort()).toEqual(leafPaths(resolved.scenario).sort());
        const own = new Set(leafPaths(patch));
        for (const [path, origin] of Object.entries(resolved.provenance)) {
          if (origin.source === 'top.json') expect(['set', 'overridden']).toContain(origin.status);
          else expect(origin).toMatchObject({ status: 'inherited', source: 'base.json' });
          if (origin.status === 'inherited') expect(own.has(path)).toBe(false);
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('refuses a cycle, naming the chain (each document read once before the cycle shows)', async () => {
    const load = memoryLoader({ 'a.json': { extends: 'b.json' }, 'b.json': { extends: 'c.json' }, 'c.json': { extends: 'a.json' } });
    const error = await issuesOf(resolveScenario({ extends: 'a.json' }, { source: 'top.json', load }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: 'constraint', path: ['extends'] });
    expect(error.issues[0].message).toBe('c.json: extends makes a cycle: a.json -> b.json -> c.json -> a.json');
    expect(load.calls).toEqual(['a.json', 'b.json', 'c.json', 'a.json']);
    const self = await issuesOf(resolveScenario({ extends: 'self.json' }, { source: 'self.json', load: memoryLoader({ 'self.json': { extends: 'self.json' } }) }));
    expect(self.issues[0].message).toBe('self.json: extends makes a cycle: self.json -> self.json');
  });

  it(`refuses a chain deeper than LIMITS.maxExtendsDepth (${LIMITS.maxExtendsDepth}), and accepts one that deep`, async () => {
    const chain = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}.json`, i === n - 1 ? { extends: 'zhejiang-2023', name: `f${i}` } : { extends: `f${i + 1}.json` }]));
    const ok = await resolveScenario({ extends: 'f0.json' }, { source: 'top.json', load: memoryLoader(chain(LIMITS.maxExtendsDepth - 1)) });
    expect(ok.chain).toHaveLength(LIMITS.maxExtendsDepth + 1);
    const error = await issuesOf(resolveScenario({ extends: 'f0.json' }, { source: 'top.json', load: memoryLoader(chain(LIMITS.maxExtendsDepth)) }));
    expect(error.issues[0]).toMatchObject({ code: 'too_large', path: ['extends'] });
    expect(error.issues[0].message).toContain(`extends goes deeper than ${LIMITS.maxExtendsDepth} scenarios (LIMITS.maxExtendsDepth): top.json -> f0.json -> f1.json`);
  });

  it('refuses an extends that is not a string, a document that is not an object, and a file without a loader', async () => {
    expect((await issuesOf(resolveScenario({ extends: 3 }))).issues[0]).toMatchObject({ code: 'invalid_type', path: ['extends'], message: 'scenario: extends must be a preset id or the path of a scenario file (1 to 1000 characters)' });
    // the document resolved is refused as parseScenario refuses it
    expect((await issuesOf(resolveScenario([1, 2]))).issues[0].message).toBe('(root) must be an object, received an array of 2');
    const noLoader = await issuesOf(resolveScenario({ extends: 'base.json' }));
    expect(noLoader.issues[0].message).toContain('extends names "base.json", which is no preset id');
    const badBase = await issuesOf(resolveScenario({ extends: 'a.json' }, { load: memoryLoader({ 'a.json': 'text' }) }));
    expect(badBase.issues[0].message).toBe('a.json must be a JSON object (a scenario), received string');
  });

  it('refuses a patch nested 10,000 objects deep with a message, not a stack overflow', async () => {
    let deep: unknown = 0.02;
    for (let i = 0; i < 10_000; i++) deep = { x: deep };
    const error = await issuesOf(resolveScenario({ extends: 'zhejiang-2023', migration: { ruralToUrbanRate: deep } }, { source: 'deep.json' }));
    expect(error.issues[0]).toMatchObject({ code: 'too_large', path: ['migration', 'ruralToUrbanRate', 'x'] });
    expect(error.issues[0].message).toBe('deep.json: migration.ruralToUrbanRate.x nests objects and arrays more than 64 deep; a scenario nests about 10 deep');
  });

  it('is refused by parseScenario until it is resolved', () => {
    expect(() => parseScenario({ ...getPreset('zhejiang-2023').scenario, extends: 'zhejiang-2023' })).toThrow('extends must be resolved before a scenario is validated');
  });
});

describe('presetResolution(id)', () => {
  it('sets every figure of the preset, each cited from its figure book where it has one', () => {
    const resolved = presetResolution('national-2024-2028');
    expect(resolved.chain).toEqual(['preset national-2024-2028']);
    expect(Object.values(resolved.provenance).every((o) => o.status === 'set' && o.source === 'preset national-2024-2028')).toBe(true);
    expect(resolved.provenance['base.china.population.scaleToTotal'].figure?.value).toBe(1_409_670_000);
    expect(() => presetResolution('nowhere')).toThrow('there is no preset "nowhere"');
  });
});
