// Writes and reads of the case analysis (schema v3). A run's results replace the previous run's in one
// transaction: the Findings view never shows half of one run and half of another. Findings keep their first-seen
// time across runs (same stable key = same finding), lifecycles and families are replaced wholesale.
import { Dexie } from 'dexie';
import { SEVERITY_RANK } from '../../core/token';
import type { TimelineParameterOverrides, TimelineResult } from '../../core/timeline';
import type { CaseAnalysisRecord, StoredFinding, StoredLifecycle, SubjectIds } from '../db/case-analysis-records';
import type { TokentrailDatabase } from '../db/schema';

/** Every key of a table keyed [caseId+…] that belongs to the case. */
const caseRange = (caseId: string): [[string, typeof Dexie.minKey], [string, typeof Dexie.maxKey]] => [
  [caseId, Dexie.minKey],
  [caseId, Dexie.maxKey],
];

export interface SaveCaseAnalysis {
  readonly caseId: string;
  readonly basis: string;
  readonly startedAt: number;
  readonly problems: readonly string[];
  readonly parameters: TimelineParameterOverrides;
  readonly result: TimelineResult;
  readonly subjectIds?: SubjectIds;
}

/** Stores a finished run, replacing the previous one. */
export async function saveCaseAnalysis(database: TokentrailDatabase, run: SaveCaseAnalysis): Promise<void> {
  const { caseId, result } = run;
  const now = Date.now();
  await database.transaction(
    'rw',
    [database.timelineFindings, database.lifecycles, database.tokenFamilies, database.caseAnalyses],
    async () => {
      const [lower, upper] = caseRange(caseId);
      const previousKeys = (await database.timelineFindings
        .where('[caseId+key]')
        .between(lower, upper)
        .primaryKeys()) as [string, string][];
      const keep = new Set(result.findings.map((finding) => finding.key));
      await database.timelineFindings.bulkDelete(previousKeys.filter(([, key]) => !keep.has(key)));
      const known = await database.timelineFindings.bulkGet(
        result.findings.map((finding): [string, string] => [caseId, finding.key]),
      );
      await database.timelineFindings.bulkPut(
        result.findings.map((finding, index): StoredFinding => ({
          ...finding,
          caseId,
          rank: SEVERITY_RANK[finding.severity],
          firstSeenAt: known[index]?.firstSeenAt ?? now,
          runAt: now,
        })),
      );
      await database.lifecycles.where('[caseId+tokenHash]').between(lower, upper).delete();
      // IndexedDB cannot index undefined: a token outside any family is stored under its own hash as family id, so
      // the diagram's family query always finds at least the token itself.
      await database.lifecycles.bulkPut(
        result.lifecycles.map((lifecycle): StoredLifecycle => ({
          ...lifecycle,
          caseId,
          familyId: lifecycle.familyId ?? lifecycle.tokenHash,
        })),
      );
      await database.tokenFamilies.where('[caseId+id]').between(lower, upper).delete();
      await database.tokenFamilies.bulkPut(result.families.map((family) => ({ ...family, caseId })));
      const record: CaseAnalysisRecord = {
        caseId,
        basis: run.basis,
        startedAt: run.startedAt,
        finishedAt: now,
        runs: result.runs,
        stats: result.stats,
        findingCount: result.findings.length,
        problems: run.problems,
        parameters: run.parameters,
        identities: result.identities,
        ...(result.apiProfiles ? { apiProfiles: result.apiProfiles } : {}),
        ...(run.subjectIds ? { subjectIds: run.subjectIds } : {}),
      };
      await database.caseAnalyses.put(record);
    },
  );
}

/** Removes everything the case analysis stored for a case (deleting the case). */
export async function deleteCaseAnalysis(database: TokentrailDatabase, caseId: string): Promise<void> {
  const [lower, upper] = caseRange(caseId);
  await Promise.all([
    database.timelineFindings.where('[caseId+key]').between(lower, upper).delete(),
    database.lifecycles.where('[caseId+tokenHash]').between(lower, upper).delete(),
    database.tokenFamilies.where('[caseId+id]').between(lower, upper).delete(),
    database.caseAnalyses.delete(caseId),
  ]);
}

/**
 * The case's findings, most severe first; within a severity the timed ones in time order, then those with no time
 * (a token check on a token no event carries, a case made of a token list). Read by the primary key, not by
 * [caseId+rank+ts]: IndexedDB leaves a row whose ts is null out of that index, so untimed findings would vanish.
 */
export async function caseFindings(database: TokentrailDatabase, caseId: string): Promise<StoredFinding[]> {
  const [lower, upper] = caseRange(caseId);
  const rows = await database.timelineFindings.where('[caseId+key]').between(lower, upper).toArray();
  return rows.sort(bySeverityThenTime);
}

/** Most severe first, then timed before untimed, then earliest first. */
function bySeverityThenTime(a: StoredFinding, b: StoredFinding): number {
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (a.ts === null || b.ts === null) return a.ts === b.ts ? 0 : a.ts === null ? 1 : -1;
  return a.ts - b.ts;
}

/** One token's lifecycle and the lifecycles of its family (the diagram's lanes), in order of first appearance. */
export async function familyLifecycles(
  database: TokentrailDatabase,
  caseId: string,
  tokenHash: string,
): Promise<{ lifecycle?: StoredLifecycle; lanes: StoredLifecycle[] }> {
  const lifecycle = await database.lifecycles.get([caseId, tokenHash]);
  if (!lifecycle) return { lanes: [] };
  const members = await database.lifecycles.where('[caseId+familyId]').equals([caseId, lifecycle.familyId!]).toArray();
  const family = lifecycle.familyId ? await database.tokenFamilies.get([caseId, lifecycle.familyId]) : undefined;
  const order = new Map((family?.tokens ?? [tokenHash]).map((hash, index) => [hash, index]));
  return {
    lifecycle,
    lanes: members.sort((a, b) => (order.get(a.tokenHash) ?? Infinity) - (order.get(b.tokenHash) ?? Infinity)),
  };
}
