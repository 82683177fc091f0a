import { Inflate } from 'fflate';
import { CancelledError, EvidenceError } from '../errors';
import { createSha256 } from '../sha256';
import type { EvidenceFileContent, OperationOptions, RandomAccessInput, ZipLimits } from '../types';
import { locateEntryData, readCentralDirectory } from './central-directory';
import { updateCrc32 } from './crc32';
import { acceptEntries, type AcceptedEntry } from './entry-policy';

/** Compressed bytes are read from the archive this many at a time, so memory use never depends on entry size. */
const READ_CHUNK = 1024 * 1024;

/**
 * Unpack a zip into verified file contents, or throw an EvidenceError and return nothing at all.
 * Entries are inflated as a stream (fflate) and each one is checked against what the central directory declared:
 * output longer than the declared size stops at once (a lying header is how bombs slip past ratio checks), and a
 * CRC-32 mismatch means corruption.
 */
export async function readZip(
  zip: RandomAccessInput,
  limits: ZipLimits,
  options: OperationOptions = {},
): Promise<EvidenceFileContent[]> {
  const entries = acceptEntries(await readCentralDirectory(zip, limits.maxEntries), limits, zip.name);
  const total = entries.reduce((sum, entry) => sum + entry.record.compressedSize, 0);
  let done = 0;
  const contents: EvidenceFileContent[] = [];
  for (const entry of entries) {
    contents.push(
      await extractEntry(zip, entry, options, (bytes) => {
        done += bytes;
        options.onProgress?.({ phase: `Unpacking ${zip.name}`, done, total });
      }),
    );
  }
  return contents;
}

async function extractEntry(
  zip: RandomAccessInput,
  entry: AcceptedEntry,
  options: OperationOptions,
  onRead: (bytes: number) => void,
): Promise<EvidenceFileContent> {
  const { record, name } = entry;
  const fail = (code: string, why: string): never => {
    throw new EvidenceError(code, zip.name, `${zip.name}: entry "${name}" ${why}; the archive is refused and nothing of it was imported.`, { entry: name });
  };
  const dataStart = await locateEntryData(zip, record, name);
  if (dataStart + record.compressedSize > zip.size) fail('zip-truncated', 'is cut short: the archive ends before its data does');

  const output = new Uint8Array(record.uncompressedSize);
  let written = 0;
  let crc = 0;
  const hash = createSha256();
  const accept = (chunk: Uint8Array): void => {
    if (written + chunk.length > record.uncompressedSize) fail('zip-size-mismatch', `inflates to more than its declared ${record.uncompressedSize} bytes`);
    output.set(chunk, written);
    written += chunk.length;
    crc = updateCrc32(crc, chunk);
    hash.update(chunk);
  };
  const inflate = record.method === 8 ? new Inflate((chunk) => accept(chunk)) : undefined;

  for (let offset = 0; offset < record.compressedSize || (offset === 0 && record.compressedSize === 0); offset += READ_CHUNK) {
    if (options.signal?.aborted) throw new CancelledError();
    const length = Math.min(READ_CHUNK, record.compressedSize - offset);
    const chunk = length > 0 ? await zip.read(dataStart + offset, length) : new Uint8Array(0);
    const final = offset + length >= record.compressedSize;
    try {
      if (inflate) inflate.push(chunk, final);
      else accept(chunk);
    } catch (error) {
      if (error instanceof EvidenceError) throw error;
      fail('zip-corrupt', `cannot be decompressed (${(error as Error).message})`);
    }
    onRead(length);
    if (final) break;
  }
  if (written !== record.uncompressedSize) fail('zip-size-mismatch', `holds ${written} bytes, not the ${record.uncompressedSize} its header declares`);
  if (crc !== record.crc32) fail('zip-corrupt', 'fails its CRC-32 check (the bytes are damaged)');
  return { path: name, bytes: output, sha256: hash.digestHex() };
}
