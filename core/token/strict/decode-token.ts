import { sha256HexOfText } from '../../evidence/sha256';
import { decodeBase64UrlStrict } from './base64url-strict';
import { checkClaimTypes } from './claims';
import { duplicateKeyProblems, type DecodeProblem } from './decode-problems';
import { isJsonObject, parseJsonStrict } from './json-strict';
import {
  headerRejections,
  nestedRejection,
  NO_REJECTIONS,
  problemRejections,
  unencodedCompactPayloadRejection,
  type Rejection,
} from './rejections';

/**
 * The strict token decoder: compact JWS (3 parts), compact JWE (5 parts), JWS JSON serializations (flattened and
 * general), unsecured JWTs, nested JWTs (cty "JWT") and non-JSON payloads. It never throws: whatever it cannot read
 * becomes a {@link DecodeProblem} with a stable code and a location in the raw input.
 */

/** Options of {@link decodeToken}. */
export interface DecodeOptions {
  /** Longest input accepted, in characters (default 256 KiB). Longer input is hashed but not decoded. */
  readonly maxLength?: number;
  /** SHA-256 hex of a string; defaults to the pure implementation. Hosts may pass a faster native one. */
  readonly sha256Hex?: (text: string) => string;
  /** How deep nested JWTs (cty "JWT") are followed (default 3). */
  readonly maxNesting?: number;
}

/** A piece of the raw input: its text and character range. */
export interface Segment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** One signature of a JWS (a compact JWS has exactly one; a general JSON serialization may have several). */
export interface DecodedSignature {
  /** The base64url protected header as it appeared (absent in a JSON serialization without one). */
  readonly protectedSegment?: Segment;
  readonly protectedHeader: Record<string, unknown> | null;
  readonly unprotectedHeader?: Record<string, unknown>;
  /** The JOSE header: protected and unprotected members together. */
  readonly header: Record<string, unknown> | null;
  readonly signatureSegment: Segment;
  /** Signature bytes, when the segment decodes. */
  readonly signature?: Uint8Array;
  /** ASCII(BASE64URL(protected) || '.' || payload segment): the bytes the signature covers. */
  readonly signingInput: Uint8Array;
  /**
   * Why a strict conforming verifier refuses this signature whatever the key (non-canonical base64url anywhere in
   * what it covers, duplicate header members, crit/b64 rules, a rejected nested JWT); empty when nothing does.
   * The verifier still tries the keys, for the forensic fact, but never calls such a signature `valid`.
   */
  readonly rejections: readonly Rejection[];
}

/** The five parts of a compact JWE (RFC 7516 §7.1), decoded where possible. Nothing is decrypted here. */
export interface DecodedJwe {
  readonly segments: readonly Segment[];
  readonly encryptedKey?: Uint8Array;
  readonly iv?: Uint8Array;
  readonly ciphertext?: Uint8Array;
  readonly tag?: Uint8Array;
}

/** A token taken apart strictly. */
export interface DecodedToken {
  /** The input as given (kept as evidence). */
  readonly raw: string;
  readonly serialization: 'compact' | 'json-flattened' | 'json-general' | 'unknown';
  readonly form: 'jws' | 'jwe' | 'unsecured' | 'malformed';
  /** The compact form: the input itself, or for a JSON serialization its first signature in compact form. */
  readonly compact?: string;
  /** Lower-case hex SHA-256 of the compact form (of the raw input when there is none). */
  readonly tokenHash: string;
  /** The JOSE header of the first signature (or the JWE protected header). */
  readonly header: Record<string, unknown> | null;
  readonly signatures: readonly DecodedSignature[];
  readonly payload?: { readonly segment: Segment; readonly bytes?: Uint8Array; readonly text?: string };
  /** The payload as a JSON object claim set, or null (encrypted, not JSON, not an object). */
  readonly claims: Record<string, unknown> | null;
  /** The inner token of a nested JWT. */
  readonly nested?: DecodedToken;
  readonly jwe?: DecodedJwe;
  readonly problems: readonly DecodeProblem[];
}

/** Default longest input: real tokens stay far below this; anything bigger is an attack or not a token. */
export const DEFAULT_MAX_TOKEN_LENGTH = 256 * 1024;
/**
 * Signatures of a general JWS JSON serialization that are decoded, verified and checked. A real token carries one per
 * signer; every examined signature costs a verification and the whole check suite (HMAC secret guessing included),
 * so a planted token with thousands of them is examined this far and the rest reported, not worked through.
 */
export const MAX_JSON_SIGNATURES = 16;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

