// The exercise feature's reads and writes of the window's store: the trainee's work in progress, its submission.
import type { SubmittedFinding } from '../../core/scenarios';
import type { CaseExercise } from '../db/exercise-records';
import { db, type TokentrailDatabase } from '../db/schema';
import { appendCustody } from '../evidence/custody-log';
import { annotationsOfKind } from '../annotations/queries';
import { storedFindings } from '../timeline-analysis/queries';
import { submissionDigest, submissionFindings } from './exercise-submission';
import type { PickedFile } from '../host/host';
import { openExerciseAsCase } from './open-exercise';
import { openGeneratedAsCase } from './scenario-in-browser';
import type { GeneratedScenario } from '../../core/scenarios';

/** The findings the trainee's work reports right now: confirmed ones and their own. */
export async function currentSubmissionFindings(caseId: string, own: readonly SubmittedFinding[]) {
  const [findings, annotations] = await Promise.all([storedFindings(caseId), annotationsOfKind(db, caseId, 'finding')]);
  const states = new Map([...annotations].map(([key, row]) => [key, row.state]));
  return submissionFindings(findings, states, own);
}

/** Changes the exercise of a case, refusing once it was submitted (a submission is final). */
async function changeExercise(
  caseId: string,
  change: (exercise: CaseExercise) => CaseExercise,
  database: TokentrailDatabase = db,
): Promise<CaseExercise> {
  return database.transaction('rw', database.cases, async () => {
    const record = await database.cases.get(caseId);
    if (!record?.exercise) throw new Error('This case is not an exercise.');
    if (record.exercise.submission) throw new Error('This exercise was submitted: it can no longer change.');
    const exercise = change(record.exercise);
    await database.cases.update(caseId, { exercise, updatedAt: Date.now() });
    return exercise;
  });
}

/** Keeps the trainee's answer to one question. */
export async function saveAnswer(caseId: string, questionId: string, answer: string): Promise<void> {
  await changeExercise(caseId, (exercise) => ({
    ...exercise,
    answers: { ...exercise.answers, [questionId]: answer },
  }));
}

/** Adds a finding of the trainee's own. */
export async function addOwnFinding(caseId: string, finding: SubmittedFinding): Promise<void> {
  await changeExercise(caseId, (exercise) => ({ ...exercise, ownFindings: [...exercise.ownFindings, finding] }));
}

/** Removes the trainee's own finding at `index`. */
export async function removeOwnFinding(caseId: string, index: number): Promise<void> {
  await changeExercise(caseId, (exercise) => ({
    ...exercise,
    ownFindings: exercise.ownFindings.filter((_, at) => at !== index),
  }));
}

/**
 * Freezes the trainee's work as the submission (the findings reported now, the answers, who and when) and journals
 * it (`exercise-submitted`, with the submission's digest) in the same transaction: a submission is never without its
 * entry, and a second Submit is refused before anything is written.
 */
export async function submitExercise(
  caseId: string,
  trainee: string,
  database: TokentrailDatabase = db,
): Promise<void> {
  const record = await database.cases.get(caseId);
  if (!record?.exercise) throw new Error('This case is not an exercise.');
  // Read before the write transaction: the findings and annotations tables are not part of it.
  const findings = await currentSubmissionFindings(caseId, record.exercise.ownFindings);
  const submittedAt = Date.now();
  await database.transaction('rw', [database.cases, database.custody], async () => {
    const exercise = await changeExercise(
      caseId,
      (current) => ({ ...current, submission: { submittedAt, trainee, findings, answers: current.answers } }),
      database,
    );
    const submission = exercise.submission!;
    const answered = Object.values(submission.answers).filter((answer) => answer.trim() !== '').length;
    await appendCustody(database, caseId, {
      at: submittedAt,
      investigator: trainee,
      action: 'exercise-submitted',
      source: `exercise:${exercise.header.scenario.id}`,
      files: [],
      digest: submissionDigest(exercise, submission),
      detail: `Exercise “${exercise.header.scenario.title}” submitted by ${trainee}: ${findings.length} finding(s) reported, ${answered} of ${exercise.header.questions.length} question(s) answered`,
    });
  });
}

/** Opens a sealed exercise file as a new case in exercise mode; returns the case id. */
export function openExercise(investigator: string, file: PickedFile): Promise<string> {
  return openExerciseAsCase(db, investigator, file);
}

/** Opens a bundle generated in the page as a new case, through the ordinary import path; returns the case id. */
export function openGeneratedScenario(investigator: string, generated: GeneratedScenario): Promise<string> {
  return openGeneratedAsCase(db, investigator, generated);
}
