import type { AnswerKey } from './answer-key';
import {
  exerciseHeader,
  headerAdditionalData,
  type ExerciseBundleFile,
  type ExerciseFile,
  type ExerciseHeader,
  type HiddenAnalysis,
  type SealedAnswerKey,
} from './exercise-file';
import { parseAnswerKey, type ReadResult } from './read-exercise-files';

/** An opaque WebCrypto key. */
type CryptoKeyLike = object;
type Algorithm = { readonly name: string; readonly [parameter: string]: unknown };

/**
 * The WebCrypto calls sealing needs, declared here so core needs no DOM lib: every host's `crypto.subtle` (Chromium,
 * workers, Node's `globalThis.crypto.subtle`) has this shape.
 */
export interface SealingSubtle {
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: 'PBKDF2',
    extractable: false,
    usages: ['deriveKey'],
  ): Promise<CryptoKeyLike>;
  deriveKey(
    algorithm: Algorithm,
    baseKey: CryptoKeyLike,
    derivedKeyType: Algorithm,
    extractable: false,
    usages: ('encrypt' | 'decrypt')[],
  ): Promise<CryptoKeyLike>;
  encrypt(algorithm: Algorithm, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: Algorithm, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>;
}

/** What sealing takes from the host: WebCrypto and a source of random bytes (`crypto.getRandomValues`). */
export interface SealingCrypto {
  readonly subtle: SealingSubtle;
  randomBytes(length: number): Uint8Array;
}

/** PBKDF2-SHA-256 iterations for a new file: OWASP's 2023 figure (600k), about half a second on a laptop core. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;

async function passphraseKey(
  subtle: SealingSubtle,
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKeyLike> {
  // NFC so the same passphrase typed on two systems (composed or decomposed accents) gives the same key.
  const base = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Options of {@link sealExercise}. */
export interface SealOptions {
  readonly answerKey: AnswerKey;
  readonly files: readonly ExerciseBundleFile[];
  readonly passphrase: string;
  readonly hidden?: readonly HiddenAnalysis[];
  /** Only tests lower it (never below the reader's floor, PBKDF2_ITERATION_RANGE). */
  readonly iterations?: number;
}

/**
 * Build an exercise file: the bundle and the header in clear, the answer key encrypted with AES-256-GCM under a key
 * derived from `passphrase` (PBKDF2-SHA-256, a random 16-byte salt, a random 96-bit IV), the header as additional
 * data so neither it nor the bundle can be changed without unsealing failing.
 */
export async function sealExercise(crypto: SealingCrypto, options: SealOptions): Promise<ExerciseFile> {
  if (options.passphrase === '') throw new Error('the passphrase is empty');
  const header = exerciseHeader(options.answerKey, options.files, options.hidden ?? []);
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const key = await passphraseKey(crypto.subtle, options.passphrase, salt, iterations, 'encrypt');
  const plaintext = new TextEncoder().encode(JSON.stringify(options.answerKey));
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: headerAdditionalData(header), tagLength: 128 },
      key,
      plaintext,
    ),
  );
  const sealed: SealedAnswerKey = { cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA-256', iterations, salt, iv, ciphertext };
  return { header, files: options.files, sealed };
}

/**
 * Decrypt an exercise's answer key with the instructor's passphrase. A wrong passphrase and a changed header,
 * bundle or ciphertext look the same to AES-GCM (the tag does not verify), so the message names both.
 */
export async function unsealAnswerKey(
  subtle: SealingSubtle,
  exercise: { readonly header: ExerciseHeader; readonly sealed: SealedAnswerKey },
  passphrase: string,
): Promise<ReadResult<AnswerKey>> {
  const { sealed } = exercise;
  let plaintext: ArrayBuffer;
  try {
    const key = await passphraseKey(subtle, passphrase, sealed.salt, sealed.iterations, 'decrypt');
    plaintext = await subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: headerAdditionalData(exercise.header), tagLength: 128 },
      key,
      sealed.ciphertext,
    );
  } catch {
    return {
      ok: false,
      message: 'the answer key does not open: wrong passphrase, or the exercise file was altered',
    };
  }
  const key = parseAnswerKey(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(plaintext)));
  if (!key.ok) return { ok: false, message: `the sealed answer key is not valid: ${key.message}` };
  return key;
}
