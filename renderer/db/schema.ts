// THE schema of the renderer's IndexedDB store. Versions are numbered and only ever appended: a new
// version states the full table list and, when records change shape, an upgrade function.
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type {
  CaseRecord,
  CustodyRecord,
  EvidenceBlobRecord,
  EvidenceFileRecord,
  FindingRecord,
  ImportRecord,
  SettingRecord,
  TokenRecord,
  TokenSightingRecord,
} from './records';
import { EMPTY_COUNTS } from './records';
import { custodyAnchorOf, type CustodyAnchor } from '../../core/evidence';
import { bucketsFromV3, type V3BucketRecord } from './histogram-buckets';
import type {
  BucketRecord,
  FacetCountRecord,
  GeoDatabaseFileRecord,
  GeoDatabaseRecord,
  IngestProblemRecord,
  IngestRecord,
  StoredEvent,
} from './event-records';
import type { EventTextFilterRecord, EventTextRecord, EventTextRowFiltersRecord } from './event-text';
import type { EventTokenLinksRecord, StoredEventBlock, StoredPostingRow } from './event-blocks';
import { withDerivedKeys } from './derived-keys';
import type { TokenAnalysisDetail, TokenAnalysisSummary } from './token-analysis-records';
import type { AnnotationRevisionRecord, AnnotationStateRecord, CaseTagRecord } from './annotation-records';
import type { CaseAnalysisRecord, StoredFamily, StoredFinding, StoredLifecycle } from './case-analysis-records';

export const DATABASE_NAME = 'tokentrail';

export class TokentrailDatabase extends Dexie {
  cases!: EntityTable<CaseRecord, 'id'>;
  evidenceFiles!: EntityTable<EvidenceFileRecord, 'id'>;
  evidenceBlobs!: EntityTable<EvidenceBlobRecord, 'fileId'>;
  custody!: Table<CustodyRecord, [string, number]>;
  imports!: EntityTable<ImportRecord, 'id'>;
  tokens!: Table<TokenRecord, [string, string]>;
  tokenSightings!: EntityTable<TokenSightingRecord, 'id'>;
  authEvents!: Table<StoredEvent, [string, number]>;
  ingests!: EntityTable<IngestRecord, 'id'>;
  ingestProblems!: EntityTable<IngestProblemRecord, 'id'>;
  eventFacets!: Table<FacetCountRecord, [string, string, string]>;
  eventBuckets!: Table<BucketRecord, [string, number, number]>;
  eventText!: Table<EventTextRecord, [string, number, number]>;
  eventTextFilters!: Table<EventTextFilterRecord, [string, number, number]>;
  eventTextRowFilters!: Table<EventTextRowFiltersRecord, [string, number, number]>;
  eventBlocks!: Table<StoredEventBlock, [string, number]>;
  eventPostings!: Table<StoredPostingRow, [string, string, number, number | string, number]>;
  eventTokenLinks!: Table<EventTokenLinksRecord, [string, number]>;
  geoDatabases!: EntityTable<GeoDatabaseRecord, 'id'>;
  geoDatabaseFiles!: EntityTable<GeoDatabaseFileRecord, 'id'>;
  tokenAnalyses!: Table<TokenAnalysisSummary, [string, string]>;
  tokenAnalysisDetails!: Table<TokenAnalysisDetail, [string, string]>;
  findings!: EntityTable<FindingRecord, 'id'>;
  annotationStates!: Table<AnnotationStateRecord, [string, string]>;
  annotationRevisions!: Table<AnnotationRevisionRecord, [string, string, number]>;
  caseTags!: Table<CaseTagRecord, [string, string]>;
  settings!: EntityTable<SettingRecord, 'key'>;
  timelineFindings!: Table<StoredFinding, [string, string]>;
  lifecycles!: Table<StoredLifecycle, [string, string]>;
  tokenFamilies!: Table<StoredFamily, [string, string]>;
  caseAnalyses!: EntityTable<CaseAnalysisRecord, 'caseId'>;

