import type { TokenRole } from '../../sources/types';
import type { Timeline } from '../correlate';
import type { Entry } from '../entry';
import type { CommonParameters, KeyHistoryEntry, TokenFacts } from '../types';
import { apiOfRequest, apiTarget, normalizeHost, requestPath, type ConfiguredApi } from '../util/api-match';
import { requestFlaws, signatureFlaw, type FlawClass } from './flaws';

/** How the API answered: 2xx/3xx accepted the token, 401/403 refused it; anything else says nothing about it. */
export type Answer = 'accepted' | 'refused';

/** The API a request is grouped under: a configured one, or its host and path prefix. */
export interface ApiGroup {
  /** Stable key: `api:` + the configured name, or `host:` + host + path prefix. */
  readonly key: string;
  readonly name: string;
  readonly host?: string;
  readonly pathPrefix: string;
  readonly configured?: ConfiguredApi;
}

/** One token presented in one answered request, with what a correct verifier would have found wrong with it. */
export interface TokenRequest {
  readonly entry: Entry;
  readonly tokenHash: string;
  readonly api: ApiGroup;
  readonly status: number;
  readonly answer: Answer;
  /** Empty when a correct verifier would accept the token here (or the token was not analysed). */
  readonly flaws: readonly FlawClass[];
  readonly facts?: TokenFacts;
}

/** The answer a status gives, or undefined for statuses that neither accept nor refuse a token (404, 429, 5xx…). */
export function answerOf(status: number): Answer | undefined {
  if (status >= 200 && status < 400) return 'accepted';
  if (status === 401 || status === 403) return 'refused';
  return undefined;
}

const VERSION = /^(v\d+(\.\d+)*|api|rest)$/i;

/**
 * The path prefix that names an API when the case configures none: leading `api`/version segments, the first other
 * segment, and version segments right after it (`/orders/v2/items/7` → `/orders/v2`, `/api/v1/users/3` →
 * `/api/v1/users`). Resource ids further down would split one API into thousands.
 */
export function pathPrefix(path: string): string {
  const segments = requestPath(path).split(/[?#]/, 1)[0]!.split('/').filter(Boolean);
  const kept: string[] = [];
  let named = false;
  for (const segment of segments) {
    if (VERSION.test(segment)) kept.push(segment);
    else if (!named) {
      kept.push(segment);
      named = true;
    } else break;
  }
  return `/${kept.join('/')}`;
}

function groupOf(entry: Entry, configured: ConfiguredApi | undefined): ApiGroup {
  if (configured) {
    const target = apiTarget(configured);
    return {
      key: `api:${configured.name}`,
      name: configured.name,
      ...(target.host !== undefined ? { host: target.host } : {}),
      pathPrefix: target.path,
      configured,
    };
  }
  const host = entry.host !== undefined ? normalizeHost(entry.host) : undefined;
  const prefix = pathPrefix(entry.path ?? '/');
  return {
    key: `host:${host ?? ''}${prefix}`,
    name: `${host ?? ''}${prefix}`,
    ...(host !== undefined ? { host } : {}),
    pathPrefix: prefix,
  };
}

/**
 * Roles in which a request hands a token to the API's verifier: the Authorization header, a cookie, a query parameter,
 * a gateway log's token field. A token found only in free text (a Referer, a message) was not necessarily presented.
 */
const CARRIER_ROLES: ReadonlySet<TokenRole> = new Set(['authorization', 'cookie', 'query', 'access_token', 'field']);

function carriedForVerification(entry: Entry, hash: string): boolean {
  return entry.roles.some((role) => role.hash === hash && CARRIER_ROLES.has(role.role));
}

const cache = new WeakMap<Timeline, { skew: number; requests: TokenRequest[] }>();

/**
 * Every token presented in a request the evidence shows answered (HTTP status 2xx, 3xx, 401 or 403), joined with the
 * token's facts and the flaws a correct verifier must refuse it for at that time and at that API. One pass over the
 * timeline; computed once per timeline and clock skew (the detector and the profiles share it).
 */
export function tokenRequests(timeline: Timeline, common: CommonParameters): readonly TokenRequest[] {
  const skew = common.clockSkewSeconds * 1000;
  const cached = cache.get(timeline);
  if (cached && cached.skew === skew) return cached.requests;
  const targets = (timeline.caseConfig?.apis ?? []).map(apiTarget);
  let keysKnown = false;
  for (const facts of timeline.facts.values())
    if (facts.signature === 'valid' || facts.signature === 'invalid') {
      keysKnown = true;
      break;
    }
  const byKid = new Map<string, KeyHistoryEntry>();
  const byThumbprint = new Map<string, KeyHistoryEntry>();
  for (const key of timeline.keyHistory) {
    byKid.set(key.kid, key);
    if (key.thumbprint) byThumbprint.set(key.thumbprint, key);
  }
  const signatureFlaws = new Map<string, FlawClass | undefined>();
  const requests: TokenRequest[] = [];
  const groups = new Map<string, ApiGroup>();
  // Logs repeat the same host and path many times: match each distinct pair once (at most one memo per entry).
  const places = new Map<string, { configured?: ConfiguredApi; api: ApiGroup }>();
  for (const entry of timeline.entries) {
    if (entry.status === undefined || entry.path === undefined) continue;
    const answer = answerOf(entry.status);
    if (!answer) continue;
    const placeKey = `${entry.host ?? ''}\u0000${entry.path}`;
    let place = places.get(placeKey);
    if (!place) {
      const configured = apiOfRequest(targets, entry, true);
      const group = groupOf(entry, configured);
      const api = groups.get(group.key) ?? (groups.set(group.key, group), group);
      place = configured ? { configured, api } : { api };
      places.set(placeKey, place);
    }
    const { configured, api } = place;
    for (const token of entry.tokens) {
      if (token.use !== 'presented' || !carriedForVerification(entry, token.hash)) continue;
      const facts = timeline.facts.get(token.hash);
      let flaws: FlawClass[] = [];
      if (facts) {
        if (!signatureFlaws.has(token.hash)) signatureFlaws.set(token.hash, signatureFlaw(facts, keysKnown));
        const signer = facts.signature === 'valid' ? facts.signingKey : undefined;
        flaws = requestFlaws(facts, signatureFlaws.get(token.hash), {
          ts: entry.ts!,
          api: configured,
          caseConfig: timeline.caseConfig,
          signingKey: signer
            ? (byThumbprint.get(signer.thumbprint) ?? (signer.kid !== undefined ? byKid.get(signer.kid) : undefined))
            : undefined,
          clockSkewMs: skew,
        });
      }
      requests.push({
        entry,
        tokenHash: token.hash,
        api,
        status: entry.status,
        answer,
        flaws,
        ...(facts ? { facts } : {}),
      });
    }
  }
  cache.set(timeline, { skew, requests });
  return requests;
}
