// A training exercise end to end in real Chromium: the instructor seals a scenario with the CLI; the trainee opens the
// .ttexercise from the welcome screen, confirms findings, answers the questions and submits; the submission survives
// a browser restart; a wrong passphrase is refused; the instructor's passphrase scores it. A deliberately wrong
// submission of the same exercise scores lower, its misses explained. The answer key is never readable in IndexedDB.
import { webcrypto } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { run } from '../../cli/run';
import { parseExerciseFile, unsealAnswerKey, type AnswerKey } from '../../core/scenarios';
import { expect, test } from './fixtures';
import { signIn } from './app-actions';
import { findingRow } from './sample-case';

const PASSPHRASE = 'a passphrase only the instructor knows';
let root: string;
let exerciseFile: string;
let answerKey: AnswerKey;

test.beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tokentrail-e2e-exercise-'));
  const passphraseFile = path.join(root, 'passphrase.txt');
  await writeFile(passphraseFile, `${PASSPHRASE}\n`);
  exerciseFile = path.join(root, 'alg-none.ttexercise');
  const quiet = { stdout: () => {}, stderr: (line: string) => void process.stderr.write(`${line}\n`) };
  const argv = ['exercise', 'create', 'alg-none', '--out', exerciseFile, '--passphrase-file', passphraseFile];
  expect(await run([...argv, '--events', '40', '--seed', '11', '--hide', 'map'], quiet)).toBe(0);
  // The test knows the right answers the way an instructor does: by unsealing the key.
  const parsed = parseExerciseFile(await readFile(exerciseFile, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  const key = await unsealAnswerKey(webcrypto.subtle, parsed.value, PASSPHRASE);
  if (!key.ok) throw new Error(key.message);
  answerKey = key.value;
});
test.afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function openExercise(page: Page): Promise<void> {
  await page.getByTestId('nav-cases').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-exercise').click();
  await (await chooser).setFiles(exerciseFile);
  await expect(page.getByTestId('exercise-tab')).toBeVisible({ timeout: 30_000 });
}

async function answer(page: Page, id: string, text: string): Promise<void> {
  const input = page.getByTestId(`exercise-answer-${id}`);
  await input.fill(text);
  await input.blur();
}

/** Save result file: the browser host downloads it; kept at `file`. */
async function saveResult(page: Page, file: string): Promise<void> {
  const download = page.waitForEvent('download');
  await page.getByTestId('exercise-save-result').click();
  await (await download).saveAs(file);
}

async function score(page: Page, passphrase: string): Promise<void> {
  await page.getByTestId('exercise-passphrase').fill(passphrase);
  await page.getByTestId('exercise-unlock').click();
}