  /** `throughVersion` below the latest opens an older schema: only the upgrade tests use it. */
  constructor(name = DATABASE_NAME, throughVersion = 11) {
    super(name);
    this.version(1).stores({
      cases: 'id, updatedAt',
      evidenceFiles: 'id, caseId, importId, [caseId+path], sha256',
      evidenceBlobs: 'fileId, caseId',
      custody: '[caseId+seq]',
      imports: 'id, caseId, status',
      // The compound primary key makes a token unique per case.
      tokens: '[caseId+tokenHash], caseId, tokenHash, jti, sub, iss',
      tokenSightings: '++id, caseId, [caseId+tokenHash], importId',
      // Events can number in the millions: [caseId+ts] serves both the timeline and deleting a case,
      // so no separate caseId index is paid for on every write.
      events: '++id, [caseId+ts], *tokenHash, jti, sub, sessionId, ip, importId',
      findings: 'id, caseId, detectorId, tokenHash',
      annotations: 'id, caseId, [caseId+target]',
      settings: 'key',
    });
    if (throughVersion < 2) return;
    // v2: ingest. v1's `events` table was never written (no parser existed); it is replaced by `authEvents`,
    // keyed [caseId+seq] so the timeline can page by [caseId+ts+seq] with the key as the tie-break, and with ONE
    // multi-entry index (`facets`, see event-records.ts) serving every filter instead of one index per field:
    // each index entry costs write time, and the timeline needs [value, ts, seq] order, not just the value.
    this.version(2)
      .stores({
        events: null,
        authEvents: '[caseId+seq], [caseId+ts+seq], *facets',
        ingests: 'id, caseId, status',
        ingestProblems: '++id, caseId, ingestId',
        eventFacets: '[caseId+facet+value]',
        eventBuckets: '[caseId+width+start]',
        geoDatabases: 'id',
        // Token analysis (renderer/tokens), replaced on re-analysis: a small summary per token that the Tokens
        // list reads whole on every change (verdict and severity filters run on it), and the details only the
        // selected token's panel reads. The caseId indexes serve the list and deleting a case.
        tokenAnalyses: '[caseId+tokenHash], caseId',
        tokenAnalysisDetails: '[caseId+tokenHash], caseId',
      })
      .upgrade((transaction) =>
        transaction
          .table('cases')
          .toCollection()
          .modify((record: { counts: object }) => {
            record.counts = { ...EMPTY_COUNTS, ...record.counts };
          }),
      );
    if (throughVersion < 3) return;
    // v3: the case analysis (core/timeline). Its findings get a table of their own, keyed by the finding's stable
    // key so re-runs replace them and annotations stay attached; v1's `findings` keeps the token checks' rows.
    // [caseId+rank+ts] serves the Findings view most-severe-first; lifecycles by family give the diagram's lanes.
    this.version(3).stores({
      timelineFindings: '[caseId+key], [caseId+rank+ts]',
      lifecycles: '[caseId+tokenHash], [caseId+familyId]',
      tokenFamilies: '[caseId+id]',
      caseAnalyses: 'caseId',
    });
    if (throughVersion < 4) return;
    // v4: histogram rows hold slots (an hour of minute counts, a day of hour counts) instead of one row per minute,
    // hour and day: a batch of a sparse log wrote about one bucket row per event (histogram-buckets.ts). Same key.
    this.version(4)
      .stores({ eventBuckets: '[caseId+width+start]' })
      .upgrade(async (transaction) => {
        const rows = bucketsFromV3(await transaction.table<V3BucketRecord>('eventBuckets').toArray());
        const buckets = transaction.table<BucketRecord>('eventBuckets');
        await buckets.clear();
        await buckets.bulkAdd(rows);
      });
    if (throughVersion < 5) return;
    // v5: the free-text rows (event-text.ts), written by every ingest batch. Events stored before have none; rather
    // than rewrite millions of rows while the app opens, their cases are marked and keep the row-by-row search.
    // And a geolocation database's bytes move to a table of their own, so listing the databases reads no file.
    this.version(5)
      .stores({ eventText: '[caseId+start+firstSeq], [caseId+lastTs+firstSeq], ingestId', geoDatabaseFiles: 'id' })
      .upgrade(async (transaction) => {
        await markCasesWithEvents(transaction, 'eventTextMissing');
        const geo = transaction.table<GeoDatabaseRecord & { bytes?: Uint8Array }>('geoDatabases');
        for (const { bytes, ...record } of await geo.toArray()) {
          if (!bytes) continue;
          await transaction.table<GeoDatabaseFileRecord>('geoDatabaseFiles').put({ id: record.id, bytes });
          await geo.put(record);
        }
      });
    if (throughVersion < 6) return;
    // v6: every case records its custody chain's length and last hash (custody-log.ts), so a truncated tail or a
    // rewritten head is detected. Existing cases are anchored to their chain as found, marked 'upgrade': a truncation
    // made before this moment cannot be seen, and the Evidence tab says the anchor dates from the upgrade. No index.
    this.version(6)
      .stores({})
      .upgrade(async (transaction) => {
        const custody = transaction.table<CustodyRecord, [string, number]>('custody');
        const cases = transaction.table<CaseRecord, string>('cases');
        for (const record of await cases.toArray()) {
          const head = await custody
            .where('[caseId+seq]')
            .between([record.id, Dexie.minKey], [record.id, Dexie.maxKey])
            .last();
          const custodyAnchor: CustodyAnchor = custodyAnchorOf(head, 'upgrade');
          await cases.put({ ...record, custodyAnchor });
        }
      });
    if (throughVersion < 7) return;
    // v7: the investigator's annotations (annotation-records.ts). v1's `annotations` table was never written; it is
    // replaced by the append-only revisions, the latest state per item (one multi-entry index serves every annotation
    // filter, as `facets` does for events) and the case's tag set.
    this.version(7).stores({
      annotations: null,
      annotationStates: '[caseId+target], *facets',
      annotationRevisions: '[caseId+target+rev]',
      caseTags: '[caseId+name]',
    });
    if (throughVersion < 8) return;
    // v8: a trigram filter record beside every free-text row (event-text.ts), written by every ingest batch. Nothing
    // is rewritten here: rows stored before have no record, are read as before, and a search that reads one writes
    // its record (text-filter-backfill.ts).
    this.version(8).stores({ eventTextFilters: '[caseId+start+firstSeq], ingestId' });
    if (throughVersion < 9) return;
    // v9: an ingest batch packs its text rows' filters into records of ~16 rows that name the rows' keys and hold one
    // filter of all their text, indexed by their latest time for the packs that straddle a position; the rows' own
    // filters are a record apart (eventTextRowFilters), read only for packs whose filter lets a needle through. A
    // search reads packs instead of text keys. The records of cases with events from before are one per row or
    // missing: those cases are marked and keep reading the rows' keys (text-pages.ts). Nothing is rewritten.
    this.version(9)
      .stores({
        eventTextFilters: '[caseId+start+firstSeq], ingestId, [caseId+lastTs+firstSeq]',
        eventTextRowFilters: '[caseId+start+firstSeq], ingestId',
      })
      .upgrade((transaction) => markCasesWithEvents(transaction, 'textFiltersIncomplete'));
    if (throughVersion < 10) return;
    // v10: the block layout of a case's events (event-blocks.ts, issue 19): blocks of up to 128 events in time order
    // keyed by block number (seq / 128), indexed by their first and last time for merges in time order; posting rows
    // of the facet values, per batch (level 0) and per compaction (level 1), indexed by ingest for compaction and
    // removal; the analysis's token links of events, one row per linked event, indexed by [caseId, token, ts, seq].
    // Only cases created with `eventLayout: 'blocks'` write them; every other case keeps its rows (authEvents).
    this.version(10).stores({
      eventBlocks: '[caseId+block], ingestId, [caseId+start+block], [caseId+end+block]',
      eventPostings: '[caseId+facet+level+bucket+id], [ingestId+level]',
      eventTokenLinks: '[caseId+seq], *keys',
    });
    if (throughVersion < 11) return;
    // v11: a walk finds the blocks that straddle its position from the time bins they cover (block-time-bins.ts), not
    // from every block of the hour before it; a posting row carries its time span, indexed, so a page opens the rows
    // that reach its position instead of a value's whole history. Both are computed from what v10 stored: the blocks
    // and posting rows of block cases are given them here, in place. The ingest index of the posting rows gains the
    // row id, so a compaction reads its ingest's level-0 rows after the ones it merged before, past their deletions.
    this.version(11)
      .stores({
        eventBlocks: '[caseId+block], ingestId, [caseId+start+block], [caseId+end+block], *bins',
        eventPostings:
          '[caseId+facet+level+bucket+id], [ingestId+level+id], [caseId+facet+level+bucket+start+id], [caseId+facet+level+bucket+end+id]',
      })
      .upgrade(async (transaction) => {
        for (const table of ['eventBlocks', 'eventPostings'])
          await transaction
            .table(table)
            .toCollection()
            .modify((row: Record<string, unknown>) => {
              Object.assign(row, withDerivedKeys(table, row));
            });
      });
  }
}

