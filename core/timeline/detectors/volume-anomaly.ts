import type { Entry } from '../entry';
import { duration, iso } from '../util/describe';
import { bestName } from '../identity/best-name';
import { defineDetector, type DetectorContext } from './detector';

interface Window {
  readonly entries: Entry[];
  head: number;
  burst?: { start: Entry; count: number; peak: number; sample: Entry[] };
}

/** More events for one token or one subject within a sliding window than the limit. */
export const volumeAnomaly = defineDetector({
  id: 'volume-anomaly',
  title: 'Burst of activity',
  description:
    'More events of one token, or of one subject, fall within any sliding window than the limit: scripted use of a stolen token, credential stuffing against one user, or a refresh loop.',
  severity: 'medium',
  defaults: { windowSeconds: 60, maxPerToken: 120, maxPerSubject: 300 },
  parameterHelp: {
    windowSeconds: 'Length of the sliding window, in seconds.',
    maxPerToken: 'Most events one token may have within a window (0 disables the per-token check).',
    maxPerSubject: 'Most events one subject may have within a window (0 disables the per-subject check).',
  },
  references: [
    'OWASP API Security Top 10 2023, API4 (unrestricted resource consumption)',
    'MITRE ATT&CK T1110 (brute force)',
  ],
  run(context) {
    const { timeline, parameters } = context;
    const windowMs = parameters.windowSeconds * 1000;
    const windows = new Map<string, Window>();
    const close = (key: string, window: Window) => {
      if (window.burst) report(context, key, window.burst);
      window.burst = undefined;
    };
    const push = (key: string, entry: Entry, limit: number) => {
      let window = windows.get(key);
      if (!window) {
        window = { entries: [], head: 0 };
        windows.set(key, window);
      }
      const ts = entry.ts!;
      while (window.head < window.entries.length && window.entries[window.head]!.ts! <= ts - windowMs) window.head++;
      if (window.head > 1024 && window.head * 2 > window.entries.length) {
        window.entries.splice(0, window.head);
        window.head = 0;
      }
      const inWindow = window.entries.length - window.head;
      if (window.burst && inWindow <= limit) close(key, window);
      window.entries.push(entry);
      const count = inWindow + 1;
      if (count > limit) {
        if (!window.burst)
          window.burst = {
            start: window.entries[window.head]!,
            count: count - 1,
            peak: 0,
            sample: window.entries.slice(window.head, window.head + 50),
          };
        window.burst.count++;
        window.burst.peak = Math.max(window.burst.peak, count);
        if (window.burst.sample.length < 100) window.burst.sample.push(entry);
      }
    };
    for (const entry of timeline.entries) {
      if (entry.kind === 'key-rotation') continue;
      if (parameters.maxPerToken > 0)
        for (const token of entry.tokens)
          if (token.use !== 'seen') push(`token\u0000${token.hash}`, entry, parameters.maxPerToken);
      if (parameters.maxPerSubject > 0 && entry.effectiveSubject !== undefined)
        push(`subject\u0000${entry.effectiveSubject}`, entry, parameters.maxPerSubject);
    }
    for (const [key, window] of windows) close(key, window);
    return undefined;
  },
});

function report(
  context: DetectorContext<typeof volumeAnomaly.defaults>,
  key: string,
  burst: NonNullable<Window['burst']>,
): void {
  const { parameters, findings, timeline, identities } = context;
  const [scope, value] = key.split('\u0000') as ['token' | 'subject', string];
  const last = burst.sample[burst.sample.length - 1]!;
  const limit = scope === 'token' ? parameters.maxPerToken : parameters.maxPerSubject;
  const name =
    scope === 'token'
      ? `Token ${value.slice(0, 12)}…${timeline.facts.get(value)?.jti !== undefined ? ` (jti ${timeline.facts.get(value)!.jti})` : ''}`
      : `Subject ${bestName(identities, value)}`;
  findings.add({
    detector: volumeAnomaly,
    scope: key.replace('\u0000', ':'),
    message: `${name} had ${burst.count} events from ${iso(burst.start.ts)}, up to ${burst.peak} within ${parameters.windowSeconds} s (limit ${limit}); the burst lasted at least ${duration(last.ts! - burst.start.ts!)}.`,
    explanation:
      "People do not click hundreds of times a minute. A burst from one token is usually a script using a copied token (data export, enumeration); a burst against one subject is usually password spraying or credential stuffing. Look at the paths, IPs and outcomes of the burst's events.",
    tokenHashes:
      scope === 'token'
        ? [value]
        : [...new Set(burst.sample.flatMap((entry) => entry.tokens.map((token) => token.hash)))].slice(0, 20),
    ...(scope === 'subject'
      ? { subject: value }
      : burst.start.effectiveSubject !== undefined
        ? { subject: burst.start.effectiveSubject }
        : {}),
    events: burst.sample.map((entry) => ({ entry, role: 'burst', ...(scope === 'token' ? { tokenHash: value } : {}) })),
    eventCount: burst.count,
    detail: { scope, events: burst.count, peakPerWindow: burst.peak, windowSeconds: parameters.windowSeconds, limit },
  });
}
