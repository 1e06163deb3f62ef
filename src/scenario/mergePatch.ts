/**
 * JSON Merge Patch (RFC 7396): how a scenario that `extends` another overrides it. Objects
 * merge key by key, recursively; any other value (a number, a string, an array) replaces what
 * was there; `null` deletes the key.
 */

/** Whether `value` is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `target` with `patch` applied as RFC 7396 says. Neither argument is changed: the result
 * shares unchanged values with them, so freeze it or copy it before changing it.
 *
 * @example
 * mergePatch({ a: 1, b: { c: [1, 2], d: 3 } }, { b: { c: [9], d: null }, e: 'x' })
 * // => { a: 1, b: { c: [9] }, e: 'x' }
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const out: Record<string, unknown> = isJsonObject(target) ? { ...target } : {};
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value === null) delete out[key];
    // defined, not assigned: a key "__proto__" is a key like any other
    else Object.defineProperty(out, key, { value: mergePatch(Object.hasOwn(out, key) ? out[key] : undefined, value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
