import type { ExerciseHeader } from './exercise-file';
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
