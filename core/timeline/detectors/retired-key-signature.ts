import type { TokenTrack } from '../correlate';
import type { ProvingEvent } from '../finding-builder';
import type { KeyHistoryEntry } from '../types';
import { countOf, iso, tokenName } from '../util/describe';
import { defineDetector } from './detector';
import { issueEvidence, ownerOf } from './token-steps';

type KeyState = 'not-yet-active' | 'retired' | 'revoked';

function stateAt(key: KeyHistoryEntry, time: number): KeyState | undefined {
  if (key.revoked !== undefined && time >= key.revoked) return 'revoked';
  if (key.retired !== undefined && time >= key.retired) return 'retired';
  const start = key.activated ?? key.created;
  if (start !== undefined && time < start) return 'not-yet-active';
  return undefined;
}

const WORDS: Record<KeyState, string> = {
  'not-yet-active': 'not yet activated',
  retired: 'already retired',
  revoked: 'revoked',
};

/** A token whose verified signature comes from a key outside its validity window when the token was made or used. */
export const retiredKeySignature = defineDetector({
  id: 'retired-key-signature',
  title: 'Signed by a retired key',
  description:
    "The token's signature verifies with a key that, according to the key-rotation history, was retired, revoked or not yet active at the token's iat (or its first appearance when it has no iat), or revoked when it was later used. The finding lists the key's rotation records and key-rotation events next to the token's events.",
  severity: 'high',
  defaults: { flagUseAfterKeyRevocation: true },
  parameterHelp: {
    flagUseAfterKeyRevocation:
      'Also report tokens from a properly active key that were still used after the key was revoked.',
  },
  references: ['NIST SP 800-57 Part 1 Rev. 5 §5.3 (cryptoperiods)', 'RFC 7517 §4.5 (kid)', 'RFC 8725 §3.10'],
  run({ timeline, parameters, findings }) {
    if (timeline.keyHistory.length === 0) return 'no key-rotation history in the evidence';
    const byKid = new Map<string, KeyHistoryEntry>();
    const byThumbprint = new Map<string, KeyHistoryEntry>();
    for (const key of timeline.keyHistory) {
      byKid.set(key.kid, key);
      if (key.thumbprint) byThumbprint.set(key.thumbprint, key);
    }
    const rotationEvents = timeline.entries.filter((entry) => entry.kind === 'key-rotation');
    for (const track of timeline.tokens.values()) {
      const signer = track.facts?.signature === 'valid' ? track.facts.signingKey : undefined;
      if (!signer) continue;
      const key = byThumbprint.get(signer.thumbprint) ?? (signer.kid !== undefined ? byKid.get(signer.kid) : undefined);
      if (!key) continue;
      const first = firstTime(track);
      const signedAt = track.facts?.issuedAt ?? first;
      if (signedAt === undefined) continue;
      const atSigning = stateAt(key, signedAt);
      const usesAfterRevocation =
        parameters.flagUseAfterKeyRevocation && key.revoked !== undefined
          ? track.steps.filter(
              (step) => step.use === 'presented' && step.entry.ts !== null && step.entry.ts >= key.revoked!,
            )
          : [];
      if (!atSigning && usesAfterRevocation.length === 0) continue;
      const severity = atSigning === 'revoked' || key.compromised ? 'critical' : 'high';
      const rotation: ProvingEvent[] = rotationEvents
        .filter((entry) => entry.keyId === undefined || entry.keyId === key.kid)
        .slice(0, 20)
        .map((entry) => ({ entry, role: 'key-rotation' }));
      const uses = track.steps
        .filter((step) => step.use === 'presented' && step.entry.ts !== null)
        .map((step) => ({ entry: step.entry, role: 'use', tokenHash: track.hash }));
      const window = [
        key.activated !== undefined
          ? `activated ${iso(key.activated)}`
          : key.created !== undefined
            ? `created ${iso(key.created)}`
            : undefined,
        key.retired !== undefined ? `retired ${iso(key.retired)}` : undefined,
        key.revoked !== undefined ? `revoked ${iso(key.revoked)}` : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      const message = atSigning
        ? `${tokenName(track.hash, track.facts?.jti)} carries a valid signature by key "${key.kid}" (${window}), which was ${WORDS[atSigning]} when the token was made (${track.facts?.issuedAt !== undefined ? 'iat' : 'first seen'} ${iso(signedAt)}).${uses.length > 0 ? ` It was used ${countOf(uses.length, 'time')}.` : ''}${key.compromised ? ' The key is recorded as compromised.' : ''}`
        : `${tokenName(track.hash, track.facts?.jti)} was signed by key "${key.kid}" while it was active, but used ${countOf(usesAfterRevocation.length, 'time')} after the key was revoked at ${iso(key.revoked)}.`;
      findings.add({
        detector: retiredKeySignature,
        severity,
        scope: track.hash,
        message,
        explanation: atSigning
          ? "A genuine issuer stops signing with a key when it retires it. A fresh token signed by a retired key means someone still holds that private key — a leaked backup, an old server not decommissioned, an insider — or the token's iat was backdated. Check where the retired key's private part still exists, and whether services still trust it (they should not after retirement)."
          : 'Services should stop trusting a key once it is revoked; these uses show that at least one service still did.',
        tokenHashes: [track.hash],
        ...ownerOf(track),
        events: [...issueEvidence(track), ...uses, ...rotation],
        eventCount: issueEvidence(track).length + uses.length + rotation.length,
        keys: [key],
        detail: {
          kid: key.kid,
          thumbprint: signer.thumbprint,
          keyState: atSigning ?? 'revoked-before-use',
          signedAt: iso(signedAt),
          retired: key.retired !== undefined ? iso(key.retired) : null,
          revoked: key.revoked !== undefined ? iso(key.revoked) : null,
          compromised: key.compromised,
        },
      });
    }
    return undefined;
  },
});

function firstTime(track: TokenTrack): number | undefined {
  for (const step of track.steps) if (step.entry.ts !== null) return step.entry.ts;
  return undefined;
}
