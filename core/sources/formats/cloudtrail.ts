import { compact, withTime, firstText, objectAt, readTime, textAt, valueAt } from '../fields';
import type { SourceFormat } from '../format';
import { parseIsoTime } from '../parse-time';
import type { AuthEventKind } from '../types';

/**
 * AWS CloudTrail log files (`{ "Records": [...] }`, or one event per line as CloudTrail Lake / Athena exports
 * give them), read with Amazon Cognito in mind: user-pool API calls (`InitiateAuth`, `RespondToAuthChallenge`,
 * `RevokeToken`, `GlobalSignOut`…) and hosted-UI / OAuth endpoint events (`Token_POST`, `Login_POST`, `Logout`).
 * AWS console sign-ins (`ConsoleLogin` from signin.amazonaws.com) are logins; a failed one has no `errorCode`, only
 * `responseElements.ConsoleLogin: "Failure"` and an `errorMessage`. Events of other services are kept as `other`.
 * Cognito redacts tokens and usernames in CloudTrail; the `sub` of `additionalEventData` and the client id remain.
 * Logstash / SIEM exports that dropped `eventTime` for their own `@timestamp` are read by that.
 */
function kindOf(
  name: string,
  error: string | undefined,
  authFlow: string | undefined,
  grantType: string | undefined,
): AuthEventKind {
  if (error) return 'failure';
  if (/^(Admin)?InitiateAuth$/.test(name)) return /REFRESH_TOKEN/.test(authFlow ?? '') ? 'refresh' : 'issue';
  if (/^(Admin)?RespondToAuthChallenge$/.test(name)) return 'issue';
  if (/^Token_POST$/i.test(name)) return grantType === 'refresh_token' ? 'refresh' : 'issue';
  if (/^(RevokeToken|Revoke_POST)$/.test(name)) return 'revoke';
  if (/^(GlobalSignOut|AdminUserGlobalSignOut|Logout(_GET|_POST)?)$/.test(name)) return 'logout';
  if (/^Login_POST$|^SAML2Response_POST$|^OAuth2Response_GET$/.test(name)) return 'login';
  if (
    /^(GetUser|UpdateUserAttributes|ChangePassword|GetUserAttributeVerificationCode|VerifyUserAttribute|DeleteUser|SetUserMFAPreference|ListDevices|GetDevice)$/.test(
      name,
    )
  )
    return 'use';
  return 'other';
}

// CloudTrail writes this instead of a name that was mistyped or does not exist (it may be a password typed as a user).
const revealed = (name: string | undefined) => (name === 'HIDDEN_DUE_TO_SECURITY_REASONS' ? undefined : name);
const firstOf = (value: unknown): string | undefined => (Array.isArray(value) ? textAt(value[0]) : textAt(value));

/** The CloudTrail (Cognito) format. */
export const cloudtrail: SourceFormat = {
  name: 'cloudtrail',
  title: 'AWS CloudTrail (Amazon Cognito)',
  framing: 'json',
  recordArrays: [['Records']],
  detect(sample) {
    if (/"eventSource"\s*:\s*"[a-z0-9-]+\.amazonaws\.com"/.test(sample) && /"eventName"\s*:/.test(sample)) return 0.9;
    return /^\s*\{\s*"Records"\s*:\s*\[/.test(sample) ? 0.6 : 0;
  },
  createParser: () => ({
    parse(record) {
      const event = objectAt(record.value);
      if (!event) return { rejected: 'not-a-record', message: 'a CloudTrail record must be a JSON object' };
      const name = textAt(event.eventName) ?? '';
      const consoleResult = textAt(valueAt(event, 'responseElements.ConsoleLogin'));
      // A failed console sign-in carries no errorCode: the response says Failure and errorMessage says why.
      const error = textAt(event.errorCode) ?? (consoleResult === 'Failure' ? 'Failure' : undefined);
      const errorMessage = textAt(event.errorMessage);
      const request = objectAt(event.requestParameters);
      const extra = objectAt(event.additionalEventData);
      const oauthParameters = valueAt(extra, 'requestParameters');
      const grantType = firstOf(valueAt(oauthParameters, 'grant_type'));
      const username = textAt(request?.username);
      const cognito = /cognito/.test(textAt(event.eventSource) ?? '');
      const status = Number(valueAt(extra, 'responseParameters.status'));
      const hostedUiFailure = cognito && /_(GET|POST)$/.test(name) && status >= 400;
      const failed = error !== undefined || hostedUiFailure;
      const time = event.eventTime ?? event['@timestamp'];
      return [
        withTime(
          readTime(
            time,
            event.eventTime === undefined && time !== undefined ? '@timestamp' : 'eventTime',
            parseIsoTime,
          ),
          {
            kind: failed
              ? 'failure'
              : cognito
                ? kindOf(name, error, textAt(request?.authFlow), grantType)
                : name === 'ConsoleLogin'
                  ? 'login'
                  : 'other',
            action: name || undefined,
            outcome: failed ? ('failure' as const) : ('success' as const),
            reason: error
              ? error === 'Failure' && errorMessage
                ? errorMessage
                : `${error}${errorMessage ? `: ${errorMessage}` : ''}`
              : hostedUiFailure
                ? `HTTP ${status}`
                : undefined,
            subject:
              textAt(extra?.sub) ??
              revealed(username) ??
              revealed(firstText(event, 'userIdentity.userName', 'userIdentity.arn', 'userIdentity.principalId')),
            clientId: textAt(request?.clientId) ?? firstOf(valueAt(oauthParameters, 'client_id')),
            ip: textAt(event.sourceIPAddress),
            userAgent: textAt(event.userAgent),
            http: Number.isFinite(status) && status > 0 ? { status } : undefined,
            details: compact({
              eventID: textAt(event.eventID),
              requestID: textAt(event.requestID),
              eventSource: textAt(event.eventSource),
              awsRegion: textAt(event.awsRegion),
              userPoolId: textAt(request?.userPoolId) ?? textAt(extra?.userPoolId),
              authFlow: textAt(request?.authFlow),
              grantType,
              recipientAccountId: textAt(event.recipientAccountId),
              userIdentityType: textAt(valueAt(event, 'userIdentity.type')),
              mfaUsed: textAt(extra?.MFAUsed),
              loginTo: textAt(extra?.LoginTo),
              consoleLogin: consoleResult,
            }) as Record<string, string>,
          },
        ),
      ];
    },
  }),
};
