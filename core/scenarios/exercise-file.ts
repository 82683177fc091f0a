import { encodeBase64Url, decodeBase64UrlStrict } from '../archive/base64url';
import { parseJsonWithLine, sha256Hex, sha256HexOfText } from '../evidence';
import type { AnswerKey } from './answer-key';
import type { Difficulty } from './model';
import { jsonProblem, type ReadResult } from './read-exercise-files';

/** The `format` member of an exercise file (`.ttexercise`, docs/training.md). */
export const EXERCISE_FORMAT = 'tokentrail-exercise';

/** What an instructor can hide from trainees: the detectors' findings, the token checks, the map. */
export type HiddenAnalysis = 'findings' | 'token-checks' | 'map';

/** Every {@link HiddenAnalysis}, in the order the docs and the CLI list them. */
export const HIDDEN_ANALYSES: readonly HiddenAnalysis[] = ['findings', 'token-checks', 'map'];

/** One evidence file of the exercise's bundle, bytes included. */
export interface ExerciseBundleFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The answer key encrypted with AES-256-GCM under a key derived from the instructor's passphrase. */
export interface SealedAnswerKey {
  readonly cipher: 'AES-256-GCM';
  readonly kdf: 'PBKDF2-SHA-256';
  readonly iterations: number;
  readonly salt: Uint8Array;
  readonly iv: Uint8Array;
  /** Ciphertext followed by the 16-byte GCM tag, as WebCrypto returns it. */
  readonly ciphertext: Uint8Array;
}

/**
 * What a trainee may read: the scenario's story (never its seed, which would let anyone regenerate the key), the
 * questions without answers, what is hidden, and the digest of the bundle's files. It is the GCM additional data of
 * the sealed key, so changing any of it (or any file, through the digest) makes unsealing fail.
 */
export interface ExerciseHeader {
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly difficulty: Difficulty;
    readonly story: string;
  };
  readonly questions: readonly { readonly id: string; readonly question: string }[];
  readonly hidden: readonly HiddenAnalysis[];
  /** {@link bundleDigest} of the files. */
  readonly bundleSha256: string;
}

/** A sealed exercise: the bundle for the trainee, the header in clear, and the answer key sealed. */
export interface ExerciseFile {
  readonly header: ExerciseHeader;
  readonly files: readonly ExerciseBundleFile[];
  readonly sealed: SealedAnswerKey;
}

/** Iterations accepted when reading a file: a floor against a weakened file, a ceiling so opening one cannot hang. */
export const PBKDF2_ITERATION_RANGE: readonly [number, number] = [100_000, 10_000_000];

/**
 * The SHA-256 of the bundle as a list: each file's path and SHA-256, one line each, in the file's order. Binds the
 * evidence the trainee investigates to the sealed key.
 */
export function bundleDigest(files: readonly ExerciseBundleFile[]): string {
  return sha256HexOfText(files.map((file) => `${file.path}\u0000${sha256Hex(file.bytes)}\n`).join(''));
}

/** The header of an exercise on `answerKey`'s scenario: what the trainee may see of the key. */
export function exerciseHeader(
  answerKey: AnswerKey,
  files: readonly ExerciseBundleFile[],
  hidden: readonly HiddenAnalysis[],
): ExerciseHeader {
  const { id, title, difficulty, story } = answerKey.scenario;
  return {
    scenario: { id, title, difficulty, story },
    questions: answerKey.questions.map((item) => ({ id: item.id, question: item.question })),
    hidden: HIDDEN_ANALYSES.filter((item) => hidden.includes(item)),
    bundleSha256: bundleDigest(files),
  };
}

/** The bytes the GCM tag authenticates besides the ciphertext: the header in a fixed member order. */
export function headerAdditionalData(header: ExerciseHeader): Uint8Array {
  const { scenario, questions, hidden, bundleSha256 } = header;
  const ordered = {
    scenario: { id: scenario.id, title: scenario.title, difficulty: scenario.difficulty, story: scenario.story },
    questions: questions.map((item) => ({ id: item.id, question: item.question })),
    hidden: [...hidden],
    bundleSha256,
  };
  return new TextEncoder().encode(`${EXERCISE_FORMAT}/1\n${JSON.stringify(ordered)}`);
}

