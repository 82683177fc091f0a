// Discarding evidence that was added by mistake (a wrong file, a whole wrong import). Evidence is never deleted:
// the file's record and bytes stay, re-verifiable, and the journal says who discarded what, when and why. What
// leaves is what the analysis derived from it — re-derivable from the kept bytes at any time:
// - the file is marked `discarded` (records.ts), so it is never parsed again and its keys and case configuration
//   are no longer read (ingest-plan.ts isLogLike, case-evidence.ts);
// - its token sightings go; a token seen nowhere else goes with its analysis;
// - its events go, through the same chunked removal a Parse again uses (ingest-store.ts removeIngestEvents).
// The mark, the token changes and the `evidence-discarded` entry are ONE transaction; the events follow in chunks.
// Should the window close between chunks, removeDiscardedEvents (run again when the case opens) finishes the job:
// the mark is the decision, the removal its idempotent consequence.
import { changeDigest } from '../../core/annotations';
import type { CaseRecord, EvidenceFileRecord, TokenRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';
import { removeIngestEvents } from '../ingest/ingest-store';
import { appendCustody } from './custody-log';

export interface DiscardRequest {
  readonly caseId: string;
  readonly fileIds: readonly string[];
  readonly reason: string;
  readonly investigator: string;
}

/** The tokens and sightings the discarded files account for, and what is left of each token. */
async function dropTokensOf(
  database: TokentrailDatabase,
  caseId: string,
  files: readonly EvidenceFileRecord[],
): Promise<{ tokens: number; sightings: number }> {
  const wanted = new Set(files.map((file) => `${file.importId}\n${file.path}`));
  const sightings = (
    await database.tokenSightings
      .where('importId')
      .anyOf([...new Set(files.map((file) => file.importId))])
      .toArray()
  ).filter((sighting) => sighting.caseId === caseId && wanted.has(`${sighting.importId}\n${sighting.path}`));
  const lost = new Map<string, number>();
  for (const sighting of sightings) lost.set(sighting.tokenHash, (lost.get(sighting.tokenHash) ?? 0) + 1);
  const keys = [...lost.keys()].map((tokenHash): [string, string] => [caseId, tokenHash]);
  const tokens = (await database.tokens.bulkGet(keys)).filter((token): token is TokenRecord => token !== undefined);
  const gone = tokens.filter((token) => token.sightingCount <= (lost.get(token.tokenHash) ?? 0));
  const kept = tokens
    .filter((token) => !gone.includes(token))
    .map((token) => ({ ...token, sightingCount: token.sightingCount - (lost.get(token.tokenHash) ?? 0) }));
  const goneKeys = gone.map((token): [string, string] => [caseId, token.tokenHash]);
  await Promise.all([
    database.tokenSightings.bulkDelete(sightings.map((sighting) => sighting.id!)),
    database.tokens.bulkPut(kept),
    database.tokens.bulkDelete(goneKeys),
    database.tokenAnalyses.bulkDelete(goneKeys),
    database.tokenAnalysisDetails.bulkDelete(goneKeys),
  ]);
  return { tokens: gone.length, sightings: sightings.length };
}

/** Marks the files discarded, drops their tokens and journals it, in one transaction. Returns the journal seq. */
async function markDiscarded(database: TokentrailDatabase, request: DiscardRequest): Promise<number> {
  const { caseId, investigator } = request;
  const reason = request.reason.trim();
  if (!reason) throw new Error('Say why the evidence is discarded: the reason goes into the journal.');
  const tables = [
    database.evidenceFiles,
    database.ingests,
    database.tokens,
    database.tokenSightings,
    database.tokenAnalyses,
    database.tokenAnalysisDetails,
    database.custody,
    database.cases,
  ];
  return database.transaction('rw', tables, async () => {
    const found = await database.evidenceFiles.bulkGet([...request.fileIds]);
    const files = found.filter((file): file is EvidenceFileRecord => file?.caseId === caseId && !file.discarded);
    if (files.length === 0) throw new Error('Nothing to discard: the files are gone or already discarded.');
    const busy = (await database.ingests.where('caseId').equals(caseId).toArray()).find(
      (ingest) =>
        files.some((file) => file.id === ingest.fileId) && (ingest.status === 'queued' || ingest.status === 'running'),
    );
    if (busy) throw new Error(`${busy.path} is still being parsed; cancel its ingest first, then discard it.`);
    const at = Date.now();
    await database.evidenceFiles.bulkPut(files.map((file) => ({ ...file, discarded: { at, investigator, reason } })));
    const dropped = await dropTokensOf(database, caseId, files);
    await database.cases.update(caseId, (record: CaseRecord) => {
      Object.assign(record, {
        discardedFiles: (record.discardedFiles ?? 0) + files.length,
        counts: {
          ...record.counts,
          tokens: Math.max(0, record.counts.tokens - dropped.tokens),
          sightings: Math.max(0, record.counts.sightings - dropped.sightings),
        },
      });
    });
    const named = files.map((file) => ({ id: file.id, path: file.path, sha256: file.sha256 ?? '' }));
    const entry = await appendCustody(database, caseId, {
      at,
      investigator,
      action: 'evidence-discarded',
      source: files.length === 1 ? files[0]!.path : `${files.length} files`,
      ...(files.length === 1 ? { target: `file:${files[0]!.id}` } : {}),
      files: files.map((file) => ({
        path: file.path,
        size: file.size ?? 0,
        sha256: file.sha256 ?? '',
        verdict: 'discarded',
      })),
      detail: `discarded from the analysis (bytes kept): ${reason}; ${dropped.tokens} tokens and ${dropped.sightings} sightings left with it`,
      digest: changeDigest({ files: named, reason }),
    });
    return entry.seq;
  });
}

/** Removes the events of every discarded file of the case that still has some; safe to run any number of times. */
export async function removeDiscardedEvents(database: TokentrailDatabase, caseId: string): Promise<void> {
  const discarded = new Set(
    (await database.evidenceFiles.where('caseId').equals(caseId).toArray())
      .filter((file) => file.discarded)
      .map((file) => file.id),
  );
  if (discarded.size === 0) return;
  const ingests = (await database.ingests.where('caseId').equals(caseId).toArray()).filter(
    (ingest) => discarded.has(ingest.fileId) && ingest.status !== 'replaced',
  );
  for (const ingest of ingests) await removeIngestEvents(database, ingest);
}

/** Discards evidence files of a case (see the top of this file); returns the seq of the journal entry. */
export async function discardEvidence(database: TokentrailDatabase, request: DiscardRequest): Promise<number> {
  const seq = await markDiscarded(database, request);
  await removeDiscardedEvents(database, request.caseId);
  return seq;
}
