import { decodeBase64UrlStrict, encodeBase64Url } from './base64url';
import { ArchiveError } from './errors';
import type { ArchiveRow, RowValue } from './types';

/**
 * One stored row ↔ one NDJSON line, losslessly. JSON carries strings, finite numbers, booleans, null, arrays and
 * objects as they are (key order kept); what it cannot carry becomes a one-key wrapper object:
 * `{"$bytes":"<base64url>"}` for a Uint8Array, `{"$Float64Array":"<base64url>"}` (and so on) for other typed arrays, `{"$number":"NaN"|"Infinity"|"-Infinity"|"-0"}`, `{"$undefined":true}`.
 * So that evidence can never pass for a wrapper, every key of the row that starts with `$` is written with one more
 * `$` in front (`$ref` → `$$ref`) and read back without it. Any other value (Date, Map, ArrayBuffer…) is refused
 * when writing: the format would not bring it back as it was.
 */

/**
 * Typed arrays other than Uint8Array, written as `{"$<Type>":"<base64url of their bytes>"}` in the platform's byte
 * order (little-endian on every host Tokentrail runs on).
 */
const TYPED_ARRAYS = {
  Int8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;

function typedArrayName(value: object): TypedArrayName | undefined {
  return (Object.keys(TYPED_ARRAYS) as TypedArrayName[]).find((name) => value instanceof TYPED_ARRAYS[name]);
}

const SPECIAL_NUMBERS: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

/**
 * Sets a property. `__proto__` from evidence must become a key like any other, never the prototype: only that key
 * needs defineProperty, which is far slower than assignment on every key of a million rows.
 */
function setOwn<T>(target: { [key: string]: T }, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function encodeNumber(value: number): JsonValue {
  if (Number.isFinite(value) && !Object.is(value, -0)) return value;
  return { $number: Object.is(value, -0) ? '-0' : String(value) };
}

function encodeValue(value: RowValue, path: string): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return encodeNumber(value);
  if (value === undefined) return { $undefined: true };
  if (value instanceof Uint8Array) return { $bytes: encodeBase64Url(value) };
  const typed = typeof value === 'object' ? typedArrayName(value) : undefined;
  if (typed) {
    const view = value as unknown as ArrayBufferView;
    return { [`$${typed}`]: encodeBase64Url(new Uint8Array(view.buffer, view.byteOffset, view.byteLength)) };
  }
  if (Array.isArray(value)) return value.map((item, index) => encodeValue(item as RowValue, `${path}[${index}]`));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (typeof value !== 'object' || (prototype !== Object.prototype && prototype !== null)) {
    const kind =
      typeof value === 'object'
        ? ((prototype as { constructor?: { name?: string } })?.constructor?.name ?? 'object')
        : typeof value;
    throw new ArchiveError(
      'archive-value',
      `the value at ${path} is a ${kind}, which an archive cannot carry losslessly`,
    );
  }
  const out: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value as { readonly [key: string]: RowValue }))
    setOwn(out, key.startsWith('$') ? `$${key}` : key, encodeValue(item, `${path}.${key}`));
  return out;
}

/** The NDJSON line of a row (without the newline); throws `archive-value` for a value the format cannot carry. */
export function encodeRow(row: ArchiveRow, table: string): string {
  return JSON.stringify(encodeValue(row, table));
}

function decodeWrapper(key: string, inner: unknown): RowValue {
  if (key === '$bytes' && typeof inner === 'string') {
    const bytes = decodeBase64UrlStrict(inner);
    if (bytes) return bytes;
  }
  if (key === '$number' && typeof inner === 'string' && Object.hasOwn(SPECIAL_NUMBERS, inner))
    return SPECIAL_NUMBERS[inner];
  if (key === '$undefined' && inner === true) return undefined;
  const typed = key.slice(1);
  if (Object.hasOwn(TYPED_ARRAYS, typed) && typeof inner === 'string') {
    const bytes = decodeBase64UrlStrict(inner);
    const type = TYPED_ARRAYS[typed as TypedArrayName];
    if (bytes && bytes.length % type.BYTES_PER_ELEMENT === 0)
      return new type(bytes.slice().buffer) as unknown as RowValue;
  }
  throw new Error(`"${key}" is not a value this format writes`);
}

function decodeValue(value: unknown): RowValue {
  if (value === null || typeof value !== 'object') return value as RowValue;
  if (Array.isArray(value)) return value.map(decodeValue);
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0]!.startsWith('$') && !keys[0]!.startsWith('$$'))
    return decodeWrapper(keys[0]!, (value as Record<string, unknown>)[keys[0]!]);
  const out: { [key: string]: RowValue } = {};
  for (const key of keys) {
    if (key.startsWith('$') && !key.startsWith('$$')) throw new Error(`the key "${key}" was not escaped`);
    setOwn(out, key.startsWith('$') ? key.slice(1) : key, decodeValue((value as Record<string, unknown>)[key]));
  }
  return out;
}

/** The row an NDJSON line holds; throws (with a plain message) when the line is not a row this format writes. */
export function decodeRow(line: string): ArchiveRow {
  const value = decodeValue(JSON.parse(line));
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array)
    throw new Error('a row must be a JSON object');
  return value as ArchiveRow;
}
