// Which items a bulk annotation covers: exactly what the view's filter shows. Events come from the timeline's own
// query (timeline-query.ts, keyset pages of the filtered timeline, so a million events stream through in batches);
// tokens and findings — hundreds or thousands per case — are filtered in memory with the views' own filters.
import type { TokentrailDatabase } from '../db/schema';
import { filterFindings, type FindingFilter } from '../findings/finding-filter';
import { evidenceSeqs, findingsInFilter } from '../findings/findings-in-filter';
import { caseFindings } from '../timeline-analysis/timeline-analysis-store';
import { eventMatches } from '../timeline/event-matches';
import { isEmptyFilter, type TimelineFilter } from '../timeline/timeline-filter';
import { timelineMatcher } from '../timeline/timeline-match';
import { planQuery, queryPage, type EventCursor } from '../timeline/timeline-query';
import { filterTokenRows, joinAnalyses, type TokenFilter } from '../tokens/token-filter';

/** What the investigator asked to annotate: the items one view's filter matches. */
export type BulkSelection =
  | { readonly kind: 'event'; readonly filter: TimelineFilter }
  | { readonly kind: 'token'; readonly filter: TokenFilter }
  /** The Findings view narrows by the case's timeline filter first, then by its own. */
  | { readonly kind: 'finding'; readonly filter: FindingFilter; readonly timeline: TimelineFilter };

/**
 * When the filter is one index range with nothing left to test row by row (no filter, a time range, one facet), the
 * seqs are read from the index keys alone (`[caseId, …, ts, seq]`): no event is read or decoded, which is most of
 * what a page of full rows costs. Undefined when the filter needs the rows (free text, several facets).
 */
async function* indexKeyTargets(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
  batchSize: number,
): AsyncGenerator<string[]> {
  const plan = await database.transaction('r', [database.cases, database.eventFacets], () =>
    planQuery(database, caseId, filter),
  );
  if (plan === null) return;
  if (plan.kind !== 'range' || plan.test) {
    yield* pagedTargets(database, caseId, filter, batchSize);
    return;
  }
  let lower = plan.key(filter.from ?? -Infinity, -Infinity);
  const upper = plan.key(filter.to ?? Infinity, Infinity);
  let lowerOpen = false;
  for (;;) {
    const keys = (await database.authEvents
      .where(plan.index)
      .between(lower, upper, !lowerOpen, true)
      .limit(batchSize)
      .keys()) as unknown as (string | number)[][];
    if (keys.length === 0) return;
    yield keys.map((key) => String(key.at(-1)));
    if (keys.length < batchSize) return;
    const last = keys.at(-1)!;
    [lower, lowerOpen] = [plan.key(last.at(-2) as number, last.at(-1) as number), true];
  }
}

/** The filtered timeline's event seqs (as target ids), `batchSize` at a time, in time order, page by page. */
async function* pagedTargets(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
  batchSize: number,
): AsyncGenerator<string[]> {
  let from: EventCursor | undefined;
  let batch: string[] = [];
  for (;;) {
    // Asks for what the batch lacks: a partial page's batch is filled to exactly `batchSize`, never past it.
    const limit = batchSize - batch.length;
    const page = await queryPage(database, caseId, filter, { direction: 'forward', from, limit });
    for (const row of page.rows) batch.push(String(row.seq));
    // A partial page (the query's time budget) is topped up by the next one: batches stay full-size for the writes.
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
    if (page.exhausted || !page.resume) break;
    from = page.resume;
  }
  if (batch.length > 0) yield batch;
}

async function tokenTargets(database: TokentrailDatabase, caseId: string, filter: TokenFilter): Promise<string[]> {
  const [tokens, analyses] = await Promise.all([
    database.tokens.where('caseId').equals(caseId).toArray(),
    database.tokenAnalyses.where('caseId').equals(caseId).toArray(),
  ]);
  return filterTokenRows(joinAnalyses(tokens, analyses), filter).map((row) => row.token.tokenHash);
}

async function findingTargets(
  database: TokentrailDatabase,
  caseId: string,
  filter: FindingFilter,
  timeline: TimelineFilter,
): Promise<string[]> {
  const all = await caseFindings(database, caseId);
  const kept = isEmptyFilter(timeline)
    ? all
    : findingsInFilter(all, await eventMatches(database, caseId, all.flatMap(evidenceSeqs), timelineMatcher(timeline)));
  return filterFindings(kept, filter).map((finding) => finding.key);
}

/** The ids of the items the selection matches, in batches of at most `batchSize`. */
export async function* matchingTargets(
  database: TokentrailDatabase,
  caseId: string,
  selection: BulkSelection,
  batchSize: number,
): AsyncGenerator<string[]> {
  if (selection.kind === 'event') {
    yield* indexKeyTargets(database, caseId, selection.filter, batchSize);
    return;
  }
  const ids =
    selection.kind === 'token'
      ? await tokenTargets(database, caseId, selection.filter)
      : await findingTargets(database, caseId, selection.filter, selection.timeline);
  for (let start = 0; start < ids.length; start += batchSize) yield ids.slice(start, start + batchSize);
}
