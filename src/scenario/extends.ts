/**
 * Scenarios that build on each other: a scenario document may name, in `extends`, a preset id
 * or another scenario document, and override it field by field with JSON Merge Patch (RFC
 * 7396: objects merge, arrays and other values replace, `null` deletes). Resolving follows the
 * chain to its end, refuses cycles and chains deeper than `LIMITS.maxExtendsDepth`, and tells
 * for every figure of the result where it comes from: inherited from a base, overridden by the
 * document, or set by it.
 *
 * Pure: documents other than presets are read by a loader the caller passes (the command line
 * reads files, relative to the file that names them).
 */

import type { CitedValue } from '../../seeds/types.js';
import { ChengzhenError, type ChengzhenIssue } from '../errors.js';
import { LIMITS } from '../limits.js';
import { PRESETS } from '../presets/index.js';
import type { FigureProvenance } from '../presets/types.js';
import { parseScenario } from '../schema/scenario.js';
import { isJsonObject, mergePatch } from './mergePatch.js';

/** A document a loader found: its source (a name that is the same whenever the same document is named) and its content. */
export interface LoadedScenarioDocument {
  /** The document's name in provenance and messages, the same for every reference to it (a file's normalised path). */
  source: string;
  /** The document as read (JSON). */
  document: unknown;
}

/**
 * Reads the scenario document `ref` names (`extends` of the document `from`; a relative path
 * is relative to it). Called for every reference that is not a preset id.
 */
export type ScenarioLoader = (ref: string, from: string) => LoadedScenarioDocument | Promise<LoadedScenarioDocument>;

/**
 * Where a figure (a value that is not an object: a number, a string, an array) of a resolved
 * scenario comes from. `inherited`: from `source`, a base the document extends; `overridden`:
 * set by the document itself, replacing the value of `replaces`; `set`: set by the document,
 * no base having a value there. `figure` is the citation of a preset's figure, when the value
 * comes from a preset whose figure book covers its path.
 */
export interface FigureOrigin {
  status: 'inherited' | 'overridden' | 'set';
  /** The document whose value stands: a file, or `preset <id>`. */
  source: string;
  /** The document whose value `source` replaced, if any. */
  replaces?: string;
  figure?: CitedValue<unknown>;
}

/** A scenario with its `extends` chain applied. */
export interface ResolvedScenario {
  /** The merged document, without `extends` (validate it with `parseScenario`). */
  scenario: Record<string, unknown>;
  /** The documents merged, the resolved one first, then what it extends, and so on. */
  chain: string[];
  /** Every figure by dotted path (`base.zhejiang.residentUrbanisationRate`), in document order. */
  provenance: Record<string, FigureOrigin>;
  /** Paths a document deleted with `null`, by which document and whose value it deleted. */
  removed: { path: string; by: string; from: string }[];
}

/** The `source` of a preset in provenance and messages. */
export const presetSource = (id: string): string => `preset ${id}`;

type Origins = Map<string, { source: string; replaces?: string }>;

/** Objects and arrays nested in one another that a document being merged may hold: a scenario nests about 10 deep. */
const MAX_NESTING = 64;

/**
 * The figures (values that are not non-empty objects) of `value`, by dotted path, in document
 * order. Below {@link MAX_NESTING} levels an object counts as one figure: no scenario nests so
 * deep, and validation names the field of one that does.
 */
function leaves(value: unknown, prefix: string, visit: (path: string) => void, depth = 0): void {
  if (isJsonObject(value) && Object.keys(value).length > 0 && depth < MAX_NESTING) {
    for (const key of Object.keys(value)) leaves(value[key], prefix === '' ? key : `${prefix}.${key}`, visit, depth + 1);
  } else if (prefix !== '') {
    visit(prefix);
  }
}

/**
 * Applies a document's patch to the origins of its base (the document it is merged into):
 * every figure it sets is its own, replacing the figures that stood there; what it deletes
 * goes, and is listed. Walks the patch beside the base, so it costs what the patch and the
 * parts of the base it touches hold.
 */
