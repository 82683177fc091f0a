/**
 * ECDSA signature forms. JWS carries ECDSA signatures as the fixed-length concatenation r || s (RFC 7518 §3.4);
 * X.509 and many libraries use ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }`. Also the curve orders needed to spot
 * psychic signatures (r or s zero or ≥ n, CVE-2022-21449) and high-S (malleable) signatures.
 */

/** Group order n of each NIST curve JWS uses. */
export const CURVE_ORDER: Readonly<Record<'P-256' | 'P-384' | 'P-521', bigint>> = {
  'P-256': 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  'P-384': 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  'P-521':
    0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
};

/** Byte length of r and s for each curve. */
export const CURVE_SCALAR_BYTES: Readonly<Record<'P-256' | 'P-384' | 'P-521', number>> = {
  'P-256': 32,
  'P-384': 48,
  'P-521': 66,
};

/** Big-endian bytes to bigint. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** r and s of a raw (r || s) signature. */
export function splitRawSignature(signature: Uint8Array): { r: bigint; s: bigint } {
  const half = signature.length / 2;
  return { r: bytesToBigInt(signature.subarray(0, half)), s: bytesToBigInt(signature.subarray(half)) };
}

/** Big-endian bytes of a bigint, exactly `size` bytes long. */
function fixedBytes(value: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = size - 1; i >= 0; i--, value >>= 8n) out[i] = Number(value & 0xffn);
  return out;
}

/** n and ⌊n / 2⌋ of each curve as fixed-width big-endian bytes, for comparisons without bigint arithmetic. */
const ORDER_BYTES = Object.fromEntries(
  (Object.keys(CURVE_ORDER) as ('P-256' | 'P-384' | 'P-521')[]).map((crv) => [
    crv,
    {
      n: fixedBytes(CURVE_ORDER[crv], CURVE_SCALAR_BYTES[crv]),
      half: fixedBytes(CURVE_ORDER[crv] / 2n, CURVE_SCALAR_BYTES[crv]),
    },
  ]),
) as Readonly<Record<'P-256' | 'P-384' | 'P-521', { readonly n: Uint8Array; readonly half: Uint8Array }>>;

/** Compare `length` big-endian bytes of `bytes` from `offset` with `other`: negative, zero or positive. */
function compareAt(bytes: Uint8Array, offset: number, other: Uint8Array): number {
  for (let i = 0; i < other.length; i++) {
    const difference = bytes[offset + i]! - other[i]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

function isZeroAt(bytes: Uint8Array, offset: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (bytes[offset + i] !== 0) return false;
  return true;
}

/** Range facts of a raw (r || s) signature of exactly 2 × the curve's scalar size — what splitRawSignature + bigint compares give. */
export interface ScalarRange {
  readonly rZero: boolean;
  readonly sZero: boolean;
  /** r ≥ n */
  readonly rTooBig: boolean;
  /** s ≥ n */
  readonly sTooBig: boolean;
  /** s > ⌊n / 2⌋ (high S) */
  readonly sHigh: boolean;
}

/** r and s of a raw signature compared with the curve order, byte-wise (no bigint per token). */
export function rawSignatureRange(signature: Uint8Array, crv: 'P-256' | 'P-384' | 'P-521'): ScalarRange {
  const size = CURVE_SCALAR_BYTES[crv];
  const order = ORDER_BYTES[crv];
  return {
    rZero: isZeroAt(signature, 0, size),
    sZero: isZeroAt(signature, size, size),
    rTooBig: compareAt(signature, 0, order.n) >= 0,
    sTooBig: compareAt(signature, size, order.n) >= 0,
    sHigh: compareAt(signature, size, order.half) > 0,
  };
}

/** Parse a DER ECDSA signature into r and s bytes; undefined when the bytes are not exactly that structure. */
export function parseDerSignature(der: Uint8Array): { r: Uint8Array; s: Uint8Array } | undefined {
  let at = 0;
  const readLength = (): number | undefined => {
    const first = der[at++];
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    if (first === 0x81) {
      const length = der[at++];
      return length !== undefined && length >= 0x80 ? length : undefined;
    }
    return undefined;
  };
  if (der[at++] !== 0x30) return undefined;
  const total = readLength();
  if (total === undefined || at + total !== der.length) return undefined;
  const integer = (): Uint8Array | undefined => {
    if (der[at++] !== 0x02) return undefined;
    const length = readLength();
    if (length === undefined || length === 0 || at + length > der.length) return undefined;
    const value = der.subarray(at, at + length);
    at += length;
    return value;
  };
  const r = integer();
  const s = integer();
  if (!r || !s || at !== der.length) return undefined;
  return { r, s };
}

/** Left-pad or strip leading zeros so a big-endian integer takes exactly `size` bytes; undefined if too big. */
export function fixedWidth(integer: Uint8Array, size: number): Uint8Array | undefined {
  let start = 0;
  while (start < integer.length - 1 && integer[start] === 0) start++;
  const trimmed = integer.subarray(start);
  if (trimmed.length > size) return undefined;
  const out = new Uint8Array(size);
  out.set(trimmed, size - trimmed.length);
  return out;
}

/** Convert a DER ECDSA signature to the JWS raw form for a curve; undefined when it does not fit. */
export function derToRawSignature(der: Uint8Array, scalarBytes: number): Uint8Array | undefined {
  const parsed = parseDerSignature(der);
  if (!parsed) return undefined;
  const r = fixedWidth(parsed.r, scalarBytes);
  const s = fixedWidth(parsed.s, scalarBytes);
  if (!r || !s) return undefined;
  const out = new Uint8Array(scalarBytes * 2);
  out.set(r);
  out.set(s, scalarBytes);
  return out;
}

/** Convert a raw r || s signature to DER (for hosts whose verify API wants DER). */
export function rawToDerSignature(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array): number[] => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const body = [...bytes.subarray(start)];
    if (body[0]! & 0x80) body.unshift(0);
    return [0x02, body.length, ...body];
  };
  const content = [...integer(raw.subarray(0, half)), ...integer(raw.subarray(half))];
  const length = content.length < 0x80 ? [content.length] : [0x81, content.length];
  return Uint8Array.from([0x30, ...length, ...content]);
}
