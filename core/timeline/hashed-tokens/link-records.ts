import type { Entry } from '../entry';
import type { TokenFacts } from '../types';
import { HashedTokenIndex } from './hash-index';
import type { HashedTokenForm, TokenLink } from './link-types';

/** What linking did: records linked to a token, and values left unlinked because they named several tokens. */
export interface HashLinkStats {
  readonly linked: number;
  readonly ambiguous: number;
}

/**
 * Attach to each record the tokens it names without carrying them: the token whose SHA-256 or signature SHA-256 (or
 * a prefix of at least the minimum length) one of its digest fields holds, and — for a record carrying no token — the
 * token its jti field names. The token is attached with the `field` role and a {@link TokenLink} saying how, so the
 * lifecycle and every detector treat the record as a use of it. A value matching several tokens is not linked.
 * Cost: one digest index of the known tokens (sorted once), then a binary search per value.
 */
export function linkHashedRecords(
  entries: readonly Entry[],
  facts: ReadonlyMap<string, TokenFacts>,
  jtiToHash: ReadonlyMap<string, string>,
  forms: ReadonlySet<HashedTokenForm>,
): HashLinkStats {
  let linked = 0;
  let ambiguous = 0;
  let index: HashedTokenIndex | undefined;
  const buildIndex = () => {
    const built = new HashedTokenIndex(forms);
    for (const item of facts.values()) built.add(item.tokenHash, item.signatureSha256);
    for (const entry of entries)
      for (const role of entry.roles) built.add(role.hash, facts.get(role.hash)?.signatureSha256);
    return built;
  };
  for (const entry of entries) {
    if (!entry.tokenReferences) continue;
    const carriesToken = entry.roles.length > 0;
    const added: { hash: string; link: TokenLink }[] = [];
    for (const reference of entry.tokenReferences) {
      if (reference.kind === 'jti') {
        const hash = carriesToken ? undefined : jtiToHash.get(reference.value);
        if (hash !== undefined) added.push({ hash, link: { by: 'jti', field: reference.field } });
        continue;
      }
      index ??= buildIndex();
      const found = index.lookup(reference.value);
      if (found === undefined) continue;
      if ('ambiguous' in found) {
        ambiguous++;
        continue;
      }
      const { match } = found;
      added.push({
        hash: match.tokenHash,
        link: {
          by: match.form === 'token' ? 'token-sha256' : 'signature-sha256',
          field: reference.field,
          encoding: match.encoding,
          ...(match.prefixLength !== undefined ? { prefixLength: match.prefixLength } : {}),
        },
      });
    }
    const roles = [...entry.roles];
    for (const { hash, link } of added)
      if (!roles.some((role) => role.hash === hash)) roles.push({ hash, role: 'field', link });
    if (roles.length > entry.roles.length) {
      entry.roles = roles;
      linked++;
    }
  }
  return { linked, ambiguous };
}
