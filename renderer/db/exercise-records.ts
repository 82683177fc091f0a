// A case opened from a sealed exercise file (core/scenarios exercise-file.ts) keeps the exercise on its case record:
// what the trainee may see (the header), the answer key still sealed — it is never stored decrypted, so a trainee
// reading IndexedDB finds only ciphertext — and the trainee's work: answers and own findings while working, then
// the frozen submission. No index: it is read with its case.
import type { ExerciseHeader, SealedAnswerKey, SubmittedFinding } from '../../core/scenarios';

/** What the trainee handed in with Submit; never changed afterwards. */
export interface ExerciseSubmissionRecord {
  readonly submittedAt: number;
  readonly trainee: string;
  readonly findings: readonly SubmittedFinding[];
  readonly answers: Readonly<Record<string, string>>;
}

/** The exercise of a case opened from a `.ttexercise` file. */
export interface CaseExercise {
  readonly header: ExerciseHeader;
  readonly sealed: SealedAnswerKey;
  /** When the case was opened: the time taken runs from here to the submission. */
  readonly startedAt: number;
  /** The trainee's answers so far, by question id. */
  readonly answers: Readonly<Record<string, string>>;
  /** Findings the trainee made themselves (on a subject or tokens), beside the detectors' findings they confirm. */
  readonly ownFindings: readonly SubmittedFinding[];
  readonly submission?: ExerciseSubmissionRecord;
}
