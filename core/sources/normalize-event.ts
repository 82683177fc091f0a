import type { GeoLocator } from '../geo/types';
import { parseUserAgent, type ParsedUserAgent } from '../useragent/parse-user-agent';
import type { TokenCollector } from './collect-tokens';
import { compact } from './fields';
import type { EventDraft, RawRecord } from './format';
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

/** Turn a format's draft into the normalized event: source reference, tokens and hashes, parsed agent, geo. */
export function normalizeEvent(draft: EventDraft, record: RawRecord, context: FileContext): AuthEvent {
  const text = draft.record ?? record.text;
  const tokens = context.tokens.collect(draft.tokens, text);
  const line = draft.line ?? record.line;
  const index = draft.index ?? record.index;
  const ip = draft.ip?.trim() || undefined;
  const userAgent = draft.userAgent?.trim() || undefined;
  const geo = draft.geo ?? (ip && context.geo ? context.geo.lookup(stripPort(ip)) : undefined);
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
    details: draft.details,
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

/** `203.0.113.7:51234` → `203.0.113.7`; `[2001:db8::1]:443` → `2001:db8::1`; bare IPv6 is left alone. */
function stripPort(ip: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(ip);
  if (v4) return v4[1]!;
  const first = ip.split(',')[0]!.trim(); // X-Forwarded-For chains: the client is the first
  return first;
}
