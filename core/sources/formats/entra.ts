import { compact, withTime, firstText, numberAt, objectAt, readTime, textAt, valueAt } from '../fields';
import type { SourceFormat } from '../format';
import { parseIsoTime } from '../parse-time';
import type { AuthEventKind } from '../types';

/**
 * Microsoft Entra ID sign-in logs: Microsoft Graph `signIn` resources (`/auditLogs/signIns`, a `{ "value": [...] }`
 * page, or a portal JSON download), or Azure Monitor diagnostic records whose `properties` hold the sign-in
 * (category `SignInLogs`, `NonInteractiveUserSignInLogs`…). `uniqueTokenIdentifier` is the issued token's `uti`
 * claim, kept as its jti; `incomingTokenType` tells a refresh (refresh token / PRT) from a fresh sign-in.
 */
function kindOf(errorCode: number | undefined, incoming: string | undefined, interactive: unknown): AuthEventKind {
  if (errorCode !== undefined && errorCode !== 0) return 'failure';
  if (incoming && /refreshToken|primaryRefreshToken/i.test(incoming)) return 'refresh';
  return interactive === true || interactive === 'true' ? 'login' : 'issue';
}

/** The Entra ID sign-in log format. */
export const entra: SourceFormat = {
  name: 'entra',
  title: 'Microsoft Entra ID sign-in logs',
  framing: 'json',
  recordArrays: [['value']],
  detect(sample) {
    const graph =
      /"userPrincipalName"\s*:/.test(sample) &&
      /"(createdDateTime|uniqueTokenIdentifier|conditionalAccessStatus|appId)"\s*:/.test(sample);
    const monitor = /"category"\s*:\s*"[A-Za-z]*SignInLogs"/.test(sample);
    return graph || monitor ? 0.9 : 0;
  },
  createParser: () => ({
    parse(record) {
      const outer = objectAt(record.value);
      if (!outer) return { rejected: 'not-a-record', message: 'a sign-in record must be a JSON object' };
      const signIn =
        objectAt(outer.properties) && /SignIn/i.test(textAt(outer.category) ?? textAt(outer.operationName) ?? '')
          ? objectAt(outer.properties)!
          : outer;
      const errorCode = numberAt(signIn, 'status.errorCode');
      const location = objectAt(signIn.location);
      const device = objectAt(signIn.deviceDetail);
      const incoming = textAt(signIn.incomingTokenType);
      return [
        withTime(readTime(signIn.createdDateTime ?? outer.time, 'createdDateTime', parseIsoTime), {
          kind: kindOf(errorCode, incoming, signIn.isInteractive),
          action: textAt(outer.category) ?? (signIn.isInteractive === false ? 'nonInteractiveSignIn' : 'signIn'),
          outcome: errorCode === undefined ? undefined : errorCode === 0 ? ('success' as const) : ('failure' as const),
          reason: errorCode
            ? (firstText(signIn, 'status.failureReason', 'status.additionalDetails') ?? `error ${errorCode}`)
            : undefined,
          subject: firstText(signIn, 'userPrincipalName', 'userId'),
          clientId: textAt(signIn.appId),
          sessionId: firstText(signIn, 'sessionId', 'correlationId'),
          jti: textAt(signIn.uniqueTokenIdentifier),
          ip: textAt(signIn.ipAddress),
          userAgent: textAt(signIn.userAgent),
          geo: location
            ? compact({
                source: 'log' as const,
                country: textAt(location.countryOrRegion),
                region: textAt(location.state),
                city: textAt(location.city),
                latitude: numberAt(location, 'geoCoordinates.latitude'),
                longitude: numberAt(location, 'geoCoordinates.longitude'),
              })
            : undefined,
          details: compact({
            // Who signed in, as names: the identity directory reads username, displayName and userId.
            username: textAt(signIn.userPrincipalName),
            displayName: textAt(signIn.userDisplayName),
            userId: textAt(signIn.userId),
            id: textAt(signIn.id),
            appDisplayName: textAt(signIn.appDisplayName),
            resource: firstText(signIn, 'resourceDisplayName', 'resourceId'),
            incomingTokenType: incoming,
            correlationId: textAt(signIn.correlationId),
            clientAppUsed: textAt(signIn.clientAppUsed),
            conditionalAccessStatus: textAt(signIn.conditionalAccessStatus),
            riskLevel: textAt(signIn.riskLevelDuringSignIn),
            deviceId: textAt(device?.deviceId),
            deviceOs: textAt(device?.operatingSystem),
            deviceBrowser: textAt(device?.browser),
            authenticationProtocol: textAt(signIn.authenticationProtocol),
            tokenIssuerType: textAt(signIn.tokenIssuerType),
            originalTransferMethod: textAt(valueAt(signIn, 'originalTransferMethod')),
          }) as Record<string, string>,
        }),
      ];
    },
  }),
};
