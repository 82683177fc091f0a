import { compact, withTime, objectAt, readTime, stringDetails, textAt } from '../fields';
import type { RawRecord, RecordParser, RecordResult, SourceFormat } from '../format';
import { parseEpochTime, parseIsoTime } from '../parse-time';
import type { AuthEventKind } from '../types';
import { tokenReferenceNames } from '../token-reference-fields';
import {
  holdsKeycloakEventLine,
  isKeycloakServerLine,
  jsonEventText,
  keyValuePairs,
  splitKeycloakLine,
} from './keycloak-text-line';
import { countOf } from '../../util/count-of';

/**
 * Keycloak user events: the admin REST API's JSON (`GET /admin/realms/{realm}/events`: `time` in epoch ms, `type`,
 * `realmId`, `clientId`, `userId`, `sessionId`, `ipAddress`, `error`, `details`), a JSON-Lines event listener's
 * output (also as `JSON_EVENT::{…}` inside a log line), the `jboss-logging` listener's text lines
 * (`… type=LOGIN, realmId=…, clientId=…` — values quoted in newer releases), or the same lines in Keycloak's JSON
 * console log (`KC_LOG_CONSOLE_OUTPUT=json`: the event in `message`, logger `org.keycloak.events`).
 * `details.token_id` is the token's jti; `refresh_token_id` is kept in details. Keycloak writes an absent user or
 * client as `null` (`userId=null`, `userId="null"`): those are absent, not a user called "null". The server's own log
 * lines (start-up, warnings, stack traces) are skipped and counted in the summary, not turned into events.
 */
const KINDS: Record<string, AuthEventKind> = {
  CODE_TO_TOKEN: 'issue',
  CLIENT_LOGIN: 'issue',
  TOKEN_EXCHANGE: 'issue',
  IMPERSONATE: 'issue',
  PERMISSION_TOKEN: 'issue',
  OAUTH2_DEVICE_CODE_TO_TOKEN: 'issue',
  REFRESH_TOKEN: 'refresh',
  REVOKE_GRANT: 'revoke',
  LOGIN: 'login',
  IDENTITY_PROVIDER_LOGIN: 'login',
  LOGOUT: 'logout',
  INTROSPECT_TOKEN: 'use',
  USER_INFO_REQUEST: 'use',
};
// `username` and `email` (REGISTER, UPDATE_EMAIL…) are the names the identity directory reads beside `userId`.
const DETAIL_KEYS = [
  'token_id',
  'refresh_token_id',
  'updated_refresh_token_id',
  'grant_type',
  'refresh_token_type',
  'scope',
  'auth_method',
  'client_auth_method',
  'username',
  'email',
  'redirect_uri',
  'code_id',
  'reason',
];

// Digest and jti fields a custom event listener may add: kept so the timeline can link the record to its token.

function kindOf(type: string): AuthEventKind {
  if (type.endsWith('_ERROR')) return 'failure';
  return KINDS[type] ?? 'other';
}

/** A field's text, with Keycloak's written-out nulls (`null`, `"null"`, `undefined`) read as absent. */
function known(value: unknown): string | undefined {
  const text = textAt(value);
  return text === undefined || /^(null|undefined)$/i.test(text.trim()) ? undefined : text;
}

function toDraft(event: Record<string, unknown>, referenceNames: readonly string[], lineTime?: unknown): RecordResult {
  const type = known(event.type) ?? '';
  const details = objectAt(event.details) ?? {};
  const time = event.time ?? lineTime;
  const kind = kindOf(type);
  return [
    withTime(
      readTime(time, 'time', (text) => parseIsoTime(text.replace(',', '.')) ?? parseEpochTime(text)),
      {
        kind,
        action: type || undefined,
        outcome: kind === 'failure' ? ('failure' as const) : type ? ('success' as const) : undefined,
        reason: known(event.error),
        // No user id (a failed login for a name that does not exist): the username typed is who the event is about.
        subject: known(event.userId) ?? known(details.username) ?? known(event.username),
        clientId: known(event.clientId),
        sessionId: known(event.sessionId),
        jti: known(details.token_id),
        ip: known(event.ipAddress),
        details: compact({
          realm: known(event.realmName) ?? known(event.realmId),
          error: known(event.error),
          id: known(event.id),
          ...stringDetails(details, [...DETAIL_KEYS, ...referenceNames]),
        }) as Record<string, string>,
      },
    ),
  ];
}