function patchOrigins(base: Origins, target: unknown, patch: Record<string, unknown>, source: string, removed: ResolvedScenario['removed']): Origins {
  const out: Origins = new Map(base);
  /** The figures of the base at `path` (holding `value`) that have an origin. */
  const standing = (value: unknown, path: string, depth: number): string[] => {
    const found: string[] = [];
    if (value !== undefined) leaves(value, path, (p) => out.has(p) && found.push(p), depth);
    return found;
  };
  const walk = (value: Record<string, unknown>, into: unknown, prefix: string, depth: number) => {
    const here = isJsonObject(into) ? into : undefined;
    for (const key of Object.keys(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const v = value[key];
      const b = here && Object.hasOwn(here, key) ? here[key] : undefined;
      const bIsObject = isJsonObject(b) && Object.keys(b).length > 0 && depth + 1 < MAX_NESTING;
      if (v === null) {
        for (const p of standing(b, path, depth + 1)) {
          removed.push({ path: p, by: source, from: out.get(p)!.source });
          out.delete(p);
        }
      } else if (isJsonObject(v) && Object.keys(v).length === 0 && bIsObject) {
        // an empty object merges nothing into an object: the base's figures stay
      } else if (isJsonObject(v) && Object.keys(v).length > 0) {
        // an object merges: a figure that stood at this very path (a value, now an object) goes
        const first = standing(b, path, depth + 1)[0];
        const replaces = first === undefined ? undefined : out.get(first)!.source;
        if (!bIsObject) out.delete(path);
        walk(v, bIsObject ? b : undefined, path, depth + 1);
        // deleting every key leaves an empty object: a figure of the document's own
        if (Object.keys(mergePatch(bIsObject ? b : {}, v) as object).length === 0) out.set(path, replaces === undefined ? { source } : { source, replaces });
      } else {
        const before = standing(b, path, depth + 1);
        const replaces = before.length > 0 ? out.get(before[0])!.source : undefined;
        for (const p of before) out.delete(p);
        out.set(path, replaces === undefined ? { source } : { source, replaces });
      }
    }
  };
  walk(patch, target, '', 0);
  return out;
}

/** The citation of `path` in a figure book: the figure at the path, or at the nearest path above it. */
function citation(figures: FigureProvenance, path: string): CitedValue<unknown> | undefined {
  for (let at = path; at !== ''; at = at.includes('.') ? at.slice(0, at.lastIndexOf('.')) : '') {
    if (Object.hasOwn(figures, at)) return figures[at];
  }
  return undefined;
}

function extendsIssue(source: string, message: string, code: ChengzhenIssue['code'] = 'invalid_value', received?: string): ChengzhenError {
  return new ChengzhenError([{ code, path: ['extends'], message: `${source}: ${message}`, ...(received === undefined ? {} : { received }) }]);
}

/** The path of the first value nested deeper than {@link MAX_NESTING}, found without recursion, or undefined. */
function tooDeep(document: unknown): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: document, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length > MAX_NESTING) return path;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else for (const key of Object.keys(value)) stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
  }
  return undefined;
}

interface Level {
  document: Record<string, unknown>;
  origins: Origins;
  chain: string[];
}

async function resolveLevel(document: unknown, source: string, trail: readonly string[], load: ScenarioLoader | undefined, removed: ResolvedScenario['removed'], figures: Map<string, FigureProvenance>): Promise<Level> {
  if (!isJsonObject(document)) {
    // the document resolved: refused as parseScenario refuses it, with the same message
    if (trail.length === 0) parseScenario(document);
    throw new ChengzhenError([{ code: 'invalid_type', path: [], message: `${source} must be a JSON object (a scenario), received ${Array.isArray(document) ? 'an array' : document === null ? 'null' : typeof document}`, expected: 'object' }]);
  }
  // a document that extends another is merged into it, walking its objects: bounded first
  const deep = Object.hasOwn(document, 'extends') ? tooDeep(document) : undefined;
  if (deep !== undefined) {
    const at = deep.slice(0, 3).join('.');
    throw new ChengzhenError([{ code: 'too_large', path: deep.slice(0, 3), message: `${source}: ${at} nests objects and arrays more than ${MAX_NESTING} deep; a scenario nests about 10 deep`, expected: `at most ${MAX_NESTING} levels` }]);
  }
  const trailHere = [...trail, source];
  const { extends: ref, ...patch } = document;
  const own = (): Origins => {
    const origins: Origins = new Map();
    leaves(patch, '', (path) => origins.set(path, { source }));
    return origins;
  };
  if (ref === undefined) return { document: patch, origins: own(), chain: [source] };
  if (typeof ref !== 'string' || ref.length === 0 || ref.length > 1000) {
    throw extendsIssue(source, 'extends must be a preset id or the path of a scenario file (1 to 1000 characters)', 'invalid_type', typeof ref === 'string' ? `${ref.length} characters` : JSON.stringify(ref) ?? typeof ref);
  }
  if (trailHere.length > LIMITS.maxExtendsDepth) {
    throw extendsIssue(source, `extends goes deeper than ${LIMITS.maxExtendsDepth} scenarios (LIMITS.maxExtendsDepth): ${trailHere.join(' -> ')} -> ...`, 'too_large', String(trailHere.length));
  }
  let base: Level;
  const preset = PRESETS.find((p) => p.id === ref);
  if (preset) {
    const name = presetSource(preset.id);
    figures.set(name, preset.figures);
    const origins: Origins = new Map();
    leaves(preset.scenario, '', (path) => origins.set(path, { source: name }));
    base = { document: { ...(preset.scenario as Record<string, unknown>) }, origins, chain: [name] };
  } else {
    if (load === undefined) {
      throw extendsIssue(source, `extends names ${JSON.stringify(ref)}, which is no preset id (presets: ${PRESETS.map((p) => p.id).join(', ')}); only preset ids can be extended without a loader for other documents`, 'invalid_value', ref);
    }
    const loaded = await load(ref, source);
    const cycle = trailHere.indexOf(loaded.source);
    if (cycle >= 0) {
      throw extendsIssue(source, `extends makes a cycle: ${[...trailHere.slice(cycle), loaded.source].join(' -> ')}`, 'constraint', ref);
    }
    base = await resolveLevel(loaded.document, loaded.source, trailHere, load, removed, figures);
  }
  return { document: mergePatch(base.document, patch) as Record<string, unknown>, origins: patchOrigins(base.origins, base.document, patch, source, removed), chain: [source, ...base.chain] };
}

