import { parseJsonWithLine } from '../evidence';
import type { AnswerKey } from './answer-key';
import type { Submission, SubmittedFinding } from './score';

/** A file read, or what is wrong with it and on which line. */
export type ReadResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly line?: number; readonly message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** What is wrong with text that is not JSON, with its line: the message of every training file's reader. */
export function jsonProblem(result: { line?: number; column?: number; message: string }): {
  readonly ok: false;
  readonly line?: number;
  readonly message: string;
} {
  return {
    ok: false,
    ...(result.line !== undefined ? { line: result.line } : {}),
    message: `not valid JSON${result.column !== undefined ? ` (column ${result.column})` : ''}: ${result.message}`,
  };
}

/** A finding of a submission, or why it is not one. */
function findingOf(value: unknown, where: string): SubmittedFinding | string {
  if (!isObject(value) || typeof value.id !== 'string' || value.id === '')
    return `${where} has no "id" (a detector or check id)`;
  if (value.subject !== undefined && value.subject !== null && typeof value.subject !== 'string')
    return `${where}: "subject" must be a string`;
  if (value.tokenHashes !== undefined && !isStringArray(value.tokenHashes))
    return `${where}: "tokenHashes" must be a list of strings`;
  return {
    id: value.id,
    ...(typeof value.subject === 'string' ? { subject: value.subject } : {}),
    ...(value.tokenHashes !== undefined ? { tokenHashes: value.tokenHashes as string[] } : {}),
  };
}

function submissionObject(value: Record<string, unknown>): ReadResult<Submission> {
  if (!Array.isArray(value.findings)) return { ok: false, message: '"findings" must be a list' };
  const findings: SubmittedFinding[] = [];
  for (const [index, item] of value.findings.entries()) {
    const finding = findingOf(item, `finding ${index + 1}`);
    if (typeof finding === 'string') return { ok: false, message: finding };
    findings.push(finding);
  }
  const answers = value.answers ?? {};
  if (!isObject(answers) || !Object.values(answers).every((answer) => typeof answer === 'string'))
    return { ok: false, message: '"answers" must map question ids to strings' };
  return { ok: true, value: { findings, answers: answers as Record<string, string> } };
}

/**
 * Read a submission: either `{ "findings": [{ id, subject?, tokenHashes? }], "answers": { questionId: text } }`,
 * or the findings as JSON Lines — what `tokentrail analyze --json` prints (its `api-profile` records are skipped) —
 * with no answers.
 */
export function parseSubmission(text: string): ReadResult<Submission> {
  const whole = parseJsonWithLine(text);
  if (whole.ok && isObject(whole.value) && 'findings' in whole.value) return submissionObject(whole.value);
  const findings: SubmittedFinding[] = [];
  const lines = text.split('\n');
  for (const [at, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parsed = parseJsonWithLine(line);
    if (!parsed.ok) return { ...jsonProblem(parsed), line: at + 1 };
    // analyze --json also prints records that are not findings (`record: "api-profile"`): not part of a submission.
    if (isObject(parsed.value) && typeof parsed.value.record === 'string' && parsed.value.record !== 'finding')
      continue;
    const finding = findingOf(parsed.value, 'the finding');
    if (typeof finding === 'string') return { ok: false, line: at + 1, message: finding };
    findings.push(finding);
  }
  if (findings.length === 0 && !whole.ok) return jsonProblem(whole);
  return { ok: true, value: { findings, answers: {} } };
}

/**
 * Read an answer key (`answer-key.json`, docs/training.md). A hand-written key needs only `format`,
 * `formatVersion`, `expectedFindings` and `mustNotReport`; the other lists default to empty.
 */
export function parseAnswerKey(text: string): ReadResult<AnswerKey> {
  const parsed = parseJsonWithLine(text);
  if (!parsed.ok) return jsonProblem(parsed);
  const key = parsed.value;
  if (!isObject(key) || key.format !== 'tokentrail-answer-key')
    return { ok: false, message: 'not an answer key ("format" must be "tokentrail-answer-key")' };
  if (key.formatVersion !== 1)
    return { ok: false, message: `answer-key formatVersion ${String(key.formatVersion)} is not supported (1 is)` };
  for (const list of ['expectedFindings', 'mustNotReport'])
    if (!Array.isArray(key[list])) return { ok: false, message: `"${list}" must be a list` };
  for (const [index, item] of [...(key.expectedFindings as unknown[]), ...(key.mustNotReport as unknown[])].entries()) {
    const finding = findingOf(item, `entry ${index + 1} of expectedFindings/mustNotReport`);
    if (typeof finding === 'string') return { ok: false, message: finding };
  }
  const scenario = isObject(key.scenario) ? key.scenario : {};
  return {
    ok: true,
    value: {
      ...(key as unknown as AnswerKey),
      scenario: {
        id: String(scenario.id ?? 'custom'),
        title: String(scenario.title ?? 'Custom exercise'),
        difficulty: (scenario.difficulty as AnswerKey['scenario']['difficulty']) ?? 'medium',
        story: String(scenario.story ?? ''),
        seed: Number(scenario.seed ?? 0),
        events: Number(scenario.events ?? 0),
      },
      expectedFindings: (key.expectedFindings as AnswerKey['expectedFindings']).map((item) => ({
        ...item,
        incident: item.incident ?? item.id,
        why: item.why ?? '',
        evidence: Array.isArray(item.evidence) ? item.evidence : [],
      })),
      mustNotReport: (key.mustNotReport as AnswerKey['mustNotReport']).map((item) => ({
        ...item,
        why: item.why ?? '',
      })),
      alsoAccepted: Array.isArray(key.alsoAccepted) ? (key.alsoAccepted as AnswerKey['alsoAccepted']) : [],
      undetected: Array.isArray(key.undetected) ? (key.undetected as AnswerKey['undetected']) : [],
      timeline: Array.isArray(key.timeline) ? (key.timeline as AnswerKey['timeline']) : [],
      questions: Array.isArray(key.questions) ? (key.questions as AnswerKey['questions']) : [],
    },
  };
}
