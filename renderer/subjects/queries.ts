// The people of a case as the evidence names them (the identity directory the last case analysis stored) and what
// one of them did, read from the case's events by subject (renderer/db/event-store.ts). Views call these, never `db`
// itself.
import { Dexie } from 'dexie';
import type { IdentityDirectory } from '../../core/timeline';
import type { StoredFinding } from '../db/case-analysis-records';
import { db, type TokentrailDatabase } from '../db/schema';
import { caseAnalysisBasis } from '../timeline-analysis/analysis-basis';
import { distinctFacetValues, facetEvents } from '../db/event-store';
import { summarizeSubjectActivity, type SubjectActivity } from './subject-activity';

/** Events read for one person's page at most: enough for every real account, bounded for a bot of millions. */
export const SUBJECT_EVENT_LIMIT = 50_000;

/** The identity directory of the case's last analysis, or undefined before one ran. */
export async function caseIdentities(caseId: string): Promise<IdentityDirectory | undefined> {
  return (await db.caseAnalyses.get(caseId))?.identities;
}

/** Subject ids listed at most on the People tab; a case with more says so and its search still finds names. */
export const SUBJECT_LIST_LIMIT = 2000;

/**
 * Every distinct subject id of the case's events, in id order, up to `limit` — including those the evidence never
 * names, which the identity directory leaves out. Taken from the last case analysis when it is current (it gathered
 * them as it read the events); otherwise — before the first run, during an ingest — read as the distinct values of
 * the subject facet (every posting of the facet: seconds at 10M events). Never by reading the events themselves.
 */
export async function caseSubjectIds(
  caseId: string,
  limit = SUBJECT_LIST_LIMIT,
  database: TokentrailDatabase = db,
): Promise<{ subjects: string[]; truncated: boolean; from: 'case analysis' | 'subject facet' }> {
  const [record, analysis] = await Promise.all([database.cases.get(caseId), database.caseAnalyses.get(caseId)]);
  const stored = analysis?.subjectIds;
  if (
    record &&
    stored &&
    analysis.basis === caseAnalysisBasis(record) &&
    (stored.complete || limit < stored.first.length)
  )
    return {
      subjects: stored.first.slice(0, limit),
      truncated: stored.first.length > limit || !stored.complete,
      from: 'case analysis',
    };
  const subjects = await distinctFacetValues(database, caseId, 'subject', limit + 1);
  return { subjects: subjects.slice(0, limit), truncated: subjects.length > limit, from: 'subject facet' };
}

/** The subjects the case's findings name: a token's `sub` may name someone no log record carries. */
export async function findingSubjects(caseId: string): Promise<string[]> {
  const subjects = new Set<string>();
  await db.timelineFindings
    .where('[caseId+key]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .each((finding) => void (finding.subject !== undefined && subjects.add(finding.subject)));
  return [...subjects];
}

/** Everything the timeline holds for one subject id, summed (the first SUBJECT_EVENT_LIMIT events in time order). */
export async function subjectActivity(caseId: string, subject: string): Promise<SubjectActivity> {
  const rows = await facetEvents(db, caseId, 'subject', subject, SUBJECT_EVENT_LIMIT + 1);
  const truncated = rows.length > SUBJECT_EVENT_LIMIT;
  return summarizeSubjectActivity(
    rows.slice(0, SUBJECT_EVENT_LIMIT).map((row) => row.event),
    truncated,
  );
}

/** The case's findings about one subject, most severe first. */
export async function subjectFindings(caseId: string, subject: string): Promise<StoredFinding[]> {
  const findings = await db.timelineFindings
    .where('[caseId+key]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .filter((finding) => finding.subject === subject)
    .toArray();
  return findings.sort((a, b) => b.rank - a.rank || (a.ts ?? 0) - (b.ts ?? 0));
}
