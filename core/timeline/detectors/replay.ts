import type { Entry } from '../entry';
import type { ProvingEvent } from '../finding-builder';
import { cidrList } from '../util/cidr';
import { iso, tokenName } from '../util/describe';
import { defineDetector } from './detector';
import { ownerOf } from './token-steps';

interface Seen {
  readonly ips: Map<string, Entry>;
  readonly agents: Map<string, Entry>;
  readonly devices: Map<string, Entry>;
  last?: Entry;
  concurrent?: [Entry, Entry];
}

const remember = (map: Map<string, Entry>, key: string | undefined, entry: Entry, cap: number) => {
  if (key !== undefined && !map.has(key) && map.size <= cap) map.set(key, entry);
};

/** One token (or one jti) used from several places, or from two places at once. */
export const replay = defineDetector({
  id: 'replay',
  title: 'Token replay',
  description:
    'One token — received at issue and presented afterwards — appears from more distinct IPs, user agents or device identifiers than allowed, or is presented from two different IPs within seconds of each other; or one jti is carried by two different tokens.',
  severity: 'high',
  defaults: {
    maxDistinctIps: 2,
    maxDistinctUserAgents: 1,
    maxDistinctDevices: 1,
    concurrentSeconds: 5,
    excludedRanges: [] as string[],
  },
  parameterHelp: {
    maxDistinctIps: 'Most IPs one token may come from (mobile clients change networks); more is replay.',
    maxDistinctUserAgents: 'Most user agents one token may come from.',
    maxDistinctDevices: 'Most device identifiers (details deviceId, device_id, fingerprint…) one token may come from.',
    concurrentSeconds: 'Two uses from different IPs closer than this many seconds are concurrent.',
    excludedRanges: 'CIDR ranges (shared egress, proxies) not counted as distinct IPs.',
  },
  references: ['RFC 6750 §5.2 (token replay)', 'RFC 9449 (DPoP: sender-constrained tokens)', 'MITRE ATT&CK T1550.001'],
  run({ timeline, parameters, findings }) {
    const excluded = cidrList(parameters.excludedRanges);
    const window = parameters.concurrentSeconds * 1000;
    const cap =
      Math.max(parameters.maxDistinctIps, parameters.maxDistinctUserAgents, parameters.maxDistinctDevices) + 1;
    const state = new Map<string, Seen>();
    for (const entry of timeline.entries) {
      for (const token of entry.tokens) {
        if (token.use !== 'presented' && token.use !== 'redeemed' && token.use !== 'issued') continue;
        let seen = state.get(token.hash);
        if (!seen) {
          seen = { ips: new Map(), agents: new Map(), devices: new Map() };
          state.set(token.hash, seen);
        }
        const ip = excluded.match(entry.ip) === undefined ? entry.ip : undefined;
        remember(seen.ips, ip, entry, cap);
        remember(seen.agents, entry.userAgent, entry, cap);
        remember(seen.devices, entry.device, entry, cap);
        if (token.use === 'issued') continue;
        const last = seen.last;
        if (
          !seen.concurrent &&
          last &&
          ip !== undefined &&
          last.ip !== undefined &&
          last.ip !== ip &&
          excluded.match(last.ip) === undefined &&
          entry.ts! - last.ts! <= window
        )
          seen.concurrent = [last, entry];
        seen.last = entry;
      }
    }
    for (const [hash, seen] of state) {
      const reasons: string[] = [];
      const events: ProvingEvent[] = [];
      const add = (map: Map<string, Entry>, role: string) =>
        map.forEach((entry) => events.push({ entry, role, tokenHash: hash }));
      if (seen.ips.size > parameters.maxDistinctIps) {
        reasons.push(
          `${seen.ips.size > cap - 1 ? 'at least ' : ''}${seen.ips.size} IPs (${[...seen.ips.keys()].join(', ')})`,
        );
        add(seen.ips, 'distinct-ip');
      }
      if (seen.agents.size > parameters.maxDistinctUserAgents) {
        reasons.push(
          `${seen.agents.size} user agents (${[...seen.agents.keys()].map((agent) => `"${agent}"`).join(', ')})`,
        );
        add(seen.agents, 'distinct-user-agent');
      }
      if (seen.devices.size > parameters.maxDistinctDevices) {
        reasons.push(`${seen.devices.size} devices (${[...seen.devices.keys()].join(', ')})`);
        add(seen.devices, 'distinct-device');
      }
      if (seen.concurrent) {
        const [a, b] = seen.concurrent;
        reasons.push(
          `concurrent use from ${a.ip} and ${b.ip} ${Math.round((b.ts! - a.ts!) / 1000)} s apart at ${iso(a.ts)}`,
        );
        events.push(
          { entry: a, role: 'concurrent', tokenHash: hash },
          { entry: b, role: 'concurrent', tokenHash: hash },
        );
      }
      if (reasons.length === 0) continue;
      const track = timeline.tokens.get(hash)!;
      findings.add({
        detector: replay,
        severity: seen.concurrent || seen.agents.size > parameters.maxDistinctUserAgents ? 'high' : 'medium',
        scope: hash,
        message: `${tokenName(hash, track.facts?.jti)} was used from ${reasons.join('; ')}.`,
        explanation:
          'A bearer token works for whoever holds it. One token coming from several networks, programs or devices — or from two places at once — means it was copied and replayed. The first event shows the legitimate client; the others show where the copy went. Sender-constrained tokens (DPoP, mTLS) prevent this.',
        tokenHashes: [hash],
        ...ownerOf(track),
        events,
        detail: {
          distinctIps: seen.ips.size,
          distinctUserAgents: seen.agents.size,
          distinctDevices: seen.devices.size,
          concurrent: seen.concurrent !== undefined,
        },
      });
    }
    reportSharedJti(timeline, findings);
    return undefined;
  },
});

function reportSharedJti(
  timeline: Parameters<typeof replay.run>[0]['timeline'],
  findings: Parameters<typeof replay.run>[0]['findings'],
): void {
  const byJti = new Map<string, string[]>();
  for (const facts of timeline.facts.values()) {
    if (facts.jti === undefined || !timeline.tokens.has(facts.tokenHash)) continue;
    const list = byJti.get(facts.jti) ?? [];
    list.push(facts.tokenHash);
    byJti.set(facts.jti, list);
  }
  for (const [jti, hashes] of byJti) {
    if (hashes.length < 2) continue;
    const events: ProvingEvent[] = hashes.flatMap((hash) => {
      const step = timeline.tokens.get(hash)!.steps.find((item) => item.use !== 'seen');
      return step ? [{ entry: step.entry, role: 'same-jti', tokenHash: hash }] : [];
    });
    findings.add({
      detector: replay,
      scope: `jti:${jti}`,
      message: `jti "${jti}" is carried by ${hashes.length} different tokens; a jti must identify exactly one token.`,
      explanation:
        'Issuers give every token a unique jti so that replays can be recognised. Several tokens with one jti are re-signed or altered copies of one token, or an issuer that reuses identifiers; compare their claims and signatures.',
      tokenHashes: hashes,
      events,
      detail: { jti, tokens: hashes.length },
    });
  }
}
