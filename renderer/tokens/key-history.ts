// The issuer's recorded life of the key that verified a token (keys/key-rotation.json), with the file and line
// it was read from, so a "retired" badge says when the key was retired and where that is written.
import type { KeyHistoryEntry } from '../../core/timeline';
import type { Finding } from '../../core/token';
import { location } from '../shell/format';
import { formatInstant, type TimeZoneChoice } from '../shell/format-time';

/** The history entry of a key: by kid, else by thumbprint, as core's keyring matches them (createKeyring). */
export function keyHistoryFor(
  key: { readonly kid?: string; readonly thumbprint: string },
  history: readonly KeyHistoryEntry[],
): KeyHistoryEntry | undefined {
  return (
    history.find((entry) => key.kid !== undefined && entry.kid === key.kid) ??
    history.find((entry) => entry.thumbprint !== undefined && entry.thumbprint === key.thumbprint)
  );
}

/** "keys/key-rotation.json:5", or undefined when the entry carries no source. */
export function keyHistorySource(entry: KeyHistoryEntry): string | undefined {
  return entry.source ? location(entry.source.file, entry.source.line) : undefined;
}

/** "created … · activated … · retired …" in the chosen zone, plus "compromised" when recorded so. */
export function keyLifeText(entry: KeyHistoryEntry, timeZone: TimeZoneChoice): string {
  const dates: [string, number | undefined][] = [
    ['created', entry.created],
    ['activated', entry.activated],
    ['retired', entry.retired],
    ['revoked', entry.revoked],
  ];
  const parts = dates
    .filter(([, at]) => at !== undefined)
    .map(([label, at]) => `${label} ${formatInstant(at!, timeZone)}`);
  if (entry.compromised) parts.push('compromised');
  return parts.length > 0 ? parts.join(' · ') : 'no dates recorded';
}

/** The recorded date a lifecycle status rests on: retired, revoked, or the start (activated, else created). */
function statusDate(status: string, entry: KeyHistoryEntry): [string, number] | undefined {
  if (status === 'retired' && entry.retired !== undefined) return ['retired', entry.retired];
  if (status === 'revoked' && entry.revoked !== undefined) return ['revoked', entry.revoked];
  if (status === 'not-yet-active' && entry.activated !== undefined) return ['activated', entry.activated];
  if (status === 'not-yet-active' && entry.created !== undefined) return ['created', entry.created];
  return undefined;
}

/**
 * The tooltip of a key-window badge: the recorded date behind the status and the file and line it comes from
 * ("retired 2026-11-02 00:00:00 UTC+00:00, keys/key-rotation.json:9"). Certificate statuses come from the
 * certificate, not the rotation history: no tooltip from it.
 */
export function windowBadgeTitle(
  status: string,
  entry: KeyHistoryEntry | undefined,
  timeZone: TimeZoneChoice,
): string | undefined {
  if (!entry || status.startsWith('certificate-') || status === 'unknown') return undefined;
  const date = statusDate(status, entry);
  const what = date ? `${date[0]} ${formatInstant(date[1], timeZone)}` : keyLifeText(entry, timeZone);
  const source = keyHistorySource(entry);
  return source ? `${what}, ${source}` : what;
}

/**
 * The key record a key-outside-validity finding rests on ("retired 2026-11-02 …, keys/key-rotation.json:6"), when
 * the finding's key is the one the record describes; undefined for other findings.
 */
export function findingKeyRecord(
  finding: Finding,
  entry: KeyHistoryEntry | undefined,
  timeZone: TimeZoneChoice,
): string | undefined {
  const key = finding.evidence.key;
  if (finding.id !== 'key-outside-validity' || !entry || !key || keyHistoryFor(key, [entry]) !== entry)
    return undefined;
  const status = finding.evidence.detail?.status;
  if (typeof status === 'string') return windowBadgeTitle(status, entry, timeZone);
  const source = keyHistorySource(entry);
  return source ? `${keyLifeText(entry, timeZone)}, ${source}` : keyLifeText(entry, timeZone);
}
