import type { TokenRole } from '../sources/types';
import type { Entry } from './entry';
import type { TokenUse } from './types';

/**
 * How each token in an event took part in it. The role a parser gave the token (authorization header, set-cookie,
 * refresh_token field…) and the event kind decide, with one rule that needs history: in a refresh event, the
 * refresh token already seen in the evidence is the one presented (redeemed); refresh tokens never seen before are
 * the newly issued ones. When none was seen before, the first in the record is taken as presented (a HAR entry lists
 * the request body before the response). docs/detectors.md, "Lifecycles", states these rules.
 */
export function classifyTokenUses(
  entry: Entry,
  seenBefore: (hash: string) => boolean,
): { hash: string; use: TokenUse }[] {
  const all: { hash: string; use: TokenUse }[] = [];
  const uses = {
    push: (item: { hash: string; use: TokenUse }) =>
      void (all.some((known) => known.hash === item.hash) || all.push(item)),
  };
  const presentedRole = (role: TokenRole) => role === 'authorization' || role === 'cookie';
  switch (entry.kind) {
    case 'issue':
    case 'login':
      for (const { hash, role } of entry.roles) uses.push({ hash, use: presentedRole(role) ? 'presented' : 'issued' });
      break;
    case 'refresh': {
      const refreshTokens = entry.roles.filter((token) => token.role === 'refresh_token');
      let redeemed = refreshTokens.filter((token) => seenBefore(token.hash)).map((token) => token.hash);
      if (redeemed.length === 0 && refreshTokens.length > 0) redeemed = [refreshTokens[0]!.hash];
      for (const { hash, role } of entry.roles) {
        if (role === 'refresh_token') uses.push({ hash, use: redeemed.includes(hash) ? 'redeemed' : 'issued' });
        else if (presentedRole(role)) uses.push({ hash, use: 'presented' });
        // A token in a generic field of a refresh record: presented when it was issued before, else the new one.
        else if ((role === 'field' || role === 'text') && refreshTokens.length === 0 && seenBefore(hash))
          uses.push({ hash, use: 'redeemed' });
        else uses.push({ hash, use: 'issued' });
      }
      break;
    }
    case 'revoke':
      for (const { hash } of entry.roles) uses.push({ hash, use: 'revoked' });
      break;
    case 'logout':
      for (const { hash } of entry.roles) uses.push({ hash, use: 'logged-out' });
      break;
    case 'sighting':
    case 'key-rotation':
    case 'unparsed': // the record could not be read: a token in it was seen, not known to be presented
      for (const { hash } of entry.roles) uses.push({ hash, use: 'seen' });
      break;
    default:
      for (const { hash, role } of entry.roles)
        uses.push({ hash, use: role === 'set-cookie' ? 'issued' : 'presented' });
  }
  return all;
}
