import type { ProvingEvent } from '../finding-builder';
import { compareAppVersions, parseAppVersion, type AppVersion } from '../util/app-version';
import { countOf, iso } from '../util/describe';
import { bestName } from '../identity/best-name';
import { defineDetector } from './detector';

/** Tokens issued or refreshed for an app version below the configured minimum. */
export const outdatedClient = defineDetector({
  id: 'outdated-client',
  title: 'Outdated client',
  description:
    "An issue, login or refresh comes from an app version (or build) below the minimum: the record's app version, else the issued token's app_ver/app_version/appVersion claim. Semver order, pre-releases before releases, build numbers compared on equal versions.",
  severity: 'medium',
  defaults: { minimumVersion: '', minimumByClient: {} as Record<string, string> },
  parameterHelp: {
    minimumVersion: 'Lowest acceptable app version; empty means case-config.json "minimumAppVersion".',
    minimumByClient:
      'Per-client minimums by client id, e.g. { "nw-mobile": "5.0.0", "nw-desktop": "2.3.0+410" }; they take precedence.',
  },
  references: ['OWASP MASVS-CODE-2 (enforce app updates)', 'Semantic Versioning 2.0.0 §11'],
  run({ timeline, parameters, findings, identities }) {
    const fallback = parameters.minimumVersion || timeline.caseConfig?.minimumAppVersion || '';
    const minimums = new Map<string, AppVersion | undefined>();
    const minimumFor = (clientId: string | undefined): AppVersion | undefined => {
      const text = (clientId !== undefined ? parameters.minimumByClient[clientId] : undefined) ?? fallback;
      if (!minimums.has(text)) minimums.set(text, text ? parseAppVersion(text) : undefined);
      return minimums.get(text);
    };
    if (!fallback && Object.keys(parameters.minimumByClient).length === 0)
      return 'no minimum app version configured (case-config.json "minimumAppVersion")';
    const groups = new Map<
      string,
      {
        version: string;
        minimum: string;
        clientId?: string;
        subject?: string;
        events: ProvingEvent[];
        tokens: Set<string>;
        count: number;
      }
    >();
    const versions = new Map<string, AppVersion | undefined>();
    for (const entry of timeline.entries) {
      if (entry.kind !== 'issue' && entry.kind !== 'refresh' && entry.kind !== 'login') continue;
      const issued = entry.tokens.filter((token) => token.use === 'issued').map((token) => token.hash);
      const text =
        entry.appVersion ??
        issued.map((hash) => timeline.facts.get(hash)?.appVersion).find((value) => value !== undefined);
      if (text === undefined) continue;
      const clientId =
        entry.clientId ?? issued.map((hash) => timeline.facts.get(hash)?.clientId).find((value) => value !== undefined);
      const minimum = minimumFor(clientId);
      if (!minimum) continue;
      if (!versions.has(text)) versions.set(text, parseAppVersion(text));
      const version = versions.get(text);
      if (!version || compareAppVersions(version, minimum) >= 0) continue;
      const key = `${clientId ?? ''}|${entry.effectiveSubject ?? ''}|${text}`;
      let group = groups.get(key);
      if (!group) {
        group = {
          version: text,
          minimum: minimum.text,
          clientId,
          subject: entry.effectiveSubject,
          events: [],
          tokens: new Set(),
          count: 0,
        };
        groups.set(key, group);
      }
      group.count++;
      for (const hash of issued) group.tokens.add(hash);
      if (group.events.length < 200) group.events.push({ entry, role: entry.kind, tokenHash: issued[0] });
    }
    for (const [key, group] of groups) {
      const first = group.events[0]!.entry;
      findings.add({
        detector: outdatedClient,
        scope: key,
        message: `${first.kind === 'refresh' ? countOf(group.count, 'refresh', 'refreshes') : countOf(group.count, 'token issue')}${group.subject ? ` for ${bestName(identities, group.subject)}` : ''}${group.clientId ? ` (client ${group.clientId})` : ''} came from app version ${group.version}, below the minimum ${group.minimum}; the first at ${iso(first.ts)}${first.ip ? ` from ${first.ip}` : ''}.`,
        explanation:
          "Old app versions are refused for a reason — a known flaw, or a client the attacker has repackaged. A token issued to a version the organisation no longer supports, especially when the user's own device runs a current version, suggests the request came from a different (possibly attacker-controlled) client. Compare its user agent and IP with the user's earlier events.",
        tokenHashes: [...group.tokens],
        ...(group.subject !== undefined ? { subject: group.subject } : {}),
        ...(first.effectiveSession !== undefined ? { sessionId: first.effectiveSession } : {}),
        events: group.events,
        eventCount: group.count,
        detail: {
          appVersion: group.version,
          minimumVersion: group.minimum,
          clientId: group.clientId ?? null,
          events: group.count,
        },
      });
    }
    return undefined;
  },
});
