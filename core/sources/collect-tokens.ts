import { sha256HexOfText } from '../evidence/sha256';
import { findTokenStrings, type TokenOccurrence } from '../token/find-tokens';
import type { DraftToken } from './format';
import type { EventToken, TokenRole } from './types';

/**
 * Every compact token of a record, hashed: the ones the format located by structure (with their precise role)
 * first, then any other token-shaped string anywhere in the record text, so a token in an unexpected field is
 * never missed. Hashes are cached because a log repeats the same token on many lines.
 */
export class TokenCollector {
  private readonly hashes = new Map<string, string>();

  constructor(private readonly cacheSize = 20_000) {}

  /** Distinct tokens of one record, in order: structured ones, then the rest of the text's. */
  collect(structured: readonly DraftToken[] | undefined, recordText: string): EventToken[] {
    const out: EventToken[] = [];
    const seen = new Set<string>();
    for (const token of structured ?? []) {
      if (seen.has(token.compact)) continue;
      seen.add(token.compact);
      out.push({
        hash: this.hash(token.compact),
        compact: token.compact,
        role: token.role,
        ...(token.field ? { field: token.field } : {}),
      });
    }
    // Cheap pre-check: every compact JWS/JWE header starts "ey" or "ew".
    if (recordText.includes('ey') || recordText.includes('ew')) {
      for (const found of findTokenStrings(recordText)) {
        if (seen.has(found.compact)) continue;
        seen.add(found.compact);
        const { role, field } = roleOf(found);
        out.push({ hash: this.hash(found.compact), compact: found.compact, role, ...(field ? { field } : {}) });
      }
    }
    return out;
  }

  private hash(compact: string): string {
    let hash = this.hashes.get(compact);
    if (hash === undefined) {
      hash = sha256HexOfText(compact);
      if (this.hashes.size >= this.cacheSize) this.hashes.clear();
      this.hashes.set(compact, hash);
    }
    return hash;
  }
}

const NAMED_ROLES: Record<string, TokenRole> = {
  access_token: 'access_token',
  refresh_token: 'refresh_token',
  id_token: 'id_token',
};

function roleOf(found: TokenOccurrence): { role: TokenRole; field?: string } {
  switch (found.context) {
    case 'authorization-header':
      return { role: 'authorization' };
    case 'cookie':
      return { role: 'cookie', field: found.field };
    case 'set-cookie':
      return { role: 'set-cookie', field: found.field };
    case 'json-field':
      return { role: NAMED_ROLES[found.field?.toLowerCase() ?? ''] ?? 'field', field: found.field };
    // A token in a request URL was presented with the request, whatever the parameter is called.
    case 'query-parameter':
      return { role: 'query', field: found.field };
    default:
      return { role: 'text' };
  }
}
