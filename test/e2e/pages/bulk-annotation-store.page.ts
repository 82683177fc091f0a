// Runs in Chromium (bundled by bulk-annotation-store.spec.ts): a bulk tag on real IndexedDB, in batches of 4 over 40
// events whose ids ("event:0" … "event:39") do not sort in batch order, so a batch's key range holds state rows of
// other batches. Some events are annotated before the job (one of them then emptied: a state row with no annotation),
// one while the job runs, and enough in one batch's range that its key read overflows and reads the whole batch.
// Every event must end with one unbroken history whose bulk revision follows the one before; a revision numbered
// as if the item were new collides with the stored one and fails the job.
import { saveAnnotation, storedStates } from '../../../renderer/annotations/annotation-store';
import { runBulkAnnotation } from '../../../renderer/annotations/bulk-annotation';
import { TokentrailDatabase } from '../../../renderer/db/schema';
import { seedAccessLogCase } from '../../support/access-log-case';

const CASE = 'case-bulk';
const EVENTS = 40;
const IP = '198.51.100.9';

const note = (text: string) => ({ note: text, tags: [], starred: false });

/** One event's history as the spec checks it: its revision numbers, the bulk revision's and the note it found. */
export interface EventHistory {
  readonly revs: number[];
  readonly bulkRev: number | undefined;
  readonly bulkBeforeNote: string | undefined;
  readonly stateRev: number;
  readonly tags: readonly string[];
}

async function runBulkRevisionCheck() {
  const database = new TokentrailDatabase('bulk-revisions');
  await seedAccessLogCase(database, CASE, IP, EVENTS);
  const save = (id: number, next: ReturnType<typeof note>) =>
    saveAnnotation(database, { caseId: CASE, target: { kind: 'event', id: String(id) }, investigator: 'Ann', next });

  // Before: 3 (first batch), 25 and 30–33 (all inside the range "event:10"…"event:9" of the batch 8–11, more rows
  // than the batch: the overflow path), 13 annotated and emptied again (revisions 0 and 1, an empty state row).
  for (const id of [3, 25, 30, 31, 32, 33, 13]) await save(id, note(`before ${id}`));
  await save(13, note(''));

  // The same answer as bulkGet, for batches in and out of order, present and absent, overflowing or not.
  const agrees: boolean[] = [];
  for (const batch of [['0', '1', '2', '3'], ['8', '9', '10', '11'], ['39', '13', '4'], ['25'], ['5', '6']]) {
    const keys = batch.map((id) => `event:${id}`);
    const [cheap, plain] = await database.transaction('r', database.annotationStates, () =>
      Promise.all([
        storedStates(database, CASE, keys),
        database.annotationStates.bulkGet(keys.map((key): [string, string] => [CASE, key])),
      ]),
    );
    agrees.push(JSON.stringify(cheap) === JSON.stringify(plain));
  }

  // During: when the job says it starts on its second batch, the investigator annotates 14 (in the fourth batch).
  let meanwhile: Promise<unknown> | undefined;
  const result = await runBulkAnnotation(
    database,
    {
      caseId: CASE,
      bulkId: 'bulk-1',
      investigator: 'Ben',
      selection: { kind: 'event', filter: { facets: { ip: IP } } },
      change: { op: 'add-tag', tag: 'exfil' },
      filterText: `IP ${IP}`,
    },
    {
      signal: { aborted: false },
      batchSize: 4,
      onProgress: (progress, options) => {
        if (options?.immediate && progress.matched === 8) meanwhile ??= save(14, note('during the job'));
      },
    },
  );
  await meanwhile;

  const histories: Record<string, EventHistory> = {};
  const revisions = await database.annotationRevisions.toArray();
  const states = await database.annotationStates.toArray();
  for (const state of states) {
    const own = revisions.filter((revision) => revision.target === state.target).sort((a, b) => a.rev - b.rev);
    const bulk = own.find((revision) => revision.bulkId === 'bulk-1');
    histories[state.id] = {
      revs: own.map((revision) => revision.rev),
      bulkRev: bulk?.rev,
      bulkBeforeNote: bulk?.before?.note,
      stateRev: state.rev,
      tags: state.state.tags,
    };
  }
  database.close();
  return { written: result.summary?.written, agrees, histories };
}

Object.assign(globalThis, { runBulkRevisionCheck });
