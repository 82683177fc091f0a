import type { IdentityProviderFormat, TruthEvent } from '../model';
import { isoTime, type LogFileSpec } from './log-file';

const okta = (event: TruthEvent) => ({
  actor: {
    id: `00u${event.person.subject.length}`,
    type: 'User',
    alternateId: event.person.subject,
    displayName: event.person.displayName,
  },
  client: {
    userAgent: { rawUserAgent: event.userAgent },
    ipAddress: event.ip,
    geographicalContext: {
      city: event.city.name,
      state: event.city.region,
      country: event.city.countryName,
      geolocation: { lat: event.city.latitude, lon: event.city.longitude },
    },
  },
  authenticationContext: { externalSessionId: event.sessionId },
  eventType: event.kind === 'login' ? 'user.session.start' : 'user.session.end',
  outcome: { result: 'SUCCESS' },
  published: isoTime(event.ts),
  debugContext: { debugData: { clientId: event.device.client.clientId } },
});

const entra = (event: TruthEvent) => ({
  createdDateTime: isoTime(event.ts),
  userPrincipalName: event.person.subject,
  userDisplayName: event.person.displayName,
  appId: event.device.client.clientId,
  ipAddress: event.ip,
  correlationId: event.sessionId,
  isInteractive: event.kind === 'login',
  status: { errorCode: 0 },
  clientAppUsed: event.device.client.kind === 'mobile' ? 'Mobile Apps and Desktop clients' : 'Browser',
  location: {
    city: event.city.name,
    state: event.city.region,
    countryOrRegion: event.city.country,
    geoCoordinates: { latitude: event.city.latitude, longitude: event.city.longitude },
  },
  deviceDetail: { operatingSystem: event.device.client.kind === 'mobile' ? 'Mobile' : 'Desktop' },
});

const auth0 = (event: TruthEvent) => ({
  date: isoTime(event.ts),
  type: event.kind === 'login' ? 's' : 'slo',
  client_id: event.device.client.clientId,
  ip: event.ip,
  user_agent: event.userAgent,
  user_id: event.person.subject,
  user_name: event.person.email,
  details: { session_id: event.sessionId },
  log_id: `900${event.ts}${event.person.subject.slice(-6)}`,
});

const keycloak = (event: TruthEvent) => ({
  time: event.ts,
  type: event.kind === 'login' ? 'LOGIN' : 'LOGOUT',
  realmId: 'northwind',
  clientId: event.device.client.clientId,
  userId: event.person.subject,
  sessionId: event.sessionId,
  ipAddress: event.ip,
  details: { username: event.person.email, email: event.person.email, auth_method: 'openid-connect' },
});

const signInOrOut = (event: TruthEvent) => event.kind === 'login' || event.kind === 'logout';

/** A record of every sign-in and sign-out (`only` narrows it), serialised by the vendor's mapping. */
const signInRecords =
  (toRecord: (event: TruthEvent) => unknown, only: (event: TruthEvent) => boolean = signInOrOut) =>
  (event: TruthEvent) =>
    only(event) ? JSON.stringify(toRecord(event)) : undefined;

const JSON_ARRAY = { kind: 'json-array', opening: '[', closing: ']' } as const;

/**
 * The identity provider's own sign-in log, in its vendor's export format: sign-ins and sign-outs, with the
 * location the vendor resolved (Okta, Entra) or none (Auth0, Keycloak: located offline).
 */
export function signInLogSpec(format: IdentityProviderFormat): LogFileSpec {
  const meta = (file: string, mediaType: string, vendor: string) => ({
    path: `logs/${file}`,
    kind: 'auth-log' as const,
    mediaType,
    description: `${vendor} sign-in events for the Northwind tenant, exported by IAM`,
  });
  switch (format) {
    case 'okta':
      return {
        ...meta('okta-system-log.json', 'application/json', 'Okta System Log'),
        layout: JSON_ARRAY,
        render: signInRecords(okta),
      };
    case 'entra':
      // Entra's sign-in log has no sign-outs: a non-interactive record would read as a token issue.
      return {
        ...meta('entra-sign-ins.json', 'application/json', 'Microsoft Entra ID'),
        layout: { kind: 'json-array', opening: '{"value":[', closing: ']}' },
        render: signInRecords(entra, (event) => event.kind === 'login'),
      };
    case 'auth0':
      return {
        ...meta('auth0-tenant-logs.jsonl', 'application/x-ndjson', 'Auth0 tenant log'),
        layout: { kind: 'lines' },
        render: signInRecords(auth0),
      };
    case 'keycloak':
      return {
        ...meta('keycloak-events.json', 'application/json', 'Keycloak admin events API'),
        layout: JSON_ARRAY,
        render: signInRecords(keycloak),
      };
  }
}
