import { compact, withTime, firstText, numberAt, objectAt, readTime, stringDetails, textAt, valueAt } from '../fields';
import type { SourceFormat } from '../format';
import { parseIsoTime } from '../parse-time';
import type { AuthEventKind } from '../types';
import { tokenReferenceNames } from '../token-reference-fields';

/**
 * Okta System Log (`/api/v1/logs` LogEvent objects, as a JSON array or JSON Lines): `published`, `eventType`,
 * `actor`, `client.ipAddress`, `client.userAgent.rawUserAgent`, `client.geographicalContext`, `outcome`,
 * `authenticationContext.externalSessionId`, `debugContext.debugData`, `target[]`.
 */
function kindOf(eventType: string, result: string | undefined, grantType: string | undefined): AuthEventKind {
  if (result === 'FAILURE' || result === 'DENY') return 'failure';
  if (/^app\.oauth2\.(as\.)?token\.revoke/.test(eventType)) return 'revoke';
  if (/^app\.oauth2\.(as\.)?token\.grant/.test(eventType))
    return grantType === 'refresh_token' || (eventType.endsWith('.refresh_token') && grantType === undefined)
      ? 'refresh'
      : 'issue';
  if (
    eventType === 'user.session.start' ||
    eventType === 'user.authentication.sso' ||
    eventType.startsWith('user.authentication.auth')
  )
    return 'login';
  if (eventType === 'user.session.end' || eventType === 'user.session.clear') return 'logout';
  if (
    eventType === 'user.session.access_admin_app' ||
    eventType.startsWith('app.oauth2.as.authorize') ||
    eventType === 'app.oauth2.token.introspect'
  )
    return 'use';
  if (eventType.startsWith('system.key.rotate') || (eventType.includes('.key.') && eventType.includes('rotat')))
    return 'key-rotation';
  return 'other';
}

function clientApp(targets: unknown, actor: unknown): string | undefined {
  if (Array.isArray(targets)) {
    const app = targets.find((target) => /AppInstance|PublicClientApp|Client/i.test(textAt(target, 'type') ?? ''));
    if (app) return firstText(app, 'alternateId', 'id', 'displayName');
  }
  return /PublicClientApp/i.test(textAt(actor, 'type') ?? '') ? firstText(actor, 'alternateId', 'id') : undefined;
}

/** The Okta System Log format. */
export const okta: SourceFormat = {
  name: 'okta',
  title: 'Okta System Log',
  framing: 'json',
  detect: (sample) =>
    /"eventType"\s*:\s*"[a-z]+\.[a-z_.]+"/.test(sample) &&
    /"(published|legacyEventType|displayMessage)"\s*:/.test(sample)
      ? 0.9
      : 0,
  createParser: (options) => {
    const referenceNames = tokenReferenceNames(options.tokenReferenceFields);
    return {
      parse(record) {
        const event = objectAt(record.value);
        if (!event) return { rejected: 'not-a-record', message: 'an Okta LogEvent must be a JSON object' };
        const eventType = textAt(event.eventType) ?? '';
        const result = textAt(event, 'outcome.result')?.toUpperCase();
        const debug = valueAt(event, 'debugContext.debugData');
        const grantType = textAt(debug, 'grantType');
        const actor = objectAt(event.actor);
        const user =
          textAt(actor?.type) === 'User'
            ? actor
            : Array.isArray(event.target)
              ? event.target.find((t) => textAt(t, 'type') === 'User')
              : undefined;
        const place = valueAt(event, 'client.geographicalContext');
        const latitude = numberAt(place, 'geolocation.lat');
        const longitude = numberAt(place, 'geolocation.lon');
        const requestUri = textAt(debug, 'requestUri');
        return [
          withTime(readTime(event.published, 'published', parseIsoTime), {
            kind: kindOf(eventType, result, grantType),
            action: eventType || undefined,
            outcome:
              result === 'SUCCESS' || result === 'ALLOW'
                ? ('success' as const)
                : result === 'FAILURE' || result === 'DENY'
                  ? ('failure' as const)
                  : undefined,
            reason: textAt(event, 'outcome.reason'),
            subject:
              firstText(user, 'alternateId', 'id') ??
              (textAt(actor?.type) === 'PublicClientApp' ? firstText(actor, 'alternateId', 'id') : undefined),
            clientId: textAt(debug, 'clientId') ?? clientApp(event.target, actor),
            sessionId: firstText(
              event,
              'authenticationContext.externalSessionId',
              'authenticationContext.rootSessionId',
            ),
            jti: firstText(debug, 'jti', 'tokenId', 'accessTokenId'),
            ip: textAt(event, 'client.ipAddress'),
            userAgent: textAt(event, 'client.userAgent.rawUserAgent'),
            geo: objectAt(place)
              ? compact({
                  source: 'log' as const,
                  country: textAt(place, 'country'),
                  region: textAt(place, 'state'),
                  city: textAt(place, 'city'),
                  latitude,
                  longitude,
                })
              : undefined,
            http: requestUri ? { path: requestUri } : undefined,
            // The user's login and display name, for the identity directory (the subject is already the login).
            details: compact({
              ...stringDetails(debug, [
                'grantType',
                'grantedScopes',
                'requestId',
                'refreshTokenId',
                'threatSuspected',
                // Digest and jti fields an Okta hook or proxy may add: the timeline links the record to its token.
                ...referenceNames,
              ]),
              username: textAt(user, 'alternateId'),
              displayName: textAt(user, 'displayName'),
              userId: textAt(user, 'id'),
              uuid: textAt(event.uuid),
              transaction: textAt(event, 'transaction.id'),
              severity: textAt(event.severity),
            }) as Record<string, string>,
          }),
        ];
      },
    };
  },
};
