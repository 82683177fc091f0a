import { parseIpv4, parseIpv6 } from '../geo/ip-address';

/**
 * Whether a logged "IP" is an address at all. Vendors put other things in their IP fields: CloudTrail writes
 * `AWS Internal` or a service name (`cognito-idp.amazonaws.com`), monitoring setups a host name
 * (`monitoring-server`), proxies `host:port` or a forwarded-for list. Only an address may be geolocated or compared
 * as one; the text as logged is kept in the event's details.
 */

/** Whether `text` is an IPv4 or IPv6 address as written (no port, no brackets). */
export function isIpAddress(text: string): boolean {
  return text.length <= 64 && (parseIpv4(text) !== undefined || parseIpv6(text) !== undefined);
}

/**
 * The address in a logged IP field, or undefined when it holds none: a port is stripped (`203.0.113.7:51234`,
 * `[2001:db8::1]:443`), brackets removed, and of a forwarded-for list (`client, proxy1, proxy2`) the first is taken.
 */
export function readIpAddress(logged: string): string | undefined {
  const comma = logged.indexOf(',');
  const first = (comma < 0 ? logged : logged.slice(0, comma)).trim();
  if (isIpAddress(first)) return first;
  const bracketed = /^\[([^\]]*)\](?::\d{1,5})?$/.exec(first);
  if (bracketed) return isIpAddress(bracketed[1]!) ? bracketed[1] : undefined;
  const colon = first.lastIndexOf(':');
  if (colon > 0 && /^\d{1,5}$/.test(first.slice(colon + 1)) && parseIpv4(first.slice(0, colon)))
    return first.slice(0, colon);
  return undefined;
}
