import { sha256Hex } from './sha256';

/** Re-hash stored evidence bytes and compare with the digest recorded at import. */
export function reverifyBytes(bytes: Uint8Array, recordedSha256: string): { intact: boolean; sha256: string } {
  const sha256 = sha256Hex(bytes);
  return { intact: sha256 === recordedSha256, sha256 };
}

/**
 * The places a stored file's SHA-256 can be read from. `bytes` is re-computed now; `stored` is the file record's own
 * field; `custody` is what the import's hash-chained custody entry recorded; `manifest` is what the bundle's manifest
 * declared (only when the file matched it at import). Changing the bytes and the stored hash together fools a
 * comparison of those two; it cannot also rewrite the chained custody entry without breaking the chain.
 */
export type HashSource = 'bytes' | 'stored' | 'custody' | 'manifest';

/** Each source's SHA-256 for one file; `undefined` where that source has none (no bytes, no custody line…). */
export type FileHashes = Readonly<Record<HashSource, string | undefined>>;

/** Words for each source, for messages. */
export const HASH_SOURCE_NAMES: Readonly<Record<HashSource, string>> = {
  bytes: 'stored bytes',
  stored: 'stored hash',
  custody: 'custody record',
  manifest: 'manifest',
};

/** The outcome for one file: intact only when every source that must be present is, and all agree. */
export interface FileHashComparison {
  readonly intact: boolean;
  /** The sources that disagree with the custody record (the reference), or that are missing though required. */
  readonly disagreeing: readonly HashSource[];
  /** One sentence for the investigator naming each disagreeing source and its digest. */
  readonly explanation: string;
}

const short = (hex: string | undefined) => (hex ? `${hex.slice(0, 12)}…` : 'none');

/**
 * Compares a stored file's hashes from every source. The custody record is the reference: it is hash-chained and
 * anchored in the case record, so it is the one an insider cannot quietly rewrite. Bytes, stored hash and custody
 * line must exist; the manifest is compared only when given.
 */
export function compareFileHashes(hashes: FileHashes): FileHashComparison {
  const reference = hashes.custody;
  const disagreeing: HashSource[] = [];
  if (!hashes.bytes) disagreeing.push('bytes');
  else if (hashes.bytes !== reference) disagreeing.push('bytes');
  if (hashes.stored !== reference) disagreeing.push('stored');
  if (!reference) disagreeing.push('custody');
  if (hashes.manifest !== undefined && hashes.manifest !== reference) disagreeing.push('manifest');
  if (disagreeing.length === 0) return { intact: true, disagreeing, explanation: 'all sources agree' };
  const named = disagreeing.map((source) => `${HASH_SOURCE_NAMES[source]} ${short(hashes[source])}`).join(', ');
  const explanation = reference
    ? `${named} differ from the custody record ${short(reference)}`
    : `${named}: no custody record of this file's hash`;
  return { intact: false, disagreeing, explanation };
}
