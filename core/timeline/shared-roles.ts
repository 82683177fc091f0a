import type { TokenRole } from '../sources/types';
import type { Entry } from './entry';
import { SingleLists } from './single-lists';
import type { StringPool } from './string-pool';

/** Every entry without a token shares this one (frozen: correlation replaces a list, it never adds to one). */
export const NO_ROLES: Entry['roles'] = Object.freeze([]);

/**
 * The roles lists of the timeline's entries: one shared frozen list per single (token, role) (single-lists.ts);
 * events with several tokens keep lists of their own, of the same shared items. Correlation replaces an entry's list when it links a token
 * (correlate.ts, link-records.ts).
 */
export class SharedRoles {
  private readonly singles: SingleLists<TokenRole, Entry['roles'][number]>;

  constructor(strings: StringPool) {
    this.singles = new SingleLists((hash, role) => ({ hash: strings.of(hash), role }));
  }

  of(tokens: readonly { readonly hash: string; readonly role: TokenRole }[]): Entry['roles'] {
    if (tokens.length === 0) return NO_ROLES;
    if (tokens.length === 1) return this.singles.of(tokens[0]!.hash, tokens[0]!.role);
    return tokens.map((token) => this.singles.itemOf(token.hash, token.role));
  }
}
