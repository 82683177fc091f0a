import { parseIpAddress } from '../../geo/ip-address';

/** A parsed CIDR range (IPv4 or IPv6). */
interface Range {
  readonly bytes: Uint8Array;
  readonly prefix: number;
  readonly text: string;
}

/** Matches IP addresses against a list of CIDR ranges (`203.0.113.0/24`, `2001:db8::/32`, or a bare address). */
export interface CidrList {
  /** The first range containing `ip`, or undefined (also for text that is not an address). */
  match(ip: string | undefined): string | undefined;
  /** Entries that are not CIDR ranges, so the investigator can fix them. */
  readonly invalid: readonly string[];
}

/** Parse CIDR ranges once; lookups cache per address, so a log full of one egress IP costs one comparison. */
export function cidrList(ranges: readonly string[]): CidrList {
  const parsed: Range[] = [];
  const invalid: string[] = [];
  for (const text of ranges) {
    const [address, prefixText] = text.trim().split('/');
    const bytes = address ? parseIpAddress(address) : undefined;
    const prefix = prefixText === undefined ? (bytes?.length ?? 0) * 8 : Number(prefixText);
    if (!bytes || !Number.isInteger(prefix) || prefix < 0 || prefix > bytes.length * 8) invalid.push(text);
    else parsed.push({ bytes, prefix, text });
  }
  const cache = new Map<string, string | null>();
  return {
    invalid,
    match(ip) {
      if (ip === undefined || parsed.length === 0) return undefined;
      const known = cache.get(ip);
      if (known !== undefined) return known ?? undefined;
      const bytes = parseIpAddress(ip);
      const found = bytes ? parsed.find((range) => contains(range, bytes))?.text : undefined;
      if (cache.size > 100_000) cache.clear();
      cache.set(ip, found ?? null);
      return found;
    },
  };
}

function contains(range: Range, bytes: Uint8Array): boolean {
  let address = bytes;
  // An IPv4 address also matches an IPv4-mapped IPv6 range and vice versa.
  if (
    range.bytes.length === 4 &&
    bytes.length === 16 &&
    bytes.subarray(0, 10).every((byte) => byte === 0) &&
    bytes[10] === 0xff &&
    bytes[11] === 0xff
  )
    address = bytes.subarray(12);
  if (address.length !== range.bytes.length) return false;
  const full = Math.floor(range.prefix / 8);
  for (let i = 0; i < full; i++) if (address[i] !== range.bytes[i]) return false;
  const rest = range.prefix % 8;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((address[full] ?? 0) & mask) === ((range.bytes[full] ?? 0) & mask);
}
