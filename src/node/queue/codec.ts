/**
 * Exact text for what crosses Redis: JSON, with typed arrays as base64 of their little-endian
 * bytes and the numbers JSON cannot hold (-0, infinities) tagged, so that a chunk of draws comes
 * back bit for bit on any machine.
 */

import { endianness } from 'node:os';

const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

const BIG_ENDIAN = endianness() === 'BE';

/** The bytes of `array` in little-endian order. */
function littleEndianBytes(array: Typed): Buffer {
  const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  if (!BIG_ENDIAN || array.BYTES_PER_ELEMENT === 1) return bytes;
  const copy = Buffer.from(bytes);
  if (array.BYTES_PER_ELEMENT === 8) copy.swap64();
  else if (array.BYTES_PER_ELEMENT === 4) copy.swap32();
  else copy.swap16();
  return copy;
}

function toJsonValue(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && !Object.is(value, -0)) return value;
    return { $number: Object.is(value, -0) ? '-0' : String(value) };
  }
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name as TypedName;
    if (!(name in TYPED)) throw new TypeError(`cannot send a ${name} through the queue`);
    return { $typed: name, base64: littleEndianBytes(value as Typed).toString('base64') };
  }
  if (Array.isArray(value)) return value.map(toJsonValue);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = toJsonValue(v);
  return out;
}

function fromJsonValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(fromJsonValue);
  const record = value as Record<string, unknown>;
  if (typeof record.$number === 'string') return Number(record.$number);
  if (typeof record.$typed === 'string' && typeof record.base64 === 'string') {
    const Type = TYPED[record.$typed as TypedName];
    if (!Type) throw new TypeError(`unknown typed array ${record.$typed} from the queue`);
    const bytes = Buffer.from(record.base64, 'base64');
    if (BIG_ENDIAN && Type.BYTES_PER_ELEMENT > 1) {
      if (Type.BYTES_PER_ELEMENT === 8) bytes.swap64();
      else if (Type.BYTES_PER_ELEMENT === 4) bytes.swap32();
      else bytes.swap16();
    }
    // copied into a buffer of its own: aligned, and not a view of Buffer's shared pool
    const aligned = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(aligned).set(bytes);
    return new Type(aligned);
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) out[key] = fromJsonValue(v);
  return out;
}

/**
 * Text for `value` (plain data: objects, arrays, strings, numbers, booleans, null, typed arrays)
 * that {@link decode} turns back into an equal value, bit for bit.
 *
 * @example
 * const back = decode(encode({ x: new Float64Array([0.1, -0, Infinity]) })) as { x: Float64Array };
 * [back.x[0], Object.is(back.x[1], -0), back.x[2]]
 * // => [0.1, true, Infinity]
 */
export function encode(value: unknown): string {
  return JSON.stringify(toJsonValue(value));
}

/** The value {@link encode} wrote. */
export function decode(text: string): unknown {
  return fromJsonValue(JSON.parse(text));
}
