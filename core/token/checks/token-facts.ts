import { isoTimeOrNumber } from '../../util/calendar-range';
import { evidenceValue, type FindingEvidence } from '../findings';
import type { KeyringKey } from '../keyring/key-types';
import type { DecodedToken } from '../strict/decode-token';

/** Small shared readings of a token that several checks need. */

/** Evidence pointing at the header segment and a field in it. */
export function headerEvidence(decoded: DecodedToken, field: string, extra: FindingEvidence = {}): FindingEvidence {
  const segment = decoded.signatures[0]?.protectedSegment ?? decoded.jwe?.segments[0];
  return {
    part: 'header',
    field,
    value: evidenceValue(decoded.header?.[field]),
    start: segment?.start,
    end: segment?.end,
    ...extra,
  };
}

/** Evidence pointing at the signature segment. */
export function signatureEvidence(decoded: DecodedToken, extra: FindingEvidence = {}): FindingEvidence {
  const segment = decoded.signatures[0]?.signatureSegment;
  return { part: 'signature', start: segment?.start, end: segment?.end, ...extra };
}

/** Evidence pointing at a claim. */
export function claimEvidence(decoded: DecodedToken, field: string, extra: FindingEvidence = {}): FindingEvidence {
  const segment = decoded.payload?.segment;
  return {
    part: 'claims',
    field,
    value: evidenceValue(decoded.claims?.[field]),
    start: segment?.start,
    end: segment?.end,
    ...extra,
  };
}

/** How findings name a key. */
export function keyEvidence(key: KeyringKey): NonNullable<FindingEvidence['key']> {
  return { kid: key.kid, thumbprint: key.thumbprint, source: key.source.file };
}

/** The audiences of a token as a list (aud may be a string or an array). */
export function audiences(claims: Record<string, unknown> | null): string[] {
  const aud = claims?.aud;
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((item): item is string => typeof item === 'string') : [];
}

/** An ISO time for messages (the raw number when no calendar can show it). */
export const iso = isoTimeOrNumber;
