// Runs in Chromium (bundled by subject-ids.spec.ts): the People tab's subject list (renderer/subjects/queries.ts
// caseSubjectIds) taken from the case analysis's stored run while it is current, against its plain definition — the
// subject facet's distinct values — and falling back to the facet when the run is stale or kept too few of them.
import type { AuthEvent } from '../../../core/sources/types';
import { buildEventRows } from '../../../renderer/db/event-rows';
import { EMPTY_COUNTS } from '../../../renderer/db/records';
import { TokentrailDatabase } from '../../../renderer/db/schema';
import { distinctFacetValues } from '../../../renderer/db/event-store';
import { SUBJECT_IDS_KEPT } from '../../../renderer/db/case-analysis-records';
import { finishIngest, writeBatch } from '../../../renderer/ingest/ingest-store';
import { runTimelineAnalysis } from '../../../renderer/timeline-analysis/run-timeline-analysis';
import { caseSubjectIds } from '../../../renderer/subjects/queries';
import { runningIngest } from '../../support/running-ingest';

const T0 = Date.UTC(2026, 11, 1);

/** `count` events; event n's subject is subjectOf(n) (none when undefined). */
async function ingest(
  database: TokentrailDatabase,
  caseId: string,
  count: number,
  subjectOf: (n: number) => string | undefined,
): Promise<void> {
  const record = runningIngest(`ingest-${caseId}`, caseId, `${caseId}.jsonl`);
  await database.ingests.add(record);
  for (let first = 0; first < count; first += 500) {
    const events = Array.from({ length: Math.min(500, count - first) }, (_, index): AuthEvent => {
      const n = first + index;
      const subject = subjectOf(n);
      return {
        ts: T0 + n * 1000,
        time: new Date(T0 + n * 1000).toISOString(),
        source: { file: `${caseId}.jsonl`, sha256: '0'.repeat(64), format: 'tokentrail-jsonl', line: n + 1 },
        kind: 'use',
        ...(subject !== undefined ? { subject } : {}),
        ip: '203.0.113.7',
        tokenHashes: [],
        tokens: [],
        record: JSON.stringify({ n, subject }),
      };
    });
    await writeBatch(database, record, buildEventRows(caseId, record.id, record.fileId, events), [], { bytesRead: 0 });
  }
  await finishIngest(database, record.id, 'complete');
}

async function analyse(database: TokentrailDatabase, caseId: string): Promise<void> {
  const run = await runTimelineAnalysis(database, caseId, { signal: { aborted: false }, onProgress: () => {} });
  if (run.cancelled) throw new Error('the analysis was cancelled');
}

export async function runSubjectIdChecks() {
  const database = new TokentrailDatabase('tokentrail-subject-ids');
  const facet = (caseId: string, limit: number) => distinctFacetValues(database, caseId, 'subject', limit);
  const list = (caseId: string, limit: number) => caseSubjectIds(caseId, limit, database);
  for (const id of ['few', 'many'])
    await database.cases.add({
      id,
      title: id,
      createdAt: 0,
      updatedAt: 0,
      counts: EMPTY_COUNTS,
      eventLayout: 'blocks',
    });

  // A case of 40 subjects (some events name none; ids that sort apart from their numbers).
  await ingest(database, 'few', 1_200, (n) => (n % 7 === 0 ? undefined : `user${(n * 13) % 40}@example.com`));
  const beforeRun = await list('few', 1_000);
  await analyse(database, 'few');
  const few = {
    definition: await facet('few', 1_000),
    beforeRun,
    all: await list('few', 1_000),
    firstFive: await list('few', 5),
    stored: (await database.caseAnalyses.get('few'))?.subjectIds,
  };
  // With the facet's postings gone, only the stored run can still list the subjects: proof it is what was read.
  await database.eventPostings
    .where('[caseId+facet+level+bucket+id]')
    .between(['few', 'subject'], ['few', 'subject\uffff'])
    .delete();
  const withoutPostings = await list('few', 1_000);
  // Once the case changes (here its counts, as an ingest changes them) the run is stale: the facet is read again.
  await database.cases.update('few', { counts: { ...(await database.cases.get('few'))!.counts, events: 1_201 } });
  const stale = await list('few', 1_000);

  // A case of more distinct subjects than a run keeps.
  const manySubjects = SUBJECT_IDS_KEPT + 300;
  await ingest(database, 'many', manySubjects, (n) => `s${n}`);
  await analyse(database, 'many');
  const many = {
    definition: await facet('many', manySubjects + 10),
    withinKept: await list('many', 2_000),
    beyondKept: await list('many', manySubjects + 10),
    stored: (await database.caseAnalyses.get('many'))?.subjectIds,
  };
  database.close();
  return {
    few,
    withoutPostings,
    stale,
    many: { ...many, storedCount: many.stored?.first.length, stored: undefined, storedComplete: many.stored?.complete },
  };
}

Object.assign(globalThis, { runSubjectIdChecks });
