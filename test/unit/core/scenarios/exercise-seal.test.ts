import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeRs256Signer } from '../../../../cli/node-crypto-signer';
import {
  bundleDigest,
  findScenario,
  generateScenario,
  parseExerciseFile,
  sealExercise,
  serializeExerciseFile,
  unsealAnswerKey,
  type ExerciseFile,
  type GeneratedScenario,
  type SealingCrypto,
} from '../../../../core/scenarios';

// Real WebCrypto (Node's), real AES-GCM and PBKDF2; the iterations are the reader's floor to keep the test quick.
const crypto: SealingCrypto = {
  subtle: webcrypto.subtle,
  randomBytes: (length) => webcrypto.getRandomValues(new Uint8Array(length)),
};
const ITERATIONS = 100_000;
const PASSPHRASE = 'correct horse battery staple';

let generated: GeneratedScenario;
let exercise: ExerciseFile;
let text: string;
beforeAll(async () => {
  generated = generateScenario(findScenario('refresh-token-reuse')!, { events: 30, seed: 5, signer: nodeRs256Signer });
  exercise = await sealExercise(crypto, {
    answerKey: generated.answerKey,
    files: generated.files,
    passphrase: PASSPHRASE,
    hidden: ['map', 'findings'],
    iterations: ITERATIONS,
  });
  text = serializeExerciseFile(exercise);
});

/** The exercise file's JSON, loosely typed so a test can break any member. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests write wrong types on purpose
type Loose = Record<string, any>;

/** The file as JSON, changed by `change`, written back. */
function edited(change: (file: Loose) => void): string {
  const file = JSON.parse(text) as Loose;
  change(file);
  return JSON.stringify(file);
}

describe('sealed exercise files', () => {
  it('round-trips: the file parses back and the right passphrase opens the exact answer key', async () => {
    const parsed = parseExerciseFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.files.map((file) => file.path)).toEqual(generated.files.map((file) => file.path));
    expect(parsed.value.files[1]!.bytes).toEqual(generated.files[1]!.bytes);
    expect(parsed.value.header.hidden).toEqual(['findings', 'map']);
    expect(parsed.value.header.bundleSha256).toBe(bundleDigest(generated.files));
    const opened = await unsealAnswerKey(crypto.subtle, parsed.value, PASSPHRASE);
    expect(opened).toEqual({ ok: true, value: generated.answerKey });
  });

  it('shows the trainee the story and questions but neither answers, findings, nor the seed', () => {
    const clear = JSON.stringify(JSON.parse(text).header);
    const key = generated.answerKey;
    expect(clear).toContain(key.scenario.story);
    expect(clear).toContain(key.questions[0]!.question);
    for (const question of key.questions) expect(clear).not.toContain(JSON.stringify(question.answer));
    expect(clear).not.toContain('seed');
    expect(text).not.toContain(key.expectedFindings[0]!.tokenHashes![0]!);
    expect(text).not.toContain(key.expectedFindings[0]!.why);
  });

  it('refuses a wrong passphrase', async () => {
    const parsed = parseExerciseFile(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const opened = await unsealAnswerKey(crypto.subtle, parsed.value, 'correct horse battery stapler');
    expect(opened).toEqual({ ok: false, message: expect.stringContaining('wrong passphrase') });
  });

  it('refuses a flipped bit of the ciphertext', async () => {
    const sealed = exercise.sealed;
    const ciphertext = sealed.ciphertext.slice();
    ciphertext[20] = ciphertext[20]! ^ 1;
    const opened = await unsealAnswerKey(crypto.subtle, { ...exercise, sealed: { ...sealed, ciphertext } }, PASSPHRASE);
    expect(opened.ok).toBe(false);
  });

  it('refuses a changed header (a question reworded, a hidden view shown) though the ciphertext is intact', async () => {
    for (const header of [
      { ...exercise.header, hidden: [] },
      { ...exercise.header, questions: [{ id: 'x', question: 'Which?' }] },
    ]) {
      const opened = await unsealAnswerKey(crypto.subtle, { ...exercise, header }, PASSPHRASE);
      expect(opened.ok).toBe(false);
    }
  });

  it('refuses, on reading, evidence changed after sealing', () => {
    const tampered = edited((file) => {
      file.files[1].bytes = file.files[2].bytes;
    });
    expect(parseExerciseFile(tampered)).toEqual({ ok: false, message: expect.stringContaining('was altered') });
  });

  it('refuses evidence and header changed together (digest recomputed): the key no longer opens', async () => {
    const files = exercise.files.map((file, index) => (index === 1 ? { ...file, bytes: new Uint8Array([1]) } : file));
    const header = { ...exercise.header, bundleSha256: bundleDigest(files) };
    const opened = await unsealAnswerKey(crypto.subtle, { header, sealed: exercise.sealed }, PASSPHRASE);
    expect(opened.ok).toBe(false);
  });

  it.each([
    [(file: Loose) => (file.format = 'tokentrail-answer-key'), 'not an exercise file'],
    [(file: Loose) => (file.formatVersion = 2), 'formatVersion 2'],
    [(file: Loose) => (file.sealedAnswerKey.iterations = 1000), 'must be from 100000'],
    [(file: Loose) => (file.sealedAnswerKey.iterations = 1e12), 'must be from 100000'],
    [(file: Loose) => (file.sealedAnswerKey.iv = 'AAAA'), '12 bytes'],
    [(file: Loose) => (file.sealedAnswerKey.cipher = 'none'), 'AES-256-GCM'],
    [(file: Loose) => (file.header.hidden = ['answers']), '"header.hidden"'],
    [(file: Loose) => (file.files = []), 'non-empty list'],
    [(file: Loose) => (file.files[0].bytes = '***'), 'file 1 of "files"'],
  ])('refuses a malformed file with a reason (%#)', (change, message) => {
    expect(parseExerciseFile(edited(change))).toEqual({ ok: false, message: expect.stringContaining(message) });
  });

  it('names the line of a file that is not JSON', () => {
    expect(parseExerciseFile('{\n"format":\n}')).toMatchObject({ ok: false, line: 3 });
  });

  it('uses a fresh salt and IV each time: two seals of the same key differ', async () => {
    const again = await sealExercise(crypto, {
      answerKey: generated.answerKey,
      files: generated.files,
      passphrase: PASSPHRASE,
      iterations: ITERATIONS,
    });
    expect(again.sealed.salt).not.toEqual(exercise.sealed.salt);
    expect(again.sealed.iv).not.toEqual(exercise.sealed.iv);
    expect(again.sealed.ciphertext).not.toEqual(exercise.sealed.ciphertext);
  });

  it('refuses to seal with an empty passphrase', async () => {
    await expect(
      sealExercise(crypto, { answerKey: generated.answerKey, files: generated.files, passphrase: '' }),
    ).rejects.toThrow('passphrase is empty');
  });
});
