// The instructor's comparison of trainees' result files for one exercise: each file scored against the unsealed key,
// or the reason it cannot be (not a result file, another exercise). Pure.
import {
  parseExerciseResult,
  scoreSubmission,
  type AnswerKey,
  type ExerciseHeader,
  type ExerciseScore,
} from '../../core/scenarios';

/** One result file of the comparison. */
export type ComparedResult =
  | {
      readonly file: string;
      readonly ok: true;
      readonly trainee: string;
      readonly takenMs: number;
      readonly score: ExerciseScore;
      /** Ids of the expected findings this trainee missed. */
      readonly missed: readonly string[];
    }
  | { readonly file: string; readonly ok: false; readonly problem: string };

/** Scores each result file of `header`'s exercise; best recall first, then precision, then the quickest. */
export function compareResults(
  header: ExerciseHeader,
  answerKey: AnswerKey,
  files: readonly { readonly name: string; readonly text: string }[],
): ComparedResult[] {
  const rows = files.map((file): ComparedResult => {
    const result = parseExerciseResult(file.text);
    if (!result.ok)
      return {
        file: file.name,
        ok: false,
        problem: `${result.line !== undefined ? `line ${result.line}: ` : ''}${result.message}`,
      };
    if (result.value.exercise.bundleSha256 !== header.bundleSha256)
      return { file: file.name, ok: false, problem: `a result of another exercise (${result.value.exercise.title})` };
    const score = scoreSubmission(answerKey, result.value);
    return {
      file: file.name,
      ok: true,
      trainee: result.value.trainee,
      takenMs: result.value.submittedAt - result.value.startedAt,
      score,
      missed: score.expectations.filter((item) => !item.found).map((item) => item.expected.id),
    };
  });
  const rank = (row: ComparedResult) => (row.ok ? [row.score.recall, row.score.precision, -row.takenMs] : [-1, -1, 0]);
  return rows.sort((a, b) => {
    const [left, right] = [rank(a), rank(b)];
    for (let at = 0; at < left.length; at++) if (left[at] !== right[at]) return right[at]! - left[at]!;
    return 0;
  });
}
