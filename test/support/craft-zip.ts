import { deflateSync } from 'fflate';
import { updateCrc32 } from '../../core/evidence/zip/crc32';

/**
 * Writes zip archives byte by byte so tests can build the hostile ones real tools refuse to make: duplicate names,
 * symlink entries, legacy-encoded names, lying sizes, overlapping data. Format facts from PKWARE's APPNOTE.TXT.
 */
export interface CraftedEntry {
  readonly name: string | Uint8Array;
  readonly data?: Uint8Array | string;
  /** 0 stored, 8 deflate (default). */
  readonly method?: number;
  /** Set the UTF-8 flag (bit 11); default true. */
  readonly utf8Flag?: boolean;
  /** Unix file mode, e.g. 0o120777 for a symlink; written with "made by" Unix. */
  readonly unixMode?: number;
  readonly encrypted?: boolean;
  /** Lie about the uncompressed size in both headers. */
  readonly declaredSize?: number;
  readonly crc32?: number;
  /** Point this entry's central record at another entry's local header (overlap bombs). */
  readonly reuseLocalHeaderOf?: number;
}

const encoder = new TextEncoder();

/** Build a complete archive from entries, in order. */
export function craftZip(entries: readonly CraftedEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((entry) => {
    const name = typeof entry.name === 'string' ? encoder.encode(entry.name) : entry.name;
    const raw = typeof entry.data === 'string' ? encoder.encode(entry.data) : (entry.data ?? new Uint8Array(0));
    const method = entry.method ?? 8;
    const compressed = method === 8 ? deflateSync(raw) : raw;
    const crc = entry.crc32 ?? updateCrc32(0, raw);
    const size = entry.declaredSize ?? raw.length;
    const flags = (entry.utf8Flag === false ? 0 : 0x0800) | (entry.encrypted ? 1 : 0);
    const local = new Uint8Array(30 + name.length + compressed.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressed.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(compressed, 30 + name.length);
    const localOffset = entry.reuseLocalHeaderOf !== undefined ? offsets[entry.reuseLocalHeaderOf]! : offset;
    offsets.push(offset);
    if (entry.reuseLocalHeaderOf === undefined) {
      locals.push(local);
      offset += local.length;
    }
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, entry.unixMode !== undefined ? (3 << 8) | 20 : 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressed.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, entry.unixMode !== undefined ? (entry.unixMode << 16) >>> 0 : 0, true);
    cv.setUint32(42, localOffset, true);
    central.set(name, 46);
    centrals.push(central);
  });
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, end];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** An in-memory random-access input over some bytes, as the hosts provide for real files. */
export function memoryInput(name: string, bytes: Uint8Array) {
  return {
    name,
    size: bytes.length,
    read: async (offset: number, length: number) => bytes.slice(offset, offset + length),
  };
}