/** The exercise file's text (JSON; bytes as unpadded base64url). */
export function serializeExerciseFile(exercise: ExerciseFile): string {
  const { sealed } = exercise;
  return `${JSON.stringify({
    format: EXERCISE_FORMAT,
    formatVersion: 1,
    header: exercise.header,
    sealedAnswerKey: {
      cipher: sealed.cipher,
      kdf: sealed.kdf,
      iterations: sealed.iterations,
      salt: encodeBase64Url(sealed.salt),
      iv: encodeBase64Url(sealed.iv),
      ciphertext: encodeBase64Url(sealed.ciphertext),
    },
    files: exercise.files.map((file) => ({ path: file.path, bytes: encodeBase64Url(file.bytes) })),
  })}\n`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';

function headerOf(value: unknown): ExerciseHeader | string {
  if (!isObject(value) || !isObject(value.scenario)) return '"header.scenario" is missing';
  const { id, title, difficulty, story } = value.scenario;
  if (![id, title, difficulty, story].every(isText)) return '"header.scenario" needs id, title, difficulty and story';
  if (
    !Array.isArray(value.questions) ||
    !value.questions.every((item) => isObject(item) && isText(item.id) && isText(item.question))
  )
    return '"header.questions" must be a list of { id, question }';
  if (!Array.isArray(value.hidden) || !value.hidden.every((item) => HIDDEN_ANALYSES.includes(item as HiddenAnalysis)))
    return `"header.hidden" must list only ${HIDDEN_ANALYSES.join(', ')}`;
  if (!isText(value.bundleSha256) || !/^[0-9a-f]{64}$/.test(value.bundleSha256))
    return '"header.bundleSha256" must be a SHA-256 in hex';
  return {
    scenario: {
      id: id as string,
      title: title as string,
      difficulty: difficulty as Difficulty,
      story: story as string,
    },
    questions: (value.questions as Record<string, string>[]).map((item) => ({
      id: item.id!,
      question: item.question!,
    })),
    hidden: value.hidden as HiddenAnalysis[],
    bundleSha256: value.bundleSha256,
  };
}

function sealedOf(value: unknown): SealedAnswerKey | string {
  if (!isObject(value) || value.cipher !== 'AES-256-GCM' || value.kdf !== 'PBKDF2-SHA-256')
    return '"sealedAnswerKey" must be AES-256-GCM with a PBKDF2-SHA-256 key';
  const [fewest, most] = PBKDF2_ITERATION_RANGE;
  if (typeof value.iterations !== 'number' || !Number.isInteger(value.iterations))
    return '"sealedAnswerKey.iterations" must be a whole number';
  if (value.iterations < fewest || value.iterations > most)
    return `"sealedAnswerKey.iterations" must be from ${fewest} to ${most}`;
  const salt = isText(value.salt) ? decodeBase64UrlStrict(value.salt) : undefined;
  const iv = isText(value.iv) ? decodeBase64UrlStrict(value.iv) : undefined;
  const ciphertext = isText(value.ciphertext) ? decodeBase64UrlStrict(value.ciphertext) : undefined;
  if (!salt || salt.length < 16) return '"sealedAnswerKey.salt" must be at least 16 bytes of base64url';
  if (!iv || iv.length !== 12) return '"sealedAnswerKey.iv" must be 12 bytes of base64url';
  if (!ciphertext || ciphertext.length < 16) return '"sealedAnswerKey.ciphertext" is not base64url ciphertext';
  return { cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA-256', iterations: value.iterations, salt, iv, ciphertext };
}

function filesOf(value: unknown): ExerciseBundleFile[] | string {
  if (!Array.isArray(value) || value.length === 0) return '"files" must be a non-empty list';
  const files: ExerciseBundleFile[] = [];
  for (const [index, item] of value.entries()) {
    const bytes = isObject(item) && isText(item.bytes) ? decodeBase64UrlStrict(item.bytes) : undefined;
    if (!isObject(item) || !isText(item.path) || item.path === '' || !bytes)
      return `file ${index + 1} of "files" needs a "path" and its "bytes" in base64url`;
    files.push({ path: item.path, bytes });
  }
  return files;
}

/**
 * Read an exercise file. The bundle's digest is recomputed and must be the header's: a file whose evidence was
 * changed is refused here already, before anyone investigates it (the sealed key would refuse it too).
 */
export function parseExerciseFile(text: string): ReadResult<ExerciseFile> {
  const parsed = parseJsonWithLine(text);
  if (!parsed.ok) return jsonProblem(parsed);
  const value = parsed.value;
  if (!isObject(value) || value.format !== EXERCISE_FORMAT)
    return { ok: false, message: `not an exercise file ("format" must be "${EXERCISE_FORMAT}")` };
  if (value.formatVersion !== 1)
    return { ok: false, message: `exercise formatVersion ${String(value.formatVersion)} is not supported (1 is)` };
  const header = headerOf(value.header);
  if (typeof header === 'string') return { ok: false, message: header };
  const sealed = sealedOf(value.sealedAnswerKey);
  if (typeof sealed === 'string') return { ok: false, message: sealed };
  const files = filesOf(value.files);
  if (typeof files === 'string') return { ok: false, message: files };
  if (bundleDigest(files) !== header.bundleSha256)
    return { ok: false, message: 'the bundle does not match the digest in its header: the file was altered' };
  return { ok: true, value: { header, files, sealed } };
}