interface Context {
  readonly problems: DecodeProblem[];
  readonly options: DecodeOptions;
  readonly depth: number;
}

function bytesOf(segment: Segment, part: string, context: Context): Uint8Array | undefined {
  const { bytes, problems } = decodeBase64UrlStrict(segment.text, part, segment.start);
  context.problems.push(...problems);
  return bytes;
}

function textOf(bytes: Uint8Array, segment: Segment, part: string, context: Context): string | undefined {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    context.problems.push({
      code: 'invalid-utf8',
      part,
      start: segment.start,
      end: segment.end,
      message: `The ${part} is not valid UTF-8; JOSE requires UTF-8 JSON.`,
    });
    return undefined;
  }
}

function jsonOf(text: string, segment: Segment, part: string, context: Context): { parsed: boolean; value?: unknown } {
  const result = parseJsonStrict(text);
  context.problems.push(
    ...duplicateKeyProblems(result.duplicates, part, `The ${part}`, { start: segment.start, end: segment.end }),
  );
  if (!result.ok) return { parsed: false };
  return { parsed: true, value: result.value };
}

/**
 * Recently decoded header segments that decoded without any problem into an object of primitive values only.
 * Tokens of one issuer share a handful of headers, so bulk analysis decodes each once. Callers get their own copy
 * (a shallow copy is a full copy for primitive values), so nothing is shared between tokens.
 */
const headerCache = new Map<string, Readonly<Record<string, unknown>>>();
const HEADER_CACHE_SIZE = 64;
const HEADER_CACHE_TEXT = 512;

function cacheableHeader(header: Record<string, unknown>): boolean {
  for (const name in header) {
    if (!Object.prototype.hasOwnProperty.call(header, name) || name === '__proto__') return false;
    const value = header[name];
    if (value !== null && typeof value === 'object') return false;
  }
  return true;
}

/** Decode a base64url header segment into an object, reporting every problem on the way. */
function headerOf(segment: Segment, context: Context): Record<string, unknown> | null {
  const cached = headerCache.get(segment.text);
  if (cached) return { ...cached };
  const problemsBefore = context.problems.length;
  const header = decodeHeader(segment, context);
  if (
    header &&
    context.problems.length === problemsBefore &&
    segment.text.length <= HEADER_CACHE_TEXT &&
    cacheableHeader(header)
  ) {
    if (headerCache.size >= HEADER_CACHE_SIZE) headerCache.clear();
    headerCache.set(segment.text, { ...header });
  }
  return header;
}

function decodeHeader(segment: Segment, context: Context): Record<string, unknown> | null {
  const bytes = bytesOf(segment, 'header', context);
  if (!bytes) return null;
  const text = textOf(bytes, segment, 'header', context);
  if (text === undefined) return null;
  const { parsed, value } = jsonOf(text, segment, 'header', context);
  if (!parsed) {
    context.problems.push({
      code: 'invalid-json',
      part: 'header',
      start: segment.start,
      end: segment.end,
      message: 'The header is not valid JSON.',
    });
    return null;
  }
  if (!isJsonObject(value)) {
    context.problems.push({
      code: 'header-not-object',
      part: 'header',
      start: segment.start,
      end: segment.end,
      message: `The header is JSON but not an object (${Array.isArray(value) ? 'an array' : typeof value}); RFC 7515 requires a JSON object.`,
    });
    return null;
  }
  return value;
}

/**
 * The dot-separated parts of a compact token and how many there are. Only the first six are cut out: a token has
 * three or five, and an input of a million dots must not become a million objects just to be called malformed.
 */
function splitCompact(text: string): { segments: Segment[]; count: number } {
  const segments: Segment[] = [];
  let count = 0;
  let start = 0;
  for (;;) {
    const dot = text.indexOf('.', start);
    const end = dot < 0 ? text.length : dot;
    if (count++ < 6) segments.push({ text: text.slice(start, end), start, end });
    if (dot < 0) return { segments, count };
    start = dot + 1;
  }
}

/** True when a header declares alg none, in any letter case (an unsecured JWS). */
export function isUnsecured(header: Record<string, unknown> | null): boolean {
  return typeof header?.alg === 'string' && header.alg.toLowerCase() === 'none';
}

