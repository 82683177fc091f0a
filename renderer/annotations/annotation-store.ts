// Writing one item's annotation. One read-write transaction holds everything the change touches: the appended
// revision, the item's state row (its empty state when the annotation was deleted), the tags the case did not know
// yet, and one custody entry naming the item and the digest of the change. Either all of it is stored or none.
import { Dexie } from 'dexie';
import { EMPTY_ANNOTATION, targetKey, type AnnotationState, type AnnotationTarget } from '../../core/annotations';
import type { AnnotationStateRecord } from '../db/annotation-records';
import type { TokentrailDatabase } from '../db/schema';
import { appendCustody } from '../evidence/custody-log';
import { annotationWrite, type AnnotationWrite } from './annotation-write';
import { describeAnnotationChange } from './change-summary';
import { tagColour } from './tag-colour';

export interface SaveAnnotation {
  readonly caseId: string;
  readonly target: AnnotationTarget;
  readonly investigator: string;
  /** The new state, or how to make it from the current one (read inside the transaction: a star toggled twice
   * quickly toggles twice). */
  readonly next: AnnotationState | ((current: AnnotationState) => AnnotationState);
  /** UTC epoch ms; now by default. */
  readonly at?: number;
}

/** The number of an item's last revision, or undefined when it was never annotated. */
export async function lastRevisionNumber(
  database: TokentrailDatabase,
  caseId: string,
  target: string,
): Promise<number | undefined> {
  const last = await database.annotationRevisions
    .where('[caseId+target+rev]')
    .between([caseId, target, Dexie.minKey], [caseId, target, Dexie.maxKey])
    .last();
  return last?.rev;
}

/**
 * The stored state rows of `targets` (`kind:id` keys), in their order, undefined where an item has none: what one
 * `bulkGet` answers, read for less when few of them exist. The keys of the state rows between the batch's lowest and
 * highest key are read first (one keys-only request); only the targets found there are fetched. A range holding more
 * rows than the batch (ids that do not sort together, a case annotated throughout) stops the key read at the batch's
 * size and fetches every target, so a batch never costs much more than the plain `bulkGet`. Inside the caller's
 * transaction, which is what lets a bulk job number an item annotated meanwhile after its last revision.
 */
export async function storedStates(
  database: TokentrailDatabase,
  caseId: string,
  targets: readonly string[],
): Promise<(AnnotationStateRecord | undefined)[]> {
  if (targets.length === 0) return [];
  // JavaScript's string order is IndexedDB's (UTF-16 code units), so these bound every target's key.
  let lowest = targets[0]!;
  let highest = targets[0]!;
  for (const target of targets) {
    if (target < lowest) lowest = target;
    if (target > highest) highest = target;
  }
  const inRange = await database.annotationStates
    .where(':id')
    .between([caseId, lowest], [caseId, highest], true, true)
    .limit(targets.length + 1)
    .primaryKeys();
  const read = (keys: readonly string[]) =>
    database.annotationStates.bulkGet(keys.map((target): [string, string] => [caseId, target]));
  if (inRange.length > targets.length) return read(targets);
  const wanted = new Set(targets);
  const present = inRange.map(([, target]) => target).filter((target) => wanted.has(target));
  if (present.length === 0) return targets.map(() => undefined);
  const rows = await read(present);
  const byTarget = new Map(present.map((target, index) => [target, rows[index]]));
  return targets.map((target) => byTarget.get(target));
}

/** Adds the tags of `names` the case's tag set lacks, each with its palette colour. Inside the caller's transaction. */
export async function createMissingTags(
  database: TokentrailDatabase,
  caseId: string,
  names: readonly string[],
  investigator: string,
  at: number,
): Promise<void> {
  if (names.length === 0) return;
  const known = await database.caseTags.bulkGet(names.map((name): [string, string] => [caseId, name]));
  const missing = names.filter((_, index) => !known[index]);
  await database.caseTags.bulkAdd(
    missing.map((name) => ({ caseId, name, colour: tagColour(name), createdAt: at, createdBy: investigator })),
  );
}

/**
 * Saves an item's new annotation and journals it; returns what was written, or undefined when the state is the one
 * already stored. Throws (and writes nothing) when the state may not be saved or the custody chain refuses an entry.
 */
export function saveAnnotation(
  database: TokentrailDatabase,
  request: SaveAnnotation,
): Promise<AnnotationWrite | undefined> {
  const { caseId, target, investigator } = request;
  const key = targetKey(target);
  const tables = [
    database.annotationStates,
    database.annotationRevisions,
    database.caseTags,
    database.custody,
    database.cases,
  ];
  return database.transaction('rw', tables, async () => {
    const at = request.at ?? Date.now();
    const previous = await database.annotationStates.get([caseId, key]);
    const lastRev = previous ? undefined : await lastRevisionNumber(database, caseId, key);
    const next = typeof request.next === 'function' ? request.next(previous?.state ?? EMPTY_ANNOTATION) : request.next;
    const write = annotationWrite({ caseId, target, investigator, at, previous, lastRev, next });
    if (!write) return undefined;
    await database.annotationRevisions.add(write.revision);
    await database.annotationStates.put(write.state);
    await createMissingTags(database, caseId, write.state.state.tags, investigator, at);
    await appendCustody(database, caseId, {
      at,
      investigator,
      action: write.action,
      source: key,
      files: [],
      target: key,
      digest: write.digest,
      detail: describeAnnotationChange(write.revision.before, write.revision.after),
    });
    return write;
  });
}
