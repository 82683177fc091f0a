// THE schema of the renderer's IndexedDB store. Versions are numbered and only ever appended: a new
// version states the full table list and, when records change shape, an upgrade function.
import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  AnnotationRecord,
  CaseRecord,
  CustodyRecord,
  EventRecord,
  EvidenceBlobRecord,
  EvidenceFileRecord,
  FindingRecord,
  ImportRecord,
  SettingRecord,
  TokenRecord,
  TokenSightingRecord,
} from './records';

export const DATABASE_NAME = 'tokentrail';

export class TokentrailDatabase extends Dexie {
  cases!: EntityTable<CaseRecord, 'id'>;
  evidenceFiles!: EntityTable<EvidenceFileRecord, 'id'>;
  evidenceBlobs!: EntityTable<EvidenceBlobRecord, 'fileId'>;
  custody!: Table<CustodyRecord, [string, number]>;
  imports!: EntityTable<ImportRecord, 'id'>;
  tokens!: Table<TokenRecord, [string, string]>;
  tokenSightings!: EntityTable<TokenSightingRecord, 'id'>;
  events!: EntityTable<EventRecord, 'id'>;
  findings!: EntityTable<FindingRecord, 'id'>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name = DATABASE_NAME) {
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
  }
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
    database.events,
    database.findings,
    database.annotations,
  ];
}
