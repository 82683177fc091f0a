import type { TokenCheck } from './checks/check-types';
import type { Finding } from './findings';
import type { DecodedToken } from './strict/decode-token';

/**
 * Findings of the header-scoped checks ({@link TokenCheck.scope} `'header'`), remembered by protected header for one
 * set of analysis options. Most tokens of a case share a handful of headers, so bulk analysis (the CLI's `inspect`
 * on a file) runs those checks once per distinct header and reuses what they found.
 *
 * Only a compact JWS (or unsecured JWS) is looked up: there the header, the form and the header's place in the token
 * (offset 0, the evidence's start and end) follow from the header segment's text alone. Everything else a check of
 * that scope reads (case configuration, keyring, presented-to) is fixed by the options the cache belongs to, so a
 * cache must never be shared between option sets.
 */
export interface HeaderResults {
  /** The findings remembered for this token's header, by check; undefined when the token is not looked up. */
  entryFor(decoded: DecodedToken): Map<TokenCheck, readonly Finding[]> | undefined;
}

/** Longest header segment remembered: real headers are a few hundred characters, hostile ones are not kept. */
const MAX_HEADER_TEXT = 1024;

/** A cache of at most `capacity` headers (emptied when full: a case has few headers, an attack many). */
export function createHeaderResults(capacity = 256): HeaderResults {
  const entries = new Map<string, Map<TokenCheck, readonly Finding[]>>();
  return {
    entryFor(decoded) {
      if (decoded.serialization !== 'compact' || (decoded.form !== 'jws' && decoded.form !== 'unsecured'))
        return undefined;
      const segment = decoded.signatures[0]?.protectedSegment;
      if (!segment || segment.start !== 0 || segment.text.length > MAX_HEADER_TEXT) return undefined;
      let entry = entries.get(segment.text);
      if (!entry) {
        if (entries.size >= capacity) entries.clear();
        entry = new Map();
        entries.set(segment.text, entry);
      }
      return entry;
    },
  };
}
