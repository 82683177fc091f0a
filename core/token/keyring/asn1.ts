/**
 * A tiny ASN.1 DER reader and writer: just what keys and certificates need (SEQUENCE, INTEGER, BOOLEAN, BIT STRING,
 * OCTET STRING, OBJECT IDENTIFIER, times, context tags). Lengths are bounded by the input, so hostile DER cannot
 * make the reader allocate or loop beyond the bytes it was given.
 */

/** A DER element: its tag, where it sits in the input, and its content bytes. */
export interface Asn1Element {
  readonly tag: number;
  /** Offset of the tag byte in the input. */
  readonly start: number;
  /** Offset just past the element. */
  readonly end: number;
  /** The content octets. */
  readonly content: Uint8Array;
  /** The whole element (tag, length and content), e.g. to hash a certificate's tbsCertificate. */
  readonly der: Uint8Array;
}

/** Thrown by the reader on malformed DER; callers in the keyring turn it into a key problem. */
export class Asn1Error extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at byte ${offset})`);
    this.name = 'Asn1Error';
  }
}

/** Tags used here. */
export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8: 0x0c,
  PRINTABLE: 0x13,
  IA5: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Read one element at `offset`. */
export function readElement(bytes: Uint8Array, offset = 0): Asn1Element {
  const tag = bytes[offset];
  if (tag === undefined) throw new Asn1Error('unexpected end of DER', offset);
  if ((tag & 0x1f) === 0x1f) throw new Asn1Error('multi-byte tags are not used by keys or certificates', offset);
  let at = offset + 1;
  const first = bytes[at++];
  if (first === undefined) throw new Asn1Error('missing length', at);
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Asn1Error('unsupported length form', at - 1);
    length = 0;
    for (let i = 0; i < count; i++) {
      const byte = bytes[at++];
      if (byte === undefined) throw new Asn1Error('truncated length', at);
      length = length * 256 + byte;
    }
  }
  const end = at + length;
  if (end > bytes.length) throw new Asn1Error('element runs past the end of the input', offset);
  return { tag, start: offset, end, content: bytes.subarray(at, end), der: bytes.subarray(offset, end) };
}

/** The children of a constructed element (SEQUENCE, SET, context tag). */
export function children(element: Asn1Element): Asn1Element[] {
  const out: Asn1Element[] = [];
  let at = 0;
  while (at < element.content.length) {
    const child = readElement(element.content, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** Read a whole input as exactly one element with the expected tag. */
export function readOnly(bytes: Uint8Array, tag: number): Asn1Element {
  const element = readElement(bytes, 0);
  if (element.tag !== tag)
    throw new Asn1Error(`expected tag 0x${tag.toString(16)}, found 0x${element.tag.toString(16)}`, 0);
  if (element.end !== bytes.length) throw new Asn1Error('trailing bytes after the DER element', element.end);
  return element;
}

/** Expect a tag on an element and return it. */
export function expect(element: Asn1Element | undefined, tag: number, what: string): Asn1Element {
  if (!element || element.tag !== tag) throw new Asn1Error(`expected ${what}`, element?.start ?? 0);
  return element;
}

/** Dotted form of an OBJECT IDENTIFIER's content. */
export function oidToString(content: Uint8Array): string {
  if (content.length === 0) return '';
  const parts: number[] = [Math.floor(content[0]! / 40), content[0]! % 40];
  let value = 0;
  for (let i = 1; i < content.length; i++) {
    value = value * 128 + (content[i]! & 0x7f);
    if (!(content[i]! & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** Content of a BIT STRING without its unused-bits byte. */
export function bitStringBytes(element: Asn1Element): Uint8Array {
  if (element.tag !== TAG.BIT_STRING || element.content[0] !== 0)
    throw new Asn1Error('expected a BIT STRING with no unused bits', element.start);
  return element.content.subarray(1);
}

/** Big-endian unsigned integer bytes without leading zeros (at least one byte). */
export function unsignedInteger(element: Asn1Element): Uint8Array {
  if (element.tag !== TAG.INTEGER) throw new Asn1Error('expected an INTEGER', element.start);
  let start = 0;
  while (start < element.content.length - 1 && element.content[start] === 0) start++;
  return element.content.subarray(start);
}

/** A BOOLEAN's value. DER writes TRUE as 0xFF; any non-zero byte is read as TRUE, as BER allows. */
export function readBoolean(element: Asn1Element): boolean {
  if (element.tag !== TAG.BOOLEAN || element.content.length !== 1)
    throw new Asn1Error('expected a one-byte BOOLEAN', element.start);
  return element.content[0] !== 0;
}

/**
 * A non-negative INTEGER as a number. Values beyond 2^53 saturate at Number.MAX_SAFE_INTEGER: the limits read this
 * way (path lengths) mean "unlimited" long before that, and a hostile certificate must not make the reader throw
 * away a finding for an absurd but harmless number.
 */
export function readNonNegativeInteger(element: Asn1Element): number {
  if (element.tag !== TAG.INTEGER || element.content.length === 0)
    throw new Asn1Error('expected an INTEGER', element.start);
  if (element.content[0]! & 0x80) throw new Asn1Error('expected a non-negative INTEGER', element.start);
  let value = 0;
  for (const byte of element.content) {
    value = value * 256 + byte;
    if (value > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
  }
  return value;
}

/**
 * The positions of the set bits of a BIT STRING read as a named bit list (bit 0 is the most significant bit of
 * the first content byte), as RFC 5280 extensions such as keyUsage define them. Unused trailing bits are ignored.
 */
export function setBitPositions(element: Asn1Element): number[] {
  const unused = element.content[0];
  if (
    element.tag !== TAG.BIT_STRING ||
    unused === undefined ||
    unused > 7 ||
    (element.content.length === 1 && unused !== 0)
  )
    throw new Asn1Error('expected a BIT STRING', element.start);
  const positions: number[] = [];
  const bitCount = (element.content.length - 1) * 8 - unused;
  for (let bit = 0; bit < bitCount; bit++)
    if (element.content[1 + (bit >> 3)]! & (0x80 >> (bit & 7))) positions.push(bit);
  return positions;
}

/**
 * Parse a certificate time to epoch milliseconds: UTCTime "YYMMDDHHMMSSZ" (YY ≥ 50 is 19YY, else 20YY) or
 * GeneralizedTime "YYYYMMDDHHMMSSZ" — the only forms RFC 5280 §4.1.2.5 allows (seconds present, Zulu, no fractions).
 * Impossible dates such as 30 February are refused rather than rolled over into March: a certificate whose window
 * cannot be read must not silently get another one.
 */
export function readTime(element: Asn1Element): number {
  const text = new TextDecoder().decode(element.content);
  const pattern =
    element.tag === TAG.UTC_TIME
      ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/
      : element.tag === TAG.GENERALIZED_TIME
        ? /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/
        : undefined;
  const match = pattern?.exec(text);
  if (!match) throw new Asn1Error(`unreadable time ${JSON.stringify(text)}`, element.start);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fullYear = element.tag === TAG.UTC_TIME ? year + (year < 50 ? 2000 : 1900) : year;
  const date = new Date(0);
  date.setUTCFullYear(fullYear, month - 1, day); // not Date.UTC: it reads years 0–99 as 1900–1999
  date.setUTCHours(hour, minute, second, 0);
  const exact =
    date.getUTCFullYear() === fullYear &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!exact) throw new Asn1Error(`impossible date ${JSON.stringify(text)}`, element.start);
  return date.getTime();
}

/** Encode one DER element from a tag and its content parts. */
export function encodeElement(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const header: number[] = [tag];
  if (length < 0x80) header.push(length);
  else {
    const bytes: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
    header.push(0x80 | bytes.length, ...bytes);
  }
  const out = new Uint8Array(header.length + length);
  out.set(header);
  let at = header.length;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Encode an unsigned big-endian integer as a DER INTEGER (adding a 0 byte when the top bit is set). */
export function encodeUnsignedInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const body = bytes.subarray(start);
  return body[0]! & 0x80 ? encodeElement(TAG.INTEGER, Uint8Array.of(0), body) : encodeElement(TAG.INTEGER, body);
}

/** Encode a dotted OID. */
export function encodeOid(oid: string): Uint8Array {
  const parts = oid.split('.').map(Number);
  const bytes: number[] = [parts[0]! * 40 + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    for (let rest = Math.floor(part / 128); rest > 0; rest = Math.floor(rest / 128))
      chunk.unshift((rest & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return encodeElement(TAG.OID, Uint8Array.from(bytes));
}
