// A case archive as the input of `export` and `report create`: verified completely first (refused whole otherwise),
// then read a second time, keeping the rows of the tables those commands need and the bytes of the case material
// (keys, key history, case configuration) among its evidence. Both producers are read: the app's store tables
// (authEvents, timelineFindings, annotationStates…) and the CLI's own (cliEvents, cliFindings…).
import {
  ArchiveError,
  isCaseArchive,
  readArchive,
  verifyArchive,
  type ArchiveManifest,
  type ArchiveRow,
  type VerifiedArchive,
} from '../core/archive';
import { CASE_MATERIAL_KINDS, readCaseMaterial, type CaseFile, type CaseMaterial } from '../core/case';
import { EvidenceError, type EvidenceKind } from '../core';
import type { AuthEvent } from '../core/sources';
import { blockEventCount, decodeBlockEvent, EVENTS_PER_BLOCK, type EncodedBlockEvents } from '../core/timeline';
import { withArchiveFile } from './archive-file';
import { nodePublicKeyDeriver } from './node-crypto-verifier';
import { randomAccessFile } from './node-inputs';
import { nodeSha256 } from './node-sha256';

/** The tables these commands read; every other table is verified and passed over. */
const READ_TABLES = new Set([
  'cases',
  'custody',
  'imports',
  'evidenceFiles',
  'authEvents',
  'eventBlocks',
  'timelineFindings',
  'annotationStates',
  'caseAnalyses',
  'tokens',
  'cliEvents',
  'cliTokenAnalyses',
  'cliFindings',
  'cliIdentities',
]);

/** A verified case archive's content, as `export` and `report create` read it. */
export interface ArchivedCase {
  readonly file: string;
  readonly manifest: ArchiveManifest;
  readonly manifestSha256: string;
  /** Rows of the tables read, in the archive's order (an app archive's events without their index keys). */
  rows(table: string): readonly ArchiveRow[];
  /** Keys, key history and case configuration read from the archived evidence, as `analyze` reads a bundle's. */
  readonly material: CaseMaterial;
}

/**
 * Whether `target` is to be read as a case archive: a `.ttcase` file (always, so that a damaged one is refused as an
 * archive rather than analysed as evidence), or any file that presents itself as one (core/archive isCaseArchive).
 */
export async function isCaseArchiveTarget(target: string): Promise<boolean> {
  if (/\.ttcase$/i.test(target)) return true;
  let input: Awaited<ReturnType<typeof randomAccessFile>>;
  try {
    input = await randomAccessFile(target);
  } catch {
    return false; // a folder, or unreadable: the evidence reader says which
  }
  try {
    return await isCaseArchive(input);
  } finally {
    await input.close();
  }
}

/** An app archive's event row carries index keys (`facets`) no export reads: they are dropped as rows arrive. */
function keptRow(table: string, row: ArchiveRow): ArchiveRow {
  if (table !== 'authEvents') return row;
  return { seq: row.seq, ts: row.ts, event: row.event };
}

/**
 * An app archive's events with their seqs, in either layout the app stores them: a row per event (authEvents) or
 * blocks (eventBlocks, whose k-th block holds seqs k·EVENTS_PER_BLOCK onwards, in order, as JSON text: block-events.ts).
 */
export function archivedAppEvents(archived: ArchivedCase): { readonly seq: number; readonly event: AuthEvent }[] {
  const events = archived
    .rows('authEvents')
    .map((row) => ({ seq: Number(row.seq), event: row.event as unknown as AuthEvent }));
  for (const row of archived.rows('eventBlocks')) {
    const block = row as unknown as EncodedBlockEvents & { readonly block: number };
    const first = block.block * EVENTS_PER_BLOCK;
    for (let offset = 0; offset < blockEventCount(block); offset += 1)
      events.push({ seq: first + offset, event: decodeBlockEvent(block, offset)! });
  }
  return events;
}

/** Thrown by a reader to end a pass once it has what it needs. */
class EnoughRead extends Error {}

async function wholeBytes(chunks: AsyncIterable<Uint8Array>, size: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  let at = 0;
  for await (const chunk of chunks) {
    bytes.set(chunk.subarray(0, Math.max(0, size - at)), at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * The case material among the archived evidence (small files: keys, key history, case configuration), read whole.
 * Evidence entries come first, so the pass ends at the first table's rows.
 */
async function readMaterial(
  input: Parameters<typeof readArchive>[0],
  verified: VerifiedArchive,
  kinds: ReadonlyMap<string, { kind: EvidenceKind; importId?: string }>,
  imports: readonly string[],
): Promise<CaseFile[]> {
  const isMaterial = (fileId: string) => CASE_MATERIAL_KINDS.includes(kinds.get(fileId)?.kind as EvidenceKind);
  if (!verified.manifest.evidence.some((entry) => isMaterial(entry.fileId))) return [];
  const files: CaseFile[] = [];
  try {
    await readArchive(
      input,
      verified,
      {
        async evidence(entry, chunks) {
          if (!isMaterial(entry.fileId)) return;
          const known = kinds.get(entry.fileId)!;
          files.push({
            path: entry.path,
            kind: known.kind,
            sha256: entry.sha256,
            bytes: await wholeBytes(chunks, entry.size),
            importedAt: Math.max(0, imports.indexOf(known.importId ?? '')),
          });
        },
        rows() {
          throw new EnoughRead();
        },
      },
      { sha256: nodeSha256 },
    );
  } catch (error) {
    if (!(error instanceof EnoughRead)) throw error;
  }
  return files;
}

/**
 * Verify the archive at `file` completely, then read the rows of the tables `export` and `report create` use and its
 * case material. A refused archive throws an EvidenceError (`archive-refused`) whose message names the archive, the
 * entry and why, with nothing read.
 */
export async function readArchivedCase(file: string): Promise<ArchivedCase> {
  try {
    return await withArchiveFile(file, async (input) => {
      const verified = await verifyArchive(input, { sha256: nodeSha256 });
      const kinds = new Map<string, { kind: EvidenceKind; importId?: string }>();
      const tables = new Map<string, ArchiveRow[]>();
      await readArchive(
        input,
        verified,
        {
          async rows(table, batch) {
            if (!READ_TABLES.has(table.name)) return;
            let rows = tables.get(table.name);
            if (!rows) tables.set(table.name, (rows = []));
            for (const row of batch) rows.push(keptRow(table.name, row));
            if (table.name === 'evidenceFiles')
              for (const row of batch)
                kinds.set(String(row.id), { kind: row.kind as EvidenceKind, importId: row.importId as string });
          },
          // Evidence comes before the table that says which file is what: the material is read afterwards.
          async evidence() {},
        },
        { sha256: nodeSha256 },
      );
      const imports = (tables.get('imports') ?? []).map((row) => String(row.id));
      const caseFiles = await readMaterial(input, verified, kinds, imports);
      return {
        file,
        manifest: verified.manifest,
        manifestSha256: verified.manifestSha256,
        rows: (table: string) => tables.get(table) ?? [],
        material: await readCaseMaterial(caseFiles, { derivePublic: nodePublicKeyDeriver }),
      };
    });
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    throw new EvidenceError('archive-refused', file, `${file}: refused whole: ${error.message}`, {
      entry: error.entry,
    });
  }
}
