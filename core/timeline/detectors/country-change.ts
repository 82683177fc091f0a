import { cidrList } from '../util/cidr';
import { duration, iso, placeOf } from '../util/describe';
import { defineDetector } from './detector';
import { describeScopes, HOP_SCOPES, hopTokens, lowerSeverity, onlyAttempts, walkHops } from './geo-hops';

/** Consecutive events of one token, session or subject from different countries within a short window. */
export const countryChange = defineDetector({
  id: 'country-change',
  title: 'Country change',
  description:
    'Two consecutive events of one token, session or subject come from different countries within the window.',
  severity: 'medium',
  defaults: { windowMinutes: 30, excludedRanges: [] as string[], scopes: [...HOP_SCOPES] as string[] },
  parameterHelp: {
    windowMinutes: 'Longest time between the two events for the change to count, in minutes.',
    excludedRanges: 'CIDR ranges (VPN, proxy, shared egress) whose events are skipped.',
    scopes: 'Which keys are followed: any of "token", "session", "subject".',
  },
  references: ['MITRE ATT&CK T1550.001', 'Okta ThreatInsight / Entra ID Protection: unfamiliar sign-in properties'],
  run({ timeline, parameters, findings, identities }) {
    const excluded = cidrList(parameters.excludedRanges);
    const window = parameters.windowMinutes * 60_000;
    let located = 0;
    walkHops(
      timeline,
      parameters.scopes,
      excluded,
      (entry) => {
        const ok = entry.country !== undefined;
        if (ok) located++;
        return ok;
      },
      (hop) => {
        const { from, to } = hop;
        const ms = to.ts! - from.ts!;
        if (from.country === to.country || ms > window) return;
        const attempts = onlyAttempts(hop);
        findings.add({
          detector: countryChange,
          ...(attempts ? { severity: lowerSeverity(countryChange.severity) } : {}),
          scope: `${placeOf(from.source)}>${placeOf(to.source)}`,
          message: attempts
            ? `${describeScopes(hop.scopes, identities)}: failed attempts from ${from.country} (${from.ip ?? 'unknown IP'}) at ${iso(from.ts)}, then from ${to.country} (${to.ip ?? 'unknown IP'}) ${duration(ms)} later, within the ${parameters.windowMinutes}-minute window; neither got in.`
            : `${describeScopes(hop.scopes, identities)}: seen in ${from.country} (${from.ip ?? 'unknown IP'}) at ${iso(from.ts)}, then in ${to.country} (${to.ip ?? 'unknown IP'}) ${duration(ms)} later, within the ${parameters.windowMinutes}-minute window.`,
          explanation: attempts
            ? 'Both events were refused: the credentials were tried from two countries, but no session was established. Typical of password spraying or credential stuffing; it ranks below a change between accepted events. Check whether the same addresses tried other accounts.'
            : 'A session rarely changes country within minutes unless a VPN was switched on or the credentials are being used by someone else. Compare the user agents and devices of both events, and ask the user whether they use a VPN.',
          tokenHashes: hopTokens(hop),
          subject: to.effectiveSubject ?? from.effectiveSubject,
          sessionId: to.effectiveSession ?? from.effectiveSession,
          events: [
            { entry: from, role: 'from' },
            { entry: to, role: 'to' },
          ],
          detail: {
            fromCountry: from.country ?? null,
            toCountry: to.country ?? null,
            seconds: Math.round(ms / 1000),
            fromIp: from.ip ?? null,
            toIp: to.ip ?? null,
            attemptsOnly: attempts,
          },
        });
      },
    );
    return located === 0 ? 'no event carries a country' : undefined;
  },
});
