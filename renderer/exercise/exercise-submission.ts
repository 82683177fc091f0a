// What a trainee's work amounts to as a submission (core/scenarios score.ts): every finding they confirmed in the
// Findings view — a confirmed finding is a reported incident — and every finding they made themselves. Pure.
import { canonicalJson } from '../../core';
import type { AnnotationState } from '../../core/annotations';
import { sha256HexOfText } from '../../core/evidence';
import type { SubmittedFinding } from '../../core/scenarios';
import { dispositionOf } from '../annotations/annotation-filter';
import type { StoredFinding } from '../db/case-analysis-records';
import type { CaseExercise, ExerciseSubmissionRecord } from '../db/exercise-records';

/** The submitted form of a stored finding: its id and what it is about. */
function submitted(finding: StoredFinding): SubmittedFinding {
  return {
    id: finding.id,
    ...(finding.subject !== undefined ? { subject: finding.subject } : {}),
    ...(finding.tokenHashes.length > 0 ? { tokenHashes: [...finding.tokenHashes] } : {}),
  };
}

/** The confirmed findings (annotations by finding key), then the trainee's own, without repeating one. */
export function submissionFindings(
  findings: readonly StoredFinding[],
  annotations: ReadonlyMap<string, AnnotationState>,
  own: readonly SubmittedFinding[],
): SubmittedFinding[] {
  const confirmed = findings.filter((finding) => dispositionOf(annotations.get(finding.key)) === 'confirmed');
  const seen = new Set<string>();
  const kept: SubmittedFinding[] = [];
  for (const finding of [...confirmed.map(submitted), ...own]) {
    const identity = JSON.stringify([finding.id, finding.subject ?? '', [...(finding.tokenHashes ?? [])].sort()]);
    if (seen.has(identity)) continue;
    seen.add(identity);
    kept.push(finding);
  }
  return kept;
}

/** An own finding from the form's fields, or what is wrong with them. */
export function ownFinding(id: string, about: string): SubmittedFinding | string {
  const value = about.trim();
  if (id === '') return 'Choose what you found.';
  if (value === '') return 'Name the subject (user id) or the token (its SHA-256) it is about.';
  // A token is named by the SHA-256 of its compact form (tokenHash): anything else is a subject id.
  return /^[0-9a-f]{64}$/i.test(value) ? { id, tokenHashes: [value.toLowerCase()] } : { id, subject: value };
}

/**
 * SHA-256 of the canonical JSON (RFC 8785) of a submission with the exercise it answers (the bundle's digest): what
 * the journal records, so a result file handed in later can be shown to be the one submitted here.
 */
export function submissionDigest(exercise: CaseExercise, submission: ExerciseSubmissionRecord): string {
  return sha256HexOfText(canonicalJson({ bundleSha256: exercise.header.bundleSha256, ...submission }));
}
