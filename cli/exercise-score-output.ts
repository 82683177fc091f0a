import type { AnswerKey, ExerciseScore } from '../core/scenarios';
import type { Output } from './output';

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

const rowText = (row: { file: string; line?: number; index?: number; time: string; what: string }) =>
  `${row.file}${row.line !== undefined ? `:${row.line}` : `[${row.index}]`}  ${row.time}  ${row.what}`;

/** The score as one JSON document (`--json`). */
export function scoreJson(score: ExerciseScore): unknown {
  return {
    scenario: score.scenario,
    precision: score.precision,
    recall: score.recall,
    expected: score.expectations.map((item) => ({
      id: item.expected.id,
      subject: item.expected.subject,
      tokenHashes: item.expected.tokenHashes,
      incident: item.expected.incident,
      found: item.found,
      matchedBy: item.matchedBy,
      explanation: item.explanation,
      evidence: item.evidence,
    })),
    falseReports: score.falseReports,
    accepted: score.accepted,
    answers: score.answers,
    answersCorrect: score.answersCorrect,
  };
}

/** The score for a person: findings found and missed with their evidence, false reports, answers, totals. */
export function printScore(key: AnswerKey, score: ExerciseScore, out: Output): void {
  out.stdout(`Exercise: ${key.scenario.title} (${score.scenario}, ${key.scenario.difficulty})`);
  for (const item of score.expectations) {
    out.stdout(
      `${item.found ? 'FOUND ' : 'MISSED'} ${item.expected.id}${item.expected.subject ? ` — ${item.expected.subject}` : ''}`,
    );
    if (item.explanation) out.stdout(`  ${item.explanation}`);
    for (const row of item.evidence.slice(0, 8)) out.stdout(`    ${rowText(row)}`);
  }
  for (const report of score.falseReports) out.stdout(`FALSE  ${report.finding.id}: ${report.explanation}`);
  if (score.accepted.length > 0) out.stdout(`Also reported (true, not required): ${score.accepted.length}`);
  for (const answer of score.answers)
    out.stdout(
      `${answer.correct ? 'RIGHT ' : 'WRONG '} ${answer.question} — ${answer.given === undefined ? 'no answer' : `"${answer.given}"`}${answer.correct ? '' : `; expected: ${answer.answer}`}`,
    );
  for (const undetected of key.undetected) out.stdout(`NOTE   ${undetected.incident}: ${undetected.note}`);
  out.stdout(
    `Score: recall ${percent(score.recall)} (${score.expectations.filter((item) => item.found).length}/${score.expectations.length}), precision ${percent(score.precision)}, ${score.falseReports.length} false report(s), answers ${score.answersCorrect}/${score.answers.length}`,
  );
}
