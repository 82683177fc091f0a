import type { ByteSource } from './byte-source';
import { MmdbDataDecoder, MmdbFormatError, type MmdbValue } from './decode-data';

/**
 * A MaxMind DB (MMDB, format 2.x) reader over random-access bytes, written from the published specification:
 * metadata after the last `\xAB\xCD\xEFMaxMind.com` marker, a binary search tree of `node_count` nodes, then a
 * 16-byte separator and the data section.
 */

/** The metadata fields a lookup needs, plus what provenance records. */
export interface MmdbMetadata {
  readonly nodeCount: number;
  readonly recordSize: 24 | 28 | 32;
  readonly ipVersion: 4 | 6;
  readonly databaseType: string;
  readonly buildEpoch: number;
  readonly binaryFormatMajorVersion: number;
  readonly description: Readonly<Record<string, string>>;
}

const MARKER = [0xab, 0xcd, 0xef, ...Array.from('MaxMind.com', (c) => c.charCodeAt(0))];
const METADATA_MAX = 128 * 1024;

function findMetadataStart(source: ByteSource): number {
  const from = Math.max(0, source.size - METADATA_MAX);
  const tail = source.read(from, source.size - from);
  for (let at = tail.length - MARKER.length; at >= 0; at--) {
    let match = true;
    for (let j = 0; j < MARKER.length && match; j++) match = tail[at + j] === MARKER[j];
    if (match) return from + at + MARKER.length;
  }
  throw new MmdbFormatError('no MaxMind DB metadata marker: this is not an MMDB file');
}

function readMetadata(source: ByteSource): MmdbMetadata {
  const start = findMetadataStart(source);
  const { value } = new MmdbDataDecoder(source, start).decode(start);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array)
    throw new MmdbFormatError('metadata is not a map');
  const map = value as Record<string, MmdbValue>;
  const nodeCount = map.node_count;
  const recordSize = map.record_size;
  const ipVersion = map.ip_version;
  if (typeof nodeCount !== 'number' || nodeCount <= 0) throw new MmdbFormatError('metadata: node_count missing');
  if (recordSize !== 24 && recordSize !== 28 && recordSize !== 32)
    throw new MmdbFormatError(`metadata: unsupported record_size ${String(recordSize)}`);
  if (ipVersion !== 4 && ipVersion !== 6) throw new MmdbFormatError('metadata: ip_version must be 4 or 6');
  const major = typeof map.binary_format_major_version === 'number' ? map.binary_format_major_version : 0;
  if (major !== 2) throw new MmdbFormatError(`unsupported binary format version ${major}`);
  const description: Record<string, string> = {};
  if (map.description && typeof map.description === 'object' && !Array.isArray(map.description)) {
    for (const [key, text] of Object.entries(map.description as Record<string, MmdbValue>))
      if (typeof text === 'string') description[key] = text;
  }
  return {
    nodeCount,
    recordSize,
    ipVersion,
    databaseType: typeof map.database_type === 'string' ? map.database_type : '',
    buildEpoch: typeof map.build_epoch === 'number' ? map.build_epoch : Number(map.build_epoch ?? 0),
    binaryFormatMajorVersion: major,
    description,
  };
}

/** Lookups in one MMDB file. */
export class MmdbReader {
  /** Parsed metadata of the file. */
  readonly metadata: MmdbMetadata;
  private readonly treeSize: number;
  private readonly nodeBytes: number;
  private readonly decoder: MmdbDataDecoder;
  private ipv4Start = -1;

  /** Reads the metadata at once; throws MmdbFormatError when the bytes are not an MMDB database. */
  constructor(private readonly source: ByteSource) {
    this.metadata = readMetadata(source);
    this.nodeBytes = (this.metadata.recordSize * 2) / 8;
    this.treeSize = this.nodeBytes * this.metadata.nodeCount;
    if (this.treeSize + 16 > source.size) throw new MmdbFormatError('search tree larger than the file');
    this.decoder = new MmdbDataDecoder(source, this.treeSize + 16);
  }

  /** The record for a 4- or 16-byte address, or undefined when the database has none. */
  lookup(address: Uint8Array): MmdbValue | undefined {
    const { nodeCount } = this.metadata;
    let node: number;
    if (address.length === 4 && this.metadata.ipVersion === 6) node = this.startOfIpv4();
    else if (address.length === 16 && this.metadata.ipVersion === 4) return undefined;
    else node = 0;
    const bits = address.length * 8;
    for (let bit = 0; bit < bits && node < nodeCount; bit++) {
      const set = (address[bit >> 3]! >> (7 - (bit & 7))) & 1;
      node = this.record(node, set);
    }
    if (node === nodeCount) return undefined; // the tree says: no data for this network
    if (node < nodeCount) throw new MmdbFormatError('address longer than the tree');
    const offset = this.treeSize + (node - nodeCount); // = data section start + (pointer - 16)
    return this.decoder.decode(offset).value;
  }

  /** IPv4 addresses live under ::/96 in an IPv6 tree: follow 96 left branches once and remember the node. */
  private startOfIpv4(): number {
    if (this.ipv4Start < 0) {
      let node = 0;
      for (let i = 0; i < 96 && node < this.metadata.nodeCount; i++) node = this.record(node, 0);
      this.ipv4Start = node;
    }
    return this.ipv4Start;
  }

  private record(node: number, right: number): number {
    const bytes = this.source.read(node * this.nodeBytes, this.nodeBytes);
    if (bytes.length < this.nodeBytes) throw new MmdbFormatError('search tree truncated');
    switch (this.metadata.recordSize) {
      case 24: {
        const at = right * 3;
        return (bytes[at]! << 16) | (bytes[at + 1]! << 8) | bytes[at + 2]!;
      }
      case 28: {
        // 7 bytes: left = high nibble of the middle byte + 3 bytes before it; right = low nibble + 3 bytes after
        if (right === 0) return (bytes[3]! & 0xf0) * 0x100000 + ((bytes[0]! << 16) | (bytes[1]! << 8) | bytes[2]!);
        return (bytes[3]! & 0x0f) * 0x1000000 + ((bytes[4]! << 16) | (bytes[5]! << 8) | bytes[6]!);
      }
      default: {
        const at = right * 4;
        return bytes[at]! * 0x1000000 + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
      }
    }
  }
}
