// What the Claims box of a token shows: the claims when the payload is a JSON object, otherwise WHY it is not,
// in the words of the decoding that failed (not base64url, not UTF-8, not JSON, not an object), never a guess.
import type { Finding } from '../../core/token';
import type { TokenRecord } from '../db/records';
import type { DecryptedContent } from '../db/token-analysis-records';
import { prettyJson } from '../shell/format';

/** Strict-decoder codes (core/token/strict) that say why a payload is not a claim set. */
const PAYLOAD_CODES: ReadonlySet<unknown> = new Set([
  'base64url-invalid',
  'invalid-utf8',
  'invalid-json',
  'claims-not-object',
]);

type ClaimsSource = Pick<TokenRecord, 'claims' | 'payloadText' | 'form' | 'problems'>;

function derivedReason(text: string): string {
  if (text.trim() === '') return 'The payload is empty.';
  try {
    const value: unknown = JSON.parse(text);
    return `The payload is JSON but not an object (${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}).`;
  } catch {
    return 'The payload is not JSON.';
  }
}

/** A decrypted JWE's claims (its own or its inner token's), with the key that decrypted it. */
function decryptedText(decrypted: DecryptedContent): string {
  const by = `Decrypted with the ${decrypted.key}.`;
  if (decrypted.claims)
    return `${by}${decrypted.innerToken !== undefined ? ' Claims of the inner token:' : ''}\n${prettyJson(decrypted.claims)}`;
  if (decrypted.innerToken !== undefined) return `${by} It holds a token without a claim set:\n${decrypted.innerToken}`;
  return `${by} The plaintext is neither a token nor a claim set.`;
}

export function claimsText(
  token: ClaimsSource,
  findings: readonly Finding[] = [],
  decrypted?: DecryptedContent,
): string {
  if (token.claims) return prettyJson(token.claims);
  if (token.form === 'jwe')
    return decrypted
      ? decryptedText(decrypted)
      : 'Encrypted (JWE): no key in the case decrypts it, so its claims cannot be read.';
  // The decoding that produced (or failed to produce) the claims speaks first; the strict decoder's findings on
  // the payload add their precise account (e.g. the impossible length) when they say something more.
  const reasons = token.problems.filter((problem) => problem.startsWith('The payload'));
  for (const finding of findings) {
    const { part, detail } = finding.evidence;
    if (
      (part === 'payload' || part === 'claims') &&
      PAYLOAD_CODES.has(detail?.code) &&
      !reasons.includes(finding.message)
    )
      reasons.push(finding.message);
  }
  if (token.payloadText === undefined)
    return reasons.length > 0 ? reasons.join('\n') : 'The payload could not be decoded.';
  if (reasons.length === 0) reasons.push(derivedReason(token.payloadText));
  return token.payloadText === '' ? reasons.join('\n') : `${reasons.join('\n')}\n\nAs text:\n${token.payloadText}`;
}
