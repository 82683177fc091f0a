import type { Finding } from '../findings';
import { jwkThumbprint } from '../keyring/thumbprint';
import { findingOf, type CheckContext, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';
import { x5cChainWalk, x5cReadingOf } from './x5c-chain';

/** An `x5c` chain that does not reach a configured trust anchor, or whose leaf key is not in the keyring. */
export const x5cUntrusted: TokenCheck = {
  id: 'x5c-untrusted',
  title: 'x5c certificate chain not trusted',
  severity: 'high',
  references: ['RFC 7515 §4.1.6', 'RFC 5280 §6', 'RFC 8725 §3.10', 'CVE-2017-2800'],
  run(context) {
    return context.decoded.header?.x5c === undefined ? [] : inspectX5c(context);
  },
};

async function inspectX5c({ decoded, keyring, verifier }: CheckContext): Promise<Finding[]> {
  const reading = x5cReadingOf(decoded)!;
  if ('problem' in reading) return [findingOf(x5cUntrusted, reading.problem, headerEvidence(decoded, 'x5c'))];
  const { chain } = reading;
  const leaf = chain[0]!;
  const leafThumbprint = jwkThumbprint(leaf.publicJwk);
  const leafKnown = keyring.keys.some((key) => key.thumbprint === leafThumbprint);
  const { anchored, end } = await x5cChainWalk(decoded, chain, keyring, verifier);
  const evidence = headerEvidence(decoded, 'x5c', {
    key: { thumbprint: leafThumbprint, source: 'x5c leaf' },
    detail: { leaf: leaf.subject, anchored, leafInKeyring: leafKnown },
  });
  if (!anchored) {
    const where = ` (the chain stops at certificate ${end + 1}, "${chain[end]!.subject}", issued by "${chain[end]!.issuer}")`;
    return [
      findingOf(
        x5cUntrusted,
        `The x5c chain for "${leaf.subject}" does not reach any certificate in the keyring${where}. A verifier that trusted x5c accepted a key the token brought along.`,
        evidence,
      ),
    ];
  }
  if (!leafKnown)
    return [
      findingOf(
        x5cUntrusted,
        `The x5c chain reaches a trust anchor, but its leaf key ("${leaf.subject}") is not in the keyring: check that this certificate was meant to sign tokens.`,
        evidence,
        'medium',
      ),
    ];
  return [];
}
