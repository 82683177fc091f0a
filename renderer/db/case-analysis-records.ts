// What the case analysis (core/timeline run by renderer/timeline-analysis) stores (schema v3). Everything here is
// derived and re-computable from the evidence; a re-run replaces it. Findings are keyed by their stable key, so an
// investigator's annotations (annotations.target = the key) stay attached across re-runs.
import type {
  ApiProfile,
  DetectorRun,
  IdentityDirectory,
  TimelineFinding,
  TimelineParameterOverrides,
  TimelineResult,
  TokenFamily,
  TokenLifecycle,
} from '../../core/timeline';

/** One finding of a case, detector or token check. Keyed [caseId+key]. */
export interface StoredFinding extends TimelineFinding {
  readonly caseId: string;
  /** SEVERITY_RANK of the severity, indexed so the view reads the most severe first. */
  readonly rank: number;
  /** When a run first reported this key: a re-run keeps it, so "new since" can be told. */
  readonly firstSeenAt: number;
  readonly runAt: number;
}

/** One token's lifecycle. Keyed [caseId+tokenHash]; [caseId+familyId] gives a family's lanes. */
export interface StoredLifecycle extends TokenLifecycle {
  readonly caseId: string;
}

/** One token family. Keyed [caseId+id]. */
export interface StoredFamily extends TokenFamily {
  readonly caseId: string;
}

/** The latest completed run of a case. Keyed caseId. */
export interface CaseAnalysisRecord {
  readonly caseId: string;
  /** What the run judged: see caseAnalysisBasis (renderer/timeline-analysis/analysis-basis.ts). */
  readonly basis: string;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly runs: readonly DetectorRun[];
  readonly stats: TimelineResult['stats'];
  readonly findingCount: number;
  /** The parameters the detectors ran with (case-config.json's, then the case's): the map judges hops by them. */
  readonly parameters: TimelineParameterOverrides;
  /** Problems with the case's configuration or key history, each naming its file, for the investigator to fix. */
  readonly problems: readonly string[];
  /** Who each subject id is, as the evidence names them (core/timeline identity); absent on runs stored before. */
  readonly identities?: IdentityDirectory;
  /** What each API accepted and refused, per class of token flaw (core/timeline/acceptance); absent on runs stored before. */
  readonly apiProfiles?: readonly ApiProfile[];
  /**
   * The case's distinct subject ids — the subject facet's values: a record's subject, and its token's `sub` — sorted,
   * the first {@link SUBJECT_IDS_KEPT} of them, gathered as the run read the events: the People tab lists them
   * without reading the facet's every posting. Absent on runs stored before.
   */
  readonly subjectIds?: SubjectIds;
}

/** The first distinct subject ids of a case, and whether they are all of them. */
export interface SubjectIds {
  readonly first: readonly string[];
  readonly complete: boolean;
}

/** Subject ids a case analysis keeps: more than the People tab lists (renderer/subjects/queries.ts). */
export const SUBJECT_IDS_KEPT = 5_000;
