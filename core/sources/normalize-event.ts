import { countryCode } from '../geo/country-code';
import type { GeoLocator } from '../geo/types';
import { parseUserAgent, type ParsedUserAgent } from '../useragent/parse-user-agent';
import type { TokenCollector } from './collect-tokens';
import { compact } from './fields';
import type { EventDraft, RawRecord } from './format';
import { readIpAddress } from './ip-address';
import type { AuthEvent, SourceFormatName } from './types';

/** What every event of one file shares. */
export interface FileContext {
  readonly file: string;
  readonly sha256: string;
  readonly format: SourceFormatName;
  readonly tokens: TokenCollector;
  readonly geo?: GeoLocator;
  readonly agents: Map<string, ParsedUserAgent>;
}

/**
 * Turn a format's draft into the normalized event: source reference, tokens and hashes, parsed agent, geo. An `ip`
 * that is not an address is not used as one (the address in a `host:port` or forwarded-for list is; text such as
 * `AWS Internal` leaves `ip` empty), and a country name becomes its ISO 3166-1 code; what the record wrote then
 * stays in `details.ipAsLogged` / `details.countryAsLogged`.
 */
export function normalizeEvent(draft: EventDraft, record: RawRecord, context: FileContext): AuthEvent {
  const text = draft.record ?? record.text;
  const tokens = context.tokens.collect(draft.tokens, text);
  const line = draft.line ?? record.line;
  const index = draft.index ?? record.index;
  const loggedIp = draft.ip?.trim() || undefined;
  const ip = loggedIp === undefined ? undefined : readIpAddress(loggedIp);
  const userAgent = draft.userAgent?.trim() || undefined;
  const loggedCountry = draft.geo?.country;
  const country = loggedCountry === undefined ? undefined : countryCode(loggedCountry);
  const geo = draft.geo
    ? country !== loggedCountry
      ? { ...draft.geo, country }
      : draft.geo
    : ip && context.geo
      ? context.geo.lookup(ip)
      : undefined;
  // What the record wrote, when it is not what the event carries: the evidence, kept beside the normalized value.
  const asLogged = compact({
    ipAsLogged: loggedIp !== ip ? loggedIp : undefined,
    countryAsLogged: country !== loggedCountry ? loggedCountry : undefined,
  });
  const event = {
    ts: draft.ts,
    time: draft.time,
    source: compact({ file: context.file, sha256: context.sha256, format: context.format, line, index }),
    kind: draft.kind,
    action: draft.action,
    outcome: draft.outcome,
    reason: draft.reason,
    subject: draft.subject,
    clientId: draft.clientId,
    appVersion: draft.appVersion,
    sessionId: draft.sessionId,
    jti: draft.jti,
    tokenHashes: tokens.map((token) => token.hash),
    tokens,
    ip,
    userAgent,
    agent: userAgent ? agentOf(userAgent, context.agents) : undefined,
    geo,
    http: draft.http,
    details:
      asLogged.ipAsLogged !== undefined || asLogged.countryAsLogged !== undefined
        ? { ...draft.details, ...asLogged }
        : draft.details,
    record: text,
  };
  return compact(event) as AuthEvent;
}

function agentOf(userAgent: string, cache: Map<string, ParsedUserAgent>): ParsedUserAgent {
  let parsed = cache.get(userAgent);
  if (!parsed) {
    parsed = parseUserAgent(userAgent);
    if (cache.size >= 10_000) cache.clear();
    cache.set(userAgent, parsed);
  }
  return parsed;
}
