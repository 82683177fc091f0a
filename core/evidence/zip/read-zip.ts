import { Inflate } from 'fflate';
import { CancelledError, EvidenceError } from '../errors';
import { createSha256 } from '../sha256';
import type { EvidenceFileContent, OperationOptions, RandomAccessInput, ZipLimits } from '../types';
import { locateEntryData, readCentralDirectory } from './central-directory';
import { updateCrc32 } from './crc32';
import { acceptEntries, type AcceptedEntry } from './entry-policy';
import { readAhead } from './read-ahead';

/**
 * Compressed bytes are inflated this many at a time. Deflate expands at most 1032:1, so one step produces at most
 * ~16.5 MiB even when the header lies about the size: memory never depends on the entry or the archive.
 */
const INFLATE_STEP = 16 * 1024;

/** An archive whose central directory passed every rule (entry-policy.ts), ready to be read entry by entry. */
export interface OpenedZip {
  /** The archive, read through a read-ahead window so that small entries do not cost a round trip each. */
  readonly input: RandomAccessInput;
  readonly entries: readonly AcceptedEntry[];
}

/** Read the central directory and apply every rule; throws an EvidenceError before one byte is inflated. */
export async function openZip(zip: RandomAccessInput, limits: ZipLimits): Promise<OpenedZip> {
  const input = readAhead(zip);
  return { input, entries: acceptEntries(await readCentralDirectory(input, limits.maxEntries), limits, zip.name) };
}

/**
 * One entry's bytes as they inflate, checked against what the central directory declared: output longer than the
 * declared size stops at once (a lying header is how bombs slip past ratio checks), a CRC-32 mismatch or a short
 * entry throws at the end. `onRead` receives compressed byte counts, for progress.
 */
export async function* entryChunks(
  zip: RandomAccessInput,
  entry: AcceptedEntry,
  options: OperationOptions = {},
  onRead: (bytes: number) => void = () => {},
): AsyncGenerator<Uint8Array, void> {
  const { record, name } = entry;
  const fail = (code: string, why: string): never => {
    throw new EvidenceError(
      code,
      zip.name,
      `${zip.name}: entry "${name}" ${why}; the archive is refused and nothing of it was imported.`,
      { entry: name },
    );
  };
  const dataStart = await locateEntryData(zip, record, name);
  if (dataStart + record.compressedSize > zip.size)
    fail('zip-truncated', 'is cut short: the archive ends before its data does');
  let written = 0;
  let crc = 0;
  const pending: Uint8Array[] = [];
  const inflate = record.method === 8 ? new Inflate((chunk) => pending.push(chunk)) : undefined;
  for (let offset = 0; ; offset += INFLATE_STEP) {
    if (options.signal?.aborted) throw new CancelledError();
    const length = Math.min(INFLATE_STEP, record.compressedSize - offset);
    const chunk = length > 0 ? await zip.read(dataStart + offset, length) : new Uint8Array(0);
    const final = offset + length >= record.compressedSize;
    if (!inflate) pending.push(chunk);
    else {
      try {
        inflate.push(chunk, final);
      } catch (error) {
        fail('zip-corrupt', `cannot be decompressed (${(error as Error).message})`);
      }
    }
    onRead(length);
    for (const piece of pending.splice(0)) {
      if (written + piece.length > record.uncompressedSize)
        fail('zip-size-mismatch', `inflates to more than its declared ${record.uncompressedSize} bytes`);
      written += piece.length;
      crc = updateCrc32(crc, piece);
      yield piece;
    }
    if (final) break;
  }
  if (written !== record.uncompressedSize)
    fail('zip-size-mismatch', `holds ${written} bytes, not the ${record.uncompressedSize} its header declares`);
  if (crc !== record.crc32) fail('zip-corrupt', 'fails its CRC-32 check (the bytes are damaged)');
}

/**
 * Open a zip and stream each accepted entry, in order, to `consume`, reporting progress over the compressed bytes.
 * Returns the opened archive, so that entries can be streamed again later.
 */
export async function eachEntry(
  zip: RandomAccessInput,
  limits: ZipLimits,
  options: OperationOptions,
  consume: (entry: AcceptedEntry, chunks: AsyncIterable<Uint8Array>) => Promise<void>,
): Promise<OpenedZip> {
  const opened = await openZip(zip, limits);
  const total = opened.entries.reduce((sum, entry) => sum + entry.record.compressedSize, 0);
  let done = 0;
  const onRead = (bytes: number) => {
    done += bytes;
    options.onProgress?.({ phase: `Unpacking ${zip.name}`, done, total });
  };
  for (const entry of opened.entries) await consume(entry, entryChunks(opened.input, entry, options, onRead));
  return opened;
}

/**
 * Unpack a zip into verified file contents held in memory, or throw an EvidenceError and return nothing at all.
 * For archives too large to hold, read entry by entry with {@link eachEntry} and {@link entryChunks}.
 */
export async function readZip(
  zip: RandomAccessInput,
  limits: ZipLimits,
  options: OperationOptions = {},
): Promise<EvidenceFileContent[]> {
  const contents: EvidenceFileContent[] = [];
  await eachEntry(zip, limits, options, async (entry, chunks) => {
    const bytes = new Uint8Array(entry.record.uncompressedSize);
    const hash = createSha256();
    let at = 0;
    for await (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
      hash.update(chunk);
    }
    contents.push({ path: entry.name, bytes, sha256: hash.digestHex() });
  });
  return contents;
}
