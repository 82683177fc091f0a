import { FLAW_LABELS, type FlawClass } from '../acceptance/flaws';
import { tokenRequestSummary, type TokenRequest } from '../acceptance/token-requests';
import type { ProvingEvent } from '../finding-builder';
import { iso, tokenName } from '../util/describe';
import { defineDetector } from './detector';
import { ownerOf } from './token-steps';

/** The request line a message quotes: method, path and status. */
function requestLine(request: TokenRequest): string {
  const { entry } = request;
  return `${entry.method !== undefined ? `${entry.method} ` : ''}${entry.host ?? ''}${entry.path ?? ''} → ${request.status}`;
}

/**
 * An API answered 2xx/3xx to a token a correct verifier must refuse: the hole is in that API's verification code.
 * One finding per token and API; refusals of the same token at the same API are linked as `refused`.
 */
export const badTokenAccepted = defineDetector({
  id: 'bad-token-accepted',
  title: 'API accepted a token it must refuse',
  description:
    'A request carrying the token was answered 2xx or 3xx although a correct verifier must refuse the token: unsigned or alg none, key confusion, a key the token brings (jwk, jku, x5u), an invalid signature, a key unknown to the issuer or outside its validity window, expired or not yet valid at the time of the request (beyond the clock skew), an issuer the case does not expect, or an audience the API does not serve. 401/403 answers to such tokens are recorded as refused.',
  severity: 'critical',
  defaults: {},
  parameterHelp: {},
  references: [
    'RFC 8725 §3.1, §3.8, §3.9, §3.10 (JWT best current practices)',
    'RFC 7519 §7.2 (validating a JWT)',
    'RFC 9068 §4 (access-token validation)',
    'CVE-2015-9235',
    'CVE-2018-0114',
  ],
  run({ timeline, common, findings }) {
    const { answered, flawed } = tokenRequestSummary(timeline, common);
    if (answered === 0) return 'no answered request (HTTP status) carries a token';
    const groups = new Map<string, { accepted: TokenRequest[]; refused: TokenRequest[]; flaws: Set<FlawClass> }>();
    for (const request of flawed) {
      const key = `${request.tokenHash}|${request.api.key}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { accepted: [], refused: [], flaws: new Set() }));
      group[request.answer].push(request);
      if (request.answer === 'accepted') for (const flaw of request.flaws) group.flaws.add(flaw);
    }
    for (const [scope, group] of groups) {
      const first = group.accepted[0];
      if (!first) continue;
      const track = timeline.tokens.get(first.tokenHash);
      const flaws = [...group.flaws];
      const api = first.api;
      const where = `${api.name}${api.configured ? ` (${api.configured.baseUrl})` : ''}`;
      const events: ProvingEvent[] = [
        ...group.accepted.map((request) => ({ entry: request.entry, role: 'accepted', tokenHash: request.tokenHash })),
        ...group.refused.map((request) => ({ entry: request.entry, role: 'refused', tokenHash: request.tokenHash })),
      ];
      const statuses = [...new Set(group.accepted.map((request) => request.status))].sort((a, b) => a - b);
      findings.add({
        detector: badTokenAccepted,
        scope,
        message: `${where} accepted ${tokenName(first.tokenHash, track?.facts?.jti)} ${group.accepted.length} time(s) (${statuses.join(', ')}) although a correct verifier refuses it: ${flaws.map((flaw) => FLAW_LABELS[flaw]).join('; ')}. First at ${iso(first.entry.ts)}: ${requestLine(first)}.${group.refused.length > 0 ? ` The same token was refused ${group.refused.length} time(s) there (401/403).` : ''}`,
        explanation:
          "A forged or unusable token that gets a 401 is an attempt; the same token answered with success proves a hole in this API's verification code: it does not enforce what the flaw names (signature and algorithm pinned to the issuer's keys, exp/nbf, iss, aud). Fix the verifier, then treat everything this API did for the token as done by whoever held it. The API's profile (APIs view, analyze --json \"api-profile\" records) shows which other flaws it accepts.",
        tokenHashes: [first.tokenHash],
        ...(track ? ownerOf(track) : {}),
        events,
        eventCount: events.length,
        detail: {
          api: api.key,
          apiName: api.name,
          host: api.host ?? null,
          path: api.pathPrefix,
          flaws: flaws.join(' '),
          flaw: flaws[0]!,
          accepted: group.accepted.length,
          refused: group.refused.length,
          firstRequest: `${first.entry.method ?? ''} ${first.entry.path ?? ''}`.trim(),
          firstStatus: first.status,
        },
      });
    }
    return undefined;
  },
});