/** Sets a marker on every case that had events when the schema changed under them (CaseRecord). */
async function markCasesWithEvents(
  transaction: Transaction,
  marker: 'eventTextMissing' | 'textFiltersIncomplete',
): Promise<void> {
  await transaction
    .table('cases')
    .toCollection()
    .modify((record: Partial<Record<typeof marker, true>> & { nextEventSeq?: number }) => {
      if ((record.nextEventSeq ?? 0) > 0) record[marker] = true;
    });
}

/** The app's one database connection. */
export const db = new TokentrailDatabase();

/** Every table that holds rows of a case, for transactions that touch a whole case. */
export function caseTables(database: TokentrailDatabase) {
  return [
    database.cases,
    database.evidenceFiles,
    database.evidenceBlobs,
    database.custody,
    database.imports,
    database.tokens,
    database.tokenSightings,
    database.tokenAnalyses,
    database.tokenAnalysisDetails,
    database.authEvents,
    database.ingests,
    database.ingestProblems,
    database.eventFacets,
    database.eventBuckets,
    database.eventText,
    database.eventTextFilters,
    database.eventTextRowFilters,
    database.eventBlocks,
    database.eventPostings,
    database.eventTokenLinks,
    database.findings,
    database.annotationStates,
    database.annotationRevisions,
    database.caseTags,
    database.timelineFindings,
    database.lifecycles,
    database.tokenFamilies,
    database.caseAnalyses,
  ];
}
