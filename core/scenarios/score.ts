import type { AnswerKey, EvidenceRow, ExpectedFinding } from './answer-key';

/** A finding the trainee reports: confirmed from the analysis or created on events or tokens. */
export interface SubmittedFinding {
  /** Detector or check id. */
  readonly id: string;
  readonly subject?: string;
  readonly tokenHashes?: readonly string[];
}

/** What a trainee hands in (docs/training.md, "Submissions"). */
export interface Submission {
  readonly findings: readonly SubmittedFinding[];
  /** Answers by question id. */
  readonly answers?: Readonly<Record<string, string>>;
}

/** One expected finding, found or missed. */
export interface ScoredExpectation {
  readonly expected: ExpectedFinding;
  readonly found: boolean;
  /** The submitted findings that match it. */
  readonly matchedBy: readonly number[];
  /** For a miss: what was missed and where to look. */
  readonly explanation?: string;
  /** The records that prove it. */
  readonly evidence: readonly EvidenceRow[];
}

/** A submitted finding that should not have been reported. */
export interface FalseReport {
  /** Its position in the submission. */
  readonly index: number;
  readonly finding: SubmittedFinding;
  /** `must-not-report`: a red herring the answer key names; `unmatched`: nothing in the answer key supports it. */
  readonly reason: 'must-not-report' | 'unmatched';
  readonly explanation: string;
}

/** One answer, judged. */
export interface ScoredAnswer {
  readonly id: string;
  readonly question: string;
  readonly given?: string;
  readonly correct: boolean;
  readonly answer: string;
}

/** The score of a submission against an answer key. */
export interface ExerciseScore {
  readonly scenario: string;
  readonly expectations: readonly ScoredExpectation[];
  readonly falseReports: readonly FalseReport[];
  /** Submitted findings that are true consequences of an incident (neither required nor wrong). */
  readonly accepted: readonly number[];
  /** Correct reports ÷ all reports (1 when nothing was reported). */
  readonly precision: number;
  /** Expected findings found ÷ expected findings (1 when nothing was expected). */
  readonly recall: number;
  readonly answers: readonly ScoredAnswer[];
  readonly answersCorrect: number;
}

const overlaps = (left: readonly string[] | undefined, right: readonly string[] | undefined) =>
  (left ?? []).some((hash) => (right ?? []).includes(hash));

/**
 * Whether a submitted finding is about what the answer key names: the same id, and anchored on the same thing — the
 * subject, or one of the tokens — without contradicting the other. An entry that names neither matches by id.
 */
export function matchesFinding(
  target: { readonly id: string; readonly subject?: string; readonly tokenHashes?: readonly string[] },
  submitted: SubmittedFinding,
): boolean {
  if (submitted.id !== target.id) return false;
  const wantsTokens = (target.tokenHashes?.length ?? 0) > 0;
  const subjectAgrees =
    target.subject === undefined || submitted.subject === undefined || submitted.subject === target.subject;
  const tokensAgree =
    !wantsTokens || !submitted.tokenHashes?.length || overlaps(target.tokenHashes, submitted.tokenHashes);
  const anchored =
    (target.subject === undefined && !wantsTokens) ||
    (target.subject !== undefined && submitted.subject === target.subject) ||
    overlaps(target.tokenHashes, submitted.tokenHashes);
  return subjectAgrees && tokensAgree && anchored;
}

function explainMiss(expected: ExpectedFinding): string {
  const first = expected.evidence[0];
  const where = first
    ? `${first.file}${first.line !== undefined ? `:${first.line}` : `[${first.index}]`} (${first.time})`
    : 'the evidence';
  return `Missed ${expected.id}${expected.subject ? ` for ${expected.subject}` : ''}: ${expected.why} Start at ${where}${expected.evidence.length > 1 ? ` and ${expected.evidence.length - 1} more record(s)` : ''}.`;
}

const normalise = (text: string) => text.trim().toLowerCase();

/**
 * Score a submission against an answer key: each expected finding found or missed (with the records that prove
 * it and, for a miss, an explanation pointing at them), the false reports (red herrings reported, and reports the
 * key does not support), precision, recall, and the answers. Pure: the same inputs give the same score.
 */
export function scoreSubmission(key: AnswerKey, submission: Submission): ExerciseScore {
  const expectations = key.expectedFindings.map((expected): ScoredExpectation => {
    const matchedBy = submission.findings.flatMap((finding, index) =>
      matchesFinding(expected, finding) ? [index] : [],
    );
    return {
      expected,
      found: matchedBy.length > 0,
      matchedBy,
      evidence: expected.evidence,
      ...(matchedBy.length === 0 ? { explanation: explainMiss(expected) } : {}),
    };
  });
  const supporting = new Set(expectations.flatMap((item) => item.matchedBy));
  const accepted: number[] = [];
  const falseReports: FalseReport[] = [];
  submission.findings.forEach((finding, index) => {
    if (supporting.has(index)) return;
    const herring = key.mustNotReport.find((item) => matchesFinding(item, finding));
    if (herring) {
      falseReports.push({
        index,
        finding,
        reason: 'must-not-report',
        explanation: `${finding.id} is a red herring here: ${herring.why}`,
      });
      return;
    }
    if (key.alsoAccepted.some((item) => matchesFinding(item, finding))) {
      accepted.push(index);
      return;
    }
    falseReports.push({
      index,
      finding,
      reason: 'unmatched',
      explanation: `${finding.id}${finding.subject ? ` for ${finding.subject}` : ''} matches no planted incident of this scenario.`,
    });
  });
  const found = expectations.filter((item) => item.found).length;
  const reported = submission.findings.length;
  const answers = key.questions.map((question): ScoredAnswer => {
    const given = submission.answers?.[question.id];
    const correct =
      given !== undefined && question.accept.some((accept) => normalise(given).includes(normalise(accept)));
    return {
      id: question.id,
      question: question.question,
      ...(given !== undefined ? { given } : {}),
      correct,
      answer: question.answer,
    };
  });
  return {
    scenario: key.scenario.id,
    expectations,
    falseReports,
    accepted,
    precision: reported === 0 ? 1 : (reported - falseReports.length) / reported,
    recall: expectations.length === 0 ? 1 : found / expectations.length,
    answers,
    answersCorrect: answers.filter((answer) => answer.correct).length,
  };
}