/** Read the payload of a JWS (base64url unless b64:false) and, when it is a JSON object, the claims. */
function readPayload(
  segment: Segment,
  header: Record<string, unknown> | null,
  context: Context,
): Pick<DecodedToken, 'payload' | 'claims' | 'nested'> {
  const unencoded = header?.b64 === false;
  const bytes = unencoded ? encoder.encode(segment.text) : bytesOf(segment, 'payload', context);
  if (!bytes) return { payload: { segment }, claims: null };
  const text = textOf(bytes, segment, 'payload', context);
  const payload = { segment, bytes, text };
  if (text === undefined) return { payload, claims: null };
  const cty = typeof header?.cty === 'string' ? header.cty.toLowerCase() : undefined;
  const maxNesting = context.options.maxNesting ?? 3;
  if (cty === 'jwt' || cty === 'application/jwt') {
    if (context.depth < maxNesting)
      return { payload, claims: null, nested: decodeAt(text.trim(), { ...context.options }, context.depth + 1) };
    // Not followed further: say so, or a valid outer signature would vouch for an inner token nobody looked at.
    context.problems.push({
      code: 'nesting-too-deep',
      part: 'payload',
      start: segment.start,
      end: segment.end,
      message: `The payload is another nested JWT (cty "${String(header?.cty)}") beyond the ${maxNesting} levels analysed; it was neither decoded nor verified. No issuer nests tokens this deep: the chain may hide an unsigned or forged innermost token.`,
    });
    return { payload, claims: null };
  }
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { payload, claims: null }; // a JWS need not carry JSON
  const { parsed, value } = jsonOf(text, segment, 'payload', context);
  if (!parsed) {
    context.problems.push({
      code: 'invalid-json',
      part: 'payload',
      start: segment.start,
      end: segment.end,
      message: 'The payload starts like JSON but is not valid JSON.',
    });
    return { payload, claims: null };
  }
  if (!isJsonObject(value)) {
    context.problems.push({
      code: 'claims-not-object',
      part: 'payload',
      start: segment.start,
      end: segment.end,
      message: 'The payload is JSON but not an object, so it is not a JWT claim set (RFC 7519 §7.2).',
    });
    return { payload, claims: null };
  }
  context.problems.push(...checkClaimTypes(value));
  return { payload, claims: value };
}

/**
 * RFC 7515 §4.1.1 / RFC 7516 §4.1.1: "alg" must be present, a string. Without it no verifier can know how the token
 * was protected, so the token is malformed rather than merely of an unsupported algorithm.
 */
function requireAlg(header: Record<string, unknown> | null, segment: Segment | undefined, context: Context): void {
  if (!header || typeof header.alg === 'string') return;
  const what = !('alg' in header)
    ? 'has no "alg"'
    : `has "alg" ${header.alg === null ? 'null' : `of type ${Array.isArray(header.alg) ? 'array' : typeof header.alg}`}, not a string`;
  context.problems.push({
    code: 'malformed-token',
    part: 'header',
    field: 'alg',
    start: segment?.start,
    end: segment?.end,
    message: `The header ${what}; RFC 7515 §4.1.1 requires the algorithm as a string, so nothing can say how this token was signed.`,
  });
}

/** Everything that makes a strict verifier refuse one signature: the decoding problems that cover it, the header rules, and `more`. */
function rejectionsOf(
  problems: readonly DecodeProblem[],
  protectedHeader: Record<string, unknown> | null,
  header: Record<string, unknown> | null,
  first?: Rejection,
  second?: Rejection,
): readonly Rejection[] {
  const fromProblems = problemRejections(problems);
  const fromHeader = headerRejections(protectedHeader, header);
  // The bulk of tokens: nothing refuses them, and no array is built for them (this runs once per token).
  if (fromProblems.length === 0 && fromHeader.length === 0 && first === undefined && second === undefined)
    return NO_REJECTIONS;
  const all = [...fromProblems, ...fromHeader];
  if (first) all.push(first);
  if (second) all.push(second);
  return all;
}