test('a trainee completes an exercise and is scored; a wrong submission scores lower with its misses explained', async ({
  app,
}) => {
  test.setTimeout(240_000);
  let page = app.page;
  await signIn(page, 'Tess Trainee');
  await openExercise(page);
  await expect(page.getByTestId('exercise-story')).toHaveText(answerKey.scenario.story);
  await expect(page.getByTestId('tab-map')).toHaveCount(0); // hidden by the instructor
  await expect(page.getByTestId('tab-findings')).toBeVisible();

  // Confirm each expected finding in the Findings view: a confirmed finding is a reported incident.
  await page.getByTestId('tab-findings').click();
  const expectedIds = answerKey.expectedFindings.map((finding) => finding.id);
  expect(expectedIds.sort()).toEqual(['alg-none', 'token-never-issued']);
  for (const id of expectedIds) {
    await expect(findingRow(page, id).first()).toBeVisible({ timeout: 60_000 });
    await findingRow(page, id).first().click();
    await page.getByTestId('annotation-disposition').selectOption('confirmed');
    await expect(findingRow(page, id).first().getByTestId('disposition-badge')).toHaveText('confirmed');
  }
  await page.getByTestId('tab-exercise').click();
  await expect(page.getByTestId('exercise-finding')).toHaveCount(2);
  for (const question of answerKey.questions) await answer(page, question.id, question.accept[0] ?? question.answer);
  await page.getByTestId('exercise-submit').click();
  await expect(page.getByTestId('exercise-submitted')).toContainText('By Tess Trainee');
  // Submit is journalled: the action, the trainee and the submission's digest, in the hash chain.
  await page.getByTestId('tab-journal').click();
  const submitted = page.locator('[data-testid=journal-row][data-action=exercise-submitted]');
  await expect(submitted).toHaveCount(1);
  await expect(submitted.getByTestId('journal-investigator')).toHaveText('Tess Trainee');
  await expect(submitted.getByTestId('journal-digest')).toHaveAttribute('title', /^[0-9a-f]{64}$/);
  await page.getByTestId('tab-exercise').click();

  // The submission and the sealed key are stored; the key's content is not readable in the store.
  const stored = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('tokentrail');
        request.onerror = () => reject(new Error('cannot open the store'));
        request.onsuccess = () => {
          const read = request.result.transaction('cases').objectStore('cases').getAll();
          read.onsuccess = () => resolve(JSON.stringify(read.result));
        };
      }),
  );
  expect(stored).toContain('"submission"');
  expect(stored).not.toContain(answerKey.expectedFindings[0]!.why);
  expect(stored).not.toContain(answerKey.timeline[0]!.what);

  await app.restart();
  page = app.page;
  await page.getByTestId('case-row').filter({ hasText: 'Exercise:' }).getByTestId('case-open').click();
  await page.getByTestId('tab-exercise').click();
  await expect(page.getByTestId('exercise-submitted')).toBeVisible();
  await expect(page.getByTestId('exercise-submit')).toHaveCount(0);

  await score(page, 'not the passphrase');
  await expect(page.getByTestId('exercise-unlock-error')).toContainText('wrong passphrase');
  await score(page, PASSPHRASE);
  const questions = answerKey.questions.length;
  await expect(page.getByTestId('exercise-score-summary')).toContainText(
    `Recall 100% (2/2), precision 100%, 0 false reports, answers ${questions}/${questions}`,
  );
  await expect(page.locator('[data-testid=exercise-expected][data-found=true]')).toHaveCount(2);
  await expect(page.getByTestId('exercise-truth').locator('li')).toHaveCount(answerKey.timeline.length);
  const rightResult = path.join(root, 'tess-result.json');
  await saveResult(page, rightResult);

  // The same exercise, done wrong: nothing confirmed, a finding that is not there, wrong answers.
  await openExercise(page);
  await page.getByTestId('own-finding-id').selectOption('impossible-travel');
  await page.getByTestId('own-finding-about').fill('somebody.else@northwind.example');
  await page.getByTestId('own-finding-add').click();
  await expect(page.getByTestId('exercise-finding')).toHaveCount(1);
  for (const question of answerKey.questions) await answer(page, question.id, 'xyzzy');
  await page.getByTestId('exercise-submit').click();
  await expect(page.getByTestId('exercise-submitted')).toBeVisible();
  await score(page, PASSPHRASE);
  await expect(page.getByTestId('exercise-score-summary')).toContainText(
    `Recall 0% (0/2), precision 0%, 1 false report, answers 0/${questions}`,
  );
  const missed = page.locator('[data-testid=exercise-expected][data-found=false]');
  await expect(missed).toHaveCount(2);
  await expect(missed.first()).toContainText('Start at');
  await expect(page.getByTestId('exercise-false-report')).toContainText('impossible-travel');
  const wrongResult = path.join(root, 'wrong-result.json');
  await saveResult(page, wrongResult);

  // The instructor view compares the result files (the exercise file itself, given by mistake, is refused).
  await page.getByTestId('nav-cases').click();
  const comparison = page.getByTestId('result-comparison');
  await page.getByTestId('training').locator('summary', { hasText: 'compare result files' }).click();
  let chooser = page.waitForEvent('filechooser');
  await comparison.getByTestId('compare-exercise').click();
  await (await chooser).setFiles(exerciseFile);
  await comparison.getByTestId('compare-passphrase').fill(PASSPHRASE);
  await comparison.getByTestId('compare-unlock').click();
  chooser = page.waitForEvent('filechooser');
  await comparison.getByTestId('compare-results').click();
  await (await chooser).setFiles([wrongResult, rightResult, exerciseFile]);
  const rows = comparison.getByTestId('compare-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Tess Trainee');
  await expect(rows.first().locator('td').nth(1)).toHaveText('100%');
  await expect(rows.nth(1).locator('td').nth(1)).toHaveText('0%');
  await expect(rows.nth(1)).toContainText('alg-none');
  await expect(comparison.getByTestId('compare-row-refused')).toContainText('not a result file');
});

