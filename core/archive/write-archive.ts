import { CancelledError } from '../evidence/errors';
import { sha256Hex } from '../evidence/sha256';
import { CHAIN_START } from '../evidence/custody';
import { TOOL_VERSION } from '../version';
import { encodeRow } from './row-codec';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_MANIFEST_NAME,
  CUSTODY_TABLE,
  type ArchiveByteSink,
  type ArchiveEntry,
  type ArchiveEvidence,
  type ArchiveManifest,
  type ArchiveOptions,
  type ArchiveSource,
  type ArchiveTable,
  type ArchiveTableSource,
  type WrittenArchive,
} from './types';
import { ArchiveZipWriter } from './zip-writer';
import { isTableName, tableEntryName, evidenceEntryName } from './entry-names';

/** NDJSON text is encoded and handed to the zip in pieces of about this many characters. */
const TEXT_CHUNK = 256 * 1024;
const encoder = new TextEncoder();

/** Rows of a table as NDJSON chunks; counts the rows and remembers the custody chain's head as it passes. */
async function* tableChunks(
  table: ArchiveTableSource,
  seen: { rows: number; last?: { readonly [key: string]: unknown } },
  options: ArchiveOptions,
): AsyncGenerator<Uint8Array> {
  let text = '';
  for await (const row of table.rows()) {
    if (options.signal?.aborted) throw new CancelledError();
    text += `${encodeRow(row, table.name)}\n`;
    seen.rows++;
    seen.last = row;
    if (seen.rows % 1000 === 0) options.onProgress?.({ phase: table.name, done: seen.rows });
    if (text.length >= TEXT_CHUNK) {
      yield encoder.encode(text);
      text = '';
    }
  }
  if (text.length > 0) yield encoder.encode(text);
  options.onProgress?.({ phase: table.name, done: seen.rows });
}

async function* countedChunks(
  chunks: AsyncIterable<Uint8Array>,
  phase: string,
  options: ArchiveOptions,
): AsyncGenerator<Uint8Array> {
  let done = 0;
  for await (const chunk of chunks) {
    done += chunk.length;
    options.onProgress?.({ phase, done });
    yield chunk;
  }
}

/**
 * Write a case archive (docs/archive-format.md) to `sink`, streaming: evidence files one after the other, then each
 * table's rows as they come from its source, then the manifest that lists the size and SHA-256 of every entry.
 * Memory holds one chunk of each at a time. The custody table's rows must be the chain in order: the manifest
 * anchors its length and last hash. Throws `CancelledError` when `signal` is aborted (what reached the sink is then
 * an unfinished zip the host discards), `ArchiveError('archive-value')` for a row value the format cannot carry.
 */
export async function writeArchive(
  source: ArchiveSource,
  sink: ArchiveByteSink,
  options: ArchiveOptions = {},
): Promise<WrittenArchive> {
  const names = source.tables.map((table) => table.name);
  const bad = names.find((name, index) => !isTableName(name) || names.indexOf(name) !== index);
  if (bad !== undefined) throw new TypeError(`table name "${bad}" is not a plain name or is given twice`);
  if (!names.includes(CUSTODY_TABLE)) throw new TypeError(`an archive needs the "${CUSTODY_TABLE}" table`);
  const zip = new ArchiveZipWriter(sink, options.signal, options.sha256);
  const entries: ArchiveEntry[] = [];
  const evidence: ArchiveEvidence[] = [];
  for (const [index, file] of source.evidence.entries()) {
    const name = evidenceEntryName(index);
    const entry = await zip.entry(name, countedChunks(file.chunks(), `evidence ${file.path}`, options));
    entries.push(entry);
    evidence.push({ entry: name, fileId: file.fileId, path: file.path, size: entry.size, sha256: entry.sha256 });
  }
  const tables: ArchiveTable[] = [];
  let custody: ArchiveManifest['custody'] = { length: 0, headHash: CHAIN_START };
  for (const table of source.tables) {
    const seen: { rows: number; last?: { readonly [key: string]: unknown } } = { rows: 0 };
    const entry = await zip.entry(tableEntryName(table.name), tableChunks(table, seen, options));
    entries.push(entry);
    tables.push({ name: table.name, entry: entry.name, rows: seen.rows });
    if (table.name === CUSTODY_TABLE && seen.last) custody = { length: seen.rows, headHash: String(seen.last.hash) };
  }
  const manifestOf = (body: ArchiveManifest['body']): ArchiveManifest => ({
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    toolVersion: TOOL_VERSION,
    producer: source.producer,
    case: { id: source.case.id, title: source.case.title },
    createdAt: source.createdAt,
    createdBy: source.createdBy,
    custody,
    geoDatabases: source.geoDatabases.map(({ id, name, version, sha256, size }) => ({
      id,
      name,
      version,
      sha256,
      size,
    })),
    tables,
    evidence,
    entries,
    body,
  });
  let manifest: ArchiveManifest | undefined;
  const finished = await zip.finish(ARCHIVE_MANIFEST_NAME, (body) => {
    manifest = manifestOf(body);
    return encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  });
  return { manifest: manifest!, manifestSha256: sha256Hex(finished.content), size: finished.size };
}
