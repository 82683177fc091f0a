import { compact, withTime, firstText, numberAt, objectAt, readTime, stringDetails, textAt, valueAt } from '../fields';
import type { SourceFormat } from '../format';
import { parseIsoTime } from '../parse-time';
import type { AuthEventKind } from '../types';
import { tokenReferenceNames } from '../token-reference-fields';

/**
 * Auth0 tenant logs (Management API `GET /api/v2/logs` as a JSON array, a log-stream export as JSON Lines, or the
 * stream envelope `{ "log_id", "data": {…} }`). The `type` code says what happened: `s`/`f` login success/failure,
 * `seacft`/`feacft` code exchange, `sertft`/`fertft` refresh-token exchange, `srrt` refresh-token revocation, `slo`
 * logout and so on (Auth0 "Log Event Type Codes").
 */
const ISSUE = new Set(['seacft', 'seccft', 'sepft', 'seoobft', 'seotpft', 'sercft', 'sede', 'sd']);
const LOGIN = new Set(['s', 'ssa', 'scoa', 'sens']);
const REFRESH = new Set(['sertft']);
const REVOKE = new Set(['srrt']);
const LOGOUT = new Set(['slo', 'oidc_backchannel_logout_succeeded']);

function kindOf(type: string): AuthEventKind {
  if (REFRESH.has(type)) return 'refresh';
  if (ISSUE.has(type)) return 'issue';
  if (REVOKE.has(type)) return 'revoke';
  if (LOGIN.has(type)) return 'login';
  if (LOGOUT.has(type)) return 'logout';
  if (
    /^f/.test(type) ||
    type.startsWith('limit_') ||
    type === 'pwd_leak' ||
    type === 'api_limit' ||
    type.endsWith('_failed')
  )
    return 'failure';
  return 'other';
}

/** The Auth0 tenant log format. */
export const auth0: SourceFormat = {
  name: 'auth0',
  title: 'Auth0 tenant logs',
  framing: 'json',
  detect(sample) {
    if (/"log_id"\s*:/.test(sample) && /"type"\s*:\s*"[a-z_]{1,40}"/.test(sample)) return 0.9;
    if (
      /"type"\s*:\s*"(s|f|slo|seacft|feacft|sertft|fertft|ssa|fsa|fp|fu|srrt)"/.test(sample) &&
      /"date"\s*:/.test(sample)
    )
      return 0.85;
    return 0;
  },
  createParser: (options) => {
    const referenceNames = tokenReferenceNames(options.tokenReferenceFields);
    return {
      parse(record) {
        const outer = objectAt(record.value);
        if (!outer) return { rejected: 'not-a-record', message: 'an Auth0 log event must be a JSON object' };
        const event = objectAt(outer.data) && textAt(outer.data, 'type') ? objectAt(outer.data)! : outer;
        const type = textAt(event.type) ?? '';
        const kind = kindOf(type);
        const location = objectAt(event.location_info);
        const details = valueAt(event, 'details');
        return [
          withTime(readTime(event.date, 'date', parseIsoTime), {
            kind,
            action: type || undefined,
            outcome:
              kind === 'failure' ? ('failure' as const) : type.startsWith('s') ? ('success' as const) : undefined,
            reason: kind === 'failure' ? textAt(event.description) : undefined,
            subject: firstText(event, 'user_id', 'user_name'),
            clientId: textAt(event.client_id),
            sessionId: firstText(event, 'session_id', 'details.session_id', 'session_connection'),
            jti: firstText(event, 'details.jti', 'details.token_id'),
            ip: textAt(event.ip),
            userAgent: textAt(event.user_agent),
            geo: location
              ? compact({
                  source: 'log' as const,
                  country: textAt(location.country_code),
                  region: textAt(location.subdivision_name),
                  city: textAt(location.city_name),
                  latitude: numberAt(location, 'latitude'),
                  longitude: numberAt(location, 'longitude'),
                })
              : undefined,
            details: compact({
              username: textAt(event.user_name),
              logId: firstText(outer, 'log_id', '_id') ?? textAt(event.log_id),
              clientName: textAt(event.client_name),
              connection: textAt(event.connection),
              audience: textAt(event.audience),
              scope: textAt(event.scope),
              hostname: textAt(event.hostname),
              description: textAt(event.description),
              // Digest and jti fields an Action may add: kept so the timeline can link the record to its token.
              ...stringDetails(details, ['grant_type', 'prompts', 'error', ...referenceNames]),
            }) as Record<string, string>,
          }),
        ];
      },
    };
  },
};