test('a tampered exercise file is refused naming the problem, and no case is created', async ({ app }) => {
  const page = app.page;
  await signIn(page);
  const file = JSON.parse(await readFile(exerciseFile, 'utf8')) as { files: { bytes: string }[] };
  file.files[1]!.bytes = file.files[2]!.bytes;
  const tampered = path.join(root, 'tampered.ttexercise');
  await writeFile(tampered, JSON.stringify(file));
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-exercise').click();
  await (await chooser).setFiles(tampered);
  await expect(page.getByTestId('exercise-open-error')).toContainText('tampered.ttexercise is refused');
  await expect(page.getByTestId('exercise-open-error')).toContainText('the file was altered');
  await expect(page.getByTestId('empty-cases')).toBeVisible();
});

test('a scenario opens from the welcome screen as a case, generated in the page, and its findings are found', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const page = app.page;
  await signIn(page);
  await page.getByTestId('training').locator('summary', { hasText: 'Scenarios' }).click();
  const scenario = page.locator('[data-testid=scenario-item][data-scenario=alg-none]');
  await expect(scenario).toContainText('An unsigned admin token');
  await expect(scenario).toContainText('(easy)');
  await scenario.getByTestId('scenario-open-case').click();
  await expect(page.getByTestId('case-view')).toBeVisible({ timeout: 60_000 });
  // Imported like any bundle: verified, and journalled as an import.
  await page.getByTestId('tab-journal').click();
  await expect(page.locator('[data-testid=journal-row][data-action=import]')).toHaveCount(1);
  await page.getByTestId('tab-findings').click();
  for (const id of ['alg-none', 'token-never-issued'])
    await expect(findingRow(page, id).first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('tab-exercise')).toHaveCount(0);
});

test('an exercise made in the page hides the token checks: the file seals that choice, and the trainee sees no verdict, check or severity order', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const page = app.page;
  await signIn(page, 'Ian Instructor');
  await page.getByTestId('training').locator('summary', { hasText: 'Scenarios' }).click();
  const scenario = page.locator('[data-testid=scenario-item][data-scenario=alg-none]');
  await scenario.getByTestId('scenario-make-exercise').click();
  await scenario.getByTestId('scenario-hide-token-checks').check();
  await scenario.getByTestId('scenario-passphrase').fill(PASSPHRASE);

  // Saved (the browser host downloads it): a sealed exercise whose key opens with the passphrase and says what is hidden.
  const saved = path.join(root, 'made-in-page.ttexercise');
  const download = page.waitForEvent('download');
  await scenario.getByTestId('scenario-save-exercise').click();
  await (await download).saveAs(saved);
  const parsed = parseExerciseFile(await readFile(saved, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  expect(parsed.value.header.hidden).toEqual(['token-checks']);
  const key = await unsealAnswerKey(webcrypto.subtle, parsed.value, PASSPHRASE);
  expect(key.ok).toBe(true);

  // Opened here as a trainee: the Tokens view hides verdicts, checks and the order that would tell them.
  await scenario.getByTestId('scenario-open-trainee').click();
  await expect(page.getByTestId('exercise-tab')).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('tab-tokens').click();
  await expect(page.getByTestId('token-checks-hidden')).toBeVisible();
  await expect(page.getByTestId('token-row').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('token-row-verdict')).toHaveCount(0);
  await expect(page.getByTestId('token-row-findings')).toHaveCount(0);
  const orders = await page
    .getByTestId('token-sort')
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(orders).toEqual(['issued', 'file', 'seen']);
  await page.getByTestId('token-row').first().click();
  await expect(page.getByTestId('token-verdict')).toHaveCount(0);
  await expect(page.getByTestId('token-verdict-pending')).toHaveCount(0);
});
