/**
 * Per-region numbers read with plain loops: a lever given `{ byRegion: { <id>: number } }` for
 * thousands of regions holds thousands of numbers that the schema checks one by one through
 * its unions. {@link takeByRegionNumbers} takes out of a scenario (a copy; the input is not
 * changed) every such map whose values are all numbers the schema accepts, leaving an empty map
 * for the schema to read; {@link putByRegionNumbers} puts the maps (fresh copies) into the
 * schema's output. A map with anything else is left to the schema.
 */

/** Where per-region numbers may be, and whether they are shares (a number in [0, 1]) or any finite number. */
const LEVERS: readonly { path: readonly string[]; share: boolean }[] = [
  { path: ['demography', 'mortality', 'mxScale'], share: false },
  { path: ['demography', 'fertility', 'tfr'], share: false },
  { path: ['demography', 'fertility', 'tfrScale'], share: false },
  { path: ['demography', 'sexRatioAtBirth'], share: false },
  { path: ['migration', 'ruralToUrbanRate'], share: true },
  { path: ['migration', 'reclassificationRate'], share: true },
  { path: ['migration', 'returnRate'], share: true },
  { path: ['migration', 'externalNetMigrants'], share: false },
  { path: ['migration', 'externalInMigrants'], share: false },
  { path: ['migration', 'externalOutMigrants'], share: false },
  { path: ['hukou', 'conversionRate'], share: true },
];

/** A map taken out: where (a path of keys and indices) and its numbers. */
export interface TakenNumbers {
  path: (string | number)[];
  numbers: Record<string, number>;
}

function plainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A copy of `byRegion` when it is a plain object of numbers the schema accepts (finite; in [0, 1] for a share), else null. */
function numbersOf(byRegion: unknown, share: boolean): Record<string, number> | null {
  if (!plainObject(byRegion)) return null;
  const out: Record<string, number> = {};
  // own enumerable string keys only: as many as all own keys (no symbol, nothing hidden)
  const ids = Object.keys(byRegion);
  if (ids.length !== Reflect.ownKeys(byRegion).length) return null;
  for (const id of ids) {
    if (id === '__proto__') return null;
    const v = byRegion[id];
    if (typeof v !== 'number' || !(share ? v >= 0 && v <= 1 : Number.isFinite(v))) return null;
    out[id] = v;
  }
  return out;
}

/** `{ byRegion, default? }` with its map emptied, or null when it is not that form or the map is not all numbers. */
function emptied(value: unknown, share: boolean): { value: Record<string, unknown>; numbers: Record<string, number> } | null {
  if (!plainObject(value) || !Object.hasOwn(value, 'byRegion')) return null;
  const numbers = numbersOf(value.byRegion, share);
  return numbers === null || Object.keys(numbers).length === 0 ? null : { value: { ...value, byRegion: {} }, numbers };
}

/**
 * A copy of `input` with the per-region number maps it holds emptied, and the maps taken out
 * (none when `input` is not a plain object).
 *
 * @example
 * const { input, taken } = takeByRegionNumbers({ hukou: { conversionRate: { byRegion: { a: 0.1, b: 0.2 } } } });
 * [JSON.stringify(input), taken[0].path.join('.')]
 * // => ['{"hukou":{"conversionRate":{"byRegion":{}}}}', 'hukou.conversionRate']
 */
export function takeByRegionNumbers(input: unknown): { input: unknown; taken: TakenNumbers[] } {
  const taken: TakenNumbers[] = [];
  if (!plainObject(input)) return { input, taken };
  const root: Record<string, unknown> = { ...input };
  for (const { path, share } of LEVERS) {
    // the objects on the way, copied before one is changed
    const chain: Record<string, unknown>[] = [root];
    let at: unknown = root;
    for (let i = 0; i < path.length - 1 && plainObject(at); i++) {
      at = Object.hasOwn(at, path[i]) ? at[path[i]] : undefined;
      if (plainObject(at)) chain.push(at);
    }
    if (chain.length !== path.length) continue;
    const parent = chain[path.length - 1];
    const key = path[path.length - 1];
    const found = Object.hasOwn(parent, key) ? emptied(parent[key], share) : null;
    if (found === null) continue;
    let copy = root;
    for (let i = 0; i < path.length - 1; i++) {
      const next = { ...(copy[path[i]] as Record<string, unknown>) };
      copy[path[i]] = next;
      copy = next;
    }
    copy[key] = found.value;
    taken.push({ path: [...path], numbers: found.numbers });
  }
  // the pooled destinations' shares and weights by region
  const migration = root.migration;
  const destinations = plainObject(migration) && Object.hasOwn(migration, 'destinations') ? migration.destinations : undefined;
  const pooled = plainObject(destinations) && Object.hasOwn(destinations, 'pooled') ? destinations.pooled : undefined;
  const levels = plainObject(pooled) && Object.hasOwn(pooled, 'levels') ? pooled.levels : undefined;
  if (Array.isArray(levels) && Object.getPrototypeOf(levels) === Array.prototype) {
    let copied: unknown[] | null = null;
    for (let l = 0; l < levels.length; l++) {
      const level: unknown = levels[l];
      if (!plainObject(level)) continue;
      for (const name of ['share', 'weight'] as const) {
        const found = Object.hasOwn(level, name) ? emptied(level[name], true) : null;
        if (found === null) continue;
        if (copied === null) {
          copied = levels.slice();
          root.migration = { ...(migration as object), destinations: { ...(destinations as object), pooled: { ...(pooled as object), levels: copied } } };
        }
        copied[l] = { ...(copied[l] as object), [name]: found.value };
        taken.push({ path: ['migration', 'destinations', 'pooled', 'levels', l, name], numbers: found.numbers });
      }
    }
  }
  return { input: root, taken };
}

/** Puts each map taken out by {@link takeByRegionNumbers} into the schema's output of the emptied copy. */
export function putByRegionNumbers(output: unknown, taken: readonly TakenNumbers[]): void {
  for (const { path, numbers } of taken) {
    let at = output as Record<string | number, unknown>;
    for (const key of path) at = at[key] as Record<string | number, unknown>;
    at.byRegion = numbers;
  }
}
