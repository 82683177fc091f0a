import { compact, withTime, firstText, objectAt, readTime, stringDetails, textAt } from '../fields';
import type { RawRecord, RecordResult, SourceFormat } from '../format';
import { parseEpochTime, parseIsoTime } from '../parse-time';
import type { AuthEventKind } from '../types';
import { holdsKeycloakEventLine, keyValuePairs, splitKeycloakLine } from './keycloak-text-line';

/**
 * Keycloak user events: the admin REST API's JSON (`GET /admin/realms/{realm}/events`: `time` in epoch ms, `type`,
 * `realmId`, `clientId`, `userId`, `sessionId`, `ipAddress`, `error`, `details`), a JSON-Lines event listener's
 * output, or the `jboss-logging` listener's text lines (`… type=LOGIN, realmId=…, clientId=…` — values quoted in
 * newer releases). `details.token_id` is the token's jti; `refresh_token_id` is kept in details.
 */
const KINDS: Record<string, AuthEventKind> = {
  CODE_TO_TOKEN: 'issue', CLIENT_LOGIN: 'issue', TOKEN_EXCHANGE: 'issue', IMPERSONATE: 'issue', PERMISSION_TOKEN: 'issue', OAUTH2_DEVICE_CODE_TO_TOKEN: 'issue',
  REFRESH_TOKEN: 'refresh', REVOKE_GRANT: 'revoke', LOGIN: 'login', IDENTITY_PROVIDER_LOGIN: 'login', LOGOUT: 'logout',
  INTROSPECT_TOKEN: 'use', USER_INFO_REQUEST: 'use',
};
const DETAIL_KEYS = ['token_id', 'refresh_token_id', 'updated_refresh_token_id', 'grant_type', 'refresh_token_type', 'scope', 'auth_method', 'client_auth_method', 'username', 'redirect_uri', 'code_id', 'reason'];

function kindOf(type: string): AuthEventKind {
  if (type.endsWith('_ERROR')) return 'failure';
  return KINDS[type] ?? 'other';
}

// jboss-logging line: "<time> <LEVEL> [org.keycloak.events] (<thread>) type=LOGIN, realmId=..., key=value, ..."
function parseTextLine(record: RawRecord): RecordResult {
  const parts = splitKeycloakLine(record.text);
  if (!parts) return record.text.trim() === '' ? [] : { rejected: 'malformed-line', message: 'neither a JSON event nor an [org.keycloak.events] log line' };
  const fields = keyValuePairs(parts.body);
  const value = { ...fields, details: fields };
  return toDraft(value, parts.time || undefined);
}

function toDraft(event: Record<string, unknown>, lineTime?: string): RecordResult {
  const type = textAt(event.type) ?? '';
  const details = objectAt(event.details) ?? {};
  const time = event.time ?? lineTime;
  const kind = kindOf(type);
  return [withTime(readTime(time, 'time', (text) => parseIsoTime(text.replace(',', '.')) ?? parseEpochTime(text)), {
    kind,
    action: type || undefined,
    outcome: kind === 'failure' ? ('failure' as const) : type ? ('success' as const) : undefined,
    reason: textAt(event.error),
    subject: firstText(event, 'userId', 'details.username') ?? textAt(details.username),
    clientId: textAt(event.clientId),
    sessionId: textAt(event.sessionId),
    jti: textAt(details.token_id),
    ip: textAt(event.ipAddress),
    details: compact({ realm: firstText(event, 'realmName', 'realmId'), error: textAt(event.error), id: textAt(event.id), ...stringDetails(details, DETAIL_KEYS) }) as Record<string, string>,
  })];
}

/** The Keycloak events format. */
export const keycloak: SourceFormat = {
  name: 'keycloak',
  title: 'Keycloak events',
  framing: 'json',
  textLines: true,
  detect(sample) {
    if (/"realmId"\s*:/.test(sample) && /"type"\s*:\s*"[A-Z_]+"/.test(sample)) return 0.9;
    if (holdsKeycloakEventLine(sample)) return 0.9;
    return 0;
  },
  createParser: () => ({
    parse(record) {
      if (record.value === undefined) return parseTextLine(record);
      const event = objectAt(record.value);
      if (!event) return { rejected: 'not-a-record', message: 'a Keycloak event must be a JSON object' };
      return toDraft(event);
    },
  }),
};
