import type { Entry } from '../entry';
import type { ProvingEvent } from '../finding-builder';
import { countOf, duration, iso, tokenName } from '../util/describe';
import { defineDetector } from './detector';

interface Redemptions {
  readonly key: string;
  readonly tokenHash?: string;
  readonly entries: Entry[];
}

/** A refresh token redeemed twice (beyond the grace window), or after it or its family was revoked. */
export const refreshTokenReuse = defineDetector({
  id: 'refresh-token-reuse',
  title: 'Refresh token reuse',
  description:
    'A refresh token is redeemed again later than the grace window after its first redemption, or redeemed after it, its family (refresh chain) or its session was revoked or logged out. Refused attempts count: presenting a spent refresh token is itself the signal.',
  severity: 'high',
  defaults: { graceSeconds: 30 },
  parameterHelp: {
    graceSeconds:
      "A second redemption within this many seconds of the first is tolerated (client retries after a lost response; Okta's default grace period is 30 s).",
  },
  references: [
    'RFC 9700 §4.14.2 (refresh token rotation and reuse detection)',
    'RFC 6749 §10.4',
    'Auth0: refresh token rotation, automatic reuse detection',
  ],
  run({ timeline, families, parameters, findings }) {
    const grace = parameters.graceSeconds * 1000;
    const redemptions = new Map<string, Redemptions>();
    for (const entry of timeline.entries) {
      if (entry.kind !== 'refresh' && !entry.tokens.some((token) => token.use === 'redeemed')) continue;
      const redeemed = entry.tokens.filter((token) => token.use === 'redeemed').map((token) => token.hash);
      const keys =
        redeemed.length > 0
          ? redeemed.map((hash) => ({ key: hash, tokenHash: hash as string | undefined }))
          : entry.refreshTokenId !== undefined
            ? [{ key: `id:${entry.refreshTokenId}`, tokenHash: undefined }]
            : [];
      for (const { key, tokenHash } of keys) {
        const known = redemptions.get(key);
        if (known) known.entries.push(entry);
        else redemptions.set(key, { key, tokenHash, entries: [entry] });
      }
    }
    for (const item of redemptions.values()) {
      const [first, ...rest] = item.entries;
      const again = rest.filter((entry) => entry.ts! - first!.ts! > grace);
      const own = item.tokenHash
        ? timeline.tokens
            .get(item.tokenHash)
            ?.steps.find((step) => (step.use === 'revoked' || step.use === 'logged-out') && step.entry.ts !== null)
            ?.entry
        : undefined;
      const familyId = item.tokenHash ? families.familyOf.get(item.tokenHash) : undefined;
      const family = familyId ? families.revokedAt.get(familyId)?.entry : undefined;
      const ended = [own, family]
        .filter((entry): entry is Entry => entry !== undefined)
        .sort((a, b) => a.ts! - b.ts!)[0];
      const afterEnd = ended ? item.entries.filter((entry) => entry.ts! > ended.ts!) : [];
      if (again.length === 0 && afterEnd.length === 0) continue;
      const name = item.tokenHash
        ? tokenName(item.tokenHash, timeline.facts.get(item.tokenHash)?.jti)
        : `refresh token id ${item.key.slice(3)}`;
      const parts: string[] = [];
      if (again.length > 0)
        parts.push(
          `redeemed ${item.entries.length} times: first at ${iso(first!.ts)}, again ${duration(again[0]!.ts! - first!.ts!)} later${again.length > 1 ? ` and ${countOf(again.length - 1, 'more time', 'more times')}` : ''} (grace window ${parameters.graceSeconds} s)`,
        );
      if (afterEnd.length > 0)
        parts.push(
          `redeemed ${countOf(afterEnd.length, 'time')} after ${ended === own ? 'it was revoked' : 'its family was ended'} at ${iso(ended!.ts)}`,
        );
      const ips = new Set(item.entries.map((entry) => entry.ip).filter((ip) => ip !== undefined));
      const events: ProvingEvent[] = [
        { entry: first!, role: 'first-redeem', tokenHash: item.tokenHash },
        ...again.map((entry) => ({ entry, role: 'redeem-again', tokenHash: item.tokenHash })),
        ...(ended ? [{ entry: ended, role: ended.kind === 'logout' ? 'logout' : 'revoke' }] : []),
        ...afterEnd.map((entry) => ({ entry, role: 'redeem-after-revocation', tokenHash: item.tokenHash })),
      ];
      findings.add({
        detector: refreshTokenReuse,
        scope: item.key,
        message: `${item.tokenHash ? `Refresh ${name}` : `The ${name}`} was ${parts.join('; ')}${ips.size > 1 ? `, from ${ips.size} different IPs (${[...ips].join(', ')})` : ''}.`,
        explanation:
          'A rotated refresh token is good for one redemption. When it is presented again, two parties hold it — the legitimate client and whoever copied it — and the issuer cannot tell which is which; RFC 9700 says to revoke the whole family. Look at which redemption came from an unfamiliar IP or user agent and what the tokens it produced were used for.',
        tokenHashes: [
          ...(item.tokenHash ? [item.tokenHash] : []),
          ...item.entries.flatMap((entry) =>
            entry.tokens.filter((token) => token.use === 'issued').map((token) => token.hash),
          ),
        ],
        ...(first!.effectiveSubject !== undefined ? { subject: first!.effectiveSubject } : {}),
        ...(first!.effectiveSession !== undefined ? { sessionId: first!.effectiveSession } : {}),
        events,
        // A chain known by identifier only is drawn as its own lifecycle (refresh-id-lifecycles.ts): the id leads there.
        detail: {
          redemptions: item.entries.length,
          beyondGrace: again.length,
          afterRevocation: afterEnd.length,
          distinctIps: ips.size,
          ...(item.tokenHash ? {} : { refreshTokenId: item.key.slice(3) }),
        },
      });
    }
    return redemptions.size === 0 ? 'no refresh event names the refresh token it redeemed' : undefined;
  },
});
