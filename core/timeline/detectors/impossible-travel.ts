import { cidrList } from '../util/cidr';
import { duration, iso, placeOf } from '../util/describe';
import { hopSpeed, isImpossibleHop } from '../util/hop-speed';
import { defineDetector } from './detector';
import { describeScopes, HOP_SCOPES, hopTokens, lowerSeverity, onlyAttempts, walkHops } from './geo-hops';

// Said in every finding that measured a hop from a country-level location (the single HTML file's database).
const COUNTRY_LEVEL_NOTE =
  ' Only the country of at least one of these IPs is known (a country-level geolocation database), so the distance is between country centres: it can overstate a hop across a border (two cities near the US–Canada border are thousands of kilometres apart between centres) or understate one within a large country, and hops inside one country are not seen at all. Load a city-level database to measure it properly.';

/** Consecutive events of one token, session or subject too far apart for the time between them. */
export const impossibleTravel = defineDetector({
  id: 'impossible-travel',
  title: 'Impossible travel',
  description:
    'Two consecutive events of one token, session or subject are farther apart (great-circle distance between their geolocations) than anyone could travel in the time between them.',
  severity: 'high',
  defaults: {
    maxSpeedKmh: 805,
    minDistanceKm: 100,
    excludedRanges: [] as string[],
    scopes: [...HOP_SCOPES] as string[],
  },
  parameterHelp: {
    maxSpeedKmh: 'Fastest plausible travel speed in km/h (805 km/h ≈ 500 mph, a commercial flight).',
    minDistanceKm:
      'Hops shorter than this are ignored: IP geolocation is only city-accurate, and mobile carriers egress far from the user.',
    excludedRanges:
      'CIDR ranges of VPNs, proxies and shared egress whose location says nothing about the user; their events are skipped.',
    scopes: 'Which keys hops are followed under: any of "token", "session", "subject".',
  },
  references: [
    'MITRE ATT&CK T1550.001 (Use Alternate Authentication Material: Application Access Token)',
    'Microsoft Entra ID Protection: atypical travel',
    'Haversine formula (R. W. Sinnott, 1984)',
  ],
  run({ timeline, parameters, findings, identities }) {
    const excluded = cidrList(parameters.excludedRanges);
    let located = 0;
    walkHops(
      timeline,
      parameters.scopes,
      excluded,
      (entry) => {
        const ok = entry.latitude !== undefined && entry.longitude !== undefined;
        if (ok) located++;
        return ok;
      },
      (hop) => {
        const { from, to } = hop;
        const measured = hopSpeed(
          { latitude: from.latitude!, longitude: from.longitude!, ts: from.ts! },
          { latitude: to.latitude!, longitude: to.longitude!, ts: to.ts! },
        );
        if (!isImpossibleHop(measured, parameters)) return;
        const { km, ms, speedKmh: speed } = measured;
        const where = (entry: typeof from) =>
          `${entry.ip ?? 'unknown IP'}${entry.country ? ` (${entry.country}${entry.countryLevel ? ', country centre' : ''})` : ''}`;
        const countryLevel = from.countryLevel === true || to.countryLevel === true;
        const speedText = Number.isFinite(speed)
          ? `${Math.round(speed).toLocaleString('en-US')} km/h`
          : 'at the same instant';
        const attempts = onlyAttempts(hop);
        const seen = attempts ? 'failed attempts from' : 'seen from';
        findings.add({
          detector: impossibleTravel,
          ...(attempts ? { severity: lowerSeverity(impossibleTravel.severity) } : {}),
          scope: `${placeOf(from.source)}>${placeOf(to.source)}`,
          message: `${describeScopes(hop.scopes, identities)}: ${seen} ${where(from)} at ${iso(from.ts)} and from ${where(to)} at ${iso(to.ts)}, ${Math.round(km).toLocaleString('en-US')} km apart in ${duration(ms)} — ${speedText}, faster than the ${parameters.maxSpeedKmh} km/h anyone can travel.`,
          explanation: `${
            attempts
              ? 'Both events were refused (failed logins or 401/403): someone tried these credentials from two places, but neither attempt got in. Often password spraying or credential stuffing from distributed infrastructure rather than a stolen session; it ranks below a hop between accepted events. Check whether the same source addresses tried other accounts.'
              : "One person cannot be in both places in that time, so two parties were using the same credentials: typically a stolen token or session replayed from the attacker's location. Before concluding, check whether either IP is a VPN, proxy or corporate egress (list it in excludedRanges) and whether the geolocation comes from the log or from the offline database."
          }${countryLevel ? COUNTRY_LEVEL_NOTE : ''}`,
          tokenHashes: hopTokens(hop),
          subject: to.effectiveSubject ?? from.effectiveSubject,
          sessionId: to.effectiveSession ?? from.effectiveSession,
          events: [
            { entry: from, role: 'from' },
            { entry: to, role: 'to' },
          ],
          detail: {
            distanceKm: Math.round(km),
            seconds: Math.round(ms / 1000),
            speedKmh: Number.isFinite(speed) ? Math.round(speed) : null,
            fromIp: from.ip ?? null,
            toIp: to.ip ?? null,
            fromCountry: from.country ?? null,
            toCountry: to.country ?? null,
            attemptsOnly: attempts,
            countryLevel,
          },
        });
      },
    );
    return located === 0
      ? 'no event carries a geolocation (coordinates from the log or the offline database)'
      : undefined;
  },
});
