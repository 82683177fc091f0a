// The annotations feature's reads of the store: the current annotation of items, an item's history, the case's tag
// set, and the items an annotation filter keeps (through the `facets` index of annotationStates). Views call the
// `db`-bound functions; the ones taking a database are shared with other features (exports, the timeline query).
import { Dexie } from 'dexie';
import { isEmptyAnnotation, type AnnotationState, type AnnotationTargetKind } from '../../core/annotations';
import type { AnnotationRevisionRecord, AnnotationStateRecord, CaseTagRecord } from '../db/annotation-records';
import { db, type TokentrailDatabase } from '../db/schema';
import type { AnnotationWrite } from './annotation-write';
import { saveAnnotation, type SaveAnnotation } from './annotation-store';
import { filterFacetKeys, isEmptyAnnotationFilter, type AnnotationFilter } from './annotation-filter';

/** The current annotation of each of `targets` (targetKey strings) that has one, keyed by target. */
export async function currentAnnotations(
  database: TokentrailDatabase,
  caseId: string,
  targets: readonly string[],
): Promise<Map<string, AnnotationState>> {
  const rows = await database.annotationStates.bulkGet(targets.map((target): [string, string] => [caseId, target]));
  const found = new Map<string, AnnotationState>();
  for (const row of rows) if (row && !isEmptyAnnotation(row.state)) found.set(row.target, row.state);
  return found;
}

/** Every annotated item of one kind in the case, keyed by item id: the lists join their rows with it. */
export async function annotationsOfKind(
  database: TokentrailDatabase,
  caseId: string,
  kind: AnnotationTargetKind,
): Promise<Map<string, AnnotationStateRecord>> {
  const rows = await database.annotationStates
    .where('[caseId+target]')
    .between([caseId, `${kind}:`], [caseId, `${kind}:\uffff`])
    .toArray();
  // A deleted annotation leaves its row with the empty state (annotation-write.ts): not an annotated item.
  return new Map(rows.filter((row) => !isEmptyAnnotation(row.state)).map((row) => [row.id, row]));
}

/**
 * The ids of the items of one kind that an annotation filter keeps, read from the `facets` index (keys only, no
 * state rows), or undefined when the filter is empty (every item is kept). Each set facet narrows the result.
 */
export async function annotatedIds(
  database: TokentrailDatabase,
  caseId: string,
  kind: AnnotationTargetKind,
  filter: AnnotationFilter | undefined,
): Promise<Set<string> | undefined> {
  if (!filter || isEmptyAnnotationFilter(filter)) return undefined;
  const facets = filterFacetKeys(caseId, kind, filter);
  if (facets.length === 0) return undefined; // only `open`, which the index cannot list: see filterFacetKeys
  let kept: Set<string> | undefined;
  for (const facet of facets) {
    const keys = (await database.annotationStates.where('facets').equals(facet).primaryKeys()) as [string, string][];
    const ids = keys.map(([, target]) => target.slice(kind.length + 1)).filter((id) => !kept || kept.has(id));
    kept = new Set(ids);
  }
  return kept;
}

/** An item's revisions, oldest first. */
export function annotationHistory(caseId: string, target: string): Promise<AnnotationRevisionRecord[]> {
  return db.annotationRevisions
    .where('[caseId+target+rev]')
    .between([caseId, target, Dexie.minKey], [caseId, target, Dexie.maxKey])
    .toArray();
}

/** An item's stored state row, or undefined when it has no annotation. */
export async function annotationState(caseId: string, target: string): Promise<AnnotationStateRecord | undefined> {
  const row = await db.annotationStates.get([caseId, target]);
  return row && !isEmptyAnnotation(row.state) ? row : undefined;
}

/** The case's tag set, by name. */
export function caseTagSet(caseId: string): Promise<CaseTagRecord[]> {
  return db.caseTags.where('[caseId+name]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
}

/** The window's store-bound annotationsOfKind, for the lists' live queries. */
export function listAnnotations(
  caseId: string,
  kind: AnnotationTargetKind,
): Promise<Map<string, AnnotationStateRecord>> {
  return annotationsOfKind(db, caseId, kind);
}

/** Saves one item's annotation in the window's store (annotation-store.ts). */
export function saveItemAnnotation(request: SaveAnnotation): Promise<AnnotationWrite | undefined> {
  return saveAnnotation(db, request);
}

/** The window's store-bound currentAnnotations, for the rows a list shows. */
export function itemAnnotations(caseId: string, targets: readonly string[]): Promise<Map<string, AnnotationState>> {
  return currentAnnotations(db, caseId, targets);
}
