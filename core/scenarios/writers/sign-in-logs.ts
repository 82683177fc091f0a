import type { IdentityProviderFormat, TruthEvent } from '../model';
import { isoTime, jsonArrayFile, jsonLinesFile, type LogFile } from './log-file';

const signIns = (events: readonly TruthEvent[]) =>
  events.filter((event) => event.kind === 'login' || event.kind === 'logout');

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

/**
 * The identity provider's own sign-in log, in its vendor's export format: sign-ins and sign-outs, with the
 * location the vendor resolved (Okta, Entra) or none (Auth0, Keycloak: located offline).
 */
export function writeSignInLog(format: IdentityProviderFormat, events: readonly TruthEvent[]): LogFile {
  const meta = (file: string, mediaType: string, vendor: string) => ({
    path: `logs/${file}`,
    kind: 'auth-log' as const,
    mediaType,
    description: `${vendor} sign-in events for the Northwind tenant, exported by IAM`,
  });
  const selected = signIns(events);
  switch (format) {
    case 'okta':
      return jsonArrayFile(meta('okta-system-log.json', 'application/json', 'Okta System Log'), selected, okta);
    case 'entra':
      // Entra's sign-in log has no sign-outs: a non-interactive record would read as a token issue.
      return jsonArrayFile(
        meta('entra-sign-ins.json', 'application/json', 'Microsoft Entra ID'),
        selected.filter((event) => event.kind === 'login'),
        entra,
        { opening: '{"value":[', closing: ']}' },
      );
    case 'auth0':
      return jsonLinesFile(
        meta('auth0-tenant-logs.jsonl', 'application/x-ndjson', 'Auth0 tenant log'),
        selected,
        auth0,
      );
    case 'keycloak':
      return jsonArrayFile(
        meta('keycloak-events.json', 'application/json', 'Keycloak admin events API'),
        selected,
        keycloak,
      );
  }
}
