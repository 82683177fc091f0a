import type { Difficulty } from './model';

/** Where a record proving something is: file, line (text formats) or index (JSON arrays), and its time. */
export interface EvidenceRow {
  readonly file: string;
  readonly line?: number;
  readonly index?: number;
  /** UTC epoch ms. */
  readonly ts: number;
  readonly time: string;
  /** What the record shows. */
  readonly what: string;
}

/** A finding the trainee must report: a detector or token-check id, and what it is about. */
export interface ExpectedFinding {
  /** The detector (docs/detectors.md) or token check (docs/checks.md) id. */
  readonly id: string;
  /** The subject id the finding names, when it names one. */
  readonly subject?: string;
  /** The tokens concerned (SHA-256 of the compact form); a report matches when it names one of them. */
  readonly tokenHashes?: readonly string[];
  /** The planted incident it belongs to. */
  readonly incident: string;
  /** Why this is the finding, for the trainee's debrief. */
  readonly why: string;
  /** The records that prove it. */
  readonly evidence: readonly EvidenceRow[];
}

/** A true finding a trainee may report but need not (a consequence of an incident, e.g. the forged token was never issued). */
export interface AcceptedFinding {
  readonly id: string;
  readonly subject?: string;
  readonly tokenHashes?: readonly string[];
  readonly why: string;
}

/** A report that is wrong: a red herring (VPN, skewed clock) that looks like an incident. */
export interface MustNotReport {
  readonly id: string;
  readonly subject?: string;
  readonly why: string;
}

/** A question for the trainee and its answer; an answer is right when it contains one of `accept` (any case). */
export interface ExerciseQuestion {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly accept: readonly string[];
}

/** A step of what really happened. */
export interface TruthStep {
  readonly ts: number;
  readonly time: string;
  readonly what: string;
  readonly evidence?: readonly EvidenceRow[];
}

/** A planted incident that no detector or check finds: the answer key says so instead of inventing a finding. */
export interface UndetectedIncident {
  readonly incident: string;
  readonly note: string;
}

/** The answer key written beside a scenario bundle (`answer-key.json`, docs/training.md). */
export interface AnswerKey {
  readonly format: 'tokentrail-answer-key';
  readonly formatVersion: 1;
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly difficulty: Difficulty;
    readonly story: string;
    readonly seed: number;
    readonly events: number;
  };
  readonly expectedFindings: readonly ExpectedFinding[];
  readonly alsoAccepted: readonly AcceptedFinding[];
  readonly mustNotReport: readonly MustNotReport[];
  readonly undetected: readonly UndetectedIncident[];
  readonly timeline: readonly TruthStep[];
  readonly questions: readonly ExerciseQuestion[];
}
