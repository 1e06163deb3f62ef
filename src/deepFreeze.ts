/**
 * Freezes a value and everything it holds, so that exported data and parsed documents cannot
 * be changed by one caller for the next (style.md point 20). A leaf: every layer may import it.
 * Typed arrays cannot be frozen; they are left as they are (exported data holds none).
 */

/**
 * Freezes `value` and every object and array reachable from it, in place, and returns it.
 * Walks with its own stack, so deep documents are fine; objects already frozen are not
 * walked again.
 *
 * @example
 * const data = deepFreeze({ a: { b: [1, 2] } });
 * Object.isFrozen(data.a.b)
 * // => true
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null || ArrayBuffer.isView(item) || Object.isFrozen(item)) continue;
    Object.freeze(item);
    for (const key of Object.keys(item)) stack.push((item as Record<string, unknown>)[key]);
  }
  return value;
}
