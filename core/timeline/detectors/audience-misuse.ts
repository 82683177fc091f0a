import type { ProvingEvent } from '../finding-builder';
import { apiOfRequest, apiTarget, type ConfiguredApi } from '../util/api-match';
import { countOf, iso, tokenName } from '../util/describe';
import { defineDetector } from './detector';
import { ownerOf } from './token-steps';

type Api = ConfiguredApi;

/** A token presented to a configured API whose audiences its aud claim does not name. */
export const audienceMisuse = defineDetector({
  id: 'audience-misuse',
  title: 'Token presented to the wrong API',
  description:
    "A request carrying the token goes to an API of the case configuration (host and path under its baseUrl) whose audiences do not include any of the token's aud values — or the token has no aud at all.",
  severity: 'high',
  defaults: { flagMissingAudience: true, matchPathWithoutHost: true },
  parameterHelp: {
    flagMissingAudience: 'Also report tokens without an aud claim presented to a configured API (severity medium).',
    matchPathWithoutHost:
      'Match requests whose log has no host (plain access logs) by path alone, against the path of each baseUrl.',
  },
  references: ['RFC 7519 §4.1.3 (aud)', 'RFC 8725 §3.9 (use and validate audience)', 'RFC 9068 §4'],
  run({ timeline, parameters, findings }) {
    const apis = timeline.caseConfig?.apis ?? [];
    if (apis.length === 0) return 'no APIs configured (case-config.json "apis")';
    const targets = apis.map(apiTarget);
    const groups = new Map<
      string,
      { hash: string; api: Api; audiences?: readonly string[]; events: ProvingEvent[]; count: number }
    >();
    for (const entry of timeline.entries) {
      if (entry.path === undefined) continue;
      for (const token of entry.tokens) {
        if (token.use !== 'presented') continue;
        const facts = timeline.facts.get(token.hash);
        if (!facts) continue;
        const api = apiOfRequest(targets, entry, parameters.matchPathWithoutHost);
        if (!api) continue;
        const audiences = facts.audiences;
        if (
          audiences === undefined
            ? !parameters.flagMissingAudience
            : audiences.some((aud) => api.audiences.includes(aud))
        )
          continue;
        const key = `${token.hash}|${api.name}`;
        let group = groups.get(key);
        if (!group) {
          group = { hash: token.hash, api, audiences, events: [], count: 0 };
          groups.set(key, group);
        }
        group.count++;
        if (group.events.length < 200) group.events.push({ entry, role: 'use', tokenHash: token.hash });
      }
    }
    for (const [key, group] of groups) {
      const first = group.events[0]!.entry;
      const track = timeline.tokens.get(group.hash)!;
      const audText =
        group.audiences === undefined
          ? 'carries no aud claim'
          : `is for ${group.audiences.map((aud) => `"${aud}"`).join(', ')}`;
      findings.add({
        detector: audienceMisuse,
        severity: group.audiences === undefined ? 'medium' : 'high',
        scope: key,
        message:
          `${tokenName(group.hash, track.facts?.jti)} ${audText}, but was presented ${countOf(group.count, 'time')} to ${group.api.name} (${group.api.baseUrl}, accepts ${group.api.audiences.map((aud) => `"${aud}"`).join(', ')}), first at ${iso(first.ts)}: ${first.method ?? ''} ${first.path}.`.replace(
            ':  ',
            ': ',
          ),
        explanation:
          'An audience says which API a token is meant for. A token used at another API was either stolen from the API it was meant for and replayed here, or this API does not check aud — so a token leaked from any other service of the same issuer opens it too.',
        tokenHashes: [group.hash],
        ...ownerOf(track),
        events: group.events,
        eventCount: group.count,
        detail: {
          api: group.api.name,
          baseUrl: group.api.baseUrl,
          tokenAudiences: group.audiences?.join(' ') ?? null,
          apiAudiences: group.api.audiences.join(' '),
          uses: group.count,
        },
      });
    }
    return undefined;
  },
});
