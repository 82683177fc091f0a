// Annotations on the shipped sample case: a token, an event and a finding get a note, a tag, a star (the finding a
// disposition and a severity override, refused without a reason); after a browser restart everything is there;
// editing a note shows its before and after in the history; the timeline filters by tag and by star; the findings
// group and count by disposition; every change is a custody entry and the chain stays intact.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openCaseFromList, SCREENSHOTS, signIn } from './app-actions';
import { findingRow, SAMPLE_TITLE } from './sample-case';

const panelOf = (page: Page, kind: string) => page.locator(`[data-testid=annotation-panel][data-target^="${kind}:"]`);

async function writeNote(page: Page, kind: string, note: string): Promise<void> {
  const panel = panelOf(page, kind);
  await panel.getByTestId('note-edit').click();
  await panel.getByTestId('note-input').fill(note);
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('annotation-note-text')).toHaveText(note);
}

test('annotate a token, an event and a finding; reload; history, filters, dispositions and the custody chain', async ({
  app,
}) => {
  test.setTimeout(120_000);
  let page = app.page;
  await signIn(page);
  await page.getByTestId('open-sample').click();

  // Findings first: the analysis must have run. alg-none is a token check: no geolocation needed.
  await page.getByTestId('tab-findings').click();
  await expect(findingRow(page, 'alg-none')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', {
    timeout: 30_000,
  });
  const findingCount = await page.getByTestId('finding-row').count();
  await findingRow(page, 'alg-none').click();
  const finding = panelOf(page, 'finding');
  await finding.getByTestId('annotation-disposition').selectOption('confirmed');
  await finding.getByTestId('annotation-override-severity').selectOption('medium');
  // An override without a reason is refused, and says why.
  await finding.getByTestId('annotation-override-set').click();
  await expect(finding.getByTestId('annotation-error')).toContainText('a severity override needs a reason');
  await finding.getByTestId('annotation-override-reason').fill('the service rejects alg none at the gateway');
  await finding.getByTestId('annotation-override-set').click();
  await expect(finding.getByTestId('annotation-error')).toHaveCount(0);
  await writeNote(page, 'finding', 'Confirmed with the gateway team.');
  const algNoneRow = findingRow(page, 'alg-none');
  await expect(algNoneRow.getByTestId('disposition-badge')).toHaveText('confirmed');
  await expect(algNoneRow.getByTestId('override-badge')).toHaveText('→ medium');
  // Keyboard in the findings list: s stars the selected finding.
  await page.getByTestId('finding-list').press('s');
  await expect(finding.getByTestId('annotation-star')).toHaveAttribute('aria-pressed', 'true');
  await expect(algNoneRow.getByTestId('star-badge')).toBeVisible();

  // A token: tag created on the fly (with its colour), starred, a note linking an event.
  await page.getByTestId('tab-tokens').click();
  const tokenRow = page.getByTestId('token-row').first();
  await tokenRow.click();
  const tokenHash = await tokenRow.getAttribute('data-token-hash');
  let token = panelOf(page, 'token');
  await expect(token).toHaveAttribute('data-target', `token:${tokenHash}`);
  await token.getByTestId('tag-input').fill('phishing');
  await expect(token.getByTestId('tag-new-hint')).toBeVisible();
  await token.getByTestId('tag-input').press('Enter');
  await expect(token.locator('[data-testid=tag-badge][data-tag=phishing]')).toHaveAttribute(
    'style',
    /background: rgb\(/,
  );
  await token.getByTestId('annotation-star').click();
  await writeNote(page, 'token', 'Replayed from a second device, see event:2');
  await expect(tokenRow.getByTestId('star-badge')).toBeVisible();
  await expect(tokenRow.getByTestId('note-badge')).toBeVisible();
  // The key that verified it, annotated by its thumbprint: its mark shows in every row it verified.
  await panelOf(page, 'key').getByTestId('annotation-star').click();
  await expect(tokenRow.getByTestId('token-row-key').getByTestId('star-badge')).toBeVisible();

  // An event, with the keyboard only: t goes to the tags, n to the note, s stars.
  await page.getByTestId('tab-timeline').click();
  const eventRow = page.getByTestId('timeline-row').nth(2);
  await eventRow.click();
  const eventSeq = await eventRow.getAttribute('data-seq');
  const list = page.getByTestId('timeline-list');
  await list.focus();
  await list.press('t');
  const event = panelOf(page, 'event');
  await expect(event.getByTestId('tag-input')).toBeFocused();
  await page.keyboard.type('phishing');
  await page.keyboard.press('Enter');
  await expect(event.locator('[data-testid=tag-badge][data-tag=phishing]')).toBeVisible();
  await list.focus();
  await list.press('n');
  await expect(event.getByTestId('note-input')).toBeFocused();
  await page.keyboard.type('First use from the attacker.');
  await event.getByTestId('note-save').click();
  await list.focus();
  await list.press('s');
  await expect(event.getByTestId('annotation-star')).toHaveAttribute('aria-pressed', 'true');
  // The arrows still move the selection.
  await list.press('ArrowDown');
  await expect(page.getByTestId('timeline-row').nth(3)).toHaveAttribute('aria-selected', 'true');
  await expect(eventRow.getByTestId('star-badge')).toBeVisible();

  // A restart on the same profile: everything is still there.
  await app.restart();
  page = app.page;
  token = panelOf(page, 'token');
  await openCaseFromList(page, SAMPLE_TITLE);
  await page.getByTestId('tab-tokens').click();
  await page.locator(`[data-testid=token-row][data-token-hash="${tokenHash}"]`).click();
  await expect(token.getByTestId('annotation-star')).toHaveAttribute('aria-pressed', 'true');
  await expect(token.locator('[data-testid=tag-badge][data-tag=phishing]')).toBeVisible();
  await expect(token.getByTestId('annotation-note-text')).toHaveText('Replayed from a second device, see event:2');

  // Edit the note: the history shows who, and the note before and after.
  await writeNote(page, 'token', 'Replayed from a second device in Pyongyang, see event:2');
  await token.getByTestId('annotation-history').locator('summary').click();
  const latest = token.getByTestId('annotation-revision').first();
  await expect(latest).toHaveAttribute('data-change', 'edited');
  await expect(latest.getByTestId('revision-investigator')).toHaveText('Casey Examiner');
  const noteChange = latest.locator('[data-testid=revision-change][data-field=note]');
  await expect(noteChange.getByTestId('revision-before')).toHaveText('Replayed from a second device, see event:2');
  await expect(noteChange.getByTestId('revision-after')).toHaveText(
    'Replayed from a second device in Pyongyang, see event:2',
  );
  await expect(token.getByTestId('annotation-revision')).toHaveCount(4); // tag, star, note, edit
  await page.screenshot({ path: path.join(SCREENSHOTS, 'annotations-token.png'), fullPage: true });

  // The note's link opens the event it names.
  await token.getByTestId('note-link').click();
  await expect(page.locator('[data-testid=timeline-row][data-seq="2"]')).toHaveAttribute('aria-selected', 'true');

  // The timeline by tag, then by star: only the annotated event.
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('filter-annotation-tag').selectOption('phishing');
  await expect(page.getByTestId('timeline-row')).toHaveCount(1);
  await expect(page.getByTestId('timeline-row')).toHaveAttribute('data-seq', eventSeq!);
  await page.getByTestId('filter-annotation-tag').selectOption('');
  await page.getByTestId('filter-annotation-starred').check();
  await expect(page.getByTestId('timeline-row')).toHaveCount(1);
  await expect(page.getByTestId('timeline-row').getByTestId('tag-badge')).toHaveText('phishing');
  await page.getByTestId('timeline-row').click();
  await expect(panelOf(page, 'event').getByTestId('annotation-note-text')).toHaveText('First use from the attacker.');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'annotations-timeline.png'), fullPage: true });
  // The same filter narrows the findings to those with a starred event.
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('timeline-filter-summary')).toContainText('starred');
  await page.getByTestId('timeline-filter-clear').click();

  // Findings by disposition: one confirmed, the rest open; the counts say the same.
  await expect(page.getByTestId('finding-row')).toHaveCount(findingCount);
  await page.getByTestId('finding-group-by').selectOption('disposition');
  const groups = page.getByTestId('finding-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.first()).toHaveAttribute('data-disposition', 'open');
  await expect(groups.first()).toHaveAttribute('data-count', String(findingCount - 1));
  await expect(groups.nth(1)).toHaveAttribute('data-disposition', 'confirmed');
  await expect(groups.nth(1).getByTestId('finding-row')).toHaveAttribute('data-finding-id', 'alg-none');
  const counts = page.getByTestId('disposition-count');
  await expect(counts.filter({ hasText: 'confirmed' })).toContainText('1');
  await expect(page.locator('[data-testid=disposition-count][data-disposition=open]')).toContainText(
    String(findingCount - 1),
  );
  await page.screenshot({ path: path.join(SCREENSHOTS, 'annotations-findings.png'), fullPage: true });
  await page.getByTestId('filter-annotation-disposition').selectOption('confirmed');
  await expect(page.getByTestId('finding-row')).toHaveCount(1);
  await findingRow(page, 'alg-none').click();
  await expect(panelOf(page, 'finding').getByTestId('annotation-disposition')).toHaveValue('confirmed');
  await expect(panelOf(page, 'finding').getByTestId('annotation-override')).toHaveText(
    'overridden to medium: the service rejects alg none at the gateway',
  );
  await expect(panelOf(page, 'finding').getByTestId('annotation-override-severity')).toHaveValue('medium');

  // An evidence file, from its row in the Evidence tab.
  await page.getByTestId('tab-evidence').click();
  const fileRow = page.getByTestId('evidence-file-row').first();
  await fileRow.getByTestId('evidence-file-annotate').click();
  const file = panelOf(page, 'file');
  await file.getByTestId('tag-input').fill('chain-of-custody');
  await file.getByTestId('tag-add').click();
  await expect(fileRow.locator('[data-testid=tag-badge][data-tag=chain-of-custody]')).toBeVisible();

  // The custody log: one entry per change, each naming its item, and the chain intact.
  const created = page.locator('[data-testid=custody-row][data-action=annotation-created]');
  await expect(created).toHaveCount(5); // finding, token, key, event, file
  await expect(created.filter({ hasText: `token:${tokenHash}` })).toHaveCount(1);
  await expect(created.filter({ hasText: `event:${eventSeq}` })).toHaveCount(1);
  // finding: override, note, star; token: star, note, edit; event: note, star.
  await expect(page.locator('[data-testid=custody-row][data-action=annotation-edited]')).toHaveCount(8);
  await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
});
