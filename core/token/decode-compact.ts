import { decodeBase64Url } from './base64url';

/** A compact token taken apart for display: header, claims when the payload is readable JSON, and what failed. */
export interface DecodedCompact {
  readonly form: 'jws' | 'jwe' | 'unsecured';
  readonly header: Record<string, unknown>;
  readonly claims?: Record<string, unknown>;
  /** The payload as text when it is not a JSON object (a JWS need not carry claims). */
  readonly payloadText?: string;
  readonly problems: readonly string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

interface DecodedPart {
  readonly text?: string;
  readonly object?: Record<string, unknown>;
  /** Why the part is unreadable as text; a readable non-JSON text is not a problem in itself. */
  readonly problem?: string;
}

function decodePart(part: string, what: string): DecodedPart {
  const bytes = decodeBase64Url(part);
  if (!bytes) return { problem: `${what} is not valid base64url.` };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { problem: `${what} is not valid UTF-8.` };
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { text, object: value as Record<string, unknown> }
      : { text };
  } catch {
    return { text };
  }
}

/** Split a compact JWS (3 parts) or JWE (5 parts) and decode what can be read without keys. */
export function decodeCompact(compact: string): DecodedCompact | undefined {
  const parts = compact.split('.');
  if (parts.length !== 3 && parts.length !== 5) return undefined;
  const header = decodePart(parts[0]!, 'The header').object;
  if (!header) return undefined; // text that only looked like a token
  if (parts.length === 5) return { form: 'jwe', header, problems: [] };
  const payload = decodePart(parts[1]!, 'The payload');
  const unsecured = typeof header.alg === 'string' && header.alg.toLowerCase() === 'none';
  return {
    form: unsecured ? 'unsecured' : 'jws',
    header,
    claims: payload.object,
    payloadText: payload.object ? undefined : payload.text,
    problems: payload.problem ? [payload.problem] : [],
  };
}
