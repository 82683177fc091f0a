import { isCalendarTime, isoTimeOrNumber, splitProseTimes } from '../../core';

// Instants shown in the time zone the investigator picked. Stored times are always UTC epoch ms; the
// offset is printed with every time so a screenshot or a copied line is never ambiguous.

/** 'UTC', 'local' (the machine's zone) or an IANA zone name. */
export type TimeZoneChoice = string;

export const LOCAL_ZONE = 'local';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: TimeZoneChoice): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone === LOCAL_ZONE ? undefined : zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * "2026-11-02 14:03:00 UTC+01:00" (milliseconds appear only when the instant has any). A stored time no calendar can
 * show (a NumericDate of 9999999999999 s) is shown as its raw number instead of breaking the view.
 */
export function formatInstant(epochMs: number, zone: TimeZoneChoice): string {
  if (!isCalendarTime(epochMs)) return isoTimeOrNumber(epochMs);
  const parts = formatterFor(zone).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const millis = epochMs % 1000 === 0 ? '' : `.${String(((epochMs % 1000) + 1000) % 1000).padStart(3, '0')}`;
  const offset = part('timeZoneName').replace(/^GMT/, 'UTC') || 'UTC';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}${millis} ${offset}`;
}

/** The zone name the machine runs in, for labelling the "local" choice. */
export function localZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Every zone the selector offers: UTC and local first, then the IANA zones the runtime knows. */
export function timeZoneChoices(): TimeZoneChoice[] {
  const iana = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', LOCAL_ZONE, ...iana.filter((zone) => zone !== 'UTC')];
}

/** A stored choice that the runtime no longer knows falls back to UTC rather than throwing. */
export function validZone(zone: string | undefined): TimeZoneChoice {
  if (!zone) return 'UTC';
  if (zone === LOCAL_ZONE) return zone;
  try {
    formatterFor(zone);
    return zone;
  } catch {
    return 'UTC';
  }
}

/** The zone's offset from UTC at an instant, in ms (UTC+01:00 → 3 600 000). */
export function zoneOffsetMs(epochMs: number, zone: TimeZoneChoice): number {
  if (zone === 'UTC' || !isCalendarTime(epochMs)) return 0;
  const parts = formatterFor(zone).formatToParts(epochMs);
  const match = /([+-])(\d{2}):?(\d{2})/.exec(parts.find((part) => part.type === 'timeZoneName')?.value ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

/**
 * A time the investigator typed, read in the chosen zone unless it names its own offset: "2026-11-18 09:00"
 * means 09:00 where the investigator says they are looking. Undefined when it is not a time.
 */
export function parseZonedInput(
  text: string,
  zone: TimeZoneChoice,
  parse: (text: string) => { ts: number; assumedUtc: boolean } | undefined,
): number | undefined {
  const parsed = parse(text.trim());
  if (!parsed) return undefined;
  if (!parsed.assumedUtc) return parsed.ts;
  // Two steps, because the offset to apply is the one in force at the local time, which may straddle a DST change.
  const guess = parsed.ts - zoneOffsetMs(parsed.ts, zone);
  return parsed.ts - zoneOffsetMs(guess, zone);
}

/**
 * Finding prose with its UTC instants ("2026-11-18T09:55:02Z") rewritten in the chosen zone, for places that take a
 * plain string (a tooltip). Views use <ZonedProse>, which keeps the written instant in each time's tooltip.
 */
export function zonedProse(prose: string, zone: TimeZoneChoice): string {
  return splitProseTimes(prose)
    .map((part) => (part.kind === 'time' ? formatInstant(part.ts, zone) : part.text))
    .join('');
}
