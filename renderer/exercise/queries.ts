// The exercise feature's reads and writes of the window's store: the trainee's work in progress, its submission.
import type { SubmittedFinding } from '../../core/scenarios';
import type { CaseExercise } from '../db/exercise-records';
import { db } from '../db/schema';
import { annotationsOfKind } from '../annotations/queries';
import { storedFindings } from '../timeline-analysis/queries';
import { submissionFindings } from './exercise-submission';
import type { PickedFile } from '../host/host';
import { openExerciseAsCase } from './open-exercise';

/** The findings the trainee's work reports right now: confirmed ones and their own. */
export async function currentSubmissionFindings(caseId: string, own: readonly SubmittedFinding[]) {
  const [findings, annotations] = await Promise.all([storedFindings(caseId), annotationsOfKind(db, caseId, 'finding')]);
  const states = new Map([...annotations].map(([key, row]) => [key, row.state]));
  return submissionFindings(findings, states, own);
}

/** Changes the exercise of a case, refusing once it was submitted (a submission is final). */
async function changeExercise(caseId: string, change: (exercise: CaseExercise) => CaseExercise): Promise<void> {
  await db.transaction('rw', db.cases, async () => {
    const record = await db.cases.get(caseId);
    if (!record?.exercise) throw new Error('This case is not an exercise.');
    if (record.exercise.submission) throw new Error('This exercise was submitted: it can no longer change.');
    await db.cases.update(caseId, { exercise: change(record.exercise), updatedAt: Date.now() });
  });
}

/** Keeps the trainee's answer to one question. */
export function saveAnswer(caseId: string, questionId: string, answer: string): Promise<void> {
  return changeExercise(caseId, (exercise) => ({
    ...exercise,
    answers: { ...exercise.answers, [questionId]: answer },
  }));
}

/** Adds a finding of the trainee's own. */
export function addOwnFinding(caseId: string, finding: SubmittedFinding): Promise<void> {
  return changeExercise(caseId, (exercise) => ({ ...exercise, ownFindings: [...exercise.ownFindings, finding] }));
}

/** Removes the trainee's own finding at `index`. */
export function removeOwnFinding(caseId: string, index: number): Promise<void> {
  return changeExercise(caseId, (exercise) => ({
    ...exercise,
    ownFindings: exercise.ownFindings.filter((_, at) => at !== index),
  }));
}

/** Freezes the trainee's work as the submission: the findings reported now, the answers, who and when. */
export async function submitExercise(caseId: string, trainee: string): Promise<void> {
  const record = await db.cases.get(caseId);
  if (!record?.exercise) throw new Error('This case is not an exercise.');
  // Read before the write transaction: the findings and annotations tables are not part of it.
  const findings = await currentSubmissionFindings(caseId, record.exercise.ownFindings);
  await changeExercise(caseId, (exercise) => ({
    ...exercise,
    submission: { submittedAt: Date.now(), trainee, findings, answers: exercise.answers },
  }));
}

/** Opens a sealed exercise file as a new case in exercise mode; returns the case id. */
export function openExercise(investigator: string, file: PickedFile): Promise<string> {
  return openExerciseAsCase(db, investigator, file);
}
