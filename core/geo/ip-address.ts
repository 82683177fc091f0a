/**
 * IP address text to bytes, strictly: a log field that is not an address yields undefined, never a guess.
 */

/** The 4 bytes of a dotted-quad IPv4 address, or undefined. */
export function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i]!;
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    out[i] = value;
  }
  return out;
}

/** The 16 bytes of an IPv6 address (with `::` compression and an optional trailing IPv4 part), or undefined. */
export function parseIpv6(text: string): Uint8Array | undefined {
  const zone = text.indexOf('%');
  const address = zone >= 0 ? text.slice(0, zone) : text;
  if (!/^[0-9A-Fa-f:.]+$/.test(address) || address.split('::').length > 2) return undefined;
  const [head, tail] = address.includes('::') ? (address.split('::') as [string, string]) : [address, undefined];
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(piece)) return undefined;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const first = groups(head);
  const last = tail === undefined ? [] : groups(tail);
  if (!first || !last) return undefined;
  const missing = 8 - first.length - last.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const all = [...first, ...new Array<number>(tail === undefined ? 0 : missing).fill(0), ...last];
  const out = new Uint8Array(16);
  all.forEach((group, i) => {
    out[i * 2] = group >> 8;
    out[i * 2 + 1] = group & 0xff;
  });
  return out;
}

/** Bytes of an IPv4 or IPv6 address; IPv4-mapped IPv6 (::ffff:a.b.c.d) comes back as the 4-byte IPv4 form. */
export function parseIpAddress(text: string): Uint8Array | undefined {
  const trimmed = text.trim().replace(/^\[|\]$/g, '');
  const v4 = parseIpv4(trimmed);
  if (v4) return v4;
  const v6 = parseIpv6(trimmed);
  if (v6 && v6.subarray(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff) return v6.slice(12);
  return v6;
}

/** True for addresses no database can place: private, loopback, link-local, unique-local, unspecified. */
export function isNonRoutable(bytes: Uint8Array): boolean {
  if (bytes.length === 4) {
    const [a, b] = [bytes[0]!, bytes[1]!];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (bytes.every((b, i) => (i === 15 ? b <= 1 : b === 0))) return true; // :: and ::1
  return (bytes[0]! & 0xfe) === 0xfc || (bytes[0] === 0xfe && (bytes[1]! & 0xc0) === 0x80);
}