function decodeCompactForm(raw: string, context: Context): Omit<DecodedToken, 'tokenHash' | 'problems' | 'raw'> {
  const { segments, count } = splitCompact(raw);
  if (count === 5) {
    const header = headerOf(segments[0]!, context);
    requireAlg(header, segments[0], context);
    const names = ['encrypted-key', 'iv', 'ciphertext', 'tag'];
    const [encryptedKey, iv, ciphertext, tag] = segments
      .slice(1)
      .map((segment, index) => bytesOf(segment, names[index]!, context));
    return {
      serialization: 'compact',
      form: 'jwe',
      compact: raw,
      header,
      signatures: [],
      claims: null,
      jwe: { segments, encryptedKey, iv, ciphertext, tag },
    };
  }
  if (count !== 3) {
    context.problems.push({
      code: 'malformed-token',
      part: 'token',
      start: 0,
      end: raw.length,
      message: `A compact token has 3 parts (JWS) or 5 (JWE); this one has ${count}.`,
    });
    return { serialization: 'unknown', form: 'malformed', header: null, signatures: [], claims: null };
  }
  const [headerSegment, payloadSegment, signatureSegment] = segments as [Segment, Segment, Segment];
  const header = headerOf(headerSegment, context);
  requireAlg(header, headerSegment, context);
  const payload = readPayload(payloadSegment, header, context);
  const signature = signatureSegment.text === '' ? new Uint8Array(0) : bytesOf(signatureSegment, 'signature', context);
  const signingInput = encoder.encode(raw.slice(0, signatureSegment.start - 1));
  const unencoded = header?.b64 === false ? unencodedCompactPayloadRejection(payloadSegment.text) : undefined;
  const rejections = rejectionsOf(context.problems, header, header, unencoded, nestedRejection(payload.nested));
  return {
    serialization: 'compact',
    form: header === null ? 'malformed' : isUnsecured(header) ? 'unsecured' : 'jws',
    compact: raw,
    header,
    signatures: [
      {
        protectedSegment: headerSegment,
        protectedHeader: header,
        header,
        signatureSegment,
        signature,
        signingInput,
        rejections,
      },
    ],
    ...payload,
  };
}

function locate(raw: string, text: string): Segment {
  const start = text === '' ? -1 : raw.indexOf(text);
  return start < 0 ? { text, start: 0, end: 0 } : { text, start, end: start + text.length };
}

/** One entry of a JWS JSON serialization; its rejections are added once the shared payload has been read. */
type UnjudgedSignature = Omit<DecodedSignature, 'rejections'>;

function jsonSignature(
  raw: string,
  entry: Record<string, unknown>,
  payloadText: string,
  context: Context,
): UnjudgedSignature | undefined {
  const protectedText = typeof entry.protected === 'string' ? entry.protected : undefined;
  const protectedSegment = protectedText === undefined ? undefined : locate(raw, protectedText);
  const protectedHeader = protectedSegment ? headerOf(protectedSegment, context) : null;
  const unprotectedHeader = isJsonObject(entry.header) ? entry.header : undefined;
  if (entry.header !== undefined && !unprotectedHeader)
    context.problems.push({
      code: 'header-not-object',
      part: 'header',
      message: 'The unprotected "header" member is not a JSON object.',
    });
  if (typeof entry.signature !== 'string') {
    context.problems.push({
      code: 'malformed-token',
      part: 'signature',
      message: 'A signature entry has no "signature" string.',
    });
    return undefined;
  }
  for (const name of Object.keys(unprotectedHeader ?? {})) {
    if (protectedHeader && name in protectedHeader)
      context.problems.push({
        code: 'duplicate-json-key',
        part: 'header',
        field: name,
        message: `"${name}" is in both the protected and the unprotected header; RFC 7515 §7.2.1 requires them disjoint.`,
      });
  }
  const header = protectedHeader || unprotectedHeader ? { ...unprotectedHeader, ...protectedHeader } : null;
  requireAlg(header, protectedSegment, context);
  const signatureSegment = locate(raw, entry.signature);
  const signature = entry.signature === '' ? new Uint8Array(0) : bytesOf(signatureSegment, 'signature', context);
  return {
    protectedSegment,
    protectedHeader,
    unprotectedHeader,
    header,
    signatureSegment,
    signature,
    signingInput: encoder.encode(`${protectedText ?? ''}.${payloadText}`),
  };
}

