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

/** Every answered request carrying a token to one API, counted. */
export interface ApiTally {
  readonly api: ApiGroup;
  requests: number;
  accepted: number;
  refused: number;
  /** Distinct tokens presented. */
  readonly tokens: Set<string>;
}

/** What the detector and the API profiles read of the answered token requests. */
export interface TokenRequestSummary {
  /** Answered requests carrying a token. */
  readonly answered: number;
  /** The requests whose token a correct verifier refuses there and then (at least one flaw), in time order. */
  readonly flawed: readonly TokenRequest[];
  /** Every answered request counted per API (keyed by the API's key), in the order the APIs were first seen. */
  readonly apis: ReadonlyMap<string, ApiTally>;
}

const summaries = new WeakMap<Timeline, { skew: number; summary: TokenRequestSummary }>();

/**
 * The answered token requests of the timeline ({@link tokenRequests}) as the detector and the API profiles read
 * them, made in one pass and kept per timeline and clock skew. Only the flawed requests are kept whole: keeping every
 * request (about one per event) cost ~60 bytes per event at the analysis's peak (npm run bench -- analysis-memory).
 */
export function tokenRequestSummary(timeline: Timeline, common: CommonParameters): TokenRequestSummary {
  const skew = common.clockSkewSeconds * 1000;
  const cached = summaries.get(timeline);
  if (cached && cached.skew === skew) return cached.summary;
  let answered = 0;
  const flawed: TokenRequest[] = [];
  const apis = new Map<string, ApiTally>();
  for (const request of tokenRequests(timeline, common)) {
    answered++;
    if (request.flaws.length > 0) flawed.push(request);
    let tally = apis.get(request.api.key);
    if (!tally)
      apis.set(
        request.api.key,
        (tally = { api: request.api, requests: 0, accepted: 0, refused: 0, tokens: new Set() }),
      );
    tally.requests++;
    tally[request.answer]++;
    tally.tokens.add(request.tokenHash);
  }
  const summary = { answered, flawed, apis };
  summaries.set(timeline, { skew, summary });
  return summary;
}

/**
 * Every token presented in a request the evidence shows answered (HTTP status 2xx, 3xx, 401 or 403), joined with the
 * token's facts and the flaws a correct verifier must refuse it for at that time and at that API. One pass over the
 * timeline, made as it is read.
 */
function* tokenRequests(timeline: Timeline, common: CommonParameters): Generator<TokenRequest> {
  const skew = common.clockSkewSeconds * 1000;
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
      yield {
        entry,
        tokenHash: token.hash,
        api,
        status: entry.status,
        answer,
        flaws,
        ...(facts ? { facts } : {}),
      };
    }
  }
}
