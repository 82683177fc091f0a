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

/** "2026-11-02 14:03:00 UTC+01:00" (milliseconds appear only when the instant has any). */
export function formatInstant(epochMs: number, zone: TimeZoneChoice): string {
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