function decodeJsonForm(raw: string, context: Context): Omit<DecodedToken, 'tokenHash' | 'problems' | 'raw'> {
  const whole: Segment = { text: raw, start: 0, end: raw.length };
  const { parsed, value } = jsonOf(raw, whole, 'token', context);
  const malformed = (message: string) => {
    context.problems.push({ code: 'malformed-token', part: 'token', start: 0, end: raw.length, message });
    return {
      serialization: 'unknown' as const,
      form: 'malformed' as const,
      header: null,
      signatures: [],
      claims: null,
    };
  };
  if (!parsed || !isJsonObject(value))
    return malformed('The input starts with "{" but is not a JSON object, so it is not a JWS JSON serialization.');
  if (typeof value.ciphertext === 'string') {
    const protectedSegment = typeof value.protected === 'string' ? locate(raw, value.protected) : undefined;
    const header = protectedSegment ? headerOf(protectedSegment, context) : null;
    return {
      serialization: Array.isArray(value.recipients) ? 'json-general' : 'json-flattened',
      form: 'jwe',
      header,
      signatures: [],
      claims: null,
      jwe: { segments: [] },
    };
  }
  if (typeof value.payload !== 'string')
    return malformed('A JWS JSON serialization needs a "payload" string (RFC 7515 §7.2).');
  const general = Array.isArray(value.signatures);
  const allEntries = general ? (value.signatures as unknown[]).filter(isJsonObject) : [value];
  if (general && allEntries.length === 0) return malformed('"signatures" holds no signature object.');
  const entries = allEntries.slice(0, MAX_JSON_SIGNATURES);
  if (allEntries.length > entries.length) {
    context.problems.push({
      code: 'oversize-token',
      part: 'signatures',
      start: 0,
      end: raw.length,
      message: `The JSON serialization holds ${allEntries.length} signatures; only the first ${MAX_JSON_SIGNATURES} were decoded, verified and checked (a real token carries one per signer). The others are part of the token's hash but were not examined.`,
    });
  }
  // Problems are attributed: the envelope's and the payload's concern every signature, an entry's only itself.
  const envelopeProblems = context.problems.slice();
  const unjudged: { signature: UnjudgedSignature; own: DecodeProblem[] }[] = [];
  for (const entry of entries) {
    const before = context.problems.length;
    const signature = jsonSignature(raw, entry, value.payload, context);
    if (signature) unjudged.push({ signature, own: context.problems.slice(before) });
  }
  const first = unjudged[0]?.signature;
  if (!first) return malformed('No usable signature in the JSON serialization.');
  const payloadStart = context.problems.length;
  const payload = readPayload(locate(raw, value.payload), first.header, context);
  const shared = [...envelopeProblems, ...context.problems.slice(payloadStart)];
  const nested = nestedRejection(payload.nested);
  const unencoded = first.header?.b64 === false;
  const signatures = unjudged.map(({ signature, own }): DecodedSignature => {
    // RFC 7797 §3: one b64 value for all signatures, since the payload is read one way only (here, the first's).
    const mixed =
      (signature.header?.b64 === false) !== unencoded
        ? {
            code: 'b64-false' as const,
            message: `This signature's "b64" differs from the first signature's; RFC 7797 §3 requires the same value for every signature.`,
          }
        : undefined;
    return {
      ...signature,
      rejections: rejectionsOf([...shared, ...own], signature.protectedHeader, signature.header, nested, mixed),
    };
  });
  const compact = first.protectedSegment
    ? `${first.protectedSegment.text}.${value.payload}.${first.signatureSegment.text}`
    : undefined;
  return {
    serialization: general ? 'json-general' : 'json-flattened',
    form: first.header === null ? 'malformed' : isUnsecured(first.header) ? 'unsecured' : 'jws',
    compact,
    header: first.header,
    signatures,
    ...payload,
  };
}

function decodeAt(input: string, options: DecodeOptions, depth: number): DecodedToken {
  const problems: DecodeProblem[] = [];
  const hash = options.sha256Hex ?? sha256HexOfText;
  const raw = input.trim();
  const maxLength = options.maxLength ?? DEFAULT_MAX_TOKEN_LENGTH;
  if (raw.length > maxLength) {
    problems.push({
      code: 'oversize-token',
      part: 'token',
      start: 0,
      end: raw.length,
      message: `The input is ${raw.length} characters, over the ${maxLength} accepted; it was hashed but not decoded.`,
    });
    return {
      raw,
      serialization: 'unknown',
      form: 'malformed',
      tokenHash: hash(raw),
      header: null,
      signatures: [],
      claims: null,
      problems,
    };
  }
  const context: Context = { problems, options, depth };
  const decoded = raw.startsWith('{') ? decodeJsonForm(raw, context) : decodeCompactForm(raw, context);
  return { raw, ...decoded, tokenHash: hash(decoded.compact ?? raw), problems };
}

/** Decode a token strictly. Never throws; problems describe whatever is not canonical or not readable. */
export function decodeToken(input: string, options: DecodeOptions = {}): DecodedToken {
  try {
    return decodeAt(input, options, 0);
  } catch (error) {
    // Defensive: a decoder bug must not take the analysis of a whole case down with it.
    const raw = input;
    return {
      raw,
      serialization: 'unknown',
      form: 'malformed',
      tokenHash: (options.sha256Hex ?? sha256HexOfText)(raw),
      header: null,
      signatures: [],
      claims: null,
      problems: [
        { code: 'malformed-token', part: 'token', message: `The decoder failed on this input (${String(error)}).` },
      ],
    };
  }
}
