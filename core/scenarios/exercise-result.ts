import { parseJsonWithLine } from '../evidence';
import type { ExerciseHeader } from './exercise-file';
import { jsonProblem, parseSubmission, type ReadResult } from './read-exercise-files';
import type { SubmittedFinding } from './score';

/** The `format` member of a trainee's result file. */
export const EXERCISE_RESULT_FORMAT = 'tokentrail-exercise-result';

/**
 * What a trainee hands in after *Submit*: the findings and answers (so `tokentrail exercise score` reads it as a
 * submission as it is), who, when the exercise was opened and submitted, and which exercise it answers (its bundle
 * digest), so an instructor comparing result files can tell which belong to which exercise.
 */
export interface ExerciseResult {
  readonly format: typeof EXERCISE_RESULT_FORMAT;
  readonly formatVersion: 1;
  readonly exercise: { readonly scenario: string; readonly title: string; readonly bundleSha256: string };
  readonly trainee: string;
  readonly startedAt: number;
  readonly submittedAt: number;
  readonly findings: readonly SubmittedFinding[];
  readonly answers: Readonly<Record<string, string>>;
}

/** A result for `header`'s exercise. */
export function exerciseResult(
  header: ExerciseHeader,
  work: Omit<ExerciseResult, 'format' | 'formatVersion' | 'exercise'>,
): ExerciseResult {
  return {
    format: EXERCISE_RESULT_FORMAT,
    formatVersion: 1,
    exercise: { scenario: header.scenario.id, title: header.scenario.title, bundleSha256: header.bundleSha256 },
    ...work,
  };
}

/**
 * Read a trainee's result file: its findings and answers as {@link parseSubmission} reads them, and who, when and
 * for which exercise. A submission without those members (hand-written, or `analyze --json`) is refused: comparing
 * trainees needs them.
 */
export function parseExerciseResult(text: string): ReadResult<ExerciseResult> {
  const parsed = parseJsonWithLine(text);
  if (!parsed.ok) return jsonProblem(parsed);
  const value = (typeof parsed.value === 'object' && parsed.value !== null ? parsed.value : {}) as Record<
    string,
    unknown
  >;
  const exercise = value.exercise as Record<string, unknown> | undefined;
  if (value.format !== EXERCISE_RESULT_FORMAT || typeof exercise !== 'object' || exercise === null)
    return { ok: false, message: `not a result file ("format" must be "${EXERCISE_RESULT_FORMAT}")` };
  if (typeof value.trainee !== 'string' || typeof value.startedAt !== 'number' || typeof value.submittedAt !== 'number')
    return { ok: false, message: 'a result file needs "trainee", "startedAt" and "submittedAt"' };
  if (typeof exercise.bundleSha256 !== 'string') return { ok: false, message: '"exercise.bundleSha256" is missing' };
  const submission = parseSubmission(text);
  if (!submission.ok) return submission;
  return {
    ok: true,
    value: {
      format: EXERCISE_RESULT_FORMAT,
      formatVersion: 1,
      exercise: {
        scenario: String(exercise.scenario ?? ''),
        title: String(exercise.title ?? ''),
        bundleSha256: exercise.bundleSha256,
      },
      trainee: value.trainee,
      startedAt: value.startedAt,
      submittedAt: value.submittedAt,
      findings: submission.value.findings,
      answers: submission.value.answers ?? {},
    },
  };
}