/** Reads one file's records; counts the server log lines it skips. */
class KeycloakParser implements RecordParser {
  private skipped = 0;

  /** `referenceNames`: the digest and jti fields kept from `details` (the common names and the case's). */
  constructor(private readonly referenceNames: readonly string[]) {}

  parse(record: RawRecord): RecordResult {
    if (record.value === undefined) return this.textLine(record);
    const event = objectAt(record.value);
    if (!event) return { rejected: 'not-a-record', message: 'a Keycloak event must be a JSON object' };
    const logger = textAt(event.loggerName);
    if (logger !== undefined && event.type === undefined) return this.jsonLogLine(event, logger);
    return toDraft(event, this.referenceNames);
  }

  describe(): Record<string, string> {
    return this.skipped > 0
      ? {
          skipped: `${countOf(this.skipped, 'Keycloak server log line')} that ${this.skipped === 1 ? 'is not an event' : 'are not events'}`,
        }
      : {};
  }

  // jboss-logging line: "<time> <LEVEL> [org.keycloak.events] (<thread>) type=LOGIN, realmId=..., key=value, ..."
  private textLine(record: RawRecord): RecordResult {
    const text = record.text;
    if (text.trim() === '') return [];
    const json = jsonEventText(text);
    if (json) return this.jsonEvent(json.json, json.time);
    const parts = splitKeycloakLine(text);
    if (parts) {
      const fields = keyValuePairs(parts.body);
      return toDraft({ ...fields, details: fields }, this.referenceNames, parts.time || undefined);
    }
    if (isKeycloakServerLine(text)) return this.skip();
    return {
      rejected: 'malformed-line',
      message: 'neither a JSON event, an [org.keycloak.events] line nor a Keycloak server log line',
    };
  }

  private jsonEvent(json: string, lineTime: string | undefined): RecordResult {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      return {
        rejected: 'malformed-json',
        message: `the JSON_EVENT:: payload is not JSON (${(error as Error).message})`,
      };
    }
    const event = objectAt(value);
    return event
      ? toDraft(event, this.referenceNames, lineTime)
      : { rejected: 'not-a-record', message: 'the JSON_EVENT:: payload is not a JSON object' };
  }

  // Keycloak's JSON console log: one object per line; events are the org.keycloak.events logger's messages.
  private jsonLogLine(line: Record<string, unknown>, logger: string): RecordResult {
    const message = textAt(line.message) ?? '';
    if (logger !== 'org.keycloak.events') return this.skip();
    const json = jsonEventText(message);
    if (json) return this.jsonEvent(json.json, textAt(line.timestamp));
    const fields = keyValuePairs(message);
    return toDraft({ ...fields, details: fields }, this.referenceNames, textAt(line.timestamp));
  }

  private skip(): RecordResult {
    this.skipped++;
    return [];
  }
}

/** The Keycloak events format. */
export const keycloak: SourceFormat = {
  name: 'keycloak',
  title: 'Keycloak events',
  framing: 'json',
  textLines: true,
  detect(sample) {
    if (/"realmId"\s*:/.test(sample) && /"type"\s*:\s*"[A-Z_]+"/.test(sample)) return 0.9;
    if (/"loggerName"\s*:\s*"org\.keycloak\.events"/.test(sample)) return 0.9;
    if (holdsKeycloakEventLine(sample)) return 0.9;
    return 0;
  },
  createParser: (options) => new KeycloakParser(tokenReferenceNames(options.tokenReferenceFields)),
};