/**
 * `document` with its `extends` chain applied, and the provenance of every figure. A preset id
 * in `extends` is resolved here; anything else is read by `options.load` (without one, only
 * presets can be extended). `options.source` names the document (default `scenario`).
 *
 * The result is not validated: pass `scenario` to `parseScenario`.
 *
 * @throws {ChengzhenError} for a cycle (naming the chain: `a.json -> b.json -> a.json`), a
 *   chain deeper than `LIMITS.maxExtendsDepth`, an `extends` that is not a string, a
 *   document that is not an object, or one with `extends` nesting deeper than 64 levels;
 *   whatever the loader throws.
 * @example
 * const resolved = await resolveScenario({ extends: 'zhejiang-2023', name: 'Slower migration', migration: { ruralToUrbanRate: 0.01 } });
 * [resolved.scenario.name, resolved.chain, resolved.provenance['migration.ruralToUrbanRate'].status, resolved.provenance['base.zhejiang.residentUrbanisationRate'].figure?.value]
 * // => ['Slower migration', ['scenario', 'preset zhejiang-2023'], 'overridden', 0.734]
 */
export async function resolveScenario(document: unknown, options: { source?: string; load?: ScenarioLoader } = {}): Promise<ResolvedScenario> {
  const root = options.source ?? 'scenario';
  const removed: ResolvedScenario['removed'] = [];
  const figures = new Map<string, FigureProvenance>();
  const level = await resolveLevel(document, root, [], options.load, removed, figures);
  const provenance: Record<string, FigureOrigin> = {};
  leaves(level.document, '', (path) => {
    const origin = level.origins.get(path);
    if (!origin) return;
    const status = origin.source !== root ? 'inherited' : origin.replaces !== undefined ? 'overridden' : 'set';
    const book = figures.get(origin.source);
    const figure = book ? citation(book, path) : undefined;
    provenance[path] = { status, source: origin.source, ...(origin.replaces === undefined ? {} : { replaces: origin.replaces }), ...(figure === undefined ? {} : { figure }) };
  });
  return { scenario: level.document, chain: level.chain, provenance, removed };
}

/**
 * A preset as a resolved scenario: every figure `set` by the preset, with its citation.
 *
 * @example
 * presetResolution('national-2024-2028').provenance['base.china.hukouUrbanisationRate'].figure?.value
 * // => 0.483
 */
export function presetResolution(id: string): ResolvedScenario {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new ChengzhenError([{ code: 'invalid_value', path: ['preset'], message: `there is no preset ${JSON.stringify(id)}; presets are ${PRESETS.map((p) => p.id).join(', ')}`, received: id }]);
  const source = presetSource(id);
  const provenance: Record<string, FigureOrigin> = {};
  leaves(preset.scenario, '', (path) => {
    const figure = citation(preset.figures, path);
    provenance[path] = { status: 'set', source, ...(figure === undefined ? {} : { figure }) };
  });
  return { scenario: preset.scenario as Record<string, unknown>, chain: [source], provenance, removed: [] };
}
